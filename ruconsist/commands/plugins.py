"""``ruconsist plugins``: which plugins are loaded and what they provide."""

from __future__ import annotations

import argparse
from typing import IO, Any

NAME = "plugins"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(NAME, help="list loaded plugins and the hooks they implement")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    return p


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ruconsist.plugins import DEFAULT_PLUGINS, get_plugin_manager

    pm = get_plugin_manager(load_entrypoints=not args.no_plugins)
    dists = {info.name: info for info in pm.third_party}
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        hooks = sorted(
            impl.name.removeprefix("ruconsist_") for impl in (pm.get_hookcallers(plugin) or [])
        )
        if name in dists:
            info = dists[name]
            origin = f"{info.distribution} {info.version} ({info.module})"
        elif name in DEFAULT_PLUGINS:
            origin = "built-in"
        else:
            origin = getattr(plugin, "__name__", type(plugin).__name__)
        out.write(f"{name:<24} {origin}\n    hooks: {', '.join(hooks) or 'none'}\n")
    if not pm.third_party:
        out.write("no third-party plugins loaded\n" if not args.no_plugins else "third-party plugins disabled (--no-plugins)\n")
    return 0
