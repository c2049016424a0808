"""Files → pairs.

A file's language comes from its name: ``X.ru.md`` / ``X.zh.md`` (also
ISO 639-2/3 and BCP 47 tags: ``rus``, ``ru-RU``, ``zho``, ``cmn``,
``zh-CN``, ``zh_CN``, ``zh-Hans-CN``, ``zh-SG``, ``zh-Hant``),
``X-ru.md`` / ``X_zh.md``, or a directory ``…/ru/…`` / ``…/zh/…``
(likewise tagged).
Other layouts are described by templates in the configuration::

    pairs:
      - ru: "articles/{name}/original.md"
        zh: "articles/{name}/translation.md"

A file without a language tag, named on the command line, is read as a
single bilingual file.  Given one file of a pair, as pre-commit does,
the counterpart is found on disk; every pair is linted once.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ruconsist.lang.han import HAN_CHAR
from ruconsist.markers import hookimpl

if TYPE_CHECKING:
    import pluggy

    from ruconsist.config import Config

#: Tags tried first when looking for a counterpart on disk, most common
#: first; any other tag :func:`tag_lang` accepts is found by listing the
#: directory.
RU_TAGS = ("ru", "ru-RU", "ru_RU", "rus", "ru-ru")
ZH_TAGS = ("zh", "zh-CN", "zh_CN", "zh-Hans", "zh-hans", "zh-cn", "zh_Hans", "cn", "zho", "zh-Hant", "zh-TW", "zh_TW")
#: Language tags as translation repositories write them, in any case and
#: with ``-`` or ``_``: ISO 639-1 (``ru``, ``zh``), 639-2/3 (``rus``,
#: ``zho``, ``chi``, ``cmn`` for Mandarin) and BCP 47 forms with a script
#: and a region (``ru-Cyrl-RU``, ``zh-Hans-CN``, ``zh-SG``, ``zho-CN``,
#: ``cmn-Hans``), and ``cn`` for the country.
_RU_TAG = r"(?:rus|ru)(?:[-_]cyrl)?(?:[-_](?:ru|by|kz|kg|md|ua))?"
_ZH_TAG = r"(?:zho|zh|chi|cmn)(?:[-_](?:hans|hant))?(?:[-_](?:cn|sg|my|tw|hk|mo))?|cn"
_RU_TAG_RX = re.compile(rf"^(?:{_RU_TAG})$", re.IGNORECASE)
_ZH_TAG_RX = re.compile(rf"^(?:{_ZH_TAG})$", re.IGNORECASE)
#: Chinese tags of Traditional script or of a region that writes it.
TRADITIONAL = re.compile(r"(?:^|[-_])(?:hant|tw|hk|mo)(?:$|[-_])", re.IGNORECASE)
_TAG_ALT = f"{_RU_TAG}|{_ZH_TAG}"
#: ``name.ru.md``, ``name-zh.md``, ``name_zh-CN.md``: (stem)(sep)(tag)(ext)
NAME_TAG = re.compile(rf"^(?P<stem>.+?)(?P<sep>[._-])(?P<tag>{_TAG_ALT})(?P<ext>(?:\.[^.]+)*)$", re.IGNORECASE)
#: ``ru.po``, ``zh_CN.json``: the whole stem is the tag.
BARE_TAG = re.compile(rf"^(?P<tag>{_TAG_ALT})(?P<ext>(?:\.[^.]+)+)$", re.IGNORECASE)


def tag_lang(tag: str) -> str | None:
    """``ru`` or ``zh`` for a language tag (``rus``, ``zh-Hans-CN``, …),
    else None."""
    if _RU_TAG_RX.match(tag):
        return "ru"
    if _ZH_TAG_RX.match(tag):
        return "zh"
    return None


def is_traditional_tag(tag: str) -> bool:
    """Whether a Chinese tag names Traditional script (``zh-Hant``) or a
    region that writes it (``zh-TW``, ``zh-HK``, ``zh-MO``)."""
    return tag_lang(tag) == "zh" and bool(TRADITIONAL.search(tag))


def zh_region(path: str | os.PathLike[str]) -> str | None:
    """The region a Chinese file's tag names (``X.zh-TW.md``, ``zh_HK.po``,
    ``…/zh-Hant/…``): ``TW``, ``HK`` or ``Hant``; None for the mainland's
    tags and for a file without a tag."""
    from ruconsist.lang.script import region_of_tag

    info = lang_of(Path(path))
    if info is None or info[0] != "zh":
        return None
    return region_of_tag(info[1])


#: Subtags of a Chinese tag that name a region or Traditional script:
#: such a file's region is its own, whatever the configuration says.
_REGION_SUBTAGS = frozenset({"cn", "sg", "my", "tw", "hk", "mo", "hant"})


def configured_region(path: str | os.PathLike[str], configured: str) -> str | None:
    """The region of a Chinese file as the configuration's ``zh-region``
    gives it: its tag's (``zh-TW`` → ``TW``, ``zh-CN`` → the mainland,
    None) when the tag names one; otherwise (``a.zh.md``, ``zh.po``,
    ``zh-Hans``, an untagged file) the configured ``CN``, ``TW``, ``HK``
    or ``Hant``, or, for ``auto``, None (the text then decides:
    Traditional characters are read as ``Hant``)."""
    info = lang_of(Path(path))
    tag = info[1] if info is not None and info[0] == "zh" else ""
    subtags = set(tag.lower().replace("_", "-").split("-")[1:]) if tag else set()
    if tag.lower() == "cn" or subtags & _REGION_SUBTAGS or configured == "auto":
        return zh_region(path)
    return configured


def _name_match(name: str) -> re.Match[str] | None:
    m = NAME_TAG.match(name)
    if m is None:
        return None
    # ``chi`` (ISO 639-2/B) only after a dot: ``tai-chi.md`` is not Chinese.
    if m.group("tag").lower() == "chi" and m.group("sep") != ".":
        return None
    # ``zh_CN.po``, ``cmn-Hans-CN.po``: the whole stem is one tag.
    if tag_lang(m.group("stem") + m.group("sep") + m.group("tag")) is not None:
        return None
    return m


SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class FilePair:
    """Two files of a pair, or one bilingual file (``bilingual``), or one
    file whose counterpart is missing (``missing`` names the expected
    path).  ``part`` names the RU column of a bilingual table that this
    pair checks against its ZH column (one pair per RU column)."""

    ru: Path | None
    zh: Path | None
    bilingual: Path | None = None
    missing: Path | None = None
    part: str | None = None

    @property
    def key(self) -> tuple[str, ...]:
        parts = [str(p.resolve()) if p else "" for p in (self.ru, self.zh, self.bilingual)]
        return (*parts, self.part or "")

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.ru, self.zh, self.bilingual) if p is not None)


def lang_of(path: Path) -> tuple[str, str, str] | None:
    """(lang, tag, where) if the path carries a language tag; ``where`` is
    ``name`` or ``dir``."""
    m = _name_match(path.name) or BARE_TAG.match(path.name)
    if m:
        return tag_lang(m.group("tag")), m.group("tag"), "name"  # type: ignore[return-value]
    for part in reversed(path.parent.parts):
        lang = tag_lang(part)
        if lang is not None:
            return lang, part, "dir"
    return None


def candidates(path: Path, config: Config | None = None) -> Iterator[tuple[str, Path]]:
    """Possible counterparts of ``path``, most likely first, as
    (lang of counterpart, path)."""
    info = lang_of(path)
    if config is not None:
        yield from _template_candidates(path, config)
    if info is None:
        return
    lang, tag, where = info
    other_tags = ZH_TAGS if lang == "ru" else RU_TAGS
    other_lang = "zh" if lang == "ru" else "ru"
    if where == "name":
        m = _name_match(path.name)
        for t in other_tags:
            if m:
                name = f"{m.group('stem')}{m.group('sep')}{t}{m.group('ext')}"
            else:
                bm = BARE_TAG.match(path.name)
                assert bm is not None
                name = f"{t}{bm.group('ext')}"
            yield other_lang, path.with_name(name)
    else:
        parts = list(path.parts)
        idx = max(i for i, p in enumerate(parts[:-1]) if p == tag)
        for t in other_tags:
            new = parts[:idx] + [t] + parts[idx + 1 :]
            yield other_lang, Path(*new)


def _template_candidates(path: Path, config: Config) -> Iterator[tuple[str, Path]]:
    for tpl in config.pairs:
        for lang in ("ru", "zh"):
            rx = _template_regex(tpl[lang])
            m = rx.match(path.as_posix())
            if m:
                other_lang = "zh" if lang == "ru" else "ru"
                target = tpl[other_lang]
                for k, v in m.groupdict().items():
                    target = target.replace("{" + k + "}", v)
                yield other_lang, Path(m.group("_prefix") + target)


@functools.lru_cache(maxsize=256)
def _template_regex(template: str) -> re.Pattern[str]:
    out = ""
    for piece in re.split(r"(\{[a-z_]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            name = piece[1:-1]
            out += rf"(?P<{name}>.+)" if name == "path" else rf"(?P<{name}>[^/]+)"
        else:
            out += re.escape(piece)
    return re.compile(r"^(?P<_prefix>(?:.*/)?)" + out + "$")


def template_lang(path: Path, config: Config) -> str | None:
    for tpl in config.pairs:
        for lang in ("ru", "zh"):
            if _template_regex(tpl[lang]).match(path.as_posix()):
                return lang
    return None


@hookimpl(trylast=True)
def ruconsist_find_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    first = None
    for other_lang, cand in candidates(path, config):
        if other_lang == lang:
            continue
        if first is None:
            first = cand
        if cand.is_file():
            return cand
    return _listed_counterpart(path, lang)


def _listed_counterpart(path: Path, lang: str) -> Path | None:
    """The counterpart under any other tag (``X.rus.txt`` ↔
    ``X.zho-CN.txt``, ``ru/`` ↔ ``zh-Hans-CN/``), found by listing the
    directory: Simplified tags before Traditional ones, then by name."""
    info = lang_of(path)
    if info is None:
        return None
    _, tag, where = info
    other = "zh" if lang == "ru" else "ru"
    if where == "name":
        m = _name_match(path.name)
        bm = None if m else BARE_TAG.match(path.name)
        folder, names = path.parent, _listdir(path.parent)
        found = []
        for name in names:
            n = _name_match(name) if m else BARE_TAG.match(name)
            if n is None or tag_lang(n.group("tag")) != other:
                continue
            if m and (n.group("stem"), n.group("sep"), n.group("ext")) != (m.group("stem"), m.group("sep"), m.group("ext")):
                continue
            if bm and n.group("ext") != bm.group("ext"):
                continue
            found.append((is_traditional_tag(n.group("tag")), name))
        for _, name in sorted(found):
            if (folder / name).is_file():
                return folder / name
        return None
    parts = list(path.parts)
    idx = max(i for i, p in enumerate(parts[:-1]) if p == tag)
    base = Path(*parts[:idx]) if idx else Path(".")
    dirs = [d for d in _listdir(base) if tag_lang(d) == other]
    for d in sorted(dirs, key=lambda d: (is_traditional_tag(d), d)):
        cand = Path(*parts[:idx], d, *parts[idx + 1 :])
        if cand.is_file():
            return cand
    return None


def _listdir(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def expected_counterpart(path: Path, lang: str, config: Config) -> Path | None:
    for other_lang, cand in candidates(path, config):
        if other_lang != lang:
            return cand
    return None


def discover(
    paths: Iterable[str | os.PathLike[str]], extensions: tuple[str, ...], config: Config | None = None
) -> Iterator[tuple[Path, bool]]:
    """Files under ``paths``: (path, named explicitly).  Directories are
    walked in sorted order, skipping VCS and virtualenv folders and files
    whose extension no reader handles, unless a ``pairs:`` template of
    ``config`` names them (``{name}.devtest``)."""
    templated = bool(config is not None and config.pairs)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if f.lower().endswith(extensions) or (templated and template_lang(fp, config)):  # type: ignore[arg-type]
                        yield fp, False
        else:
            yield p, True


def no_pairs_message(paths: Iterable[str], extensions: tuple[str, ...], config: Config) -> str:
    """One line for a run that found no pair under ``paths``: what was
    looked for, files that were close (a language tag on a file no reader
    handles), and how to pair."""
    shown = ", ".join(str(p) for p in paths) or "."
    tagged: list[str] = []
    for raw in paths:
        p = Path(raw)
        walk = os.walk(p) if p.is_dir() else [(str(p.parent), [], [p.name])]
        for root, dirs, files in walk:
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            tagged.extend(
                os.path.join(root, f) for f in sorted(files) if not f.lower().endswith(extensions) and lang_of(Path(root, f))
            )
            if len(tagged) >= 3:
                break
    exts = ", ".join(extensions[:6]) + ", …"
    close = ""
    if tagged:
        names = ", ".join(tagged[:2])
        close = f"; {names} carr{'ies' if len(tagged) == 1 else 'y'} a language tag but no reader handles the extension"
    templates = " (none match)" if config.pairs else ""
    return (
        f"no RU/ZH file pair found in {shown}: looked for files named by language (X.ru.md ↔ X.zh.md,"
        f" X.rus.txt ↔ X.zho-CN.txt, …/ru/… ↔ …/zh/…) with an extension a reader handles ({exts}){close};"
        f" give a pair with --ru FILE --zh FILE or describe the layout with 'pairs:' templates in"
        f" .ruconsist.yaml{templates}"
    )


#: Language named in a translation file's first kilobytes: XLIFF and TMX
#: attributes, a PO header.
_LANG_MARK = re.compile(
    r"""(?:source-language|target-language|srcLang|trgLang|srclang|xml:lang|\blang)\s*=\s*["']([A-Za-z]{2,3})"""
    r"""|"Language:\s*([A-Za-z]{2,3})"""
)
_CYR = re.compile(r"[\u0400-\u04ff]")
_HAN = HAN_CHAR


def looks_bilingual(path: Path, pm: pluggy.PluginManager) -> bool:
    """An untagged file met in a directory scan is linted as one
    bilingual file when a bilingual reader (PO, XLIFF, TMX) handles its
    extension and its beginning names or shows both Russian and Chinese;
    an ``en→de`` XLIFF or a ``de.po`` stays out of the run."""
    readers: list[type] = []
    pm.hook.ruconsist_register_readers(register=readers.append)
    exts = tuple(e for cls in readers if getattr(cls, "bilingual", False) for e in cls.extensions)
    if not exts or not path.name.lower().endswith(exts):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(16384).decode("utf-8", "replace")
    except OSError:
        return False
    found = {tag_lang(a or b) for a, b in _LANG_MARK.findall(head)}
    if len(_CYR.findall(head)) >= 10:
        found.add("ru")
    if len(_HAN.findall(head)) >= 5:
        found.add("zh")
    return {"ru", "zh"} <= found


def _scanned_table_wanted(path: Path, config: Config, pm: pluggy.PluginManager) -> bool:
    """A table (CSV, TSV, workbook) met in a directory scan is checked
    only when the configuration names its columns for it
    (``per-path-options`` or ``options``: ``zh-column`` / ``ru-column``):
    a repository's other tables are data, not translations.  Named on
    the command line, a table is always read."""
    readers: list[type] = []
    pm.hook.ruconsist_register_readers(register=readers.append)
    exts = tuple(e for cls in readers if getattr(cls, "table", False) for e in cls.extensions)
    if not exts or not path.name.lower().endswith(exts):
        return True
    from ruconsist.paths import display

    opts = config.for_paths((display(path),)).options
    return "zh-column" in opts or "ru-column" in opts


def make_pairs(
    files: Iterable[tuple[Path, bool]], config: Config, pm: pluggy.PluginManager
) -> Iterator[FilePair]:
    """Pair files; each pair once, whichever of its files came first."""
    seen: set[tuple[str, ...]] = set()
    for path, explicit in files:
        info = lang_of(path)
        lang = info[0] if info else template_lang(path, config)
        if lang is None:
            if not explicit and (not looks_bilingual(path, pm) or not _scanned_table_wanted(path, config, pm)):
                continue
            pair = FilePair(None, None, bilingual=path)
        else:
            other = pm.hook.ruconsist_find_counterpart(path=path, lang=lang, config=config)
            if other is None:
                missing = expected_counterpart(path, lang, config)
                pair = FilePair(path if lang == "ru" else None, path if lang == "zh" else None, missing=missing)
            elif lang == "ru":
                pair = FilePair(path, Path(other))
            else:
                pair = FilePair(Path(other), path)
        if pair.key in seen:
            continue
        seen.add(pair.key)
        yield pair
