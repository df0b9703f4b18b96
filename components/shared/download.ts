/** Saves text as a file through a Blob and a temporary <a download>: no downloads permission needed. */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: revoking synchronously can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
