/**
 * Saving an export: a Blob URL on a temporary `<a download>`, which works on extension pages in
 * Chrome and Firefox without the `downloads` permission.
 */
import type { ExportFile } from '@/lib/notes/export';

/** Starts a download of `file` and releases the Blob URL afterwards. */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Firefox cancels the download if the URL is revoked in the same task.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
