/**
 * Frame names that never name a bug (syzkaller pkg/report/linux.go `skipPatterns`, Apache-2.0),
 * and the two special frame extractors for stalls and hung tasks. Patterns are unanchored
 * regular expressions matched against the raw function name, as in syzkaller.
 */
export const GLOBAL_SKIP: readonly string[] = [
	// sanitizer runtimes
	'__sanitizer',
	'__asan',
	'kasan',
	'hwasan',
	'__msan',
	'kmsan',
	'kcsan_setup_watchpoint',
	'check_memory_region',
	'check_heap_object',
	'check_object',
	'read_word_at_a_time',
	'(?:read|write)_once_\\w*nocheck',
	'print_address_description',
	'print_report',
	// reporting and trap plumbing
	'panic',
	'invalid_op',
	'report_bug',
	'fixup_bug',
	'print_usage_bug',
	'do_error',
	'_trap$',
	'do_trap',
	'show_stack',
	'dump_stack',
	'walk_stack',
	'dump_backtrace',
	'unwind_backtrace',
	'show_trace',
	'warn_slowpath',
	'warn_alloc',
	'warn_bogus',
	'__warn',
	'print_tainted',
	'get_taint',
	'program_check_exception',
	'program_check_common',
	'do_(?:kernel|translation)_fault',
	'do_mem_abort',
	'el1_abort',
	'el1h_64_sync',
	'arch_stack_walk',
	'stack_trace_consume_entry',
	'stack_trace_save',
	'__fortify_report',
	'assertfail',
	// allocators and page cache
	'alloc_page',
	'k?v?[mzc]alloc',
	'krealloc',
	'kmem_cache',
	'allocate_slab',
	'slab_',
	'__alloc_frozen_pages_noprof',
	'folio_(?:alloc|unlock)',
	'filemap_alloc_folio',
	'__filemap_get_folio',
	'find_or_create_page',
	'read_cache_page',
	'do_read_cache_folio',
	'pagecache_get_page',
	'grab_cache_page_write_begin',
	'^kv?free$',
	'kfree_skb',
	'__phys_addr',
	'xas_(?:start|load|find)',
	'find_lock_entries',
	'truncate_inode_pages_range',
	// locking and atomics
	'lockdep',
	'lock_acquire',
	'lock_release',
	'lock_class',
	'mark_lock',
	'(?:reacquire|mark)_held_locks',
	'raw_spin_rq',
	'spin_lock',
	'spin_trylock',
	'spin_unlock',
	'read_lock',
	'read_trylock',
	'write_lock',
	'write_trylock',
	'read_unlock',
	'write_unlock',
	'^down$',
	'down_read',
	'down_write',
	'down_trylock',
	'up_read',
	'up_write',
	'^mutex_',
	'^__mutex_',
	'^rt_mutex_',
	'owner_on_cpu',
	'osq_lock',
	'osq_unlock',
	'atomic(?:64)?_(?:dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)',
	'(?:set|clear|change|test)_bit',
	'bh_enable',
	'bh_disable',
	'__wake_up',
	'^refcount_',
	'^kref_',
	'ref_tracker',
	'seqprop_assert',
	'print_unlock',
	'imbalance_bug',
	'(?:trace|lockdep)_(?:hard|soft)irq',
	'^(?:un)?lock_page',
	// strings, memory and user copies
	'memcpy',
	'memcmp',
	'memset',
	'memchr',
	'memmove',
	'memdup',
	'strcmp',
	'strncmp',
	'strcpy',
	'strlcpy',
	'strncpy',
	'strscpy',
	'strlen',
	'strstr',
	'strnstr',
	'strnlen',
	'strchr',
	'strdup',
	'strndup',
	'string',
	'pointer',
	'snprintf',
	'scnprintf',
	'kasprintf',
	'kvasprintf',
	'printk',
	'va_format',
	'dev_(?:info|notice|warn|err|alert|crit|emerg)',
	'copy_to_user',
	'copy_from_user',
	'copy_to_iter',
	'copy_from_iter',
	'copy_page_to_iter',
	'copy_page_from_iter',
	'copy_folio_to_iter',
	'put_user',
	'get_user',
	'might_fault',
	'might_sleep',
	'__might_resched',
	'hex_dump_to_buffer',
	'print_hex_dump',
	'extract_(?:user|iter)_to_sg',
	'^crc\\d+',
	'crc_itu_t',
	// data structures
	'list_add',
	'list_del',
	'list_replace',
	'list_move',
	'list_splice',
	'^rb_',
	'^__rb_',
	'^klist_',
	'rhashtable_lookup',
	'ida_free',
	'debug_object',
	'timer_is_static_object',
	'work_is_static_object',
	// work, timers and waiting
	'del_timer',
	'flush_work',
	'cancel_work_sync',
	'__cancel_work_timer',
	'try_to_grab_pending',
	'flush_workqueue',
	'drain_workqueue',
	'destroy_workqueue',
	'queue_work',
	'insert_work',
	'__queue_delayed_work',
	'queue_delayed_work_on',
	'finish_wait',
	'^complete$',
	'wait_for_completion',
	'kthread_stop',
	'lock_timer_base',
	'__timer_delete_sync',
	'sk_stop_timer_sync',
	'__mod_timer',
	'cleanup_srcu_struct',
	// device and kobject teardown
	'kobject_',
	'add_uevent_var',
	'get_device_parent',
	'device_add',
	'device_del',
	'device_unregister',
	'device_destroy',
	'device_release',
	'devres_release_all',
	'device_for_each_child',
	'^put_device$',
	'sysfs_remove',
	'device_remove_file',
	'tty_unregister_device',
	'hwrng_unregister',
	'i2c_del_adapter',
	'__unregister_client',
	'rollback_registered',
	'unregister_netdev',
	// USB plumbing
	'usb_kill_urb',
	'usb_kill_anchored_urbs',
	'usb_control_msg',
	'usb_hcd_submit_urb',
	'usb_submit_urb',
	'dummy_urb_enqueue',
	// MMIO
	'read[bwlq]$',
	'write[bwlq]$',
	'logic_in',
	'logic_out',
	// VFS reference counting
	'^iput$',
	'^iput_final$',
	'^ihold$',
	'dput',
	'drop_nlink',
	'mark_buffer_dirty',
	// misc
	'perf_trace',
	'_indirect_thunk_',
	'__might_fault'
];

/**
 * Whether a frame's name is skipped: the global list's one regular expression, then a format's
 * own patterns' (`extra`), which is what one expression of both alternatives matches. Two, not
 * one per format: the global list's expression of about 200 alternatives cost about 12 million
 * instructions to compile (to bytecode and then to machine code) for each format that has
 * patterns of its own (13 over the 163 corpus logs), see docs/ARCHITECTURE.md.
 */
export class FrameSkip {
	private readonly own: RegExp | null;

	constructor(extra: readonly string[]) {
		this.own = extra.length === 0 ? null : new RegExp(extra.join('|'));
	}

	test(name: string): boolean {
		return GLOBAL_SKIP_RE.test(name) || (this.own !== null && this.own.test(name));
	}
}
// syzkaller's list as it is, alternatives that others cover (`lockdep`, `flush_work`) included
// eslint-disable-next-line regexp/no-dupe-disjunctions
const GLOBAL_SKIP_RE = new RegExp(GLOBAL_SKIP.join('|'));

/** The skip test of the global list plus a format's own patterns (one per list, kept). */
export function frameSkip(extra: readonly string[] = []): FrameSkip {
	const key = extra.join('|');
	let skip = SKIP_CACHE.get(key);
	if (!skip) {
		skip = new FrameSkip(extra);
		SKIP_CACHE.set(key, skip);
	}
	return skip;
}
const SKIP_CACHE = new Map<string, FrameSkip>();

/** Generic dispatchers: a stall is blamed on the function called by the first of these. */
const STALL_ANCHORS = new RegExp(
	[
		// work dispatchers, and some of their callers
		'^process_one_work',
		'^do_softirq',
		'^call_timer_fn',
		'^run_timer_softirq',
		'^_*run_timers',
		'^hrtimer_run',
		'^run_ksoftirqd',
		'^smpboot_thread_fn',
		'^kthread$',
		'^ret_from_fork',
		'^start_secondary',
		'^cpu_startup_entry',
		'^tasklet_action',
		'^netif_receive_skb',
		'^__netif_receive_skb',
		// syscall entry
		'^do_syscall_',
		'^do_fast_syscall_',
		'^invoke_syscall',
		'^el0_svc_handler',
		'^el0_svc_common',
		'^ret_fast_syscall',
		'^sysenter_dispatch',
		'^system_call_fastpath',
		'^entry_SYSCALL',
		// highly discriminated syscalls: the callee names the driver or protocol
		'^(?:__x64_sys_|__ia32_sys_|__arm64_sys_|__se_sys_|__do_sys_|__sys_|ksys_|sys_|SyS_|compat_sys_|compat_SyS_)(?:ioctl|read|write|readv|writev|pread64|pwrite64|setsockopt|getsockopt|connect|accept4?|bind|sendto|recvfrom)$',
		'compat_ioctl',
		'^(?:compat_)?blkdev_ioctl',
		'^(?:do_)?vfs_ioctl',
		'^(?:__)?vfs_read',
		'^(?:__)?vfs_write',
		'^new_sync_(?:read|write)',
		'^do_iter_(?:read|write)',
		'^vfs_iter_(?:read|write)',
		'^do_mmap',
		'^vfs_open',
		'^sock_sendmsg',
		'^sock_recvmsg',
		'^sock_ioctl',
		'^sock_do_ioctl',
		'^rtnetlink_rcv_msg',
		'^nfnetlink_rcv_msg',
		'^netlink_dump',
		'^__fput',
		'^task_work_run',
		'^exit_to_usermode',
		'^smp_call_function'
	].join('|')
);

/**
 * syzkaller's stall extractor: the frame just above (called by) the first generic dispatcher;
 * `smp_call_function*` itself is kept. Null when no dispatcher is on the stack.
 */
export function stallFrame(frames: readonly string[]): string | null {
	let prev = frames[0];
	for (const f of frames) {
		if (STALL_ANCHORS.test(f)) {
			if (f.startsWith('smp_call_function')) return f;
			return prev;
		}
		prev = f;
	}
	return null;
}

const HANG_SKIP =
	/sched|_lock|_slowlock|down|rwsem|completion|kthread|wait|synchronize|context_switch|__switch_to|cancel_delayed_work|rcu_barrier/;

/**
 * syzkaller's hung-task extractor: a frame containing `rtnl_lock`, or an RCU synchronisation
 * call, names the hang (anywhere on the stack); otherwise the first frame that is not
 * scheduling or waiting machinery.
 */
export function hangFrame(frames: readonly string[]): string | null {
	for (const f of frames) {
		if (f.includes('rtnl_lock') || SYNC_RCU.test(f)) return f;
	}
	for (const f of frames) if (!HANG_SKIP.test(f)) return f;
	return null;
}

const SYNC_RCU = /synchronize_(?:rcu|srcu|net|sched)/;

/** The name a frame is filed under when an extractor merges a family of functions. */
export function mergedFrame(raw: string): string {
	if (raw.startsWith('smp_call_function')) return 'smp_call_function';
	if (SYNC_RCU.test(raw)) return 'synchronize_rcu';
	if (raw.includes('rtnl_lock')) return 'rtnl_lock';
	return raw;
}
