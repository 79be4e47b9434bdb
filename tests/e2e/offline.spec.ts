import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createServer as createNetServer, type Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * Offline use: after the first visit the app loads and works with no server at all (the service
 * worker precaches it), and a new version is offered, never forced. These tests run their own
 * servers, since they stop them: `vite preview` in its own process group, killed as a group (a
 * kill of npx's pid alone leaves vite running), and, for updates, a small static server in this
 * process whose service-worker.js can be changed. Playwright's setOffline would not do: it does
 * not stop a service worker's own fetches.
 */

const KIT_OUT = process.env.KIT_OUT_DIR ?? '.svelte-kit';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createNetServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

async function reachable(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** `vite preview` of the build under test, in its own process group. */
async function startPreview(): Promise<{ url: string; stop: () => Promise<void> }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(
		'npx',
		['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{ detached: true, stdio: 'ignore', env: process.env }
	);
	const stop = async () => {
		if (child.exitCode === null && child.pid) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// Already gone.
			}
		}
		await until(async () => !(await reachable(url)), 'the preview server to stop');
	};
	try {
		await until(() => reachable(url), `vite preview on ${url}`, 60_000);
	} catch (e) {
		await stop();
		throw e;
	}
	return { url, stop };
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2'
};

/**
 * The built app served from this process, as vite preview serves it (client files, then
 * prerendered pages); `serviceWorkerSuffix` is appended to service-worker.js to publish a "new
 * version" of it.
 */
async function startStaticServer() {
	const state = { serviceWorkerSuffix: '' };
	const sockets = new Set<Socket>();
	const server: Server = createServer(async (req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname));
		const candidates = [
			join(KIT_OUT, 'output', 'client', path),
			join(KIT_OUT, 'output', 'prerendered', 'pages', path, 'index.html')
		];
		for (const file of candidates) {
			try {
				let body: Buffer = await readFile(file);
				if (path === '/service-worker.js') {
					body = Buffer.concat([body, Buffer.from(state.serviceWorkerSuffix)]);
				}
				res.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				});
				res.end(body);
				return;
			} catch {
				// Try the next place.
			}
		}
		res.writeHead(404).end();
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	const port = await freePort();
	await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${port}`,
		state,
		stop: () =>
			new Promise<void>((r) => {
				for (const s of sockets) s.destroy();
				server.close(() => r());
			})
	};
}

/** Waits until the service worker has installed and controls the page. */
async function controlledByServiceWorker(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	await page.evaluate(() => navigator.serviceWorker.ready);
}

async function seesKingstonDashboard(page: Page) {
	await expect(page.getByTestId('dataset-name')).toContainText('Kingston upon Thames');
	await expect(
		page.getByRole('heading', { name: 'DSG deficit against the Safety Valve cap' })
	).toBeVisible();
	await page.getByText('Show data table').first().click();
	const table = page.getByRole('table', { name: /Cumulative DSG deficit/ });
	await expect(table).toContainText('2021/22');
	await expect(table).toContainText('£28.607m');
}

test.describe('offline', () => {
	test('after the first visit the app loads and works with the server stopped', async ({
		page,
		context
	}) => {
		const preview = await startPreview();
		try {
			await page.goto(`${preview.url}/`);
			await seesKingstonDashboard(page);
			await controlledByServiceWorker(page);
		} finally {
			await preview.stop();
		}
		// No server now: the page, its code, its worker and its data come from this browser.
		expect(await reachable(`${preview.url}/`)).toBe(false);
		await page.reload();
		await seesKingstonDashboard(page);

		// Other pages, never visited, load directly too (every page was precached).
		await page.goto(`${preview.url}/monitoring/`);
		const cumulative = page
			.getByTestId('monitoring-table')
			.locator('tr[data-row="cumulative_deficit_before_sv"]');
		await expect(cumulative.locator('td').nth(0)).toHaveText('28.607');

		// And in a new tab, through the app's own navigation.
		const tab = await context.newPage();
		await tab.goto(`${preview.url}/`);
		await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
		await expect(tab.locator('main h1').first()).toBeVisible();
		await expect(tab.getByTestId('dataset-name')).toContainText('Kingston upon Thames');
	});

	test('a new version is offered, not forced: it takes over when the user reloads', async ({
		page
	}) => {
		const server = await startStaticServer();
		try {
			await page.goto(`${server.url}/`);
			await seesKingstonDashboard(page);
			await controlledByServiceWorker(page);
			await expect(page.getByTestId('update-banner')).toHaveCount(0);
			await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));

			// Publish a new version and let the browser find it.
			server.state.serviceWorkerSuffix = '\n// a new version\n';
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				await registration!.update();
			});
			const banner = page.getByTestId('update-banner');
			await expect(banner).toContainText('A new version is ready — reload when you have saved');
			// Offered, not forced: the page was not reloaded and the old version still runs it.
			expect(
				await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)
			).toBe(true);
			expect(
				await page.evaluate(
					async () => !!(await navigator.serviceWorker.getRegistration())?.waiting
				)
			).toBe(true);

			await banner.getByRole('button', { name: 'Reload now' }).click();
			await page.waitForFunction(() => !(window as unknown as { __sameLoad?: boolean }).__sameLoad);
			await seesKingstonDashboard(page);
			await expect(page.getByTestId('update-banner')).toHaveCount(0);
			expect(
				await page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return { waiting: !!registration?.waiting, active: registration?.active?.state };
				})
			).toEqual({ waiting: false, active: 'activated' });
		} finally {
			await server.stop();
		}
	});
});
