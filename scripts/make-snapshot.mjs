// Make a Pyodide memory snapshot with `drills` already imported and rehearsed, gzipped, for the
// browser worker to restore: it skips the interpreter's start-up, the package's import and the
// slow first calls (scripts/bench).
// Private Pyodide API (_makeSnapshot): the version is pinned in package.json and the browser
// tests prove the restore. Loading the wheel with pyodide.loadPackage would leave JS handles
// the snapshot cannot hold ("Unexpected hiwire entry"), so Python itself unpacks the same
// wheel the site lockfile lists and imports every module of it.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheel, output] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true });
pyodide.FS.writeFile("/tmp/drills.whl", readFileSync(wheel));
pyodide.runPython(`
import importlib, pkgutil, sysconfig, zipfile

zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
import drills

for module in pkgutil.walk_packages(drills.__path__, "drills."):
    importlib.import_module(module.name)

from drills.bridge import rehearsal

rehearsal.rehearse()
`);
pyodide.FS.unlink("/tmp/drills.whl");
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
