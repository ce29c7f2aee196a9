// The Content-Security-Policy: strict, enforced, and the page runs under it
// with no violation (Trunk's inline loader is allowed by the hash that
// scripts/csp-hashes adds on every build).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp, pasteArticle, waitAnalysed, consoleErrors } from "./harness.mjs";
import { trappedSession, caught } from "./hostile.mjs";

const site = useSite();

function policyOf(s) {
  return s.exec(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || null);
}

test("the built page carries a strict policy", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const policy = await policyOf(s);
  assert.ok(policy, "a CSP meta tag");
  const directives = Object.fromEntries(
    policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name, v]),
  );
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.deepEqual(directives["style-src"], ["'self'"]);
  assert.deepEqual(directives["object-src"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'none'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.deepEqual(directives["connect-src"], ["'self'"]);
  assert.deepEqual(directives["img-src"], ["'self'", "data:"]);
  const script = directives["script-src"];
  assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  const rest = script.slice(2);
  assert.ok(rest.length >= 1 && rest.every((h) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(h)), `only hashes besides: ${rest}`);
  assert.ok(!/unsafe-inline|unsafe-eval'|strict-dynamic|\*/.test(policy.replace("'wasm-unsafe-eval'", "")), policy);
  // Every inline script in the page is one the policy names.
  const inline = await s.exec(() => [...document.querySelectorAll("script:not([src])")].map((el) => el.textContent));
  assert.ok(inline.length >= 1, "Trunk's loader is inline");
  const { createHash } = await import("node:crypto");
  for (const body of inline) {
    const hash = `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
    assert.ok(rest.includes(hash), `the loader's hash ${hash} is allowed`);
  }
});

test("the app loads and works with no CSP violation", async () => {
  const s = await trappedSession(site);
  await openApp(s, site.url);
  // Work the page: tooltip (positioned through the CSSOM), selection,
  // layers, a pasted article drawn in chunks, the share bar.
  await s.exec(() => {
    const m = document.querySelector('[data-testid="article-view"] .hl--actor');
    m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    m.click();
  });
  for (const id of ["toggle-actors", "toggle-quotes", "toggle-lists"]) {
    await s.click(await s.find(`[data-testid="${id}"]`));
    await s.click(await s.find(`[data-testid="${id}"]`));
  }
  const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: President Jane Doe said \u201cstep ${i}\u201d in Berlin.`).join("\n\n");
  await pasteArticle(s, long);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.includes("Paragraph 399"), {
    what: "the long article", timeout: 30000,
  });
  await waitAnalysed(s);
  if ((await s.findAll('[data-testid="copy-link"]')).length) {
    await s.click(await s.find('[data-testid="copy-link"]'));
    await s.waitUntil(() => document.querySelector('[data-testid="share-message"]').textContent.trim(), { what: "the share message" });
  }
  const got = await caught(s);
  assert.deepEqual(got.csp, [], "securitypolicyviolation events");
  const logs = await s.logs();
  const csp = logs.filter((l) => /Content.Security.Policy|Refused to/i.test(l.message)).map((l) => l.message);
  assert.deepEqual(csp, [], "CSP messages in the console");
  assert.deepEqual(logs.filter((l) => l.level === "SEVERE").map((l) => l.message), []);
});

// (eval is not tried here: WebDriver's own scripts are exempt from the
// policy's eval rule, so the first test checks there is no 'unsafe-eval'.)
test("the policy is enforced: an injected inline script and an off-site image are refused", async () => {
  const s = await trappedSession(site);
  await openApp(s, site.url);
  const result = await s.exec(() => {
    const el = document.createElement("script");
    el.textContent = "window.__inlineRan = true";
    document.body.appendChild(el);
    const img = document.createElement("img");
    img.src = "https://example.invalid/x.png";
    document.body.appendChild(img);
    return { inline: window.__inlineRan === true };
  });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(result, { inline: false });
  const got = await caught(s);
  assert.ok(got.csp.some((v) => /^script-src/.test(v)), `inline script refused: ${got.csp}`);
  assert.ok(got.csp.some((v) => /^img-src/.test(v)), `off-site image refused: ${got.csp}`);
  await s.exec(() => document.querySelectorAll("body > script:not([src]), body > img").forEach((el) => el.remove()));
  await consoleErrors(s);
});
