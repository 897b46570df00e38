/**
 * x86's oops line before 3.x, `Pid: 21321, comm: libvirtd Not tainted 2.6.32-642.el6.x86_64 #1
 * Dell Inc. PowerEdge R730xd/0WCJNT`, prints the DMI vendor and product as `Hardware name:` does:
 * it had named the machine but not marked its boot physical (MetadataCollector.lineUpperP).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestText } from './helpers.ts';

const VMCORE = new URL('../../fixtures/headline/crash-dmesg-vmcore-excerpt.log', import.meta.url);

describe('the old x86 Pid: line', () => {
	it('marks its boot physical when it names no virtual machine', () => {
		const text = readFileSync(VMCORE, 'utf8');
		expect(text).toContain('#1 Dell Inc. PowerEdge R730xd/0WCJNT');
		const meta = ingestText(text).summary.metadata;
		expect(meta.hardware).toBe('Dell Inc. PowerEdge R730xd/0WCJNT');
		expect(meta.boots.map((b) => [b.hypervisor, b.physical])).toEqual([[null, true]]);
	});
});
