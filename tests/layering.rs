//! The crate's layering, checked on its source: the files under `src/` import each other
//! without circles (a module may use its own children), and each folder imports only its own
//! floor and the floors below it:
//!
//! - floor 0: `store` (the model, loading, formats, the time index);
//! - floor 1: the libraries (`assist`, `present`, `view`, `replay`, `diff`, `export`, `edit`,
//!   `store_to_toml`, `synth`, `geo`, `bundled`, `startup`, `output`);
//! - floor 2: `app`, the native app;
//! - floor 3: `cli`, the command line that starts the app.
//!
//! The imports are read from the text: every `crate::`, `super::` and `self::` path (with
//! `{...}` groups) outside `#[cfg(test)]` modules and `tests.rs` files, resolved to the
//! longest module that has a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Which floor each top-level module is on. A module not listed fails the test: a new one
/// must be given its floor here and in the README's Layout section.
const FLOORS: &[(&str, u8)] = &[
    ("store", 0),
    ("assist", 1),
    ("present", 1),
    ("view", 1),
    ("replay", 1),
    ("diff", 1),
    ("export", 1),
    ("edit", 1),
    ("store_to_toml", 1),
    ("synth", 1),
    ("geo", 1),
    ("bundled", 1),
    ("startup", 1),
    ("output", 1),
    ("app", 2),
    ("cli", 3),
];

type Module = Vec<String>;

/// The crate's files by module path (`app/map/mod.rs` is `["app", "map"]`), with their text.
/// `lib.rs`, `main.rs` and test files are left out.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![src.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let last = parts.last().unwrap().as_str();
            if last == "tests" || (parts.len() == 1 && (last == "lib" || last == "main")) {
                continue;
            }
            if last == "mod" {
                parts.pop();
            }
            found.insert(parts, std::fs::read_to_string(&path).unwrap());
        }
    }
    found
}

/// The text without comments, string and character literals and `#[cfg(test)]` items.
fn code_of(text: &str) -> String {
    without_tests(&without_literals(text))
}

/// The text without comments and string or character literals (whose braces and paths are no
/// code).
fn without_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let word_start = i == 0 || !is_ident(b[i - 1]);
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(b.len(), |n| i + n);
        } else if text[i..].starts_with("/*") {
            i = text[i + 2..].find("*/").map_or(b.len(), |n| i + n + 4);
        } else if word_start
            && b[i] == b'r'
            && text[i + 1..].trim_start_matches('#').starts_with('"')
        {
            // A raw string: up to a quote mark followed by as many `#` as it began with.
            let hashes = text[i + 1..].bytes().take_while(|&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            i = text[body..]
                .find(&close)
                .map_or(b.len(), |n| body + n + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3; // a character: 'x'
        } else if b[i] == b'\'' && b.get(i + 1) == Some(&b'\\') {
            // An escaped character: '\n', '\'', '\u{...}'.
            i = text[i + 3..].find('\'').map_or(b.len(), |n| i + n + 4);
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The code without its `#[cfg(test)]` items: each up to its `;` or its balanced `{...}`.
fn without_tests(code: &str) -> String {
    let b = code.as_bytes();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while let Some(n) = code[i..].find("#[cfg(test)]") {
        out.push_str(&code[i..i + n]);
        i += n;
        let mut depth = 0;
        while i < b.len() {
            match b[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    i += 1;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out.push_str(&code[i..]);
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The paths of a use tree starting at `i` (just after `crate::`, `super::` or `self::`).
fn paths_at(b: &[u8], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    loop {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
        if *i < b.len() && b[*i] == b'{' {
            *i += 1;
            loop {
                paths_at(b, i, &path, out);
                while *i < b.len() && b[*i].is_ascii_whitespace() {
                    *i += 1;
                }
                match b.get(*i) {
                    Some(b',') => *i += 1,
                    Some(b'}') => {
                        *i += 1;
                        return;
                    }
                    _ => return,
                }
                while *i < b.len() && b[*i].is_ascii_whitespace() {
                    *i += 1;
                }
                if b.get(*i) == Some(&b'}') {
                    *i += 1;
                    return;
                }
            }
        }
        let start = *i;
        while *i < b.len() && is_ident(b[*i]) {
            *i += 1;
        }
        if *i > start {
            path.push(String::from_utf8_lossy(&b[start..*i]).into_owned());
        }
        if b[*i..].starts_with(b"::") {
            *i += 2;
            continue;
        }
        out.push(path);
        return;
    }
}

/// Every module path a file's code names, resolved against the file's own module.
fn imports(module: &Module, code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    for key in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(n) = code[from..].find(key) {
            let at = from + n;
            from = at + key.len();
            // A whole path: not the tail of another one (`foo::self::`) nor of a word.
            if at > 0 && (is_ident(b[at - 1]) || b[at - 1] == b':') {
                continue;
            }
            let mut base: Vec<String> = match key {
                "crate::" => Vec::new(),
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            let mut i = at + key.len();
            // `super::super::x`: each further `super` goes one module up.
            while key == "super::" && code[i..].starts_with("super::") {
                base.pop();
                i += "super::".len();
            }
            let mut found = Vec::new();
            paths_at(b, &mut i, &base, &mut found);
            for path in found {
                out.push(path);
            }
        }
    }
    out
}

/// The import graph between files: an edge to each module named, except the file's own
/// children (and itself).
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&src);
    let mut edges = BTreeMap::new();
    for (module, text) in &files {
        let mut to = BTreeSet::new();
        for path in imports(module, &code_of(text)) {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|m| files.contains_key(m));
            if let Some(t) = target
                && !t.starts_with(module)
            {
                to.insert(t);
            }
        }
        edges.insert(module.clone(), to);
    }
    edges
}

/// The import circles: Tarjan's strongly connected components of more than one file.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, (usize, usize)>,
        stack: Vec<&'a Module>,
        on: BTreeSet<&'a Module>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a Module) {
            let n = self.index.len();
            self.index.insert(v, (n, n));
            self.stack.push(v);
            self.on.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.index[w].1.min(self.index[v].1);
                    self.index.get_mut(v).unwrap().1 = low;
                } else if self.on.contains(w) {
                    let low = self.index[w].0.min(self.index[v].1);
                    self.index.get_mut(v).unwrap().1 = low;
                }
            }
            if self.index[v].0 == self.index[v].1 {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    component.push(w.join("/"));
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        edges,
        index: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.found
}

fn floor(module: &Module) -> u8 {
    let top = module[0].as_str();
    FLOORS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|&(_, f)| f)
        .unwrap_or_else(|| panic!("src/{top} has no floor: add it to FLOORS and to the README"))
}

/// The imports that go up a floor, from modules on floors `from`.
fn upward(from: impl Fn(u8) -> bool) -> Vec<String> {
    let mut up = Vec::new();
    for (module, to) in graph() {
        for t in to {
            if from(floor(&module)) && floor(&t) > floor(&module) {
                up.push(format!("{} -> {}", module.join("/"), t.join("/")));
            }
        }
    }
    up
}

#[test]
fn no_import_circles_between_files() {
    let found = circles(&graph());
    assert!(found.is_empty(), "import circles: {found:#?}");
}

#[test]
fn libraries_and_the_app_import_nothing_above_them() {
    let up = upward(|f| f > 0);
    assert!(up.is_empty(), "imports that go up a floor: {up:#?}");
}

#[test]
fn the_store_imports_nothing_above_it() {
    let up = upward(|f| f == 0);
    assert!(up.is_empty(), "the store imports from above: {up:#?}");
}

#[test]
fn the_checker_sees_circles_groups_and_tests() {
    let a = vec!["x".to_owned()];
    let b = vec!["y".to_owned()];
    let c = vec!["x".to_owned(), "child".to_owned()];
    let edges = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone()])),
        (c.clone(), BTreeSet::from([b.clone()])),
    ]);
    assert_eq!(circles(&edges), vec![vec!["x".to_owned(), "y".to_owned()]]);
    let code = code_of(
        "use crate::{a::b, c::{d, e}};\nuse super::f; // crate::g\nconst S: &str = r#\"crate::i\"#;\nconst B: char = '{';\n#[cfg(test)]\nmod tests { const T: &str = \"}\"; use crate::h; }\nuse self::j;\n",
    );
    let m = vec!["p".to_owned(), "q".to_owned()];
    let names: Vec<String> = imports(&m, &code).iter().map(|p| p.join("/")).collect();
    assert_eq!(names, ["a/b", "c/d", "c/e", "p/f", "p/q/j"]);
    let names: Vec<String> = imports(&m, "super::super::r::s")
        .iter()
        .map(|p| p.join("/"))
        .collect();
    assert_eq!(names, ["r/s"]);
}
