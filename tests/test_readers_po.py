"""gettext PO catalogues: two catalogues of one template, and one
bilingual catalogue; true positions of every character."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.document import Document, decode
from ruconsist.engine import Linter
from ruconsist.errors import InputError
from ruconsist.pairing import FilePair
from ruconsist.readers.po import PoReader
from ruconsist.rules import load_rules
from tests.conftest import DATA

PO = DATA / "formats" / "po"
BILINGUAL = DATA / "formats" / "bilingual.po"


def lint(pair: FilePair, select=("PLH", "TAG", "ALN"), options=None):  # type: ignore[no-untyped-def]
    linter = Linter(Config(select=tuple(select), options=options or {}), rules=load_rules((), defaults=False))
    result = linter.lint_pair(pair)
    assert result.error is None, result.error
    return result


def where(side) -> tuple[str, int, int]:  # type: ignore[no-untyped-def]
    loc = side.span()
    return Path(loc.path).name, loc.line, loc.column


def bead_with(result, ru_start: str):  # type: ignore[no-untyped-def]
    return next(b for b in result.beads if b.ru and b.ru.text.startswith(ru_start))


@pytest.mark.parametrize(
    ("ru_start", "ru_text", "ru_at", "zh_text", "zh_at"),
    [
        # A one-line msgstr: the text starts after the opening quote.
        ("Предупреждение", "Предупреждение: неизвестная группа %s", ("ru.po", 28, 9), "警告：未知组 %s", ("zh_CN.po", 28, 9)),
        ("Срок действия вашего пароля истекает", "Срок действия вашего пароля истекает через %ld дней.", ("ru.po", 37, 9), "您的密码将在 %ld 天内过期。", ("zh_CN.po", 37, 9)),
        # A msgstr continued over quoted lines starts on the first of
        # them; Russian's first plural form meets Chinese's only one.
        (
            "%d неудачная",
            "%d неудачная попытка входа в систему.\nПоследняя была %s на %s.",
            ("ru.po", 48, 2),
            "自上一次登录以来已有 %d 次登录失败。\n最后一次是 %s 在 %s 上。",
            ("zh_CN.po", 48, 2),
        ),
    ],
)
def test_two_catalogues_pair_translations_by_msgid(ru_start, ru_text, ru_at, zh_text, zh_at) -> None:
    result = lint(FilePair(PO / "ru.po", PO / "zh_CN.po"))
    bead = bead_with(result, ru_start)
    assert (bead.ru.text, where(bead.ru)) == (ru_text, ru_at)
    assert (bead.zh.text, where(bead.zh)) == (zh_text, zh_at)


def test_second_line_of_a_continued_msgstr_keeps_its_line() -> None:
    result = lint(FilePair(PO / "ru.po", PO / "zh_CN.po"))
    bead = bead_with(result, "%d неудачная")
    at = bead.ru.text.index("Последняя")
    loc = bead.ru.location(at, at + len("Последняя"))
    assert (loc.line, loc.column, loc.end_column) == (49, 2, 11)


def test_fuzzy_untranslated_and_obsolete_entries_are_not_compared() -> None:
    result = lint(FilePair(PO / "ru.po", PO / "zh_CN.po"))
    compared = [b.ru.text for b in result.beads if b.ru and b.zh]
    # Left out: the RU fuzzy GID message, the RU untranslated subuid
    # message and the obsolete allocation message.
    assert compared == [
        "Предупреждение: неизвестная группа %s",
        "Срок действия вашего пароля истёк.",
        "Срок действия вашего пароля истекает через %ld дней.",
        "%d неудачная попытка входа в систему.\nПоследняя была %s на %s.",
    ]
    assert not any("не удалось выделить" in b.ru.text for b in result.beads if b.ru)


def test_fuzzy_entries_are_read_with_the_option() -> None:
    result = lint(FilePair(PO / "ru.po", PO / "zh_CN.po"), options={"po-include-fuzzy": True})
    bead = bead_with(result, "%s: не удалось получить уникальный GID")
    # The stale RU translation lacks the second %s that ZH has.
    assert [(d.code, d.location.lang, d.location.line) for d in result.diagnostics if d.code == "PLH001"] == [
        ("PLH001", "zh", 54),
    ]
    assert bead.zh.text == "%s：无法获取唯一的 GID (%s)。抑制额外的消息。"


@pytest.mark.parametrize(
    ("ru_start", "ru_at", "zh_text", "zh_at"),
    [
        # RU is located at the msgid, ZH at the msgstr.
        ("Владимир Путин", (9, 8), "弗拉基米尔·普京抵达北京。", (10, 9)),
        ("Переговоры", (15, 2), "会谈将持续{count}天，双方将签署一揽子协议。", (18, 2)),
        # A plural source meets its Chinese single form by msgid_plural.
        ("%d соглашений", (24, 15), "已签署%d项协议", (25, 12)),
    ],
)
def test_bilingual_catalogue_pairs_each_entry(ru_start, ru_at, zh_text, zh_at) -> None:
    result = lint(FilePair(None, None, bilingual=BILINGUAL))
    bead = bead_with(result, ru_start)
    assert where(bead.ru)[1:] == ru_at
    assert (bead.zh.text, where(bead.zh)[1:]) == (zh_text, zh_at)


def test_bilingual_catalogue_skips_fuzzy_and_checks_brace_placeholders() -> None:
    result = lint(FilePair(None, None, bilingual=BILINGUAL))
    assert not any("пятницу" in b.ru.text for b in result.beads)
    assert [(d.code, d.location.lang, d.location.line, d.location.column, d.found) for d in result.diagnostics] == [
        ("PLH001", "zh", 18, 7, "{count}"),
    ]


def test_escaped_quote_maps_to_its_backslash() -> None:
    doc = decode(BILINGUAL.read_bytes(), "bilingual.po")
    parsed = PoReader().read(doc, None, Config())
    ru = next(s for pair in parsed.fixed for s in pair[0] if s.text.startswith("Переговоры"))
    i = ru.text.index('"пакет"')
    assert doc.text[ru.file_offset(i) : ru.file_offset(i) + 2] == '\\"'
    assert doc.text[ru.file_offset(i + 1)] == "п"


def test_chinese_source_catalogue_reads_the_other_way(tmp_path: Path) -> None:
    path = tmp_path / "press.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "会谈持续了两天。"\nmsgstr "Переговоры длились два дня."\n',
        encoding="utf-8",
    )
    result = lint(FilePair(None, None, bilingual=path))
    (bead,) = result.beads
    assert (bead.ru.text, where(bead.ru)[1:]) == ("Переговоры длились два дня.", (6, 9))
    assert (bead.zh.text, where(bead.zh)[1:]) == ("会谈持续了两天。", (5, 8))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a"\nmsgstr "б"\nmsgid "c\n', 3, "no closing quote"),
        ('msgid "a"\nmsgstr "б"\n\nmsgstr "x"\n', 4, "not a valid PO file"),
    ],
)
def test_malformed_catalogue_is_one_input_error_with_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        PoReader().read(Document("bad.ru.po", text), "ru", Config())
    assert err.value.line == line
    assert message in err.value.message


def test_english_source_catalogue_alone_is_not_bilingual() -> None:
    doc = decode((PO / "ru.po").read_bytes(), "ru.po")
    with pytest.raises(InputError, match="neither Russian nor Chinese"):
        PoReader().read(doc, None, Config())


@pytest.mark.parametrize("name", ["ru.po", "zh_CN.po", "../bilingual.po"])
def test_every_character_maps_to_itself_or_its_escape(name: str) -> None:
    doc = decode((PO / name).read_bytes(), name)
    parsed = PoReader().read(doc, "ru" if name == "ru.po" else ("zh" if name == "zh_CN.po" else None), Config())
    segs = [s for ss in parsed.segments.values() for s in ss] + [s for a, b in parsed.fixed for s in a + b]
    assert segs
    for seg in segs:
        for i, ch in enumerate(seg.text):
            raw = doc.text[seg.file_offset(i)]
            assert raw == ch or raw == "\\", (seg.text, i)


def _read_all(path: Path):  # type: ignore[no-untyped-def]
    from ruconsist.readers.po import messages

    msgs, meta = messages(decode(path.read_bytes(), path.name), include_fuzzy=True)
    return [(m.ctx, m.msgid, m.skipped, sorted(m.flags), [(n, f.text) for n, f in m.source + m.target]) for m in msgs], meta


@pytest.mark.parametrize("path", [*sorted(PO.glob("*.po")), BILINGUAL], ids=lambda p: p.name)
def test_polib_validating_in_blocks_reads_what_it_reads_whole(path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.readers import po

    whole = _read_all(path)
    # Blocks of a few entries each: every possible block end is used.
    monkeypatch.setattr(po, "POLIB_BLOCK", 1)
    assert len(list(po._blocks(path.read_text(encoding="utf-8")))) > 3
    assert _read_all(path) == whole


def test_a_syntax_error_in_a_later_block_names_its_line_in_the_file(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.readers import po

    good = 'msgid "a"\nmsgstr "б"\n\n#, fuzzy\nmsgid "b"\nmsgstr "в"\n\n'
    text = good * 3 + 'msgid "c"\nmsgstr "г\n'  # the quote left open on line 23
    seen = []
    for block in (po.POLIB_BLOCK, 1):
        monkeypatch.setattr(po, "POLIB_BLOCK", block)
        with pytest.raises(InputError) as err:
            PoReader().read(Document("bad.ru.po", text), "ru", Config())
        seen.append((err.value.line, "no closing quote" in err.value.message))
    assert seen == [(23, True), (23, True)]
