import { expect, test, type Page } from '@playwright/test';
import { fixture, openApp, openShareLink, setLogText } from './helpers';

/**
 * On a phone the most important finding's first step ("What to do") comes right under its title:
 * it had come after What it means and Likely causes, 600-700 px below the title at 390×844, where
 * a user whose machine froze reads the report. The title stays on the first screen.
 */
test.use({ viewport: { width: 390, height: 844 } });

/** the bottom of the first finding's title and the top of its first step, in the viewport */
async function titleAndStep(page: Page): Promise<{ title: number; step: number }> {
	const first = page.locator('article.finding').first();
	const step = first.getByRole('heading', { name: 'What to do' }).locator('+ ul > li').first();
	await expect(step).toBeVisible();
	const title = await first.locator('.title').evaluate((e) => e.getBoundingClientRect().bottom);
	return { title, step: await step.evaluate((e) => e.getBoundingClientRect().top) };
}

test('the most important finding’s first step is right under its title, which stays on the first screen', async ({
	page,
	context,
	baseURL
}) => {
	// a Raspberry Pi's kern.log (16 boots, three input notes, a chain): a full summary above it
	await openApp(page);
	await setLogText(page, fixture('e2e/izassafar-kern-log-boots.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	await expect(page.locator('article.finding').first().locator('.title')).toHaveText(
		'Under-voltage: the power supply is too weak'
	);
	const { title, step } = await titleAndStep(page);
	expect(title).toBeLessThanOrEqual(844);
	// the step's top 90 px under the title (its heading on the first screen); it had been 650
	expect(step - title).toBeLessThan(200);
	expect(step).toBeGreaterThan(title);

	// a share link's report, with its note above: the same
	const other = await openShareLink(page, context, baseURL as string);
	await expect(other.getByRole('note')).toBeInViewport();
	const shared = await titleAndStep(other);
	expect(shared.title).toBeLessThanOrEqual(844);
	expect(shared.step - shared.title).toBeLessThan(200);
});

test('a crash’s Save crash report button stays with the step that names its file, first', async ({
	page
}) => {
	await openApp(page);
	await setLogText(page, fixture('e2e/kasan-use-after-free.log'));
	await page.getByRole('button', { name: 'Analyze' }).click();
	const first = page.locator('article.finding').first();
	const h5 = first.locator('.body h5');
	await expect(h5.first()).toHaveText('What to do');
	await expect(h5.nth(1)).toHaveText('What it means');
	const save = first.getByRole('button', { name: 'Save crash report' });
	await expect(save).toHaveCount(1);
	// in the steps' list, in the step that names crash-<id>.txt
	await expect(
		first.locator('h5:text-is("What to do") + ul > li', {
			has: page.getByRole('button', { name: 'Save crash report' })
		})
	).toContainText(/crash-[0-9a-f]+\.txt/);
});
