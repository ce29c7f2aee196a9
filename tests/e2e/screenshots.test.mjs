// Screenshots of the real release build for the README: desktop light and
// dark with the sample article and one actor selected, and a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, openApp, root, consoleErrors } from "./harness.mjs";

const site = useSite();
const outDir = path.join(root, "docs/screenshots");

async function selectFirstActor(s) {
  const actor = await s.find('[data-testid="actor-item"]');
  await s.click(actor);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').dataset.selected !== undefined, {
    what: "an actor to be selected",
  });
}

async function shoot(name, { scheme = "light", width = 1440, height = 1000, phone = false } = {}) {
  const s = await site.open({ width, height });
  await s.cdp("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: scheme }] });
  if (phone) {
    await s.cdp("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 2, mobile: true });
  }
  await openApp(s, site.url);
  if (!phone) await selectFirstActor(s);
  await s.exec(() => window.scrollTo(0, 0));
  const background = await s.exec(() => getComputedStyle(document.body).backgroundColor);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  fs.writeFileSync(file, await s.screenshot());
  assert.deepEqual(await consoleErrors(s), []);
  return { file, background };
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("light, dark and phone screenshots of the sample article", async () => {
  const light = await shoot("light");
  const dark = await shoot("dark", { scheme: "dark" });
  const phone = await shoot("phone", { width: 390, height: 844, phone: true });
  assert.ok(luminance(light.background) > 200, `light background ${light.background}`);
  assert.ok(luminance(dark.background) < 60, `dark background ${dark.background}`);
  for (const { file } of [light, dark, phone]) {
    assert.ok(fs.statSync(file).size > 20_000, `${file} looks empty`);
  }
});
