import { expect, test } from '@playwright/test';
import { analyzeText, watchForErrors } from './helpers';

/**
 * A timeline mark's focus ring is drawn around the mark, inside the plot: for a finding seen again
 * later (a line from its first occurrence to its last under the mark) it had been drawn around the
 * whole span, 370 px wide, its top and bottom cut by the plot, two blue lines far apart and the mark
 * itself not ringed (i225nic-pstore-panic-log-txt.log's igc transmit hang, seen 18 times).
 */
const LINUX = '[    0.000000] Linux version 6.6.4 (builder@host) (gcc 13.2.0) #1 SMP';
const IO_ERROR = (ts: string, dev: string) =>
	`[${ts}] blk_update_request: I/O error, dev ${dev}, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0`;

test('a timeline mark with a span is ringed alone when focused, inside the plot', async ({
	page
}) => {
	const problems = watchForErrors(page);
	await analyzeText(
		page,
		[
			LINUX,
			IO_ERROR('    3.000000', 'sda'),
			IO_ERROR('   40.000000', 'sdb'),
			IO_ERROR('  100.000000', 'sda')
		].join('\n')
	);
	const plot = page.locator('.timeline svg').first();
	await expect(plot.locator('line.span')).toHaveCount(1);
	const marks = plot.locator('[role=button]');
	await expect(marks).toHaveCount(2);
	await marks.first().focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowLeft');
	const mark = page.locator('.timeline [role=button]:focus');
	await expect(mark).toHaveAttribute('aria-label', /sda/);
	const [box, svg] = [await mark.boundingBox(), await plot.boundingBox()];
	if (!box || !svg) throw new Error('not laid out');
	// the mark's own box, not the span's (the span runs from 3 s to 100 s, most of the plot)
	expect(box.width).toBeLessThan(40);
	// the ring is drawn inside the box, and the box inside the plot: all four sides are seen
	const ring = await mark.evaluate((e) => {
		const cs = getComputedStyle(e);
		return {
			style: cs.outlineStyle,
			width: parseFloat(cs.outlineWidth),
			offset: parseFloat(cs.outlineOffset)
		};
	});
	expect(ring.style).toBe('solid');
	expect(ring.offset).toBeLessThanOrEqual(-ring.width);
	expect(box.y).toBeGreaterThanOrEqual(svg.y - 0.5);
	expect(box.y + box.height).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
	expect(problems).toEqual([]);
});
