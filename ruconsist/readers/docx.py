"""Word documents (``.docx``), read with python-docx.

A ``.docx`` file is a zip archive, so its position cannot be a line of
the file.  The reader builds a text with one line per paragraph of the
document body (table cells included, in reading order), so a finding's
line is the paragraph number and its column the character within the
paragraph.  Paragraphs are then aligned like Markdown paragraphs.
Deleted tracked changes are left out, inserted ones read; a soft line
break inside a paragraph reads as a space so the paragraph stays one
line.

python-docx is a dependency, imported only when a Word document is
read.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, ClassVar

from ruconsist.document import Document, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.segment import line_spans

if TYPE_CHECKING:
    from ruconsist.config import Config

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PARAGRAPHS = 200_000


def paragraphs_of(data: bytes, path: str) -> list[str]:
    """Text of each body paragraph in document order."""
    if not data.startswith(b"PK"):
        raise InputError("not a Word document (.docx is a zip archive; is this an old .doc file?)", path)
    try:
        import docx
    except ImportError:
        raise InputError("reading .docx needs python-docx, which is missing from this environment: pip install python-docx", path) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a bad package
        raise InputError(f"not a readable Word document: {type(exc).__name__}: {exc}", path) from None
    body = document.element.body
    out: list[str] = []
    for p in body.iter(f"{W}p"):
        # Text of this paragraph only: a text box inside it holds
        # paragraphs of its own, read in their turn.
        parts: list[str] = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}p"):
            if node is p:
                continue
            owner = node.getparent()
            while owner is not None and owner.tag != f"{W}p":
                owner = owner.getparent()
            if owner is not p:
                continue
            tag = node.tag
            if tag == f"{W}t":
                parts.append(node.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag == f"{W}noBreakHyphen":
                parts.append("\u2011")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append(" ")
        out.append("".join(parts).replace("\r", " ").replace("\n", " "))
        if len(out) > MAX_PARAGRAPHS:
            raise InputError(f"Word document has more than {MAX_PARAGRAPHS} paragraphs", path)
    return out


class DocxReader(Reader):
    """Word documents (see the module docstring).

    ``binary`` tells the engine to hand the file's bytes to :meth:`load`
    instead of decoding them as text."""

    name = "docx"
    extensions = (".docx",)
    binary: ClassVar[bool] = True

    def load(self, path: str, data: bytes, config: Config | None = None) -> Document:
        return Document(path, "\n".join(paragraphs_of(data, path)), format="docx")

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        spans = []
        for a, b in line_spans(doc.text):
            line = doc.text[a:b]
            lead = len(line) - len(line.lstrip())
            body = line.strip()
            if body:
                spans.append((a + lead, a + lead + len(body)))
        if lang is None:
            from ruconsist.readers.text import _split_bilingual

            return _split_bilingual(doc, [(a, b, "paragraph") for a, b in spans])
        return Parsed(doc, {lang: [Segment(doc, lang, a, doc.text[a:b], "paragraph") for a, b in spans]})
