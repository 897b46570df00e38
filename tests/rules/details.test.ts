/** Facts that rules decode from a message, checked against the kernel's own meaning. */
import { describe, expect, it } from 'vitest';
import { segfault } from '../../src/lib/analysis/rules/userspace-segfault.ts';

describe('segfault error codes', () => {
	const decode = (line: string) => segfault.details!(segfault.pattern.exec(line)!);

	it('reads the code as hexadecimal, as show_signal_msg prints it (%lx)', () => {
		const at = (code: string) =>
			decode(
				`geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error ${code} in mime.cache[7f6b2674b000+3000]`
			);
		expect(at('14')).toMatchObject({
			error_code: 0x14,
			error_decoded: 'page not present, read, user mode, instruction fetch'
		});
		expect(at('15').error_decoded).toBe('protection violation, read, user mode, instruction fetch');
		expect(at('6').error_decoded).toBe('page not present, write, user mode');
		expect(at('4').error_decoded).toBe('page not present, read, user mode');
	});
});
