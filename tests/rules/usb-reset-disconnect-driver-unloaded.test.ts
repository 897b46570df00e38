/**
 * A USB device reset or disconnected right after its driver was unloaded, or as its host
 * controller was removed, is the unloading's: not a cable, a hub or the device's power, which the
 * generic reset and disconnect explanations had told of.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

/**
 * novo7elf-dmesg-log.log (rustik2005/novo7elf `dmesg.log`, no licence stated; an Allwinner A10
 * tablet's Android kernel, 3.0), lines 2396-2436: Android turned Wi-Fi off, rtl8192cu was
 * unregistered (its module unloaded), its removal reset the adapter on 2-1 (`usb attached..., try
 * to reset usb device`), then the tablet powered the adapter's USB controller down (`sw-ehci
 * sw-ehci.2: remove, state 1`) and the adapter was disconnected with it
 */
const NOVO7 = [
	'<7>[27017.570422] +rtw_drv_halt',
	'<7>[27017.573063] ##########rtw_suspend_lock_uninit###########',
	'<6>[27017.578582] usbcore: deregistering interface driver rtl8192cu',
	'<7>[27017.584487] ###=> usb_read_port_complete => urb status(-108)',
	'<7>[27017.590472] +rtw_dev_remove',
	'<7>[27017.593370] rtw_unregister_early_suspend',
	'<7>[27017.598336] rtw_sta_flush',
	'<7>[27017.610336] ===> rtw_dev_unload',
	'<7>[27017.613837] usb_read_port_cancel ',
	'<7>[27017.617175] usb_write_port_cancel ',
	'<7>[27017.620892] ###> rtw_cmd_thread break.................',
	'<7>[27017.626227] rtw_cmd_thread: leaving... check & free all cmd_obj resources',
	'<7>[27017.633184] rtw_cmd_thread: leaving... call up terminate_cmdthread_sema',
	'<7>[27017.639933] ==> rtl8192cu_hal_deinit ',
	'<7>[27017.643767] bkeepfwalive(0)',
	'<7>[27017.646566] card disble HWSM...........',
	'<7>[27017.655364] <=== rtw_dev_unload',
	'<7>[27017.658517] +r871xu_dev_remove, hw_init_completed=0',
	'<4>[27017.664702] free_recv_skb_queue not empty, 4',
	'<7>[27017.668987] rtw_unregister_early_suspend',
	'<7>[27017.673129] =====> rtl8192c_free_hal_data =====',
	'<7>[27017.677801] <===== rtl8192c_free_hal_data =====',
	'<7>[27017.682558] rtw_wdev_free',
	'<7>[27017.685198] rtw_wdev_free, scan abort when device remove',
	'<7>[27017.690803] rtw_cfg80211_indicate_scan_done without scan req',
	'<7>[27017.698846] usb attached..., try to reset usb device',
	'<6>[27017.820781] usb 2-1: reset high speed USB device number 2 using sw-ehci',
	'<7>[27017.971633] -r871xu_dev_remove, done',
	'<7>[27017.976285] -rtw_drv_halt',
	'<7>[27017.981822] sw_usb_disable_hcd: usbc_num = 2',
	'<7>[27017.986105] [sw-ehci2]: sw_usb_disable_ehci',
	'<7>[27018.009462] [sw-ehci2]: remove, pdev->name: sw-ehci, pdev->id: 2, sw_ehci: 0xc09e3844',
	'<6>[27018.021066] sw-ehci sw-ehci.2: remove, state 1',
	'<6>[27018.026513] usb usb2: USB disconnect, device number 1',
	'<6>[27018.031996] usb 2-1: USB disconnect, device number 2',
	'<6>[27018.045785] sw-ehci sw-ehci.2: USB bus 2 deregistered',
	'<7>[27018.045816] [sw-ehci2]: close clock',
	'<7>[27018.045851] [sw-ohci2]: sw_usb_disable_ohci',
	'<7>[27018.045863] [sw-ohci2]: remove, pdev->name: sw-ohci, pdev->id: 2, sw_ohci: 0xc09e399c',
	'<6>[27018.045875] sw-ohci sw-ohci.2: remove, state 1',
	'<6>[27018.045901] usb usb3: USB disconnect, device number 1'
];

/**
 * crash-logs-log12-11-txt.log (diapason-consulting/crash-logs `log12-11.txt`, no licence stated;
 * a ThinkPad X1 Carbon's journal), lines 2030-2034: its Thunderbolt controller's xHCI gone, and
 * the USB disk on 4-2 with it
 */
const X1C_THUNDERBOLT = [
	'Dec 10 19:45:54 peter-x1c kernel: xhci_hcd 0000:3b:00.0: xHCI host controller not responding, assume dead',
	'Dec 10 19:45:54 peter-x1c kernel: xhci_hcd 0000:3b:00.0: HC died; cleaning up',
	'Dec 10 19:45:54 peter-x1c kernel: xhci_hcd 0000:3b:00.0: remove, state 1',
	'Dec 10 19:45:54 peter-x1c kernel: usb usb4: USB disconnect, device number 1',
	'Dec 10 19:45:54 peter-x1c kernel: usb 4-2: USB disconnect, device number 2'
];

/**
 * ms912x-docs-dmesg-1-txt.log (crazedr0m/ms912x `docs/dmesg-1.txt`, GPL-2.0; a USB display
 * adapter's out-of-tree driver being tested), lines 44-62: ms912x unloaded and loaded again, the
 * adapter plugged in, its probe failing, and unplugged 57 s after the unloading, 17 lines later
 */
const MS912X_RELOAD = [
	'[  775.020674] usb 1-1: USB disconnect, device number 6',
	'[  782.849703] usbcore: deregistering interface driver ms912x',
	'[  782.937707] usbcore: registered new interface driver ms912x',
	'[  786.749942] usb 1-1: new high-speed USB device number 7 using xhci_hcd',
	'[  786.878317] usb 1-1: New USB device found, idVendor=534d, idProduct=6021, bcdDevice= 1.10',
	'[  786.878333] usb 1-1: New USB device strings: Mfr=1, Product=2, SerialNumber=3',
	'[  786.878341] usb 1-1: Product: usb extscreen',
	'[  786.878347] usb 1-1: Manufacturer: USB Display ',
	'[  786.878352] usb 1-1: SerialNumber: 2019BA7160B0',
	'[  786.881580] hid-generic 0003:534D:6021.0004: hiddev0,hidraw0: USB HID v1.10 Device [USB Display  usb extscreen] on usb-0000:00:14.0-1/input0',
	'[  786.885126] ms912x: initializing YUV lookup table',
	'[  786.885139] ms912x: probe started for device 534d:6021 at 1-7',
	'[  786.885172] ms912x: assigned device ID 1, name ms912x-1',
	'[  786.885212] ms912x: setting resolution 800x600, mode 0x4200',
	'[  786.886148] ms912x: resolution set successfully',
	'[  786.886153] ms912x: set_resolution failed: 8',
	'[  786.886161] ms912x: probe failed for device ms912x-1',
	'[  786.886168] ms912x: probe of 1-1:1.3 failed with error 8',
	'[  839.861506] usb 1-1: USB disconnect, device number 7'
];

const usb = async (lines: string[], rule: string) =>
	(await findingsOf(lines)).filter((f) => f.rule === rule);

describe('a USB device reset or disconnected as its driver or controller went away', () => {
	it('says the reset came with the driver’s unloading, not a cable (novo7elf)', async () => {
		const [f, ...rest] = await usb(NOVO7, 'usb.device-reset');
		expect(rest).toEqual([]);
		expect([f.title, f.severity, f.details.driver_unloaded]).toEqual([
			'USB device reset on port 2-1 as a USB driver was unloaded',
			'info',
			'rtl8192cu'
		]);
		const words = `${f.explanation.meaning} ${f.explanation.causes.map((c) => c.text).join(' ')}`;
		expect(words).toContain('part of the unloading');
		expect(words).not.toMatch(/cable or hub|Not enough power/);
	});

	it('says the disconnect came with its host controller’s removal (novo7elf)', async () => {
		const [f, ...rest] = await usb(NOVO7, 'usb.disconnect');
		expect(rest).toEqual([]);
		expect([
			f.title,
			f.severity,
			f.details.host_controller_removed,
			f.details.driver_unloaded
		]).toEqual([
			'USB device on port 2-1 disconnected as its host controller was removed',
			'info',
			'sw-ehci.2',
			'rtl8192cu'
		]);
		expect(f.explanation.meaning).not.toContain('Once is a normal unplug');
	});

	it('says a disconnect after a driver unloaded without a controller removed is the unloading’s', async () => {
		const [f] = await usb(
			NOVO7.filter((l) => !l.includes('remove, state')),
			'usb.disconnect'
		);
		expect(f.title).toBe('USB device on port 2-1 disconnected after a USB driver was unloaded');
	});

	it('keeps the generic reset without the driver’s line before it', async () => {
		const [f] = await usb(
			NOVO7.filter((l) => !l.includes('deregistering interface driver')),
			'usb.device-reset'
		);
		expect(f.title).toBe('USB device resets on port 2-1');
	});

	it('keeps a disconnect long after the unloading a disconnect (ms912x reloaded)', async () => {
		const [f, ...rest] = await usb(MS912X_RELOAD, 'usb.disconnect');
		expect(rest).toEqual([]);
		expect([f.title, f.count, f.details.driver_unloaded]).toEqual([
			'USB disconnects on port 1-1',
			2,
			undefined
		]);
	});

	it('says a Thunderbolt controller’s disk went with the controller (X1 Carbon)', async () => {
		const [f] = await usb(X1C_THUNDERBOLT, 'usb.disconnect');
		expect([f.title, f.details.host_controller_removed]).toEqual([
			'USB device on port 4-2 disconnected as its host controller was removed',
			'0000:3b:00.0'
		]);
	});
});
