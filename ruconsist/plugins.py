"""The plugin manager factory.

Built-in plugins register through the same hooks as third-party ones.
Third-party plugins are installed distributions with an entry point in
the ``ruconsist`` group::

    [project.entry-points.ruconsist]
    newsroom = "ruconsist_newsroom"

They load unless ``--no-plugins`` is given; ``RUCONSIST_PLUGINS=a,b``
(an allowlist of entry point names; set but empty means none) limits
them.  ``RUCONSIST_TRACE_PLUGINS=1`` prints every hook call to stderr.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass

import pluggy

from ruconsist import hookspecs
from ruconsist.errors import ConfigError

#: Built-in plugins, registered exactly like third-party ones.
DEFAULT_PLUGINS = (
    "ruconsist.checks",
    "ruconsist.readers",
    "ruconsist.formatters",
    "ruconsist.pairing",
    "ruconsist.align.plugin",
)
ENTRY_POINT_GROUP = "ruconsist"
ALLOW_ENV = "RUCONSIST_PLUGINS"
TRACE_ENV = "RUCONSIST_TRACE_PLUGINS"


@dataclass(frozen=True)
class PluginInfo:
    """A third-party plugin that was loaded: its entry point name and the
    distribution that provides it."""

    name: str
    module: str
    distribution: str
    version: str


class PluginManager(pluggy.PluginManager):
    """A pluggy manager that also remembers which third-party plugins it
    loaded (for ``ruconsist plugins`` and error messages)."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.third_party: list[PluginInfo] = []


def allowlist_from_env(environ: dict[str, str] | None = None) -> list[str] | None:
    """The entry point names ``RUCONSIST_PLUGINS`` allows, or ``None``
    when the variable is not set (every installed plugin loads)."""
    env = os.environ if environ is None else environ
    if ALLOW_ENV not in env:
        return None
    return [p.strip() for p in env[ALLOW_ENV].replace(" ", ",").split(",") if p.strip()]


def get_plugin_manager(
    load_entrypoints: bool = True, allow: Iterable[str] | None = None
) -> PluginManager:
    """A fresh plugin manager with the built-ins and, unless
    ``load_entrypoints`` is false, the installed plugins.

    :param allow: entry point names to load (default: the
        ``RUCONSIST_PLUGINS`` allowlist if set, else every plugin).  A
        name in the allowlist that is not installed is an error, since
        it is most likely misspelt.
    :raises ConfigError: a plugin that fails to import or declares a
        hook implementation that matches no hook.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entrypoints:
        _load_entry_points(pm, allowlist_from_env() if allow is None else list(allow))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(f"plugin {exc.plugin_name!r}: {exc}") from None
    if os.environ.get(TRACE_ENV):
        _trace(pm)
    return pm


def _scan_entry_points() -> list[tuple[str, str, str, str]]:
    """Name, object reference, distribution and version of every
    installed plugin entry point, by name."""
    from importlib import metadata

    out = []
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = ep.dist
        out.append((ep.name, ep.value, dist.metadata["Name"] if dist is not None else "?",
                    dist.version if dist is not None else "?"))
    return out


def _mtime(path: str) -> int:
    try:
        return os.stat(path or ".").st_mtime_ns
    except OSError:
        return 0


def installed_entry_points() -> list[tuple[str, str, str, str]]:
    """:func:`_scan_entry_points`, kept in the cache.  Reading every
    installed distribution's metadata costs 30-50 ms, most of a short
    run's start-up; the list is keyed by the import path's directories
    and their modification times, which installing, upgrading or
    removing a distribution changes."""
    from ruconsist import cache

    key = cache.key_for(*(f"{p}\0{_mtime(p)}" for p in sys.path))
    return cache.cached("entry-points", key, _scan_entry_points, list)


def _load_reference(value: str) -> object:
    """The object an entry point names, ``module.sub:attr.attr [extras]``,
    as ``EntryPoint.load`` finds it (without importing
    ``importlib.metadata``, a tenth of a short run)."""
    module, _, attrs = value.split("[", 1)[0].partition(":")
    obj: object = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj


def _load_entry_points(pm: PluginManager, allow: list[str] | None) -> None:
    found: set[str] = set()
    for name, value, dist_name, version in installed_entry_points():
        if allow is not None and name not in allow:
            continue
        if name in found or pm.get_plugin(name) is not None or pm.is_blocked(name):
            continue
        found.add(name)
        try:
            plugin = _load_reference(value)
            pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise ConfigError(f"plugin {name!r} ({dist_name} {version}): {exc}") from None
        except Exception as exc:  # a broken plugin must not look like a ruconsist bug
            raise ConfigError(
                f"plugin {name!r} ({dist_name} {version}) failed to load: "
                f"{type(exc).__name__}: {exc} (run with --no-plugins to skip plugins)"
            ) from None
        pm.third_party.append(PluginInfo(name, value, dist_name, version))
    if allow is not None:
        missing = [name for name in allow if name not in found]
        if missing:
            installed = sorted({ep[0] for ep in installed_entry_points()})
            raise ConfigError(
                f"{ALLOW_ENV} names plugin(s) that are not installed: {', '.join(missing)}"
                f" (installed: {', '.join(installed) or 'none'})"
            )


def _trace(pm: PluginManager) -> None:
    def before(hook_name: str, impls: list[pluggy.HookImpl], kwargs: dict[str, object]) -> None:
        names = ", ".join(impl.plugin_name for impl in impls)
        sys.stderr.write(f"ruconsist: hook {hook_name} -> {names}\n")

    def after(outcome: object, hook_name: str, impls: object, kwargs: object) -> None:
        pass

    pm.add_hookcall_monitoring(before, after)
