"""Helpers for tests (ruconsist's own and plugins'): lint RU/ZH text
through the real pipeline without writing files."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ruconsist.config import Config
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import Document
from ruconsist.engine import Linter
from ruconsist.readers.text import TextReader
from ruconsist.rules import RuleSet, load_pack, load_rules

if TYPE_CHECKING:
    import pluggy


@lru_cache(maxsize=8)
def _rules(packs: tuple[str, ...], defaults: bool) -> RuleSet:
    return load_rules(packs, defaults=defaults)


def linter(
    *, select: Sequence[str] | None = None, packs: Sequence[str] = (), defaults: bool = True,
    rules: RuleSet | None = None, config: Config | None = None, pm: pluggy.PluginManager | None = None,
) -> Linter:
    cfg = config or Config()
    if select is not None:
        cfg = cfg.with_cli(select=tuple(select))
    return Linter(cfg, pm=pm, rules=rules or _rules(tuple(packs), defaults))


def lint_texts(
    ru: str,
    zh: str,
    *,
    select: Sequence[str] | None = None,
    packs: Sequence[str] = (),
    defaults: bool = True,
    rules: RuleSet | None = None,
    config: Config | None = None,
    pm: pluggy.PluginManager | None = None,
    ru_path: str = "a.ru.txt",
    zh_path: str = "a.zh.txt",
) -> list[Diagnostic]:
    """Lint ``ru`` against ``zh`` (paragraphs split on blank lines and
    aligned as for real files)."""
    lint = linter(select=select, packs=packs, defaults=defaults, rules=rules, config=config, pm=pm)
    return _lint_pair(lint, ru, zh, ru_path, zh_path)


def lint_pair(lint: Linter, ru: str, zh: str, ru_path: str = "a.ru.txt", zh_path: str = "a.zh.txt") -> list[Diagnostic]:
    """Lint ``ru`` against ``zh`` with a linter made once by :func:`linter`
    (for many pairs, as benchmarks lint them)."""
    return _lint_pair(lint, ru, zh, ru_path, zh_path)


def _lint_pair(lint: Linter, ru: str, zh: str, ru_path: str, zh_path: str) -> list[Diagnostic]:
    reader = TextReader()
    ru_parsed = reader.read(Document(ru_path, ru), "ru", lint.config)
    zh_parsed = reader.read(Document(zh_path, zh), "zh", lint.config)
    return lint.lint_parsed(ru_parsed, zh_parsed)[1]


def lint_run(articles: Sequence[tuple[str, str]], **options) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    """Lint several ``(ru, zh)`` texts as the pairs ``a1.ru.txt``/
    ``a1.zh.txt``, ``a2…`` of one run, then finish the run: each pair's
    findings in order, then those of the run-level checks (CON001,
    CON002, a plugin's ``finish_run``).  ``options`` are
    :func:`linter`'s."""
    lint = linter(**options)
    out: list[Diagnostic] = []
    for i, (ru, zh) in enumerate(articles, 1):
        out += _lint_pair(lint, ru, zh, f"a{i}.ru.txt", f"a{i}.zh.txt")
    return out + lint.finish_run()


def findings(ru: str, zh: str, *, select: Sequence[str] | None = None, **kw) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """``(code, lang, found text)`` of each finding, sorted by position."""
    out = []
    for d in lint_texts(ru, zh, select=select, **kw):
        loc = d.location
        text = (ru if loc.lang == "ru" else zh)
        doc = Document("x", text)
        a = doc.offset(loc.line, loc.column)
        b = doc.offset(loc.end_line, loc.end_column)
        out.append((d.code, loc.lang, text[a:b]))
    return out


def pack_from_text(text: str, path: str = "test.yaml") -> RuleSet:
    """A rule set from YAML text (plus nothing else)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / Path(path).name
        p.write_text(text, encoding="utf-8")
        pack = load_pack(p, display=path)
    return RuleSet([pack])
