/**
 * netconsole's extended mode (Documentation/networking/netconsole.rst): `/dev/kmsg` headers, a
 * message longer than netconsole's chunk split into `ncfrag=offset/length` fragments, and with
 * `+r` the kernel release before each message.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { ingestText } from './helpers.ts';

// lkp-calltrace-dmesg-007.log (fixtures/formats/real), lines 28-30: a warning, the start of its
// `Modules linked in:` list and its `CPU:` line, as netconsole sends them (the list in fragments)
const WARN = 'WARNING: CPU: 1 PID: 0 at kernel/sched/clock.c:114 set_sched_clock_stable+0x66/0x70';
const MODULES =
	'Modules linked in: rpcsec_gss_krb5 auth_rpcgss nfsv4 dns_resolver netconsole sr_mod cdrom sg';
const CPU = 'CPU: 1 PID: 0 Comm: swapper/1 Tainted: G        W I     4.10.0-rc3-00259-g9881b02 #1';

function fragments(head: string, text: string, chunk: number): string[] {
	const out: string[] = [];
	for (let off = 0; off < text.length; off += chunk)
		out.push(`${head},ncfrag=${off}/${text.length};${text.slice(off, off + chunk)}`);
	return out;
}

describe('netconsole extended', () => {
	it('joins the fragments of one message into one record on the first fragment’s line', () => {
		const text = [
			'4,1402,1457701523,-;' + WARN,
			...fragments('4,1403,1457701527,-', MODULES, 40),
			'4,1404,1457701544,-;' + CPU
		].join('\n');
		const run = ingestText(text + '\n', { year: 2024 });
		// each fragment had been a record of its own: `Modules linked in: rpcsec_gss_krb5 auth_rpc`,
		// then `gss nfsv4 dns_resolver netconsole sr_mod`, then ` cdrom sg`
		expect(run.records.map((r) => [r.line, r.text])).toEqual([
			[1, WARN],
			[2, MODULES],
			[5, CPU]
		]);
		expect(run.records[1].ts).toBe(1457.701527);
		expect(run.summary.input.lines_total).toBe(5);
		expect(run.summary.input.formats).toEqual({ kmsg: 5 });
	});

	it('reads what came when a fragment is lost, and the next record after it', () => {
		const [first, , third] = fragments('4,1403,1457701527,-', MODULES, 40);
		const run = ingestText([first, third, '4,1404,1457701544,-;' + CPU].join('\n') + '\n');
		expect(run.records.map((r) => [r.line, r.text])).toEqual([
			[1, MODULES.slice(0, 40)],
			[2, MODULES.slice(80)],
			[3, CPU]
		]);
		expect(run.summary.input.lines_total).toBe(3);
	});

	it('reads messages with the kernel release before them (`+r`)', async () => {
		const text =
			[
				'6.4.0,5,0,0,-;Linux version 6.4.0 (builder@host) (gcc 12.2.0) #1 SMP',
				'6.4.0,6,444,501151268,-;netconsole: network logging started',
				'6.4.0,1,445,501151270,-;BUG: kernel NULL pointer dereference, address: 0000000000000008'
			].join('\n') + '\n';
		const r = await analyzeText(text, { year: 2024 });
		// they had been bare text: no kernel version, no time
		expect(r.input.formats).toEqual({ kmsg: 3 });
		expect(r.metadata.kernel_version).toBe('6.4.0');
		expect(r.findings.some((f) => f.rule === 'crash.null-deref')).toBe(true);
	});
});
