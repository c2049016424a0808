"""Configuration: one frozen value, built once, validated up front.

Sources, later ones winning: built-in defaults, the project file, then
command-line flags.  The project file is ``.ruconsist.yaml`` (or
``.ruconsist.yml``, or a ``[tool.ruconsist]`` table in
``pyproject.toml``), found by walking up from the deepest directory that
holds every checked path (the working directory when no path is given);
``-c FILE`` names it explicitly.  Paths in it (rule packs, globs, pair
templates) are relative to the directory it is in.

Every error names the file, the line where there is one, and the key.
``docs/configuration.md`` documents each key.
"""

from __future__ import annotations

import codecs
import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from ruconsist.diagnostic import Severity
from ruconsist.errors import ConfigError
from ruconsist.schema import AnyValue, Bool, Check, Choice, Map, Table, suggest, validate
from ruconsist.yamlio import MarkedDict, line_of, load_yaml

CONFIG_FILES = (".ruconsist.yaml", ".ruconsist.yml", "pyproject.toml")


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _glob_keys(value: Any) -> str | None:
    ok = isinstance(value, dict) and all(isinstance(g, str) and g for g in value)
    return None if ok else "must map path globs to values"


#: The shape of the project file (``docs/configuration.md``): every key,
#: and the type of those whose values need no more than a type.  Codes,
#: options, pack paths and pair templates are checked by :func:`parse_config`.
CONFIG = Map(
    None,
    {
        "rules": Check(lambda v: None if isinstance(v, str) or _is_strings(v) else "must be a list of rule pack paths"),
        "default-rules": Bool(),
        "select": AnyValue(),
        "ignore": AnyValue(),
        "extend-select": AnyValue(),
        "extend-ignore": AnyValue(),
        "per-path-ignores": Check(_glob_keys),
        "per-path-options": Check(_glob_keys),
        "severity": Table(AnyValue(), expected="must map codes to error, warning or info"),
        "pairs": Check(lambda v: None if isinstance(v, list) else "must be a list of {ru: template, zh: template}"),
        "align": Choice(("auto", "lines", "paragraphs")),
        "options": Check(lambda v: None if isinstance(v, dict) else "must be a mapping of option names to values"),
        "encoding": AnyValue(),
        "strict-rules": Bool(),
        "profile": AnyValue(),  # shorthands of the options of the same name
        "source": AnyValue(),
    },
    expected="configuration must be a mapping",
)
KEYS = tuple(CONFIG.fields)
#: Options of the run itself: name -> (allowed values, or a type; what
#: it does).  Every other option belongs to the check or reader that
#: reads it (its ``options`` class attribute); :data:`OPTIONS` gathers
#: them.  Plugins' own options are written ``<plugin>.<option>`` and are
#: not validated here.
RUN_OPTIONS: dict[str, tuple[tuple[Any, ...] | type, str]] = {
    "profile": (("human", "mt"), "what kind of translation is checked: human (default) or machine (mt)"),
    "source": (("zh", "ru"), "the language translated from (default for the mt profile: zh)"),
    "zh-region": (
        ("auto", "CN", "TW", "HK", "Hant"),
        "the region of a Chinese file whose name or folders tag no region (a.zh.md, zh.po, a pair template,"
        " a bilingual file): CN (mainland), TW (Taiwan), HK (Hong Kong, Macau), Hant (Traditional of no"
        " region); auto (default) reads Traditional text as Hant and anything else as mainland Chinese",
    ),
}


class _Options(Mapping[str, tuple[Any, str]]):
    """Every option a configuration may set: the run's own, then those the
    built-in checks and readers declare, gathered on first use (reading
    them imports the check modules, which a run imports anyway)."""

    def __init__(self) -> None:
        self._table: dict[str, tuple[Any, str]] | None = None

    def _load(self) -> dict[str, tuple[Any, str]]:
        if self._table is None:
            from ruconsist.checks import builtin_check_classes
            from ruconsist.readers import builtin_reader_classes

            table = dict(RUN_OPTIONS)
            owners = [*builtin_check_classes(), *builtin_reader_classes()]
            for owner in owners:
                for name, spec in getattr(owner, "options", {}).items():
                    if table.setdefault(name, spec) != spec:
                        raise ConfigError(f"option {name!r} declared twice, differently ({owner.__name__})")
            self._table = table
        return self._table

    def __getitem__(self, name: str) -> tuple[Any, str]:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


OPTIONS: Mapping[str, tuple[Any, str]] = _Options()
#: ``NUM``, ``NUM001``, ``ALL``: a code or a code prefix.
CODE_PREFIX = re.compile(r"^(?:[A-Z]{1,3}[0-9]{0,3}|ALL)$")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    rules: tuple[str, ...] = ()
    default_rules: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_path_options: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    pairs: tuple[Mapping[str, str], ...] = ()
    align: str = "auto"
    options: Mapping[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    strict_rules: bool = False
    #: Options given on the command line: they win over
    #: ``per-path-options`` too.
    cli_options: Mapping[str, Any] = field(default_factory=dict)

    def with_cli(self, **kw: Any) -> Config:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})

    def with_cli_options(self, **kw: Any) -> Config:
        """Options from command-line flags (``--profile mt``), named as in
        the configuration (``profile``); ``None`` values are not given."""
        given = {k.replace("_", "-"): v for k, v in kw.items() if v is not None}
        if not given:
            return self
        forced = {**self.cli_options, **given}
        return replace(self, options={**self.options, **forced}, cli_options=forced)

    @property
    def profile(self) -> str:
        """``human`` or ``mt`` (see docs/configuration.md)."""
        return str(self.options.get("profile") or "human")

    @property
    def source(self) -> str | None:
        """The language translated from: the ``source`` option, else
        ``zh`` for the mt profile, else unknown (``None``)."""
        src = self.options.get("source")
        if src:
            return str(src)
        return "zh" if self.profile == "mt" else None

    def path_matches(self, path: str, glob: str) -> bool:
        """Whether ``path`` (as shown: relative to the working directory,
        or absolute) matches ``glob``, a pattern relative to the
        configuration's directory.  ``*`` also matches ``/``; a glob
        without ``/`` matches the file name in any directory."""
        rel = self.relative(path)
        if fnmatch.fnmatchcase(rel, glob):
            return True
        if glob.endswith("/") and rel.startswith(glob):
            return True
        return "/" not in glob and fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], glob)

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration's directory (POSIX), or
        unchanged when outside it."""
        return _relative(path, str(self.root), os.getcwd())

    def for_paths(self, paths: Iterable[str]) -> Config:
        """This configuration with ``per-path-options`` applied for a
        file pair (a glob matching either file applies)."""
        if not self.per_path_options:
            return self
        names = list(paths)
        merged = dict(self.options)
        changed = False
        for glob, opts in self.per_path_options:
            if any(self.path_matches(p, glob) for p in names):
                merged.update(opts)
                changed = True
        merged.update(self.cli_options)
        return replace(self, options=merged) if changed else self


@functools.lru_cache(maxsize=4096)
def _relative(path: str, root: str, cwd: str) -> str:
    # Cached: per-path globs are matched for every finding of a run.
    p = Path(path)
    absolute = p if p.is_absolute() else Path(cwd) / p
    try:
        return absolute.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def find_config(start: Path) -> Path | None:
    cur = start.resolve()
    for d in (cur, *cur.parents):
        for name in CONFIG_FILES:
            p = d / name
            if p.is_file():
                if name == "pyproject.toml" and not _has_tool_table(p):
                    continue
                return p
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*ruconsist\s*[\].]", text, re.MULTILINE) is not None


def search_start(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """The deepest directory holding every path (the working directory
    when there are none): where the configuration search starts."""
    if not paths:
        return Path.cwd()
    dirs = []
    for p in paths:
        ap = Path(p).absolute()
        dirs.append(ap if ap.is_dir() else ap.parent)
    try:
        return Path(os.path.commonpath([str(d) for d in dirs]))
    except ValueError:  # different drives
        return Path.cwd()


def _codes(value: Any, path: str, node: Any, key: str | int, name: str | None = None) -> tuple[str, ...]:
    name = name or str(key)
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{name}' must be a list of codes or code prefixes (e.g. [NUM, TRM001])", path, line_of(node, key))
    out = tuple(v.strip().upper() for v in value)
    for code in out:
        if not CODE_PREFIX.match(code):
            raise ConfigError(
                f"'{name}': {code!r} is not a code or code prefix (e.g. NUM or NUM001)", path, line_of(node, key)
            )
    return out


def _option_value(name: str, value: Any, path: str, node: Any, key: str) -> Any:
    spec, _ = OPTIONS[name]
    if isinstance(spec, tuple):
        if value not in spec:
            raise ConfigError(
                f"option '{name}' must be one of {', '.join(map(str, spec))} (found {value!r})", path, line_of(node, key)
            )
        return value
    if spec is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"option '{name}' must be true or false (found {value!r})", path, line_of(node, key))
        return value
    if spec is dict:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            raise ConfigError(
                f"option '{name}' must map Chinese names to one Russian form each (found {value!r})",
                path,
                line_of(node, key),
            )
        return {str(k).strip(): " ".join(str(v).split()) for k, v in value.items()}
    if spec is str:
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
            raise ConfigError(f"option '{name}' must be a name (found {value!r})", path, line_of(node, key))
        return str(value)
    if spec is list:
        values = value if isinstance(value, list) else [value]
        if not values or any(isinstance(v, bool) or not isinstance(v, (str, int)) or not str(v).strip() for v in values):
            raise ConfigError(f"option '{name}' must be a name or a list of names (found {value!r})", path, line_of(node, key))
        return [str(v) for v in values]
    if spec is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"option '{name}' must be a number ≥ 0 (found {value!r})", path, line_of(node, key))
        return float(value)
    return value


def _options(opts: Any, path: str, node: Any, key: str) -> dict[str, Any]:
    if not isinstance(opts, dict):
        raise ConfigError(f"'{key}' must be a mapping of option names to values", path, line_of(node, key))
    out = {}
    for k, v in opts.items():
        if not isinstance(k, str):
            raise ConfigError(f"option names must be strings (found {k!r})", path, line_of(opts, k))
        if "." in k:  # <plugin>.<option>: the plugin's business
            out[k] = v
            continue
        if k not in OPTIONS:
            raise ConfigError(f"unknown option {k!r}{suggest(k, OPTIONS)}", path, line_of(opts, k))
        out[k] = _option_value(k, v, path, opts, k)
    return out


class _Source(NamedTuple):
    """The project file being read: its mapping, its shown name and the
    directory its paths are relative to."""

    data: Any
    path: str
    root: Path


def _read_rules(src: _Source, key: str, rules: Any, kw: dict[str, Any]) -> dict[str, Any]:
    """Rule pack paths, each inside the project and an existing file."""
    if isinstance(rules, str):
        rules = [rules]
    resolved = []
    for i, r in enumerate(rules):
        p = (src.root / r).resolve()
        line = line_of(rules, i) or line_of(src.data, key)
        try:
            p.relative_to(src.root)
        except ValueError:
            raise ConfigError(
                f"rule pack {r!r} is outside the project ({src.root.name}/); refusing to load it", src.path, line
            ) from None
        if not p.is_file():
            raise ConfigError(f"'rules': rule pack {r!r} not found", src.path, line)
        resolved.append(str(p))
    return {"rules": tuple(resolved)}


def _read_as_is(src: _Source, key: str, value: Any, kw: dict[str, Any]) -> dict[str, Any]:
    """A value the schema has already checked in full."""
    return {key.replace("-", "_"): value}


def _read_codes(src: _Source, key: str, value: Any, kw: dict[str, Any]) -> dict[str, Any]:
    return {key.replace("-", "_"): _codes(value, src.path, src.data, key)}


def _read_per_path_ignores(src: _Source, key: str, ppi: Any, kw: dict[str, Any]) -> dict[str, Any]:
    return {"per_path_ignores": tuple((g, _codes(c, src.path, ppi, g, name=f"{key}: {g}")) for g, c in ppi.items())}


def _read_per_path_options(src: _Source, key: str, ppo: Any, kw: dict[str, Any]) -> dict[str, Any]:
    return {"per_path_options": tuple((g, _options(o, src.path, ppo, g)) for g, o in ppo.items())}


def _read_severity(src: _Source, key: str, sev: Any, kw: dict[str, Any]) -> dict[str, Any]:
    """Codes or code prefixes (not ``ALL``), each with a severity."""
    out = []
    for code, level in sev.items():
        code_s = str(code).upper()
        if not CODE_PREFIX.match(code_s) or code_s == "ALL":
            raise ConfigError(f"'severity': {code!r} is not a code or code prefix", src.path, line_of(sev, code))
        try:
            out.append((code_s, Severity.parse(str(level))))
        except KeyError:
            raise ConfigError(
                f"severity of {code!r} must be error, warning or info (found {level!r})", src.path, line_of(sev, code)
            ) from None
    return {"severity": tuple(out)}


def _read_pairs(src: _Source, key: str, pairs: Any, kw: dict[str, Any]) -> dict[str, Any]:
    """Pair templates: exactly ``ru`` and ``zh``, with the same placeholders."""
    for i, tpl in enumerate(pairs):
        if not isinstance(tpl, dict) or set(tpl) != {"ru", "zh"} or not all(isinstance(v, str) for v in tpl.values()):
            raise ConfigError("each pair template needs exactly 'ru' and 'zh' strings", src.path, line_of(pairs, i))
        names = [set(re.findall(r"\{([a-z_]+)\}", tpl[lang])) for lang in ("ru", "zh")]
        if names[0] != names[1]:
            raise ConfigError(
                "the 'ru' and 'zh' templates of a pair must use the same {placeholders}"
                f" (found {sorted(names[0])} and {sorted(names[1])})",
                src.path,
                line_of(pairs, i),
            )
    return {"pairs": tuple(dict(t) for t in pairs)}


def _read_options(src: _Source, key: str, value: Any, kw: dict[str, Any]) -> dict[str, Any]:
    return {"options": _options(value, src.path, src.data, key)}


def _read_option_shorthand(src: _Source, key: str, value: Any, kw: dict[str, Any]) -> dict[str, Any]:
    """``profile:`` and ``source:``, shorthands for the options of the same
    name (they win over the ``options:`` table)."""
    return {"options": {**kw.get("options", {}), key: _option_value(key, value, src.path, src.data, key)}}


def _read_encoding(src: _Source, key: str, enc: Any, kw: dict[str, Any]) -> dict[str, Any]:
    try:
        codecs.lookup(str(enc))
    except LookupError:
        raise ConfigError(f"'encoding': unknown encoding {enc!r}", src.path, line_of(src.data, key)) from None
    return {"encoding": str(enc)}


_Reader = Callable[[_Source, str, Any, dict[str, Any]], dict[str, Any]]

#: How each key of the project file becomes fields of :class:`Config`, in
#: the order they are read (the first error found is the one reported).
_READERS: tuple[tuple[str, _Reader], ...] = (
    ("rules", _read_rules),
    ("default-rules", _read_as_is),
    ("strict-rules", _read_as_is),
    ("select", _read_codes),
    ("ignore", _read_codes),
    ("extend-select", _read_codes),
    ("extend-ignore", _read_codes),
    ("per-path-ignores", _read_per_path_ignores),
    ("per-path-options", _read_per_path_options),
    ("severity", _read_severity),
    ("pairs", _read_pairs),
    ("align", _read_as_is),
    ("options", _read_options),
    ("profile", _read_option_shorthand),
    ("source", _read_option_shorthand),
    ("encoding", _read_encoding),
)


def parse_config(data: Any, path: str) -> Config:
    """The :class:`Config` of a project file's mapping (``path`` is its
    shown name); every error names the file and the key's line."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping", path, 1)
    validate(data, CONFIG, path, error=ConfigError)
    src = _Source(data, path, Path(path).resolve().parent)
    kw: dict[str, Any] = {"path": path, "root": src.root}
    for key, read in _READERS:
        if key in data:
            kw.update(read(src, key, data[key], kw))
    return Config(**kw)


# pyproject.toml --------------------------------------------------------

#: ``key =``, ``"key" =``, ``a.b =`` at the start of a TOML line.
TOML_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
#: ``[tool.ruconsist]``, ``[tool.ruconsist.severity]``
TOML_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _toml_parts(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _toml_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line of each key and table header, by its full dotted path."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for n, line in enumerate(text.splitlines(), 1):
        m = TOML_TABLE.match(line)
        if m:
            table = tuple(_toml_parts(m.group(1)))
            lines.setdefault(table, n)
            continue
        m = TOML_KEY.match(line)
        if m:
            parts = table + tuple(_toml_parts(m.group(1)))
            for i in range(len(table) + 1, len(parts) + 1):
                lines.setdefault(parts[:i], n)
    return lines


def _mark(value: Any, where: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> Any:
    if isinstance(value, dict):
        out = MarkedDict()
        out.line = lines.get(where, 0)
        out.key_lines = {}
        for k, v in value.items():
            out[k] = _mark(v, (*where, k), lines)
            line = lines.get((*where, k)) or out.line
            if line:
                out.key_lines[k] = line
        return out
    return value


def load_config(path: Path) -> Config:
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", shown) from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("ruconsist", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", shown) from None
        return parse_config(_mark(data, ("tool", "ruconsist"), _toml_lines(text)), shown)
    try:
        data = load_yaml(text, shown)
    except Exception as exc:  # RuleError from the YAML loader
        raise ConfigError(str(getattr(exc, "message", exc)), shown, getattr(exc, "line", None)) from None
    return parse_config(data, shown)


def discover_config(
    explicit: str | None, start: Path | None = None, paths: Sequence[str | os.PathLike[str]] = ()
) -> Config:
    """The run's configuration: ``explicit`` if given, else the nearest
    project file above ``start`` (default: :func:`search_start` of
    ``paths``), else the defaults."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError("configuration file not found", explicit)
        return load_config(p)
    found = find_config(start or search_start(paths))
    return load_config(found) if found else Config()


def selected_codes(select: Sequence[str], code: str) -> int:
    """Length of the longest prefix in ``select`` matching ``code``."""
    best = -1
    for prefix in select:
        if prefix == "ALL" or code.startswith(prefix):
            best = max(best, 0 if prefix == "ALL" else len(prefix))
    return best
