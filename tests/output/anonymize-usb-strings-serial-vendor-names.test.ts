import { describe, expect, it } from 'vitest';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';

// The USB strings of the real corpus (189 distinct Product: and Manufacturer: values) are vendors'
// names and models, but one is a serial number: a Dell device writes its service serial as its
// manufacturer (m11x-hwinfo-m11x-dmesg-log.log; the value here is made up in the same shape).
describe('USB manufacturer and product strings', () => {
	it('replaces a serial number written as one, consistently', () => {
		const a = new Anonymizer();
		expect(a.text('usb 1-6: Manufacturer: CN0XY12345678901AB2C3')).toBe(
			'usb 1-6: Manufacturer: <serial-1>'
		);
		expect(a.text('usb 2-1: Product: CN0XY12345678901AB2C3\nusb 2-1: SerialNumber: X')).toBe(
			'usb 2-1: Product: <serial-1>\nusb 2-1: SerialNumber: <serial-2>'
		);
	});

	it('keeps vendors’ names and models', () => {
		const a = new Anonymizer();
		for (const t of [
			'usb 1-6: Manufacturer: SIGMACHIP',
			'usb 1-6: Product: USB2134B',
			'usb 1-6: Product: Laptop_Integrated_Webcam_1.3M',
			'usb 1-6: Product: Microsoft Nano Transceiver 1.1',
			'usb 1-4: Manufacturer: Shenzhen Goodix Technology Co.,Ltd.',
			'usb 1-2: Product: SteelSeries Apex M500 Gaming Keyboard',
			'usb usb1: Manufacturer: Linux 6.5.13-1-pve xhci-hcd'
		])
			expect(a.text(t), t).toBe(t);
	});
});
