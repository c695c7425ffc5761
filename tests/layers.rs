//! The crate's modules depend one way: each top-level module may use only the modules of the
//! layers below its own (the order is [`LAYERS`], also in README's architecture section), and no
//! two files of one module use each other, directly or through others. The test reads
//! `src/**/*.rs`, drops comments, strings and character literals, and follows every `crate::…`,
//! `super::…`, `self::…` and (in a `use`) child-module path to the file that defines it; test
//! modules count too, so a test of a lower module cannot reach up either.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level modules from the bottom up. A module may use the modules of lower layers only;
/// modules of one layer do not use each other.
const LAYERS: &[&[&str]] = &[
    // Plain mechanisms with no dependency inside the crate: messages, the models' `Nullable`, and
    // the identity of every request body.
    &["text", "models", "bodies"],
    // The JSON parser, issues, pattern matchers and the generic schema walker.
    &["validation"],
    // Requests, operations, query parameters, paging, retry, rate limits, errors.
    &["http"],
    // The providers: their tables, rules and operations.
    &["auth0", "okta"],
    // Each body's rules: a body's identity dispatched to its provider.
    &["rules"],
    // The client's sans-I/O core: prepare (rules + operations), calls, tokens, the exchange.
    &["client"],
    // The drivers of the client core: the npm package's `#[wasm_bindgen]` boundary, and the Rust
    // async API (feature `rust-client`).
    &["js", "rust_client"],
];

/// References the layers above forbid and that other work removes; each must still exist (the
/// test fails once it is gone, so the entry is deleted with it): file, module it may use.
const PENDING: &[(&str, &str)] = &[];

/// One path reference found in a file: the module it resolves to.
type Refs = BTreeSet<String>;

/// `text` without comments, string and character literals (each replaced by a space), so paths
/// in prose or in messages are not read as references.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = at(i);
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && at(i) != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && matches!(at(i + 1), '"' | '#') && (i == 0 || !is_ident(at(i - 1))) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if at(j) == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && at(i) != '"' {
                if at(i) == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1F600}'), or a lifetime ('a), which is kept.
            if at(i + 1) == '\\' {
                let mut j = i + 2;
                while j < chars.len() && at(j) != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push(' ');
            } else if at(i + 2) == '\'' {
                i += 3;
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A token: an identifier, `::`, or one other character.
fn tokens(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        if is_ident(c) {
            let start = i;
            while chars.get(i).is_some_and(|&(_, c)| is_ident(c)) {
                i += 1;
            }
            let word: String = chars[start..i].iter().map(|&(_, c)| c).collect();
            out.push((at, word));
        } else if c == ':' && chars.get(i + 1).is_some_and(|&(_, c)| c == ':') {
            out.push((at, "::".to_owned()));
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push((at, c.to_string()));
            i += 1;
        }
    }
    out
}

/// The module a file defines: `src/http/url.rs` is `http::url`, `src/http/mod.rs` is `http`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_owned();
        if stem != "mod" && stem != "lib" {
            parts.push(stem);
        }
    }
    parts
}

/// Every `.rs` file under `dir`, with its path below `root`.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).unwrap();
            out.push((module_of(relative), fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The longest prefix of `path` that is a file module, as `a::b`; `None` for the crate root.
fn resolve(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| &path[..n])
        .find(|prefix| modules.contains(*prefix))
        .map(|prefix| prefix.join("::"))
}

/// The modules `source` (a file of module `file`) refers to.
fn references(file: &[String], source: &str, modules: &BTreeSet<Vec<String>>) -> Refs {
    let stripped = strip(source);
    let tokens = tokens(&stripped);
    let word = |i: usize| tokens.get(i).map(|(_, t)| t.as_str()).unwrap_or("");
    // Inline modules (`mod tests { … }`): the token range each covers.
    let mut inline: Vec<(usize, usize, String)> = Vec::new();
    let mut stack: Vec<(usize, Option<String>)> = Vec::new();
    for i in 0..tokens.len() {
        match word(i) {
            "{" => {
                let name = (i >= 2 && word(i - 2) == "mod").then(|| word(i - 1).to_owned());
                stack.push((i, name));
            }
            "}" => {
                if let Some((start, Some(name))) = stack.pop() {
                    inline.push((start, i, name));
                }
            }
            _ => {}
        }
    }
    let module_at = |i: usize| {
        let mut here = file.to_vec();
        let mut enclosing: Vec<_> = inline.iter().filter(|(s, e, _)| *s < i && i < *e).collect();
        enclosing.sort_by_key(|(s, _, _)| *s);
        here.extend(enclosing.iter().map(|(_, _, name)| name.clone()));
        here
    };
    let mut out = Refs::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = word(i);
        let preceded_by_path = i > 0 && word(i - 1) == "::";
        let starts = matches!(first, "crate" | "super" | "self") && word(i + 1) == "::";
        // `use child::…` inside a module: a path relative to the module itself.
        let in_use = i > 0 && word(i - 1) == "use";
        if preceded_by_path || !(starts || in_use) {
            i += 1;
            continue;
        }
        let mut path = match first {
            "crate" => Vec::new(),
            _ => module_at(i),
        };
        let mut j = i;
        if in_use && !starts {
            path.push(first.to_owned());
            j += 1;
        } else {
            loop {
                match word(j) {
                    "crate" => {}
                    "self" => {}
                    "super" => {
                        path.pop();
                    }
                    _ => break,
                }
                j += 1;
                if word(j) != "::" {
                    break;
                }
                j += 1;
            }
        }
        while is_ident(word(j).chars().next().unwrap_or(' ')) {
            path.push(word(j).to_owned());
            if word(j + 1) != "::" {
                j += 1;
                break;
            }
            j += 2;
        }
        // A use group, `a::{b::C, d}`: each item's first name extends the path.
        let mut targets = vec![path.clone()];
        if word(j) == "{" {
            let mut depth = 0;
            let mut item_start = true;
            while j < tokens.len() {
                match word(j) {
                    "{" => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    "," if depth == 1 => item_start = true,
                    w if item_start && depth == 1 => {
                        let mut item = path.clone();
                        if w != "self" {
                            item.push(w.to_owned());
                        }
                        targets.push(item);
                        item_start = false;
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        for target in targets {
            if let Some(module) = resolve(&target, modules) {
                out.insert(module);
            }
        }
        i = j.max(i + 1);
    }
    let own = file.join("::");
    out.remove(&own);
    out
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

/// Every file module of `src/` and the modules each refers to.
fn graph() -> BTreeMap<String, Refs> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &root, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
    files
        .iter()
        .map(|(module, source)| (module.join("::"), references(module, source, &modules)))
        .collect()
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&top(module)))
}

/// The references that break the layer order: (file, module it uses).
fn upward(graph: &BTreeMap<String, Refs>) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (file, refs) in graph {
        if file.is_empty() {
            continue; // lib.rs declares the modules
        }
        let Some(from) = layer_of(file) else {
            continue;
        };
        for target in refs {
            if top(target) == top(file) {
                continue;
            }
            if layer_of(target).is_some_and(|to| to >= from) {
                found.insert((file.clone(), top(target).to_owned()));
            }
        }
    }
    found
}

/// A cycle among the files of one top-level module (a module's `mod.rs` re-exports its children,
/// so only edges between two of its files count), as the modules along it.
fn cycle_within(graph: &BTreeMap<String, Refs>) -> Option<Vec<String>> {
    let edges = |from: &String| -> Vec<String> {
        graph
            .get(from)
            .into_iter()
            .flatten()
            .filter(|to| top(to) == top(from) && to.contains("::") && from.contains("::"))
            .cloned()
            .collect()
    };
    // Depth-first search with colours: 1 on the stack, 2 done.
    fn visit(
        node: &String,
        edges: &dyn Fn(&String) -> Vec<String>,
        colour: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        colour.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in edges(node) {
            match colour.get(&next) {
                Some(1) => {
                    let start = stack.iter().position(|m| *m == next).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next);
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(cycle) = visit(&next, edges, colour, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        colour.insert(node.clone(), 2);
        None
    }
    let mut colour = BTreeMap::new();
    for node in graph.keys() {
        if !colour.contains_key(node) {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, &edges, &mut colour, &mut stack) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn every_top_level_module_has_a_layer() {
    let graph = graph();
    let unplaced: BTreeSet<&str> = graph
        .keys()
        .filter(|file| !file.is_empty() && layer_of(file).is_none())
        .map(|file| top(file))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules missing from LAYERS: {unplaced:?}"
    );
}

#[test]
fn modules_use_only_lower_layers() {
    let graph = graph();
    let found = upward(&graph);
    let pending: BTreeSet<(String, String)> = PENDING
        .iter()
        .map(|(file, module)| ((*file).to_owned(), (*module).to_owned()))
        .collect();
    let breaking: Vec<_> = found.difference(&pending).collect();
    assert!(
        breaking.is_empty(),
        "references against the layer order {LAYERS:?} (file, module it uses): {breaking:#?}"
    );
    let stale: Vec<_> = pending.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "PENDING entries no longer needed, delete them: {stale:#?}"
    );
}

#[test]
fn no_cycle_between_the_files_of_a_module() {
    let graph = graph();
    assert_eq!(cycle_within(&graph), None, "a cycle of file modules");
}

#[test]
fn the_reader_finds_references() {
    // The reader itself, on a small crate: every form of path it must follow, and none of the
    // text it must skip.
    let modules: BTreeSet<Vec<String>> = ["a", "a::x", "a::y", "b", "c", "d", "e"]
        .iter()
        .map(|m| m.split("::").map(str::to_owned).collect())
        .collect();
    let file: Vec<String> = vec!["a".into(), "x".into()];
    let source = r##"
        //! Uses [`crate::e`] in prose only.
        use super::y::Thing;
        use crate::{b, c::Item};
        fn f() -> &'static str { let _ = 'c'; "crate::e::not_a_path" }
        const R: &str = r#"crate::e"#;
        mod tests {
            use super::super::y;
            fn g() { crate::d::h(); }
        }
    "##;
    let found = references(&file, source, &modules);
    let expected: Refs = ["a::y", "b", "c", "d"]
        .iter()
        .map(|m| (*m).to_owned())
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_declared_order_is_the_readme_s() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let order: Vec<String> = LAYERS
        .iter()
        .map(|layer| {
            layer
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let line = order.join(" < ");
    assert!(
        readme.contains(&line),
        "README's architecture section should state the layer order as: {line}"
    );
}

/// The top-level modules that may reference JS (`js_sys`, `web_sys`, `wasm_bindgen` and the
/// drivers' JS crates): the npm package's boundary and the Rust async driver. Everything else is
/// plain Rust over plain data, so the validators, the call core and the models build and test
/// natively.
const JS_MODULES: &[&str] = &["js", "rust_client"];

#[test]
fn only_the_drivers_reference_js() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &root, &mut files);
    assert!(files.len() > 20, "read {} files", files.len());
    let crates = [
        "js_sys",
        "web_sys",
        "wasm_bindgen",
        "gloo_net",
        "gloo_timers",
    ];
    let mut found = Vec::new();
    for (module, source) in &files {
        let top = module.first().map(String::as_str).unwrap_or("");
        if JS_MODULES.contains(&top) {
            continue;
        }
        let code = strip(source);
        for (_, token) in tokens(&code) {
            if crates.contains(&token.as_str()) {
                found.push((module.join("::"), token));
            }
        }
    }
    assert!(
        found.is_empty(),
        "JS referenced outside {JS_MODULES:?}: {found:?}"
    );
}
