import { expect, test } from '@playwright/test';
import { openApp, setLogText } from './helpers';

test('a chain whose cause has two effects shows each effect under its cause', async ({ page }) => {
	await openApp(page);
	// the rules' example lines: a PCIe port's containment event, then an NVMe timeout with an I/O
	// error after it, and a network card's transmit hang, both caused by the containment
	await setLogText(
		page,
		[
			'[   10.000000] pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000',
			'[   40.000000] nvme nvme0: I/O 407 QID 1 timeout, aborting',
			'[   41.000000] e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:',
			'[   42.000000] blk_update_request: I/O error, dev nvme0n1, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
		].join('\n')
	);
	await page.getByRole('button', { name: 'Analyze' }).click();
	const chain = page.locator('#chains-list > li');
	await expect(chain).toHaveCount(1);
	// it had read `… → I/O error on nvme0n1 → Network card eno1 transmit hang (e1000e)`, and then
	// `… → I/O error on nvme0n1; PCIe link disabled … → Network card …`, as if the second PCIe link
	// followed the I/O error: now a list under each cause
	const cause = chain.locator(':scope > ul > li');
	await expect(cause).toHaveCount(1);
	await expect(cause.locator(':scope > a')).toHaveText(
		'PCIe link disabled by downstream port containment (0000:00:1d.0)'
	);
	const effects = cause.locator(':scope > ul > li');
	await expect(effects).toHaveCount(2);
	await expect(effects.nth(0).locator(':scope > a')).toHaveText('NVMe command timeouts on nvme0');
	await expect(effects.nth(0).locator(':scope > ul > li')).toHaveText('→ I/O error on nvme0n1');
	await expect(effects.nth(1)).toHaveText('→ Network card eno1 transmit hang (e1000e)');
	// the second effect is a step in from its cause, as far as the first
	const left = async (l: typeof cause) => (await l.locator(':scope > a').boundingBox())!.x;
	expect(await left(effects.nth(1))).toBeGreaterThan(await left(cause));
	expect(Math.abs((await left(effects.nth(1))) - (await left(effects.nth(0))))).toBeLessThan(2);
	// each finding is one link, the cause named once
	await expect(chain.getByRole('link')).toHaveCount(4);
});
