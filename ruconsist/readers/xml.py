"""XML documents that are neither XLIFF nor TMX (``X.ru.xml`` +
``X.zh.xml``: a declaration, a law, a book in TEI or DocBook).

The text of such a file is in its elements, never in its markup: each
element that holds text of its own (a ``<para>``, a ``<title>``, a
``<p>`` with inline ``<b>`` inside) is one segment, its inline children's
text included.  The two files' segments are aligned in reading order
like Markdown paragraphs, so a paragraph that one translation splits in
two (the same document, two element trees) still pairs.  Tags,
attributes, comments and processing instructions are never read as
text, so no finding and no fix ever lands inside markup.  ``<title>``,
``<head>`` and ``<h1>``…``<h6>`` are headings.

A file tagged with neither language whose elements carry ``xml:lang``
marks for both Russian and Chinese is read as bilingual, each
language's elements in document order; any other untagged XML file is
refused with a line saying how to pair it.  A ``.xml`` file whose root
is ``<xliff>`` or ``<tmx>`` goes to those readers.  Parsing is the same
entity-refusing expat reader as for XLIFF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruconsist.document import Document, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import lang_code
from ruconsist.readers.xliff import Chunk, El, flat_segment, flatten, parse_xml

if TYPE_CHECKING:
    from ruconsist.config import Config

#: Elements whose text is a heading: a document's own title is not
#: quoted (no ``《》`` around it) and counts as a title for pattern scopes.
HEADINGS = frozenset({"title", "head", "heading", "h1", "h2", "h3", "h4", "h5", "h6"})


def text_elements(root: El, lang: str | None = None) -> list[tuple[str, El, str | None]]:
    """(element path such as ``decl/article[3]/para[1]``, element,
    xml:lang in force) of each element holding text of its own, in
    document order; its descendants belong to it."""
    out: list[tuple[str, El, str | None]] = []
    stack: list[tuple[El, str, str | None]] = [(root, root.tag, lang)]
    while stack:
        el, path, in_force = stack.pop()
        in_force = lang_code(el.get("xml:lang")) or in_force
        if any(isinstance(c, Chunk) and c.text.strip() for c in el.children):
            out.append((path, el, in_force))
            continue
        counts: dict[str, int] = {}
        kids = []
        for child in el.elements():
            counts[child.tag] = counts.get(child.tag, 0) + 1
            kids.append((child, f"{path}/{child.tag}[{counts[child.tag]}]", in_force))
        stack.extend(reversed(kids))
    return out


def _segment(doc: Document, lang: str, el: El) -> Segment | None:
    flat = flatten(el)
    if not flat.text.strip():
        return None
    kind = "heading" if el.tag.lower() in HEADINGS else "paragraph"
    return flat_segment(doc, lang, flat, kind=kind, key=None, fmt="xml")


class XmlReader(Reader):
    """Generic XML (see the module docstring)."""

    name = "xml"
    extensions = (".xml",)

    def sniff(self, path: str, head: str) -> bool:
        return head.lstrip("\ufeff \t\r\n").startswith("<?xml")

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        root = parse_xml(doc)
        if root.tag in ("xliff", "tmx"):
            from ruconsist.readers.tmx import TmxReader

            doc.format = root.tag
            # TmxReader reads both (it hands XLIFF to the XLIFF reader).
            return TmxReader().read(doc, lang, config)
        if lang is not None:
            segs = [s for _, el, _ in text_elements(root) if (s := _segment(doc, lang, el))]
            return Parsed(doc, {lang: segs})
        by_lang: dict[str, list[Segment]] = {"ru": [], "zh": []}
        for _, el, marked in text_elements(root):
            if marked in by_lang and (s := _segment(doc, marked, el)) is not None:
                by_lang[marked].append(s)
        if by_lang["ru"] and by_lang["zh"]:
            return Parsed(doc, by_lang)
        raise InputError(
            f"XML document <{root.tag}> holds one language: name the files of a pair by language"
            " (X.ru.xml and X.zh.xml) or give them with --ru FILE --zh FILE",
            doc.path,
            doc.line_col(root.pos)[0],
        )
