import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	cliReport,
	expectSameOrigin,
	fixture,
	MIXED,
	openApp,
	pasteLog,
	recordRequests,
	setLogText,
	watchForErrors,
	openFinding
} from './helpers';

test('pasted log is analysed in a worker; JSON download equals the CLI report; no request leaves the origin', async ({
	page,
	context,
	baseURL
}) => {
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	const log = fixture('e2e/warning-radeon.log');

	await openApp(page);
	await pasteLog(page, context, baseURL as string, log);
	await expect(page.getByLabel('Kernel log')).toHaveValue(log);
	await page.getByRole('button', { name: 'Analyze' }).click();

	const finding = page.locator('article.finding').first();
	await expect(finding).toContainText('WARNING in radeon_gart_unbind');
	await expect(finding).toContainText('medium');
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	expect(
		workers.some((u) => /\/_app\/immutable\/workers\/analysis\.worker-[\w-]+\.js$/.test(u))
	).toBe(true);

	// the raw evidence lines are shown, with line numbers
	await openFinding(finding);
	await expect(finding.locator('.evidence')).toContainText('radeon_gart_unbind+0xca/0xe0');
	await expect(finding.getByText('guilty frame')).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const path = await download.path();
	const fromPage = readFileSync(path, 'utf8');
	expect(fromPage).toBe(cliReport(log, 'json'));

	const [textDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download text' }).click()
	]);
	expect(readFileSync(await textDownload.path(), 'utf8')).toBe(cliReport(log, 'text'));

	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('a bundled sample loads and shows a KASAN finding with its kernel version', async ({
	page,
	context,
	baseURL
}) => {
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByLabel('Sample').selectOption('kasan-use-after-free.log');
	await page.getByRole('button', { name: 'Load sample' }).click();
	await expect(page.getByLabel('Kernel log')).toHaveValue(/BUG: KASAN: use-after-free/);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first()).toContainText(
		'KASAN: use-after-free Read in aead_recvmsg'
	);
	await expect(page.getByTestId('kernel-version')).toHaveText('4.14.0-next-20171127+');
	// the report's `CPU: 1 PID: 3568 Comm: syz-executor5 Not tainted …` line
	await expect(page.getByTestId('taint')).toHaveText('not tainted');
	// syzbot's guests: `Hardware name: Google Google Compute Engine/Google Compute Engine, …`
	await expect(page.getByTestId('hypervisor')).toHaveText('Google Compute Engine');
	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('bad input gets a clear message and the page keeps working', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('input-note')).toHaveText(
		'Nothing to analyse yet: paste a kernel log above, or open a file.'
	);

	await setLogText(page, 'GET /index.html HTTP/1.1 200\nGET /favicon.ico HTTP/1.1 404\n');
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('#summary-h')).toHaveText('No kernel messages were recognised');
	// a headline of one sentence is said once, as the heading
	await expect(page.getByTestId('headline')).toHaveCount(0);
	await expect(page.locator('.warnings')).toContainText('kernel');

	await setLogText(
		page,
		'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f binary\n'.repeat(50)
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	// its note says what it is (the System panel that had said "binary or control characters" is
	// not shown for a report with no kernel log)
	await expect(page.locator('.warnings')).toContainText('is binary data, not text');
	// of the pasted text, with what to paste instead: it had said "This file is binary data"
	await expect(page.locator('.warnings li').first()).toHaveText(
		/^The pasted text is binary data, not text: .* Paste the kernel log's own text/
	);
	await expect(page.locator('.warnings')).not.toContainText('This file');
	expect(problems).toEqual([]);
});

test('file picker analyses several files, each switchable', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles([
		{
			name: 'one.log',
			mimeType: 'text/plain',
			buffer: Buffer.from(fixture('e2e/warning-radeon.log'))
		},
		{
			name: 'two.log',
			mimeType: 'text/plain',
			buffer: Buffer.from(fixture('e2e/kasan-use-after-free.log'))
		}
	]);
	const tabs = page.getByRole('tab');
	await expect(tabs).toHaveCount(2);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await tabs.nth(1).click();
	await expect(page.locator('article.finding').first()).toContainText('aead_recvmsg');
	// the ARIA tabs pattern: one tab stop, arrows choose, the panel is named by its tab
	await expect(page.getByRole('tablist').locator('[tabindex="0"]')).toContainText('two.log (1)');
	await expect(page.getByRole('tabpanel', { name: 'two.log (1)' })).toContainText('aead_recvmsg');
	await tabs.nth(1).focus();
	await page.keyboard.press('ArrowRight');
	await expect(tabs.nth(0)).toBeFocused();
	await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tabpanel', { name: 'one.log (1)' })).toContainText(
		'radeon_gart_unbind'
	);
	await page.keyboard.press('End');
	await expect(tabs.nth(1)).toBeFocused();
	await expect(page.locator('article.finding').first()).toContainText('aead_recvmsg');
	await page.keyboard.press('Tab');
	await expect(tabs.nth(0)).not.toBeFocused();
	await expect(tabs.nth(1)).not.toBeFocused();
	expect(problems).toEqual([]);
});

test('each report’s tab says its most severe finding, not by colour alone', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles([
		{ name: 'warning.log', mimeType: 'text/plain', buffer: Buffer.from(MIXED) },
		{
			name: 'kasan.log',
			mimeType: 'text/plain',
			buffer: Buffer.from(fixture('e2e/kasan-use-after-free.log'))
		},
		{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello world\nnot a log\n') }
	]);
	// the tabs had said only "kasan.log (1)": which file held the crash was one click away
	const tabs = page.getByRole('tab');
	// (three analyses, one after the other, in a worker that may be starting)
	await expect(tabs).toHaveCount(3, { timeout: 30_000 });
	const names = [
		'warning.log (3), most severe: high',
		'kasan.log (1), most severe: critical',
		'notes.txt (0), no kernel log'
	];
	for (const [i, name] of names.entries()) await expect(tabs.nth(i)).toHaveAccessibleName(name);
	// a symbol and a word, in the severity's colour
	await expect(tabs.nth(1).locator('.tab-sev')).toHaveText(/✖\s*critical/);
	const colour = await tabs
		.nth(1)
		.locator('.tab-sev')
		.evaluate((e) => getComputedStyle(e).color);
	const critical = await page.evaluate(() => {
		const probe = document.createElement('span');
		probe.style.color = 'var(--sev-critical)';
		document.body.append(probe);
		const c = getComputedStyle(probe).color;
		probe.remove();
		return c;
	});
	expect(colour).toBe(critical);
	// the panel is still named by its tab
	await tabs.nth(1).click();
	await expect(page.getByRole('tabpanel', { name: names[1] })).toContainText('aead_recvmsg');
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	expect(problems).toEqual([]);
});

test('every bundled sample loads and gives findings', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const options = await page
		.getByLabel('Sample')
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	expect(options.length).toBeGreaterThanOrEqual(3);
	for (const value of options) {
		await page.getByLabel('Sample').selectOption(value);
		await page.getByRole('button', { name: 'Load sample' }).click();
		await expect(page.getByLabel('Kernel log')).not.toHaveValue('');
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('article.finding').first(), value).toBeVisible();
		await page.getByRole('button', { name: 'Clear' }).click();
	}
	expect(problems).toEqual([]);
});

test('a file dropped on the input area is analysed', async ({ page }) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// three findings of three categories, so that the category filter is offered
	const log = MIXED;
	const dataTransfer = await page.evaluateHandle((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'dropped.log', { type: 'text/plain' }));
		return dt;
	}, log);
	const zone = page.getByRole('region', { name: 'Log input' });
	await zone.dispatchEvent('dragover', { dataTransfer });
	await zone.dispatchEvent('drop', { dataTransfer });
	await expect(page.locator('article.finding')).toHaveCount(3);
	await page.getByRole('combobox', { name: 'Category' }).selectOption('crash');
	await expect(page.locator('article.finding')).toHaveCount(1);
	await expect(page.locator('article.finding').first()).toContainText(
		'WARNING in radeon_gart_unbind'
	);
	// the report says which file it is of
	await expect(page.getByTestId('input-summary')).toContainText(/^\s*dropped\.log:\s\S+ lines/);
	expect(problems).toEqual([]);
});
