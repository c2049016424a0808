"""Built-in output formats, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ruconsist.markers import hookimpl

BUILTIN_FORMATTERS = (
    ("text", "TextFormatter"),
    ("text", "ParsableFormatter"),
    ("json", "JsonFormatter"),
    ("sarif", "SarifFormatter"),
    ("github", "GithubFormatter"),
    ("junit", "JunitFormatter"),
    ("gitlab", "GitlabFormatter"),
    ("markdown", "MarkdownFormatter"),
    ("rdjsonl", "RdjsonlFormatter"),
    ("html", "HtmlFormatter"),
)


@hookimpl
def ruconsist_register_formatters(register: Callable[[str, type], None]) -> None:
    for module, cls_name in BUILTIN_FORMATTERS:
        cls = getattr(importlib.import_module(f"ruconsist.formatters.{module}"), cls_name)
        register(cls.name, cls)
