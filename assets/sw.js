// Service worker: makes the app work offline after the first visit.
//
// Pages are fetched network-first, so a new release is picked up as soon as
// the network answers; the build's assets carry content hashes in their
// names, so they are served cache-first. Only same-origin GET requests are
// handled; the article itself never leaves the page (it lives in the URL
// fragment and in localStorage, neither of which is sent to a server).
const CACHE = "article-explorer";

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

// The page and every asset it names, so the first visit is enough to work
// offline (that visit loaded its assets before this worker was there).
async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch("./", { cache: "no-cache" });
  if (!response.ok) return;
  await cache.put("./", response.clone());
  const html = await response.text();
  const names = new Set();
  for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*["']\.?\/?([\w.-]+\.(?:js|wasm|css|svg|webmanifest))["']/g)) {
    names.add(new URL(m[1], self.registration.scope).href);
  }
  await Promise.all([...names].map((url) => cache.add(url).catch(() => {})));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // One page entry: the newest release replaces the cached one.
      await cache.put("./", response.clone());
      await pruneAssets(cache, await response.clone().text());
    }
    return response;
  } catch (err) {
    const cached = await cache.match("./");
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// Drops cached assets that the current page no longer names, so old
// releases do not pile up.
async function pruneAssets(cache, html) {
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    const name = url.pathname.split("/").pop();
    if (!name || url.pathname.endsWith("/")) continue;
    if (name === "sw.js" || name === "manifest.webmanifest") continue;
    if (!html.includes(name)) await cache.delete(request);
  }
}
