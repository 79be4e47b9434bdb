import { afterEach, describe, expect, it } from 'vitest';
import { scrollRegions, scrollable } from '$lib/charts/scrollable';

let host: HTMLElement;
afterEach(() => host?.remove());

/** A region of `width` px with `overflow-x: auto` around content 600 px wide. */
function region(width: number) {
	host = document.createElement('div');
	host.style.cssText = `width: ${width}px; overflow-x: auto`;
	const content = document.createElement('div');
	content.style.cssText = 'width: 600px; height: 20px';
	host.append(content);
	document.body.append(host);
	return host;
}

describe('scrollable', () => {
	it('makes a region that scrolls sideways focusable and names it', () => {
		const node = region(200);
		scrollable(node, 'Cumulative deficit');
		expect(node.tabIndex).toBe(0);
		expect(node.getAttribute('role')).toBe('region');
		expect(node.getAttribute('aria-label')).toBe('Cumulative deficit');
	});

	it('leaves a region that does not scroll out of the tab order', () => {
		const node = region(800);
		scrollable(node, 'Cumulative deficit');
		expect(node.hasAttribute('tabindex')).toBe(false);
		expect(node.hasAttribute('role')).toBe(false);
	});

	it('follows the region as it is resized, and takes a new name', async () => {
		const node = region(800);
		const action = scrollable(node, 'Old name');
		node.style.width = '200px';
		await expect.poll(() => node.getAttribute('tabindex')).toBe('0');
		action.update('New name');
		expect(node.getAttribute('aria-label')).toBe('New name');
		node.style.width = '800px';
		await expect.poll(() => node.hasAttribute('tabindex')).toBe(false);
		action.destroy();
	});
});

describe('scrollRegions', () => {
	it('makes every scrolling table wrapper focusable, named by its caption, as pages render them', async () => {
		host = document.createElement('main');
		document.body.append(host);
		const action = scrollRegions(host);
		const wrapper = document.createElement('div');
		wrapper.className = 'table-scroll';
		wrapper.style.cssText = 'width: 200px; overflow-x: auto';
		wrapper.innerHTML =
			'<table style="width: 600px"><caption>KPI actuals</caption><tr><td>1</td></tr></table>';
		host.append(wrapper);
		await expect.poll(() => wrapper.getAttribute('tabindex')).toBe('0');
		expect(wrapper.getAttribute('role')).toBe('region');
		expect(wrapper.getAttribute('aria-label')).toBe('KPI actuals');
		wrapper.querySelector('caption')!.textContent = 'KPI actuals, 2021/22';
		await expect.poll(() => wrapper.getAttribute('aria-label')).toBe('KPI actuals, 2021/22');
		action.destroy();
	});
});
