// Runs in static/llm-bridge.html, a frame the page creates only after the user agrees to ask a
// local model. It accepts requests from its parent page (same origin only), sends them to a
// loopback URL (its CSP refuses any other) and posts the answer back.
(function () {
	function isLoopback(url) {
		try {
			var u = new URL(url);
			var h = u.hostname.toLowerCase();
			return (
				(u.protocol === 'http:' || u.protocol === 'https:') &&
				(h === 'localhost' || h === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(h))
			);
		} catch {
			return false;
		}
	}
	window.addEventListener('message', function (event) {
		if (event.origin !== window.location.origin || event.source !== window.parent) return;
		var msg = event.data || {};
		if (msg.type !== 'necroscope-llm' || typeof msg.id !== 'string') return;
		function reply(payload) {
			window.parent.postMessage(
				Object.assign({ type: 'necroscope-llm-reply', id: msg.id }, payload),
				window.location.origin
			);
		}
		if (!isLoopback(msg.url)) {
			reply({
				ok: false,
				error: 'Only loopback addresses (127.0.0.1, localhost, [::1]) are allowed.'
			});
			return;
		}
		fetch(msg.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(msg.body),
			credentials: 'omit',
			referrerPolicy: 'no-referrer'
		})
			.then(function (res) {
				return res.text().then(function (text) {
					var body;
					try {
						body = JSON.parse(text);
					} catch {
						body = { error: 'HTTP ' + res.status + ': ' + text.slice(0, 200) };
					}
					reply({ ok: true, status: res.status, body: body });
				});
			})
			.catch(function (e) {
				reply({
					ok: false,
					error:
						'No answer from ' +
						msg.url +
						' (' +
						e.message +
						'). Is the model server running, and does it allow this page (CORS)?'
				});
			});
	});
	window.parent.postMessage({ type: 'necroscope-llm-ready' }, window.location.origin);
})();
