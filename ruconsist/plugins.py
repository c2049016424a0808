"""The plugin manager factory."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable

import pluggy

from ruconsist import hookspecs

#: Built-in plugins, registered exactly like third-party ones.
DEFAULT_PLUGINS = (
    "ruconsist.checks",
    "ruconsist.readers",
    "ruconsist.formatters",
    "ruconsist.pairing",
    "ruconsist.align_plugin",
)
ENTRY_POINT_GROUP = "ruconsist"


def get_plugin_manager(
    load_entrypoints: bool = True, allow: Iterable[str] | None = None
) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-ins and, unless disabled,
    the installed plugins (``ruconsist`` entry points).

    ``allow`` (or ``RUCONSIST_PLUGINS=a,b`` in the environment) limits
    third-party plugins to the named entry points.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entrypoints:
        if allow is None and os.environ.get("RUCONSIST_PLUGINS"):
            allow = [p.strip() for p in os.environ["RUCONSIST_PLUGINS"].split(",") if p.strip()]
        if allow is None:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        else:
            for name in allow:
                pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=name)
    pm.check_pending()
    return pm
