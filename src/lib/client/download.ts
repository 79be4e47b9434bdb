/**
 * Saving a file from the browser: a Blob through a temporary link, so the browser downloads it.
 * Nothing is sent anywhere. The one place every export (charts, tables, scenario sets, templates)
 * saves through.
 */

/**
 * Saves a blob as a download named `fileName`.
 * @example saveBlob(new Blob(['a,b\n'], { type: 'text/csv' }), 'table.csv');
 */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers; let the click be handled first.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves text as a download of the given MIME type (CSV by default).
 * @example saveText('{"a":1}', 'set.json', 'application/json');
 */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
	saveBlob(new Blob([text], { type }), fileName);
}
