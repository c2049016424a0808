"""The pluggy markers of the ``ruconsist`` project.

Kept apart from :mod:`ruconsist.hookspecs`, whose signatures name the
types of every layer (checks, readers, formatters), so that a built-in
plugin module importing ``hookimpl`` depends on nothing but pluggy.
``from ruconsist import hookimpl`` is the public spelling.
"""

from __future__ import annotations

import pluggy

PROJECT = "ruconsist"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
