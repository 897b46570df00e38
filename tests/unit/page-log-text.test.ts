import { describe, expect, it } from 'vitest';
import { attrText, bidiPieces, hasBidi, registerColumns } from '../../src/lib/components/format.ts';
import { inert } from '../../src/lib/output/common.ts';

describe('bidiPieces', () => {
	it('parts each bidirectional control from the text, with the escape the reports write', () => {
		const line = 'said \u202egnp.exe\u202c here \u2066abc\u2069 x\u200f1 \u061c';
		expect(hasBidi(line)).toBe(true);
		const pieces = bidiPieces(line);
		// joined, the pieces are the log's text
		expect(pieces.map((p) => p.text).join('')).toBe(line);
		const controls = pieces.filter((p) => p.esc !== undefined);
		expect(controls.map((p) => p.esc)).toEqual([
			'\\u202e',
			'\\u202c',
			'\\u2066',
			'\\u2069',
			'\\u200f',
			'\\u061c'
		]);
		// as the text and Markdown reports show them
		expect(controls.map((p) => p.esc).join('')).toBe(controls.map((p) => inert(p.text)).join(''));
		expect(controls[0].name).toBe('right-to-left override');
		expect(pieces[1]).toEqual({ text: '\u202e', esc: '\\u202e', name: 'right-to-left override' });
		expect(pieces[2]).toEqual({ text: 'gnp.exe' });
	});

	it('leaves text without one as it is (Arabic or Hebrew letters are no control)', () => {
		for (const t of ['plain', 'שלום', 'مرحبا', '\u200b zero width', '']) {
			expect(hasBidi(t)).toBe(false);
		}
		expect(bidiPieces('plain')).toEqual([{ text: 'plain' }]);
	});

	it('takes the one set the reports make inert: every Bidi_Control, each named, none else', () => {
		// the page and the reports had each written the set out; one had to be kept like the other
		const bidiControl = /\p{Bidi_Control}/u;
		const apart: string[] = [];
		let controls = 0;
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			if (c >= 0xd800 && c <= 0xdfff) continue;
			if (hasBidi(ch) !== bidiControl.test(ch)) apart.push(c.toString(16));
			if (!bidiControl.test(ch)) continue;
			controls++;
			const [piece] = bidiPieces(ch);
			expect(piece.esc).toBe(inert(ch));
			expect(piece.name).toMatch(/^[a-z -]+$/);
		}
		expect(apart).toEqual([]);
		expect(controls).toBe(12);
	});

	it('gives an attribute (a mark’s tooltip, a region’s name) the escapes, not the controls', () => {
		// a timeline mark's title had been `high: Out of memory: killed <RLO>gnp.exe<PDF>`, shown
		// reversed in its tooltip
		const label = attrText('Out of memory: killed \u202egnp.exe\u202c');
		expect(label).toBe('Out of memory: killed \\u202egnp.exe\\u202c');
		expect(hasBidi(label)).toBe(false);
		expect(attrText('plain title')).toBe('plain title');
	});
});

describe('registerColumns', () => {
	it('takes a row of bare values of one width: ppc64, ppc32 and s390', () => {
		expect(
			registerColumns('GPR00: c00000000806b258 c000000010ff3a30 d0000000008e3bb8 0000000000000000')
		).toEqual({
			name: 'GPR00: ',
			values: ['c00000000806b258', 'c000000010ff3a30', 'd0000000008e3bb8', '0000000000000000']
		});
		expect(
			registerColumns(
				'GPR08: 00000000 c0562b40 00000001 00000000 22000082 00000000 c05e2a30 c7fe8a00'
			)?.values
		).toHaveLength(8);
		expect(
			registerColumns(
				'Krnl GPRS: 0000000000010000 070000000020db8e 0000000000000030 00000000000000d7'
			)?.name
		).toBe('Krnl GPRS: ');
		// s390's rows under it: the indent is the name's width
		expect(
			registerColumns(
				'           000003ff8086d036 0400000000000000 0000000000000000 000003ff00000000'
			)?.name
		).toBe('           ');
	});

	it('leaves name and value pairs, values of several widths and single values to registerPieces', () => {
		for (const line of [
			'x29: ffff80008288bac0 x28: ffff800081a90118 x27: ffff8000814704a0',
			'RAX: 0000000000000000 RBX: ffff888100000000 RCX: 0000000000000001',
			'MSR: 8000000000009032 CR: 88000028 XER: 20000009',
			'CFAR: c00000000800908c',
			'NIP: d0000000008cb4dc LR: d0000000008cb4d8 CTR: c0000000084af4e0',
			'GPR00: c00000000806b258 c000000010ff3a30 12e0',
			'Code: 48 8b 45 f8 <0f> 0b'
		])
			expect(registerColumns(line), line).toBeNull();
	});
});
