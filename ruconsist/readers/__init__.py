"""Built-in readers, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ruconsist.markers import hookimpl

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


def builtin_reader_classes() -> list[type]:
    """The reader classes of :data:`BUILTIN_READERS`, in that order."""
    return [getattr(importlib.import_module(f"ruconsist.readers.{module}"), cls) for module, cls in BUILTIN_READERS]


@hookimpl
def ruconsist_register_readers(register: Callable[[type], None]) -> None:
    for cls in builtin_reader_classes():
        register(cls)

