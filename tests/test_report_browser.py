"""The HTML report in a real browser: headless Chromium loads the page,
runs its script, and the rendered DOM must show the findings, apply the
filter given in the URL fragment, and link a mention to its counterpart.

Chromium comes from the distribution's ``chromium`` package; CI installs
it (see ``.ci/run``).  Outside CI the test is skipped when it is absent.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ruconsist import cli
from ruconsist.formatters.html.page import Mark, render_text

# A name on one side only is a warning by default (TRM001 weighs
# explicitation); these terms are marked errors so that the page shows
# findings of both severities to filter.
PACK = """\
version: 1
terms:
  - id: lavrov
    category: name
    ru: [Сергей Лавров, Лавров]
    zh: [谢尔盖·拉夫罗夫, 拉夫罗夫]
    severity: error
  - id: kremlin
    category: place
    ru: [Кремль]
    zh: [克里姆林宫]
    severity: warning
  - id: putin
    category: name
    ru: [Владимир Путин, Путин]
    zh: [弗拉基米尔·普京, 普京]
    severity: error
"""
RU = """\
Лавров прибыл в Москву утром.

Встреча прошла в Кремле.

Путин поблагодарил гостей за визит.
"""
ZH = """\
外长上午抵达莫斯科。

会见在总统府举行。

普京感谢客人来访。
"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing in CI: .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); the report's browser test needs it")


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):  # type: ignore[no-untyped-def]
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n for n in self.walk()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def hidden(self) -> bool:
        node: Node | None = self
        while node is not None:
            if "hidden" in node.attrs:
                return True
            node = node.parent
        return False


VOID = {"meta", "br", "input", "col", "link", "img", "hr"}


class DomParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.cur.children.append(data)


def parse(markup: str) -> Node:
    p = DomParser()
    p.feed(markup)
    return p.root


def render_in_browser(page: Path, fragment: str, profile: Path) -> Node:
    """The DOM after the page's script ran, for ``page#fragment``."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    proc = subprocess.run(
        [
            chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", url,
        ],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return parse(proc.stdout)


@pytest.fixture
def with_report_command(monkeypatch) -> None:
    if "report" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "report"))


@pytest.fixture
def report(tmp_path: Path, with_report_command) -> Path:
    (tmp_path / "news.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "news.zh.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    page = tmp_path / "report.html"
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["report", str(tmp_path / "news.ru.md"), "--no-default-rules", "--rules", str(tmp_path / "pack.yaml"),
         "--select", "TRM", "-o", str(page)],
        stdout=out, stderr=err,
    )
    assert (code, err.getvalue()) == (0, "")
    return page


def findings(dom: Node) -> list[tuple[str, str, str, bool]]:
    return [
        (li.attrs["data-sev"] or "", li.attrs["data-cat"] or "", li.find("b")[0].text(), li.hidden())
        for li in dom.find("li", "finding")
    ]


def test_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert "<script src" not in page and "<link" not in page


def test_findings_are_listed_and_underlined_in_the_text(report: Path, tmp_path: Path) -> None:
    dom = render_in_browser(report, "", tmp_path / "profile")
    assert findings(dom) == [("error", "name", "TRM001", False), ("warning", "place", "TRM001", False)]
    underlined = [(n.text(), n.attrs["data-f"]) for n in dom.find("span", "f")]
    ids = [li.attrs["data-f"] for li in dom.find("li", "finding")]
    assert underlined == [("Лавров", ids[0]), ("Кремле", ids[1])]
    assert dom.find("body")[0].attrs["data-shown"] == "2"
    summary = dom.find("table", "summary")[0]
    assert [td.text() for td in summary.find("td")][1:] == ["3", "1", "1", "", "1", "1"]


@pytest.mark.parametrize(
    ("fragment", "visible", "rows"),
    [
        ("sev=error", [("error", "name")], 3),
        ("sev=warning", [("warning", "place")], 3),
        ("cat=place&only=1", [("warning", "place")], 1),
        ("sev=info&only=1", [], 0),
    ],
)
def test_filter_from_the_url_hides_findings_and_segments(report, tmp_path, fragment, visible, rows) -> None:
    dom = render_in_browser(report, fragment, tmp_path / "profile")
    assert [(sev, cat) for sev, cat, _, hidden in findings(dom) if not hidden] == visible
    assert len([tb for tb in dom.find("tbody", "seg") if not tb.hidden()]) == rows
    shown = dom.find("p", id="shown")[0].text()
    assert shown.startswith(f"Showing {len(visible)} of 2 findings")
    # A hidden finding's underline is switched off in the text too.
    for span in dom.find("span", "f"):
        listed = [li for li in dom.find("li", "finding") if li.attrs["data-f"] == span.attrs["data-f"]]
        assert ("off" in span.classes) == listed[0].hidden()


def test_a_mention_and_its_counterpart_light_up_together(report: Path, tmp_path: Path) -> None:
    static = parse(report.read_text(encoding="utf-8"))
    (putin_ru,) = [n for n in static.find("span", "m") if n.text() == "Путин"]
    key = putin_ru.attrs["data-l"]
    dom = render_in_browser(report, f"hl={key}", tmp_path / "profile")
    lit = [(n.text(), n.parent.attrs.get("lang")) for n in dom.find(cls="hl")]
    assert lit == [("Путин", "ru"), ("普京", "zh")]


def test_a_two_thousand_segment_document_renders_and_filters(tmp_path: Path, with_report_command) -> None:
    # Every tenth line names Lavrov without a counterpart: 200 errors.
    ru_lines, zh_lines = [], []
    for i in range(2000):
        if i % 10 == 0:
            ru_lines.append(f"Лавров провёл {i} встреч.")
            zh_lines.append(f"外长举行了{i}次会见。")
        else:
            ru_lines.append(f"Путин провёл {i} встреч в Кремле.")
            zh_lines.append(f"普京在克里姆林宫举行了{i}次会见。")
    (tmp_path / "big.ru.txt").write_text("\n".join(ru_lines) + "\n", encoding="utf-8")
    (tmp_path / "big.zh.txt").write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    page = tmp_path / "big.html"
    code = cli.main(
        ["report", "--align", "lines", "--ru", str(tmp_path / "big.ru.txt"), "--zh", str(tmp_path / "big.zh.txt"),
         "--no-default-rules", "--rules", str(tmp_path / "pack.yaml"), "--select", "TRM", "-o", str(page)],
        stdout=io.StringIO(), stderr=io.StringIO(),
    )
    assert code == 0
    dom = render_in_browser(page, "sev=error&only=1", tmp_path / "profile")
    assert len(dom.find("tbody", "seg")) == 2000
    assert len([tb for tb in dom.find("tbody", "seg") if not tb.hidden()]) == 200
    assert dom.find("body")[0].attrs["data-shown"] == "200"


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("Путин", [], "Путин"),
        ("<b>&", [], "&lt;b&gt;&amp;"),
        ("a\nb", [], "a<br>b"),
        # Overlapping marks are cut at each other's edges.
        ("普京访华", [Mark(0, 2, ("m",), link="k1"), Mark(1, 4, ("f",), finding="f0")],
         '<span class="m" data-l="k1">普</span><span class="f m" data-l="k1" data-f="f0">京</span>'
         '<span class="f" data-f="f0">访华</span>'),
    ],
)
def test_text_is_escaped_and_marks_nest_without_overlap(text: str, marks: list[Mark], expected: str) -> None:
    assert render_text(text, marks) == expected

