// Shared set-up for the end-to-end tests: the release build in dist/,
// served by a real static file server under a sub-path, and driven in a
// real headless Chromium.
import { before, after } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, startStaticServer, Session } from "./webdriver.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const artifacts = path.join(here, "artifacts");
export const MOUNT = "explorer";

/** Registers before/after hooks; returns an object filled in by `before`. */
export function useSite() {
  const site = {};
  before(async () => {
    const dist = path.join(root, "dist");
    if (!fs.existsSync(path.join(dist, "index.html"))) {
      throw new Error("dist/ is missing: run `trunk build --release --public-url ./` first (scripts/test does)");
    }
    fs.mkdirSync(artifacts, { recursive: true });
    site.server = await startStaticServer(dist, MOUNT);
    site.driver = await startDriver();
    site.url = site.server.url;
    site.open = async (opts) => {
      const s = await Session.open(site.driver.url, opts);
      (site.sessions ||= []).push(s);
      return s;
    };
  });
  after(async () => {
    for (const s of site.sessions || []) await s.close().catch(() => {});
    site.driver?.stop();
    site.server?.stop();
  });
  return site;
}

/** Loads the app and waits until the analysis is on screen. */
export async function openApp(s, url) {
  await s.get(url);
  await waitAnalysed(s);
}

export function waitAnalysed(s) {
  return s.waitUntil(
    () => {
      const st = document.querySelector('[data-testid="status"]');
      return st && /actor/.test(st.textContent) && !/Analys/i.test(st.textContent) ? st.textContent : null;
    },
    { what: "the analysis status", timeout: 20000 },
  );
}

/** Replaces the text area's content the way a paste does (real input events). */
export async function pasteArticle(s, text) {
  const input = await s.find('[data-testid="article-input"]');
  await s.click(input);
  await s.exec(() => {
    const t = document.querySelector('[data-testid="article-input"]');
    t.focus();
    t.select();
  });
  await s.cdp("Input.insertText", { text });
}

/** Pastes `text` and waits until its first line is drawn and analysed. */
export async function showArticle(s, text) {
  await pasteArticle(s, text);
  await s.waitUntil((t) => document.querySelector('[data-testid="article-view"]').textContent.startsWith(t.split("\n")[0]), {
    args: [text],
    what: "the article to render",
  });
  await waitAnalysed(s);
}

/** Console errors (level SEVERE) since the last call. */
export async function consoleErrors(s) {
  const logs = await s.logs();
  return logs.filter((l) => l.level === "SEVERE").map((l) => l.message);
}

export async function saveScreenshot(s, name) {
  const file = path.join(artifacts, name);
  fs.writeFileSync(file, await s.screenshot());
  return file;
}

export function readSample() {
  return fs.readFileSync(path.join(root, "assets/sample.txt"), "utf8");
}
