"""``--format junit``: JUnit XML, for CI systems that show test reports
(GitLab's "Tests" tab, Jenkins, Azure Pipelines).

One ``testsuite`` per file pair; one failing ``testcase`` per finding
(``failure type`` is the severity), or one passing ``testcase`` for a
clean pair.  Files that could not be read are ``error`` test cases in a
suite of their own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ruconsist.diagnostic import Diagnostic
from ruconsist.formatters.base import Formatter, Summary, pair_name

if TYPE_CHECKING:
    from ruconsist.result import PairResult

#: Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, lone
#: surrogates, U+FFFE/U+FFFF).
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return INVALID_XML.sub("\ufffd", text)


def describe(d: Diagnostic) -> str:
    loc = d.location
    lines = [f"{loc.short()}: {d.code} [{d.severity.label}] {d.message}"]
    if d.counterpart is not None:
        cp = d.counterpart
        lines.append(f"{cp.lang.upper()} counterpart: {cp.short()}")
    return "\n".join(lines)


class JunitFormatter(Formatter):
    """JUnit XML test report."""

    name = "junit"

    def begin(self) -> None:
        self.root = ET.Element("testsuites", name="ruconsist")
        self.tests = 0
        self.failures = 0

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        name = pair_name(result) or "whole run"
        if result is None and not diagnostics:
            return
        suite = ET.SubElement(self.root, "testsuite", name=clean(name))
        for d in diagnostics:
            loc = d.location
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"ruconsist.{d.category}",
                name=clean(f"{d.code} {loc.path}:{loc.line}:{loc.column}"),
                file=clean(loc.path),
                line=str(loc.line),
            )
            failure = ET.SubElement(case, "failure", message=clean(d.message), type=d.severity.label)
            failure.text = clean(describe(d))
        if not diagnostics:
            ET.SubElement(suite, "testcase", classname="ruconsist", name=clean(name))
        count = max(1, len(diagnostics))
        suite.set("tests", str(count))
        suite.set("failures", str(len(diagnostics)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        self.tests += count
        self.failures += len(diagnostics)

    def finish(self, summary: Summary) -> None:
        errors = 0
        if summary.input_errors:
            suite = ET.SubElement(self.root, "testsuite", name="unreadable files")
            for exc in summary.input_errors:
                path = getattr(exc, "path", None) or "ruconsist"
                case = ET.SubElement(suite, "testcase", classname="ruconsist.input", name=clean(path))
                err = ET.SubElement(case, "error", message=clean(getattr(exc, "message", str(exc))), type="input")
                err.text = clean(str(exc))
            n = len(summary.input_errors)
            suite.set("tests", str(n))
            suite.set("failures", "0")
            suite.set("errors", str(n))
            suite.set("skipped", "0")
            errors = n
        self.root.set("tests", str(self.tests + errors))
        self.root.set("failures", str(self.failures))
        self.root.set("errors", str(errors))
        ET.indent(self.root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(self.root, encoding="unicode"))
        self.stream.write("\n")
