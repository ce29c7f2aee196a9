// The page can be installed as an app: Chromium finds the web app manifest
// and reports no installability errors once the service worker runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp } from "./harness.mjs";

const site = useSite();

test("Chromium finds the manifest and reports the app installable", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await s.waitUntil(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null || null, {
    what: "the service worker to control the page",
    timeout: 15000,
  }).catch(() => {}); // a first visit may finish before the worker claims the page
  const manifest = await s.cdp("Page.getAppManifest", {});
  assert.match(manifest.url, /\/explorer\/manifest\.webmanifest$/);
  assert.equal(JSON.parse(manifest.data).name, "Article Explorer");
  const { installabilityErrors } = await s.cdp("Page.getInstallabilityErrors", {});
  assert.deepEqual(installabilityErrors, []);
});
