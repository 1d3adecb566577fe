// The package as a Node app uses it, held to the `danvan` command (run as a real process)
// and to the committed goldens. Run after build.sh: `node --test test/node.test.mjs`.
// DANVAN_BIN names the command's binary (default: ../target/debug/danvan, then release).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { command as run, jsonLines, read, root } from "./common.mjs";

const danvan = createRequire(import.meta.url)("../pkg/node/danvan.js");
const command = (...args) => run(args);

const corpus = readdirSync(join(root, "tests/corpus")).filter((f) => /^report-\d+\.json$/.test(f)).sort();
const bad = readdirSync(join(root, "tests/bad")).filter((f) => f.endsWith(".json")).sort();

/** Calls `f` and returns what it throws (failing when it returns). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception");
}

test("the corpus is there", () => {
  assert.equal(corpus.length, 9);
  assert.ok(bad.length >= 140, `only ${bad.length} bad documents`);
});

test("report of each corpus fixture: the command's text and the golden paragraph", () => {
  for (const file of corpus) {
    const path = `tests/corpus/${file}`;
    const golden = read(`tests/golden/v2/${file.replace(".json", ".txt")}`).toString("utf8");
    const cli = command("report", path);
    assert.equal(cli.status, 0, `${path}: ${cli.stderr}`);
    assert.equal(cli.stdout, golden, `${path}: the command`);
    // The same from a string and from the file's bytes.
    assert.equal(danvan.report(read(path).toString("utf8")), golden, `${path}: string`);
    assert.equal(danvan.report(new Uint8Array(read(path))), golden, `${path}: bytes`);
  }
});

test("check of each corpus fixture: the command's issue objects", () => {
  for (const file of corpus) {
    const path = `tests/corpus/${file}`;
    const cli = command("check", path, "--format", "json");
    const issues = danvan.check(read(path));
    assert.deepEqual(issues, jsonLines(cli.stdout), path);
    assert.equal(cli.status, issues.some((i) => i.severity === "error") ? 1 : 0, path);
  }
});

test("check of each bad document: the command's issue objects, and the expected code and place", () => {
  const expected = new Map();
  for (const line of read("tests/bad/expected.tsv").toString("utf8").split("\n")) {
    const [file, code, severity, place] = line.split("\t");
    if (!line.startsWith("#") && place !== undefined) expected.set(file, { code, severity, place });
  }
  let named = 0;
  for (const file of bad) {
    const path = `tests/bad/${file}`;
    const cli = command("check", path, "--format", "json");
    assert.ok(cli.status === 0 || cli.status === 1, `${path}: status ${cli.status}: ${cli.stderr}`);
    const issues = danvan.check(read(path));
    assert.deepEqual(issues, jsonLines(cli.stdout), path);
    assert.equal(issues.some((i) => i.severity === "error"), cli.status === 1, path);
    // expected.tsv names the v2 checks' code for the v2 documents (the v1 ones are for `danvan::check`).
    const want = expected.get(file);
    if (!file.includes("-v2-") || !want || want.code === "-") continue;
    named += 1;
    const hit = issues.find((i) => i.code === want.code);
    assert.ok(hit, `${path}: no ${want.code} in ${JSON.stringify(issues)}`);
    assert.ok(hit.message.length > 0 && hit.message_vi.length > 0, path);
    if (want.severity === "reader") {
      const [line, column] = want.place.split(":");
      if (column !== undefined) assert.deepEqual([hit.line, hit.column], [Number(line), Number(column)], path);
    } else {
      assert.equal(hit.severity, want.severity, path);
      assert.equal(hit.path, want.place, path);
    }
  }
  assert.ok(named >= 26, `only ${named} v2 documents of expected.tsv were held to it`);
});

test("report of each bad document: the command's text, or its issues thrown", () => {
  for (const file of bad) {
    const path = `tests/bad/${file}`;
    const cli = command("report", path);
    if (cli.status === 0) {
      assert.equal(danvan.report(read(path)), cli.stdout, path);
      continue;
    }
    const e = thrown(() => danvan.report(read(path)));
    assert.ok(e instanceof Error, path);
    assert.match(e.code, /^DV\d{3}$/, path);
    assert.ok(e.message.length > 0 && e.message_vi.length > 0, path);
    if (cli.status === 1) {
      // The command prints every issue (text); the exception carries them all as objects.
      const text = danvan.check(read(path)).map((i) => i.code);
      assert.deepEqual(e.issues.map((i) => i.code), text, path);
      assert.equal(e.issues.length, cli.stdout.split("\n").filter((l) => l !== "").length, path);
      assert.equal(e.severity, "error", path);
      assert.ok(cli.stdout.includes(e.code), `${path}: ${e.code} not in ${cli.stdout}`);
    } else {
      assert.equal(cli.status, 2, `${path}: ${cli.stderr}`);
      assert.ok(cli.stderr.includes(e.message), `${path}: "${e.message}" not in ${cli.stderr}`);
    }
  }
});

test("upgrade: the command's v2 document", () => {
  for (const path of ["tests/fixtures/seed-2022.json", "tests/fixtures/synthetic-small.json", "tests/corpus/report-03.json"]) {
    const cli = command("upgrade", path);
    assert.equal(cli.status, 0, `${path}: ${cli.stderr}`);
    const v2 = danvan.upgrade(read(path));
    assert.equal(v2, cli.stdout, path);
    assert.equal(JSON.parse(v2).schema, "danvan/dataset/v2", path);
  }
  const e = thrown(() => danvan.upgrade("[1]"));
  assert.equal(e.code, "DV051");
  assert.deepEqual([e.line, e.column], [1, 1]);
});

test("schema: the command's text and the committed schema", () => {
  for (const [name, file] of [
    ["dataset-v1", "schema/danvan-dataset-v1.schema.json"],
    ["dataset-v2", "schema/danvan-dataset-v2.schema.json"],
    ["catalogue", "schema/danvan-catalogue-v1.schema.json"],
  ]) {
    const cli = command("schema", name);
    assert.equal(cli.status, 0, name);
    const text = danvan.schema(name);
    assert.equal(text, cli.stdout, name);
    assert.deepEqual(JSON.parse(text), JSON.parse(read(file).toString("utf8")), name);
  }
  const e = thrown(() => danvan.schema("dataset-v3"));
  assert.equal(e.code, "DV204");
  assert.equal(e.input, "schema");
  assert.ok(command("schema", "dataset-v3").stderr.includes(e.message));
  assert.match(e.message_vi, /dataset-v3/);
});

test("a catalogue file types a custom indicator, as with --catalogue", () => {
  // Synthetic: the document of the command's own test (tests/integration/cli.rs).
  const doc = JSON.stringify({
    schema: "danvan/dataset/v2",
    title: "synthetic",
    period: { start: "2024-01-01", end: "2024-12-31" },
    units: [{ code: "30", name: "Tỉnh A (synthetic)" }],
    figures: [{ indicator: "gift_packages", unit: "30", actor: "front", value: 12 }],
  });
  const catalogueFile = "tests/fixtures/catalogue/synthetic.catalogue.json";
  const catalogue = read(catalogueFile);
  const without = danvan.check(doc);
  assert.ok(without.some((i) => i.severity === "error"), "unknown indicator without the catalogue");
  assert.deepEqual(danvan.check(doc, catalogue), []);
  const o = run(["report", "-", "--catalogue", catalogueFile], doc);
  assert.equal(o.status, 0, o.stderr);
  assert.equal(danvan.report(doc, catalogue), o.stdout);
  assert.match(o.stdout, /12 suất/);
  // A catalogue the reader refuses is thrown, naming the catalogue.
  const e = thrown(() => danvan.check(doc, "{"));
  assert.equal(e.code, "DV050");
  assert.equal(e.input, "catalogue");
});

test("report of a unit, and of units the dataset does not speak for", () => {
  const path = "tests/corpus/report-05.json";
  const unknown = thrown(() => danvan.report(read(path), undefined, "01"));
  assert.equal(unknown.code, "DV200");
  assert.equal(unknown.input, "unit");
  const cli = command("report", path, "--unit", "01");
  assert.equal(cli.status, 2);
  assert.ok(cli.stderr.includes(unknown.message), cli.stderr);
  const notACode = thrown(() => danvan.report(read(path), null, "x"));
  assert.match(notACode.code, /^DV\d{3}$/);
  assert.ok(command("report", path, "--unit", "x").stderr.includes(notACode.message));
  const noUnit = thrown(() =>
    danvan.report(JSON.stringify({ schema: "danvan/dataset/v2", title: "synthetic", period: { start: "2024-01-01", end: "2024-12-31" } })),
  );
  assert.equal(noUnit.code, "DV203");
});

test("arguments of the wrong type are TypeErrors, not panics", () => {
  for (const f of [() => danvan.check(42), () => danvan.report({}), () => danvan.upgrade(undefined), () => danvan.check(read("tests/corpus/report-01.json"), 7)]) {
    const e = thrown(f);
    assert.ok(e instanceof TypeError, String(e));
    assert.equal(e.code, undefined);
  }
  assert.ok(thrown(() => danvan.report(read("tests/corpus/report-01.json"), null, 30)) instanceof TypeError);
  // The package still answers after them.
  assert.equal(danvan.check(read("tests/corpus/report-01.json")).length, 0);
});
