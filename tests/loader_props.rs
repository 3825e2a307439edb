//! Property tests of the loader: arbitrary bytes and random mutations of valid files never
//! panic and never hang; the store keeps what is valid and reports the rest.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test loader_props` runs a longer search.

use std::path::Path;

use frontline::store::{DataSource, Store};
use proptest::prelude::*;

mod common;
use common::{TOML_FILES as FILES, bundled, bundled_copy as data_copy};

/// Loads with one file replaced, then restores it. The load must return (no panic) and every
/// quote it kept must be verbatim in its article.
fn load_with(root: &Path, file: &str, bytes: &[u8]) -> Store {
    std::fs::write(root.join(file), bytes).unwrap();
    let store = Store::load(&DataSource::Dir(root.to_path_buf()));
    std::fs::write(root.join(file), bundled(file)).unwrap();
    for ev in &store.events {
        for q in &ev.quotes {
            assert_eq!(
                store.articles[q.article].text.get(q.byte_start..q.byte_end),
                Some(q.exact(&store.articles))
            );
        }
    }
    // Every state query works on whatever was loaded.
    if let Some((start, end)) = store.span() {
        let _ = store.states_at(start);
        let _ = store.states_at(end);
        let _ = store.next_change(start);
    }
    store
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(vec![
        "\"",
        "'",
        "[",
        "]",
        "[[",
        "]]",
        "=",
        "\n",
        "#",
        "{",
        "}",
        ",",
        ".",
        "\\",
        "\u{2019}",
        "\u{0}",
        "2017-13-40",
        "9999-01-01",
        "-1",
        "1e999",
        "nan",
        "true",
        "place = \"x\"",
        "[[event]]",
        "[[event.source]]",
        "to = []",
        "from = \"islamic_state\"",
        "quote = \"\"",
        "\u{FEFF}",
        "é",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        any::<prop::sample::Index>().prop_map(|i| Mutation::Truncate(i.index(usize::MAX))),
        (any::<prop::sample::Index>(), 1usize..64)
            .prop_map(|(i, n)| Mutation::Delete(i.index(usize::MAX), n)),
        (any::<prop::sample::Index>(), interesting)
            .prop_map(|(i, s)| Mutation::Insert(i.index(usize::MAX), s)),
        (any::<prop::sample::Index>(), any::<char>())
            .prop_map(|(i, c)| Mutation::Replace(i.index(usize::MAX), c)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Insert(i, s) => {
                let at = (i % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Mutation::Replace(i, c) => {
                if !bytes.is_empty() {
                    let at = i % bytes.len();
                    let mut buf = [0u8; 4];
                    bytes.splice(at..at + 1, c.encode_utf8(&mut buf).bytes());
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_never_panic(file in prop::sample::select(FILES.to_vec()), mutations in prop::collection::vec(mutation(), 1..8)) {
        let (_tmp, root) = data_copy();
        let bytes = apply(&bundled(file), &mutations);
        let store = load_with(&root, file, &bytes);
        // Whatever broke, the other files' content is still there.
        if file != "places.toml" {
            prop_assert_eq!(store.places.len(), 13);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(file in prop::sample::select(FILES.to_vec()), bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let (_tmp, root) = data_copy();
        let store = load_with(&root, file, &bytes);
        prop_assert!(store.diagnostics.items.len() < 10_000);
    }

    #[test]
    fn mutated_article_text_never_panics(mutations in prop::collection::vec(mutation(), 1..6)) {
        let (_tmp, root) = data_copy();
        let file = "articles/000_6e92fd7e5eec93b9.txt";
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let bytes = apply(&text, &mutations);
        std::fs::write(root.join(file), &bytes).unwrap();
        let store = Store::load(&DataSource::Dir(root.clone()));
        for ev in &store.events {
            for q in &ev.quotes {
                prop_assert_eq!(store.articles[q.article].text.get(q.byte_start..q.byte_end), Some(q.exact(&store.articles)));
            }
        }
    }
}
