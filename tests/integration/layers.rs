//! The crate guide's layering (src/lib.rs, "Layout"): no module imports a
//! module of a later row of the table, and the table lists every module.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The rows of the Layout table, in order: each row's module names.
fn layers(lib: &str) -> Vec<Vec<String>> {
    let section = lib.split("//! ## Layout").nth(1).expect("a Layout section");
    section
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("//!"))
        .filter_map(|l| l.strip_prefix("//! | "))
        .filter(|row| !row.starts_with("layer |") && !row.starts_with("---"))
        .map(|row| {
            let modules = row.split(" | ").nth(1).unwrap_or("");
            modules
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|m| m.trim_end_matches('/').to_string())
                .collect()
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate modules a file's code (not its comments, not its tests) names
/// in a `crate::` path or a `use crate::{…}` list.
fn imports(text: &str, modules: &BTreeMap<String, usize>) -> Vec<String> {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            break;
        }
        if !t.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    let mut found = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let names: Vec<&str> = if let Some(list) = rest.strip_prefix('{') {
            let end = list.find('}').unwrap_or(list.len());
            list[..end]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .collect()
        } else {
            vec![rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")]
        };
        found.extend(
            names
                .into_iter()
                .filter(|n| modules.contains_key(*n))
                .map(str::to_string),
        );
    }
    found
}

#[test]
fn no_module_imports_a_later_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = layers(&crate::read("src/lib.rs"));
    assert!(rows.len() >= 8, "{rows:?}");
    let mut layer_of = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        for m in row {
            assert!(
                layer_of.insert(m.clone(), i).is_none(),
                "{m} is listed twice"
            );
        }
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root.join("src")).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        let Some(&own) = layer_of.get(&module) else {
            problems.push(format!(
                "{module} (src/{}) is not in the Layout table",
                rel.display()
            ));
            continue;
        };
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue; // a test module of its directory
        }
        let text = std::fs::read_to_string(file).unwrap();
        for imported in imports(&text, &layer_of) {
            if layer_of[&imported] > own {
                problems.push(format!(
                    "src/{} ({module}) imports {imported}, a later layer",
                    rel.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_sees_paths_and_use_lists() {
    let modules: BTreeMap<String, usize> =
        [("wire".to_string(), 0), ("dataset".to_string(), 1)].into();
    let text = "use crate::{dataset, Error};\nfn f() { crate::wire::read_json(); }\n// crate::dataset\n#[cfg(test)]\nmod tests { use crate::dataset; }\n";
    assert_eq!(imports(text, &modules), ["dataset", "wire"]);
}
