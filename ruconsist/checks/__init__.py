"""Built-in check kinds, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ruconsist.markers import hookimpl

#: One module per check kind; each exports ``CHECKS``.
BUILTIN_CHECK_MODULES = (
    "alignment",
    "lists",
    "terms",
    "term_forbidden",
    "numbers",
    "dates",
    "times",
    "periods",
    "placeholders",
    "markup",
    "palladius",
    "offices",
    "names",
    "titles",
    "typography",
    "patterns",
    "directives",
    "consistency",
    "versions",
    "repetition",
    "truncation",
    "leftover_script",
    "transliteration",
    "country_abbrev",
    "limits",
)


@hookimpl
def ruconsist_register_checks(register: Callable[[type], None]) -> None:
    for name in BUILTIN_CHECK_MODULES:
        module = importlib.import_module(f"ruconsist.checks.{name}")
        for cls in module.CHECKS:
            register(cls)
