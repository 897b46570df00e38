import { expect, test } from '@playwright/test';
import {
	allowClipboard,
	cliReport,
	fixture,
	openApp,
	setLogText,
	openFinding,
	openShareLink
} from './helpers';

/**
 * What a user sees first, on a laptop (1280×800) and a phone (390×844): the report, not the input
 * area it came from; the input controls in rows that keep a label with its field.
 */

/** The first lines of serverlog-dmesg-0.log (ServerLog, dmesg.0): one boot, no finding. */
const CLEAN_BOOT = [
	'[    0.000000] Initializing cgroup subsys cpuset',
	'[    0.000000] Initializing cgroup subsys cpu',
	'[    0.000000] Initializing cgroup subsys cpuacct',
	'[    0.000000] Linux version 3.13.0-57-generic (buildd@brownie) (gcc version 4.8.2 (Ubuntu 4.8.2-19ubuntu1) ) #95-Ubuntu SMP Fri Jun 19 09:28:15 UTC 2015 (Ubuntu 3.13.0-57.95-generic 3.13.11-ckt21)',
	'[    0.000000] Command line: root=LABEL=DOROOT ro',
	'[    0.000000] KERNEL supported cpus:',
	'[    0.000000]   Intel GenuineIntel',
	'[    0.000000]   AMD AuthenticAMD',
	'[    0.000000]   Centaur CentaurHauls'
].join('\n');

test.describe('on a 1280×800 screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('the report comes to the top of the screen when an analysis ends', async ({ page }) => {
		await openApp(page);
		await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const heading = page.locator('#summary-h');
		await expect(heading).toBeFocused();
		// it had been focused where it was, 645 px down: the first screen was the empty input area.
		// Scrolled up to the heading, or as far as the page goes (a short report ends the page).
		await expect
			.poll(() =>
				heading.evaluate((h) => {
					const max = document.documentElement.scrollHeight - window.innerHeight;
					return (
						window.scrollY > 0 && (h.getBoundingClientRect().top < 100 || window.scrollY >= max - 1)
					);
				})
			)
			.toBe(true);
		await expect(page.locator('article.finding').first()).toBeInViewport();
	});

	test('a healthy one-boot log says where a freeze or crash before it would be', async ({
		page
	}) => {
		await openApp(page);
		await setLogText(page, CLEAN_BOOT);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toHaveText('No problems were found');
		// dmesg taken after a freeze and a restart is the new boot's: it had said only "No findings"
		await expect(page.getByTestId('previous-boot')).toContainText('journalctl -k -b -1');
	});

	test('a healthy log’s notice stays closed under "No problems were found"; a problem opens', async ({
		page
	}) => {
		await openApp(page);
		// bard-linux kern.log's one USB disconnect: an info finding, the report healthy
		await setLogText(
			page,
			`${CLEAN_BOOT}\n[ 2987.190946] usb 2-1.3: USB disconnect, device number 3`
		);
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toHaveText('No problems were found');
		const card = page.locator('article.finding').first();
		await expect(card).toContainText('USB disconnects on port 2-1.3');
		// the steps of a notice ("Try another cable …") had been open under the healthy verdict
		const toggle = card.locator('.finding-toggle').first();
		await expect(page.locator('article.finding')).toHaveCount(1);
		// the system panel is rendered in the step after the one that opens the most important finding
		await expect(page.locator('#meta-h')).toBeAttached();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(card.locator('.body')).toBeHidden();
		await openFinding(card);
		await expect(card.locator('.body')).toBeVisible();
		await expect(card.locator('.body')).toContainText('What to do');

		// a report with a problem still opens its most important finding
		await setLogText(page, fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('#summary-h')).toHaveText(/problems/i);
		await expect(
			page.locator('article.finding').first().locator('.finding-toggle').first()
		).toHaveAttribute('aria-expanded', 'true');
	});
});

test.describe('on a 390×844 phone screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('a share link opens on its report, with the note that it is a shared one', async ({
		page,
		context,
		baseURL
	}) => {
		await allowClipboard(context, baseURL as string);
		await openApp(page);
		await setLogText(page, fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await page.getByRole('button', { name: 'Copy share link' }).click();
		const link = await page.getByLabel('Share link').inputValue();
		const other = await context.newPage();
		await other.goto(link);
		await expect(other.locator('#summary-h')).toHaveText(/problems/i);
		// the banner and the report had been below the input area: off the first screen
		await expect(other.getByRole('note')).toBeInViewport();
		await expect(other.locator('#summary-h')).toBeInViewport();
		await expect(other.locator('#summary-h')).toBeFocused();
	});

	test('a report file opened on a phone: its note in three lines, then the report', async ({
		page
	}) => {
		await openApp(page);
		// (in a page of its own: the share link made above would be kept in view above it)
		await page.reload();
		await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
		await page.getByLabel('Choose log files').setInputFiles({
			name: 'from-a-user.json',
			mimeType: 'application/json',
			buffer: Buffer.from(cliReport(fixture('e2e/warning-radeon.log')))
		});
		const note = page.getByRole('note');
		await expect(note).toContainText('Report file, not anonymized');
		await expect(note).toBeInViewport();
		await expect(page.locator('#summary-h')).toBeInViewport();
		// five lines had put the report's heading 37 px further down, four lines 20 px
		const lines = await note.evaluate((n) => {
			const cs = getComputedStyle(n);
			const text = n.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
			return Math.round(text / parseFloat(cs.lineHeight));
		});
		expect(lines).toBeLessThanOrEqual(3);
	});

	test('a shared report and a report file: their note, then the first finding’s title on the first screen', async ({
		page,
		context,
		baseURL
	}) => {
		// a Raspberry Pi's kern.log (16 boots, three input notes, a chain): the report's own first
		// finding is on the first screen, and the note above a shared one (four lines, an
		// "Anonymized:" line in the report) had pushed its title to 976 px, a report file's to 932
		const log = fixture('e2e/izassafar-kern-log-boots.log');
		const title = 'Under-voltage: the power supply is too weak';
		const firstOnScreen = async (p: typeof page) => {
			const first = p.locator('article.finding').first();
			await expect(first.locator('.title')).toHaveText(title);
			await expect(p.getByRole('note')).toBeInViewport({ ratio: 1 });
			await expect(p.locator('#summary-h')).toBeInViewport({ ratio: 1 });
			await expect
				.poll(() => first.locator('.title').evaluate((t) => t.getBoundingClientRect().bottom))
				.toBeLessThanOrEqual(844);
		};
		await openApp(page);
		await setLogText(page, log);
		await page.getByRole('button', { name: 'Analyze' }).click();
		const other = await openShareLink(page, context, baseURL as string);
		await firstOnScreen(other);
		// what was anonymized is said once, in the note
		await expect(other.getByRole('note')).toContainText(
			/^Shared report, anonymized by its sender \((?:\d+ [A-Za-z][^)]*|nothing to replace)\), read-only: the log was not shared\./
		);
		await expect(other.getByTestId('anonymization')).toHaveCount(0);

		// (in a page of its own: the share link made above would be kept in view above it)
		await page.reload();
		await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
		await page.getByLabel('Choose log files').setInputFiles({
			name: 'from-a-user.json',
			mimeType: 'application/json',
			buffer: Buffer.from(cliReport(log))
		});
		await expect(page.getByRole('note')).toContainText(
			'Report file, not anonymized: from-a-user.json,'
		);
		await firstOnScreen(page);
		// an anonymized one says so in its note too
		await page.getByLabel('Choose log files').setInputFiles({
			name: 'anonymized.json',
			mimeType: 'application/json',
			buffer: Buffer.from(cliReport(log, 'json', ['--anonymize']))
		});
		await expect(page.getByRole('note')).toContainText(
			/^Report file, anonymized \((?:\d+ [A-Za-z][^)]*|nothing to replace)\): anonymized\.json,/
		);
		await expect(page.getByTestId('anonymization')).toHaveCount(0);
		await firstOnScreen(page);
	});

	test('lists inside an open finding keep a small indent', async ({ page }) => {
		await openApp(page);
		await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const card = page.locator('article.finding').first();
		await openFinding(card);
		const lists = card.locator('.body ul');
		expect(await lists.count()).toBeGreaterThan(1);
		// the browser's 40 px had been a tenth of the screen's width, taken from the causes and steps
		for (const indent of await lists.evaluateAll((uls) =>
			uls.map((ul) => parseFloat(getComputedStyle(ul).paddingLeft))
		))
			expect(indent).toBeLessThanOrEqual(20);
	});

	test('an evidence line’s number stays whole when the lines wrap', async ({ page }) => {
		await openApp(page);
		// the radeon WARNING after 12,000 lines: its evidence lines are numbered 12001 and on
		const filler = '[    0.500000] random: crng init done\n'.repeat(12_000);
		await setLogText(page, filler + fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		const card = page.locator('article.finding').first();
		await openFinding(card);
		const numbers = card.locator('.evidence .ln');
		await expect(numbers.first()).toHaveText('12001');
		// each on one line (its text's boxes): "12001" had been cut to "1200" over "1", as if it
		// were line 1200
		const lines = await numbers.evaluateAll((ns) =>
			ns.map((n) => {
				const r = document.createRange();
				r.selectNodeContents(n);
				return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
			})
		);
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.every((n) => n === 1)).toBe(true);
	});

	test('several files: the report comes to the top with the tabs of the others in view', async ({
		page
	}) => {
		await openApp(page);
		await page.getByLabel('Choose log files').setInputFiles([
			{ name: 'healthy.log', mimeType: 'text/plain', buffer: Buffer.from(CLEAN_BOOT) },
			{
				name: 'crash.log',
				mimeType: 'text/plain',
				buffer: Buffer.from(fixture('e2e/kasan-use-after-free.log'))
			}
		]);
		await expect(page.locator('#summary-h')).toBeFocused();
		await expect(page.locator('#summary-h')).toHaveText('No problems were found');
		// the first file's report only, above the screen's top the tabs that say there is another
		// (the crash): the report had been brought to the top without them
		await expect(page.getByRole('tab', { name: 'crash.log (1)' })).toBeInViewport();
		await expect(page.locator('#summary-h')).toBeInViewport();
	});

	test('the sample list stays on the row of its label, inside the input area', async ({ page }) => {
		await openApp(page);
		const label = await page.locator('label[for="sample-select"]').boundingBox();
		const select = await page.locator('#sample-select').boundingBox();
		const area = await page.locator('section.input').boundingBox();
		if (!label || !select || !area) throw new Error('not laid out');
		// "Sample" had ended the buttons' row and its list, cut at the screen's edge, the next
		expect(Math.abs(label.y + label.height / 2 - (select.y + select.height / 2))).toBeLessThan(4);
		expect(select.x + select.width).toBeLessThanOrEqual(area.x + area.width);
	});

	test('a call trace without module frames has no Module column', async ({ page }) => {
		await openApp(page);
		await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await openFinding(page.locator('article.finding').first());
		// an empty Module column had taken the phone's width from the Context and Line columns
		await expect(page.locator('article.finding').first().locator('.frames th')).toHaveText([
			'Function',
			'Offset',
			'Context',
			'Line'
		]);

		await setLogText(page, fixture('e2e/warning-radeon.log'));
		await page.getByRole('button', { name: 'Analyze' }).click();
		await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
		await openFinding(page.locator('article.finding').first());
		await expect(page.locator('article.finding').first().locator('.frames th')).toHaveText([
			'Function',
			'Offset',
			'Module',
			'Context',
			'Line'
		]);
	});
});
