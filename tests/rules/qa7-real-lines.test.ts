/**
 * Facts, findings and cascades that a seventh QA reading of the real-log corpus
 * (shared/corpus/real) found missing or wrong, with short verbatim excerpts of the logs named
 * in each block.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

const hardwareOf = async (lines: string[]) =>
	(await analyzeText(lines.join('\n') + '\n')).metadata.hardware;

describe('DMI placeholders in the machine name', () => {
	it('drops the fields a board template left unfilled and keeps the real ones', async () => {
		// abrt-oops-module-nouveau.log line 7
		expect(
			await hardwareOf([
				'Hardware name: Gigabyte Technology Co., Ltd. To be filled by O.E.M./970A-DS3P, BIOS F1 04/08/2013'
			])
		).toBe('Gigabyte Technology Co., Ltd. 970A-DS3P');
		// zictes-log-dmesg-0.log line 93
		expect(
			await hardwareOf([
				'[    0.000000] kernel: DMI: ASUS System Product Name/PRIME B550-PLUS, BIOS 2006 03/19/2021'
			])
		).toBe('ASUS PRIME B550-PLUS');
		// amdgpu-crash-crash1-txt.log line 87
		expect(
			await hardwareOf([
				'Jan 06 14:17:18 archlinux kernel: DMI: System manufacturer System Product Name/PRIME X470-PRO, BIOS 6024 02/25/2022'
			])
		).toBe('PRIME X470-PRO');
		// linuxerrors-dmesg-txt.log line 39: the board's name has a slash of its own
		expect(
			await hardwareOf([
				'[    0.000000] DMI: To Be Filled By O.E.M. To Be Filled By O.E.M./B450 Gaming-ITX/ac, BIOS P3.70 11/18/2019'
			])
		).toBe('B450 Gaming-ITX/ac');
		// n100dc-itx-sophos-dmesg.log line 61: only the vendor is a placeholder
		expect(
			await hardwareOf([
				'[    0.000000] DMI: Default string N100DC-ITX/N100DC-ITX, BIOS 2.01 01/17/2024'
			])
		).toBe('N100DC-ITX/N100DC-ITX');
	});

	it('names no machine when every field is a placeholder', async () => {
		// jetway-port-dmesg-log.log line 34
		expect(
			await hardwareOf([
				'[    0.000000] DMI: To be filled by O.E.M. To be filled by O.E.M./ , BIOS 4.6.4 05/08/2012'
			])
		).toBeNull();
	});

	it("keeps a model name that merely contains x's", async () => {
		// ms912x-dmesg-log.log line 42
		expect(
			await hardwareOf([
				'[    0.000000] DMI: HP Victus by HP Gaming Laptop 15-fa0xxx/8A4F, BIOS F.28 08/19/2024'
			])
		).toBe('HP Victus by HP Gaming Laptop 15-fa0xxx/8A4F');
	});
});
