"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and any
SARIF viewer.

Each finding is a ``result`` whose location is the flagged text and
whose related location is the aligned text in the other language.
``partialFingerprints["ruconsist/v1"]`` is the same line-independent
fingerprint the baseline uses (``:2``, ``:3``… added to repeats of one
mistake in one file), so code scanning keeps tracking a finding when
lines move.  Columns count Unicode code points
(``columnKind: unicodeCodePoints``), as everywhere in ruconsist.
"""

from __future__ import annotations

import inspect
import json
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.formatters.base import Formatter, Summary, explain_url
from ruconsist.lang import LANG_NAME

if TYPE_CHECKING:
    from ruconsist.result import PairResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/ruconsist/"
FINGERPRINT_KEY = "ruconsist/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact(path: str) -> dict[str, Any]:
    p = PurePosixPath(path)
    if p.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def region(loc: Location) -> dict[str, int]:
    return {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    }


def physical(loc: Location) -> dict[str, Any]:
    return {"artifactLocation": artifact(loc.path), "region": region(loc)}


def sarif_location(loc: Location) -> dict[str, Any]:
    """A SARIF location; in a table it carries the cell in its
    properties (``{"cell": {"row": R, "column": "NAME"}}``)."""
    out: dict[str, Any] = {"physicalLocation": physical(loc)}
    if loc.cell is not None:
        out["properties"] = {"cell": {"row": loc.cell[0], "column": loc.cell[1]}}
    return out


def _paragraphs(doc: str) -> list[str]:
    return [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]


def rule_descriptor(info: Any) -> dict[str, Any]:
    doc = inspect.getdoc(info.check) or ""
    paras = _paragraphs(doc)
    own = info.code == getattr(info.check, "code", None)
    first = paras[0] if paras and own else info.slug.replace("-", " ")
    short = first.split(". ")[0].rstrip(".") + "."
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.slug,
        "shortDescription": {"text": short},
        "fullDescription": {"text": first},
        "help": {"text": doc or first},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"category": info.category, "tags": ["translation", info.category]},
    }
    url = explain_url(info.code, {info.code: info})
    if url:
        descriptor["helpUri"] = url
    return descriptor


class SarifFormatter(Formatter):
    """SARIF 2.1.0 log with one run."""

    name = "sarif"

    def begin(self) -> None:
        self.results: list[dict[str, Any]] = []
        self.used: set[str] = set()
        self.seen: Counter[str] = Counter()

    def fingerprint(self, d: Diagnostic) -> str:
        # The same mistake repeated in one file (a name left out of ten
        # paragraphs) has one fingerprint; number the repeats in reading
        # order, or code scanning would fold them into one alert.
        fp = self.run.fingerprint(d)
        self.seen[fp] += 1
        n = self.seen[fp]
        return fp if n == 1 else f"{fp}:{n}"

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        for d in diagnostics:
            self.used.add(d.code)
            item: dict[str, Any] = {
                "ruleId": d.code,
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [sarif_location(d.location)],
                "partialFingerprints": {FINGERPRINT_KEY: self.fingerprint(d)},
                "properties": {"category": d.category, "lang": d.location.lang},
            }
            if d.rule:
                item["properties"]["rule"] = d.rule
            if d.expected is not None:
                item["properties"]["expected"] = d.expected
            if d.counterpart is not None:
                cp = d.counterpart
                item["relatedLocations"] = [
                    {
                        "id": 1,
                        **sarif_location(cp),
                        "message": {"text": f"{LANG_NAME.get(cp.lang, cp.lang)} counterpart"},
                    }
                ]
            self.results.append(item)

    def finish(self, summary: Summary) -> None:
        codes = dict(self.run.codes)
        rules = [rule_descriptor(codes[c]) for c in sorted(codes)]
        index = {r["id"]: i for i, r in enumerate(rules)}
        for item in self.results:
            if item["ruleId"] in index:
                item["ruleIndex"] = index[item["ruleId"]]
        notifications = []
        for exc in summary.input_errors:
            note: dict[str, Any] = {"level": "error", "message": {"text": getattr(exc, "message", str(exc))}}
            path = getattr(exc, "path", None)
            if path:
                loc: dict[str, Any] = {"artifactLocation": artifact(path)}
                line = getattr(exc, "line", None)
                if line:
                    loc["region"] = {"startLine": line}
                note["locations"] = [{"physicalLocation": loc}]
            notifications.append(note)
        invocation: dict[str, Any] = {"executionSuccessful": not summary.input_errors}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        driver: dict[str, Any] = {
            "name": "ruconsist",
            "informationUri": INFORMATION_URI,
            "rules": rules,
        }
        if self.run.tool_version:
            driver["version"] = self.run.tool_version
            driver["semanticVersion"] = self.run.tool_version
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "invocations": [invocation],
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
