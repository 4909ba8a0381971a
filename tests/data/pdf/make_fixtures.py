#!/usr/bin/env python3
"""Writes the PDF fixtures of this folder (plain PDF 1.4 with the standard Helvetica font), so
their bytes are ours and their content known. encrypted.pdf is mercury-report.pdf encrypted by
qpdf (Debian package qpdf): qpdf --encrypt secret secret 256 -- mercury-report.pdf encrypted.pdf"""


def pdf(pages, info=None, font_size=12):
    """A PDF of these pages (lists of lines; None for a page with a drawing and no text)."""
    objects = []  # bodies, object n is objects[n-1]

    def add(body):
        objects.append(body)
        return len(objects)

    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # the Pages object comes after every page
    page_ids = []
    for lines in pages:
        if lines is None:  # a page of drawing only, as a scan without OCR would be
            stream = "0.5 g 72 72 400 600 re f"
        else:
            parts = [f"BT /F1 {font_size} Tf 72 720 Td {font_size + 4} TL"]
            for line in lines:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                parts.append(f"({escaped}) Tj T*")
            parts.append("ET")
            stream = "\n".join(parts)
        content = add(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>") == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    info_id = None
    if info:
        entries = " ".join(f"/{k} ({v})" for k, v in info.items())
        info_id = add(f"<< {entries} >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main():
    report = pdf([["Mercury reduction pilot: final report", "Retorts were handed to forty miners in 2015.",
                   "Most were unused a year later."],
                  ["Lessons", "Training on site worked better than manuals."]],
                 {"Title": "Mercury reduction pilot", "Author": "Fixture Author"})
    open("mercury-report.pdf", "wb").write(report)
    open("untitled.pdf", "wb").write(pdf([["Cyanide tanks in the valley", "Tanks were lined with plastic."]]))
    open("scanned.pdf", "wb").write(pdf([None, None]))
    open("truncated.pdf", "wb").write(report[: len(report) // 3])
    open("not-really.pdf", "wb").write(b"<html><head><title>Saved page</title></head>"
                                       b"<body>A web page saved with the wrong name</body></html>\n")


if __name__ == "__main__":
    main()
