"""Shape fuzzing: Hypothesis builds a short unit of the structures that
once made a check or a reader grow faster than its input (repeated names,
brackets, emphasis markers, code spans, dates, table rows, PO
continuation lines), repeats it k and 8k times, on one line or on many,
and asserts that linting the 8k file costs at most ``LIMIT`` times the CPU
of the k file (linear is 8, quadratic 64), as ``tests/test_scaling.py``
does for the shapes it names.

The default run tries the shapes of the ``@example`` lines and three
generated units; CI's fuzz step (``RUCONSIST_FUZZ_EXAMPLES``) tries one
twentieth of its example count (50 for .ci/run's 1000).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ruconsist.config import Config
from ruconsist.engine import Linter
from tests.test_scaling import LIMIT, _cpu, _cpu_under, _run, _write
from tests.conftest import fuzz_examples

EXAMPLES = max(3, fuzz_examples(60) // 20)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: (RU piece, ZH piece): the same structure on both sides.
PIECES = st.sampled_from([
    ("Путин ", "普京"), ("Си Цзиньпин ", "习近平"), ("Путин Путин ", "普京普京"),
    ("(", "（"), ("[", "["), ("](", "]("), ("«", "“"), ("»", "”"), ("[a](", "[a]("),
    ("*a ", "*中 "), ("_b_ ", "_中_ "), ("**", "**"), ("`a", "`中"), ("a_", "中_"), ("*", "*"),
    ("16 июля 2001 года, ", "2001年7月16日，"), ("с 1 по 3 июля ", "7月1日至3日"),
    ("12 домов, ", "12座房子，"), ("1,5 млн ", "150万"), ("ст. 5 ", "第五条"),
    ("| a | b |", "| 甲 | 乙 |"), ("|", "|"), ("#", "#"), ("<!-- x -->", "<!-- x -->"),
    ("Москва. ", "莫斯科。"), (" ", " "), ("\t", "\t"),
])
#: A unit of white space alone makes a blank file, which is refused as
#: input (exit 2) before any check runs: not a shape to time.
UNITS = (
    st.lists(PIECES, min_size=1, max_size=4)
    .map(lambda ps: ("".join(p[0] for p in ps), "".join(p[1] for p in ps)))
    .filter(lambda unit: unit[0].strip() != "" and unit[1].strip() != "")
)
#: How the unit repeats: on one line, one a line, one a paragraph.
JOINS = st.sampled_from(["", "\n", "\n\n"])
EXTENSIONS = st.sampled_from(["txt", "md", "po"])

_LINTER: list[Linter] = []


def _linter() -> Linter:
    if not _LINTER:
        _LINTER.append(Linter(Config(), jobs=1))
    return _LINTER[0]


def _files(unit: tuple[str, str], join: str, ext: str, k: int) -> dict[str, str | bytes]:
    ru, zh = unit
    if ext == "po":
        # The unit repeated as continuation lines of one msgstr.
        head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr ""\n'

        escaped_newline = "\\n" if join else ""

        def po(text: str) -> str:
            line = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + escaped_newline
            return head + "".join(f'"{line}"\n' for _ in range(k)) + "\n"

        return {"ru.po": po(ru), "zh_CN.po": po(zh)}
    return {f"a.ru.{ext}": join.join([ru] * k) + "\n", f"a.zh.{ext}": join.join([zh] * k) + "\n"}


@SETTINGS
@given(unit=UNITS, join=JOINS, ext=EXTENSIONS)
# Shapes that were quadratic once: always tried.
@example(unit=("*a ", "*中 "), join="", ext="md")
@example(unit=("Путин ", "普京"), join="", ext="txt")
@example(unit=("16 июля 2001 года, ", "2001年7月16日，"), join="", ext="txt")
@example(unit=("[", "["), join="", ext="txt")
def test_repeated_structures_cost_about_linear_time(unit: tuple[str, str], join: str, ext: str) -> None:
    # About 4 KB at k, 32 KB at 8k: large enough for a square to show.
    k = max(20, 4000 // max(1, len(unit[0].encode("utf-8")) + len(join)))
    linter = _linter()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for factor in (1, 8):
            folders[factor] = Path(tmp) / f"x{factor}"
            _write(folders[factor], _files(unit, join, ext, k * factor))
        _run(linter, folders[1])  # warm
        small = max(_cpu(linter, folders[1]), 0.01)
        large = _cpu_under(linter, folders[8], LIMIT * small)
    assert large / small < LIMIT, f"{unit!r} joined by {join!r} in .{ext}: CPU s {small:.3f} at k={k}, {large:.3f} at 8k"


# A line repeating an article reference (``ст. 5`` against ``第五条``)
# grew with its square: the sentence splitter searched the whole sentence
# so far for an abbreviation at every full stop that ends none.
def test_a_repeated_article_reference_costs_about_linear_time() -> None:
    test_repeated_structures_cost_about_linear_time.hypothesis.inner_test(unit=("ст. 5 ", "第五条"), join="", ext="po")
