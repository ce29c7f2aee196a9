// Shared by the hardening tests (injection, csp, limits): a trap installed
// before any page script runs, recording anything a payload could make
// happen: a call to window.__pwned() or alert(), a changed title, a
// dangerous element or attribute added to the page, a CSP violation.

export const TRAP = `
(() => {
  const seen = (window.__seen = { pwned: [], created: [], csp: [], title: null });
  window.__pwned = (why) => seen.pwned.push(String(why));
  for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = (m) => seen.pwned.push(name + ":" + m);
  document.addEventListener("securitypolicyviolation", (e) =>
    seen.csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
  const DANGER = new Set(["script", "img", "iframe", "frame", "object", "embed", "math", "base", "meta", "link",
    "style", "form", "video", "audio", "source", "template", "foreignobject", "marquee", "details", "isindex", "portal"]);
  const check = (el) => {
    if (!(el instanceof Element)) return;
    const inBody = document.body && document.body.contains(el);
    if (!inBody) return;
    const tag = el.localName.toLowerCase();
    const ownChart = el.closest("svg[data-testid]");
    // The app's own disclosure widgets carry a test id, which article text
    // (only ever text nodes) cannot give an element.
    const ownDetails = tag === "details" && el.hasAttribute("data-testid");
    if ((DANGER.has(tag) && !ownDetails) || (tag === "svg" && !el.hasAttribute("data-testid")) || (el.namespaceURI !== "http://www.w3.org/1999/xhtml" && !ownChart)) {
      seen.created.push("<" + tag + "> in " + (el.parentElement ? el.parentElement.localName : "?"));
    }
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith("on") || ((a.name.endsWith("href") || a.name === "src" || a.name === "action" || a.name === "data") && v.startsWith("javascript:"))) {
        seen.created.push("<" + tag + " " + a.name + "=" + a.value + ">");
      }
    }
    for (const child of el.children) check(child);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) check(n);
      if (r.type === "attributes") check(r.target);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  addEventListener("TrunkApplicationStarted", () => { seen.title = document.title; });
})();
`;

/** Opens a session with the trap installed in every page it loads. */
export async function trappedSession(site) {
  const s = await site.open();
  await s.cdp("Page.enable");
  await s.cdp("Page.addScriptToEvaluateOnNewDocument", { source: TRAP });
  return s;
}

/** What the trap saw, plus a scan of the page for dangerous elements. */
export function caught(s) {
  return s.exec(() => {
    const seen = window.__seen || { pwned: ["the trap is missing"], created: [], csp: [] };
    const scan = [...document.querySelectorAll("img,script,iframe,svg:not([data-testid]),math,object,embed,frame,base,form,template,video,audio")]
      .filter((el) => document.body.contains(el))
      .map((el) => el.outerHTML.slice(0, 80));
    const handlers = [...document.body.querySelectorAll("*")]
      .filter((el) => [...el.attributes].some((a) => a.name.startsWith("on")))
      .map((el) => el.outerHTML.slice(0, 80));
    const jsLinks = [...document.querySelectorAll("[href],[src],[action]")]
      .filter((el) => /^\s*javascript:/i.test(el.getAttribute("href") || el.getAttribute("src") || el.getAttribute("action") || ""))
      .map((el) => el.outerHTML.slice(0, 80));
    return {
      pwned: seen.pwned,
      created: seen.created,
      csp: seen.csp,
      titleChanged: seen.title !== null && document.title !== seen.title ? document.title : null,
      found: [...scan, ...handlers, ...jsLinks],
    };
  });
}

/** Nothing ran, nothing was created, no title change, no CSP violation. */
export function assertNothingRan(assert, got, what) {
  assert.deepEqual(got.pwned, [], `${what}: a payload ran`);
  assert.deepEqual(got.created, [], `${what}: a payload made an element or handler`);
  assert.deepEqual(got.found, [], `${what}: a dangerous element is in the page`);
  assert.equal(got.titleChanged, null, `${what}: the title changed`);
  assert.deepEqual(got.csp, [], `${what}: CSP violations`);
}
