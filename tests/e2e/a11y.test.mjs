// Accessibility: axe-core (installed into .tools/ by `scripts/setup --test`)
// checks the release build for serious and critical violations on the
// sample, with an actor selected, in dark mode and on a phone. Its script
// goes in through WebDriver, which the page's Content-Security-Policy does
// not govern; the page itself stays as strict as it ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, openApp, root, consoleErrors } from "./harness.mjs";

const site = useSite();
const AXE = path.join(root, ".tools/node_modules/axe-core/axe.min.js");

/** Serious and critical violations on the page as it is now. */
async function violations(s) {
  if (!fs.existsSync(AXE)) throw new Error(`${AXE} is missing: run scripts/setup --test`);
  const source = fs.readFileSync(AXE, "utf8");
  await s.exec(`${source}\nreturn typeof window.axe;`);
  const found = await s.exec(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
      })),
    ),
  );
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function selectFirstActor(s) {
  const chip = await s.find('[data-testid="actor-item"]');
  await s.click(chip);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').dataset.selected !== undefined, {
    what: "an actor to be selected",
  });
}

test("no serious or critical violations on the sample", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  assert.deepEqual(await violations(s), []);
  assert.deepEqual(await consoleErrors(s), []);
});

test("no serious or critical violations with an actor selected", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await selectFirstActor(s);
  assert.deepEqual(await violations(s), []);
});

test("no serious or critical violations in dark mode", async () => {
  const s = await site.open();
  await s.cdp("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: "dark" }] });
  await openApp(s, site.url);
  await selectFirstActor(s);
  assert.deepEqual(await violations(s), []);
});

test("no serious or critical violations on a phone, with the actors sheet open", async () => {
  const s = await site.open({ width: 390, height: 844 });
  await s.cdp("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 1, mobile: true });
  await openApp(s, site.url);
  assert.deepEqual(await violations(s), []);
  await s.click(await s.find('[data-testid="pane-actors"]'));
  await s.waitUntil(() => document.querySelector("#explore[data-pane]"), { what: "the sheet" });
  assert.deepEqual(await violations(s), []);
});
