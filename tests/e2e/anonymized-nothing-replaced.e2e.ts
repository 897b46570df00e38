import { expect, test } from '@playwright/test';
import { cliReport, fixture, openApp, openShareLink, setLogText } from './helpers';

/**
 * An anonymized report in which nothing needed replacing says so: its note had said "anonymized
 * by its sender (none)", which read as if nothing had been anonymized.
 */
// (a Raspberry Pi's kern.log: no host, user, address or pointer for the anonymizer to replace)
const LOG = fixture('e2e/izassafar-kern-log-boots.log');

test('a shared report in which nothing was replaced says there was nothing to replace', async ({
	page,
	context,
	baseURL
}) => {
	await openApp(page);
	await setLogText(page, LOG);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const other = await openShareLink(page, context, baseURL as string);
	const note = other.getByRole('note');
	await expect(note).toContainText(
		'Shared report, anonymized by its sender (nothing to replace), read-only: the log was not shared.'
	);
	await expect(note).not.toContainText('(none)');
});

test('an anonymized report file in which nothing was replaced says so', async ({ page }) => {
	await openApp(page);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'anonymized.json',
		mimeType: 'application/json',
		buffer: Buffer.from(cliReport(LOG, 'json', ['--anonymize']))
	});
	await expect(page.getByRole('note')).toContainText(
		'Report file, anonymized (nothing to replace): anonymized.json, a NecroScope report as saved'
	);
});
