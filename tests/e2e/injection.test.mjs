// No injection: pasted text and share links are only ever shown as text.
// A corpus of payloads (script tags, event handlers, javascript: URLs, SVG
// and MathML tricks, broken markup, payloads split across highlights and
// quotes, in actor names, in list items, in the link fragment) is pasted into
// the text area and opened as a share link in a real Chromium; a trap
// installed before the page's own scripts (hostile.mjs) records anything
// that runs or any element a payload would create.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, openApp, pasteArticle, waitAnalysed, consoleErrors } from "./harness.mjs";
import { trappedSession, caught, assertNothingRan } from "./hostile.mjs";

const site = useSite();

/** One payload per line; each would call __pwned(n) (or alert) if it ran. */
export const PAYLOADS = [
  `<script>__pwned(1)</script>`,
  `<img src=x onerror="__pwned(2)">`,
  `<svg onload=__pwned(3)>`,
  `<svg><script>__pwned(4)</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__pwned(5)>`,
  `<iframe src="javascript:parent.__pwned(6)"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned(7)</script>"></iframe>`,
  `<a href="javascript:__pwned(8)">click me</a>`,
  `javascript:__pwned(9)`,
  `"><script>__pwned(10)</script>`,
  `'><img src=x onerror=__pwned(11)>`,
  `<body onload=__pwned(12)>`,
  `<object data="javascript:__pwned(13)"></object>`,
  `<embed src="javascript:__pwned(14)">`,
  `<details open ontoggle=__pwned(15)>`,
  `<input autofocus onfocus=__pwned(16)>`,
  `<video><source onerror=__pwned(17)></video>`,
  `<style>@import 'javascript:__pwned(18)';</style>`,
  `<!--<img src="--><img src=x onerror=__pwned(19)//">`,
  `<img src=x onerror=__pwned(20)`,
  `&lt;img src=x onerror=__pwned(21)&gt; &#60;script&#62;__pwned(21)`,
  `<math><maction actiontype="statusline" xlink:href="javascript:__pwned(22)">x</maction></math>`,
  `<svg><a xlink:href="javascript:__pwned(23)"><text x="0" y="10">x</text></a></svg>`,
  `<base href="javascript:__pwned(24)//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:__pwned(25)">`,
  `<form action="javascript:__pwned(26)"><button>x</button></form>`,
  `<template><script>__pwned(27)</script></template>`,
  `{{constructor.constructor('__pwned(28)')()}} \${__pwned(28)}`,
  `<scr<script>ipt>__pwned(30)</scr</script>ipt>`,
  `<img src=x onerror=document.title='pwned'>`,
  `<marquee onstart=__pwned(34)>x</marquee>`,
  `<noscript><p title="</noscript><img src=x onerror=__pwned(35)>"></noscript>`,
  `<svg><foreignObject><img src=x onerror=__pwned(36)></foreignObject></svg>`,
  `<div style="background:url(javascript:__pwned(37))">x</div>`,
  `<x onclick=__pwned(38) onmouseover=__pwned(38)>hover</x>`,
  `</textarea><script>__pwned(39)</script>`,
];

/** Articles where payloads sit in the analysed structure. */
const STRUCTURED = [
  [
    "actor names",
    "President <img src=x onerror=__pwned(40)> Smith said the talks would go on.\n\n" +
      "President <script>__pwned(41)</script> Jones met Smith in Berlin on Monday.\n\n" +
      "Jane <b onmouseover=__pwned(42)>Doe</b> Williams told reporters that Smith was right.\n\n" +
      "Smith later met Jones again.",
  ],
  [
    "quotes",
    "\u201c<img src=x onerror=__pwned(43)>,\u201d said President Jane Smith.\n\n" +
      "Smith said \u201c<img src=\u201dx\u201c onerror=__pwned(44)>\u201d and left.\n\n" +
      "\u201c<scr\u201dipt>__pwned(45)</scr\u201cipt>\u201d, Jones added. \u00ab<svg onload=__pwned(46)>\u00bb said Jones.",
  ],
  [
    "split across highlights",
    "President Joe <img alt=\"Biden\" src=x onerror=__pwned(47)> Biden said \u201cyes <a href=\u201d\n\n" +
      "javascript:__pwned(48)\u201c>no</a>\u201d to NATO.\n\nNATO<svg onload=__pwned(49)> said Biden<img src=x onerror=__pwned(50)>.",
  ],
  [
    "list items and headings",
    "<h1 onclick=__pwned(51)>Plan</h1>\n\nThe plan sets out these steps:\n" +
      "- <img src=x onerror=__pwned(52)>\n- <svg onload=__pwned(53)>\n1. <script>__pwned(54)</script>\n* javascript:__pwned(55)\n",
  ],
];

/** Pastes `text`, waits until it is drawn, and pokes at what it made. */
async function showAndPoke(s, text) {
  await pasteArticle(s, text);
  const marker = text.split("\n").find((l) => l.trim()).trim();
  await s.waitUntil((m) => document.querySelector('[data-testid="article-view"]').textContent.includes(m), {
    what: "the pasted article to render",
    args: [marker],
  });
  await waitAnalysed(s);
  // Select each actor and show its tooltip: names are drawn in the panels,
  // the tooltip and the chart titles too.
  await s.exec(() => {
    const marks = [...document.querySelectorAll('[data-testid="article-view"] .hl--actor')].slice(0, 8);
    for (const m of marks) {
      m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      m.dispatchEvent(new MouseEvent("mouseenter", { bubbles: true }));
      m.click();
      m.focus();
    }
  });
  await new Promise((r) => setTimeout(r, 150));
}

function viewText(s) {
  return s.exec(() => document.querySelector('[data-testid="article-view"]').textContent);
}

test("pasted payloads are shown as text and run nothing", async () => {
  const s = await trappedSession(site);
  await openApp(s, site.url);
  assertNothingRan(assert, await caught(s), "the sample");
  // The trap works: markup that did reach the page would be caught (and,
  // under the CSP, its handler still would not run).
  await s.exec(() => document.querySelector('[data-testid="article-view"]').insertAdjacentHTML("beforeend", "<img src=x onerror=__pwned(0)>"));
  await new Promise((r) => setTimeout(r, 100));
  const control = await caught(s);
  assert.ok(control.created.length > 0 && control.found.length > 0, "the trap sees injected markup");
  assert.deepEqual(control.pwned, [], "the CSP blocks the injected handler");
  assert.ok(control.csp.some((v) => /script-src/.test(v)), `the CSP reports it: ${control.csp}`);
  await s.exec(() => {
    document.querySelector('[data-testid="article-view"] img').remove();
    window.__seen.created.length = 0;
    window.__seen.csp.length = 0;
  });
  await consoleErrors(s);
  const article = "Payloads\n\n" + PAYLOADS.map((p, i) => `Line ${i}: ${p}`).join("\n\n");
  await showAndPoke(s, article);
  const text = await viewText(s);
  for (const p of PAYLOADS) assert.ok(text.includes(p), `shown verbatim: ${p}`);
  assertNothingRan(assert, await caught(s), "all payloads at once");
  // One at a time too: alone on a line, a payload is a heading or a paragraph.
  for (const p of PAYLOADS) {
    await showAndPoke(s, `${p}\n\nPresident Jane Smith said ${p} today.`);
    assert.ok((await viewText(s)).includes(p), `shown verbatim: ${p}`);
    assertNothingRan(assert, await caught(s), p);
  }
  assert.deepEqual(await consoleErrors(s), []);
});

test("payloads in actor names, quotes, list items and split across highlights run nothing", async () => {
  const s = await trappedSession(site);
  await openApp(s, site.url);
  for (const [what, article] of STRUCTURED) {
    await showAndPoke(s, article);
    const shown = (await viewText(s)).replace(/\s+/g, " ");
    for (const line of article.split("\n").filter((l) => l.trim())) {
      assert.ok(shown.includes(line.replace(/^(- |\* |1\. )/, "").trim().replace(/\s+/g, " ")), `${what}: shown verbatim: ${line}`);
    }
    assertNothingRan(assert, await caught(s), what);
  }
  assert.deepEqual(await consoleErrors(s), []);
});

test("payloads opened as a share link, and hostile fragments, run nothing", async (t) => {
  const s = await trappedSession(site);
  await openApp(s, site.url);
  if ((await s.findAll('[data-testid="copy-link"]')).length === 0) {
    return t.skip("no copy-link button yet: share links are not built");
  }
  const article = STRUCTURED.map(([, a]) => a).join("\n\n") + "\n\n" + PAYLOADS.join("\n\n");
  await showAndPoke(s, article);
  await s.click(await s.find('[data-testid="copy-link"]'));
  await s.waitUntil(() => /Link copied|select the link/.test(document.querySelector('[data-testid="share-message"]').textContent), {
    what: "the share link",
  });
  const link = await s.exec(() => document.querySelector('[data-testid="share-link"]').value);
  assert.match(link, /#./, "a link with a fragment");
  await s.get("about:blank");
  await s.get(link);
  await waitAnalysed(s);
  const shown = await s.exec(() => ({
    view: document.querySelector('[data-testid="article-view"]').textContent,
    input: document.querySelector('[data-testid="article-input"]').value,
  }));
  assert.equal(shown.input, article, "the link carries the article unchanged");
  for (const p of PAYLOADS) assert.ok(shown.view.includes(p), `shown verbatim from the link: ${p}`);
  assertNothingRan(assert, await caught(s), "the share link");

  // Fragments that are not share links at all: shown as an error, never run.
  const hostile = [
    "<img src=x onerror=__pwned(60)>",
    "javascript:__pwned(61)",
    "\"><script>__pwned(62)</script>",
    "%3Cscript%3E__pwned(63)%3C/script%3E%3Cimg%20src=x%20onerror=__pwned(63)%3E",
    "v1.<svg/onload=__pwned(64)>",
    "x".repeat(5000) + "<script>__pwned(65)</script>",
  ];
  for (const frag of hostile) {
    await s.get("about:blank");
    await s.get(`${site.url}#${frag}`);
    await waitAnalysed(s);
    assertNothingRan(assert, await caught(s), `fragment ${frag.slice(0, 40)}`);
  }
  const errors = (await consoleErrors(s)).filter((m) => !/favicon/.test(m));
  assert.deepEqual(errors, []);
});
