// What the scripts use of the browser that TypeScript's own types do not have yet.
interface Navigator {
  // The Network Information API, in Chromium: a reader's data saver.
  readonly connection?: { readonly saveData?: boolean };
}
