"""Golden output: every finding ruconsist reports on a fixed set of texts.

Each case below is one ``ruconsist check`` command; its findings are
rendered one per line (sorted, see :func:`render`) and compared with
``tests/golden/expected/<case>.txt`` by ``tests/test_golden.py``.  A
change of findings is then either intended (regenerate the files and say
in the commit message which findings changed and why) or a regression.

Regenerate the expected files (from the repository root)::

    python -m tests.golden --update

``python -m tests.golden`` without ``--update`` prints the differences
and exits 1 when there are any.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"
CORPUS = "tests/golden/corpus"

# Every case runs in one process, without plugins and with one job, so
# that the output depends on the code and the data only.
COMMON = ("check", "--format", "json", "--exit-zero", "--no-plugins", "--jobs", "1")


def _lines_pair(name: str) -> tuple[str, ...]:
    return ("--ru", f"{CORPUS}/{name}.ru.txt", "--zh", f"{CORPUS}/{name}.zh.txt", "--align", "lines")


CASES: dict[str, tuple[str, ...]] = {
    # The seed article (one bilingual file) and the shipped examples.
    "seed": ("tests/data/seed-bilingual.txt",),
    "seed-news-pack": ("tests/data/seed-bilingual.txt", "--no-default-rules", "--rules", "tests/data/news.yaml"),
    "examples": ("examples/",),
    "examples-news-pack": ("examples/", "--rules", "tests/data/news.yaml"),
    "examples-mt-eval": ("--profile", "mt", "examples/mt-eval.csv"),
    # Every fixture of tests/data/formats (translation-file readers).
    "formats-bilingual-po": ("tests/data/formats/bilingual.po",),
    "formats-po": ("tests/data/formats/po",),
    "formats-locale": ("tests/data/formats/locale",),
    "formats-subtitles": ("tests/data/formats/subtitles",),
    "formats-subtitles-news-pack": ("tests/data/formats/subtitles", "--rules", "tests/data/news.yaml"),
    "formats-tmx": ("tests/data/formats/goals.tmx",),
    "formats-xliff": ("tests/data/formats/sdg.xlf",),
    "formats-xliff-v2": ("tests/data/formats/goals-v2.xlf",),
    # Real parallel text, line N against line N (see corpus/ATTRIBUTION.md).
    "corpus-ntrex": _lines_pair("ntrex"),
    "corpus-flores": _lines_pair("flores"),
}


def _where(loc: dict[str, object]) -> str:
    text = f"{loc['lang']} {loc['path']}:{loc['line']}:{loc['column']}-{loc['end_line']}:{loc['end_column']}"
    cell = loc.get("cell")
    if isinstance(cell, dict):
        text += f" [row {cell['row']} col {cell['column']}]"
    return text


def render_diagnostic(d: dict[str, object]) -> str:
    """One finding on one line: where, severity, code, rule, message,
    counterpart, expected/found and fix (every field the JSON carries)."""
    locations = d["locations"]
    assert isinstance(locations, list)
    parts = [f"{_where(locations[0])} {d['severity']} {d['code']} ({d['slug']}, {d['category']})"]
    if d.get("rule"):
        parts.append(f"rule={d['rule']}")
    parts.append(repr(d["message"]))
    for other in locations[1:]:
        parts.append(f"<-> {_where(other)}")
    for key in ("expected", "found"):
        if key in d:
            parts.append(f"{key}={d[key]!r}")
    fix = d.get("fix")
    if isinstance(fix, dict):
        parts.append(f"fix={fix['path']}[{fix['start']}:{fix['end']}]={fix['replacement']!r}")
    return " ".join(parts)


def _order(d: dict[str, object]) -> tuple[object, ...]:
    """By file, then position (numerically), then the rendered line."""
    locations = d["locations"]
    assert isinstance(locations, list)
    first = locations[0]
    return (first["path"], first["line"], first["column"], first["lang"], render_diagnostic(d))


def render(stdout: str, stderr: str) -> list[str]:
    """The findings of one JSON report, one per line and sorted, then
    whatever the run wrote to stderr (a file it could not check)."""
    data = json.loads(stdout)
    lines = [render_diagnostic(d) for d in sorted(data["diagnostics"], key=_order)]
    lines += [f"stderr: {line}" for line in stderr.splitlines()]
    return lines


@contextlib.contextmanager
def _repository_root() -> Iterator[None]:
    """Paths in the output are relative to the repository root.  The
    matcher cache is left as the environment sets it: its entries are
    keyed by the digest of the code that builds them, so an edit never
    reads a stale one."""
    with contextlib.chdir(ROOT):
        yield


def run_case(name: str) -> list[str]:
    from ruconsist.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _repository_root():
        code = main([*COMMON, *CASES[name]], stdout=out, stderr=err)
    lines = render(out.getvalue(), err.getvalue())
    if code != 0:
        lines.append(f"exit code: {code}")
    return lines


def expected_path(name: str) -> Path:
    return EXPECTED / f"{name}.txt"


def read_expected(name: str) -> list[str] | None:
    path = expected_path(name)
    if not path.exists():
        return None
    return path.read_text(encoding="utf-8").splitlines()


def write_expected(name: str, lines: Sequence[str]) -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    expected_path(name).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def difference(name: str, expected: Sequence[str], actual: Sequence[str]) -> str:
    """Every removed (-) and added (+) finding, without context lines:
    a changed finding shows as one of each."""
    diff = difflib.unified_diff(
        list(expected), list(actual), f"expected/{name}.txt", f"actual/{name}", lineterm="", n=0
    )
    return "\n".join(line for line in diff if not line.startswith("@@"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    update = "--update" in args
    names = [a for a in args if not a.startswith("-")] or list(CASES)
    changed = 0
    for name in names:
        actual = run_case(name)
        expected = read_expected(name)
        if expected == actual:
            continue
        changed += 1
        if update:
            write_expected(name, actual)
            print(f"updated {expected_path(name).relative_to(ROOT)} ({len(actual)} lines)")
        else:
            print(difference(name, expected or [], actual))
    return 1 if changed and not update else 0
