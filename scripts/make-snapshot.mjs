// Make a Pyodide memory snapshot right after a bare start, gzipped, for the browser worker to
// restore (about twice as fast as a cold start). Private Pyodide API (_makeSnapshot): the
// version is pinned in package.json and tests/test_browser_* prove that the restore works.
// A snapshot taken after loading packages fails ("Unexpected hiwire entry"), so `drills` is
// loaded after the restore, from the site lockfile.
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [output] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true });
// Standard-library modules that installing the wheel and importing drills need: imported here,
// they are already in memory when the snapshot is restored (plain imports hold no JS handles).
pyodide.runPython(`
import base64, csv, dataclasses, datetime, email.parser, hashlib, html, importlib.metadata, io
import json, math, re, shutil, statistics, sysconfig, tarfile, typing, urllib.parse, wave, zipfile
`);
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
