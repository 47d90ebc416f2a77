"""One parser for the fences and shortcodes in the pages' Markdown (sitebuild/shortcodes.py),
and links made from where MkDocs puts each file (sitebuild/links.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.links import Where
from sitebuild.shortcodes import BLOCKS, INLINE, expand, find

ROOT = Path(__file__).resolve().parent.parent
# A fence's opening, a {{ name }} or a plan: link, as a pattern in Python source.
PARSING = re.compile(r"""re\.compile\([^)]*(\^```|\\\{\\\{|plan:)""")


def test_only_the_registry_parses_fences_and_shortcodes() -> None:
    parsers = [
        str(path.relative_to(ROOT))
        for folder in ("drills", "hooks", "sitebuild")
        for path in (ROOT / folder).rglob("*.py")
        if PARSING.search(path.read_text(encoding="utf-8"))
    ]
    assert parsers == ["sitebuild/shortcodes.py"]


def test_each_kind_is_found_with_its_argument_and_other_fences_are_left_alone() -> None:
    md = (
        "Text {{ ceiling }} and [a plan](plan:current=4&target=10).\n\n"
        "```drill\nquiet-feet\n```\n\n```section-links\n```\n\n```python\nx = 1\n```\n"
    )
    assert [(c.name, c.argument) for c in find(md)] == [
        ("words", "ceiling"),
        ("plan", "a plan\ncurrent=4&target=10"),
        ("drill", "quiet-feet"),
        ("section-links", ""),
    ]
    assert {c.name for c in find(md)} <= {*BLOCKS, *INLINE}


def test_an_unknown_name_stops_the_build_naming_the_page_and_each_name() -> None:
    where = Where("mindset/index.md", "mindset/", {"index.md": ""})
    with pytest.raises(KeyError) as caught:
        expand("{{ no-such-rule }}\n\n```tool\nno-such-tool\n```\n", where)
    assert all(s in str(caught.value) for s in ("mindset/index.md", "no-such-rule", "no-such-tool"))


@pytest.mark.parametrize(
    ("url", "target", "href"),
    [
        ("", "index.md", ""),  # the home page to itself
        ("technique/", "index.md", "../"),
        ("drills/quiet-feet/", "references.md", "../../references/"),
        ("tools/audit/", "tools/planner.md", "../planner/"),
        ("tools/audit/", "tools/example-course.gpx", "../example-course.gpx"),
    ],
)
def test_a_link_runs_from_the_page_url_to_the_target_url(url: str, target: str, href: str) -> None:
    urls = {
        "index.md": "",
        "references.md": "references/",
        "tools/planner.md": "tools/planner/",
        "tools/example-course.gpx": "tools/example-course.gpx",
    }
    assert Where("page.md", url, urls).href(target) == href


def test_a_link_to_a_missing_page_is_refused() -> None:
    with pytest.raises(KeyError, match=r"drills/gone\.md"):
        Where("technique/index.md", "technique/", {}).href("drills/gone.md")


def test_no_renderer_holds_a_relative_url() -> None:
    """The site says where a page's links go (drills.render.links.Links, Where): a path
    written into drills/render would break when a page moves."""
    written = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "drills" / "render").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""["']\.\./""", line)
    ]
    assert written == []
