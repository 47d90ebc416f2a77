// The messages between the page (py-client.js) and its Python worker (py-worker.js).
// JSON goes as text both ways: the page stringifies a call's arguments once, the worker hands
// the text to drills.bridge.call and posts back the text it returns, and the page parses it.
// Bytes go beside it, transferred (never copied): a file the reader chose, a file Python made.

/** A call: page → worker. */
export interface Call {
  id: number;
  call: string; // a name in drills.bridge.CALLS
  args: string; // JSON; "store": null stands for the training log's text sent last
  bytes?: ArrayBuffer; // a file the reader chose, in the transfer list
  files?: File[]; // files Python reads a slice at a time (posted as handles: no bytes copied)
  store?: string; // the training log's text, when it changed since the last call
}

/** What the worker says: worker → page. */
export type FromWorker =
  | { type: "ready" } // Python is ready for calls
  | { type: "progress"; received: number; total: number } // runtime bytes arrived
  | { type: "download-failed" | "start-failed" | "fatal"; message: string }
  | { type: "kept" } // what did arrive is in the cache: the failed worker may be ended
  | { type: "stopped"; id: number | null; message: string } // Python is unsound: end me
  | { type: "read"; id: number; done: number; total: number } // how far a call has read its files
  | { type: "result"; id: number; result: string; file?: ArrayBuffer }; // JSON, and a file made

/** A file as Python reads it in the worker, a slice at a time (drills.bridge.history). */
export interface Slices {
  size: number;
  slice(start: number, end: number): Uint8Array;
}

/** drills.bridge as the worker sees it, through Pyodide (drills/bridge/__init__.py). */
export interface Bridge {
  call(
    name: string,
    args: string,
    data?: Uint8Array | Slices | Slices[],
    store?: string,
    progress?: (done: number, total: number) => void,
  ): string;
  take_file(): { toJs(): Uint8Array<ArrayBuffer>; destroy(): void } | undefined;
}
