// Export and import: each export downloads and copies the same content
// (and the article itself downloads as .txt); .txt, .md and .html files
// open from the file input or a drop; a web page pasted into the text area
// arrives as clean text, never as HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { useSite, openApp, pasteArticle, consoleErrors, waitAnalysed, showArticle } from "./harness.mjs";

const site = useSite();

const ARTICLE = [
  "Merkel and Macron Meet in Berlin",
  "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
  "\u201cWe stand together,\u201d Merkel said after the talks.",
  "Macron said: \u201cEurope must act as one.\u201d",
].join("\n");
const BASE = "merkel-and-macron-meet-in-berlin";

const input = (s) => s.exec(() => document.querySelector('[data-testid="article-input"]').value);
const message = (s) => s.exec(() => document.querySelector('[data-testid="transfer-message"]').textContent);

async function waitFile(file) {
  for (let i = 0; i < 200; i++) {
    if (fs.existsSync(file)) {
      const content = fs.readFileSync(file, "utf8");
      if (content.length > 0) return content;
    }
    await sleep(50);
  }
  throw new Error(`no download at ${file}: ${fs.readdirSync(path.dirname(file))}`);
}

/** Puts a file in the page as if chosen or dropped: `how` is "input" or "drop". */
function giveFile(s, how, name, content, type) {
  return s.exec(
    (how, name, content, type) => {
      const bytes = typeof content === "string" ? content : new Uint8Array(content);
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      if (how === "input") {
        const input = document.querySelector('[data-testid="open-file"]');
        input.files = data.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return true;
      }
      const target = document.querySelector('[data-testid="article-input"]');
      const over = new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(over);
      const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(drop);
      return over.defaultPrevented && drop.defaultPrevented;
    },
    how,
    name,
    content,
    type,
  );
}

test("each export downloads and copies its content", async () => {
  const s = await site.open();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explorer-downloads-"));
  await s.cdp("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir }).catch(() =>
    s.cdp("Page.setDownloadBehavior", { behavior: "allow", downloadPath: dir }),
  );
  await openApp(s, site.url);
  const origin = new URL(site.url).origin;
  await s.cdp("Browser.grantPermissions", { origin, permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"] });
  await showArticle(s, ARTICLE);
  const shown = await s.exec(() => ({
    actors: [...document.querySelectorAll('[data-testid="actor-item"] .actor-item__name')].map((n) => n.textContent).sort(),
    quotes: document.querySelectorAll('[data-testid="article-view"] .hl--quote').length,
  }));

  // Both live in the one Export menu, which each choice closes.
  const menu = async (testid) => {
    await s.click(await s.find('[data-testid="export-menu"]'));
    await s.click(await s.find(`[data-testid="${testid}"]`));
    assert.equal(await s.exec(() => document.getElementById("export-panel").hidden), true, "the menu closes");
  };
  const files = {};
  for (const ext of ["json", "csv", "md"]) {
    await menu(`export-${ext}`);
    files[ext] = await waitFile(path.join(dir, `${BASE}.${ext}`));
    assert.equal(await message(s), `Downloaded ${BASE}.${ext}.`);
    await menu(`copy-${ext}`);
    await s.waitUntil(() => / copied\.$/.test(document.querySelector('[data-testid="transfer-message"]').textContent), {
      what: `the ${ext} copy`,
    });
    const copied = await s.exec(() => navigator.clipboard.readText());
    // Clipboards may turn \r\n into \n; only the file has the spreadsheet's byte order mark.
    const file = files[ext].replace(/^\ufeff/, "");
    assert.equal(copied.replaceAll("\r\n", "\n"), file.replaceAll("\r\n", "\n"), `copied ${ext} is the downloaded ${ext}`);
  }

  await menu("export-txt");
  assert.equal(await waitFile(path.join(dir, `${BASE}.txt`)), ARTICLE, "the article itself, as a file");

  const json = JSON.parse(files.json);
  assert.deepEqual(json.actors.map((a) => a.name).sort(), shown.actors, "JSON actors are the ones shown");
  assert.equal(json.quotes.length, shown.quotes);
  assert.ok(json.quotes.some((q) => JSON.stringify(q).includes("We stand together")));

  // A spreadsheet reads the accented names right: the file says it is UTF-8.
  assert.ok(files.csv.startsWith("\ufeffspeaker,"), "the CSV file starts with a byte order mark");
  const rows = files.csv.replace(/^\ufeff/, "").trimEnd().split("\r\n");
  assert.equal(rows[0], "speaker,kind,quote,position,attribution");
  assert.equal(rows.length - 1, shown.quotes, "one CSV row per quote");
  assert.ok(rows.some((r) => r.startsWith("Angela Merkel,person,") && r.includes("We stand together") && r.endsWith(",cue")), rows.join("\n"));

  assert.ok(files.md.startsWith("# Merkel and Macron Meet in Berlin\n"), files.md);
  assert.match(files.md, /Angela Merkel/);
  assert.match(files.md, /> .*We stand together/);
  assert.deepEqual(await consoleErrors(s), []);
});

test("files open from the file input and from a drop; bad files say why", async () => {
  const s = await site.open();
  await openApp(s, site.url);

  assert.equal(await giveFile(s, "input", "talks.txt", "\ufeffTalks in Geneva\r\nThe minister said the talks went well.\r\n", "text/plain"), true);
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').value.startsWith("Talks in Geneva"), { what: "the .txt file" });
  assert.equal(await input(s), "Talks in Geneva\nThe minister said the talks went well.\n");
  await waitAnalysed(s);
  assert.equal(await message(s), "Opened talks.txt.");

  const html =
    "<html><head><title>x</title><script>window.__ran = 1</script></head><body><h1>Summit &amp; Aid</h1>" +
    "<p>President Ana Silva said on Friday: &ldquo;We will help.&rdquo;</p><ul><li>Food</li><li>Water</li></ul>" +
    '<img src="x" onerror="window.__ran = 2"></body></html>';
  assert.equal(await giveFile(s, "drop", "summit.html", html, "text/html"), true, "the drop is taken over by the app");
  assert.equal(await s.exec(() => document.documentElement.classList.contains("is-dropping")), false, "the drop highlight goes");
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').value.startsWith("Summit & Aid"), { what: "the dropped .html file" });
  assert.equal(await input(s), "Summit & Aid\nPresident Ana Silva said on Friday: \u201cWe will help.\u201d\n- Food\n- Water");
  await waitAnalysed(s);
  assert.match(await s.exec(() => document.querySelector('[data-testid="article-view"]').textContent), /Summit & Aid/);

  await giveFile(s, "drop", "notes.md", "# Notes\n\n- one\n- two\n", "text/markdown");
  await s.waitUntil(() => document.querySelector('[data-testid="article-input"]').value.startsWith("# Notes"), { what: "the dropped .md file" });

  await giveFile(s, "input", "report.pdf", "%PDF-1.4", "application/pdf");
  await s.waitUntil(() => /\.pdf file can't be read/.test(document.querySelector('[data-testid="transfer-message"]').textContent), {
    what: "the unsupported-type message",
  });
  await giveFile(s, "drop", "latin1.txt", [0x63, 0x61, 0x66, 0xe9, 0x0a], "text/plain");
  await s.waitUntil(() => /not UTF-8 text/.test(document.querySelector('[data-testid="transfer-message"]').textContent), {
    what: "the encoding message",
  });
  assert.ok((await input(s)).startsWith("# Notes"), "a bad file leaves the article alone");
  assert.equal(await s.exec(() => window.__ran), null, "nothing in the HTML file ran");
  assert.deepEqual(await consoleErrors(s), []);
});

test("a web page pasted into the text area arrives as clean text, never as HTML", async () => {
  const s = await site.open();
  await openApp(s, site.url);
  const html =
    '<meta charset="utf-8"><h2>Flood Warning</h2><script>window.__ran = 1</script><style>p{color:red}</style>' +
    '<p>Officials in <b>Valencia</b> said the river   would rise.<br>Residents were told to leave.</p>' +
    '<ol><li>Move to high ground</li><li>Take water</li></ol><img src="x" onerror="window.__ran = 2">' +
    '<p><a href="javascript:alert(1)">More</a> &lt;b&gt;not bold&lt;/b&gt;</p>';
  const result = await s.exec((html) => {
    const t = document.querySelector('[data-testid="article-input"]');
    t.focus();
    t.select();
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "plain version");
    const ev = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    t.dispatchEvent(ev);
    return { prevented: ev.defaultPrevented, value: t.value };
  }, html);
  assert.equal(result.prevented, true);
  const expected = [
    "Flood Warning",
    "Officials in Valencia said the river would rise.",
    "Residents were told to leave.",
    "1. Move to high ground",
    "2. Take water",
    "More <b>not bold</b>",
  ].join("\n");
  assert.equal(result.value, expected);
  await s.waitUntil(() => document.querySelector('[data-testid="article-view"]').textContent.startsWith("Flood Warning"), {
    what: "the pasted page to render",
  });
  await waitAnalysed(s);
  const view = await s.exec(() => {
    const v = document.querySelector('[data-testid="article-view"]');
    return { b: v.querySelectorAll("b, img, script, a[href^='javascript']").length, text: v.textContent, ran: window.__ran ?? null };
  });
  assert.equal(view.b, 0, "no element from the pasted HTML is in the page");
  assert.match(view.text, /More <b>not bold<\/b>/, "markup written as text stays text");
  assert.equal(view.ran, null);
  // A plain-text paste is left to the browser.
  const plain = await s.exec(() => {
    const t = document.querySelector('[data-testid="article-input"]');
    const data = new DataTransfer();
    data.setData("text/plain", "just text");
    const ev = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    t.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(plain, false);
  assert.deepEqual(await consoleErrors(s), []);
});
