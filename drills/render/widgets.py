"""The HTML shell every tool shares: its form, status line and results region.

The shell is rendered once at build time; afterwards only the results region and
the error slots change, with HTML that Python returns.
"""

from __future__ import annotations

from collections.abc import Mapping

from drills.render.forms import Field
from drills.render.html import attrs, esc


def field_html(tool: str, f: Field, text: str, error: str | None) -> str:
    base = f"dc-{tool}-{f.name}"
    described = f"{base}-hint {base}-error"
    if f.choices:
        options = "".join(
            f"<option{attrs(value=value, selected=value == text)}>{esc(label)}</option>"
            for value, label in f.choices
        )
        control = (
            f"<select{attrs(id=base, name=f.name, aria_describedby=described)}>{options}</select>"
        )
    else:
        control = (
            "<input"
            + attrs(
                id=base,
                name=f.name,
                value=text,
                type="text",
                inputmode=f.input_mode,
                autocomplete="off",
                spellcheck="false",
                aria_describedby=described,
                aria_invalid="true" if error else None,
            )
            + ">"
        )
    return (
        f'<div class="dc-field">'
        f'<label for="{base}">{esc(f.label)}</label>{control}'
        f'<p class="dc-hint" id="{base}-hint">{esc(f.hint)}</p>'
        f'<p class="dc-error" id="{base}-error" data-error-for="{esc(f.name)}">{esc(error or "")}</p>'
        f"</div>"
    )


def tool_html(
    tool: str,
    title: str,
    fields: tuple[Field, ...],
    texts: Mapping[str, str],
    results_html: str,
    after_results: str = "",
) -> str:
    """The whole widget: a form, a status line that announces changes, and the results."""
    inputs = "".join(field_html(tool, f, texts[f.name], None) for f in fields)
    return (
        f'<div class="dc-tool" data-tool="{esc(tool)}">'
        f'<form class="dc-form" aria-label="{esc(title)}" novalidate>{inputs}'
        f'<div class="dc-actions">'
        f'<button type="submit" class="md-button md-button--primary">Recalculate</button>'
        f'<button type="button" class="md-button" data-action="share">Copy share link</button>'
        "</div></form>"
        '<p class="dc-status" role="status" data-status>'
        "Showing results calculated for the values above.</p>"
        f'<div class="dc-results" data-results>{results_html}</div>'
        f"{after_results}</div>"
    )
