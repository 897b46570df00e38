import { expect, test } from '@playwright/test';
import { inflateRawSync } from 'node:zlib';
import { allowClipboard, analyzeText, cliReport, fixture, watchForErrors } from './helpers';

const PERSONAL = fixture('output/synthetic-personal.log');

/** the report a share link holds (share.ts: `#report=<base64url(deflate-raw(JSON))>`) */
function linkReport(link: string): unknown {
	const data = link.slice(link.indexOf('#report=') + '#report='.length);
	return JSON.parse(inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8'));
}

// The anonymized copy behind Copy share link is made by the page's worker (the log analysed again,
// with anonymization and pointers): it must be the CLI's report for the same log, with the same
// placeholders, not only a report without the original values.
test('the share link’s report equals the CLI with --anonymize-pointers for the same log', async ({
	page,
	context,
	baseURL
}) => {
	await allowClipboard(context, baseURL as string);
	const problems = watchForErrors(page);
	await analyzeText(page, PERSONAL);
	await page.getByRole('button', { name: 'Copy share link (anonymized)', exact: true }).click();
	const link = await page.getByLabel('Share link').inputValue();
	const shared = linkReport(link) as { input: { anonymization: { replaced: object } } };
	expect(Object.keys(shared.input.anonymization.replaced).length).toBeGreaterThan(0);
	expect(shared).toEqual(JSON.parse(cliReport(PERSONAL, 'json', ['--anonymize-pointers'])));
	expect(problems).toEqual([]);
});
