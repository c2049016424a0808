"""Configuration: one frozen value, built once, validated up front.

Sources, later ones winning: built-in defaults, the project file
(``.ruconsist.yaml``, or ``[tool.ruconsist]`` in ``pyproject.toml``,
found by walking up from the working directory), then command-line
flags.  Every error names the file and the key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruconsist.diagnostic import Severity
from ruconsist.errors import ConfigError
from ruconsist.rules import suggest
from ruconsist.yamlio import line_of, load_yaml

CONFIG_FILES = (".ruconsist.yaml", ".ruconsist.yml", "pyproject.toml")
KEYS = (
    "rules",
    "default-rules",
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "per-path-ignores",
    "severity",
    "pairs",
    "align",
    "options",
    "encoding",
    "strict-rules",
)
OPTION_KEYS = ("zh-spacing", "ru-quotes", "zh-quotes", "number-tolerance")


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
    severity: tuple[tuple[str, Severity], ...] = ()
    pairs: tuple[Mapping[str, str], ...] = ()
    align: str = "auto"
    options: Mapping[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    strict_rules: bool = False

    def with_cli(self, **kw: Any) -> Config:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def find_config(start: Path) -> Path | None:
    cur = start.resolve()
    for d in (cur, *cur.parents):
        for name in CONFIG_FILES:
            p = d / name
            if p.is_file():
                if name == "pyproject.toml" and "[tool.ruconsist]" not in p.read_text(encoding="utf-8", errors="replace"):
                    continue
                return p
    return None


def _codes(value: Any, path: str, node: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of code prefixes", path, line_of(node, key))
    return tuple(v.strip().upper() for v in value)


def parse_config(data: Any, path: str) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping", path, 1)
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"unknown key {key!r}{suggest(key, KEYS)}", path, line_of(data, key))
    root = Path(path).resolve().parent
    kw: dict[str, Any] = {"path": path, "root": root}
    if "rules" in data:
        rules = data["rules"]
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError("'rules' must be a list of rule pack paths", path, line_of(data, "rules"))
        resolved = []
        for r in rules:
            p = (root / r).resolve()
            try:
                p.relative_to(root)
            except ValueError:
                raise ConfigError(
                    f"rule pack {r!r} is outside the project ({root.name}/); refusing to load it",
                    path,
                    line_of(data, "rules"),
                ) from None
            resolved.append(str(p))
        kw["rules"] = tuple(resolved)
    if "default-rules" in data:
        if not isinstance(data["default-rules"], bool):
            raise ConfigError("'default-rules' must be true or false", path, line_of(data, "default-rules"))
        kw["default_rules"] = data["default-rules"]
    for key in ("select", "ignore", "extend-select", "extend-ignore"):
        if key in data:
            kw[key.replace("-", "_")] = _codes(data[key], path, data, key)
    if "per-path-ignores" in data:
        ppi = data["per-path-ignores"]
        if not isinstance(ppi, dict):
            raise ConfigError("'per-path-ignores' must map globs to code lists", path, line_of(data, "per-path-ignores"))
        kw["per_path_ignores"] = tuple((g, _codes(c, path, ppi, g)) for g, c in ppi.items())
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError("'severity' must map codes to error, warning or info", path, line_of(data, "severity"))
        out = []
        for code, level in sev.items():
            try:
                out.append((code.upper(), Severity.parse(str(level))))
            except KeyError:
                raise ConfigError(
                    f"severity of {code!r} must be error, warning or info", path, line_of(sev, code)
                ) from None
        kw["severity"] = tuple(out)
    if "pairs" in data:
        pairs = data["pairs"]
        if not isinstance(pairs, list):
            raise ConfigError("'pairs' must be a list of {ru: template, zh: template}", path, line_of(data, "pairs"))
        for i, tpl in enumerate(pairs):
            if not isinstance(tpl, dict) or set(tpl) != {"ru", "zh"} or not all(isinstance(v, str) for v in tpl.values()):
                raise ConfigError("each pair template needs exactly 'ru' and 'zh' strings", path, line_of(pairs, i))
        kw["pairs"] = tuple(dict(t) for t in pairs)
    if "align" in data:
        if data["align"] not in ("auto", "lines", "paragraphs"):
            raise ConfigError("'align' must be auto, lines or paragraphs", path, line_of(data, "align"))
        kw["align"] = data["align"]
    if "options" in data:
        opts = data["options"]
        if not isinstance(opts, dict):
            raise ConfigError("'options' must be a mapping", path, line_of(data, "options"))
        for k in opts:
            if k not in OPTION_KEYS:
                raise ConfigError(f"unknown option {k!r}{suggest(k, OPTION_KEYS)}", path, line_of(opts, k))
        kw["options"] = dict(opts)
    if "encoding" in data:
        kw["encoding"] = str(data["encoding"])
    if "strict-rules" in data:
        kw["strict_rules"] = bool(data["strict-rules"])
    return Config(**kw)


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
        return parse_config(data, shown)
    try:
        data = load_yaml(text, shown)
    except Exception as exc:  # RuleError from the YAML loader
        raise ConfigError(str(getattr(exc, "message", exc)), shown, getattr(exc, "line", None)) from None
    return parse_config(data, shown)


def discover_config(explicit: str | None, start: Path | None = None) -> Config:
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError("configuration file not found", explicit)
        return load_config(p)
    found = find_config(start or Path.cwd())
    return load_config(found) if found else Config()


def selected_codes(select: Sequence[str], code: str) -> int:
    """Length of the longest prefix in ``select`` matching ``code``."""
    best = -1
    for prefix in select:
        if prefix == "ALL" or code.startswith(prefix):
            best = max(best, 0 if prefix == "ALL" else len(prefix))
    return best
