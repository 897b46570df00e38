import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { analyzeText, openFinding, watchForErrors } from './helpers';

/**
 * A finding's references are web addresses: on a phone they break after a `/` of their path, not
 * anywhere ("https://docs.kernel.org/gpu/amdgpu/index.htm" and then "l," on the next line, as a
 * home user's short dmesg with one GPU hang showed at 390 px). The address is the link's text, whole.
 */

/** a short dmesg, as a user pastes it: one amdgpu ring timeout and its reset */
const DMESG = [
	'[    0.000000] Linux version 6.5.0-14-generic (buildd@host1) (x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~23.04) 12.3.0, GNU ld (GNU Binutils for Ubuntu) 2.40) #14-Ubuntu SMP PREEMPT_DYNAMIC Tue Nov 14 14:59:49 UTC 2023',
	'[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.5.0-14-generic ro quiet splash',
	'[    2.314159] [drm] amdgpu kernel modesetting enabled.',
	'[    2.512330] [drm] Initialized amdgpu 3.54.0 20150101 for 0000:0b:00.0 on minor 0',
	'[ 1234.567890] [drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879',
	'[ 1234.567950] [drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process firefox pid 3760 thread firefox:cs0 pid 3790',
	'[ 1234.568000] amdgpu 0000:0b:00.0: amdgpu: GPU reset begin!',
	'[ 1235.400000] amdgpu 0000:0b:00.0: amdgpu: GPU reset(2) succeeded!'
].join('\n');

test.use({ viewport: { width: 390, height: 844 } });

test('a finding’s reference addresses break after a slash on a phone, and are whole', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(page, DMESG);
	const card = page.locator('article.finding').first();
	await expect(card.locator('.title')).toHaveText('AMD GPU ring gfx_0.0.0 timeout (amdgpu)');
	await openFinding(card);
	const links = card.locator('a[href^="https://"]');
	await expect(links).not.toHaveCount(0);
	for (const link of await links.all()) {
		await link.scrollIntoViewIfNeeded();
		// the link's text is its address
		expect(await link.textContent()).toBe(await link.getAttribute('href'));
		// the text of each of its lines on the screen: every one but the last ends in a slash
		const lines = await link.evaluate((a) => {
			const out: string[] = [];
			let top: number | null = null;
			const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const t = n.textContent ?? '';
				for (let i = 0; i < t.length; i++) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + 1);
					const y = Math.round(r.getBoundingClientRect().top);
					if (top === null || y > top + 2) out.push('');
					top = y;
					out[out.length - 1] += t[i];
				}
			}
			return out;
		});
		expect(lines.join('')).toBe(await link.getAttribute('href'));
		for (const l of lines.slice(0, -1)) expect(l, `${lines.join(' | ')}`).toMatch(/\/$/);
	}
	// at least one address is too long for one line here, so the test sees a break
	const broken = await links.evaluateAll((as) => as.some((a) => a.getClientRects().length > 1));
	expect(broken).toBe(true);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	expect(problems).toEqual([]);
});
