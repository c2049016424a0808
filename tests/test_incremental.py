"""Linting a pair again after an edit (:mod:`ruconsist.incremental`):
after each edit, a lint that reuses the last lint's beads reports exactly
what a lint from scratch reports, and it does reuse them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.diagnostic import Diagnostic
from ruconsist.engine import Linter
from ruconsist.incremental import Cancelled, PairReuse, bead_local
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
RU = (ROOT / "examples/2026-02-04-call.ru.md").read_text(encoding="utf-8")
ZH = (ROOT / "examples/2026-02-04-call.zh.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(), pm=get_plugin_manager(load_entrypoints=False), jobs=1)


def lint(linter: Linter, pair: FilePair, texts: dict[Path, str], reuse: PairReuse | None = None) -> list[Diagnostic]:
    linter.reset_run()
    result = linter.lint_pair(pair, texts, reuse=reuse)
    assert result.error is None, result.error
    return [*result.diagnostics, *linter.finish_run()]


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def edit_paragraph(text: str, index: int, change: Callable[[str], str]) -> str:
    parts = paragraphs(text)
    parts[index] = change(parts[index])
    return "\n\n".join(parts)


#: Edits as an editor makes them, each applied to the text the last one
#: left: (file, what it does).
EDITS: list[tuple[str, Callable[[str], str]]] = [
    # Typing in the middle of a paragraph.
    ("zh", lambda t: edit_paragraph(t, 6, lambda p: p[:10] + "北京，" + p[10:])),
    # A wrong year in the Russian, then a wrong date and figure in the Chinese.
    ("ru", lambda t: t.replace("в 2026 году", "в 2027 году", 1)),
    ("zh", lambda t: t.replace("2025年9月", "2024年9月", 1)),
    ("zh", lambda t: t.replace("80周年", "70周年", 1)),
    # A name separator a quick fix corrects, then a paragraph inserted
    # above it: the fix's offsets move with its bead.
    ("zh", lambda t: t.replace("尤里·乌沙科夫", "尤里*乌沙科夫", 1)),
    ("zh", lambda t: edit_paragraph(t, 2, lambda p: p + "\n\n这是一个新段落，没有对应的俄文。")),
    # Lines inserted at the top move every bead (and the dateline).
    ("ru", lambda t: "Москва.\n\n" + t),
    # A paragraph split in two, and one deleted.
    ("ru", lambda t: edit_paragraph(t, 10, lambda p: p.replace(". ", ".\n\n", 1))),
    ("zh", lambda t: "\n\n".join(paragraphs(t)[:-2] + paragraphs(t)[-1:])),
    # Windows line ends in the middle of the file.
    ("zh", lambda t: edit_paragraph(t, 8, lambda p: p + "\r\n第二行。")),
]


def test_each_edit_reports_what_a_lint_from_scratch_reports(linter: Linter, tmp_path: Path) -> None:
    ru, zh = tmp_path / "a.ru.md", tmp_path / "a.zh.md"
    pair = FilePair(ru, zh)
    texts = {ru: RU, zh: ZH}
    reuse = PairReuse()
    assert lint(linter, pair, texts, reuse) == lint(linter, pair, texts)
    for step, (lang, change) in enumerate(EDITS):
        path = ru if lang == "ru" else zh
        texts = {**texts, path: change(texts[path])}
        incremental = lint(linter, pair, texts, reuse)
        full = lint(linter, pair, texts)
        assert incremental == full, f"edit {step}"
        # Each edit leaves most beads as they were, and they are reused.
        assert reuse.reused > 3 * reuse.checked, f"edit {step}: {reuse.reused} reused, {reuse.checked} checked"
    codes = {d.code for d in full}
    # The edits made findings of both kinds: bead-local (NAM001 with its
    # fix) and windowed ones (NUM001, DAT001).
    assert {"NAM001", "DAT001", "NUM001"} <= codes, sorted(codes)
    assert any(d.fix is not None for d in full if d.code == "NAM001")


def test_a_repeated_paragraph_keeps_findings_of_its_own(linter: Linter, tmp_path: Path) -> None:
    """Two equal beads are two records: each finding stays at its own."""
    ru, zh = tmp_path / "b.ru.md", tmp_path / "b.zh.md"
    pair = FilePair(ru, zh)
    r = "Владимир Путин прибыл в Пекин.\n\n"
    z = "弗拉基米尔*普京抵达北京。\n\n"
    texts = {ru: r * 3, zh: z * 3}
    reuse = PairReuse()
    lint(linter, pair, texts, reuse)
    texts = {ru: "Вступление.\n\n" + r * 3, zh: "引言。\n\n" + z * 3}
    incremental = lint(linter, pair, texts, reuse)
    assert incremental == lint(linter, pair, texts)
    assert sorted(d.location.line for d in incremental if d.code == "NAM001") == [3, 5, 7]
    assert reuse.reused == 3


def test_a_traditional_file_and_a_po_catalogue_too(linter: Linter, tmp_path: Path) -> None:
    ru, zh = tmp_path / "c.ru.md", tmp_path / "c.zh-TW.md"
    pair = FilePair(ru, zh)
    r = "Путин встретился с Си Цзиньпином 4 февраля 2026 года.\n\nНовая Зеландия подписала 12 соглашений.\n"
    z = "普丁於民國115年2月4日會見習近平。\n\n紐西蘭簽署了12項協議。\n"
    texts = {ru: r, zh: z}
    reuse = PairReuse()
    lint(linter, pair, texts, reuse)
    texts = {ru: r, zh: z.replace("12項", "15項")}
    incremental = lint(linter, pair, texts, reuse)
    assert incremental == lint(linter, pair, texts)
    assert [d.code for d in incremental if d.severity.label == "error"] == ["NUM001"]

    po_ru, po_zh = tmp_path / "ru.po", tmp_path / "zh_CN.po"
    entries = [("Стороны подписали 12 соглашений.", "双方签署了12项协议。"), ("Встреча в Москве.", "在莫斯科会见。")]

    def po(side: int, items: list[tuple[str, str]]) -> str:
        head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        return head + "".join(f'msgid "k{i}"\nmsgstr "{e[side]}"\n\n' for i, e in enumerate(items))

    pair = FilePair(po_ru, po_zh)
    texts = {po_ru: po(0, entries), po_zh: po(1, entries)}
    lint(linter, pair, texts, reuse)
    texts[po_zh] = po(1, [("", "双方签署了15项协议。"), entries[1]])
    assert lint(linter, pair, texts, reuse) == lint(linter, pair, texts)


def test_checks_that_carry_state_across_beads_are_not_bead_local(linter: Linter) -> None:
    local = {c.code for c in linter.checks if bead_local(c)}
    assert "NAM001" in local
    # Held findings (a window of beads), a tracker of brackets, what a
    # run learns: each runs over every bead.
    assert not local & {"NUM001", "TRM001", "DAT001", "TYP003", "CON001", "LST001"}


def test_a_lint_stopped_midway_leaves_the_next_lint_exact(linter: Linter, tmp_path: Path) -> None:
    """The editor stops a lint when the text changes under it: stopped at
    one checkpoint after another (after reading, inside the paragraph
    alignment, between two checks), it raises Cancelled, and the next
    lint, reusing what the last finished lint kept, still reports what a
    lint from scratch reports."""
    ru, zh = tmp_path / "d.ru.md", tmp_path / "d.zh.md"
    pair = FilePair(ru, zh)
    texts = {ru: RU, zh: ZH}
    reuse = PairReuse()
    lint(linter, pair, texts, reuse)
    checkpoints = 0

    def count() -> bool:
        nonlocal checkpoints
        checkpoints += 1
        return False

    reuse.cancelled = count
    lint(linter, pair, texts, reuse)
    # After reading, in the alignment, after it, and before each check.
    assert checkpoints > 2 + len(linter.checks)
    for stop_at in (1, 2, 3, checkpoints // 2, checkpoints - 1, checkpoints):
        seen = 0

        def stop() -> bool:
            nonlocal seen
            seen += 1
            return seen >= stop_at

        # The edit whose lint is stopped, then the next one.
        texts = {**texts, zh: edit_paragraph(texts[zh], 6, lambda p: p[:10] + "北" + p[10:])}
        reuse.cancelled = stop
        linter.reset_run()
        with pytest.raises(Cancelled) as stopped:
            linter.lint_pair(pair, texts, reuse=reuse)
        assert seen == stop_at
        if stop_at == 2:
            # The paragraph alignment stops too: it is most of a lint.
            assert any(entry.name == "_banded" for entry in stopped.traceback)
        reuse.cancelled = None
        texts = {**texts, zh: texts[zh].replace("2025年9月", "2024年9月", 1) if stop_at % 2 else texts[zh] + "\n\n新段落。\n"}
        assert lint(linter, pair, texts, reuse) == lint(linter, pair, texts), f"stopped at checkpoint {stop_at}"


def test_typing_in_one_file_reads_only_that_file_again(linter: Linter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing in either file of a pair, the other file's reading by the
    last lint is reused; a Traditional Chinese file, whose segments
    checking converts, is read again each time."""
    read: list[str] = []
    real_read = linter.reading.read

    def counted(path, lang, text=None, part=None):  # type: ignore[no-untyped-def]
        read.append(lang)
        return real_read(path, lang, text, part)

    monkeypatch.setattr(linter.reading, "read", counted)
    for zh_name, zh_text in (("e.zh.md", ZH), ("e.zh-TW.md", "普丁於2026年2月4日會見習近平。\n")):
        ru, zh = tmp_path / "e.ru.md", tmp_path / zh_name
        pair = FilePair(ru, zh)
        texts = {ru: RU, zh: zh_text}
        reuse = PairReuse()
        lint(linter, pair, texts, reuse)
        read.clear()
        texts = {**texts, ru: texts[ru].replace("в 2026 году", "в 2027 году", 1)}
        assert lint(linter, pair, texts, reuse) == lint(linter, pair, texts)
        traditional = zh_name.endswith("TW.md")
        # The reuse lint, then the lint from scratch (both files).
        assert read == (["ru", "zh"] if traditional else ["ru"]) + ["ru", "zh"], zh_name
        read.clear()
        texts = {**texts, zh: texts[zh].replace("2月4日", "2月5日", 1)}
        assert lint(linter, pair, texts, reuse) == lint(linter, pair, texts)
        assert read == ["zh", "ru", "zh"], zh_name
