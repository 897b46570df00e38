/**
 * The memory test a crash's advice names fits the machine: memtest86+ boots only on x86 PCs, and
 * a virtual machine's memory is the host's. Verbatim excerpts: lkp-73.log lines 1-30 (a QEMU
 * guest's `BUG: Bad page cache`) and iamslightlywin-dump-last-kmsg.log lines 17905-17918 and
 * 18131-18147 (an arm64 tablet's instruction abort), both of which had been told to run memtest86+.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';
import { IAMSLIGHTLYWIN_IABT, LKP73_BAD_PAGE } from '../support/excerpts.ts';

const ARM64_OOPS = [
	...IAMSLIGHTLYWIN_IABT,
	// lines 18131-18147: its call trace
	'<4>[   50.484087]  [4:provider@4.0-se: 1823] Call trace:',
	'<4>[   50.484090]  [4:provider@4.0-se: 1823]  0x402288f85f8e74',
	'<4>[   50.484094]  [4:provider@4.0-se: 1823]  cam_smmu_unmap_stage2_iova+0xf8/0x160',
	'<4>[   50.484097]  [4:provider@4.0-se: 1823]  cam_mem_util_unmap+0x19c/0x2d0',
	'<4>[   50.484101]  [4:provider@4.0-se: 1823]  cam_mem_mgr_release+0x64/0x80',
	'<4>[   50.484105]  [4:provider@4.0-se: 1823]  cam_private_ioctl+0x728/0xaa0',
	'<4>[   50.484109]  [4:provider@4.0-se: 1823]  __video_do_ioctl+0x2d4/0x560',
	'<4>[   50.484112]  [4:provider@4.0-se: 1823]  video_usercopy+0x36c/0x6c0',
	'<4>[   50.484117]  [4:provider@4.0-se: 1823]  video_ioctl2+0x14/0x20',
	'<4>[   50.484121]  [4:provider@4.0-se: 1823]  v4l2_ioctl+0x50/0x60',
	'<4>[   50.484124]  [4:provider@4.0-se: 1823]  do_vfs_ioctl+0x6b0/0xa90',
	'<4>[   50.484128]  [4:provider@4.0-se: 1823]  __arm64_sys_ioctl+0x98/0xc0',
	'<4>[   50.484131]  [4:provider@4.0-se: 1823]  el0_svc_common+0xb0/0x160',
	'<4>[   50.484135]  [4:provider@4.0-se: 1823]  el0_svc_handler+0x64/0x80',
	'<4>[   50.484138]  [4:provider@4.0-se: 1823]  el0_svc+0x8/0xc',
	'<0>[   50.484143]  [4:provider@4.0-se: 1823] Code: bad PC value',
	'<4>[   50.484150]  [4:provider@4.0-se: 1823] ---[ end trace 28d57cdaa36082bf ]---'
];

const memorySteps = async (lines: string[]) => {
	const crash = (await findingsOf(lines)).find((f) => f.category === 'crash')!;
	return crash.explanation.next_steps.filter((s) => /memtest|memory test|test the RAM/.test(s));
};

describe('the memory test in a crash explanation', () => {
	it('in a virtual machine: the host’s memory', async () => {
		const steps = await memorySteps(LKP73_BAD_PAGE);
		expect(steps).toHaveLength(1);
		expect(steps[0]).toContain('memtest86+ on the host');
	});

	it('on an arm64 machine: not memtest86+, which boots only on x86 PCs', async () => {
		const steps = await memorySteps(ARM64_OOPS);
		expect(steps).toHaveLength(1);
		expect(steps[0]).toContain('memtest86+ runs only on x86 PCs');
		expect(steps[0]).toContain('on this arm64 machine use `memtester`');
	});

	it('on an x86 PC, or a machine the log does not name: memtest86+', async () => {
		// the guest's own lines without its hardware name: an x86-64 machine of unknown make
		const bare = LKP73_BAD_PAGE.filter((l) => !l.includes('Hardware name:'));
		const steps = await memorySteps(bare);
		expect(steps).toHaveLength(1);
		expect(steps[0]).toMatch(/\(memtest86\+\)\.$/);
	});
});
