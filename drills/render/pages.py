"""Pages generated from the catalog and the registry: drill pages, the catalog, the references.

Everything returns Markdown (or HTML inside Markdown) as text; the MkDocs hook only
decides where the text goes. Links are relative, so the site also works under a sub-path.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable

from drills import catalog, evidence, references
from drills.model import CHAPTERS, LEVELS, Drill, Reference
from drills.render.figures.drill_setting import drill_setting_figure
from drills.render.figures.svg import figure_html
from drills.render.html import esc, scroll_open

HEADING = re.compile(r"^(?P<hashes>#{2,3})\s+(?P<title>.+?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$", re.M)


def degrees(grade_pct: float) -> float:
    return math.degrees(math.atan(grade_pct / 100.0))


def grade_range(drill: Drill) -> str:
    """ "3–8 % descent (2–5°)", or where the drill is done when it needs no slope."""
    if drill.grade_max_pct == 0:
        return "no slope needed"
    low, high = drill.grade_min_pct, drill.grade_max_pct
    return f"{low:g}–{high:g} % descent ({degrees(low):.0f}–{degrees(high):.0f}°)"


def _surname(author: str) -> str:
    """ "de Oliveira Assumpção C" → "de Oliveira Assumpção": drop the trailing initials."""
    words = author.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].isupper() else author


def _plain_label(ref: Reference) -> str:
    authors = [a.strip() for a in re.split(r",|;| and ", ref.authors) if a.strip()]
    named = [_surname(a) for a in authors if not a.startswith("et al")]
    first = named[0] if named else ref.authors
    if len(named) == 2 and len(authors) == 2:
        return f"{first} & {named[1]} {ref.year}"
    return f"{first}{' et al.' if len(authors) > 1 else ''} {ref.year}"


def reference_label(ref: Reference) -> str:
    """ "Byrnes et al. 1985": the first author's surname, "et al." where there are more, and
    "2010a", "2010b" where two references would otherwise share a label (in listed order)."""
    label = _plain_label(ref)
    twins = [r.key for r in references.REFERENCES.values() if _plain_label(r) == label]
    return label + "abcdefghijklmnopqrstuvwxyz"[twins.index(ref.key)] if len(twins) > 1 else label


# ---------------------------------------------------------------- drill cards (in chapters)


def drill_card_html(drill: Drill, href: str) -> str:
    """A compact card for a chapter page; ``href`` is the link to the drill's own page."""
    cues = "".join(f"<li>{esc(c)}</li>" for c in drill.cues[:3])
    return (
        f'<div class="dc-drill-card" data-drill="{esc(drill.id)}">'
        f'<p class="dc-drill-card__title"><a href="{esc(href)}">{esc(drill.name)}</a></p>'
        f'<p class="dc-drill-card__meta"><span class="dc-level dc-level--{drill.level}">'
        f"{esc(drill.level.capitalize())}</span> · {esc(grade_range(drill))} · {esc(drill.dose.work)}</p>"
        f"<p>{esc(drill.purpose)}</p>"
        f'<ul class="dc-drill-card__cues">{cues}</ul>'
        f'<p class="dc-drill-card__more"><a href="{esc(href)}">'
        f'Full drill: dose, faults, stop rules<span class="dc-visually-hidden"> for '
        f"{esc(drill.name)}</span></a></p></div>"
    )


def evidence_label_html(kind: str, href: str) -> str:
    """A chapter section's evidence label (``evidence.SECTION_LABELS``), linked to ``href``
    (where the guide says what its labels mean); an unknown kind raises KeyError naming it."""
    if kind not in evidence.SECTION_LABELS:
        known = ", ".join(evidence.SECTION_LABELS)
        raise KeyError(f"unknown evidence label {kind!r}; known: {known}")
    return (
        f'<p class="dc-evidence"><a href="{esc(href)}">Evidence</a>: '
        f"{esc(evidence.SECTION_LABELS[kind])}</p>"
    )


# ---------------------------------------------------------------- one page per drill


def _drill_link(drill_id: str) -> str:
    other = catalog.get(drill_id)
    return f"[{other.name}]({other.id}.md) ({other.level})"


def _chain(drill: Drill, direction: str) -> list[Drill]:
    """Follow the first regression (or progression) link until it runs out."""
    chain, seen, current = [], {drill.id}, drill
    while getattr(current, direction):
        current = catalog.get(getattr(current, direction)[0])
        if current.id in seen:
            break
        seen.add(current.id)
        chain.append(current)
    return chain


def drill_page(drill: Drill) -> str:
    faults = "\n".join(f"| {f.fault} | {f.fix} |" for f in drill.faults)
    ladder = [*list(reversed(_chain(drill, "regression"))), drill, *_chain(drill, "progression")]
    ladder_md = " → ".join(
        f"**{d.name}**" if d is drill else f"[{d.name}]({d.id}.md)" for d in ladder
    )
    easier = ", ".join(_drill_link(i) for i in drill.regression) or "none: this is a starting point"
    harder = ", ".join(_drill_link(i) for i in drill.progression) or "none: this is the top rung"
    refs = "\n".join(
        f"- [{reference_label(r)}](../references.md#{r.key}): {r.finding} *({r.strength})*"
        for r in map(references.get, drill.evidence)
    )
    basis = evidence.drill_basis(drill)
    lines = [
        "---",
        f"title: {json.dumps(drill.name + ' — drill', ensure_ascii=False)}",
        f"description: {json.dumps(drill.purpose, ensure_ascii=False)}",
        "---",
        "",
        f"# {drill.name}",
        "",
        f'<p class="dc-drill-meta"><span class="dc-level dc-level--{drill.level}">'
        f"{drill.level.capitalize()}</span> · {grade_range(drill)} · "
        f"{basis}</p>",
        "",
        f"{drill.purpose} Part of the [{drill.chapter_title}](../{drill.chapter}/index.md) chapter.",
        "",
        "## Where and how much {#setting}",
        "",
        figure_html(drill_setting_figure(drill), "fig-setting"),
        "",
        f"- **Slope:** {grade_range(drill)}",
        f"- **Surface:** {drill.surface}",
        f"- **Space:** {drill.space}",
        f"- **Work:** {drill.dose.work}",
        f"- **Rest:** {drill.dose.rest}",
        f"- **Sessions per week:** {drill.dose.sessions_per_week}",
        f"- **Equipment:** {', '.join(drill.equipment) or 'none'}",
    ]
    if drill.cadence_cue:
        lines.append(f"- **Cadence:** {drill.cadence_cue}")
    if drill.setup:
        lines += ["", "## Before the first repeat {#setup}", ""]
        lines += [f"- {step}" for step in drill.setup]
    lines += ["", "## Coaching cues {#cues}", ""]
    lines += [f"{n}. {cue}" for n, cue in enumerate(drill.cues, 1)]
    lines += ["", "## Common faults and fixes {#faults}", "", "| Fault | Fix |", "| --- | --- |"]
    # The common warning signs (drills.safety, drawn by sitebuild/shells.py), then the drill's own.
    lines += [faults, "", "## Stop rules {#stop-rules}", "", "```rules", "stop-session", "```"]
    if drill.stop_rules:
        lines += ["", "This drill adds its own:", ""]
        lines += [f"- {rule}" for rule in drill.stop_rules]
    lines += [
        "",
        "## Easier and harder {#progression}",
        "",
        f"- **Easier:** {easier}",
        f"- **Harder:** {harder}",
        f"- **The whole ladder:** {ladder_md}",
        "",
        "## Evidence {#evidence}",
        "",
        f"**{evidence.drill_evidence_lead(drill)}** {drill.evidence_note}",
        "",
        refs,
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- the catalog page


def catalog_page() -> str:
    chapter_options = "".join(
        f'<option value="{key}">{esc(title)}</option>' for key, title in CHAPTERS.items()
    )
    level_options = "".join(f'<option value="{lv}">{lv.capitalize()}</option>' for lv in LEVELS)
    rows = "".join(
        f'<tr data-chapter="{d.chapter}" data-level="{d.level}">'
        f'<td><a href="{esc(d.id)}/">{esc(d.name)}</a></td>'
        f"<td>{esc(d.chapter_title)}</td>"
        f'<td><span class="dc-level dc-level--{d.level}">{d.level.capitalize()}</span></td>'
        f"<td>{esc(grade_range(d))}</td></tr>"
        for d in catalog.DRILLS
    )
    return f"""---
title: Drill catalog
description: Every drill in the guide, with its chapter, level and slope, each with a page you can send to an athlete.
---

# Drill catalog

Every drill in this guide has its own page with the dose, coaching cues, common faults,
stop rules and the easier and harder drills around it. The address of each page stays the
same, so you can bookmark it or send it to an athlete.

<form class="dc-filter" data-catalog-filter aria-label="Filter drills" hidden>
<div class="dc-field"><label for="dc-filter-chapter">Chapter</label>
<select id="dc-filter-chapter" name="chapter"><option value="">All chapters</option>{chapter_options}</select></div>
<div class="dc-field"><label for="dc-filter-level">Level</label>
<select id="dc-filter-level" name="level"><option value="">All levels</option>{level_options}</select></div>
<p class="dc-filter__count" role="status" data-catalog-count>{len(catalog.DRILLS)} drills</p>
</form>

{scroll_open(labelled_by="dc-catalog-caption")}
<table class="dc-catalog" data-catalog>
<caption id="dc-catalog-caption">The drills by chapter, level and slope</caption>
<thead><tr><th scope="col">Drill</th><th scope="col">Chapter</th><th scope="col">Level</th><th scope="col">Slope</th></tr></thead>
<tbody>{rows}</tbody>
</table>
</div>
"""


# ---------------------------------------------------------------- the references page


def citation(ref: Reference) -> str:
    parts = [f"{ref.authors} ({ref.year})."]
    if ref.title:
        parts.append(f"{ref.title}.")
    parts.append(f"*{ref.source}*" + (f" {ref.volume_pages}." if ref.volume_pages else "."))
    if ref.doi:
        parts.append(f"[doi:{ref.doi}](https://doi.org/{ref.doi})")
    elif ref.url:
        parts.append(f"<{ref.url}>")
    return " ".join(parts)


def references_page(cited_by: dict[str, list[Drill]] | None = None) -> str:
    cited_by = cited_by if cited_by is not None else drills_citing()
    lines = [
        "---",
        "title: References",
        "description: Every study and source the guide, its drills and its calculators rest on, "
        "with what we take from each and how strong it is.",
        "---",
        "",
        "# References",
        "",
        "Each entry says what the guide takes from the source and how strong that evidence is. "
        "Where a drill or a rule rests on coaching practice rather than research, its page says so.",
        "",
    ]
    for ref in sorted(references.REFERENCES.values(), key=lambda r: (r.key.split("-")[0], r.year)):
        lines += [
            f"## {reference_label(ref)} {{#{ref.key}}}",
            "",
            citation(ref),
            "",
            f"**What we take from it:** {ref.finding} **Strength:** {ref.strength}.",
            "",
        ]
        drills = cited_by.get(ref.key, [])
        if drills:
            links = ", ".join(f"[{d.name}](drills/{d.id}.md)" for d in drills)
            lines += [f"**Drills that cite it:** {links}", ""]
    return "\n".join(lines)


def drills_citing() -> dict[str, list[Drill]]:
    cited: dict[str, list[Drill]] = {}
    for drill in catalog.DRILLS:
        for key in drill.evidence:
            cited.setdefault(key, []).append(drill)
    return cited


# ---------------------------------------------------------------- coaches' section links


def _breakable(path: str) -> str:
    """A site path that a narrow column may wrap after a slash or before the #, never inside a
    word."""
    return esc(path).replace("/", "/<wbr>").replace("#", "<wbr>#")


def section_links_html(chapters: Iterable[tuple[str, str, str, str]]) -> str:
    """A table of every chapter's ## sections with copy buttons.

    Each chapter is (title, relative href, site path shown to the reader, its Markdown).
    """
    blocks = []
    for title, href, path, markdown in chapters:
        rows = "".join(
            f'<tr><td><a href="{esc(href)}#{m["id"]}">{esc(m["title"])}</a></td>'
            f"<td><code>{_breakable(path + '#' + m['id'])}</code></td>"
            f'<td><button type="button" class="md-button dc-copy" data-copy-link="{esc(href)}#{m["id"]}">'
            f'Copy<span class="dc-visually-hidden"> link to {esc(m["title"])}</span></button></td></tr>'
            for m in HEADING.finditer(markdown)
            if m["hashes"] == "##"
        )
        blocks.append(
            f'<table class="dc-section-links"><caption>{esc(title)}</caption>'
            f'<thead><tr><th scope="col">Section</th><th scope="col">Link</th>'
            f'<th scope="col"><span class="dc-visually-hidden">Copy</span></th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    return scroll_open("Section links, tables") + "".join(blocks) + "</div>"
