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
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import lang_code
from ruconsist.readers.xliff import El, Unit, flatten, parse_xml, sniff_root, units_to_parsed

if TYPE_CHECKING:
    from ruconsist.config import Config


def tmx_units(doc: Document, root: El) -> list[Unit]:
    if root.tag != "tmx":
        raise InputError(f"not a TMX file (root element <{root.tag}>)", doc.path, doc.line_col(root.pos)[0])
    header = next(iter(root.elements("header")), None)
    srclang = header.get("srclang") if header is not None else None
    units: list[Unit] = []
    for i, tu in enumerate(root.iter("tu")):
        by_lang: dict[str, tuple[str, El]] = {}
        for tuv in tu.elements("tuv"):
            tag = tuv.get("xml:lang") or tuv.get("lang") or ""
            code = lang_code(tag)
            seg = next(iter(tuv.elements("seg")), None)
            if code is not None and seg is not None and code not in by_lang:
                by_lang[code] = (tag, seg)
        key = tu.get("tuid") or str(i + 1)
        if "ru" in by_lang and "zh" in by_lang:
            # Direction only decides which side is "source"; both are read.
            first = "zh" if lang_code(srclang) == "zh" else "ru"
            second = "ru" if first == "zh" else "zh"
            (stag, s), (ttag, t) = by_lang[first], by_lang[second]
            units.append(Unit(key, stag, ttag, flatten(s), flatten(t)))
        elif len(by_lang) == 1:
            (code, (tag, s)), = by_lang.items()
            units.append(Unit(key, tag, None, flatten(s), None))
    return units


def tmx_parsed(doc: Document, root: El, lang: str | None) -> Parsed:
    return units_to_parsed(doc, tmx_units(doc, root), lang, "tmx", "TMX file")


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
            from ruconsist.readers.xliff import units_to_parsed as to_parsed
            from ruconsist.readers.xliff import xliff_units

            return to_parsed(doc, xliff_units(doc, root), lang, "xliff", "XLIFF file")
        return tmx_parsed(doc, root, lang)
