import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A name written with capitals had two placeholders: one from the banner's `(user@host)` or a home
// path (kept as written), one from the learned names (compared in lower case).
describe('one placeholder per name, whatever its case', () => {
	it('gives the banner, home paths, Windows profiles and learned names the same placeholders', () => {
		const n = new NameCollector();
		n.line('[    0.000000] Linux version 6.1.0 (Alice@MyHost) (gcc (GCC) 13.2.1) #1 SMP');
		const a = new Anonymizer(n);
		// (names learned from the banner alone are replaced where they stand as names: a prompt's
		// `user@host`, not the words `alice` and `myhost` of kernel text)
		expect(
			a.text(
				'Linux version 6.1.0 (Alice@MyHost) (gcc) #1 SMP, /home/Alice/src, C:\\Users\\ALICE\\x, alice@myhost:~$'
			)
		).toBe(
			'Linux version 6.1.0 (<user-1>@<host-1>) (gcc) #1 SMP, /home/<user-1>/src, C:\\Users\\<user-1>\\x, <user-1>@<host-1>:~$'
		);
		expect(a.text('nfsroot=filer:/export/home/Alice')).toBe(
			'nfsroot=<host-2>:/export/home/<user-1>'
		);
		expect(a.replaced).toEqual({ host: 2, user: 1 });
	});
});
