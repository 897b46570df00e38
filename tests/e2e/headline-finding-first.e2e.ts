import { expect, test } from '@playwright/test';
import { analyzeText, fixture, watchForErrors } from './helpers';

/**
 * The finding the headline names comes first in the list, open, the others after it most severe
 * first: by severity alone the list had put a critical finding above it, closed, and the
 * headline's finding second, open under it (lkp-tests' dmesg 48: the KASAN report the headline
 * names, high, as the first to damage the kernel, under the general protection fault that
 * followed it, critical; i225nic's pstore log: the panicking kernel BUG under an igc transmit
 * hang). The Order control says so: "most important first".
 */
test('the headline’s finding is first in the list and the one open', async ({ page }) => {
	const problems = watchForErrors(page);
	await analyzeText(page, fixture('e2e/lkp-48-kasan-then-gpf.log'));
	await expect(page.getByTestId('headline')).toHaveText(
		'Most important: KASAN: wild-memory-access Read.'
	);
	const cards = page.locator('article.finding');
	const toggles = page.locator('article.finding .finding-toggle');
	await expect(cards.locator('.title')).toHaveText([
		'KASAN: wild-memory-access Read',
		'general protection fault in init_real_cpu_mask'
	]);
	await expect(toggles.nth(0)).toHaveAttribute('aria-expanded', 'true');
	await expect(toggles.nth(1)).toHaveAttribute('aria-expanded', 'false');

	const order = page.getByRole('combobox', { name: 'Order' });
	await expect(order.locator('option:checked')).toHaveText('most important first');
	expect(problems).toEqual([]);
});
