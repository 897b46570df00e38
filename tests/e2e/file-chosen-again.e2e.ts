import { expect, test } from '@playwright/test';
import { fixture, openApp, watchForErrors } from './helpers';

/**
 * The same file chosen again with Open files… is read again. A browser sends no change event when
 * the file chosen is the one its file field already holds: an empty dmesg.txt saved again with
 * sudo (as the page's note advises) and chosen again, or a log chosen again after an error, had
 * done nothing at all.
 */
test('the file field is emptied once its files are taken, so the same file can be chosen again', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await openApp(page);
	const input = page.getByLabel('Choose log files');
	const open = async (body: string) => {
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open files…' }).click();
		await (
			await chooser
		).setFiles({
			name: 'dmesg.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from(body)
		});
	};
	// first empty (saved without root)
	await open('');
	await expect(page.getByText(/dmesg\.txt is empty \(0 bytes\)/)).toBeVisible();
	// the field holds no file: the browser will send a change for dmesg.txt chosen again
	await expect(input).toHaveValue('');
	// saved again, with sudo, under the same name
	await open(fixture('e2e/warning-radeon.log'));
	await expect(page.getByTestId('announcement')).toHaveText(/^Analysis done: /);
	await expect(page.locator('article.finding').first()).toContainText('radeon_gart_unbind');
	await expect(input).toHaveValue('');
	expect(problems).toEqual([]);
});
