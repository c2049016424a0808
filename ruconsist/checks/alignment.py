"""Segments without a counterpart, files without a counterpart, and
text left in the wrong language."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import Segment, Side, other
from ruconsist.segment import script_counts


def _excerpt(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


#: What ALN004 says for each region (``Hant``: Traditional, no region).
_REGION_NOTE = {
    "TW": "ZH text is checked by Taiwan's conventions (zh-TW): converted to Simplified with OpenCC tw2s,"
    " with the packs' zh-TW names and the Minguo calendar",
    "HK": "ZH text is checked by Hong Kong's conventions (zh-HK): converted to Simplified with OpenCC hk2s,"
    " with the packs' zh-HK names",
    "Hant": "ZH text is written in Traditional characters: checked after conversion to Simplified"
    " (OpenCC t2s), with every region's names accepted",
}


class UnpairedFile(Check):
    """A file whose counterpart in the other language does not exist
    (``news/a.ru.md`` without ``news/a.zh.md``).  Reported once per file,
    at its first line; the message names the path that was expected.

    Examples
      PASS  RU «Путин прибыл в Пекин.»   ZH «普京抵达北京。»
      FAIL  RU «Путин прибыл в Пекин.»   (no ZH file)   -> ALN001
    """

    code = "ALN001"
    slug = "unpaired-file"
    category = "alignment"
    severity = Severity.ERROR


class Omission(Check):
    """A paragraph (or keyed entry, or line) on one side with no
    counterpart on the other: an omission in the translation, or an
    addition.  Short segments (a byline, "АУДИО") are warnings, longer
    ones errors.  Text left in the wrong language is ALN003.

    A Chinese file in Traditional characters is ALN004.

    Paragraphs are paired by their lengths, at the ZH/RU length ratio
    the document itself keeps (official Russian runs long: about 0.63
    against 0.85 in news), with names, figures, dates and list positions
    as anchors.  One paragraph may carry up to three of the other side's,
    and a long one up to five (an official text that regroups its
    passages); a long paragraph costs more to leave out than a heading,
    and an item of a dash list (``——我们要…``) is not glued to the one
    before as a quote's attribution is.  ``ruconsist show-alignment``
    prints the pairing.

    Examples (¶ is a paragraph break)
      PASS  RU «Путин прибыл в Пекин 14 мая.¶Переговоры завершились подписанием 12 соглашений о сотрудничестве в области энергетики.¶Затем лидеры дали пресс-конференцию.»   ZH «普京5月14日抵达北京。¶会谈结束时，双方签署了12项能源领域合作协议。¶随后两国领导人举行了记者会。»
      FAIL  RU «Путин прибыл в Пекин 14 мая.¶Переговоры завершились подписанием 12 соглашений о сотрудничестве в области энергетики.¶Затем лидеры дали пресс-конференцию.»   ZH «普京5月14日抵达北京。¶随后两国领导人举行了记者会。»   -> ALN002
    """

    code = "ALN002"
    slug = "segment-without-counterpart"
    category = "alignment"
    severity = Severity.ERROR
    extra_codes = {
        "ALN003": ("untranslated", "alignment", Severity.ERROR),
        "ALN004": ("traditional-script", "alignment", Severity.INFO),
        "ALN005": ("moved-segment", "alignment", Severity.WARNING),
    }
    code_docs = {
        "ALN003": """
        A segment of the translation still in the source language (or the
        original's in the target language): text a translator left
        untranslated.  Reported once, on the side whose script is wrong;
        the segment is then skipped by the other checks, which would only
        report every term in it as missing.  A quotation or a name in the
        other script inside a translated paragraph is not reported.

        Examples
          PASS  RU «Переговоры продлились три часа и завершились подписанием соглашения.»   ZH «会谈持续了三个小时，最后签署了协议。»
          FAIL  RU «Переговоры продлились три часа и завершились подписанием соглашения.»   ZH «Переговоры продлились три часа и завершились подписанием соглашения.»   -> ALN003
        """,
        "ALN004": """
        A Chinese file checked by the conventions of Taiwan or Hong Kong
        (its tag: ``X.zh-TW.md``, ``zh_HK.po``, ``…/zh-Hant/…``), or written
        in Traditional characters whatever its tag (a declaration reposted
        from a Hong Kong or Taiwan site: 俄羅斯聯邦, 聯合國).  It is checked
        after conversion to Simplified (OpenCC ``tw2s``, ``hk2s`` or ``t2s``,
        character for character, so positions stay the file's), with the
        region's own names (普丁 in Taiwan, where the mainland writes 普京);
        Traditional text of no tagged region accepts every region's names.
        This information line says so once per file (docs/regions.md).

        Examples
          PASS  RU «Российская Федерация и Организация Объединённых Наций подписали соглашение.»   ZH «俄罗斯联邦和联合国签署了协议。»
          FAIL  RU «Российская Федерация и Организация Объединённых Наций подписали соглашение.»   ZH «俄羅斯聯邦和聯合國簽署了協議。»   -> ALN004
        """,
        "ALN005": """
        A paragraph or list item with no counterpart where the alignment
        puts it, whose counterpart stands elsewhere in the other file: an
        item moved a few places, or a section the other version moved.
        The alignment keeps the order of both files, so a moved block
        comes out as one-sided segments on each side; before one is
        reported as an omission (ALN002), the other file is searched for
        a segment that shares its language-independent content: link
        targets and URLs, inline code, Latin words of three letters or
        more, numbers of two digits or more.  Tokens found in many
        segments of the other file do not count; at least two must be
        shared, covering half of the segment's own.  The counterpart
        location points at the segment found.  A warning: the text is
        there, but not where the other file has it.

        Examples (¶ is a paragraph break; the paper moved to the last section)
          PASS  RU «# Инструменты¶- Утилита `strace` показывает системные вызовы работающей программы, подробнее в [руководстве](https://man7.org/linux/man-pages/man1/strace.1.html).¶- Команда `lsof` перечисляет открытые файлы и сетевые соединения процесса.¶- Команда `df` показывает, сколько места свободно на каждом разделе диска.¶- [2004: MapReduce: упрощённая обработка данных на больших кластерах](https://research.google/pubs/mapreduce-osdi04.pdf) — классическая статья о распределённых вычислениях.¶# Статьи¶- Прочитайте обзор о том, как устроены большие поисковые системы и почему они так быстро отвечают.¶- Разберитесь, как работают очереди сообщений и зачем они нужны в больших системах.»   ZH «# 工具¶- `strace` 显示正在运行的程序所做的系统调用，详见[手册](https://man7.org/linux/man-pages/man1/strace.1.html)。¶- `lsof` 列出进程打开的文件和网络连接。¶- `df` 显示磁盘每个分区的剩余空间。¶- [2004: MapReduce：大型集群上的简化数据处理](https://research.google/pubs/mapreduce-osdi04.pdf)——关于分布式计算的经典论文。¶# 论文¶- 阅读一篇关于大型搜索引擎如何构建以及为何能如此快速响应的综述。¶- 弄清楚消息队列如何工作，以及为什么大型系统需要它们。»   (in Markdown)
          FAIL  RU «# Инструменты¶- Утилита `strace` показывает системные вызовы работающей программы, подробнее в [руководстве](https://man7.org/linux/man-pages/man1/strace.1.html).¶- Команда `lsof` перечисляет открытые файлы и сетевые соединения процесса.¶- Команда `df` показывает, сколько места свободно на каждом разделе диска.¶- [2004: MapReduce: упрощённая обработка данных на больших кластерах](https://research.google/pubs/mapreduce-osdi04.pdf) — классическая статья о распределённых вычислениях.¶# Статьи¶- Прочитайте обзор о том, как устроены большие поисковые системы и почему они так быстро отвечают.¶- Разберитесь, как работают очереди сообщений и зачем они нужны в больших системах.»   ZH «# 工具¶- `strace` 显示正在运行的程序所做的系统调用，详见[手册](https://man7.org/linux/man-pages/man1/strace.1.html)。¶- `lsof` 列出进程打开的文件和网络连接。¶- `df` 显示磁盘每个分区的剩余空间。¶# 论文¶- 阅读一篇关于大型搜索引擎如何构建以及为何能如此快速响应的综述。¶- 弄清楚消息队列如何工作，以及为什么大型系统需要它们。¶- [2004: MapReduce：大型集群上的简化数据处理](https://research.google/pubs/mapreduce-osdi04.pdf)——关于分布式计算的经典论文。»   (in Markdown)   -> ALN005
        """,
    }

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        if getattr(ctx.zh_doc, "script", None) == "traditional":
            first = next((b for b in ctx.state.get("all_beads") or ctx.beads if b.zh), None)
            raw = ctx.state.get("raw_beads") or []
            # Once per file: at the first bead with Chinese text of the
            # whole pair (a stretch checked in a worker may not hold it).
            first_zh = next((i for i, (_, zh) in enumerate(raw) if zh), None)
            if first is not None and (first_zh is None or first.index == first_zh):
                yield self.report(
                    first,
                    "zh",
                    0,
                    min(len(first.zh.segments[0].text), 1),
                    _REGION_NOTE[getattr(ctx.zh_doc, "region", None) or "Hant"],
                    code="ALN004",
                    counterpart=False,
                )
        moved = _MovedIndex(ctx)
        for kind, item in ctx.state.get("alignment", []):
            if kind == "omission":
                bead = item
                lang = "ru" if bead.ru else "zh"
                side = bead.side(lang)
                elsewhere = moved.counterpart(side)
                if elsewhere is not None:
                    yield self.report(
                        bead,
                        lang,
                        0,
                        len(side.segments[0].text),
                        f"{LANG_NAME[lang]} segment has its counterpart at {LANG_NAME[other(lang)]}"
                        f" line {elsewhere.line}, not here (moved?): «{_excerpt(side.text)}»",
                        code="ALN005",
                        found=_excerpt(side.text),
                        counterpart=elsewhere,
                    )
                    continue
                cyr, han = script_counts(side.text)
                short = (cyr < 25) if lang == "ru" else (han < 10)
                what = "omitted in" if lang == "ru" else "added in"
                yield self.report(
                    bead,
                    lang,
                    0,
                    len(side.segments[0].text),
                    f"{LANG_NAME[lang]} segment has no counterpart in {LANG_NAME[other(lang)]}"
                    f" ({what} the translation?): «{_excerpt(side.text)}»",
                    severity=Severity.WARNING if short else None,
                    found=_excerpt(side.text),
                    counterpart=_nearest(ctx, bead, other(lang)),
                )
            elif kind == "untranslated":
                bead, lang, seg = item
                found = "Russian" if lang == "zh" else "Chinese"
                loc_side = bead.side(lang)
                start = loc_side.text.find(seg.text)
                yield self.report(
                    bead,
                    lang,
                    max(start, 0),
                    max(start, 0) + len(seg.text),
                    f"{LANG_NAME[lang]} file has a segment in {found}: untranslated? «{_excerpt(seg.text)}»",
                    code="ALN003",
                    found=_excerpt(seg.text),
                )


#: Language-independent content of a segment's file text: URLs and link
#: targets, inline code, Latin words, numbers of two digits or more.
_URL = regex.compile(r"https?://[^\s)\]>]+|(?<=\]\()[^()\s]+(?=\))")
_CODE = regex.compile(r"(`+)((?:(?!\1).)+?)\1")
_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9+#-]{2,}|\d[\d.,]*\d")

#: A token in more segments of the other file than this is not
#: distinctive (a site name, "the", a year of every entry).
_MAX_SPREAD = 6
#: How much shared content makes a counterpart: tokens, and the share of
#: the segment's own tokens they cover.  A URL with a path is as
#: distinctive as two words: a list item that is one link is found by it.
_MIN_SHARED = 2
_MIN_COVER = 0.5


def _weight(token: str) -> int:
    return 2 if token.startswith("url:") and "/" in token and len(token) >= 15 else 1


def _raw(seg) -> str:  # type: ignore[no-untyped-def]
    """The file's own characters under a segment (its text has code and
    link targets masked)."""
    return seg.doc.text[seg.file_offset(0) : seg.end] if seg.text else ""


def content_tokens(text: str) -> frozenset[str]:
    """The tokens of ``text`` that a translation keeps as they are."""
    tokens: set[str] = set()
    for m in _URL.finditer(text):
        tokens.add("url:" + m.group(0).rstrip("/.,;").split("://", 1)[-1].lower())
    text = _URL.sub(" ", text)
    for m in _CODE.finditer(text):
        tokens.add("code:" + m.group(2).strip())
    text = _CODE.sub(" ", text)
    tokens.update(w.lower() for w in _WORD.findall(text))
    return frozenset(tokens)


class _MovedIndex:
    """Every segment of a pair by its content tokens, per language, built
    on first use: token -> the segments that hold it."""

    def __init__(self, ctx: PairContext) -> None:
        self._beads = ctx.state.get("all_beads") or ctx.beads
        self._index: dict[str, dict[str, list[Segment]]] | None = None

    def _build(self) -> dict[str, dict[str, list[Segment]]]:
        index: dict[str, dict[str, list[Segment]]] = {"ru": {}, "zh": {}}
        for bead in self._beads:
            for lang in ("ru", "zh"):
                for seg in bead.side(lang).segments:
                    for tok in content_tokens(_raw(seg)):
                        index[lang].setdefault(tok, []).append(seg)
        return index

    def counterpart(self, side: Side) -> Location | None:
        """Location of the other side's segment that holds this one's
        content, or None."""
        if self._index is None:
            self._index = self._build()
        there = self._index[other(side.lang)]
        own = frozenset().union(*(content_tokens(_raw(seg)) for seg in side.segments))
        mine = [t for t in own if len(there.get(t, ())) <= _MAX_SPREAD]
        total = sum(_weight(t) for t in mine)
        if total < _MIN_SHARED:
            return None
        shared: dict[int, tuple[int, Segment]] = {}
        for tok in mine:
            for seg in there.get(tok, ()):
                score = shared.get(id(seg), (0, seg))[0]
                shared[id(seg)] = (score + _weight(tok), seg)
        best = max(shared.values(), key=lambda sc: (sc[0], -sc[1].start), default=None)
        if best is None or best[0] < _MIN_SHARED or best[0] < _MIN_COVER * total:
            return None
        return best[1].location(0, max(1, len(best[1].text)))


def _nearest(ctx: PairContext, bead, lang: str):  # type: ignore[no-untyped-def]
    """The closest preceding segment on the other side, as a hint of
    where the missing text belongs."""
    beads = ctx.state.get("all_beads", [])
    for b in reversed(beads[: bead.index]):
        side = b.side(lang)
        if side:
            return side.span()
    for b in beads[bead.index + 1 :]:
        side = b.side(lang)
        if side:
            return side.span()
    return None


CHECKS = [UnpairedFile, Omission]
