"""Every code has its own ``ruconsist explain`` page whose PASS/FAIL
examples are true, and the README's table lists every code family."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ruconsist.testing import doc_examples, linter, run_example
from tests.conftest import REPO
from tests.test_cli import run

LINTER = linter()
CODES = sorted(LINTER.codes)


def page(code: str) -> str:
    return LINTER.codes[code].check.explain(code, LINTER.rules)


def test_every_registered_code_has_a_page_of_its_own() -> None:
    pages = {code: page(code) for code in CODES}
    for code, text in pages.items():
        examples = doc_examples(text)
        assert {e.verdict for e in examples} == {"PASS", "FAIL"}, f"{code}: needs PASS and FAIL examples"
        assert {e.code for e in examples if e.verdict == "FAIL"} == {code}, f"{code}: FAIL examples of another code"
    # No two codes share a page (ALN003 used to show ALN002's).
    assert len(set(pages.values())) == len(pages)


EXAMPLES = [(code, i, e) for code in CODES for i, e in enumerate(doc_examples(page(code)))]


@pytest.mark.parametrize(("code", "example"), [(c, e) for c, _, e in EXAMPLES], ids=[f"{c}-{i}" for c, i, _ in EXAMPLES])
def test_explain_examples_are_true(code: str, example, tmp_path: Path) -> None:
    found = run_example(example, code, tmp_path, LINTER)
    if example.verdict == "PASS":
        assert found == [], f"{example.line}: {[d.message for d in found]}"
    else:
        assert found, f"{example.line}: {code} not reported"


def test_the_readme_code_table_lists_every_family_and_no_other() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| ((?:`[A-Z]+`(?:, )?)+) \|", readme, flags=re.M)
    listed = {p for row in table for p in re.findall(r"`([A-Z]+)`", row)}
    assert listed == {c.rstrip("0123456789") for c in CODES}
    # Codes the README names in its table are registered ones.
    named = {c for row in re.findall(r"^\| `[A-Z]+`.*$", readme, flags=re.M) for c in re.findall(r"\b([A-Z]{2,3}\d{3})\b", row)}
    assert named <= set(CODES), named - set(CODES)


def test_rules_lists_every_registered_code_with_its_metadata() -> None:
    status, out, _ = run(["rules"])
    assert status == 0
    listed = {m.group(1): m.group(2, 3, 4) for m in re.finditer(r"^  ([A-Z]+\d+)\s+(\S+)\s+(\S+)\s+(\S+)$", out, re.M)}
    registered = {c: (i.slug, i.category, i.severity.name.lower()) for c, i in LINTER.codes.items()}
    assert listed == registered


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_every_codes_own_page(code: str) -> None:
    status, out, _ = run(["explain", code])
    assert status == 0
    head, body = out.split("\n\n", 1)
    assert head.startswith(f"{code} {LINTER.codes[code].slug} ")
    assert body == page(code) + "\n"
    assert f"-> {code}" in body


def test_checks_own_their_options() -> None:
    """Every configuration option but the run's own is declared by the
    check or reader that reads it."""
    from ruconsist.checks.typography import ZhSpacing
    from ruconsist.config import OPTIONS, RUN_OPTIONS

    owners: dict[str, list[str]] = {}
    for info in {i.check for i in LINTER.codes.values()}:
        for name in info.options:
            owners.setdefault(name, []).append(info.__name__)
    for cls in LINTER.reading.readers:
        for name in cls.options:
            owners.setdefault(name, []).append(cls.__name__)
    assert set(OPTIONS) == set(RUN_OPTIONS) | set(owners)
    assert not set(RUN_OPTIONS) & set(owners)
    assert OPTIONS["zh-spacing"] == ZhSpacing.options["zh-spacing"]


HOUSE = """\
version: 1
pack: house-test
patterns:
  - id: article-ref-house
    code: HSE001
    description: ст. N comes out as 第N条
    ru: 'ст\\. (?P<n>\\d+)'
    zh: '第(?P<n>\\d+)条'
    examples:
      pass:
        - {ru: 'согласно ст. 5', zh: '根据第5条'}
      fail:
        - {ru: 'согласно ст. 5', zh: '根据第6条'}
"""


def test_a_code_a_rule_pack_defines_has_a_page_from_its_rules(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE, encoding="utf-8")
    status, out, _ = run(["explain", "HSE001", "--rules", str(pack)])
    assert status == 0
    assert "article-ref-house: ст. N comes out as 第N条" in out
    examples = doc_examples(out)
    assert [(e.verdict, e.code) for e in examples] == [("PASS", None), ("FAIL", "HSE001")]
    lint = linter(packs=[str(pack)])
    for e in examples:
        assert bool(run_example(e, "HSE001", tmp_path, lint)) == (e.verdict == "FAIL")


def test_each_check_module_reports_codes_of_one_prefix() -> None:
    prefixes: dict[str, set[str]] = {}
    for code, info in LINTER.codes.items():
        prefixes.setdefault(info.check.__module__, set()).add(code.rstrip("0123456789"))
    mixed = {module: sorted(p) for module, p in prefixes.items() if len(p) > 1}
    # The term check's comparison of the entities at one place reports a
    # title naming another document as TTL001 (checks/titles.py says so).
    assert mixed == {"ruconsist.checks.terms.missing": ["TRM", "TTL"]}


def test_each_code_prefix_lives_in_one_module_or_package() -> None:
    # A prefix with several rules is a package of one module per rule
    # (checks/typography/, checks/mt/, checks/dates/, checks/terms/).
    homes: dict[str, set[str]] = {}
    for code, info in LINTER.codes.items():
        parts = info.check.__module__.split(".")
        if parts[:2] == ["ruconsist", "checks"]:
            homes.setdefault(code.rstrip("0123456789"), set()).add(parts[2])
    split = {prefix: sorted(h) for prefix, h in homes.items() if len(h) > 1}
    # TTL001 is the title case of the term check's TRM003 (see above).
    assert split == {"TTL": ["terms", "titles"]}
