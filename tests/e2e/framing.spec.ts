import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

/**
 * Serves, on a port of its own (so another origin), a page that frames the app. A real loopback
 * server rather than a routed page: Chromium's local network checks block a frame of 127.0.0.1
 * inside a page that has no address of its own.
 */
async function attackerPage(appUrl: string): Promise<{ url: string; close: () => void }> {
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(
			`<!doctype html><title>Another site</title><iframe id="app" src="${appUrl}" width="1000" height="700"></iframe>`
		);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

test.describe('framing', () => {
	test('the app in another origin’s frame shows only a message linking to it, and opens no data', async ({
		page,
		baseURL
	}) => {
		const attacker = await attackerPage(`${baseURL}/`);
		expect(new URL(attacker.url).origin).not.toBe(new URL(baseURL!).origin);
		await page.goto(attacker.url);
		const app = page.frameLocator('#app');
		await expect(app.getByTestId('frame-guard')).toBeVisible();
		await expect(app.getByTestId('frame-guard')).toContainText(
			'SEND Workbench cannot run inside another site'
		);
		const link = app.getByRole('link', { name: 'Open SEND Workbench in its own tab' });
		await expect(link).toHaveAttribute('href', `${baseURL}/`);
		await expect(link).toHaveAttribute('target', '_blank');
		// Nothing of the app shows, takes focus or is read out, and no dataset is opened.
		await expect(app.locator('header.app-header')).toBeHidden();
		await expect(app.locator('main#main')).toBeHidden();
		await expect(app.getByTestId('dataset-name')).toHaveCount(0);
		attacker.close();
	});

	test('the app in a tab of its own shows no guard', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('dataset-name')).toBeVisible();
		await expect(page.getByTestId('frame-guard')).toHaveCount(0);
		await expect(page.locator('header.app-header')).toBeVisible();
	});

	test('the build carries a _headers file for static hosts, refusing other origins’ frames', async ({
		request
	}) => {
		// vite preview serves it as a file; Netlify and Cloudflare Pages apply it as headers.
		const text = await (await request.get('/_headers')).text();
		expect(text).toContain("Content-Security-Policy: frame-ancestors 'self'");
		expect(text).toContain('X-Frame-Options: SAMEORIGIN');
		expect(await readFile('static/_headers', 'utf8')).toBe(text);
	});
});
