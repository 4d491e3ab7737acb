// The service worker: after one visit the app opens and works with no network. The build
// (scripts/precache.mjs) writes it into dist/ with its precache list on the `PRECACHE` line.
//
// - It caches exactly the files the app is made of (the list), when it installs, and nothing
//   else: never another origin's, never what some other page in its folder fetches.
// - It answers only the app's own page (index.html, with any query) and that page's requests
//   for those files, from the cache; everything else goes to the network untouched.
// - Embeds (`?embed=…`) are left to the network unless they opt in with `&offline=1`.
// - A new build is a new list, so a new worker: it installs beside the running one, the page
//   offers "reload", and it takes over when asked or when the app's tabs are all closed.
const PRECACHE = { build: 'unbuilt', index: 'index.html', files: [], hashed: [] };

const SCOPE = new URL(self.registration.scope);
// CacheStorage is shared by the whole origin: each copy of the app names its caches by folder.
const PREFIX = `csp-explorer ${SCOPE.href} `;
const CACHE = PREFIX + PRECACHE.build;
const INDEX = new URL(PRECACHE.index, SCOPE).href;
const FILES = new Set(PRECACHE.files.map((f) => new URL(f, SCOPE).href));
const HASHED = new Set(PRECACHE.hashed.map((f) => new URL(f, SCOPE).href));

function isAppPage(url) {
  return url.origin === SCOPE.origin && (url.pathname === SCOPE.pathname || url.href.split(/[?#]/)[0] === INDEX);
}

function isServed(url) {
  const params = url.searchParams;
  return isAppPage(url) && (!params.has('embed') || params.get('offline') === '1');
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        [...FILES].map(async (url) => {
          // Hashed names never change content, so the HTTP cache may answer for them; the
          // others are checked with the server.
          let res = await fetch(url, { cache: HASHED.has(url) ? 'default' : 'no-cache' });
          if (!res.ok) throw new Error(`precache: ${url}: HTTP ${res.status}`);
          if (url === INDEX) {
            // A site half-way through an upload could give another build's page: refuse it
            // (the worker then stays out, and the next visit tries again).
            const html = await res.clone().text();
            const missing = PRECACHE.hashed.find((name) => !html.includes(name.split('/').pop()));
            if (missing) throw new Error(`precache: index.html is not this build's (no ${missing})`);
            // Some hosts redirect index.html to its folder; a page answered with a redirected
            // response would not open, so keep the page alone.
            if (res.redirected) res = new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
          }
          await cache.put(url, res);
        }),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

async function fromCache(key, request) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (request.mode === 'navigate') {
    if (isServed(url)) event.respondWith(fromCache(INDEX, request));
    return;
  }
  const key = url.href.split(/[?#]/)[0];
  if (!FILES.has(key)) return;
  event.respondWith(
    (async () => {
      // Only the app's own page is served from the cache, not another page or an embed that
      // happens to load one of the same files.
      const client = event.clientId ? await self.clients.get(event.clientId) : null;
      if (client && !isServed(new URL(client.url))) return fetch(request);
      return fromCache(key, request);
    })(),
  );
});
