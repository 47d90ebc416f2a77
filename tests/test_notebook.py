"""docs/science.ipynb, "The numbers behind the guide": it runs, it draws on drills rather than on
copies of its formulas, and its page shows four charts with text alternatives, loads nothing from
another origin and still shows them after Material's instant navigation."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import sitemap_for_this_server, wait_for_sitemap

from drills import energy

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "science.ipynb"
FIGURES = 4
FIGURE_SELECTOR = "figure.dc-nb-figure svg[role=img]"


def cells(kind: str) -> str:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind)


class Figures(HTMLParser):
    """Each <figure class="dc-nb-figure">: its chart's aria-labelledby and the text it points to."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, str]] = []
        self.titles: dict[str, str] = {}
        self._title: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "figure" and "dc-nb-figure" in (a.get("class") or "").split():
            self.figures.append({})
        elif tag == "svg" and self.figures and "role" not in self.figures[-1]:
            self.figures[-1].update(role=a.get("role", ""), labelledby=a.get("aria-labelledby", ""))
        elif tag == "title" and a.get("id"):
            self._title = a["id"]
            self.titles[self._title] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._title = None

    def handle_data(self, data: str) -> None:
        if self._title:
            self.titles[self._title] += data


def test_notebook_executes_without_error_or_warning() -> None:
    import nbclient
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert [o for o in outputs if o.output_type in ("error", "stream")] == []
    charts = [o["data"]["text/html"] for o in outputs if o.output_type == "display_data"]
    assert len(charts) == FIGURES
    assert all('role="img"' in chart and "<title" in chart for chart in charts)


def test_notebook_uses_drills_and_does_not_copy_its_formulas() -> None:
    code, everything = cells("code"), NOTEBOOK.read_text(encoding="utf-8")
    assert re.search(r"^from drills import .*\benergy\b", code, re.M)
    for call in ("energy.running_cost_ratio(", "cadence.calculate(", "planner.make_plan("):
        assert call in code, call
    # The Minetti et al. 2002 polynomial lives in drills.energy; 3.6 alone is too common to test.
    for coefficient in energy.MINETTI_RUNNING_COEFFICIENTS:
        if abs(coefficient) != 3.6:
            assert f"{abs(coefficient)}" not in everything, coefficient
    # Step length = speed ÷ (cadence / 60), and speed = 1000 ÷ pace, live in drills.cadence.
    for formula in (
        r"/\s*\(\s*\w*cadence",
        r"cadence\w*\s*/\s*60",
        r"1000(?:\.0*)?\s*/",
        r"\*\*\s*5",
    ):
        assert not re.search(formula, code), formula


def test_page_has_four_charts_with_text_alternatives(site_dir: Path) -> None:
    html = (site_dir / "science" / "index.html").read_text(encoding="utf-8")
    parsed = Figures()
    parsed.feed(html)
    assert len(parsed.figures) == FIGURES
    for figure in parsed.figures:
        assert figure["role"] == "img"
        alt = parsed.titles.get(figure["labelledby"], "").strip()
        assert len(alt) > 80, figure  # a description of the chart, not just a name
    assert len(set(parsed.titles.values())) == len(parsed.titles)
    assert "<img" not in html.split('class="jupyter-wrapper"', 1)[1].split("</article>", 1)[0]


def test_page_offers_the_notebook_and_carries_nothing_from_the_plugin(site_dir: Path) -> None:
    html = (site_dir / "science" / "index.html").read_text(encoding="utf-8")
    assert "<title>The numbers behind the guide - Downhill Confidence</title>" in html
    assert re.search(r'<a [^>]*href="science\.ipynb"', html)
    assert (site_dir / "science" / "science.ipynb").read_bytes() == NOTEBOOK.read_bytes()
    notebook_html = html.split('class="jupyter-wrapper"', 1)[1].split("</article>", 1)[0]
    assert "<script" not in notebook_html and "&lt;style&gt;" not in notebook_html
    assert not re.search(r"mathjax|require(?:\.min)?\.js|unpkg|jsdelivr|cdnjs", html, re.I)
    # mkdocs-jupyter's MathJax loader (mathjax_version 3/4) would be on every page.
    for page in site_dir.rglob("*.html"):
        assert "data-mkdocs-jupyter-mathjax" not in page.read_text(encoding="utf-8"), page


def test_no_other_page_or_file_became_a_notebook_page(site_dir: Path) -> None:
    notebooks = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.ipynb")}
    assert notebooks == {"science/science.ipynb"}
    jupyter_pages = [
        p for p in site_dir.rglob("*.html") if 'class="jupyter-wrapper"' in p.read_text("utf-8")
    ]
    assert jupyter_pages == [site_dir / "science" / "index.html"]


def assert_charts_visible(page: object) -> None:
    page.wait_for_selector(FIGURE_SELECTOR)
    charts = page.locator(FIGURE_SELECTOR)
    assert charts.count() == FIGURES
    for chart in charts.all():
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert chart.is_visible() and box is not None and box["height"] > 50, box
        label = chart.get_attribute("aria-labelledby")
        assert page.locator(f"[id='{label}']").text_content().strip()


def wait_for_path(page: object, path: str) -> None:
    """On the page at this path (Material's navigation.tracking may add the anchor in view)."""
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(path))


@pytest.mark.browser
def test_charts_show_after_instant_navigation_from_a_chapter(page: object, base_url: str) -> None:
    sitemap_for_this_server(page, base_url)
    page.goto(f"{base_url}/technique/")
    wait_for_sitemap(page)
    page.evaluate("window.dcLoadedAt = location.pathname")  # a full page load would lose this
    page.click(".md-tabs a:text-is('Reference')")
    wait_for_path(page, "/references/")
    page.click(".md-sidebar--primary a[href$='science/']:visible")
    wait_for_path(page, "/science/")
    assert_charts_visible(page)
    # Away and back again: the page's content is swapped in a second time.
    page.click(".md-sidebar--primary a[href$='glossary/']:visible")
    wait_for_path(page, "/glossary/")
    page.click(".md-sidebar--primary a[href$='science/']:visible")
    wait_for_path(page, "/science/")
    assert_charts_visible(page)
    assert page.evaluate("window.dcLoadedAt") == "/technique/", "not an instant navigation"
    assert page.watch.console_errors == []


def _rgba(css: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    return (*values[:3], values[3] if len(values) > 3 else 1.0)


def _luminance(rgb: tuple[float, ...]) -> float:
    channels = [c / 255 for c in rgb[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(ink_css: str, background_css: str) -> float:
    *ink, alpha = _rgba(ink_css)
    background = _rgba(background_css)[:3]
    seen = [alpha * i + (1 - alpha) * b for i, b in zip(ink, background, strict=True)]
    lighter, darker = sorted((_luminance(seen), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_follows_the_colour_scheme(page: object, base_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}/science/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    ink = page.eval_on_selector(FIGURE_SELECTOR, "svg => getComputedStyle(svg).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _contrast(ink, background) >= 4.5, (ink, background)
    # Axis text and lines are drawn in currentColor, so they take that colour.
    assert page.eval_on_selector(FIGURE_SELECTOR, "svg => svg.innerHTML.includes('currentColor')")
