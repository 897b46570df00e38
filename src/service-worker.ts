/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Makes the site work offline after the first visit: every file of the build is cached at
// install and served from the cache; nothing is ever fetched from another origin.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `necroscope-${version}`;
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const hit = await cache.match(req, { ignoreSearch: true });
			if (hit) return hit;
			try {
				const res = await fetch(req);
				if (res.ok && res.type === 'basic') await cache.put(req, res.clone());
				return res;
			} catch (e) {
				// offline and not cached: the page itself falls back to the cached index
				const index = await cache.match(new URL('./', sw.registration.scope).href);
				if (index && req.mode === 'navigate') return index;
				throw e;
			}
		})()
	);
});
