// A small W3C WebDriver client over fetch: enough to drive a real Chromium
// through chromedriver without any npm dependency.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import net from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url, ms = 15000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    if (Date.now() > until) throw new Error(`nothing answered at ${url}`);
    await sleep(100);
  }
}

/** Starts chromedriver on a free loopback port. */
export async function startDriver() {
  const port = await freePort();
  const bin = process.env.CHROMEDRIVER || "/usr/bin/chromedriver";
  const proc = spawn(bin, [`--port=${port}`, "--allowed-ips=127.0.0.1"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/status`);
  return { url, stop: () => proc.kill() };
}

/** Serves `dir` under `/mount/` with Python's static file server. */
export async function startStaticServer(dir, mount) {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "explorer-site-"));
  fs.symlinkSync(path.resolve(dir), path.join(root, mount));
  const port = await freePort();
  const proc = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/${mount}/`);
  return { url: `${url}/${mount}/`, origin: url, stop: () => proc.kill() };
}

export class Session {
  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
    this.driverUrl = driverUrl;
    this.id = id;
  }

  /** Opens a new headless Chromium; `profileDir` gives it a fresh profile. */
  static async open(driverUrl, { width = 1280, height = 900, profileDir } = {}) {
    const args = [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic", `--window-size=${width},${height}`,
    ];
    if (profileDir) args.push(`--user-data-dir=${profileDir}`);
    const body = {
      capabilities: {
        alwaysMatch: {
          browserName: "chrome",
          "goog:chromeOptions": { binary: process.env.CHROMIUM || "/usr/bin/chromium", args },
          "goog:loggingPrefs": { browser: "ALL" },
        },
      },
    };
    const r = await call("POST", `${driverUrl}/session`, body);
    return new Session(driverUrl, r.sessionId);
  }

  cmd(method, path, body) {
    return call(method, `${this.base}${path}`, body);
  }

  get(url) { return this.cmd("POST", "/url", { url }); }
  url() { return this.cmd("GET", "/url"); }
  refresh() { return this.cmd("POST", "/refresh", {}); }
  close() { return this.cmd("DELETE", ""); }

  /** Runs `fn` (a function or its source) in the page with `args`. */
  exec(fn, ...args) {
    const script = typeof fn === "function" ? `return (${fn}).apply(null, arguments)` : fn;
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async find(css) {
    const r = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return r[ELEMENT];
  }
  async findAll(css) {
    const r = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return r.map((e) => e[ELEMENT]);
  }
  click(el) { return this.cmd("POST", `/element/${el}/click`, {}); }
  type(el, text) { return this.cmd("POST", `/element/${el}/value`, { text }); }
  text(el) { return this.cmd("GET", `/element/${el}/text`); }
  attr(el, name) { return this.cmd("GET", `/element/${el}/attribute/${name}`); }

  /** Moves the mouse to the middle of an element. */
  hover(el) {
    const move = { type: "pointerMove", duration: 0, origin: { [ELEMENT]: el }, x: 0, y: 0 };
    return this.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [move] }],
    });
  }

  /** Presses keys on the focused element (WebDriver key codes allowed). */
  keys(...keys) {
    const down = keys.map((k) => ({ type: "keyDown", value: k }));
    const up = [...keys].reverse().map((k) => ({ type: "keyUp", value: k }));
    return this.cmd("POST", "/actions", { actions: [{ type: "key", id: "kbd", actions: [...down, ...up] }] });
  }

  /** Polls `fn` in the page until it returns a truthy value. */
  async waitUntil(fn, { timeout = 10000, what = "condition", args = [] } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const v = await this.exec(fn, ...args);
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  /** Browser console entries since the last call. */
  logs() { return this.cmd("POST", "/se/log", { type: "browser" }); }

  cdp(cmd, params = {}) {
    return call("POST", `${this.base}/goog/cdp/execute`, { cmd, params });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}

export const Keys = { ENTER: "\uE007", ESCAPE: "\uE00C", TAB: "\uE004", SHIFT: "\uE008", CONTROL: "\uE009" };

async function call(method, url, body) {
  const r = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${url.replace(/.*\/session\/[^/]+/, "")}: ${v.error}: ${v.message}`);
  }
  return json.value;
}
