"""Plugin hooks.  Built-in checks, readers, formatters and rule packs
register through these same hooks; see ``docs/plugins.md``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from ruconsist.checks.base import Check
    from ruconsist.config import Config
    from ruconsist.formatters.base import Formatter
    from ruconsist.readers.base import Reader

PROJECT = "ruconsist"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def ruconsist_register_checks(register: Callable[[type[Check]], None]) -> None:
    """Register check kinds (subclasses of :class:`ruconsist.checks.base.Check`).

    :param register: call once per class.  Codes must match
        ``[A-Z]{1,3}[0-9]{1,3}``; a code registered twice is an error.
    """


@hookspec
def ruconsist_register_readers(register: Callable[[type[Reader]], None]) -> None:
    """Register file readers (subclasses of :class:`ruconsist.readers.base.Reader`).

    A reader claims files by extension or by :meth:`Reader.sniff`; readers
    registered later win over earlier ones for the same extension, so a
    plugin can replace a built-in reader.
    """


@hookspec
def ruconsist_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    """Register output formats selectable with ``--format NAME``."""


@hookspec
def ruconsist_register_packs(register: Callable[[Path], None]) -> None:
    """Register YAML rule packs shipped by a plugin; they load with the
    default packs (and are dropped by ``--no-default-rules``)."""


@hookspec(firstresult=True)
def ruconsist_find_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    """Return the other-language file for ``path`` (whose language is
    ``lang``), or ``None`` to let the next implementation try.  Stops at
    the first non-``None`` result; the built-in one is ``trylast``."""


@hookspec(firstresult=True)
def ruconsist_segment(parsed: Any, lang: str, config: Config) -> list[Any] | None:
    """Return the segments of one language of a read file, or ``None``
    to keep the reader's own segmentation.  Stops at the first
    non-``None`` result."""


@hookspec(firstresult=True)
def ruconsist_align(
    ru: list[Any], zh: list[Any], config: Config, rules: Any
) -> list[tuple[list[Any], list[Any]]] | None:
    """Align RU and ZH segments into beads ``(ru_segments, zh_segments)``.
    Stops at the first non-``None`` result; the built-in Gale–Church
    aligner is ``trylast``."""
