"""Built-in readers, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from ruconsist.hookspecs import hookimpl

#: (module, class) of each built-in reader.
BUILTIN_READERS = (
    ("text", "TextReader"),
    ("text", "MarkdownReader"),
    ("text", "LinesReader"),
    ("text", "BilingualReader"),
    # Before XLIFF and TMX: readers are sniffed last-registered first, so
    # an unnamed XLIFF or TMX file is theirs, any other XML this one's.
    ("xml", "XmlReader"),
    ("po", "PoReader"),
    ("locale", "JsonLocaleReader"),
    ("locale", "YamlLocaleReader"),
    ("xliff", "XliffReader"),
    ("tmx", "TmxReader"),
    ("subtitles", "SubtitleReader"),
    ("docx", "DocxReader"),
    ("table", "CsvReader"),
    ("table", "XlsxReader"),
)


@hookimpl
def ruconsist_register_readers(register: Callable[[type], None]) -> None:
    for module, cls in BUILTIN_READERS:
        register(getattr(importlib.import_module(f"ruconsist.readers.{module}"), cls))


@hookimpl
def ruconsist_align(ru: list[Any], zh: list[Any], config: Any, rules: Any) -> list[tuple[list[Any], list[Any]]] | None:
    """Subtitle cues align by time, not by length; other segments go on
    to the next aligner."""
    from ruconsist.readers.subtitles import align_cues, timed

    if timed(ru) and timed(zh):
        return align_cues(ru, zh)
    return None
