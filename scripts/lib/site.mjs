// Shared by the scripts that drive the built site in Chromium (bench-page, screenshots):
// serve build/ under /necroscope/ on a port and start Debian's Chromium with no way off the machine.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

export async function openSite(port) {
	const server = spawn(
		process.execPath,
		['scripts/serve.mjs', 'build', String(port), '/necroscope/'],
		{
			stdio: 'pipe'
		}
	);
	await new Promise((r) => server.stdout.once('data', r));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
		]
	});
	return {
		browser,
		url: `http://127.0.0.1:${port}/necroscope/`,
		async close() {
			await browser.close();
			server.kill();
		}
	};
}
