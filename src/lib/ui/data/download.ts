/** Saves text as a file download through a temporary blob: link (nothing leaves the machine). */
export function downloadText(
	text: string,
	fileName: string,
	type = 'text/csv;charset=utf-8'
): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers: let the click be handled first.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
