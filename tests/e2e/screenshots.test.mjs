// Screenshots of the real release build for the README, light and dark,
// taken with the sample article and one actor selected.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, openApp, root, consoleErrors } from "./harness.mjs";

const site = useSite();
const outDir = path.join(root, "docs/screenshots");

async function shoot(scheme) {
  const s = await site.open({ width: 1440, height: 1000 });
  await s.cdp("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: scheme }] });
  await openApp(s, site.url);
  const actor = await s.find('[data-testid="actor-item"]');
  await s.click(actor);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').dataset.selected !== undefined, {
    what: "an actor to be selected",
  });
  await s.exec(() => window.scrollTo(0, 0));
  const background = await s.exec(() => getComputedStyle(document.body).backgroundColor);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${scheme}.png`);
  fs.writeFileSync(file, await s.screenshot());
  assert.deepEqual(await consoleErrors(s), []);
  return { file, background };
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("light and dark screenshots of the sample article", async () => {
  const light = await shoot("light");
  const dark = await shoot("dark");
  assert.ok(luminance(light.background) > 200, `light background ${light.background}`);
  assert.ok(luminance(dark.background) < 60, `dark background ${dark.background}`);
  for (const { file } of [light, dark]) {
    assert.ok(fs.statSync(file).size > 20_000, `${file} looks empty`);
  }
});
