import type { OomTasks } from '../../models/error-block.ts';

/**
 * mm/oom_kill.c dump_tasks(): the task list of an OOM report, a header line then one line a
 * process, `[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name`
 * (the columns after `rss` differ by version: `cpu oom_adj oom_score_adj` in 2.6.36-3.7, `nr_ptes
 * swapents oom_score_adj` in 3.8-4.6, `nr_ptes nr_pmds swapents …` in 4.7-4.14, `rss_anon rss_file
 * rss_shmem pgtables_bytes swapents …` in 6.9 and later); `rss` is always the fifth, in pages.
 */
const HEADER = /^\[\s*pid\s*\]\s+uid\s+tgid\s+total_vm\s+rss\s/;
const TASK = /^\[\s*(\d+)\]\s+\d+\s+\d+\s+\d+\s+(\d+)\s/;

/** lines between two task lines of one list, or between its last and the panic, at most */
const MAX_GAP = 10;

/**
 * Reads the OOM reports' task lists as the lines go by (BlockAssembler.push gives it the lines
 * that start with `[`) and keeps the largest task of the latest, for the `panic_on_oom` panic
 * that follows it (abrt-kernel-panic-oom.log: `webservice`, 542,742 pages resident).
 */
export class OomTaskReader {
	private list: OomTasks | null = null;
	private last = -1;
	private boot = -1;
	/** the columns the latest header named (name last), [] without one */
	private columns: string[] = [];

	/** A line of boot `boot` whose text starts with `[`. */
	line(line: number, text: string, boot: number): void {
		if (HEADER.test(text)) {
			this.columns = text
				.slice(text.indexOf(']') + 1)
				.trim()
				.split(/\s+/);
			this.list = null;
			this.start(line, boot, true);
			return;
		}
		const m = TASK.exec(text);
		if (m === null) return;
		if (this.list === null || boot !== this.boot || line - this.last > MAX_GAP) {
			// a list without its header line in the log
			this.columns = [];
			this.start(line, boot, false);
		}
		const list = this.list as OomTasks;
		this.last = line;
		list.tasks++;
		const rss = Number(m[2]);
		if (list.tasks > 1 && rss <= list.rss) return;
		const fields = text
			.slice(text.indexOf(']') + 1)
			.trim()
			.split(/\s+/);
		let numbers = 0;
		while (numbers < fields.length - 1 && /^-?\d+$/.test(fields[numbers])) numbers++;
		list.pid = Number(m[1]);
		list.rss = rss;
		list.name = fields.slice(numbers).join(' ');
		list.swapents = this.swapents(fields, numbers);
		list.line = line;
	}

	/** The list whose last task line is at most MAX_GAP lines before line `line` of boot `boot`. */
	before(line: number, boot: number): OomTasks | undefined {
		const l = this.list;
		if (l === null || l.tasks === 0 || boot !== this.boot || line - this.last > MAX_GAP) return;
		return { ...l };
	}

	private start(line: number, boot: number, header: boolean): void {
		this.list = { tasks: 0, header, pid: 0, name: '', rss: 0, swapents: null, line };
		this.boot = boot;
		this.last = line;
	}

	/**
	 * A task line's swap entries: the header's `swapents` column, or without a header the one
	 * before `oom_score_adj` when the numbers say which layout it is (7 or 10 columns: 3.8-4.6 and
	 * 4.15-6.8, 6.9 on; 8 are 2.6.36-3.7's `cpu oom_adj` or 4.7-4.14's `nr_pmds swapents`)
	 */
	private swapents(fields: string[], numbers: number): number | null {
		if (this.columns.length > 0) {
			const at = this.columns.indexOf('swapents');
			return at >= 0 && at < numbers ? Number(fields[at]) : null;
		}
		return numbers === 7 || numbers === 10 ? Number(fields[numbers - 2]) : null;
	}
}
