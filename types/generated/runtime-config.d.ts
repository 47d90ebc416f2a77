// The shape of docs/assets/js/runtime-config.js, which the build writes from the built runtime
// (sitebuild/service_worker.py); tsconfig.json's rootDirs puts this file beside the modules.
declare const config: Readonly<{
  runtimeCache: string; // the runtime's own cache, filled by the Python worker
  inflated: readonly string[]; // fetched as NAME.gz and inflated in the worker
  wheel: string; // the `drills` wheel, for a plain start
  downloadBytes: Readonly<{ snapshot: number; plain: number }>; // a first visit's download
  files: Readonly<Record<string, readonly [number, string]>>; // each kept file: length, SHA-256
}>;
export default config;
