"""Rendering: the HTML, SVG and files the guide's domain results become.

Modules here may import the domain (``drills.*``) but never the bridge or the site hooks.
"""
