/** Hands a URL to the browser as a download named `name` (the page stays where it is). */
export function saveUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/** Saves bytes made in the page (a zip) under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, name);
  // The download reads the URL after the click returns: let it go only once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
