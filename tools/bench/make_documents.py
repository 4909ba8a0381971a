#!/usr/bin/env python3
"""Writes a folder of generated PDF reports and web pages for timing the document readers:

    tools/bench/make_documents.py OUT [--pdfs 100 --pages 20] [--pages-html 300]
    time build/tools/precedent/precedent index OUT --db /tmp/documents-index

PDFs are written by tests/data/pdf/make_fixtures.py's writer (plain PDF 1.4, Helvetica); web
pages carry navigation, scripts and a main text. The words are drawn, seeded, from the bundled
collection's text, so the readers see real vocabulary."""
import argparse
import pathlib
import random
import re
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--pdfs", type=int, default=100)
    parser.add_argument("--pages", type=int, default=20, help="pages per PDF")
    parser.add_argument("--html", type=int, default=300, help="web pages")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parents[2]
    sys.dont_write_bytecode = True  # leave no __pycache__ in the fixtures folder
    sys.path.insert(0, str(root / "tests/data/pdf"))
    from make_fixtures import pdf  # the one PDF writer
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((root / "corpus/collection").glob("*.md")))
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.pdfs):
        pages = [[" ".join(rng.choices(words, k=12)) for _ in range(60)] for _ in range(args.pages)]
        (args.out / f"report-{i:04d}.pdf").write_bytes(pdf(pages, font_size=8))
    for i in range(args.html):
        paragraphs = "".join(f"<p>{' '.join(rng.choices(words, k=60))}</p>\n" for _ in range(40))
        page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{' '.join(rng.choices(words, k=6))}"
                f"</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><main>{paragraphs}</main>"
                f"<footer>Footer</footer></body></html>\n")
        (args.out / f"page-{i:04d}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
