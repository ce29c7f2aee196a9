// Share links: the article and the view travel in the URL fragment; a
// link opens the same view in a fresh browser profile; a damaged link says
// why and leaves what was open alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useSite, openApp, pasteArticle, consoleErrors, waitAnalysed, readSample } from "./harness.mjs";

const site = useSite();

const ARTICLE = [
  "Merkel and Macron Meet in Berlin",
  "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
  "\u201cWe stand together,\u201d Merkel said after the talks.",
  "Macron added that Europe must act as one.",
].join("\n");

const DRAFT = [
  "Council Approves Budget",
  "Mayor Jane Porter said on Tuesday that the council had approved the budget.",
  "\u201cThis is a good day for the city,\u201d Porter said.",
].join("\n");

function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "explorer-profile-"));
}

/** What a person sees: the article, the selection, the layers. */
function viewState(s) {
  return s.exec(() => {
    const view = document.querySelector('[data-testid="article-view"]');
    const checked = (id) => document.querySelector(`[data-testid="${id}"]`).checked;
    return {
      input: document.querySelector('[data-testid="article-input"]').value,
      text: view.textContent,
      selected: view.getAttribute("data-selected"),
      hide: [...view.classList].filter((c) => c.startsWith("hide-")).sort(),
      toggles: [checked("toggle-actors"), checked("toggle-quotes"), checked("toggle-lists")],
      status: document.querySelector('[data-testid="status"]').textContent,
    };
  });
}

async function showArticle(s, text) {
  await pasteArticle(s, text);
  await s.waitUntil((t) => document.querySelector('[data-testid="article-input"]').value === t, { args: [text], what: "the text" });
  await s.waitUntil((t) => document.querySelector('[data-testid="article-view"]').textContent.includes(t.split("\n")[1].slice(0, 30)), {
    args: [text],
    what: "the article to render",
  });
  await waitAnalysed(s);
}

async function copyLink(s) {
  await s.click(await s.find('[data-testid="copy-link"]'));
  await s.waitUntil(() => /Link copied|select the link/.test(document.querySelector('[data-testid="share-message"]').textContent), {
    what: "the link message",
  });
  return s.exec(() => document.querySelector('[data-testid="share-link"]').value);
}

/** Waits until the draft in storage is `text`. */
function waitSaved(s, text) {
  return s.waitUntil((t) => localStorage.getItem("article-explorer.draft") === t, { args: [text], what: "the draft to be saved" });
}

let sharedLink;
let sharedView;

test("copy link puts the article and the view in the fragment, and a fresh profile opens the same view", async () => {
  const s = await site.open({ profileDir: freshProfile() });
  await openApp(s, site.url);
  await showArticle(s, ARTICLE);
  // Select Macron and hide the quotes layer.
  const macron = await s.exec(() =>
    [...document.querySelectorAll('[data-testid="actor-item"]')].find((b) => b.textContent.includes("Macron")).getAttribute("data-actor"),
  );
  await s.click(await s.find(`[data-testid="actor-item"][data-actor="${macron}"]`));
  await s.click(await s.find('[data-testid="toggle-quotes"]'));
  sharedView = await viewState(s);
  assert.equal(sharedView.selected, macron);
  assert.deepEqual(sharedView.toggles, [true, false, true]);

  sharedLink = await copyLink(s);
  const url = new URL(sharedLink);
  assert.equal(url.origin + url.pathname, site.url, "the link points at this page");
  assert.match(url.hash, /^#v1\.[A-Za-z0-9_-]+$/);
  assert.ok(!sharedLink.includes("Merkel"), "the article is compressed, not spelled out");
  assert.equal(url.search, "", "nothing goes in the query, which servers see");

  const other = await site.open({ profileDir: freshProfile() });
  await openApp(other, sharedLink);
  const opened = await viewState(other);
  assert.deepEqual(opened, sharedView);
  assert.equal(opened.input, ARTICLE);
  assert.match(await other.exec(() => document.querySelector('[data-testid="share-message"]').textContent), /Opened a shared article/);
  // The opened link leaves the address, so later edits are not lost to it on reload.
  assert.equal(await other.exec(() => location.hash), "");
  assert.deepEqual(await consoleErrors(s), []);
  assert.deepEqual(await consoleErrors(other), []);
});

test("a link pasted into the address bar of the open page shows it in place", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await s.get(sharedLink);
  await s.waitUntil((t) => document.querySelector('[data-testid="article-input"]').value === t, { args: [ARTICLE], what: "the shared article" });
  await waitAnalysed(s);
  assert.deepEqual(await viewState(s), sharedView);
  assert.deepEqual(await consoleErrors(s), []);
});

test("a 20 KB article gives a link well under the limit", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const sample = readSample();
  let long = "";
  for (let i = 0; long.length < 20_000; i++) long += sample.replaceAll("Zelenskyy", `Zelenskyy ${i}`) + "\n";
  await showArticle(s, long);
  const link = await copyLink(s);
  assert.ok(link.length < 16_000, `link of ${link.length} characters`);
  assert.match(await s.exec(() => document.querySelector('[data-testid="share-message"]').textContent), /Link copied|select the link/);
  const other = await site.open();
  await openApp(other, link);
  assert.equal(await other.exec(() => document.querySelector('[data-testid="article-input"]').value), long);
});

test("an article too long for a link says so and offers the file instead", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  // Random words barely compress.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = [];
  for (let i = 0; i < 9000; i++) words.push(Math.floor(rand() * 36 ** 6).toString(36));
  await showArticle(s, "Noise\n" + words.join(" ") + "\nEnd of the noise.");
  await s.click(await s.find('[data-testid="copy-link"]'));
  const message = await s.waitUntil(() => {
    const m = document.querySelector('[data-testid="share-message"]').textContent;
    return /too long/.test(m) && m;
  }, { what: "the too-long message" });
  assert.match(message, /too long for a link .*Download it as a file instead/);
  assert.equal((await s.findAll('[data-testid="share-download-txt"]')).length, 1, "the file alternative is offered");
  assert.equal((await s.findAll('[data-testid="share-link"]')).length, 0, "no link is shown");
});

test("damaged, cut, altered and future links give a clear message and keep the draft", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  await showArticle(s, DRAFT);
  await waitSaved(s, DRAFT);
  const fragment = new URL(sharedLink).hash.slice(1);
  const mid = Math.floor(fragment.length / 2);
  const flip = (c) => (c === "A" ? "B" : "A");
  const cases = [
    ["cut off", fragment.slice(0, mid), /incomplete|damaged/],
    ["altered", fragment.slice(0, mid) + flip(fragment[mid]) + fragment.slice(mid + 1), /altered|damaged/],
    ["future version", "v9." + fragment.slice(3), /newer version of Article Explorer \(format v9\)/],
    ["bad characters", "v1.@@@not*base64", /damaged/],
    ["not a share link", "this-is-some-other-long-fragment-that-is-not-a-share-link-at-all", /not an Article Explorer share link/],
  ];
  for (const [what, frag, expected] of cases) {
    await s.get("about:blank");
    await s.get(`${site.url}#${frag}`);
    await waitAnalysed(s);
    const state = await s.exec(() => ({
      message: document.querySelector('[data-testid="share-message"]').textContent,
      input: document.querySelector('[data-testid="article-input"]').value,
      kept: document.querySelectorAll('[data-testid="kept-notice"]').length,
    }));
    assert.match(state.message, expected, what);
    assert.equal(state.input, DRAFT, `${what}: the draft stays open`);
    assert.equal(state.kept, 0, `${what}: nothing was replaced, so nothing to restore`);
    assert.equal(await s.exec(() => localStorage.getItem("article-explorer.draft")), DRAFT, `${what}: the saved draft is untouched`);
  }
  // The same, as a fragment change in the open page (no reload).
  await s.get(`${site.url}#${fragment.slice(0, mid)}x`);
  await s.waitUntil(() => /damaged|incomplete|altered/.test(document.querySelector('[data-testid="share-message"]').textContent), {
    what: "the message for a link pasted in place",
  });
  assert.equal(await s.exec(() => document.querySelector('[data-testid="article-input"]').value), DRAFT);
  // An in-page anchor is not a link.
  await s.get(`${site.url}#article`);
  await waitAnalysed(s);
  assert.equal(await s.exec(() => document.querySelector('[data-testid="article-input"]').value), DRAFT);
  assert.deepEqual(await consoleErrors(s), []);
});
