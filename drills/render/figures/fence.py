"""```figure fences in chapter Markdown become <figure>s with an inline SVG and a caption.

    ```figure
    technique-body-position
    ```

The MkDocs hook calls ``expand_figure_fences`` on every page before Markdown runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drills.render.figures import cadence, conditioning, exposure, mindset, technique, terrain
from drills.render.figures.svg import Figure, figure_html

FIGURE_FENCE = re.compile(r"^```figure[ \t]*\n(?P<body>.*?)\n```[ \t]*$", re.MULTILINE | re.DOTALL)

# Each builder takes the relative path from the page to the site root (for caption links).
FIGURES: dict[str, Callable[[str], Figure]] = {
    **technique.FIGURES,
    **cadence.FIGURES,
    **exposure.FIGURES,
    **conditioning.FIGURES,
    **terrain.FIGURES,
    **mindset.FIGURES,
}


def expand_figure_fences(markdown: str, root: str = "../") -> str:
    """Replace each ```figure fence with its figure (``root``: the page's path to the site
    root). Unknown names raise KeyError naming every one; a figure twice on a page raises
    ValueError, as its ids would clash."""
    names = [m["body"].strip() for m in FIGURE_FENCE.finditer(markdown)]
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        raise KeyError(
            f"unknown figure {', '.join(map(repr, unknown))} in a ```figure fence; "
            f"known: {', '.join(FIGURES)}"
        )
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"figure {', '.join(map(repr, twice))} appears twice on one page")
    return FIGURE_FENCE.sub(
        lambda m: figure_html(FIGURES[m["body"].strip()](root), "fig-" + m["body"].strip()),
        markdown,
    )
