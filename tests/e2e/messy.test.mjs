// Text as people really paste it: a hard-wrapped article and a whole news
// page each show the clean structure (paragraphs, one list, the byline
// apart) and a notice saying what was done, with one click to the text as
// pasted. The pasted page is only ever shown as text.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, openApp, pasteArticle, consoleErrors, waitAnalysed, root } from "./harness.mjs";

const site = useSite();

const fixture = (name) => fs.readFileSync(path.join(root, "tests/messy", name), "utf8");
const CLEAN = fixture("wire.clean.txt").trimEnd();

/** The article as drawn: its parts in order, and its lists' items. */
function drawn(s) {
  return s.exec(() => {
    const view = document.querySelector('[data-testid="article-view"]');
    const parts = [...view.querySelectorAll(".chunk > *")].map((el) =>
      el.classList.contains("byline") ? "byline" : el.classList.contains("credit") ? "credit" : el.tagName.toLowerCase(),
    );
    const lists = [...view.querySelectorAll("ol, ul")].map((l) => [...l.querySelectorAll("li")].map((li) => li.textContent.replace(/\s+/g, " ")));
    const speakers = [...view.querySelectorAll(".hl--quote")].map((q) => q.getAttribute("data-speaker"));
    return { parts, lists, speakers };
  });
}

const CLEAN_PARTS = ["h2", "byline", "p", "p", "p", "p", "p", "p", "ol", "p", "p", "p", "credit"];
const ITEMS = [
  [
    "Stop importing single-use plastic packaging within six months",
    "Replace plastic packaging on locally made goods within eighteen months, or pay a levy on every tonne they still use",
    "Pay into a national recycling fund until the transition is complete",
  ],
];

test("a hard-wrapped article shows its paragraphs, one list and a notice", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const wrapped = fixture("wire.pdf.txt").trimEnd();
  await pasteArticle(s, wrapped);
  await s.waitUntil(() => document.querySelector('[data-testid="reflow-notice"]')?.textContent, { what: "the unwrapping notice" });
  await waitAnalysed(s);
  const notice = await s.exec(() => document.querySelector('[data-testid="reflow-notice"]').textContent);
  assert.match(notice, /^Joined \d+ wrapped lines into \d+ paragraphs\.$/);

  const view = await drawn(s);
  assert.deepEqual(view.parts, CLEAN_PARTS, "the clean structure, no line a heading");
  assert.deepEqual(view.lists, ITEMS);
  assert.ok(view.speakers.length >= 5 && view.speakers.every((sp) => sp && sp !== "Unattributed"), `speakers: ${view.speakers}`);

  // The outline has the title only, and the byline above it.
  const outline = await s.exec(() => ({
    headings: [...document.querySelectorAll('[data-testid="outline-item"]')].map((b) => b.textContent),
    credits: document.querySelector('[data-testid="outline-credits"]')?.textContent,
  }));
  assert.deepEqual(outline.headings, ["Kenya extends plastics ban to all single-use packaging"]);
  assert.match(outline.credits, /By Jane Wanjiru and Tom Okello/);

  // One click shows the text as pasted, line breaks and all.
  await s.click(await s.find('[data-testid="show-pasted"]'));
  const raw = await s.waitUntil(() => document.querySelector('[data-testid="pasted-raw"]')?.textContent, { what: "the text as pasted" });
  assert.equal(raw, wrapped);
  assert.deepEqual(await consoleErrors(s), []);
});

test("a pasted news page keeps its article, says what it left out, and gives the page back", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const page = fixture("wire.page.html");
  const pasted = await s.exec((html) => {
    const t = document.querySelector('[data-testid="article-input"]');
    t.focus();
    t.select();
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "plain version");
    const ev = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    t.dispatchEvent(ev);
    return { prevented: ev.defaultPrevented, value: t.value };
  }, page);
  assert.equal(pasted.prevented, true);
  assert.equal(pasted.value, CLEAN, "the article, without the page's furniture");
  await s.waitUntil(() => document.querySelector('[data-testid="cleaned-notice"]')?.textContent, { what: "the cleaning notice" });
  await waitAnalysed(s);
  const notice = await s.exec(() => document.querySelector('[data-testid="cleaned-notice"]').textContent);
  assert.match(notice, /^Kept the article, left out \d+ lines of page navigation and ads\.$/);
  const view = await drawn(s);
  assert.deepEqual(view.parts, CLEAN_PARTS);
  assert.deepEqual(view.lists, ITEMS);

  // The page as pasted is shown as text: none of its elements is created.
  await s.click(await s.find('[data-testid="show-pasted"]'));
  const raw = await s.waitUntil(() => document.querySelector('[data-testid="pasted-raw"]')?.textContent, { what: "the page as pasted" });
  assert.equal(raw, page);
  const created = await s.exec(() => document.querySelectorAll("nav.primary-nav, .share-bar, .ad-slot, figure img, #cookie-banner").length);
  assert.equal(created, 0, "no element of the pasted page is in the DOM");

  // "Use the whole page" puts everything back, furniture included.
  await s.click(await s.find('[data-testid="keep-whole-page"]'));
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').value.includes("Related stories"), {
    what: "the whole page's text",
  });
  await s.waitUntil(() => !document.querySelector('[data-testid="cleaned-notice"]'), { what: "the cleaning notice to go" });
  assert.deepEqual(await consoleErrors(s), []);
});
