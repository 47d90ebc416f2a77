"""The site's build: what the MkDocs hooks (hooks/) call to make the pages and the runtime.

One module a job: ``shortcodes`` writes what a page's Markdown asks for (fences and shortcodes,
one parser and one registry), with links from ``links`` (every file's URL from MkDocs' files);
``shells`` renders the tools' and rule lists' templates; ``runtime`` puts Pyodide, the
``drills`` wheel and a memory snapshot into the site; ``service_worker`` writes the runtime's
settings (``assets/js/runtime-config.js``) and the offline worker's (``sw-config.js``);
``manifest`` the installed app's manifest and icons; ``same_origin`` keeps Material's bundle to
this origin; ``compile_hints`` has Chromium compile that bundle off the main thread;
``content_policy`` lists each page's inline scripts. It may import ``drills``; ``drills`` never
imports it, and it never ships to the browser.
"""
