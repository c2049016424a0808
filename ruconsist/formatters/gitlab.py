"""``--format gitlab``: a GitLab Code Quality report (the Code Climate
JSON subset GitLab reads), shown in merge request diffs and widgets.

Each finding is reported on both files of the pair, so a reviewer sees
it next to whichever file the merge request touched.  Fingerprints are
the line-independent ones of the baseline (suffixed for the counterpart
entry and for repeated identical findings), so GitLab tracks a finding
across commits that move lines.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.formatters.base import Formatter, Summary
from ruconsist.lang import LANG_NAME

if TYPE_CHECKING:
    from ruconsist.result import PairResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class GitlabFormatter(Formatter):
    """GitLab Code Quality JSON."""

    name = "gitlab"

    def begin(self) -> None:
        self.issues: list[dict[str, Any]] = []
        self.seen: Counter[str] = Counter()

    def _issue(self, d: Diagnostic, loc: Location, description: str, key: str) -> dict[str, Any]:
        self.seen[key] += 1
        n = self.seen[key]
        return {
            "type": "issue",
            "check_name": d.code,
            "description": description,
            "categories": ["Style" if d.category == "style" else "Bug Risk"],
            "severity": SEVERITY[d.severity],
            "fingerprint": key if n == 1 else _hash(f"{key}:{n}"),
            "location": {"path": loc.path, "lines": {"begin": loc.line, "end": loc.end_line}},
        }

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        for d in diagnostics:
            fp = self.run.fingerprint(d)
            self.issues.append(self._issue(d, d.location, f"{d.code} {d.slug}: {d.message}", fp))
            cp = d.counterpart
            if cp is not None:
                text = f"{d.code} {d.slug} ({LANG_NAME.get(cp.lang, cp.lang)} counterpart of {d.location.short()}): {d.message}"
                self.issues.append(self._issue(d, cp, text, _hash(fp + ":counterpart")))

    def finish(self, summary: Summary) -> None:
        json.dump(self.issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
