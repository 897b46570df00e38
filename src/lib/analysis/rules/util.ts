/** Small decoders shared by the rules (kept free of regular expressions run per line). */

const ERRNO: Record<number, string> = {
	1: 'EPERM (operation not permitted)',
	2: 'ENOENT (no such file)',
	5: 'EIO (input/output error)',
	11: 'EAGAIN (try again)',
	12: 'ENOMEM (out of memory)',
	13: 'EACCES (permission denied)',
	16: 'EBUSY (device busy)',
	19: 'ENODEV (no such device)',
	22: 'EINVAL (invalid argument)',
	28: 'ENOSPC (no space left)',
	32: 'EPIPE (endpoint stalled)',
	61: 'ENODATA (no data available)',
	62: 'ETIME (timer expired)',
	71: 'EPROTO (protocol error: bad signal, cable or device)',
	75: 'EOVERFLOW (value too large)',
	95: 'EOPNOTSUPP (not supported)',
	108: 'ESHUTDOWN (endpoint shut down)',
	110: 'ETIMEDOUT (timed out: no answer)',
	111: 'ECONNREFUSED (connection refused)',
	112: 'EHOSTDOWN (host is down)',
	113: 'EHOSTUNREACH (no route to host)',
	117: 'EUCLEAN (structure needs cleaning: corruption)',
	121: 'EREMOTEIO (remote I/O error)',
	122: 'EDQUOT (quota exceeded)'
};

/** `-71` -> `EPROTO (protocol error ...)`; unknown codes are returned as given. */
export function errnoName(code: string | number): string {
	const n = Math.abs(Number(code));
	return ERRNO[n] ?? `error ${code}`;
}

/**
 * `-ETIMEDOUT` (the `%pe` of dev_err_probe, `error -ETIMEDOUT: …`) -> `ETIMEDOUT (timed out: no
 * answer)`; unknown names are returned without the sign.
 */
export function errnoSymbolName(symbol: string): string {
	const name = symbol.startsWith('-') ? symbol.slice(1) : symbol;
	for (const text of Object.values(ERRNO)) if (text.startsWith(name + ' ')) return text;
	return name;
}

/** Turn a decoded bit list such as `{ UNC }` / `{ UnrecovData Handshk }` into its words. */
export function bitList(s: string): string[] {
	return s.split(' ').filter((w) => w !== '');
}
