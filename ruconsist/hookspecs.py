"""Plugin hooks.

Built-in checks, readers, formatters, rule packs, pairing and alignment
register through these same hooks; ``docs/plugins.md`` has an example of
each.  A plugin is a module (or any object) with functions marked
``@hookimpl`` whose names are the hook names below, made known through an
entry point in the ``ruconsist`` group.

The ``register_*`` hooks receive a ``register`` callback: call it once
per thing you provide.  The host validates what you register (a check
code that is malformed or already taken, a format name registered twice)
and reports a clear error naming the plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ruconsist.markers import PROJECT, hookimpl, hookspec

if TYPE_CHECKING:
    from ruconsist.checks.base import Check
    from ruconsist.config import Config
    from ruconsist.document import Segment
    from ruconsist.formatters.base import Formatter
    from ruconsist.readers.base import Parsed, Reader
    from ruconsist.rules import RuleSet


@hookspec
def ruconsist_register_checks(register: Callable[[type[Check]], None]) -> None:
    """Register check kinds: subclasses of :class:`ruconsist.checks.base.Check`.

    :param register: call once per class.  Every code of the class (its
        ``code`` and ``extra_codes``) must match ``[A-Z]{1,3}[0-9]{1,3}``;
        a code already registered by another class is an error.

    The class docstring is what ``ruconsist explain CODE`` prints: a
    paragraph on what is checked and why, then PASS/FAIL examples.
    """


@hookspec
def ruconsist_register_readers(register: Callable[[type[Reader]], None]) -> None:
    """Register file readers: subclasses of :class:`ruconsist.readers.base.Reader`.

    :param register: call once per class.

    A reader claims files by ``extensions`` (matched against the end of
    the file name, case-insensitively) or by :meth:`Reader.sniff`.
    Readers registered later win over earlier ones for the same
    extension, so a plugin can replace a built-in reader.  Its
    extensions are also the ones a directory walk picks up.
    """


@hookspec
def ruconsist_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    """Register output formats selectable with ``--format NAME``.

    :param register: call as ``register(name, cls)``, where ``cls`` is a
        subclass of :class:`ruconsist.formatters.base.Formatter`.  A name
        registered twice by different classes is an error.
    """


@hookspec
def ruconsist_register_packs(register: Callable[[Path], None]) -> None:
    """Register YAML rule packs shipped by a plugin.

    :param register: call once per pack with its path on disk.

    Plugin packs load with the shipped default packs (and are left out
    by ``--no-default-rules`` / ``default-rules: false``), and are
    validated like any other pack.
    """


@hookspec(firstresult=True)
def ruconsist_find_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    """Return the other-language file for ``path``.

    :param path: a file whose language is known (from its name, its
        directory or a pair template).
    :param lang: that language, ``"ru"`` or ``"zh"``.
    :param config: the run's configuration (``config.pairs`` holds the
        pair templates, ``config.root`` the project directory).
    :returns: the counterpart path if it exists, or ``None`` to let the
        next implementation try.

    Stops at the first non-``None`` result; the built-in implementation
    is ``trylast``, so a plugin's runs first.
    """


@hookspec(firstresult=True)
def ruconsist_segment(parsed: Parsed, lang: str, config: Config) -> list[Segment] | None:
    """Re-segment one language of a read file.

    :param parsed: what the reader made of the file
        (:class:`ruconsist.readers.base.Parsed`); ``parsed.doc`` is the
        decoded :class:`~ruconsist.document.Document` and
        ``parsed.segments[lang]`` the reader's own segments.
    :param lang: ``"ru"`` or ``"zh"``.
    :param config: the run's configuration.
    :returns: a new list of :class:`~ruconsist.document.Segment` (each
        mapping its text back to file offsets), or ``None`` to keep the
        reader's segments.

    Stops at the first non-``None`` result.
    """


@hookspec(firstresult=True)
def ruconsist_align(
    ru: list[Segment], zh: list[Segment], config: Config, rules: RuleSet
) -> list[tuple[list[Segment], list[Segment]]] | None:
    """Align RU and ZH segments into beads.

    :param ru: the Russian segments in reading order.
    :param zh: the Chinese segments in reading order.
    :param config: the run's configuration.
    :param rules: the loaded rule packs (terms make good anchors).
    :returns: beads ``(ru_segments, zh_segments)`` in order, covering
        every segment once; a bead with one side empty is an omission.
        ``None`` lets the next implementation try.

    Stops at the first non-``None`` result; the built-in Gale–Church
    aligner is ``trylast``.
    """


def hook_names() -> list[str]:
    """Names of every hook, in definition order."""
    return [name for name, obj in globals().items() if name.startswith("ruconsist_") and callable(obj)]


__all__ = ["PROJECT", "hook_names", "hookimpl", "hookspec"]
