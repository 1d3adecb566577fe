// Review of the package (session 9, `revw`): inputs a JavaScript caller can give that a file
// cannot, held to the `danvan` command on the bytes a file holding them would have.
// Run after build.sh: `node --test test/review.test.mjs` (DANVAN_BIN as for node.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { binary, command, jsonLines, pkgRoot, read } from "./common.mjs";

const danvan = createRequire(import.meta.url)("../pkg/node/danvan.js");

/** The readers' limit (`Limits::DEFAULT_MAX_BYTES`). */
const LIMIT = 64 * 1024 * 1024;

/** Calls `f` and returns what it throws (failing when it returns). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception");
}

/** A string's bytes as a file holding it would have them: UTF-8, an unpaired surrogate as WTF-8. */
function wtf8(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Buffer.from(out);
}

/** The command's `check --format json` of these bytes (on standard input). */
const commandCheck = (bytes) => {
  const o = command(["check", "-", "--format", "json"], bytes);
  return { status: o.status, issues: jsonLines(o.stdout) };
};

test("schema of a value that is not a string is a TypeError, not a trap in the module's allocator", () => {
  for (const name of [undefined, null, 42, 1e9, -1, true, [1, 2], { toString: () => "catalogue" }, new String("catalogue")]) {
    const e = thrown(() => danvan.schema(name));
    assert.ok(e instanceof TypeError, `${String(name)}: ${e}`);
    assert.equal(e.code, undefined, String(name));
    assert.match(e.message, /expected a string/, String(name));
  }
  // The module still answers, the same as the command.
  assert.equal(danvan.schema("catalogue"), command(["schema", "catalogue"]).stdout);
});

test("a string with an unpaired surrogate is refused where it is, as the command refuses its bytes", () => {
  // Synthetic: a corpus fixture whose title is changed.
  const doc = read("tests/corpus/report-01.json").toString("utf8");
  // The title as raw text (JSON.stringify would escape an unpaired surrogate as \\udXXX).
  const titled = (title) => doc.replace(/"title": "[^"]*"/, () => `"title": "${title}"`);
  for (const title of ["synthetic \ud800 title", "synthetic \udc00", "synthetic \ud83d", "\ude00\ud83d synthetic"]) {
    const text = titled(title);
    const cli = commandCheck(wtf8(text));
    assert.equal(cli.status, 1, title);
    const issues = danvan.check(text);
    assert.deepEqual(issues, cli.issues, JSON.stringify(title));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, "DV050");
    assert.equal(issues[0].line, 3, JSON.stringify(title));
    // Not read as U+FFFD: no report of altered text.
    const e = thrown(() => danvan.report(text));
    assert.equal(e.code, "DV050");
    assert.ok(e.message_vi.length > 0);
    assert.equal(thrown(() => danvan.upgrade(text)).code, "DV050");
  }
  // A surrogate pair is one character: read as the command reads its UTF-8.
  const paired = titled("synthetic \ud83d\ude00 title");
  assert.deepEqual(danvan.check(paired), commandCheck(Buffer.from(paired, "utf8")).issues);
  assert.equal(danvan.report(paired), command(["report", "-"], Buffer.from(paired, "utf8")).stdout);
  // So is a catalogue's unpaired surrogate: the reader's error, thrown with the catalogue's name.
  const catalogue = read("tests/fixtures/catalogue/synthetic.catalogue.json").toString("utf8").replace("Synthetic province catalogue", "Synthetic \ud800 catalogue");
  const e = thrown(() => danvan.check(doc, catalogue));
  assert.equal(e.code, "DV050");
  assert.equal(e.input, "catalogue");
  assert.equal(e.line, 3);
});

test("strings at and past the readers' limit: the command's answer for the same bytes", () => {
  // The command reads one byte past the limit: a longer input is that one (its pipe closes).
  for (const length of [LIMIT, LIMIT + 1, 3 * LIMIT]) {
    const text = " ".repeat(length);
    const cli = commandCheck(Buffer.from(text.slice(0, LIMIT + 1)));
    assert.deepEqual(danvan.check(text), cli.issues, `${length}`);
    assert.equal(cli.issues[0].code, length > LIMIT ? "DV120" : "DV050", `${length}`);
    // The same as bytes.
    assert.deepEqual(danvan.check(new Uint8Array(length).fill(32)), cli.issues, `${length} bytes`);
  }
  // Three bytes a character: LIMIT / 3 characters and one more are past it.
  const wide = "ệ".repeat(Math.floor(LIMIT / 3) + 1);
  assert.equal(danvan.check(wide)[0].code, "DV120");
  assert.equal(thrown(() => danvan.check(read("tests/corpus/report-01.json"), wide)).code, "DV120");
});

/** The module's memory (bytes) after one call of `check` on `expression`, in a fresh process. */
function memoryAfter(expression) {
  const script = `
    import { readFileSync } from "node:fs";
    import { initSync, check } from ${JSON.stringify(join(pkgRoot, "pkg/web/danvan.js"))};
    const wasm = initSync({ module: readFileSync(${JSON.stringify(join(pkgRoot, "pkg/web/danvan_bg.wasm"))}) });
    const code = check(${expression})[0].code;
    console.log(JSON.stringify({ code, bytes: wasm.memory.buffer.byteLength }));`;
  const o = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(o.status, 0, o.stderr);
  return JSON.parse(o.stdout);
}

test("a huge string costs the module's memory what the limit costs, not its size (memory never shrinks)", () => {
  // 450,000,000 bytes of UTF-8 as a string, and as bytes (which are cut at the limit).
  const string = memoryAfter(`"ệ".repeat(150_000_000)`);
  const bytes = memoryAfter(`new Uint8Array(450_000_000).fill(32)`);
  assert.equal(string.code, "DV120");
  assert.equal(bytes.code, "DV120");
  assert.ok(string.bytes <= bytes.bytes * 1.1, `string: ${string.bytes} bytes of memory, bytes: ${bytes.bytes}`);
});

test("the TypeScript types name every argument's type and the optional ones", () => {
  for (const target of ["node", "web"]) {
    const types = readFileSync(join(pkgRoot, `pkg/${target}/danvan.d.ts`), "utf8");
    assert.match(types, /function check\(document: string \| Uint8Array, catalogue\?: string \| Uint8Array \| null\): Issue\[\];/);
    assert.match(types, /function report\(document: string \| Uint8Array, catalogue\?: string \| Uint8Array \| null, unit\?: string \| null\): string;/);
    assert.match(types, /function schema\(name: string\): string;/);
    assert.doesNotMatch(types, /\b(document|catalogue|unit|name|v1)\??: any\b/);
  }
});

test("a DANVAN_BIN that does not exist fails the tests instead of another binary being used", () => {
  const script = `import { binary } from ${JSON.stringify(join(pkgRoot, "test/common.mjs"))}; console.log(binary());`;
  const o = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    // A real binary where the other places are looked at.
    env: { ...process.env, DANVAN_BIN: "/nonexistent/danvan", CARGO_TARGET_DIR: dirname(dirname(binary())) },
  });
  assert.notEqual(o.status, 0, o.stdout);
  assert.match(o.stderr, /\/nonexistent\/danvan/);
});
