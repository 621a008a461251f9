"""Read the text of the simple PDFs fpdf2 writes: inflate each stream, collect (…) Tj strings."""

import re
import zlib

# A stream's dictionary gives its exact length; reading by length never cuts compressed data.
STREAM = re.compile(rb"/Length (\d+)[^>]*>>\s*stream\r?\n")
SHOWN = re.compile(rb"\((.*?)(?<!\\)\)\s*Tj")


def _streams(pdf: bytes) -> list[bytes]:
    return [pdf[m.end() : m.end() + int(m.group(1))] for m in STREAM.finditer(pdf)]


def pdf_text(pdf: bytes) -> str:
    parts = []
    for raw in _streams(pdf):
        try:
            data = zlib.decompress(raw)
        except zlib.error:
            data = raw
        parts += [m.replace(rb"\(", b"(").replace(rb"\)", b")") for m in SHOWN.findall(data)]
    return "\n".join(p.decode("cp1252") for p in parts)
