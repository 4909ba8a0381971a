#!/usr/bin/env python3
"""Turns the JSON lines that tools/bench/compare collects (WORK/results.jsonl) into a Markdown
report: the machine, the command, a table per kind of figure, the ratios between engines and
the issue's goals checked against the figures of this run.

Usage: tools/bench/report.py RESULTS.jsonl [--command "tools/bench/compare ..."]
"""
import argparse
import datetime
import json
import os
import platform
import sys


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"report.py: {path}:{number}: not JSON ({e})")
    return rows


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({model or platform.processor()}), {memory}, {platform.system()} {platform.release()}"


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    if not a or not b:
        return "–"
    return f"{a / b:.2f}x"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--command", default="tools/bench/compare")
    args = parser.parse_args()
    rows = load(args.results)

    def find(step, **match):
        for row in rows:
            if row.get("step") == step and all(row.get(k) == v for k, v in match.items()):
                return row
        return None

    index = find("index")
    search = [r for r in rows if r.get("step") == "search"]
    raw = [r for r in rows if r.get("step") == "raw"]
    threads = max((r["threads"] for r in search), default=1)
    precedent = find("search", threads=threads)
    precedent_1 = find("search", threads=1)
    xapian = find("raw", threads=threads)
    xapian_1 = find("raw", threads=1)
    similar = find("similar")
    http = find("http")
    http_light = find("http_light")
    peers = {r["engine"]: r for r in rows if r.get("step") == "peers"}
    docs = index["docs"] if index else next((p["docs"] for p in peers.values()), None)

    out = []
    w = out.append
    w(f"### {fmt(docs)} records, {datetime.date.today().isoformat()}")
    w("")
    w(f"Machine: {machine()}. Command: `{args.command}`.")
    w("")

    w("**Indexing** (from the JSON Lines files to an index ready to search; Precedent with positions, "
      "stems, spelling, lessons and near-duplicate keys)")
    w("")
    w("| engine | threads | seconds | docs/s | MB/s | index MB | peak RSS MB | Precedent's docs/s ÷ this |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    p_docs_s = index["docs_per_s"] if index else None
    if index:
        w(f"| Precedent | {index['threads']} | {fmt(index['seconds'], 1)} | {fmt(index['docs_per_s'])} | "
          f"{fmt(index['mb_per_s'], 2)} | {fmt(index['index_mb'], 1)} | {fmt(index['peak_rss_mb'])} | 1.00x |")
        if "raw_xapian_seconds" in index:
            w(f"| Xapian alone | 1 | {fmt(index['raw_xapian_seconds'], 1)} | {fmt(index['raw_xapian_docs_per_s'])} | "
              f"{fmt(index['input_mb'] / index['raw_xapian_seconds'], 2)} | {fmt(index['raw_xapian_index_mb'], 1)} | – | "
              f"{ratio(p_docs_s, index['raw_xapian_docs_per_s'])} |")
    for name, peer in peers.items():
        w(f"| {name} | 1 | {fmt(peer['index_seconds'], 1)} | {fmt(peer['docs_per_s'])} | "
          f"{fmt(peer['mb_per_s'], 2)} | {fmt(peer['index_mb'], 1)} | {fmt(peer.get('peak_rss_mb'))} | "
          f"{ratio(p_docs_s, peer['docs_per_s'])} |")
    w("")

    w(f"**Search**, the same {fmt(precedent['queries'] if precedent and 'queries' in precedent else None)} "
      "query mix everywhere; in process or one loopback connection per thread, and over HTTP with wrk")
    w("")
    w("| engine | how | queries/s | p50 ms | p99 ms | Precedent HTTP's queries/s ÷ this |")
    w("|---|---|---:|---:|---:|---:|")
    http_qps = http["qps"] if http else None

    def search_row(name, how, row):
        if row:
            w(f"| {name} | {how} | {fmt(row['qps'])} | {fmt(row['p50_ms'], 2)} | {fmt(row['p99_ms'], 2)} | "
              f"{ratio(http_qps, row['qps'])} |")

    search_row("Precedent", "in process, 1 thread", precedent_1)
    search_row("Precedent", f"in process, {threads} threads", precedent)
    search_row("Precedent", f"HTTP, {http['connections']} connections, {http['server_threads']} server threads" if http else "", http)
    search_row("Precedent", f"HTTP, {http_light['connections']} connections" if http_light else "", http_light)
    search_row("Xapian alone (floor)", "in process, 1 thread", xapian_1)
    search_row("Xapian alone (floor)", f"in process, {threads} threads", xapian)
    for name, peer in peers.items():
        how = "in process" if name == "sqlite" else "loopback"
        search_row(name, f"{how}, {peer['threads']} threads", peer)
    w("")
    if peers:
        w("How each peer was set up (peer_bench):")
        w("")
        for name, peer in peers.items():
            w(f"- {name}: {peer.get('setup', '')}")
        w("")

    types = sorted(set((precedent or {}).get("by_type", {})) | {t for p in peers.values() for t in p.get("by_type", {})})
    if types:
        engines = [("Precedent", precedent), ("Xapian alone", xapian)] + [(n, p) for n, p in peers.items()]
        engines = [(n, e) for n, e in engines if e]
        w(f"**By query type**: queries/s (p99 ms), {threads} threads")
        w("")
        w("| type | " + " | ".join(n for n, _ in engines) + " |")
        w("|---|" + "---:|" * len(engines))
        for t in types:
            cells = []
            for _, e in engines:
                f = e.get("by_type", {}).get(t)
                cells.append(f"{fmt(f['qps'])} ({fmt(f['p99_ms'], 1)})" if f else "–")
            w(f"| {t} | " + " | ".join(cells) + " |")
        w("")

    if similar:
        w(f"**Similar initiatives** (200 seeds): by id p50 {fmt(similar['similar_by_id_p50_ms'], 2)} ms, "
          f"p99 {fmt(similar['similar_by_id_p99_ms'], 2)} ms; by a proposal of up to 300 words p50 "
          f"{fmt(similar['similar_by_proposal_p50_ms'], 2)} ms, p99 {fmt(similar['similar_by_proposal_p99_ms'], 2)} ms.")
        w("")

    w("**Goals** (issue: performance), checked on this run")
    w("")

    def goal(text, ok):
        w(f"- {'met' if ok else 'NOT met'}: {text}")

    if index and "sqlite" in peers:
        goal(f"indexing at least as fast as SQLite FTS5: {fmt(p_docs_s)} vs {fmt(peers['sqlite']['docs_per_s'])} docs/s",
             p_docs_s >= peers["sqlite"]["docs_per_s"])
    if http and "sphinx" in peers:
        goal(f"HTTP queries/s at least twice Sphinx's: {fmt(http_qps)} vs 2 x {fmt(peers['sphinx']['qps'])}",
             http_qps >= 2 * peers["sphinx"]["qps"])
    if http and xapian:
        goal(f"HTTP queries/s at least half of Xapian alone in process: {fmt(http_qps)} vs {fmt(xapian['qps'])} / 2",
             http_qps >= xapian["qps"] / 2)
    if http_light:
        goal(f"HTTP p99 under 10 ms ({http_light['connections']} connections): {fmt(http_light['p99_ms'], 2)} ms",
             http_light["p99_ms"] < 10)
    if http:
        goal(f"HTTP p99 under 10 ms ({http['connections']} connections, at full load): {fmt(http['p99_ms'], 2)} ms",
             http["p99_ms"] < 10)
    if precedent and "faceted" in precedent.get("by_type", {}) and "one_word" in precedent.get("by_type", {}):
        faceted = precedent["by_type"]["faceted"]["qps"]
        plain = precedent["by_type"]["one_word"]["qps"]
        goal(f"faceted queries within 1.5x of the same one-word queries without facets: {plain / faceted:.2f}x",
             plain / faceted <= 1.5)
    if similar:
        goal(f"similar by id and by proposal p50 under 20 ms: {fmt(similar['similar_by_id_p50_ms'], 2)} and "
             f"{fmt(similar['similar_by_proposal_p50_ms'], 2)} ms",
             similar["similar_by_id_p50_ms"] < 20 and similar["similar_by_proposal_p50_ms"] < 20)
    if http:
        goal(f"server resident memory under 300 MB under load: peak {fmt(http['server_peak_rss_mb'], 1)} MB "
             f"at {fmt(docs)} records", http["server_peak_rss_mb"] < 300)
    print("\n".join(out))


if __name__ == "__main__":
    main()
