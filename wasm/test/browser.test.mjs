// The demo page (demo/index.html) in a real browser: headless Chromium (Debian's
// /usr/bin/chromium, or CHROMIUM), driven by playwright-core, the page served by a static
// server on 127.0.0.1 that the test starts and stops. Run after build.sh and `npm ci`:
// `node --test test/browser.test.mjs`. DANVAN_BIN names the command's binary, as for
// node.test.mjs. The screenshot goes to test-results/demo.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";
import { binary, command, jsonLines, pkgRoot, root } from "./common.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json" };

let server;
let browser;
let page;
let base;

before(async () => {
  binary();
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  assert.ok(existsSync(join(pkgRoot, "pkg", "web", "danvan_bg.wasm")), "run build.sh first");
  // Serves wasm/ (the demo and pkg/web) read-only; nothing outside it.
  server = createServer((req, res) => {
    const path = normalize(join(pkgRoot, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(pkgRoot + sep) || !existsSync(path)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/demo/index.html`);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Runs the page on a file chosen in its file input; returns what it shows. */
async function choose(path) {
  const runs = Number((await page.getAttribute("#status", "data-runs")) ?? 0);
  await page.setInputFiles("#file", join(root, path));
  return shown(runs);
}

/** Waits for the run after `runs`, then reads the issues, the report and the state. */
async function shown(runs) {
  await page.waitForSelector(`#status[data-runs="${runs + 1}"]`);
  return page.evaluate(() => ({
    state: document.getElementById("status").dataset.state,
    report: document.getElementById("report").textContent,
    issues: [...document.querySelectorAll("#issues li")].map((li) => ({
      severity: li.className,
      code: li.dataset.code,
      path: li.dataset.path,
      message_vi: li.querySelector(".vi").textContent,
      message: li.querySelector(".en").textContent,
    })),
  }));
}

/** The command's issues, as the page shows them. */
const commandIssues = (path) =>
  jsonLines(command(["check", path, "--format", "json"]).stdout).map((i) => ({
    severity: i.severity,
    code: i.code,
    path: i.path ?? i.cell ?? "",
    message_vi: i.message_vi,
    message: i.message,
  }));

test("each corpus fixture chosen in the page shows the golden report and the command's issues", async () => {
  for (let n = 1; n <= 9; n++) {
    const path = `tests/corpus/report-0${n}.json`;
    const golden = readFileSync(join(root, `tests/golden/v2/report-0${n}.txt`), "utf8");
    const got = await choose(path);
    assert.equal(got.state, "done", path);
    assert.equal(got.report, golden, path);
    assert.deepEqual(got.issues, commandIssues(path), path);
  }
  mkdirSync(join(pkgRoot, "test-results"), { recursive: true });
  await page.screenshot({ path: join(pkgRoot, "test-results", "demo.png"), fullPage: false });
});

test("bad documents chosen in the page show the command's issues and no report", async () => {
  for (const path of ["tests/bad/122-v2-breakdown-exceeds-whole.json", "tests/bad/002-truncated.json", "tests/bad/012-invalid-utf8.json"]) {
    const got = await choose(path);
    assert.equal(got.state, "errors", path);
    assert.equal(got.report, "", path);
    const want = commandIssues(path);
    assert.ok(want.length > 0, path);
    assert.deepEqual(got.issues, want, path);
  }
});

test("a pasted document is checked and reported like the command", async () => {
  const doc = readFileSync(join(root, "tests/corpus/report-02.json"), "utf8");
  const runs = Number(await page.getAttribute("#status", "data-runs"));
  await page.fill("#document", doc);
  await page.click("#run");
  const got = await shown(runs);
  assert.equal(got.state, "done");
  assert.equal(got.report, readFileSync(join(root, "tests/golden/v2/report-02.txt"), "utf8"));
});
