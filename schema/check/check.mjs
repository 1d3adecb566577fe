// Checks the committed JSON Schema with ajv (draft 2020-12, strict mode, ajv-formats),
// as check.py does with Python jsonschema: the schema compiles against the metaschema,
// every document the reader accepts is valid, and every document of tests/bad the reader
// rejects but ajv accepts is listed in beyond-schema.tsv for `ajv`, with its code.
//
// Run from schema/check after `npm ci`: node check.mjs
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const NAME = "ajv";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (p) => readFileSync(join(ROOT, p));

/** JSON.parse of UTF-8 bytes, or null when they are not (valid UTF-8) JSON. */
function strictJson(bytes) {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { doc: JSON.parse(text) };
  } catch {
    return null;
  }
}

function* documents() {
  for (const f of readdirSync(join(ROOT, "tests/fixtures")).filter((f) => f.endsWith(".json")).sort()) {
    yield [`tests/fixtures/${f}`, null];
  }
  for (const f of readdirSync(join(ROOT, "tests/corpus")).filter((f) => f.endsWith(".json")).sort()) {
    yield [`tests/corpus/${f}`, null];
  }
  for (const f of readdirSync(join(ROOT, "tests/fixtures/catalogue")).filter((f) => f.endsWith(".json")).sort()) {
    yield [`tests/fixtures/catalogue/${f}`, null];
  }
  for (const f of readdirSync(join(ROOT, "examples/data")).filter((f) => f.endsWith(".json")).sort()) {
    const parsed = strictJson(read(`examples/data/${f}`));
    if (parsed && parsed.doc && parsed.doc.schema === "danvan/dataset/v1") yield [`examples/data/${f}`, null];
  }
  // Dates not written YYYY-MM-DD (the reader's DV050): the schema refuses them too.
  for (const f of readdirSync(join(ROOT, "tests/wire")).filter((f) => /^lenient_date_.*\.json$/.test(f)).sort()) {
    yield [`tests/wire/${f}`, "DV050"];
  }
  for (const line of read("tests/bad/expected.tsv").toString().split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [file, code, severity] = line.split("\t");
    yield [`tests/bad/${file}`, severity === "reader" ? code : null];
  }
}

const listed = new Map();
for (const line of read("schema/check/beyond-schema.tsv").toString().split("\n")) {
  if (!line.trim() || line.startsWith("#")) continue;
  const [file, code, validators] = line.split("\t");
  if (validators.split(",").includes(NAME)) listed.set(file, code);
}

const schema = JSON.parse(read("schema/danvan-dataset-v1.schema.json").toString());
// strict: unknown keywords and formats, and ill-formed schemas, are errors.
const ajv = new Ajv2020({ strict: true, allErrors: false, validateFormats: true });
addFormats(ajv);
const validateV1 = ajv.compile(schema); // checks the schema against the 2020-12 metaschema first
// A danvan/dataset/v2 document is validated against the v2 schema, every other against v1.
const validateV2 = ajv.compile(JSON.parse(read("schema/danvan-dataset-v2.schema.json").toString()));
// A danvan/catalogue/v1 file is validated against the catalogue schema.
const validateCatalogue = ajv.compile(JSON.parse(read("schema/danvan-catalogue-v1.schema.json").toString()));
const pick = (doc) =>
  doc && doc.schema === "danvan/dataset/v2" ? validateV2 : doc && doc.schema === "danvan/catalogue/v1" ? validateCatalogue : validateV1;

const problems = [];
const validRejected = new Map();
let seen = 0;
for (const [path, code] of documents()) {
  const name = path.split("/").pop();
  const parsed = strictJson(read(path));
  if (!parsed) {
    if (code === null) problems.push(`${name}: the reader accepts it but it is not JSON here`);
    continue;
  }
  seen += 1;
  const validate = pick(parsed.doc);
  const ok = validate(parsed.doc);
  if (code === null && !ok) {
    const e = validate.errors[0];
    problems.push(`${name}: the reader accepts it, the schema does not: ${e.message} at ${e.instancePath}`);
  }
  if (code !== null && ok) validRejected.set(name, code);
}
for (const [file, code] of validRejected) {
  if (!listed.has(file)) problems.push(`${file}: schema-valid but the reader rejects it (${code}); list it in beyond-schema.tsv with its reason`);
  else if (listed.get(file) !== code) problems.push(`${file}: listed with ${listed.get(file)}, the reader says ${code}`);
}
for (const file of listed.keys()) {
  if (!validRejected.has(file)) problems.push(`${file}: listed in beyond-schema.tsv for ${NAME}, but the schema rejects it (stale row)`);
}
if (seen < 60) problems.push(`only ${seen} documents checked`);
for (const p of problems) console.error(`schema check (${NAME}): ${p}`);
if (problems.length) process.exit(1);
const version = JSON.parse(readFileSync(join(ROOT, "schema/check/node_modules/ajv/package.json"))).version;
console.log(`schema check (${NAME} ${version}): metaschema ok; ${seen} documents; ${validRejected.size} schema-valid documents the reader rejects, all listed`);
