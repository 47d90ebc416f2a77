"""The chapters' figures by name: a ```figure fence in a chapter's Markdown becomes a <figure>
with an inline SVG and a caption (sitebuild/shortcodes.py finds the fences).

    ```figure
    technique-body-position
    ```
"""

from __future__ import annotations

from collections.abc import Callable

from drills.render.figures import cadence, conditioning, exposure, mindset, technique, terrain
from drills.render.figures.svg import Figure, figure_html

# Each builder takes the relative path from the page to the site root (for caption links).
FIGURES: dict[str, Callable[[str], Figure]] = {
    **technique.FIGURES,
    **cadence.FIGURES,
    **exposure.FIGURES,
    **conditioning.FIGURES,
    **terrain.FIGURES,
    **mindset.FIGURES,
}


def figure(name: str, root: str) -> str:
    """The figure ``name`` (``root``: the link from its page to the site's root, for caption
    links); an unknown name raises KeyError naming every known one."""
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r} in a ```figure fence; known: {', '.join(FIGURES)}")
    return figure_html(FIGURES[name](root), "fig-" + name)
