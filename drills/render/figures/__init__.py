"""The guide's figures: inline SVG drawn from the guide's own numbers.

``svg`` holds the shared helpers (elements, scale, the runner, arrows, slopes); each other
module draws one subject. ``fence`` maps figure names to builders for ```figure fences.
This file imports nothing, so ``drills.render.pages`` can use ``drill_setting`` without a cycle.
"""
