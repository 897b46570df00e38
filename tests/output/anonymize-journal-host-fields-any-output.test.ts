import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/index.ts';

// A `journalctl -o json-pretty` excerpt pasted without its entries' `__CURSOR` lines had been read
// as plain text (the journal's parser did not take it; it does since), and its `"_HOSTNAME" :
// "<host>"` had not been learned: the host stayed in the quoted lines and inside a task's name.
// The entries' shape is journalctl's; the host is invented.
const entry = (message: string, i: number) =>
	[
		'{',
		'\t"_HOSTNAME" : "alice-laptop",',
		'\t"_TRANSPORT" : "kernel",',
		'\t"PRIORITY" : "3",',
		`\t"__REALTIME_TIMESTAMP" : "${1700000000000000 + i}",`,
		`\t"MESSAGE" : "${message}"`,
		'}'
	].join('\n');

describe('a journal entry’s _HOSTNAME is learned in every journal output', () => {
	it('replaces the host of a json-pretty excerpt without __CURSOR', async () => {
		const log = [
			'BUG: kernel NULL pointer dereference, address: 0000000000000008',
			'Oops: 0000 [#1] PREEMPT SMP NOPTI',
			'CPU: 2 PID: 1500 Comm: alice-laptop-sync Not tainted 6.1.0-13-amd64 #1',
			'RIP: 0010:iwl_mvm_rx_frame+0x40/0x200 [iwlmvm]'
		]
			.map(entry)
			.join('\n');
		const r = await analyzeText(log, { anonymize: true });
		const json = JSON.stringify(r);
		expect(json).not.toMatch(/alice-laptop/i);
		expect(json).toContain('Comm: <host-1>-sync');
		expect(r.input.anonymization.replaced).toEqual({ host: 1 });
	});
});
