#!/usr/bin/env python3
"""Writes a folder of generated PDF reports and web pages for timing the document readers:

    tools/bench/make_documents.py OUT [--pdfs 100 --pages 20] [--pages-html 300]
    time build/tools/precedent/precedent index OUT --db /tmp/documents-index

PDFs are plain PDF 1.4 with Helvetica text (the layout of tests/data/pdf/make_fixtures.py); web
pages carry navigation, scripts and a main text. The words are drawn, seeded, from the bundled
collection's text, so the readers see real vocabulary."""
import argparse
import pathlib
import random
import re


def pdf(pages):
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        parts = ["BT /F1 10 Tf 50 780 Td 12 TL"]
        for line in lines:
            parts.append("(" + line.replace("\\", "").replace("(", "").replace(")", "") + ") Tj T*")
        parts.append("ET")
        stream = "\n".join(parts).encode("latin-1", "replace").decode("latin-1")
        content = add(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--pdfs", type=int, default=100)
    parser.add_argument("--pages", type=int, default=20, help="pages per PDF")
    parser.add_argument("--html", type=int, default=300, help="web pages")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parents[2]
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((root / "corpus/collection").glob("*.md")))
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.pdfs):
        pages = [[" ".join(rng.choices(words, k=12)) for _ in range(55)] for _ in range(args.pages)]
        (args.out / f"report-{i:04d}.pdf").write_bytes(pdf(pages))
    for i in range(args.html):
        paragraphs = "".join(f"<p>{' '.join(rng.choices(words, k=60))}</p>\n" for _ in range(40))
        page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{' '.join(rng.choices(words, k=6))}"
                f"</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><main>{paragraphs}</main>"
                f"<footer>Footer</footer></body></html>\n")
        (args.out / f"page-{i:04d}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
