import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	cancelPartWay,
	cliReport,
	expectSameOrigin,
	fixture,
	openApp,
	recordRequests,
	watchForErrors
} from './helpers';

const compressed = (name: string) =>
	readFileSync(new URL(`../../fixtures/compressed/${name}`, import.meta.url));

test('an .xz file is decompressed in the worker: the CLI’s report, and no request leaves the origin', async ({
	page,
	context,
	baseURL
}) => {
	// the decoder's WebAssembly is inlined in the worker's script: nothing is fetched for it
	const urls = recordRequests(context);
	const problems = watchForErrors(page);
	await openApp(page);
	const xz = compressed('fishlogs-dmesg-log.log.xz');
	await page
		.getByLabel('Choose log files')
		.setInputFiles({ name: 'dmesg.log.xz', mimeType: 'application/x-xz', buffer: xz });
	await expect(page.locator('[data-in-worker="true"]')).toHaveCount(1);
	await expect(page.getByTestId('input-summary')).toContainText('4,509 lines');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download JSON' }).click()
	]);
	const fromPage = JSON.parse(readFileSync(await download.path(), 'utf8'));
	expect(fromPage.input.name).toBe('dmesg.log.xz');
	expect(fromPage.input.bytes).toBe(xz.length);
	const fromCli = JSON.parse(cliReport(xz));
	expect({ ...fromPage, input: { ...fromPage.input, name: null } }).toEqual(fromCli);
	// the same log as plain text gives the same report but for its size
	const plain = JSON.parse(cliReport(fixture('output/fishlogs-dmesg-log.log')));
	expect({ ...fromCli, input: { ...fromCli.input, bytes: 0 } }).toEqual({
		...plain,
		input: { ...plain.input, bytes: 0 }
	});
	expect(problems).toEqual([]);
	expectSameOrigin(urls, baseURL as string);
});

test('Cancel stops an .xz analysis whose windows need no read, and the next .xz file is read', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	// 20 MiB of text from 4.9 KB: the decompressed windows come without any read of the file
	await cancelPartWay(page, {
		name: 'big.log.xz',
		mimeType: 'application/x-xz',
		buffer: compressed('warning-radeon-20mb.log.xz')
	});
	// xz-decompress runs one decoder at a time: the stopped one was released
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.log.xz',
		mimeType: 'application/x-xz',
		buffer: compressed('warning-radeon.log.xz')
	});
	await expect(page.getByTestId('input-summary')).toContainText('53 lines');
	await expect(page.locator('.report')).not.toContainText('Incomplete');
	expect(problems).toEqual([]);
});
