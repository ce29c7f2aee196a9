// First use, as a newcomer meets the release build: nothing a person typed
// is lost to the sample, Clear, a file or a shared link (one click or
// Ctrl+Z brings it back, also after a reload); the explained article
// leads on a phone and on a desk; selecting any actor shows one of its
// mentions; the charts say what a mark is and go there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp, consoleErrors, waitAnalysed, showArticle, readSample } from "./harness.mjs";
import { Keys } from "./webdriver.mjs";

const site = useSite();

// Exactly this text must come back: double spaces, a tab, accents, a
// trailing blank line.
const MINE = [
  "Council  Approves Budget",
  "Mayor Jane Porter said on Tuesday that the council had approved the budget.\t",
  "\u201cThis is a good day for Zoë\u2019s city,\u201d Porter said.",
  "",
].join("\n");

const SHARED = [
  "Merkel and Macron Meet in Berlin",
  "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
  "\u201cWe stand together,\u201d Merkel said after the talks.",
].join("\n");

const input = (s) => s.exec(() => document.querySelector('[data-testid="article-input"]').value);

function waitInput(s, text, what) {
  return s.waitUntil((t) => document.querySelector('[data-testid="article-input"]').value === t, { args: [text], what });
}

function waitSaved(s, text) {
  return s.waitUntil((t) => localStorage.getItem("article-explorer.draft") === t, { args: [text], what: "the draft to be saved" });
}

/** Clicks the first visible element matching `css`. */
async function clickVisible(s, css) {
  const found = await s.waitUntil(
    (css) => {
      const el = [...document.querySelectorAll(css)].find((e) => e.getClientRects().length > 0 && !e.disabled);
      if (!el) return null;
      el.setAttribute("data-click-me", "1");
      return true;
    },
    { args: [css], what: `a visible ${css}` },
  );
  assert.ok(found);
  await s.click(await s.find("[data-click-me]"));
  await s.exec(() => document.querySelector("[data-click-me]")?.removeAttribute("data-click-me"));
}

async function mine(s) {
  await openApp(s, site.url);
  await showArticle(s, MINE);
  await waitSaved(s, MINE);
}

test("the sample keeps the text it replaces: the draft stays, Ctrl+Z and Restore give it back", async () => {
  const s = await site.open();
  await mine(s);
  await s.click(await s.find('[data-testid="load-sample"]'));
  await waitInput(s, readSample(), "the sample");
  await waitAnalysed(s);
  assert.match(await s.exec(() => document.querySelector('[data-testid="kept-notice"]').textContent), /sample article took the place of your text/);
  assert.match(await s.exec(() => document.querySelector('[data-testid="welcome"]').textContent), /sample article/);

  // Ctrl+Z in the text area gives back exactly the previous text, once.
  await s.exec(() => document.querySelector('[data-testid="article-input"]').focus());
  await s.keys(Keys.CONTROL, "z");
  await waitInput(s, MINE, "Ctrl+Z to give the text back");
  await waitAnalysed(s);
  assert.equal(await input(s), MINE);

  // The sample again, then a reload: the saved draft is still the reader's.
  await s.click(await s.find('[data-testid="load-sample"]'));
  await waitInput(s, readSample(), "the sample");
  await waitAnalysed(s);
  await s.exec(() => dispatchEvent(new Event("pagehide")));
  assert.equal(await s.exec(() => localStorage.getItem("article-explorer.draft")), MINE, "the sample is not saved over the draft");
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await input(s), MINE);
  assert.deepEqual(await consoleErrors(s), []);
});

test("Clear keeps the text: Restore brings it back exactly, also after a reload", async () => {
  const s = await site.open();
  await mine(s);
  await s.click(await s.find('[data-testid="clear"]'));
  await waitInput(s, "", "the cleared text area");
  await s.waitUntil(() => document.querySelector('[data-testid="kept-notice"]'), { what: "the kept notice" });
  await waitSaved(s, "");
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await input(s), "", "the cleared text area is what was left");
  assert.match(await s.exec(() => document.querySelector('[data-testid="welcome"]').textContent), /Paste a news article/);
  await clickVisible(s, '[data-testid="restore-previous"]');
  await waitInput(s, MINE, "the text back after a reload");
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.startsWith("Council  Approves"), {
    what: "the text to render",
  });
  await waitSaved(s, MINE);
  assert.deepEqual(await consoleErrors(s), []);
});

test("opening a file or a shared link keeps the text, one click away", async () => {
  const maker = await site.open();
  await openApp(maker, site.url);
  await showArticle(maker, SHARED);
  await maker.click(await maker.find('[data-testid="copy-link"]'));
  const link = await maker.waitUntil(() => document.querySelector('[data-testid="share-link"]')?.value, { what: "the share link" });

  const s = await site.open();
  await mine(s);
  // A file, opened from the file input.
  await s.exec(() => {
    const data = new DataTransfer();
    data.items.add(new File(["Talks in Geneva\nThe minister said the talks went well.\n"], "talks.txt", { type: "text/plain" }));
    const el = document.querySelector('[data-testid="open-file"]');
    el.files = data.files;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').value.startsWith("Talks in Geneva"), { what: "the file" });
  await s.waitUntil(() => document.querySelector('[data-testid="kept-notice"]'), { what: "the kept notice" });
  await clickVisible(s, '[data-testid="kept-notice"] [data-testid="restore-previous"]');
  await waitInput(s, MINE, "the text back after a file");
  await waitAnalysed(s);
  await waitSaved(s, MINE);

  // A shared link, opened in the same browser.
  await s.get("about:blank");
  await s.get(link);
  await waitInput(s, SHARED, "the shared article");
  await waitAnalysed(s);
  const notice = await s.exec(() => document.querySelector('[data-testid="kept-notice"]').textContent);
  assert.match(notice, /Opened a shared article; your own text is kept/);
  const said = await s.exec(() => document.body.textContent.split("Opened a shared article").length - 1);
  assert.equal(said, 1, "said once, not twice");
  await s.refresh();
  await waitAnalysed(s);
  await clickVisible(s, '[data-testid="restore-previous"]');
  await waitInput(s, MINE, "the text back after a link and a reload");
  await waitAnalysed(s);
  assert.equal(await s.exec(() => localStorage.getItem("article-explorer.history.0")), SHARED, "the shared article is kept in its turn");
  assert.deepEqual(await consoleErrors(s), []);
});

/** The first highlighted mention's box, and whether it is the element seen at its centre. */
function firstMention(s) {
  return s.exec(() => {
    const m = document.querySelector('[data-testid="article-view"] .hl--actor');
    const r = m.getBoundingClientRect();
    const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, height: innerHeight, seen: m === seen || m.contains(seen) };
  });
}

test("on a phone the first screen shows the highlighted article; actors are one tap away", async () => {
  const s = await site.open({ width: 390, height: 844 });
  await s.cdp("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 1, mobile: true });
  await openApp(s, site.url);
  const m = await firstMention(s);
  assert.ok(m.bottom <= m.height && m.top >= 0, `first mention at ${m.top}–${m.bottom} of ${m.height}`);
  assert.ok(m.seen, "nothing covers it");
  assert.equal(await s.exec(() => document.querySelector('[data-testid="article-input"]').getClientRects().length), 0, "the text area is folded away");

  await s.click(await s.find('[data-testid="pane-actors"]'));
  const chip = await s.waitUntil(() => {
    const c = [...document.querySelectorAll('[data-testid="actor-item"]')].at(-1);
    const r = c && c.getBoundingClientRect();
    return r && r.height > 0 && c.getAttribute("data-actor");
  }, { what: "the actors sheet" });
  await s.click(await s.find(`[data-testid="actor-item"][data-actor="${chip}"]`));
  await s.waitUntil(() => {
    const bar = document.querySelector(".selected__bar.is-active");
    const next = document.querySelector('[data-testid="mention-next"]').getBoundingClientRect();
    const seen = [...document.querySelectorAll(".hl--actor.is-selected")].some((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight - 150;
    });
    return bar && next.top > 0 && next.bottom <= innerHeight && seen;
  }, { what: "a mention in view and Prev/Next at hand" });
  assert.equal(await s.exec(() => document.querySelector("#explore").hasAttribute("data-pane")), false, "the sheet closed");

  await s.click(await s.find('[data-testid="edit-text"]'));
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').getClientRects().length > 0, { what: "the text area" });
  assert.deepEqual(await consoleErrors(s), []);
});

test("on a desk the explained article starts near the top", async () => {
  for (const [width, height] of [[1280, 900], [1024, 768]]) {
    const s = await site.open({ width, height });
    await openApp(s, site.url);
    const m = await firstMention(s);
    assert.ok(m.top < 300, `${width}px: first mention at ${m.top}px`);
    assert.ok(m.seen, `${width}px: nothing covers it`);
    const controls = await s.exec(() => {
      const shown = (css) => [...document.querySelectorAll(css)].filter((b) => b.getClientRects().length).length;
      return {
        share: shown('[data-testid="copy-link"]'),
        menu: shown('[data-testid="export-menu"]'),
        loose: shown('[data-testid^="export-"]:not([data-testid="export-menu"]), [data-testid^="copy-"]:not([data-testid="copy-link"])'),
      };
    });
    assert.deepEqual(controls, { share: 1, menu: 1, loose: 0 }, "one Share button and one Export menu, its formats folded in it");
  }
});

test("selecting the last actor of a long article brings a mention into view", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const sample = readSample();
  const long = Array.from({ length: 12 }, () => sample).join("\n\n") +
    "\n\nLate on Friday, harbour master Ingrid Solberg said the port would reopen.";
  await showArticle(s, long);
  const id = await s.exec(() => {
    const chips = [...document.querySelectorAll('[data-testid="actor-item"]')];
    const chip = chips.find((c) => c.textContent.includes("Ingrid Solberg")) || chips.at(-1);
    return chip.getAttribute("data-actor");
  });
  await s.exec(() => scrollTo(0, 0));
  await s.click(await s.find(`[data-testid="actor-item"][data-actor="${id}"]`));
  await s.waitUntil(() => [...document.querySelectorAll(".hl--actor.is-selected")].some((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), { what: "a mention of the selected actor in the viewport" });
  const next = await s.exec(() => {
    const r = document.querySelector('[data-testid="mention-next"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(next, "Prev/Next are in sight");
  assert.equal(await s.exec((id) => document.querySelectorAll(`[data-testid="overview"] .ov-row[data-actor="${id}"]`).length, id), 1,
    "the overview has a row for it");
  assert.deepEqual(await consoleErrors(s), []);
});

/**
 * Scrolls an element into the middle of its scrolling boxes (pointer moves
 * do not scroll), once any smooth scroll of the page has ended: a scroll
 * hides the tooltip, which would point at nothing.
 */
async function inView(s, el) {
  await s.waitUntil(() => {
    const last = window.__lastScrollY;
    window.__lastScrollY = scrollY;
    return last === scrollY;
  }, { what: "the page to stop scrolling" });
  await s.exec((el) => el.scrollIntoView({ block: "center", behavior: "instant" }), { "element-6066-11e4-a52e-4f735466cecf": el });
  return el;
}

test("the charts say what a mark is on hover and go there on click", async () => {
  const s = await site.open({ width: 1440, height: 1000 });
  await openApp(s, site.url);
  const mark = await inView(s, await s.find('[data-testid="overview"] .ov-row[data-actor] .ov-mark:last-of-type'));
  const label = await s.attr(mark, "aria-label");
  assert.match(label, /: mentions? \d/);
  await s.hover(mark);
  const tip = await s.waitUntil(() => document.querySelector('[data-testid="tooltip"]')?.textContent, { what: "the mark's tooltip" });
  assert.equal(tip, label);
  const actor = await s.exec(() => document.querySelector('[data-testid="overview"] .ov-row[data-actor] .ov-mark:last-of-type').closest(".ov-row").dataset.actor);
  await s.click(mark);
  await s.waitUntil((id) => document.querySelector('[data-testid="article-view"]').dataset.selected === id, { args: [actor], what: "the mark's actor selected" });

  const quote = await inView(s, await s.find('[data-testid="overview"] .ov-row--quotes .ov-mark'));
  await s.hover(quote);
  await s.waitUntil(() => /^Quotes? \d/.test(document.querySelector('[data-testid="tooltip"]')?.textContent || ""), { what: "the quote mark's tooltip" });
  await s.click(quote);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"] .hl--quote.is-target'), { what: "the quote marked" });

  const bar = await inView(s, await s.find('[data-testid="quote-chart"] [data-testid="bar"]'));
  const who = await s.attr(bar, "data-actor");
  await s.hover(bar);
  await s.waitUntil(() => /quotes?/.test(document.querySelector('[data-testid="tooltip"]')?.textContent || ""), { what: "the bar's tooltip" });
  await s.click(bar);
  await s.waitUntil((id) => document.querySelector('[data-testid="article-view"]').dataset.selected === id, { args: [who], what: "the bar's speaker selected" });
  assert.deepEqual(await consoleErrors(s), []);
});

test("the page shows its name and Loading… before the WebAssembly runs", async () => {
  const s = await site.open();
  await s.cdp("Network.enable");
  await s.cdp("Network.setBlockedURLs", { urls: ["*.wasm"] });
  await s.get(site.url);
  const shell = await s.waitUntil(() => {
    const el = document.getElementById("loading-shell");
    return el && { text: el.textContent, title: getComputedStyle(el.querySelector("h1")).fontSize };
  }, { what: "the loading shell" });
  assert.match(shell.text, /Article Explorer/);
  assert.match(shell.text, /Loading…/);
  assert.equal(shell.title, "19.2px", "styled by the page's own style sheet");
  await s.cdp("Network.setBlockedURLs", { urls: [] });
  await s.refresh();
  await waitAnalysed(s);
  assert.equal(await s.exec(() => document.getElementById("loading-shell")), null, "replaced by the app");
  // A blocked Wasm is logged as an error; only the second load counts.
  await consoleErrors(s);
});
