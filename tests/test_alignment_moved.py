"""ALN005: a one-sided segment whose counterpart stands elsewhere in the
other file (an item moved, a section reordered) is a warning that points
at it, not an omission (ALN002)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.checks.alignment import content_tokens
from ruconsist.diagnostic import Diagnostic
from ruconsist.testing import linter

RU_HEAD = """# Инструменты

- Утилита `strace` показывает системные вызовы работающей программы, подробнее в [руководстве](https://man7.org/linux/man-pages/man1/strace.1.html).
- Команда `lsof` перечисляет открытые файлы и сетевые соединения процесса.
- Команда `df` показывает, сколько места свободно на каждом разделе диска.
"""

ZH_HEAD = """# 工具

- `strace` 显示正在运行的程序所做的系统调用，详见[手册](https://man7.org/linux/man-pages/man1/strace.1.html)。
- `lsof` 列出进程打开的文件和网络连接。
- `df` 显示磁盘每个分区的剩余空间。
"""

RU_PAPER = "- [2004: MapReduce: упрощённая обработка данных на больших кластерах](https://research.google/pubs/mapreduce-osdi04.pdf) — классическая статья о распределённых вычислениях."
ZH_PAPER = "- [2004: MapReduce：大型集群上的简化数据处理](https://research.google/pubs/mapreduce-osdi04.pdf)——关于分布式计算的经典论文。"

RU_TAIL = """
# Статьи

- Прочитайте обзор о том, как устроены большие поисковые системы и почему они так быстро отвечают.
- Разберитесь, как работают очереди сообщений и зачем они нужны в больших системах.
"""

ZH_TAIL = """
# 论文

- 阅读一篇关于大型搜索引擎如何构建以及为何能如此快速响应的综述。
- 弄清楚消息队列如何工作，以及为什么大型系统需要它们。
"""


def _lint_markdown(ru: str, zh: str, folder: Path) -> list[Diagnostic]:
    # Files, as a user's are: Markdown list items are segments of their own.
    (folder / "a.ru.md").write_text(ru, encoding="utf-8")
    (folder / "a.zh.md").write_text(zh, encoding="utf-8")
    return [d for result in linter(select=["ALN"]).lint_paths([folder]) for d in result.diagnostics]


def _alignment(ru: str, zh: str, folder: Path) -> list[tuple[str, str, int, str]]:
    diags = _lint_markdown(ru, zh, folder)
    return [
        (
            d.code,
            d.location.lang,
            d.location.line,
            f"{d.counterpart.lang}:{d.counterpart.line}" if d.counterpart else "",
        )
        for d in diags
    ]


CASES = {
    # The paper stands in the first section in RU, in the last in ZH:
    # both one-sided segments point at each other.
    "item moved to another section": (
        RU_HEAD + RU_PAPER + "\n" + RU_TAIL,
        ZH_HEAD + ZH_TAIL + ZH_PAPER + "\n",
        [("ALN005", "ru", 6, "zh:11"), ("ALN005", "zh", 11, "ru:6")],
    ),
    # The paper is in RU only: a real omission stays an error.
    "item really missing": (
        RU_HEAD + RU_PAPER + "\n" + RU_TAIL,
        ZH_HEAD + ZH_TAIL,
        [("ALN002", "ru", 6, "zh:5")],
    ),
    # A ZH item shares one word (MapReduce) with the missing RU one, and
    # nothing else: not its counterpart.
    "one word in common": (
        RU_HEAD + RU_PAPER + "\n" + RU_TAIL,
        ZH_HEAD.replace(
            "显示正在运行的程序所做的", "显示正在运行的程序（比如 MapReduce 作业）所做的"
        )
        + ZH_TAIL,
        [("ALN002", "ru", 6, "zh:5")],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_one_sided_segment_with_its_counterpart_elsewhere_is_moved(
    name: str, tmp_path: Path
) -> None:
    ru, zh, expected = CASES[name]
    assert _alignment(ru, zh, tmp_path) == expected


def test_moved_message_names_the_line_of_the_counterpart(tmp_path: Path) -> None:
    ru, zh, _ = CASES["item moved to another section"]
    diags = _lint_markdown(ru, zh, tmp_path)
    assert diags[0].message.startswith("RU segment has its counterpart at ZH line 11, not here")
    assert diags[0].severity.name == "WARNING"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "См. [статью](https://example.org/a/b.html) о `git rebase`.",
            {"url:example.org/a/b.html", "code:git rebase"},
        ),
        ("Версия Python 3.11, протокол TCP/IP", {"python", "3.11", "tcp"}),
        ("2 и 7: не в счёт, 42 в счёт; ok не в счёт", {"42"}),
    ],
)
def test_content_tokens_are_what_a_translation_keeps(text: str, expected: set[str]) -> None:
    assert content_tokens(text) == expected
