/**
 * Keyboard access to a region that scrolls sideways (a wide table on a narrow screen): while its
 * content overflows, the region is focusable and named, so that a keyboard user can reach it and
 * scroll it with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable). While it does
 * not overflow it is left alone, so a page of tables gains no useless tab stops.
 *
 * `scrollable` is for one element; `scrollRegions` (on the app's <main>) does it for every
 * `.table-scroll` wrapper of every page, present and future, so pages need do nothing.
 */

/**
 * A Svelte action: `<div class="table-wrap" use:scrollable={caption}>`.
 * @param node the element with `overflow: auto`
 * @param label what the region holds, e.g. the table's caption
 * @example <div class="table-scroll" use:scrollable={'Monitoring table'}>…</div>
 */
export function scrollable(node: HTMLElement, label: string) {
	let name = label;
	const update = () => {
		if (node.scrollWidth > node.clientWidth) {
			node.tabIndex = 0;
			node.setAttribute('role', 'region');
			node.setAttribute('aria-label', name);
		} else {
			node.removeAttribute('tabindex');
			node.removeAttribute('role');
			node.removeAttribute('aria-label');
		}
	};
	const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
	observer?.observe(node);
	if (node.firstElementChild) observer?.observe(node.firstElementChild);
	update();
	return {
		update(next: string) {
			name = next;
			update();
		},
		destroy() {
			observer?.disconnect();
		}
	};
}

/** The class of the app's scrolling table wrappers (src/app.css). */
export const SCROLL_REGION_SELECTOR = '.table-scroll';

/** A name for a scrolling region: its table's caption or label, else its own label. */
function regionLabel(node: HTMLElement): string {
	const caption = node.querySelector('caption')?.textContent?.trim();
	if (caption) return caption;
	const table = node.querySelector('table[aria-label]')?.getAttribute('aria-label');
	return table || node.getAttribute('aria-label') || 'Table';
}

/**
 * A Svelte action for a container (the app's <main>): applies `scrollable` to every element
 * matching `selector` inside it, now and as pages render more.
 * @example <main use:scrollRegions>…</main>
 */
export function scrollRegions(root: HTMLElement, selector: string = SCROLL_REGION_SELECTOR) {
	const handled = new Map<HTMLElement, { action: ReturnType<typeof scrollable>; label: string }>();
	const sweep = () => {
		frame = 0;
		for (const [node, { action }] of handled) {
			if (!node.isConnected) {
				action.destroy();
				handled.delete(node);
			}
		}
		for (const node of root.querySelectorAll<HTMLElement>(selector)) {
			const label = regionLabel(node);
			const seen = handled.get(node);
			if (!seen) handled.set(node, { action: scrollable(node, label), label });
			else if (seen.label !== label) {
				seen.action.update(label);
				seen.label = label;
			}
		}
	};
	// Pages re-render often (a slider drag): look at most once a frame.
	let frame = 0;
	const schedule = () => {
		if (!frame) frame = requestAnimationFrame(sweep);
	};
	const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver(schedule);
	observer?.observe(root, { childList: true, subtree: true });
	sweep();
	return {
		destroy() {
			if (frame) cancelAnimationFrame(frame);
			observer?.disconnect();
			for (const { action } of handled.values()) action.destroy();
			handled.clear();
		}
	};
}
