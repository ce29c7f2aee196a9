// The foundation: the release build loads under a sub-path with no console
// errors, shows the highlighted sample, and follows a pasted article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp, pasteArticle, consoleErrors, waitAnalysed } from "./harness.mjs";

const site = useSite();

const OTHER_ARTICLE = [
  "Merkel and Macron Meet in Berlin",
  "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
  "\u201cWe stand together,\u201d Merkel said after the talks.",
  "Macron added that Europe must act as one.",
].join("\n");

test("the sample article loads highlighted, with no console errors", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const view = await s.exec(() => {
    const v = document.querySelector('[data-testid="article-view"]');
    return {
      text: v.textContent,
      actors: v.querySelectorAll(".hl--actor").length,
      quotes: v.querySelectorAll(".hl--quote").length,
      items: v.querySelectorAll(".hl--item").length,
      zelenskyy: [...v.querySelectorAll(".hl--actor")].some((m) => m.textContent === "Volodymyr Zelenskyy"),
    };
  });
  assert.match(view.text, /European and NATO leaders will meet/);
  assert.ok(view.actors >= 20, `expected many actor highlights, got ${view.actors}`);
  assert.equal(view.quotes, 4);
  assert.equal(view.items, 4);
  assert.ok(view.zelenskyy, "Volodymyr Zelenskyy is highlighted");
  // Regression: every load warned "integrity attribute is currently ignored
  // for preload destinations" (scripts/csp-hashes drops it from the preload).
  const logs = await s.logs();
  assert.deepEqual(logs.filter((l) => /integrity/i.test(l.message)).map((l) => l.message), []);
  assert.deepEqual(logs.filter((l) => l.level === "SEVERE").map((l) => l.message), []);
});

test("pasting a different article updates the highlights", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await pasteArticle(s, OTHER_ARTICLE);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.includes("Angela Merkel"), {
    what: "the pasted article to render",
  });
  await waitAnalysed(s);
  const marks = await s.exec(() =>
    [...document.querySelectorAll('[data-testid="article-view"] .hl--actor')].map((m) => m.textContent),
  );
  assert.ok(marks.includes("Angela Merkel"), `marks: ${marks}`);
  assert.ok(marks.includes("Emmanuel Macron"), `marks: ${marks}`);
  assert.ok(!marks.some((m) => m.includes("Zelenskyy")), "no highlight from the old article remains");
  const quotes = await s.exec(() => document.querySelectorAll('[data-testid="article-view"] .hl--quote').length);
  assert.equal(quotes, 1);
  assert.deepEqual(await consoleErrors(s), []);
});
