import { expect, test } from '@playwright/test';
import { analyzeText, fixture, watchForErrors } from './helpers';

/**
 * A crash's first step, right above its Save crash report button, says to save the lines with
 * that button: it had said "(the CLI writes them: necroscope --lines crash-… LOG > crash-….txt;
 * the page: Save crash report)", the CLI's command with a placeholder for a log the page has,
 * which made the step nine lines on a phone before the button that does it. Printed, where there
 * is no button, the step is the report's, with the command.
 */
test.use({ viewport: { width: 390, height: 844 } });

test('a crash’s save step names the button under it on the screen, the CLI’s command in print', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, fixture('e2e/kasan-use-after-free.log'));
	const card = page.locator('article.finding').first();
	await expect(card.locator('.title')).toHaveText('KASAN: use-after-free Read in aead_recvmsg');
	const id = (await card.getAttribute('id')) as string;
	const button = card.getByRole('button', { name: 'Save crash report' });
	const step = card.locator('h5:text-is("What to do") + ul > li').first();
	await expect(step).toContainText(
		`Save this finding’s lines as ${id}.txt (the Save crash report button below) and turn the trace into file:line form`
	);
	await expect(step).toContainText(`./scripts/decode_stacktrace.sh`);
	await expect(step).not.toContainText('necroscope --lines');
	await expect(step.getByRole('button', { name: 'Save crash report' })).toHaveCount(1);
	// the step and its button on the phone's first screen, under the title
	await expect(button).toBeInViewport({ ratio: 1 });
	// the button's hint says what the file holds and what it is for in a forum user's words (it
	// had said "the lines the CLI's --lines writes"), the file's name whole on its line
	const hint = card.locator(`#${id}-save-hint`);
	await expect(hint).toHaveText(
		`as ${id}.txt: the crash’s own lines from the log, to attach to a bug report or a forum post`
	);
	await expect(hint).not.toContainText('CLI');
	const name = hint.locator('code', { hasText: `${id}.txt` });
	expect(await name.evaluate((c) => c.getClientRects().length)).toBe(1);

	// printed: the button is not there, the command is
	await page.emulateMedia({ media: 'print' });
	await expect(step).toContainText(
		`(the CLI writes them: necroscope --lines ${id} LOG > ${id}.txt;`
	);
	await page.emulateMedia({ media: 'screen' });
	await expect(step).toContainText('(the Save crash report button below)');
	expect(problems).toEqual([]);
});
