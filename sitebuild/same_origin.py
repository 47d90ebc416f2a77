"""Keep the built site to its own origin, even in code paths this guide never takes.

Material's bundle would load two scripts from unpkg.com: Mermaid, when a page has a Mermaid
diagram, and a ResizeObserver polyfill, when the browser lacks ResizeObserver. This guide has
no diagrams, and every browser that runs its module workers has ResizeObserver, so both
loaders get an empty inline script instead and nothing can be fetched from another origin.
Material's source maps (they repeat those URLs, and serve only to debug Material) are not shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

FOREIGN_SCRIPT = re.compile(r'"https://unpkg\.com/[^"]*"')
EMPTY_SCRIPT = '"data:text/javascript,"'
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ ?\*/)")


def keep_to_own_origin(site_dir: Path) -> None:
    """Rewrite Material's foreign script loaders and drop its source maps, in place."""
    theme = [site_dir / "assets" / "javascripts", site_dir / "assets" / "stylesheets"]
    for folder in theme:
        for source_map in folder.rglob("*.map"):
            source_map.unlink()
        for path in [*folder.rglob("*.min.js"), *folder.rglob("*.min.css")]:
            text = path.read_text(encoding="utf-8")
            kept = SOURCE_MAP_COMMENT.sub("", FOREIGN_SCRIPT.sub(EMPTY_SCRIPT, text))
            if kept != text:
                path.write_text(kept, encoding="utf-8")
