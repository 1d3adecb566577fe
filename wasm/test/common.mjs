// What both tests share: the repository's root, the `danvan` command they hold the package to
// (DANVAN_BIN, else $CARGO_TARGET_DIR/debug, ../target/debug, ../target/release), and reading
// its JSON Lines.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's folder (wasm/) and the repository's root. */
export const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(pkgRoot, "..");

// A DANVAN_BIN that is given is the only place: when it is missing the tests fail, rather
// than hold the package to another (perhaps stale) binary.
const candidates = process.env.DANVAN_BIN
  ? [process.env.DANVAN_BIN]
  : [
      process.env.CARGO_TARGET_DIR && join(process.env.CARGO_TARGET_DIR, "debug", "danvan"),
      join(root, "target", "debug", "danvan"),
      join(root, "target", "release", "danvan"),
    ].filter(Boolean);

/** The command's binary: a test fails, naming where it looked, when there is none. */
export function binary() {
  const found = candidates.find((p) => existsSync(p));
  assert.ok(found, `no danvan binary (cargo build --features cli, or set DANVAN_BIN): looked at ${candidates.join(", ")}`);
  return found;
}

/** Runs the command in the repository root (`input` on its standard input). */
export function command(args, input) {
  const o = spawnSync(binary(), args, { cwd: root, encoding: "utf8", input });
  assert.equal(o.error, undefined, `${args.join(" ")}: ${o.error}`);
  return { status: o.status, stdout: o.stdout, stderr: o.stderr };
}

/** JSON Lines as objects. */
export const jsonLines = (text) => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));

/** A file of the repository, as bytes. */
export const read = (path) => readFileSync(join(root, path));
