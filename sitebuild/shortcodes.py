"""What a page's Markdown asks the build to write: one parser, one registry of writers.

    ```KIND        a block, on lines of its own: a drill card, an evidence label, a figure,
    ARGUMENT       a tool, a rule list, the coaches' section links (no argument line)
    ```
    {{ name }}           a rule's words, inside a sentence
    [text](plan:query)   an example plan, linked, followed by what it does

Each is written by the function registered under its name, which gets the argument and
``Where`` (the page, and every file's URL from MkDocs' ``Files``), so a link is the page's own
URL to its target's, never a path written by hand. Only registered names are read: any other
fence (```python) is left to Markdown. Model: Material's shortcodes hook.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drills import catalog
from drills.render import pages, prose
from drills.render.figures.fence import figure
from sitebuild import shells
from sitebuild.links import Where

Writer = Callable[[str, Where], str]


def _drill(argument: str, where: Where) -> str:
    try:
        drill = catalog.get(argument)
    except KeyError:
        raise KeyError(f"unknown drill id {argument!r} in a drill card") from None
    return pages.drill_card_html(drill, where.href(f"drills/{drill.id}.md"))


def _evidence(argument: str, where: Where) -> str:
    return pages.evidence_label_html(argument, where.href("index.md", "evidence"))


def _figure(argument: str, where: Where) -> str:
    return figure(argument, where.href("index.md"))


# The pages whose ## sections the coaches' table lists: the six chapters, then Special
# situations (after an injury, long descents, no hills, age, low vision, getting faster).
SECTION_LINK_PAGES = (
    *((f"{key}/index.md", title) for key, title in catalog.CHAPTERS.items()),
    ("situations/index.md", "Special situations"),
)


def _section_links(argument: str, where: Where) -> str:
    chapters = [
        (title, where.href(src), "/" + where.urls[src], where.markdown(src))
        for src, title in SECTION_LINK_PAGES
    ]
    return pages.section_links_html(chapters)


def _plan(argument: str, where: Where) -> str:
    text, query = argument.split("\n")  # the link's text holds no line break
    return prose.plan_link(text, query, where.md(prose.PLANNER_PAGE))


# Written before Markdown reads the page. A tool's or a rule list's placeholder is filled with
# its template once Markdown has made the page's HTML (shells.fill), so Markdown never reads it.
BLOCKS: dict[str, Writer] = {
    "drill": _drill,
    "evidence": _evidence,
    "figure": _figure,
    "section-links": _section_links,
    "tool": lambda argument, where: shells.placeholder("tool", argument),
    "rules": lambda argument, where: shells.placeholder("rules", argument),
}
INLINE: dict[str, Writer] = {
    "words": lambda argument, where: prose.rule_words(argument),
    "plan": _plan,
}
# A block whose writing holds ids of its own may appear once a page.
ONCE = ("figure",)

SHORTCODE = re.compile(
    rf"^```(?P<block>{'|'.join(map(re.escape, BLOCKS))})[ \t]*\n"
    r"(?:(?P<argument>[^\n`]*?)[ \t]*\n)?```[ \t]*$"
    r"|\{\{\s*(?P<words>[a-z-]+)\s*\}\}"
    r"|\[(?P<text>[^\]\n]+)\]\(plan:(?P<query>[^)\s]+)\)",
    re.M,
)


@dataclass(frozen=True)
class Shortcode:
    name: str  # its writer's, in BLOCKS or INLINE
    argument: str
    start: int
    end: int


def find(markdown: str) -> list[Shortcode]:
    """Every shortcode in ``markdown``, in order."""
    found = []
    for m in SHORTCODE.finditer(markdown):
        if m["block"]:
            name, argument = m["block"], (m["argument"] or "").strip()
        elif m["words"]:
            name, argument = "words", m["words"]
        else:
            name, argument = "plan", f"{m['text']}\n{m['query']}"
        found.append(Shortcode(name, argument, m.start(), m.end()))
    return found


def expand(markdown: str, where: Where) -> str:
    """``markdown`` with every shortcode written; KeyError or ValueError names the page and the
    shortcode when one cannot be."""
    codes = find(markdown)
    for name in ONCE:
        arguments = [c.argument for c in codes if c.name == name]
        twice = sorted({a for a in arguments if arguments.count(a) > 1})
        if twice:
            raise ValueError(f"{where.src}: {name} {', '.join(map(repr, twice))} appears twice")
    out, unknown, at = [], [], 0
    for code in codes:
        writer = BLOCKS.get(code.name) or INLINE[code.name]
        try:
            out += [markdown[at : code.start], writer(code.argument, where)]
        except KeyError as error:
            unknown.append(str(error.args[0]))
        at = code.end
    if unknown:  # every one the page names, not only the first
        raise KeyError(f"{where.src}: {'; '.join(unknown)}")
    return "".join([*out, markdown[at:]])
