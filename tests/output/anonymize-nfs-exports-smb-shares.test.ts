import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { Anonymizer } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

// NFS export paths and SMB share names name users, teams and companies: they are replaced by
// `share` placeholders (a folder after home/homes/Users by a user's), the file server by a host's;
// the folders every server has (`/export`, `/srv`, `/home`, `public` …) are kept. No corpus log
// mounts a named export or share (the corpus's one NFS server is an address): the names are made up.
describe('NFS exports and SMB shares', () => {
	it("replaces an NFS export's folders and its server, keeping generic folders", () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'mount.nfs: access denied by server while mounting fileserver:/export/projects/acme-merger'
			)
		).toBe('mount.nfs: access denied by server while mounting <host-1>:/export/projects/<share-1>');
		// a home export's folder is a user, the same placeholder as a /home/<user> path
		expect(a.text('mount.nfs: mounting fileserver:/export/home/alice failed, reason given')).toBe(
			'mount.nfs: mounting <host-1>:/export/home/<user-1> failed, reason given'
		);
		expect(a.text('open /home/alice/notes.txt')).toBe('open /home/<user-1>/notes.txt');
		// generic paths stay, numbers and volumes of a NAS too; an address is the ipv4 pass's
		expect(
			a.text(
				'Kernel command line: root=/dev/nfs nfsroot=192.0.2.10:/srv/nfs/volume1,vers=3 ip=dhcp'
			)
		).toBe('Kernel command line: root=/dev/nfs nfsroot=<ipv4-1>:/srv/nfs/volume1,vers=3 ip=dhcp');
		expect(a.text('NFS: mounting filer2:/ failed')).toBe('NFS: mounting <host-2>:/ failed');
		expect(a.text('NFS: mounting filer2:/export/Acme-Merger/2024 failed')).toBe(
			'NFS: mounting <host-2>:/export/<share-1>/2024 failed'
		);
		expect(a.replaced).toEqual({ host: 2, user: 1, ipv4: 1, share: 1 });
	});

	it('replaces SMB share names and the folders under them, in UNC and URL form', () => {
		const a = new Anonymizer();
		expect(a.text('CIFS: Attempting to mount //nasbox/finance-team/budgets')).toBe(
			'CIFS: Attempting to mount //<host-1>/<share-1>/<share-2>'
		);
		// fs/smb/client's `\\server\share` with the same share, compared case-insensitively
		expect(
			a.text('CIFS: VFS: \\\\nasbox\\Finance-Team BAD_NETWORK_NAME: \\\\nasbox\\Finance-Team')
		).toBe('CIFS: VFS: \\\\<host-1>\\<share-1> BAD_NETWORK_NAME: \\\\<host-1>\\<share-1>');
		// Samba's home shares, Windows's administrative shares, gvfs's smb:// URLs
		expect(a.text('CIFS: Attempting to mount \\\\nasbox\\homes\\bob')).toBe(
			'CIFS: Attempting to mount \\\\<host-1>\\homes\\<user-1>'
		);
		expect(a.text('CIFS: VFS: \\\\winbox\\C$ Send error in SessSetup = -13')).toBe(
			'CIFS: VFS: \\\\<host-2>\\C$ Send error in SessSetup = -13'
		);
		expect(a.text('gvfsd-smb: cannot open smb://nasbox/public/acme')).toBe(
			'gvfsd-smb: cannot open smb://<host-1>/public/<share-3>'
		);
		expect(a.replaced).toEqual({ host: 2, user: 1, share: 3 });
	});

	it("gives a folder named as a learned user or host that name's placeholder", () => {
		const a = new Anonymizer({ hosts: ['wombat-desk'], users: ['alice'] });
		expect(a.text('nfsroot=192.0.2.10:/export/alice (alice@wombat-desk) /srv/wombat-desk')).toBe(
			'nfsroot=<ipv4-1>:/export/<user-1> (<user-1>@<host-1>) /srv/<host-1>'
		);
		expect(a.text('NFS: mounting filer:/export/wombat-desk failed')).toBe(
			'NFS: mounting <host-2>:/export/<host-1> failed'
		);
	});

	it('leaves paths that are no export or share alone', () => {
		const a = new Anonymizer();
		for (const t of [
			// the rules' own advice: placeholders the report writes, not log text
			'Test the credentials and the share with `smbclient //<server>/<share> -U <user>`.',
			// URLs, and `name:/path` in lines that name neither NFS nor SMB
			'Jan 06 14:17:31 host1 systemd[1]: Starting NFS server and services... see https://nfs.sourceforge.net/',
			'init: Unmounting /dev/block/bootdevice/by-name/userdata:/data/user/0 opts rw,lazytime',
			'CIFS: VFS: cifs_mount failed w/return code = -13',
			'[    1.000000] NFS: Registering the id_resolver key type'
		])
			expect(a.text(t)).toBe(t);
		expect(a.replaced).toEqual({});
	});

	it('replaces the export in the report, the kernel command line included', async () => {
		const log = [
			'[    0.000000] Kernel command line: root=/dev/nfs nfsroot=labfiler:/export/acme-lab/root,vers=3 ip=dhcp',
			'[  100.000000] nfs: server labfiler not responding, still trying',
			'[  160.000000] nfs: server labfiler OK'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true });
		expect(r.metadata.command_line).toBe(
			'root=/dev/nfs nfsroot=<host-1>:/export/<share-1>/root,vers=3 ip=dhcp'
		);
		for (const out of [formatJson(r), formatText(r)]) {
			expect(out).not.toContain('acme-lab');
			expect(out).not.toContain('labfiler');
		}
		expect(r.input.anonymization.replaced).toMatchObject({ host: 1, share: 1 });
		// without --anonymize nothing changes
		const plain = await analyzeText(log);
		expect(plain.metadata.command_line).toContain('labfiler:/export/acme-lab/root');
	});
});
