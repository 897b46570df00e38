import { expect, test } from '@playwright/test';
import { openApp, watchForErrors } from './helpers';

/**
 * A file that is not a text log (a kdump vmcore, a program, a photo) is said to be what it is,
 * with what to do instead, in the first note about the input: on a phone only that note is shown
 * before "Show all N notes", and it had been "No kernel messages were recognised in this input: is
 * it a kernel log?", the answer (an ELF file: extract its log with makedumpfile) hidden behind it.
 */
test.use({ viewport: { width: 390, height: 844 } });

/** an ELF header, then bytes of a program: NUL stretches, control and non-UTF-8 bytes */
function elf(): Buffer {
	const body = Buffer.alloc(8192);
	for (let i = 0; i < body.length; i++) body[i] = i % 7 === 0 ? 0 : (i * 131 + 7) & 0xff;
	return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), body]);
}

/** random-looking bytes, as a photo or a disk image dropped instead of the log */
function photo(): Buffer {
	return Buffer.from(Array.from({ length: 8192 }, (_, i) => ((i * 167 + 13) & 0x7f) | 0x80));
}

for (const [what, name, bytes, words] of [
	['an ELF file', 'vmcore', elf(), /^This is an ELF file .*makedumpfile --dump-dmesg/],
	['binary data', 'IMG_2041.jpg', photo(), /^This file is binary data, not text/]
] as const) {
	test(`${what}: what it is and what to do is the first note, shown on a phone`, async ({
		page
	}) => {
		const problems = watchForErrors(page);
		await openApp(page);
		await page
			.getByLabel('Choose log files')
			.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
		await expect(page.locator('#summary-h')).toHaveText('No kernel messages were recognised');
		const notes = page.locator('#notes-list > li');
		await expect(notes.first()).toHaveText(words);
		await expect(notes.first()).toBeVisible();
		// the question comes after the answer, with the other notes behind the button
		const question = notes.filter({ hasText: 'No kernel messages were recognised in this input' });
		await expect(question).toBeHidden();
		await page.getByRole('button', { name: /^Show all \d+ notes$/ }).click();
		await expect(question).toBeVisible();
		expect(problems).toEqual([]);
	});
}
