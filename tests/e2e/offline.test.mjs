// Offline: after the first visit the service worker has the page and its
// assets, so a reload with the network (and the server) gone still shows
// the app; a new release reaches the reader while online (network-first).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useSite, openApp, pasteArticle, waitAnalysed, root, MOUNT } from "./harness.mjs";
import { startStaticServer } from "./webdriver.mjs";

const site = useSite();

test("after one visit the app reloads offline, and a new release replaces the cached one", async () => {
  // A copy of the site that this test can change and take down.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explorer-release-"));
  fs.cpSync(path.join(root, "dist"), dir, { recursive: true });
  const server = await startStaticServer(dir, MOUNT);
  try {
    const s = await site.open();
    await openApp(s, server.url);
    const scope = await s.waitUntil(
      () =>
        navigator.serviceWorker.ready.then(async (reg) => {
          const cache = await caches.open("article-explorer");
          const urls = (await cache.keys()).map((r) => r.url);
          return urls.some((u) => u.endsWith(".wasm")) && navigator.serviceWorker.controller ? reg.scope : null;
        }),
      { what: "the service worker to take over with the assets cached", timeout: 20000 },
    );
    assert.equal(scope, server.url, "the worker is scoped to the app's sub-path");

    // A new release, picked up on the next online load.
    const index = path.join(dir, "index.html");
    fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace("<title>", '<meta name="release" content="2" /><title>'));
    await s.refresh();
    await waitAnalysed(s);
    assert.equal(await s.exec(() => document.querySelector('meta[name="release"]')?.content ?? null), "2");

    // The network goes away: the server stops and the browser is offline.
    server.stop();
    await s.cdp("Network.enable");
    await s.cdp("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await s.refresh();
    await waitAnalysed(s);
    const page = await s.exec(() => ({
      release: document.querySelector('meta[name="release"]')?.content ?? null,
      actors: document.querySelectorAll('[data-testid="article-view"] .hl--actor').length,
    }));
    assert.equal(page.release, "2", "the cached page is the newest release");
    assert.ok(page.actors > 0, "the article is analysed offline");
    await pasteArticle(s, "Offline Test\nMayor Jane Porter said the bridge would reopen.");
    await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.startsWith("Offline Test"), {
      what: "analysis while offline",
    });
    await waitAnalysed(s);
  } finally {
    server.stop();
  }
});
