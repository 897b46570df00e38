/**
 * Qualcomm's qcacld Wi-Fi driver asks for optional files as it downloads the chip's firmware; when
 * it then says `wlan: driver loaded`, the missing files are a routine notice, not a problem.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// gopro-hero7-kmsg.log lines 205-213 and 246-247 (a GoPro HERO7's QCA9377 on SDIO, kernel 3.18)
const GOPRO = [
	'[   18.343015] ar6k_wlan mmc0:0001:1: Direct firmware load for wlan/qca_cld/2g_scpc_cal.bin failed with error -2',
	'[   18.354305] Board extended Data download address: 0x0',
	'[   18.376500] wlan: [233:E :VOS] ol_transfer_bin_file: transferring file: bdwlan30.bin size 8124 bytes done!',
	'[   18.376663] ol_download_firmware: Using 0x1234 for the remainder of init',
	'[   18.438856] wlan: [233:E :VOS] ol_transfer_bin_file: transferring file: otp30.bin size 24037 bytes done!',
	'[   18.439287] ol_transfer_bin_file: Loading setup file qsetup30.bin',
	'[   18.439480] ar6k_wlan mmc0:0001:1: Direct firmware load for qsetup30.bin failed with error -2',
	'[   18.449105] ol_transfer_bin_file: Failed to get qsetup30.bin',
	'[   19.803508] wlan: [233:E :VOS] ol_transfer_bin_file: transferring file: qwlan30.bin size 594984 bytes done!',
	'[   20.020812] wlan_logging_sock_activate_svc: Activated wlan_logging svc',
	'[   20.022641] wlan: driver loaded'
];

describe('optional files of the qcacld Wi-Fi driver', () => {
	it('are info when the driver loaded after them (gopro-hero7: had been two low findings)', async () => {
		const f = await findingsOf(GOPRO);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'firmware.load-failed',
				'Optional Wi-Fi file wlan/qca_cld/2g_scpc_cal.bin not found: the Wi-Fi driver (qcacld) loaded without it',
				'info'
			],
			[
				'firmware.load-failed',
				'Optional Wi-Fi file qsetup30.bin not found: the Wi-Fi driver (qcacld) loaded without it',
				'info'
			]
		]);
		expect(f[1].evidence.at(-1)?.text).toContain('wlan: driver loaded');
	});

	it('stay low when the driver did not say it loaded', async () => {
		const f = await findingsOf(GOPRO.slice(0, -1));
		expect(f.map((x) => [x.title, x.severity])).toEqual([
			['Firmware wlan/qca_cld/2g_scpc_cal.bin could not be loaded', 'low'],
			['Firmware qsetup30.bin could not be loaded', 'low']
		]);
	});
});
