"""Built-in check kinds, registered through the plugin hook."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ruconsist.markers import hookimpl


def _modules() -> tuple[str, ...]:
    import pkgutil

    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


#: Every module of this package, in name order.  A module (or
#: subpackage) that exports ``CHECKS`` is registered: a new check is one
#: new file here, with no list to extend.  The others (``base``,
#: ``nearby``, ...) are helpers the checks share.
BUILTIN_CHECK_MODULES = _modules()


def builtin_check_classes() -> list[type]:
    """The check classes of every built-in module, in module order."""
    out: list[type] = []
    for name in BUILTIN_CHECK_MODULES:
        out.extend(getattr(importlib.import_module(f"ruconsist.checks.{name}"), "CHECKS", ()))
    return out


@hookimpl
def ruconsist_register_checks(register: Callable[[type], None]) -> None:
    for cls in builtin_check_classes():
        register(cls)
