"""Every page the build makes carries a Content-Security-Policy that lists its inline scripts."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import content_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_every_page_lists_its_inline_scripts_before_any_runs(site_dir: Path) -> None:
    pages = [p for p in site_dir.rglob("*.html") if "location.href=" not in p.read_text()]
    assert len(pages) > 50  # every page but the redirects, which our template does not make
    for page in pages:
        html = page.read_text(encoding="utf-8")
        (policy,) = META.findall(html)
        assert html.index(policy) < html.index("<script"), page  # parsed before any script
        rules = directives(policy)
        assert rules["default-src"] == ["'self'"] and rules["object-src"] == ["'none'"]
        assert "'unsafe-inline'" not in rules["script-src"], page
        assert content_policy.PLACEHOLDER not in policy
        listed = set(rules["script-src"])
        assert content_policy.inline_hashes(html) <= listed, page
        assert not re.search(r"<[^>]+\son[a-z]+=", html), page  # no handler attribute to block


def test_inline_hashes_are_those_of_the_scripts_a_browser_runs() -> None:
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
    )
    assert content_policy.inline_hashes(html) == {
        "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    }
