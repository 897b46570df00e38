import type { StackRecipe, TitleFormat } from './format-types.ts';

/**
 * Title formats per oops header, in syzkaller's order (pkg/report/linux.go, Apache-2.0,
 * described in docs/DESIGN.md). For each report the formats of its header are tried; the
 * format whose title matches earliest wins (ties: the first listed).
 *
 * Templates: {{FUNC}} a frame name followed by `.` or `+`, {{PC}} a `[<hex>]` token,
 * {{SRC}} a `file.c:NN` location. Every pattern runs on one line, capped in length.
 */
const T: Record<string, string> = {
	'{{FUNC}}': '([a-zA-Z0-9_]+)(?:\\.|\\+)',
	'{{PC}}': '\\[<?(?:0x)?[0-9a-f]+>?\\]',
	'{{SRC}}': '([a-zA-Z0-9\\-_/.]+\\.[a-z]+:[0-9]+)'
};

export function re(src: string): RegExp {
	return new RegExp(src.replace(/\{\{[A-Z]+\}\}/g, (k) => T[k] ?? k));
}

/**
 * the faulting-PC line of x86 (RIP/EIP/IP), powerpc (NIP), arm64/riscv (pc :), arm (PC is at),
 * s390 (`Krnl PSW : <mask> <address> (func+0x3a/0x1000 [mod])`, the address symbolised), and
 * NecroScope: mips (`epc   : 8f0b2a1c func+0x44/0x1cb8 [mod]`) and loongarch (`  ERA:
 * 9000000000d5d3ac func+0x6c/0x1a0`), which print the address before the symbol
 */
export const RIP_FRAME = re(
	'(?:EIP is at |(?:IP|NIP|pc |PC is at):? |Krnl PSW : [0-9a-f]+ [0-9a-f]+ \\(|epc {2,}: [0-9a-f]+ |ERA: [0-9a-f]+ )(?:(?:[0-9]+:)?(?:{{PC}} +){0,2}\\.?{{FUNC}}|(?:[0-9]+:)?0x[0-9a-f]+|(?:[0-9]+:)?{{PC}} +\\[< *\\(null\\)>\\] +\\(null\\)|[0-9]+: +\\(null\\))'
);
export const CALL_TRACE = /Call [Tt]race:|Backtrace:/;

const ripStack = (skip: string[] = [], extractor?: 'stall'): StackRecipe => ({
	parts: [RIP_FRAME, CALL_TRACE, 'stack'],
	parts2: [CALL_TRACE, 'stack'],
	skip,
	extractor
});
const callTrace = (skip: string[] = [], extractor?: 'stall' | 'hang'): StackRecipe => ({
	parts: [CALL_TRACE, 'stack'],
	skip,
	extractor
});
/** WARNING stacks start at the faulting PC (or a powerpc interrupt line), else at Call Trace */
const warningStack = (...skip: string[]): StackRecipe => ({
	parts: [re(`(?:${RIP_FRAME.source}|--- interrupt: [0-9]+ at {{FUNC}})`), 'stack'],
	parts2: [CALL_TRACE, 'stack'],
	skip
});
const ripOnly: StackRecipe = { parts: [RIP_FRAME] };

const KASAN_HW_SKIP = ['kernel_fault', 'tag_check', 'mem_abort', '^el1_', '^el1h_'];
const LOCKDEP_AT = re('at: (?:{{PC}} +)?{{FUNC}}');
/** lockdep prints the releasing function on the line after `is trying to release lock ... at:` */
const UNLOCK_STACK: StackRecipe = {
	parts: [
		/is trying to release lock/,
		re('^\\s*(?:at: )?(?:{{PC}} +)?{{FUNC}}'),
		CALL_TRACE,
		'stack'
	]
};
const SRC_LINE = re('{{SRC}}');
/** NMI and perf plumbing on top of a hard-lockup stack (old kernels: the die-notifier chain) */
const HARD_LOCKUP_SKIP = [
	'watchdog',
	'nmi',
	'perf_',
	'pmu_',
	'hardlockup',
	'notifier_call_chain',
	'notify_die'
];

const BUG: TitleFormat[] = [
	{
		rule: 'crash.kasan',
		title: re('BUG: KASAN: ([a-z\\-]+) in {{FUNC}}'),
		titleNext: [/(Read|Write) (?:of size|at addr) [\da-f]+/],
		fmt: 'KASAN: {1} {3} in {F}',
		alt: ['bad-access in {F}'],
		stack: {
			parts: [re('BUG: KASAN: (?:[a-z\\-]+) in {{FUNC}}'), CALL_TRACE, 'stack'],
			skip: KASAN_HW_SKIP
		}
	},
	{
		rule: 'crash.kasan',
		title: re('BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in {{FUNC}}'),
		fmt: 'KASAN: invalid-free in {F}',
		alt: ['invalid-free in {F}'],
		stack: {
			parts: [
				re('BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in {{FUNC}}'),
				CALL_TRACE,
				'stack'
			],
			skip: ['slab_', 'kfree', 'vunmap', 'vfree']
		}
	},
	{
		rule: 'crash.kasan',
		title: /BUG: KASAN: ([a-z-]+) on address/,
		titleNext: [/(Read|Write) of size (\d+)/],
		fmt: 'KASAN: {1} {2}',
		// 4.x's `BUG: KASAN: wild-memory-access on address 0000ffff00013138` names no function;
		// its trace does, below KASAN's own frames (lkp-48.log: init_real_cpu_mask, had none)
		guiltyStack: { parts: [CALL_TRACE, 'stack'], skip: KASAN_HW_SKIP }
	},
	{ rule: 'crash.kasan', title: /BUG: KASAN: (.*)/, fmt: 'KASAN: {1}', corrupted: true },
	{
		rule: 'crash.kmsan',
		title: re('BUG: KMSAN: kernel-usb-infoleak in {{FUNC}}'),
		fmt: 'KMSAN: kernel-usb-infoleak in {F}',
		alt: ['KMSAN origin in {F2}'],
		stack: {
			parts: ['stack', /Local variable .* created at:|Uninit was created at:/, 'stack'],
			skip: [
				'alloc_skb',
				'usb_submit_urb',
				'usb_start_wait_urb',
				'usb_bulk_msg',
				'usb_interrupt_msg',
				'usb_control_msg'
			]
		},
		noStackTrace: true
	},
	{
		rule: 'crash.kmsan',
		title: re('BUG: KMSAN: ([a-z\\-]+) in {{FUNC}}'),
		fmt: 'KMSAN: {1} in {F}',
		alt: ['bad-access in {F}'],
		stack: {
			parts: ['stack'],
			skip: [
				'alloc_skb',
				'netlink_ack',
				'netlink_rcv_skb',
				'_encrypt$',
				'crypto_',
				'cipher_',
				'drbg_',
				'rng_'
			]
		},
		noStackTrace: true
	},
	{
		// `BUG: KCSAN: data-race in generic_permission / kernfs_refresh_inode` (KCSAN orders the
		// two functions by name), `… in mutex_spin_on_owner+0x14e/0x2c0` (race at unknown origin):
		// the title verbatim; the first function it names is the guilty frame
		rule: 'crash.kcsan',
		title: /BUG: KCSAN: (?=[a-z:() -]*? in ([A-Za-z_][\w.$]*))(.*)/,
		fmt: 'KCSAN: {2}',
		frameArg: 1,
		noStackTrace: true
	},
	// any other KCSAN header, verbatim (listed after: the first listed wins on ties)
	{ rule: 'crash.kcsan', title: /BUG: KCSAN: (.*)/, fmt: 'KCSAN: {1}', noStackTrace: true },
	{
		rule: 'crash.kfence',
		title: re('BUG: KFENCE: (use-after-free|out-of-bounds) ([a-z\\-]+) in {{FUNC}}'),
		fmt: 'KFENCE: {1} {2} in {F}',
		alt: ['bad-access in {F}'],
		stack: { parts: [re('BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}'), 'stack'] },
		noStackTrace: true
	},
	{
		rule: 'crash.kfence',
		title: re('BUG: KFENCE: invalid free in {{FUNC}}'),
		fmt: 'KFENCE: invalid free in {F}',
		alt: ['invalid-free in {F}'],
		stack: { parts: [re('BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}'), 'stack'] },
		noStackTrace: true
	},
	{
		rule: 'crash.kfence',
		title: re('BUG: KFENCE: invalid (read|write) in {{FUNC}}'),
		fmt: 'KFENCE: invalid {1} in {F}',
		alt: ['bad-access in {F}'],
		stack: { parts: [re('BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}'), 'stack'] },
		noStackTrace: true
	},
	{
		rule: 'crash.kfence',
		title: re('BUG: KFENCE: memory corruption in {{FUNC}}'),
		fmt: 'KFENCE: memory corruption in {F}',
		stack: { parts: [re('BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}'), 'stack'] },
		noStackTrace: true
	},
	{
		rule: 'crash.paging-fault',
		title:
			/BUG: (?:unable to handle kernel paging request|unable to handle page fault for address|Unable to handle kernel data access)/,
		fmt: 'BUG: unable to handle kernel paging request in {F}',
		alt: ['bad-access in {F}'],
		stack: ripStack()
	},
	{
		rule: 'crash.null-deref',
		title:
			/BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|Kernel NULL pointer dereference)/,
		fmt: 'BUG: unable to handle kernel NULL pointer dereference in {F}',
		alt: ['bad-access in {F}'],
		stack: ripStack()
	},
	{
		rule: 'crash.paging-fault',
		title: /BUG: (?:unable to handle kernel|Unable to handle kernel)/,
		fmt: 'BUG: unable to handle kernel',
		corrupted: true
	},
	{
		rule: 'crash.spinlock',
		title:
			/BUG: (spinlock|rwlock) (lockup suspected|lockup|already unlocked|recursion|cpu recursion|bad magic|wrong owner|wrong CPU|trylock failure on UP)/,
		fmt: 'BUG: {1} {2} in {F}',
		stack: callTrace(['spin_', '_lock', '_unlock'])
	},
	{
		rule: 'crash.soft-lockup',
		title: /BUG: soft lockup/,
		fmt: 'BUG: soft lockup in {F}',
		alt: ['stall in {F}'],
		stack: { parts: [RIP_FRAME, CALL_TRACE, 'stack'], extractor: 'stall' }
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: .*still has locks held!/,
		report: [/still has locks held!/, re('{{PC}} +{{FUNC}}')],
		fmt: 'BUG: still has locks held in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.atomic-sleep',
		title: /BUG: scheduling while atomic/,
		fmt: 'BUG: scheduling while atomic in {F}',
		stack: callTrace(['schedule'])
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: lock held when returning to user space/,
		report: [
			/BUG: lock held when returning to user space/,
			/leaving the kernel with locks still held/,
			LOCKDEP_AT
		],
		fmt: 'BUG: lock held when returning to user space in {1}',
		frameArg: 1,
		noStackTrace: true
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: bad unlock balance detected!/,
		fmt: 'BUG: bad unlock balance in {F}',
		stack: UNLOCK_STACK
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: held lock freed!/,
		report: [/BUG: held lock freed!/, re('{{PC}} +{{FUNC}}')],
		fmt: 'BUG: held lock freed in {1}',
		frameArg: 1
	},
	{
		// NecroScope: lockdep's look_up_lock_class() on a lock taken with a subclass out of range
		// (`BUG: looking up invalid subclass: 4294967295`), then `turning off the locking
		// correctness validator.` and the trace of the caller that passed it
		rule: 'crash.lockdep',
		title: /BUG: looking up invalid subclass/,
		fmt: 'BUG: looking up invalid subclass in {F}',
		stack: callTrace()
	},
	{
		rule: 'crash.bad-page',
		title: /BUG: Bad rss-counter state/,
		fmt: 'BUG: Bad rss-counter state',
		noStackTrace: true
	},
	{
		rule: 'crash.bad-page',
		title: /BUG: non-zero (nr_ptes|nr_pmds) on freeing mm/,
		fmt: 'BUG: non-zero {1} on freeing mm',
		noStackTrace: true
	},
	{
		rule: 'crash.vfs',
		title: /BUG: Dentry .* still in use \(\d+\) \[(unmount) of ([^\]]+)\]/,
		fmt: 'BUG: Dentry still in use in {1}',
		alt: ['BUG: Dentry still in use [{1} of {2}]'],
		noStackTrace: true
	},
	{
		rule: 'crash.bad-page',
		// `Bad page cache` (mm/filemap.c: a page still mapped when it left the page cache) is
		// another check than `Bad page state` (a page freed or allocated in a bad state): the
		// title keeps the kernel's word, as syzkaller's `Bad page %[1]v`
		title: /BUG: Bad page (state|cache)/,
		fmt: 'BUG: Bad page {1} in {F}',
		stack: {
			parts: [/page last allocated/, 'stack'],
			// NecroScope: the allocation stack is printed only with page_owner on, which syzbot
			// has and most kernels do not; without it syzkaller says `corrupted`, while the stack
			// that found the page (`Call Trace:`) names the code that freed or removed it
			parts2: [CALL_TRACE, 'stack'],
			skip: [
				'bad_page',
				'unaccount_page_cache',
				'filemap_unaccount_folio',
				'delete_from_page_cache',
				'(?:free|put|get|update|release)_page',
				'free_unref',
				'^_*folio',
				'truncate',
				'^put_pages_list',
				'free_pages_prepare',
				'prep_new_page',
				'get_page_from_freelist',
				'^__?alloc_pages',
				'^alloc_pages',
				'post_alloc_hook',
				'page_alloc',
				'__pagevec_release',
				'release_pages',
				'pagevec_lru',
				'lru_add'
			]
		}
	},
	{ rule: 'crash.bad-page', title: /BUG: Bad page map/, fmt: 'BUG: Bad page map' },
	{
		rule: 'crash.workqueue',
		title: /BUG: workqueue lockup/,
		fmt: 'BUG: workqueue lockup',
		noStackTrace: true
	},
	{
		rule: 'crash.atomic-sleep',
		title: /BUG: sleeping function called from invalid context at (.*)/,
		fmt: 'BUG: sleeping function called from invalid context in {F}',
		stack: callTrace()
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: using ([a-z_]+)\(\) in preemptible/,
		fmt: 'BUG: using {1}() in preemptible code in {F}',
		stack: callTrace(['dump_stack', 'preemption', 'preempt', 'debug_', 'processor_id', 'this_cpu'])
	},
	{
		rule: 'crash.workqueue',
		title: /BUG: workqueue leaked lock or atomic/,
		report: [/BUG: workqueue leaked lock or atomic/, /last function: (\w+)$/],
		fmt: 'BUG: workqueue leaked lock or atomic in {1}',
		frameArg: 1,
		noStackTrace: true
	},
	{
		rule: 'crash.leak',
		title: /BUG: memory leak/,
		fmt: 'memory leak in {F}',
		stack: {
			parts: [/backtrace(?: \(crc [0-9a-f]*\))?:/, 'stack'],
			skip: [
				'kmemleak',
				'mmap',
				'kmem',
				'slab',
				'alloc',
				'create_object',
				'idr_get',
				'list_lru_init',
				'kasprintf',
				'kvasprintf',
				'pcpu_create',
				'strdup',
				'strndup',
				'memdup'
			]
		}
	},
	{
		rule: 'crash.stack-overflow',
		title: /BUG: .*stack guard page was hit at/,
		fmt: 'BUG: stack guard page was hit in {F}',
		alt: ['stack-overflow in {F}'],
		stack: { parts: [RIP_FRAME, CALL_TRACE, 'stack'], extractor: 'stall', guessTop: false }
	},
	{
		rule: 'crash.lockdep',
		title: /BUG: Invalid wait context/,
		fmt: 'WARNING: locking bug in {F}',
		stack: callTrace()
	},
	{ rule: 'crash.other', title: /BUG:\s*$/, fmt: 'BUG: corrupted', corrupted: true }
];

const WARNING: TitleFormat[] = [
	{
		rule: 'crash.hard-lockup',
		title: /WARNING: .*watchdog_overflow_callback/,
		titleNext: [/Watchdog detected hard LOCKUP/],
		fmt: 'watchdog: hard LOCKUP in {F}',
		alt: ['stall in {F}'],
		stack: { ...warningStack(...HARD_LOCKUP_SKIP), afterMarker: true }
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*lib\/debugobjects\.c.*(?: debug_print| debug_check| at 0x)/,
		fmt: 'WARNING: ODEBUG bug in {F}',
		stack: warningStack(
			'debug_',
			'rcu',
			'hrtimer_',
			'timer_',
			'work_',
			'percpu_',
			'vunmap',
			'vfree',
			'__free_',
			'debug_check',
			'kobject_'
		)
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*mm\/usercopy\.c.*(?: usercopy_warn| at 0x)/,
		fmt: 'WARNING: bad usercopy in {F}',
		stack: warningStack('usercopy', '__check')
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*lib\/kobject\.c.*(?: kobject_| at 0x)/,
		fmt: 'WARNING: kobject bug in {F}',
		stack: warningStack('kobject_')
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*fs\/proc\/generic\.c.*(?: proc_register| at 0x)/,
		fmt: 'WARNING: proc registration bug in {F}',
		stack: warningStack('proc_')
	},
	{
		rule: 'crash.refcount',
		title: /WARNING: .*lib\/refcount\.c.*(?: refcount_| at 0x)/,
		fmt: 'WARNING: refcount bug in {F}',
		stack: warningStack('refcount', 'kobject_')
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: .*kernel\/locking\/lockdep\.c.*(?:lock_| at 0x)/,
		fmt: 'WARNING: locking bug in {F}',
		stack: warningStack('lock_sock', 'release_sock')
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: .*still has locks held!/,
		report: [/still has locks held!/, re('at: {{FUNC}}')],
		fmt: 'WARNING: still has locks held in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: Nested lock was not taken/,
		fmt: 'WARNING: nested lock was not taken in {F}',
		stack: warningStack()
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: lock held when returning to user space/,
		report: [
			/WARNING: lock held when returning to user space/,
			/leaving the kernel with locks still held/,
			LOCKDEP_AT
		],
		fmt: 'WARNING: lock held when returning to user space in {1}',
		frameArg: 1,
		noStackTrace: true
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*mm\/.*\.c.* k?.?malloc/,
		fmt: 'WARNING: kmalloc bug in {F}',
		stack: warningStack('kmalloc', 'krealloc', 'slab', 'kmem')
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*mm\/vmalloc\.c.*__vmalloc_node/,
		fmt: 'WARNING: zero-size vmalloc in {F}',
		stack: warningStack()
	},
	{
		rule: 'crash.warning',
		title: /WARNING: .*[ :]usb_submit_urb\+/,
		fmt: 'WARNING in {F}/usb_submit_urb',
		stack: warningStack('usb_submit_urb', 'usb_start_wait_urb', 'usb_bulk_msg', 'usb_interrupt_msg')
	},
	{
		rule: 'crash.warning',
		title: re('WARNING: .* at {{SRC}} {{FUNC}}'),
		fmt: 'WARNING in {F}',
		stack: warningStack()
	},
	{
		rule: 'crash.warning',
		title: re('WARNING: (?:\\[[^\\]]*\\] )?{{SRC}} at (?:{{FUNC}}|0x[0-9a-f]+)'),
		fmt: 'WARNING in {F}',
		stack: warningStack()
	},
	{
		rule: 'crash.warning',
		title: re('WARNING: at {{SRC}}'),
		fmt: 'WARNING in {F}',
		stack: warningStack()
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: possible circular locking dependency detected/,
		report: [/WARNING: possible circular locking dependency detected/, /is trying to acquire lock/],
		fmt: 'possible deadlock in {F}',
		stack: {
			parts: [LOCKDEP_AT, LOCKDEP_AT, 'stack'],
			skip: ['process_one_work', 'flush_workqueue', 'drain_workqueue', 'destroy_workqueue']
		}
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: possible irq lock inversion dependency detected/,
		report: [
			/WARNING: possible irq lock inversion dependency detected/,
			/just changed the state of lock/,
			LOCKDEP_AT
		],
		fmt: 'possible deadlock in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: .*-safe -> .*-unsafe lock order detected/,
		fmt: 'possible deadlock in {F}',
		stack: { parts: [/which became .* at:/, 'stack'] }
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: possible recursive locking detected/,
		report: [
			/WARNING: possible recursive locking detected/,
			/is trying to acquire lock/,
			LOCKDEP_AT
		],
		fmt: 'possible deadlock in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: inconsistent lock state/,
		report: [/WARNING: inconsistent lock state/, /takes/, LOCKDEP_AT],
		fmt: 'inconsistent lock state in {F}',
		stack: callTrace()
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: suspicious RCU usage/,
		report: [/WARNING: suspicious RCU usage/, SRC_LINE],
		fmt: 'WARNING: suspicious RCU usage in {F}',
		stack: callTrace(['rcu', 'kmem', 'slab'])
	},
	{
		rule: 'crash.stack-unwind',
		title: /WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad '([^']+)' value/,
		fmt: "WARNING: kernel stack regs has bad '{1}' value",
		noStackTrace: true
	},
	{
		rule: 'crash.stack-unwind',
		title: /WARNING: kernel stack frame pointer at [0-9a-f]+ in [^ ]* has bad value/,
		fmt: 'WARNING: kernel stack frame pointer has bad value',
		noStackTrace: true
	},
	{
		// unreadable addresses (`(ptrval)`): syzkaller files both forms under one title
		rule: 'crash.stack-unwind',
		title: /WARNING: kernel stack (?:regs|frame pointer) at .* has bad (?:'[^']*' )?value/,
		fmt: 'WARNING: kernel stack regs has bad value',
		noStackTrace: true
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: bad unlock balance detected!/,
		fmt: 'WARNING: bad unlock balance in {F}',
		stack: UNLOCK_STACK
	},
	{
		rule: 'crash.lockdep',
		title: /WARNING: held lock freed!/,
		report: [/WARNING: held lock freed!/, re('at:(?: {{PC}})? +{{FUNC}}')],
		fmt: 'WARNING: held lock freed in {1}',
		frameArg: 1
	},
	{ rule: 'crash.other', title: /WARNING:\s*$/, fmt: 'WARNING: corrupted', corrupted: true }
];

const INFO: TitleFormat[] = [
	{
		rule: 'crash.lockdep',
		title: /INFO: possible circular locking dependency detected/,
		report: [/INFO: possible circular locking dependency detected/, /is trying to acquire lock/],
		fmt: 'possible deadlock in {F}',
		stack: {
			parts: [LOCKDEP_AT, LOCKDEP_AT, 'stack'],
			skip: ['process_one_work', 'flush_workqueue', 'drain_workqueue', 'destroy_workqueue']
		}
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: possible irq lock inversion dependency detected/,
		report: [
			/INFO: possible irq lock inversion dependency detected/,
			/just changed the state of lock/,
			LOCKDEP_AT
		],
		fmt: 'possible deadlock in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: .*-safe -> .*-unsafe lock order detected/,
		report: [/-safe -> .*-unsafe lock order detected/, /is trying to acquire/, LOCKDEP_AT],
		fmt: 'possible deadlock in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: possible recursive locking detected/,
		report: [/INFO: possible recursive locking detected/, /is trying to acquire lock/, LOCKDEP_AT],
		fmt: 'possible deadlock in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: inconsistent lock state/,
		report: [/INFO: inconsistent lock state/, /takes/, LOCKDEP_AT],
		fmt: 'inconsistent lock state in {1}',
		frameArg: 1
	},
	{
		rule: 'crash.rcu-stall',
		title: /INFO: rcu_(?:preempt|sched|bh|tasks\w*) (?:self-)?detected(?: expedited)? stall/,
		fmt: 'INFO: rcu detected stall in {F}',
		alt: ['stall in {F}'],
		stack: {
			parts: [/apic_timer_interrupt|Exception stack|el1h_64_irq/, RIP_FRAME, 'stack'],
			parts2: [/(?:apic_timer_interrupt|Exception stack|el1h_64_irq)/, 'stack'],
			skip: ['apic_timer_interrupt', 'rcu'],
			extractor: 'stall'
		}
	},

	{
		rule: 'crash.lockdep',
		title: /INFO: trying to register non-static key/,
		fmt: 'INFO: trying to register non-static key in {F}',
		stack: callTrace(['stack', 'lock', 'IRQ'])
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: suspicious RCU usage/,
		report: [/INFO: suspicious RCU usage/, SRC_LINE],
		fmt: 'INFO: suspicious RCU usage in {F}',
		stack: callTrace(['rcu', 'kmem', 'slab'])
	},
	{
		rule: 'crash.lockdep',
		title: /INFO: suspicious rcu_dereference_check\(\) usage/,
		report: [/INFO: suspicious rcu_dereference_check\(\) usage/, SRC_LINE],
		fmt: 'INFO: suspicious RCU usage in {F}',
		stack: callTrace(['rcu', 'kmem', 'slab'])
	},
	{
		rule: 'crash.hung-task',
		title: /INFO: task .* blocked (?:in I\/O wait )?for more than \d+ seconds/,
		fmt: 'INFO: task hung in {F}',
		alt: ['hang in {F}'],
		stack: callTrace([], 'hang')
	},
	{
		rule: 'crash.hung-task',
		title: /INFO: task .* can't die for more than .* seconds/,
		fmt: "INFO: task can't die in {F}",
		alt: ['hang in {F}'],
		stack: callTrace(['schedule'])
	},
	{
		rule: 'crash.other',
		title: /INFO: (Freed|Allocated) in (.*)/,
		fmt: 'INFO: {1} in {2}',
		corrupted: true
	},
	{ rule: 'crash.other', title: /INFO:\s*$/, fmt: 'INFO: corrupted', corrupted: true }
];

const PANIC: TitleFormat[] = [
	{
		rule: 'crash.panic',
		title: /Kernel panic - not syncing: Attempted to kill init!/,
		fmt: 'kernel panic: Attempted to kill init!',
		noStackTrace: true
	},
	{
		rule: 'crash.panic',
		title: /Kernel panic - not syncing: Couldn't open N_TTY ldisc for [^ ]+ --- error -\d+\./,
		fmt: "kernel panic: Couldn't open N_TTY ldisc"
	},
	{
		rule: 'crash.panic',
		title:
			/Kernel panic - not syncing: (Fatal exception|panic_on_warn set|hung_task: blocked tasks)/,
		fmt: 'kernel panic: {1}',
		corrupted: true
	},
	{
		rule: 'crash.stack-overflow',
		title: re(
			'Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: {{FUNC}}'
		),
		fmt: 'kernel panic: stack is corrupted in {1}',
		frameArg: 1,
		noStackTrace: true
	},
	{
		rule: 'crash.stack-overflow',
		title: /Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in/,
		fmt: 'kernel panic: stack is corrupted in {F}',
		stack: callTrace(['stack_chk'])
	},
	{
		rule: 'crash.stack-overflow',
		title: /Kernel panic - not syncing: corrupted stack end detected inside scheduler/,
		fmt: 'kernel panic: corrupted stack end in {F}',
		alt: ['stack-overflow in {F}'],
		stack: { ...callTrace(['schedule', 'retint_kernel'], 'stall'), guessTop: false }
	},
	{
		rule: 'crash.stack-overflow',
		title: /Kernel panic - not syncing: kernel stack overflow/,
		fmt: 'kernel stack overflow in {F}',
		alt: ['stack-overflow in {F}'],
		stack: { ...callTrace(['bad_stack'], 'stall'), guessTop: false }
	},
	{
		rule: 'crash.panic',
		title: /Kernel panic - not syncing: (.*)/,
		fmt: 'kernel panic: {1}',
		noStackTrace: true
	}
];

const UBSAN: TitleFormat[] = [
	{
		rule: 'crash.ubsan',
		title: /UBSAN: Undefined behaviour in/,
		fmt: 'UBSAN: undefined-behaviour in {F}',
		stack: callTrace(['ubsan', 'overflow'])
	},
	{
		rule: 'crash.ubsan',
		title: /UBSAN: array-index-out-of-bounds in/,
		fmt: 'UBSAN: array-index-out-of-bounds in {F}',
		alt: ['bad-access in {F}'],
		stack: callTrace(['ubsan', 'overflow'])
	},
	{
		rule: 'crash.ubsan',
		title: /UBSAN: ([\w-]+) in/,
		fmt: 'UBSAN: {1} in {F}',
		stack: callTrace(['ubsan', 'overflow'])
	}
];

/**
 * SLUB debugging: `BUG <cache> (Not tainted): Poison overwritten` (NecroScope addition; mm/slub.c
 * slab_bug()). With SLAB_STORE_USER it prints the object's last allocation and free
 * (`INFO: Allocated in f+0x../0x.. age=.. cpu=.. pid=..`, `INFO: Freed in f+..`, each with its
 * stack; newer kernels print them without `INFO: `). A poisoned object that was written to after its free is named by the function that
 * freed it (the code whose object it was; the writer is not known), an overwritten red zone (a
 * write past the end of an object in use) by the one that allocated it; without a track, by the
 * check alone (`SLUB: Poison overwritten`). A double free is syzkaller's `BUG: Object already
 * free` in every cache (syzkaller reads only kmalloc caches' form). The other checks (padding,
 * free pointer, object counts, an invalid object pointer) are named by the function the
 * allocation or free that ran the check was called from (the call trace of object_err() and
 * slab_err(), SLUB's own frames skipped), as syzbot names a KASAN invalid free; never by the
 * cache, which is no function.
 */
const SLUB_HEAD = 'BUG ([\\w-]+) \\((?:Not tainted|Tainted: [^)]*)\\): ';
const SLUB_ALLOCATED = re('^(?:INFO: )?Allocated in {{FUNC}}');
/** SLUB's checking and reporting frames, above the allocation or free that ran the check */
const SLUB_CHECK_SKIP = [
	'object_err',
	'print_trailer',
	'debug_processing',
	'consistency_checks',
	'^check_',
	'on_freelist',
	'validate_slab',
	'free_to_partial_list',
	'^free_debug',
	'^alloc_debug'
];
const SLUB: TitleFormat[] = [
	{
		rule: 'crash.slab',
		title: new RegExp(`${SLUB_HEAD}(Poison overwritten)`),
		fmt: 'SLUB: {2} in {F}',
		fallback: 'SLUB: {2}',
		stack: { parts: [re('^(?:INFO: )?Freed in {{FUNC}}')], parts2: [SLUB_ALLOCATED] },
		noStackTrace: true
	},
	{
		rule: 'crash.slab',
		title: new RegExp(`${SLUB_HEAD}((?:Left |Right )?Redzone overwritten)`),
		fmt: 'SLUB: {2} in {F}',
		fallback: 'SLUB: {2}',
		stack: { parts: [SLUB_ALLOCATED] },
		noStackTrace: true
	},
	{
		rule: 'crash.slab',
		title: new RegExp(`${SLUB_HEAD}Object already free`),
		fmt: 'BUG: Object already free',
		noStackTrace: true
	},
	{
		// the check's name, without the address or counts printed after it (`Padding overwritten.
		// 0x..-0x.. @offset=..`, `Invalid object pointer 0x..`, `Wrong object count. Counter is ..`)
		rule: 'crash.slab',
		title: new RegExp(`${SLUB_HEAD}([a-zA-Z][a-zA-Z ]*[a-zA-Z])`),
		fmt: 'SLUB: {2} in {F}',
		fallback: 'SLUB: {2}',
		stack: callTrace(SLUB_CHECK_SKIP),
		noStackTrace: true
	}
];

const fixed = (rule: string, title: RegExp, fmt: string, stack?: StackRecipe, alt?: string[]) =>
	({ rule, title, fmt, stack, alt }) as TitleFormat;

/** Title formats per oops header key (see ingestion/blocks/headers.ts). */
export const FORMATS: Record<string, TitleFormat[]> = {
	'BUG:': BUG,
	'WARNING:': WARNING,
	'INFO:': INFO,
	'Unable to handle kernel': [
		{
			// NecroScope: s390's fault in the first page (arch/s390/mm/fault.c prints the failing
			// page on the next line, `Failing address: 0000000000000000 TEID: 0000000000000483`;
			// kernels before 3.x the address itself, `at virtual kernel address (null)`): a NULL
			// pointer dereference, as x86 and arm64 call a fault below PAGE_SIZE. First, as the
			// paging request below also matches the user space form
			rule: 'crash.null-deref',
			title:
				/Unable to handle kernel (?:pointer dereference|paging request) in virtual (?:kernel|user) address space/,
			titleNext: [/^Failing address: 0{16} /],
			fmt: 'BUG: unable to handle kernel NULL pointer dereference in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		},
		{
			rule: 'crash.null-deref',
			title:
				/Unable to handle kernel (?:pointer dereference|paging request) at virtual (?:kernel|user) address (?:\(null\)|0{8,16}$)/,
			fmt: 'BUG: unable to handle kernel NULL pointer dereference in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		},
		{
			rule: 'crash.null-deref',
			title: /Unable to handle kernel (NULL pointer dereference)/,
			fmt: 'BUG: unable to handle kernel {1} in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		},
		{
			rule: 'crash.paging-fault',
			title:
				/Unable to handle kernel (paging request|access to user memory|execute from non-executable memory|write to read-only memory)/,
			fmt: 'BUG: unable to handle kernel {1} in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		},
		{
			// NecroScope: s390's fault on a kernel address (arch/s390/mm/fault.c), the paging request
			// of other architectures; syzkaller's table has no format for it
			rule: 'crash.paging-fault',
			title:
				/Unable to handle kernel pointer dereference (?:in virtual kernel address space|at virtual kernel address)/,
			fmt: 'BUG: unable to handle kernel paging request in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		}
	],
	'general protection fault': [
		fixed(
			'crash.gpf',
			/general protection fault.*:/,
			'general protection fault in {F}',
			ripStack(),
			['bad-access in {F}']
		)
	],
	'stack segment: ': [
		fixed('crash.gpf', /stack segment: /, 'stack segment fault in {F}', ripStack())
	],
	'Kernel panic': PANIC,
	'PANIC: double fault': [
		fixed('crash.trap', /PANIC: double fault/, 'PANIC: double fault in {F}', ripOnly)
	],
	// die()'s `double fault: 0000 [1]`, alone on older x86 kernels: the crash syzbot names so
	'double fault: ': [fixed('crash.trap', /double fault: /, 'PANIC: double fault in {F}', ripOnly)],
	'rust_kernel: panicked': [
		{
			rule: 'crash.rust-panic',
			title: /rust_kernel: panicked at /,
			titleNext: [/^\s*(\S.*)$/],
			fmt: '{1} in {F}',
			stack: {
				parts: [CALL_TRACE, 'stack'],
				skip: ['rust_begin_unwind', 'rust_panic', 'panic_fmt']
			}
		}
	],
	'kernel BUG': [
		fixed(
			'crash.bug',
			/kernel BUG at mm\/usercopy\.c/,
			'BUG: bad usercopy in {F}',
			callTrace(['usercopy', '__check'])
		),
		fixed(
			'crash.list-corruption',
			/kernel BUG at lib\/list_debug\.c/,
			'BUG: corrupted list in {F}',
			callTrace(),
			['bad-access in {F}']
		),
		fixed('crash.bug', /kernel BUG at (.*)/, 'kernel BUG in {F}', { ...ripStack(['^skb_']) })
	],
	'Kernel BUG': [fixed('crash.bug', /Kernel BUG (.*)/, 'kernel BUG {1}')],
	'BUG kmalloc-': [
		{
			rule: 'crash.slab',
			title: /BUG kmalloc-.*: Object already free/,
			fmt: 'BUG: Object already free'
		},
		...SLUB
	],
	' (Not tainted): ': SLUB,
	' (Tainted: ': SLUB,
	'divide error:': [fixed('crash.trap', /divide error: /, 'divide error in {F}', ripOnly)],
	'divide_error:': [fixed('crash.trap', /divide_error: /, 'divide error in {F}', ripOnly)],
	'invalid opcode:': [fixed('crash.trap', /invalid opcode: /, 'invalid opcode in {F}', ripOnly)],
	'int3:': [fixed('crash.trap', /int3: /, 'int3 in {F}', ripStack())],
	'UBSAN:': UBSAN,
	'Booting the kernel.': [
		{
			rule: 'crash.reboot',
			title: /^Booting the kernel\./,
			fmt: 'unexpected kernel reboot',
			noStackTrace: true
		}
	],
	'unregister_netdevice: waiting for': [
		{
			rule: 'crash.netdev-refcount',
			title: /unregister_netdevice: waiting for .* to become free/,
			fmt: 'unregister_netdevice: waiting for DEV to become free',
			noStackTrace: true
		}
	],
	'VFS: Close: file count is 0': [
		{
			rule: 'crash.vfs',
			title: /VFS: Close: file count is 0/,
			fmt: 'VFS: Close: file count is zero (use-after-free)',
			noStackTrace: true
		}
	],
	'VFS: Busy inodes after unmount': [
		{
			rule: 'crash.vfs',
			title: /VFS: Busy inodes after unmount/,
			fmt: 'VFS: Busy inodes after unmount (use-after-free)',
			noStackTrace: true
		}
	],
	'Internal error:': [
		fixed('crash.arm-fault', /Internal error:/, 'Internal error in {F}', ripStack(), [
			'bad-access in {F}'
		])
	],
	'Unhandled fault:': [
		fixed('crash.arm-fault', /Unhandled fault:/, 'Unhandled fault in {F}', ripStack(), [
			'bad-access in {F}'
		])
	],
	'Alignment trap:': [
		fixed('crash.arm-fault', /Alignment trap:/, 'Alignment trap in {F}', ripStack())
	],
	'trusty: panic': [
		{
			rule: 'crash.trusty',
			title: /trusty: panic.* ASSERT FAILED.*: (.*)/,
			fmt: 'trusty: ASSERT FAILED: {1}',
			noStackTrace: true
		},
		{
			rule: 'crash.trusty',
			title: /trusty: panic \([^)]*\):(?: DEBUG)? (.*)/,
			fmt: 'trusty: panic: {1}',
			noStackTrace: true
		}
	],
	'fatal error:': [
		{ rule: 'crash.syzkaller', title: /fatal error:/, fmt: 'go runtime error', noStackTrace: true }
	],
	'panic:': [
		{ rule: 'crash.syzkaller', title: /panic: (.*)/, fmt: 'panic: {1}', noStackTrace: true }
	],
	'SYZFAIL:': [
		{ rule: 'crash.syzkaller', title: /SYZFAIL: (.*)/, fmt: 'SYZFAIL: {1}', noStackTrace: true }
	],
	'SYZFATAL:': [
		{
			rule: 'crash.syzkaller',
			title: /SYZFATAL: (.*)/,
			fmt: 'SYZFATAL: {1}',
			alt: ['SYZFATAL'],
			noStackTrace: true
		}
	],
	// NecroScope additions (real machines, not syzkaller's table)
	'Watchdog detected hard LOCKUP': [
		{
			rule: 'crash.hard-lockup',
			title: /Watchdog detected hard LOCKUP/,
			fmt: 'watchdog: hard LOCKUP in {F}',
			alt: ['stall in {F}'],
			stack: { ...ripStack(HARD_LOCKUP_SKIP), afterMarker: true }
		}
	],
	'Oops:': [
		{
			rule: 'crash.oops',
			title: /Oops: ([A-Z][\w ]*[a-z]), sig: \d+ \[#\d+\]/,
			fmt: 'Oops: {1} in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		},
		{
			rule: 'crash.oops',
			title: /Oops: .*\[#\d+\]/,
			fmt: 'Oops in {F}',
			alt: ['bad-access in {F}'],
			stack: ripStack()
		}
	]
};

/** rule id used when no format of the header matched (the raw line is the title) */
export const RAW_RULE: Record<string, string> = {
	'BUG:': 'crash.other',
	'WARNING:': 'crash.warning',
	'INFO:': 'crash.other',
	'Kernel panic': 'crash.panic',
	'UBSAN:': 'crash.ubsan',
	'kernel BUG': 'crash.bug',
	'Kernel BUG': 'crash.bug'
};
