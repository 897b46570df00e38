import { expect, test } from '@playwright/test';
import { openApp, setLogText } from './helpers';

test('a chain whose cause has two effects names the cause again before the second', async ({
	page
}) => {
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
	const chain = page.locator('.cascades li');
	await expect(chain).toHaveCount(1);
	// it had read `… → I/O error on nvme0n1 → Network card eno1 transmit hang (e1000e)`
	await expect(chain).toHaveText(
		'PCIe link disabled by downstream port containment (0000:00:1d.0) → NVMe command timeouts on nvme0 → I/O error on nvme0n1; PCIe link disabled by downstream port containment (0000:00:1d.0) → Network card eno1 transmit hang (e1000e)'
	);
	// each finding is one link, the repeated cause plain text
	await expect(chain.getByRole('link')).toHaveCount(4);
});
