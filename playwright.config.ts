import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Served under a sub-path, as a project page on a static host would be.
const BASE_PATH = '/necroscope/';
const BASE_URL = `http://127.0.0.1:${PORT}${BASE_PATH}`;

// Debian's `chromium` package; Playwright's own browser download cannot work here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// not test-results/ itself: Playwright empties its output folder, and the unit report lives there
	outputDir: 'test-results/e2e-artifacts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['line'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
	timeout: 60_000,
	use: { baseURL: BASE_URL, trace: 'off', serviceWorkers: 'allow', acceptDownloads: true },
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: CHROMIUM,
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						// Chromium's own background lookups are invisible to page.on('request'):
						// make every hostname but loopback fail locally.
						'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
					]
				}
			}
		}
	],
	webServer: {
		command: `npm run build && node scripts/serve.mjs build ${PORT} ${BASE_PATH}`,
		url: BASE_URL,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe'
	}
});
