"""Built-in readers, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ruconsist.hookspecs import hookimpl

#: (module, class) of each built-in reader.
BUILTIN_READERS = (
    ("text", "TextReader"),
    ("text", "MarkdownReader"),
    ("text", "LinesReader"),
    ("text", "BilingualReader"),
    ("po", "PoReader"),
    ("locale", "JsonLocaleReader"),
    ("locale", "YamlLocaleReader"),
)


@hookimpl
def ruconsist_register_readers(register: Callable[[type], None]) -> None:
    for module, cls in BUILTIN_READERS:
        register(getattr(importlib.import_module(f"ruconsist.readers.{module}"), cls))
