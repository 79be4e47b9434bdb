/**
 * An element's markup for snapshots: Svelte's empty comment anchors (`<!---->`) removed, since
 * they follow the compiler's output rather than the chart, and one tag per line so that a
 * snapshot diff points at the element that changed.
 */
export function markup(el: Element | null | undefined): string {
	if (!el) throw new Error('markup: no element to snapshot');
	return el.outerHTML.replaceAll('<!---->', '').replaceAll('><', '>\n<');
}
