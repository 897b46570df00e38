/**
 * A chain of related findings in which a cause has several effects is drawn in the text and
 * Markdown reports as an indented tree made from the cascade's `links`, each effect under its
 * cause: the description's `A → B → C; A → D` (kept as it is in the JSON report) read as if the
 * second A followed C. A chain without branches stays one line.
 */
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText, TEXT_WIDTH } from '../../src/lib/output/text.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeLines } from '../support/analyze.ts';
import {
	AMDGPU_CRASH_AFTER_RESET,
	AMDGPU_CRASH_RESET,
	CRASH_DMESG_HARD_LOCKUP,
	CRASH_DMESG_HUNG_KVM,
	I225NIC_LAST_TX_HANG,
	I225NIC_WARN_THEN_BUG
} from '../support/excerpts.ts';

/** the lines of a report's chains section, from its heading to the blank line after it */
function chainsSection(report: string, heading: string): string[] {
	const lines = report.split('\n');
	const start = lines.indexOf(heading);
	expect(start).toBeGreaterThanOrEqual(0);
	const end = lines.findIndex(
		(l, i) => i > start + 1 && l === '' && !lines[i - 1].startsWith('Earliest')
	);
	return lines.slice(start + 1, end);
}

const mdChains = (r: AnalysisResult) =>
	chainsSection(formatMarkdown(r), '### Chains of related findings').filter(
		(l) => l !== '' && l !== 'Earliest cause first.'
	);
const textChains = (r: AnalysisResult) =>
	chainsSection(formatText(r), 'Chains of related findings (earliest cause first):');

describe('a chain with branches', () => {
	it('is a tree in the text report, each effect under its cause (amdgpu-crash)', async () => {
		const r = await analyzeLines([...AMDGPU_CRASH_RESET, ...AMDGPU_CRASH_AFTER_RESET]);
		expect(textChains(r)).toEqual([
			'  - Illegal register access in a GPU command stream (amdgpu)',
			'    → AMD GPU ring gfx_0.0.0 timeout (amdgpu)',
			'      → AMD GPU reset (amdgpu)',
			'        → amdgpu driver errors in amdgpu_cs_ioctl',
			'        → amdgpu driver errors in dc_add_plane_to_context',
			'        → amdgpu driver errors in dc_remove_stream_from_ctx',
			'          → WARNING in drm_framebuffer_remove'
		]);
		// the JSON report's description is as it was
		const json = JSON.parse(formatJson(r));
		expect(json.cascades[0].description).toContain('; AMD GPU reset (amdgpu) → ');
	});

	it('is a nested list in the Markdown report (amdgpu-crash)', async () => {
		const r = await analyzeLines([...AMDGPU_CRASH_RESET, ...AMDGPU_CRASH_AFTER_RESET]);
		expect(mdChains(r)).toEqual([
			'- Illegal register access in a GPU command stream (amdgpu)',
			'  - → AMD GPU ring gfx_0.0.0 timeout (amdgpu)',
			'    - → AMD GPU reset (amdgpu)',
			'      - → amdgpu driver errors in `amdgpu_cs_ioctl`',
			'      - → amdgpu driver errors in `dc_add_plane_to_context`',
			'      - → amdgpu driver errors in `dc_remove_stream_from_ctx`',
			'        - → WARNING in `drm_framebuffer_remove`'
		]);
	});

	it('says a possible link and its reason, wrapped under the effect (DPC, NVMe, NIC hang)', async () => {
		const r = await analyzeLines([
			'[   10.000000] pcieport 0000:00:1d.0: DPC: containment event, status:0x1f01 source:0x0000',
			'[   40.000000] nvme nvme0: I/O 407 QID 1 timeout, aborting',
			'[   41.000000] e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:',
			'[   42.000000] blk_update_request: I/O error, dev nvme0n1, sector 1000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0'
		]);
		expect(textChains(r)).toEqual([
			'  - PCIe link disabled by downstream port containment (0000:00:1d.0)',
			'    → NVMe command timeouts on nvme0',
			'      → I/O error on nvme0n1',
			'    → Network card eno1 transmit hang (e1000e)'
		]);
		// a possible link, made a branch: its words and reason, wrapped under its arrow
		const possible = structuredClone(r);
		const [c] = possible.cascades;
		c.links[2] = {
			...c.links[2],
			certainty: 'possible',
			reason: 'the timing fits '.repeat(6).trim()
		};
		const lines = textChains(possible);
		expect(lines.slice(3)).toEqual([
			'    → possibly → Network card eno1 transmit hang (e1000e) (the timing fits the',
			'      timing fits the timing fits the timing fits the timing fits the timing',
			'      fits)'
		]);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(TEXT_WIDTH);
		expect(mdChains(possible).at(-1)).toBe(
			'  - → possibly → Network card eno1 transmit hang (e1000e) (the timing fits the timing fits the timing fits the timing fits the timing fits the timing fits)'
		);
	});
});

describe('a chain without branches', () => {
	it('stays one line, as its description (crash-dmesg, i225nic)', async () => {
		const a = await analyzeLines([...CRASH_DMESG_HARD_LOCKUP, ...CRASH_DMESG_HUNG_KVM]);
		expect(textChains(a)).toEqual([
			'  - watchdog: hard LOCKUP in do_exit → INFO: task hung in synchronize_rcu'
		]);
		expect(mdChains(a)).toEqual([
			'- watchdog: hard LOCKUP in `do_exit` → INFO: task hung in `synchronize_rcu`'
		]);
		const b = await analyzeLines([...I225NIC_LAST_TX_HANG, ...I225NIC_WARN_THEN_BUG]);
		expect(textChains(b)[0]).toBe(
			'  - Network card enp2s0 transmit hang (igc) → possibly → WARNING: refcount bug'
		);
	});

	it('of a report older than `links` is its description', async () => {
		const r = await analyzeLines([...AMDGPU_CRASH_RESET, ...AMDGPU_CRASH_AFTER_RESET]);
		const old = structuredClone(r);
		delete (old.cascades[0] as { links?: unknown }).links;
		expect(textChains(old)[0]).toBe(
			'  - Illegal register access in a GPU command stream (amdgpu) → AMD GPU ring'
		);
		expect(mdChains(old)).toHaveLength(1);
	});
});
