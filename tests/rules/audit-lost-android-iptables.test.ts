/**
 * Audit records an Android device dropped are not only SELinux denials: on a Samsung phone the
 * tasks that hit the rate limit were iptables and ip6tables, whose firewall tables each write a
 * netfilter record, and the device's limit was 20 a second, not 5.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// fishlogs-dmesg-log.log lines 2148 and 4306-4307 (a Samsung Galaxy S7's 3.18 kernel, the
// lines' prefix its CPU, task and pid)
const FISH = [
	'[    4.894533]  [3:           init:    1] init: init first stage started!',
	'[   21.247579]  [1:      ip6tables: 1779] audit: audit_lost=1 audit_rate_limit=20 audit_backlog_limit=64',
	'[   21.247639]  [1:      ip6tables: 1779] audit: rate limit exceeded'
];

describe('audit records dropped on an Android device', () => {
	it('are denials or the firewall’s netfilter records, at the rate the device sets', async () => {
		const f = (await findingsOf(FISH)).filter((x) => x.rule === 'security.audit-lost');
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Audit records dropped by the rate limit', 'low']
		]);
		const e = f[0].explanation;
		expect(e.meaning).toContain('mostly SELinux denials, and the netfilter records');
		expect(e.meaning).toContain('`ip6tables`');
		// it had said logd keeps at most 5 a second, where this device's limit is 20
		expect(e.meaning).not.toContain('logd itself keeps at most 5 a second');
		expect(e.meaning).toContain('5 a second on most devices, 20 on some');
		expect(e.causes.map((c) => c.text).join(' ')).toContain('netd loading the firewall');
		expect(e.next_steps[0]).toBe('Nothing needs doing: the device works the same.');
	});
});
