"""TMX translation memories (1.1–1.4b).

Each ``<tu>`` holding a Russian and a Chinese ``<tuv>`` (by ``xml:lang``,
or ``lang`` in TMX 1.1) is a pre-aligned pair, whatever the header's
``srclang``; units in other languages are left alone.  Inline codes
(``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``, ``<hi>``) are kept
out of the text and compared by the TAG001 check.  Parsing is the same
entity-refusing expat reader as for XLIFF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruconsist.document import Document
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.xliff import parse_xml, sniff_root, tmx_parsed, units_to_parsed, xliff_units

if TYPE_CHECKING:
    from ruconsist.config import Config


class TmxReader(Reader):
    """TMX translation memories (see the module docstring)."""

    name = "tmx"
    extensions = (".tmx",)
    bilingual = True

    def sniff(self, path: str, head: str) -> bool:
        return sniff_root(head, ("tmx",))

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        root = parse_xml(doc)
        if root.tag == "xliff":
            return units_to_parsed(doc, xliff_units(doc, root), lang, "xliff", "XLIFF file")
        return tmx_parsed(doc, root, lang)
