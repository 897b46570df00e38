/**
 * The memory test a crash's advice names fits the machine: memtest86+ boots only on x86 PCs, and
 * a virtual machine's memory is the host's. Verbatim excerpts: lkp-73.log lines 1-33 (a QEMU
 * guest's `BUG: Bad page cache`) and iamslightlywin-dump-last-kmsg.log lines 17905-17920 and
 * 18131-18147 (an arm64 tablet's instruction abort), both of which had been told to run memtest86+.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const QEMU_BAD_PAGE = [
	'[   14.880449] BUG: Bad page cache in process systemd-journal  pfn:11ca9c',
	'[   14.880451] page:(____ptrval____) refcount:3 mapcount:1 mapping:(____ptrval____) index:0x120 pfn:0x11ca9c',
	'[   14.880453] memcg:ffff8f7b8fb82000',
	'[   14.880454] aops:shmem_aops ino:35',
	'[   14.880457] flags: 0x17ffffc0080015(locked|uptodate|lru|swapbacked|node=0|zone=2|lastcpupid=0x1fffff)',
	'[   14.880461] raw: 0017ffffc0080015 ffffcfed8472a6c8 ffffcfed8472a748 ffff8f7b8e6f0a28',
	'[   14.880462] raw: 0000000000000120 0000000000000000 0000000300000000 ffff8f7b8fb82000',
	'[   14.880463] page dumped because: still mapped when deleted',
	'[   14.880465] CPU: 0 PID: 159 Comm: systemd-journal Tainted: G    B   W         5.13.0-rc6-07147-g916efa412cbc #1',
	'[   14.880467] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014',
	'[   14.880469] Call Trace:',
	'[   14.880470]  dump_stack+0x64/0x7c',
	'[   14.880474]  unaccount_page_cache_page.cold+0x3e/0xae',
	'[   14.880479]  __delete_from_page_cache+0x39/0x1c0',
	'[   14.880482]  ? __cond_resched+0x19/0x40',
	'[   14.880486]  ? down_write+0x21/0x80',
	'[   14.880489]  ? unmap_mapping_page+0x69/0x140',
	'[   14.880492]  delete_from_page_cache+0x53/0xc0',
	'[   14.880496]  truncate_inode_page+0x1f/0x40',
	'[   14.880501]  shmem_undo_range+0x168/0x840',
	'[   14.880507]  ? __ia32_sys_newstat+0xf/0x40',
	'[   14.880512]  shmem_truncate_range+0x14/0x40',
	'[   14.880516]  shmem_evict_inode+0xce/0x240',
	'[   14.880520]  ? var_wake_function+0x40/0x40',
	'[   14.880524]  evict+0xd8/0x180',
	'[   14.880527]  do_unlinkat+0x1e4/0x300',
	'[   14.880531]  __do_fast_syscall_32+0x6b/0x100',
	'[   15.838455]  do_fast_syscall_32+0x2f/0x80',
	'[   15.838468]  entry_SYSENTER_compat_after_hwframe+0x4d/0x5f',
	'[   15.838475] RIP: 0023:0xf7f58549',
	''
];

const ARM64_OOPS = [
	'<1>[   50.483162]  [4:provider@4.0-se: 1823] Unable to handle kernel paging request at virtual address 00402288f85f8e74',
	'<1>[   50.483173]  [4:provider@4.0-se: 1823] Mem abort info:',
	'<1>[   50.483180]  [4:provider@4.0-se: 1823]   ESR = 0x86000004',
	'<1>[   50.483186]  [4:provider@4.0-se: 1823]   Exception class = IABT (current EL), IL = 32 bits',
	'<1>[   50.483193]  [4:provider@4.0-se: 1823]   SET = 0, FnV = 0',
	'<1>[   50.483198]  [4:provider@4.0-se: 1823]   EA = 0, S1PTW = 0',
	'<1>[   50.483204]  [4:provider@4.0-se: 1823] [00402288f85f8e74] address between user and kernel address ranges',
	'<0>[   50.483218]  [4:provider@4.0-se: 1823] Internal error: Oops: 86000004 [#1] PREEMPT SMP',
	'<4>[   50.483224]  [4:provider@4.0-se: 1823] Modules linked in:',
	'<0>[   50.483229]  [4:provider@4.0-se: 1823] Process provider@4.0-se (pid: 1823, stack limit = 0x000000009983a02a)',
	'<4>[   50.483234]  [4:provider@4.0-se: 1823] CPU: 4 PID: 1823 Comm: provider@4.0-se FTT: 0 0 Tainted: G S      W         4.19.113~Windstation+ #1',
	'<4>[   50.483238]  [4:provider@4.0-se: 1823] Hardware name: Samsung GTS7L PROJECT - PV REV0.4 (board-id,7) (DT)',
	'<4>[   50.483241]  [4:provider@4.0-se: 1823] pstate: 60400005 (nZCv daif +PAN -UAO)',
	'<4>[   50.483244]  [4:provider@4.0-se: 1823] pc : 0x402288f85f8e74',
	'<4>[   50.483248]  [4:provider@4.0-se: 1823] lr : dma_buf_unmap_attachment+0x24/0x50',
	'<4>[   50.483251]  [4:provider@4.0-se: 1823] sp : ffffff80203ab8b0',
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
		const steps = await memorySteps(QEMU_BAD_PAGE);
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
		const bare = QEMU_BAD_PAGE.filter((l) => !l.includes('Hardware name:'));
		const steps = await memorySteps(bare);
		expect(steps).toHaveLength(1);
		expect(steps[0]).toMatch(/\(memtest86\+\)\.$/);
	});
});
