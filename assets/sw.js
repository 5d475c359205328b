// The service worker: keeps the app working with no connection after the
// first visit (src/ui/offline.rs registers it; README, "Sin conexión").
//
// Release builds: .trunk-hooks/csp.mjs replaces the placeholder below with the
// build's file list: `version` (a hash of the list, so every build is a new
// worker), `core` (the page, its CSS, the drafting app, the manifest and the
// icons: the install fails without them) and `extra` (the sections, the PDF
// worker, the fonts: fetched at install too, so "Exportar PDF" works offline,
// but a failure there does not stop the install; they are fetched again when
// first used). Each entry is [address, content hash].
//
// Debug builds (make serve) keep the placeholder: this worker then removes
// itself and its caches and reloads the tabs it controlled, so a worker left
// by a release build on the same address never serves stale files.
//
// What it does (release):
// - install: caches every file under its address in a cache named after the
//   version; a file whose content hash is already in an older cache is copied
//   from there (content-hashed names: only what changed is downloaded); every
//   file fetched is checked against its hash, so a deploy half done is never
//   cached as this version;
// - waits: a new version is never activated on its own (the page asks the
//   person, "Hay una versión nueva de la herramienta", and sends
//   "skip-waiting" once the draft is saved);
// - activate: deletes the caches of other versions, takes control of the tabs;
// - fetch: page addresses (navigations) get the cached index.html (the app has
//   one address per page); the build's files come from the cache; anything
//   else goes to the network untouched. Only GET requests of this origin are
//   answered: nothing of another origin is ever cached.
'use strict';

const PRECACHE = '__PRECACHE_MANIFEST__';
const PREFIX = 'plan-local-ga-';

if (typeof PRECACHE === 'string') {
  // Debug build: remove this worker, its caches, and reload what it controlled.
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX)) await caches.delete(name);
      }
      await self.clients.claim();
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.navigate(client.url).catch(() => {});
      }
    })());
  });
} else {
  const CACHE = PREFIX + PRECACHE.version;
  const SCOPE = new URL(self.registration.scope).pathname;
  const entries = [...PRECACHE.core, ...PRECACHE.extra];
  /** Address path → [address, hash]. */
  const files = new Map(entries.map((e) => [e[0], e]));
  /** The cache key of a file: its address and its hash. */
  const keyOf = ([url, hash]) => `${url}?v=${hash}`;

  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

  /**
   * Fetches a file of this version, checks its hash and stores it; resolves to
   * the response, rejects when it cannot be had or is not this version's.
   */
  async function fetchInto(cache, entry, priority = 'auto') {
    const [url, hash] = entry;
    // First through the HTTP cache (the page has just downloaded most of
    // these); an address without a hash in its name (index.html, the fonts)
    // may hold an older version there, so a mismatch asks the server again.
    let response;
    let body;
    for (const mode of ['default', 'no-cache']) {
      response = await fetch(url, { cache: mode, credentials: 'same-origin', priority });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      body = await response.arrayBuffer();
      const got = hex(await crypto.subtle.digest('SHA-256', body)).slice(0, hash.length);
      if (got === hash) break;
      if (mode === 'no-cache') throw new Error(`${url}: not this version's file`);
    }
    // A fresh response: never a redirected one (a navigation refuses it).
    const headers = new Headers();
    for (const h of ['content-type', 'content-security-policy']) {
      if (response.headers.has(h)) headers.set(h, response.headers.get(h));
    }
    const fresh = new Response(body, { status: 200, headers });
    await cache.put(keyOf(entry), fresh.clone());
    return fresh;
  }

  /** Stores a file from an older version's cache when it is the same, else from the network. */
  async function precache(cache, entry, priority) {
    const old = await caches.match(keyOf(entry));
    if (old) return cache.put(keyOf(entry), old);
    return fetchInto(cache, entry, priority);
  }

  self.addEventListener('install', (event) => {
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(PRECACHE.core.map((e) => precache(cache, e)));
      // Low priority: what the open page asks for meanwhile comes first.
      await Promise.all(PRECACHE.extra.map((e) => precache(cache, e, 'low').catch(() => {})));
    })());
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })());
  });

  self.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') self.skipWaiting();
  });

  /** A file of this version: from the cache, else the network (and then cached). */
  async function fromCache(entry, request) {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(keyOf(entry));
    if (hit) return hit;
    try {
      return await fetchInto(cache, entry);
    } catch {
      return fetch(request);
    }
  }

  /** The last segment of a path has an extension (a file, not a page). */
  const isFile = (path) => /\.[^/]+$/.test(path);

  self.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
    const entry = files.get(url.pathname);
    if (entry) {
      event.respondWith(fromCache(entry, request));
    } else if (request.mode === 'navigate' && !isFile(url.pathname)) {
      event.respondWith(fromCache(files.get(SCOPE), request));
    }
  });
}
