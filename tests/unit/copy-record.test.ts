import { describe, expect, it } from 'vitest';
import { copyRecord, newRecord, type LogRecord } from '../../src/lib/models/log-record.ts';

describe('copyRecord', () => {
	it('copies every field of a record (a field added to LogRecord must be copied too)', () => {
		const r: LogRecord = {
			line: 12,
			kind: 'kernel',
			format: 'syslog',
			reason: 'why',
			text: 'usb 1-1: new high-speed USB device number 2 using ehci-pci',
			ts: 3.25,
			wall: 1_700_000_000_000,
			level: 6,
			caller: 'T1',
			host: 'host1',
			program: 'systemd',
			boot: 2
		};
		const c = copyRecord(r);
		expect(c).not.toBe(r);
		expect(Object.keys(c)).toEqual(Object.keys(newRecord()));
		expect(c).toEqual(r);
	});
});
