// What the site's scripts use of Material for MkDocs' bundle: `document$`, which emits the
// document once it is loaded and again after each instant navigation swaps the page's content.
// Absent where the bundle did not load; the scripts then attach once.
declare const document$: { subscribe(next: (document: Document) => void): unknown } | undefined;
