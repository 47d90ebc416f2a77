// @ts-check
// Files the page hands the reader: made by Python (a log export, a calendar, a WAV), never
// fetched. A link to the file in memory is clicked for them, and let go once it has been used.

/** Download `data` as `filename`. */
export function download(/** @type {BlobPart} */ data, /** @type {string} */ filename, /** @type {string} */ type) {
  const link = document.createElement("a");
  link.href = fileAddress(data, type);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** An address for `data` in this page (for a player, a link); `forget` lets it go. */
export function fileAddress(/** @type {BlobPart} */ data, /** @type {string} */ type) {
  return URL.createObjectURL(new Blob([data], { type }));
}

/** Let go of an address `fileAddress` made. */
export function forget(/** @type {string} */ address) {
  URL.revokeObjectURL(address);
}
