"""What the tests and the benchmark (scripts/bench*.py) share: a static host (``host``), Debian's
Chromium (``browser``) and synthetic activities of known geometry (``tracks``). Never shipped,
never imported by ``drills`` or the build."""
