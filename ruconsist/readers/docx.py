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
#: What the archive may expand to, checked before anything is parsed: a
#: member's declared size, the sum of them, and how much larger than its
#: compressed size a large member may be.  A real document's XML is 5 to
#: 20 times its compressed size; a "zip bomb" is thousands of times.
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 48 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1 << 20


def check_archive(data: bytes, path: str) -> None:
    """Refuse a zip archive that would expand past the limits above:
    first by the sizes its directory declares, then by reading every
    member streaming with a running count (a declared size can lie),
    never holding a member's expansion in memory."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise InputError(f"not a readable Word document: {exc}", path) from None
    with archive:
        members = archive.infolist()
        total = 0
        for info in members:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (info.file_size > _CHUNK and ratio > MAX_RATIO):
                raise InputError(
                    f"Word document expands too far ({info.filename}: {info.file_size // 1024} KB from"
                    f" {info.compress_size // 1024} KB; at most {MAX_MEMBER_BYTES // 1048576} MB a part,"
                    f" {MAX_TOTAL_BYTES // 1048576} MB in all, {MAX_RATIO} times compressed); refusing it",
                    path,
                )
        total = 0
        for info in members:
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_TOTAL_BYTES:
                            raise InputError(f"Word document expands past {MAX_TOTAL_BYTES // 1048576} MB; refusing it", path)
            except InputError:
                raise
            except Exception as exc:  # a bad CRC, a member that lies, an unknown method
                raise InputError(f"not a readable Word document: {info.filename}: {exc}", path) from None


def paragraphs_of(data: bytes, path: str) -> list[str]:
    """Text of each body paragraph in document order."""
    if not data.startswith(b"PK"):
        raise InputError("not a Word document (.docx is a zip archive; is this an old .doc file?)", path)
    try:
        import docx
    except ImportError:
        raise InputError("reading .docx needs python-docx, which is missing from this environment: pip install python-docx", path) from None
    check_archive(data, path)
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
