#!/usr/bin/env bash
# Builds the browser/Node package into wasm/pkg/: pkg/node (wasm-bindgen --target nodejs,
# CommonJS) and pkg/web (--target web, an ES module with an init function).
# Needs the wasm32-unknown-unknown target (rustup target add wasm32-unknown-unknown) and
# wasm-bindgen on PATH at the version wasm/Cargo.toml pins (or WASM_BINDGEN=/path/to/it).
set -euo pipefail
cd "$(dirname "$0")"

wasm_bindgen=${WASM_BINDGEN:-wasm-bindgen}
pinned=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
have=$("$wasm_bindgen" --version | awk '{print $2}')
if [ "$have" != "$pinned" ]; then
  echo "build.sh: $wasm_bindgen is $have, wasm/Cargo.toml pins wasm-bindgen =$pinned:" >&2
  echo "  cargo install --locked wasm-bindgen-cli --version $pinned" >&2
  exit 1
fi

target_dir=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --target wasm32-unknown-unknown
wasm="$target_dir/wasm32-unknown-unknown/release/danvan_wasm.wasm"

rm -rf pkg/node pkg/web
"$wasm_bindgen" --target nodejs --out-dir pkg/node --out-name danvan "$wasm"
"$wasm_bindgen" --target web --out-dir pkg/web --out-name danvan "$wasm"
# pkg/node is CommonJS (the package's type); pkg/web is an ES module and says so, for Node
# and the tools that read a folder's package.json.
echo '{"type": "module"}' > pkg/web/package.json
ls -l pkg/node/danvan_bg.wasm pkg/web/danvan_bg.wasm
