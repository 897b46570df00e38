import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixturePath, laidOutLines, openApp, watchForErrors } from './helpers';

/**
 * A last_kmsg read at its full size ends in the part of the buffer not used yet. The note on its
 * NUL bytes says that of this log, and how much before the end is missing text, in two lines at
 * 1280 px: it had said what NUL bytes at a buffer's end and before it mean in general, in four
 * lines, and left the reader to tell which this log held. The log is the DNS Airtab's last_kmsg
 * (the fixture is its first 64 KiB; the 480,539 NUL bytes of the rest are added back).
 */
test('the note on a last_kmsg’s NUL bytes says where nothing is missing and where text is, in two lines', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await page.setViewportSize({ width: 1280, height: 900 });
	await openApp(page);
	const head = readFileSync(
		fixturePath('formats/real/dns-airtab-m973w-enginee-kernel-log-last-kmsg.log')
	);
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'last_kmsg',
		mimeType: 'application/octet-stream',
		buffer: Buffer.concat([head, Buffer.alloc(480_539)])
	});
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	const note = page.locator('.warnings li').filter({ hasText: 'NUL bytes' });
	await expect(note.locator('.note-text')).toHaveText(
		'The log ends in 480,539 NUL bytes (^@), the part of its buffer (pstore/ramoops, last_kmsg) not used yet: nothing is missing there. The 2 stretches before it (160 bytes) are space that was not written: what the buffer should hold there is missing.'
	);
	const [lines] = await laidOutLines(note.locator('.note-text'));
	expect(lines.length).toBeLessThanOrEqual(2);
	// where each stretch is, behind Why?
	await note.getByRole('button', { name: 'Why?' }).click();
	await expect(note.locator('.note-why p')).toHaveText([
		'The stretches: line 672: 128 bytes; line 678: 32 bytes; line 679: 480,539 bytes, the whole line. The log ends in the last of them.'
	]);
	expect(problems).toEqual([]);
});
