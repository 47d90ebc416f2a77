"""The web app manifest and its icons, made at build time from the site's SVG icon.

Phones add an installed site to the home screen, open its tools like an app and keep its
storage (Safari clears a site's script-written storage after seven days without a visit
unless it is installed). The icons are drawn from docs/assets/favicon.svg, whose shapes are a
rounded square and straight-edged paths, with Pillow (a dependency of the notebook's plots).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
SIZES = (192, 512)
SUPERSAMPLE = 4  # drawn large and scaled down: smooth edges without an SVG renderer
MASKABLE_SAFE_ZONE = 0.8  # Android crops maskable icons to a circle of 80 % of the width


def _points(d: str) -> list[list[tuple[float, float]]]:
    """The polygons of a path made of M, L and Z commands (all the icon uses)."""
    shapes: list[list[tuple[float, float]]] = []
    for command, args in re.findall(r"([MLZ])([^MLZ]*)", d.upper()):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        pairs = list(zip(numbers[::2], numbers[1::2], strict=True))
        if command == "M":
            shapes.append(pairs)
        elif command == "L":
            shapes[-1].extend(pairs)
    return shapes


def draw_icon(svg_path: Path, size: int, maskable: bool = False) -> Image.Image:
    root = ET.parse(svg_path).getroot()
    _, _, width, _ = (float(v) for v in root.get("viewBox", "0 0 32 32").split())
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    scale = big / width * (MASKABLE_SAFE_ZONE if maskable else 1.0)
    offset = (big - width * scale) / 2
    for shape in root:
        fill = shape.get("fill", "#000")
        if shape.tag == f"{SVG}rect":
            if maskable:  # the background fills the whole square: the launcher shapes it
                draw.rectangle((0, 0, big, big), fill=fill)
                continue
            w, h = float(shape.get("width", width)), float(shape.get("height", width))
            radius = float(shape.get("rx", 0)) * scale
            box = (offset, offset, offset + w * scale - 1, offset + h * scale - 1)
            draw.rounded_rectangle(box, radius=radius, fill=fill)
        elif shape.tag == f"{SVG}path":
            for polygon in _points(shape.get("d", "")):
                draw.polygon(
                    [(offset + x * scale, offset + y * scale) for x, y in polygon], fill=fill
                )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_manifest(site_dir: Path, svg_path: Path, config: dict[str, object]) -> Path:
    """Icons into assets/icons/ and site.webmanifest at the site root; returns its path."""
    icons_dir = site_dir / "assets" / "icons"
    icons_dir.mkdir(parents=True, exist_ok=True)
    icons = []
    for size in SIZES:
        for maskable in (False, True):
            name = f"icon-{size}{'-maskable' if maskable else ''}.png"
            draw_icon(svg_path, size, maskable).save(icons_dir / name, optimize=True)
            purpose = "maskable" if maskable else "any"
            icons.append(
                {
                    "src": f"assets/icons/{name}",
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": purpose,
                }
            )
    manifest = {
        "name": config["site_name"],
        "short_name": config["short_name"],
        "description": config["site_description"],
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": config["theme_color"],
        "background_color": config["background_color"],
        "icons": icons,
    }
    path = site_dir / "site.webmanifest"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
