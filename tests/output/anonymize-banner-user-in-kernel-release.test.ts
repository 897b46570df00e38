import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A kernel built by a person is often named after them (`5.4.0-alice`): a user learned only from
// the banner, a plain word (replaced only where it stands as a name), had been kept in the release.
describe("a banner's user in a kernel release", () => {
	const BANNER =
		'[    0.000000] Linux version 5.4.0-alice (alice@ibm) (gcc version 9.3.0 (GCC)) #3 SMP Tue Jun 2 10:00:00 UTC 2020';

	it('is replaced in the release, wherever the release is written', () => {
		const n = new NameCollector();
		n.line(BANNER);
		const a = new Anonymizer(n);
		expect(a.text(BANNER)).toBe(
			'[    0.000000] Linux version 5.4.0-<user-1> (<user-1>@<host-1>) (gcc version 9.3.0 (GCC)) #3 SMP Tue Jun 2 10:00:00 UTC 2020'
		);
		expect(a.text('5.4.0-alice', true)).toBe('5.4.0-<user-1>');
		expect(a.text('CPU: 2 PID: 1 Comm: swapper/0 Not tainted 5.4.0-alice #3')).toBe(
			'CPU: 2 PID: 1 Comm: swapper/0 Not tainted 5.4.0-<user-1> #3'
		);
		expect(
			a.text('Hardware name: LENOVO 20QN002PMX/20QN002PMX, BIOS 1.2 vermagic: 6.1.0-rc3+alice.2')
		).toContain('6.1.0-rc3+<user-1>.2');
		// the host too (a word: `ibm`), and still not as a word of kernel text
		expect(a.text('5.4.0-ibm-1 thinkpad_acpi: IBM ThinkPad')).toBe(
			'5.4.0-<host-1>-1 thinkpad_acpi: IBM ThinkPad'
		);
	});

	it('keeps releases and words that are not the name', () => {
		const n = new NameCollector();
		n.line(BANNER);
		const a = new Anonymizer(n);
		for (const t of [
			'Not tainted 5.4.0-42-generic #46',
			'alice: module verification failed, 5.15.0-alicex #1',
			'Linux version 6.6.9-amd64 (devel@kali.org)'
		])
			expect(a.text(t)).toBe(t);
	});
});
