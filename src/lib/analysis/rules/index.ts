/**
 * The only list of line rules, ordered specific -> generic (the first rule whose pattern matches
 * a message wins). Crash reports (multi-line) are handled by analysis/crash from ingestion's
 * error blocks, not here.
 */
import { BENIGN } from './benign.ts';
import { probeFailed } from './driver-probe.ts';
import {
	acpiBiosError,
	acpiModuleLevelSkipped,
	acpiDeviceNotPresentEnabled,
	bcmBluetoothPatchMissing,
	acpiError,
	amdCcpInaccessible,
	brcmfmacNvramMissing,
	dmarBroken,
	efiRuntimeDisabled,
	firmwareBug,
	firmwareLoad,
	firmwareStall,
	iommuInvalidationTimeout,
	iommuFault,
	iommuTimeout,
	irqRemapErratum,
	microcodeFailed,
	microcodeMissing,
	mtrrBadMask,
	remoteprocFirmwareMissing,
	thermalCriticalInvalid,
	acpiPssInvalid,
	thermalZoneNoTrip,
	zenbleedWorkaround
} from './firmware.ts';
import {
	acpiDsmBufferArgument,
	acpiVideoDuplicate,
	tpmCrbAcpiLayout,
	tpmDisabled,
	tpmInterruptPolling
} from './firmware-notices.ts';
import {
	btrfsError,
	ext4Error,
	f2fsError,
	fatError,
	fsckNeeded,
	journalAbort,
	remountRo,
	xfsError
} from './filesystem.ts';
import {
	adrenoGmuStopFailed,
	amdgpuIllegalCommand,
	amdgpuPageFault,
	amdgpuReset,
	amdgpuSmuTimeout,
	amdgpuTimeout,
	drmCommitTimeout,
	drmDriverError,
	fifoUnderrun,
	gpuInitFailed,
	i915EdpDisabled,
	i915Hang,
	i915Reset,
	nouveauError,
	nvidiaInitFailed,
	nvidiaMismatch,
	nvidiaNoGpu,
	nvidiaXid,
	vmwgfxForeignHypervisor,
	videoEngineFailed
} from './gpu.ts';
import {
	cmciStorm,
	edac,
	ghes,
	mceBank,
	mceDecoded,
	mceLogged,
	ppcMachineCheck
} from './hardware-mce.ts';
import {
	bluetoothTimeout,
	clocksourceUnstable,
	cpuFeatureMismatch,
	irqFlagsMismatch,
	irqNobodyCared,
	memoryFailure,
	tpmError,
	tsensCalibrationFailed,
	undervoltage,
	unknownNmi
} from './hardware-misc.ts';
import {
	pciBarUnassigned,
	pciEeh,
	pciEehDisabled,
	pciInaccessible,
	pcieAer,
	pcieAerBit,
	pcieDpc
} from './hardware-pcie.ts';
import { thermalCritical, thermalThrottle } from './hardware-thermal.ts';
import { oomKill, oomKillerInvoked, pageAllocFailure, processReaped } from './memory-oom.ts';
import { earlyoomKill, lmkKill, nohangKill, oomdKill } from './memory-userspace-oom.ts';
import {
	linkDown,
	netdevWatchdog,
	nfsNotResponding,
	nicHang,
	nicUlp,
	mlx5Health,
	nicMdd,
	nicLost,
	qcacldConnectFailed,
	r8169ChipTimeout,
	realtekFlushTimeout,
	sdioWifiSilent,
	wifiAssocTimeout,
	wifiAuthAbandoned,
	wifiChipStalled,
	wifiConnectionLost,
	wifiFirmwareCrash
} from './network.ts';
import {
	bondLinkDown,
	conntrackFull,
	martianPacket,
	neighbourOverflow,
	synFlood,
	tcpMemory
} from './network-stack.ts';
import { smbMountFailed, smbNotResponding } from './network-smb.ts';
import { suspendFailed, uncleanShutdown, watchdogReset } from './power.ts';
import {
	apparmorDenied,
	auditLost,
	lockdown,
	seccompKill,
	selinuxDenied,
	wxMappings
} from './security.ts';
import { ataDeviceError, ataException, ataLink, ataSerror } from './storage-ata.ts';
import { blockIoError, bufferIoError, gptPrimaryInvalid, swapIoError } from './storage-io-error.ts';
import { cryptSetupFailed, thinPool, verityCorrupted } from './storage-dm.ts';
import { floppyTimeout } from './storage-floppy.ts';
import { iscsiConnection } from './storage-iscsi.ts';
import { mdFailure, multipathFailed } from './storage-md.ts';
import { nvmeApstFailed, nvmeDown, nvmeIoError, nvmeTimeout } from './storage-nvme.ts';
import { scsiFailurePrediction, scsiOffline, scsiSense, scsiTimeout } from './storage-scsi.ts';
import type { BenignRule, LineRule } from './types.ts';
import {
	initramfsUnpackFailed,
	kernelOptionIgnored,
	moduleLoadFailed,
	chrdevNumbersTaken,
	nohzSoftirqPending,
	rtThrottling,
	splitLock,
	uncheckedMsrAccess
} from './kernel-misc.ts';
import { workqueueCpuHog } from './kernel-workqueue.ts';
import {
	hdaCodecTimeout,
	sofFirmwareFailed,
	sofHdaDigitalMissing,
	soundCardFailed,
	soundTopologyFailed
} from './sound.ts';
import {
	uasAbort,
	ucsiCcgFailed,
	ucsiFailed,
	usbDisconnect,
	usbEnumeration,
	usbOverCurrent,
	usbPortDisabledEmi,
	usbReset,
	xhciDied,
	xhciResumeReinit
} from './usb.ts';
import { armUserFault, segfault } from './userspace-segfault.ts';
import { NOTICES } from './notices.ts';
import { KNOWN_NOTICES } from './notices-known.ts';
import {
	kvmCpuUnsupported,
	vboxVersionMismatch,
	virtualizationDisabled
} from './virtual-machine.ts';

export const LINE_RULES: readonly LineRule[] = [
	// routine lines that the rules below would report (a missing optional firmware file, a
	// `[Firmware Bug]` the kernel works around): info findings that say so, before those rules
	...KNOWN_NOTICES,
	// memory
	oomKill,
	oomKillerInvoked,
	processReaped,
	oomdKill,
	earlyoomKill,
	nohangKill,
	lmkKill,
	pageAllocFailure,
	// hardware
	mceBank,
	mceLogged,
	mceDecoded,
	cmciStorm,
	ppcMachineCheck,
	ghes,
	edac,
	memoryFailure,
	unknownNmi,
	pcieAer,
	pcieAerBit,
	pcieDpc,
	pciInaccessible,
	pciEeh,
	pciEehDisabled,
	pciBarUnassigned,
	thermalThrottle,
	thermalCritical,
	irqNobodyCared,
	irqFlagsMismatch,
	clocksourceUnstable,
	cpuFeatureMismatch,
	undervoltage,
	soundTopologyFailed,
	soundCardFailed,
	sofFirmwareFailed,
	sofHdaDigitalMissing,
	hdaCodecTimeout,
	bluetoothTimeout,
	tpmError,
	probeFailed,
	tsensCalibrationFailed,
	// storage
	nvmeTimeout,
	nvmeDown,
	nvmeIoError,
	nvmeApstFailed,
	ataException,
	ataDeviceError,
	ataSerror,
	ataLink,
	scsiFailurePrediction,
	scsiSense,
	scsiTimeout,
	scsiOffline,
	iscsiConnection,
	blockIoError,
	bufferIoError,
	swapIoError,
	gptPrimaryInvalid,
	mdFailure,
	multipathFailed,
	thinPool,
	verityCorrupted,
	cryptSetupFailed,
	floppyTimeout,
	// filesystem (journal abort and read-only before the generic error rules)
	journalAbort,
	remountRo,
	ext4Error,
	fsckNeeded,
	xfsError,
	btrfsError,
	f2fsError,
	fatError,
	// gpu
	i915EdpDisabled,
	i915Hang,
	i915Reset,
	amdgpuTimeout,
	amdgpuReset,
	amdgpuIllegalCommand,
	amdgpuPageFault,
	amdgpuSmuTimeout,
	nvidiaXid,
	nvidiaMismatch,
	nvidiaInitFailed,
	nvidiaNoGpu,
	nouveauError,
	drmCommitTimeout,
	fifoUnderrun,
	videoEngineFailed,
	adrenoGmuStopFailed,
	gpuInitFailed,
	vmwgfxForeignHypervisor,
	drmDriverError,
	// usb
	xhciDied,
	xhciResumeReinit,
	ucsiFailed,
	ucsiCcgFailed,
	usbOverCurrent,
	usbEnumeration,
	usbPortDisabledEmi,
	uasAbort,
	usbReset,
	usbDisconnect,
	// network
	netdevWatchdog,
	nicLost,
	nicHang,
	nicUlp,
	mlx5Health,
	nicMdd,
	wifiFirmwareCrash,
	sdioWifiSilent,
	wifiChipStalled,
	r8169ChipTimeout,
	realtekFlushTimeout,
	linkDown,
	nfsNotResponding,
	smbNotResponding,
	smbMountFailed,
	wifiAssocTimeout,
	wifiAuthAbandoned,
	qcacldConnectFailed,
	wifiConnectionLost,
	conntrackFull,
	synFlood,
	tcpMemory,
	neighbourOverflow,
	bondLinkDown,
	martianPacket,
	// firmware
	brcmfmacNvramMissing,
	bcmBluetoothPatchMissing,
	remoteprocFirmwareMissing,
	firmwareLoad,
	firmwareStall,
	acpiBiosError,
	acpiModuleLevelSkipped,
	acpiError,
	efiRuntimeDisabled,
	dmarBroken,
	irqRemapErratum,
	mtrrBadMask,
	thermalZoneNoTrip,
	thermalCriticalInvalid,
	acpiPssInvalid,
	acpiDeviceNotPresentEnabled,
	amdCcpInaccessible,
	tpmCrbAcpiLayout,
	tpmInterruptPolling,
	tpmDisabled,
	acpiVideoDuplicate,
	acpiDsmBufferArgument,
	firmwareBug,
	microcodeMissing,
	zenbleedWorkaround,
	microcodeFailed,
	virtualizationDisabled,
	kvmCpuUnsupported,
	iommuInvalidationTimeout,
	iommuFault,
	iommuTimeout,
	// power
	suspendFailed,
	watchdogReset,
	uncleanShutdown,
	// security
	apparmorDenied,
	selinuxDenied,
	lockdown,
	auditLost,
	seccompKill,
	wxMappings,
	// userspace
	segfault,
	armUserFault,
	// kernel (other)
	moduleLoadFailed,
	chrdevNumbersTaken,
	vboxVersionMismatch,
	nohzSoftirqPending,
	initramfsUnpackFailed,
	kernelOptionIgnored,
	uncheckedMsrAccess,
	splitLock,
	rtThrottling,
	workqueueCpuHog,
	// alarming-looking lines that are routine: info findings that say so (notices.ts)
	...NOTICES
];

export const BENIGN_RULES: readonly BenignRule[] = BENIGN;

export { DEVICE_LINKS } from './device-links.ts';
export type { LineRule, BenignRule, DeviceLink } from './types.ts';
