#!/usr/bin/env python3
"""Writes the near-duplicate fixtures: one field report as a PDF, as a saved web page, and
re-published as Markdown under another title with a few words changed; and a different report
on the same subject, which is not a duplicate. Run from this folder."""
import os
import sys
import textwrap

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pdf"))
from make_fixtures import pdf  # noqa: E402

TITLE = "Retort pilot in the river camps: field report"
PARAGRAPHS = [
    "The pilot lent closed retorts to the owners of processing sites in six river camps. Each owner "
    "agreed to burn amalgam only inside the retort and to keep a log of the mercury recovered.",
    "After eight months the logs showed that four of the six sites used the retort for most burns. "
    "The two other sites stopped because the retort took longer than an open pan and buyers in the "
    "camp paid the same price for gold burnt either way.",
    "Miners valued the mercury they recovered once they saw it weighed in front of them. Demonstrations "
    "held at the site, with the miners' own amalgam, convinced more people than the printed guide.",
    "The team recommends pairing retorts with a buyer who pays more for gold from a retort, training "
    "site owners before handing over equipment, and checking the logs every month during the first year.",
]


def html(title, paragraphs):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/library\">Library</a></nav>\n<main>\n<h1>{title}</h1>\n"
            f"{body}\n</main><footer>Knowledge centre</footer></body></html>\n")


def main():
    lines = [TITLE]
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, 80)
    half = len(lines) // 2
    open("retort-pilot-report.pdf", "wb").write(pdf([lines[:half], lines[half:]], {"Title": TITLE}))
    open("retort-pilot-report.html", "w", encoding="utf-8").write(html(TITLE, PARAGRAPHS))
    # Re-published under another name, with its first sentence reworded.
    republished = list(PARAGRAPHS)
    republished[0] = republished[0].replace("The pilot lent", "In 2016 the project lent")
    open("lessons-from-river-camps.md", "w", encoding="utf-8").write(
        "# Lessons from the river camps\n\n" + "\n\n".join(republished) + "\n")
    open("cyanidation-plant-review.md", "w", encoding="utf-8").write(
        "# Review of a cyanidation plant\n\n"
        "A cooperative built a small cyanidation plant to treat the tailings of its members. The plant "
        "recovered gold that amalgamation had left behind, but it was fed with tailings that still held "
        "mercury, which cyanide dissolves and carries into the river. The review recommends that tailings "
        "treated with cyanide be free of mercury, that the ponds be lined, and that the cooperative keep "
        "records of what enters and leaves the plant. Members who owned retorts were the first to agree.\n")


if __name__ == "__main__":
    main()
