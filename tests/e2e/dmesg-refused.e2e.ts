import { expect, test } from '@playwright/test';
import { openApp, setLogText, watchForErrors } from './helpers';

/**
 * A forum user asked for their `dmesg` runs it without root, which Debian and Ubuntu refuse by
 * default (kernel.dmesg_restrict), and pastes what it printed: "dmesg: read kernel buffer failed: Operation not
 * permitted". The page had analysed that line as a log and said "No problems were found", a
 * healthy verdict for a machine of which nothing was read. It says what the text is and how to
 * save the log with sudo instead, for a paste and a file, and shows no report.
 */
const REFUSED = 'dmesg: read kernel buffer failed: Operation not permitted';

test('dmesg’s refusal, pasted or saved for the log, is said to be one, with sudo to use', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	await setLogText(page, `alice@pc:~$ dmesg\n${REFUSED}\n`);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const error = page.getByRole('alert');
	await expect(error).toHaveText(
		"The pasted text is dmesg's error message, not a kernel log: this system lets only root read the kernel log, so nothing was read. Save it with sudo dmesg > dmesg.txt and open that file here (or paste what sudo dmesg prints)."
	);
	await expect(page.locator('#summary-h')).toHaveCount(0);
	await expect(page.getByText('No problems were found')).toHaveCount(0);

	// `dmesg > dmesg.txt 2>&1`: the file holds the refusal
	await page.getByLabel('Choose log files').setInputFiles({
		name: 'dmesg.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(`${REFUSED}\n`)
	});
	await expect(error).toHaveText(
		/^This file is dmesg's error message, not a kernel log: .*sudo dmesg > dmesg\.txt/
	);
	await expect(page.locator('#summary-h')).toHaveCount(0);

	// journalctl -k of a user outside the adm and systemd-journal groups
	await setLogText(
		page,
		[
			'Hint: You are currently not seeing messages from other users and the system.',
			"      Users in groups 'adm', 'systemd-journal' can see all messages.",
			'      Pass -q to turn off this notice.',
			'-- No entries --'
		].join('\n')
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(error).toHaveText(
		/^The pasted text is journalctl's notice, not a kernel log: .*sudo journalctl -k -b > kernel\.txt/
	);
	await expect(page.locator('#summary-h')).toHaveCount(0);

	// a log is analysed as before
	await setLogText(page, `[    5.000000] usb 1-1: device descriptor read/64, error -71\n`);
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(error).toHaveCount(0);
	expect(problems).toEqual([]);
});
