"""The site's build: what the MkDocs hooks (hooks/) call to make the pages and the runtime.

One module a job: ``runtime`` puts Pyodide, the ``drills`` wheel and a memory snapshot into
the site; ``service_worker`` writes the offline worker and the runtime's settings
(``assets/js/runtime-config.js``); ``manifest`` the installed app's manifest and icons;
``same_origin`` keeps Material's bundle to this origin; ``compile_hints`` has Chromium compile
that bundle off the main thread; ``content_policy`` lists each page's inline scripts; ``shells``
renders the tools' and rule lists' templates. It may import ``drills``; ``drills`` never
imports it, and it never ships to the browser.
"""
