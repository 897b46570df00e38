import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// ChromeOS names a user's folders by the user's obfuscated name (40 hex digits made from the
// account), which syslogs-messages-3.log and syslogs-syslog.log print in cryptohomed's, chapsd's
// and session_manager's lines; it had been kept (neither a 32- nor a 64-hex id). The hash here is
// made up.
describe("ChromeOS's obfuscated user names", () => {
	const HASH = '0123456789abcdef0123456789abcdef01234567';
	const LINES = [
		`2026-05-18T17:59:52.629518Z INFO chapsd[1169]: leveldb /run/daemon-store/chaps/${HASH}/database dump:`,
		`2026-05-18T17:59:52.700000Z INFO cryptohomed[1563]: Failed to set SELinux contexts for: /home/.shadow/${HASH}/mount`,
		`2026-05-18T17:59:52.800000Z INFO cryptohomed[1563]: Started mounting for: ${HASH}`
	];

	it('learns it from its folders and replaces it wherever it is written, as one user', () => {
		const n = new NameCollector();
		for (const l of LINES) n.line(l);
		expect([...n.users]).toEqual([HASH]);
		const a = new Anonymizer(n);
		expect(a.text(LINES[0])).toContain('leveldb /run/daemon-store/chaps/<user-1>/database dump:');
		expect(a.text(LINES[1])).toContain('/home/.shadow/<user-1>/mount');
		expect(a.text(LINES[2])).toContain('Started mounting for: <user-1>');
		expect(
			a.text(`audit: type=1400 apparmor="DENIED" name="/home/chronos/u-${HASH}/MyFiles/"`)
		).toContain('name="/home/chronos/u-<user-1>/MyFiles/"');
		expect(a.replaced).toEqual({ user: 1 });
	});

	it('replaces it in a report made without the collector, and keeps other 40-hex values', () => {
		const a = new Anonymizer();
		expect(a.text(`mount: /home/user/${HASH.toUpperCase()} is busy`)).toBe(
			'mount: /home/user/<user-1> is busy'
		);
		const commit =
			'LLD 21.0.0 (/mnt/host/source/src/third_party/llvm-project/llvm 423ff19b231694eca51881fd92e0099c0a93d64c)';
		expect(a.text(commit)).toBe(commit);
	});
});
