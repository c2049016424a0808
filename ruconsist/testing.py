"""Helpers for tests (ruconsist's own and plugins'): lint RU/ZH text
through the real pipeline without writing files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruconsist.config import OPTIONS, Config
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


def lint_pair(lint: Linter, ru: str, zh: str, ru_path: str = "a.ru.txt", zh_path: str = "a.zh.txt", *,
              lines: bool = False) -> list[Diagnostic]:
    """Lint ``ru`` against ``zh`` with a linter made once by :func:`linter`
    (for many pairs, as benchmarks lint them); ``lines`` pairs line N with
    line N, as ``--align lines`` does for line-aligned corpora."""
    if not lines:
        return _lint_pair(lint, ru, zh, ru_path, zh_path)
    from ruconsist.readers.text import LinesReader

    reader = LinesReader()
    ru_parsed = reader.read(Document(ru_path, ru), "ru", lint.config)
    zh_parsed = reader.read(Document(zh_path, zh), "zh", lint.config)
    return lint.lint_parsed(ru_parsed, zh_parsed)[1]


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


# The examples of ``ruconsist explain`` pages ------------------------------

#: ``(zh-spacing: none)`` or ``with policy-names {西藏: Сицзан}`` after an
#: example: an option it runs with.
_EXAMPLE_OPTION = re.compile(r"\(([a-z-]+):\s*([^)]*)\)|\bwith ([a-z-]+) (\{[^}]*\}|\S+)")
_EXAMPLE_CODE = re.compile(r"->\s*([A-Z]{1,3}[0-9]{1,3})\b")
#: ``(ru pattern '(а|аа)+$' timeout 0.05)``: a house pattern rule it
#: runs with (PAT002's example).
_EXAMPLE_PATTERN = re.compile(r"\(ru pattern '(.+?)' timeout ([0-9.]+)\)")


@dataclass(frozen=True)
class DocExample:
    """One ``PASS``/``FAIL`` line of an explain page.  ``articles`` are
    the (RU, ZH) texts of the files linted together (ZH is None for "no
    ZH file"); ``¶`` in a text is a paragraph break."""

    verdict: str
    articles: tuple[tuple[str, str | None], ...]
    code: str | None
    options: tuple[tuple[str, Any], ...]
    line: str
    #: (Russian regular expression, timeout) of a pattern rule to add.
    pattern: tuple[str, float] | None = None
    #: ``(in a JSON locale file)``: each text is the string of a JSON
    #: locale file (program messages: placeholders, inline markup).
    json: bool = False
    #: ``(in Markdown)``: the files are Markdown, not plain text.
    markdown: bool = False
    #: A second Chinese version of each article (``ZH-TW «…»``), linted
    #: against the same RU as a Taiwan file; None where there is none.
    versions: tuple[str | None, ...] = ()


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The text of the ``«…»`` opening at ``start``, nested ``«»`` kept,
    and the index after its closing mark."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "«":
            depth += 1
        elif text[i] == "»":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    raise ValueError(f"unclosed « in example: {text!r}")


def _article(body: str) -> tuple[str, str | None, str | None, str]:
    """(RU, ZH, a second Chinese version, the rest of the line) of
    ``RU «…»  ZH «…»  ZH-TW «…» …`` (``ZH-TW`` optional)."""
    ru_at = body.index("RU «")
    ru, after = _quoted(body, ru_at + 3)
    zh_at = body.find("ZH «", after)
    if zh_at < 0 or body[after:zh_at].strip():
        return ru, None, None, body[after:]
    zh, after = _quoted(body, zh_at + 3)
    tw_at = body.find("ZH-TW «", after)
    if tw_at < 0 or body[after:tw_at].strip():
        return ru, zh, None, body[after:]
    tw, after = _quoted(body, tw_at + 6)
    return ru, zh, tw, body[after:]


#: ``[Путин, ]×120`` in an example's text: the bracketed text repeated.
_REPEAT = re.compile(r"\[([^\[\]]+)\]×(\d+)")


def _expand(text: str) -> str:
    """An example's text as a file holds it: ``¶`` a paragraph break,
    ``[…]×N`` the bracketed text N times."""
    text = _REPEAT.sub(lambda m: m.group(1) * int(m.group(2)), text)
    return text.replace("¶", "\n\n")


def doc_examples(page: str) -> list[DocExample]:
    """The examples of an explain page, as :class:`DocExample`.  Several
    articles of one run are joined by `` ; ``."""
    import yaml

    out = []
    in_examples = False
    for line in page.splitlines():
        if line.startswith("Examples"):
            in_examples = True
            continue
        stripped = line.strip()
        if not in_examples or not stripped.startswith(("PASS", "FAIL")):
            continue
        verdict, body = stripped[:4], stripped[4:]
        articles = []
        versions: list[str | None] = []
        rest = ""
        for part in body.split(" ; "):
            ru, zh, tw, rest = _article(part)
            articles.append((_expand(ru), None if zh is None else _expand(zh)))
            versions.append(None if tw is None else _expand(tw))
        code = _EXAMPLE_CODE.search(rest)
        pattern = _EXAMPLE_PATTERN.search(rest)
        if pattern:
            rest = rest.replace(pattern.group(0), "")
        options = tuple(
            (k1 or k2, yaml.safe_load(v1 or v2)) for k1, v1, k2, v2 in _EXAMPLE_OPTION.findall(rest) if (k1 or k2) in OPTIONS
        )
        out.append(
            DocExample(
                verdict, tuple(articles), code.group(1) if code else None, options, stripped,
                (pattern.group(1), float(pattern.group(2))) if pattern else None,
                "(in a JSON locale file)" in rest,
                "(in Markdown)" in rest,
                tuple(versions) if any(versions) else (),
            )
        )
    return out


def run_example(example: DocExample, code: str, folder: Path, lint: Linter | None = None) -> list[Diagnostic]:
    """The findings of ``code`` when the example's files, written to
    ``folder`` as plain text (or Markdown, or JSON locale files), are
    linted together in one run."""
    import json
    from dataclasses import replace as _replace

    from ruconsist.pairing import FilePair

    lint = lint or linter()
    rules = lint.rules
    if example.pattern is not None:
        regex, timeout = example.pattern
        pack = f"version: 1\npack: example\npatterns:\n  - id: example\n    ru: {json.dumps(regex)}\n    timeout: {timeout}\n"
        rules = RuleSet([*rules.packs, *pack_from_text(pack, "example.yaml").packs])
    # Every check runs, as in a real run: some codes (LIM001) are
    # reported on another check's behalf.
    lint = Linter(_replace(lint.config, select=("ALL",), options=dict(example.options)), pm=lint.pm, rules=rules)
    import json

    ext = "json" if example.json else "md" if example.markdown else "txt"

    def content(text: str) -> str:
        return json.dumps({"message": text}, ensure_ascii=False) if example.json else text + "\n"

    pairs = []
    for i, (ru, zh) in enumerate(example.articles, 1):
        ru_path, zh_path = folder / f"a{i}.ru.{ext}", folder / f"a{i}.zh.{ext}"
        ru_path.write_text(content(ru), encoding="utf-8")
        if zh is None:
            pairs.append(FilePair(ru_path, None, missing=zh_path))
        else:
            zh_path.write_text(content(zh), encoding="utf-8")
            pairs.append(FilePair(ru_path, zh_path))
        tw = example.versions[i - 1] if example.versions else None
        if tw is not None:
            tw_path = folder / f"a{i}.zh-TW.{ext}"
            tw_path.write_text(content(tw), encoding="utf-8")
            pairs.append(FilePair(ru_path, tw_path))
    found = []
    for result in lint.lint_many(pairs):
        if result.error is not None:
            raise result.error
        found.extend(result.diagnostics)
    found.extend(lint.finish_run())
    return [d for d in found if d.code == code]
