// Keeping work: the article is saved in the browser as it is edited and
// restored on reload; opening a shared link keeps the draft to restore;
// full or missing storage is said, not silently lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp, pasteArticle, consoleErrors, waitAnalysed, showArticle } from "./harness.mjs";

const site = useSite();

const DRAFT = [
  "Council Approves Budget",
  "Mayor Jane Porter said on Tuesday that the council had approved the budget.",
  "\u201cThis is a good day for the city,\u201d Porter said.",
].join("\n");

const SHARED = [
  "Merkel and Macron Meet in Berlin",
  "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
  "\u201cWe stand together,\u201d Merkel said after the talks.",
].join("\n");

const input = (s) => s.exec(() => document.querySelector('[data-testid="article-input"]').value);
const viewText = (s) => s.exec(() => document.querySelector('[data-testid="article-view"]').textContent);

function waitSaved(s, text) {
  return s.waitUntil((t) => localStorage.getItem("article-explorer.draft") === t, { args: [text], what: "the draft to be saved" });
}

async function linkFor(text) {
  const s = await site.open();
  await openApp(s, site.url);
  await showArticle(s, text);
  await s.click(await s.find('[data-testid="copy-link"]'));
  return s.waitUntil(() => document.querySelector('[data-testid="share-link"]')?.value, { what: "the share link" });
}

test("reload restores the draft", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await showArticle(s, DRAFT);
  await waitSaved(s, DRAFT);
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await input(s), DRAFT);
  assert.ok((await viewText(s)).startsWith("Council Approves Budget"));
  // Typing and reloading at once: the page saves as it goes away.
  const edited = DRAFT + "\nPorter thanked the council.";
  await pasteArticle(s, edited);
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await input(s), edited);
  assert.deepEqual(await consoleErrors(s), []);
});

test("a draft over the analysis limit comes back whole", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const length = await s.exec(() => {
    const para = "Mayor Jane Porter said the council would meet again on Tuesday to discuss the budget.\n";
    const text = "Long Draft\n" + para.repeat(Math.ceil(2_100_000 / para.length));
    localStorage.setItem("article-explorer.draft", text);
    return text.length;
  });
  assert.ok(length > 2_000_000);
  await s.refresh();
  await s.waitUntil((n) => document.querySelector('[data-testid="article-input"]').value.length === n, {
    args: [length],
    what: "the whole draft in the text area",
    timeout: 30000,
  });
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.startsWith("Long Draft"), {
    what: "the draft to render",
    timeout: 60000,
  });
  await s.waitUntil(() => /actor/.test(document.querySelector('[data-testid="status"]').textContent), {
    what: "the analysis",
    timeout: 60000,
  });
  assert.match(await s.exec(() => document.querySelector('[data-testid="limit-message"]').textContent), /analyses the first 2 MB/);
  // Saving again keeps all of it, not just the part analysed.
  assert.equal(await s.exec(() => localStorage.getItem("article-explorer.draft").length), length);
  assert.deepEqual(await consoleErrors(s), []);
});

test("opening a shared link keeps the draft, which can be restored", async () => {
  const link = await linkFor(SHARED);
  const s = await site.open();
  await openApp(s, site.url);
  await showArticle(s, DRAFT);
  await waitSaved(s, DRAFT);

  await s.get("about:blank");
  await s.get(link);
  await waitAnalysed(s);
  assert.equal(await input(s), SHARED);
  const notice = await s.exec(() => document.querySelector('[data-testid="kept-notice"]')?.textContent);
  assert.match(notice, /Opened a shared article; your own text is kept/);

  // Still offered after a reload: nothing depends on the open page.
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await input(s), SHARED, "the opened article stays open");
  await s.click(await s.find('[data-testid="restore-previous"]'));
  await s.waitUntil((t) => document.querySelector('[data-testid="article-input"]').value === t, { args: [DRAFT], what: "the draft back" });
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.startsWith("Council Approves Budget"), {
    what: "the draft to render",
  });
  await waitAnalysed(s);
  await waitSaved(s, DRAFT);
  // The shared article is kept in its turn, and the list can be forgotten.
  assert.equal(await s.exec(() => localStorage.getItem("article-explorer.history.0")), SHARED);
  await s.exec(() => (document.querySelector('[data-testid="earlier-texts"]').open = true));
  await s.click(await s.find('[data-testid="forget-history"]'));
  await s.waitUntil(() => !document.querySelector('[data-testid="restore-previous"]'), { what: "nothing left to restore" });
  assert.equal(await s.exec(() => Object.keys(localStorage).filter((k) => k.startsWith("article-explorer.history")).length), 0);
  assert.deepEqual(await consoleErrors(s), []);
});

test("a draft kept aside by an earlier version joins the earlier texts", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await s.exec((t) => localStorage.setItem("article-explorer.kept-draft", t), DRAFT);
  await s.refresh();
  await waitAnalysed(s);
  await s.click(await s.find('[data-testid="restore-previous"]'));
  await s.waitUntil((t) => document.querySelector('[data-testid="article-input"]').value === t, { args: [DRAFT], what: "the old kept draft" });
  assert.equal(await s.exec(() => localStorage.getItem("article-explorer.kept-draft")), null);
});

test("a full storage is reported, and the article stays on screen", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  assert.equal(await s.exec(() => document.querySelector('[data-testid="storage-message"]').textContent), "");
  // Fill the origin's storage for real, leaving less room than the article needs
  // (it is longer than the draft already saved, which it would replace).
  const filled = await s.exec(() => {
    let chunk = "x".repeat(1 << 20);
    let n = 0;
    while (chunk.length >= 16) {
      try {
        localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  const article = DRAFT + "\n" + "The council met again on Wednesday. ".repeat(300);
  await showArticle(s, article);
  const message = await s.waitUntil(() => document.querySelector('[data-testid="storage-message"]').textContent, {
    what: "the storage message",
  });
  assert.match(message, /storage is full/);
  assert.equal(await input(s), article);
  // Room again: the next save succeeds and the message goes.
  await s.exec(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  await showArticle(s, DRAFT);
  await waitSaved(s, DRAFT);
  await s.waitUntil(() => document.querySelector('[data-testid="storage-message"]').textContent === "", { what: "the message to clear" });
  assert.deepEqual(await consoleErrors(s), []);
});

test("no storage at all is reported, and the app still works", async () => {
  const s = await site.open();
  await s.cdp("Page.enable");
  await s.cdp("Page.addScriptToEvaluateOnNewDocument", {
    source: "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });",
  });
  await openApp(s, site.url);
  const message = await s.waitUntil(() => document.querySelector('[data-testid="storage-message"]').textContent, {
    what: "the storage message",
  });
  assert.match(message, /not keeping your article/);
  await showArticle(s, DRAFT);
  assert.equal(await input(s), DRAFT);
});
