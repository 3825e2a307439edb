//! Every kind of bad input gets a precise diagnostic (file, line, message, hint), never a
//! panic; what is valid is kept. Each test breaks a copy of the bundled data one way.

mod common;

use std::path::Path;

use assert_cmd::Command;
use frontline::store::{DataSource, Diagnostic, Severity, Store};

fn load(root: &Path) -> Store {
    Store::load(&DataSource::Dir(root.to_path_buf()))
}

/// The only error of the load (asserting there is exactly one).
fn single_error(store: &Store) -> &Diagnostic {
    let errors: Vec<&Diagnostic> = store.diagnostics.errors().collect();
    assert_eq!(errors.len(), 1, "{}", store.diagnostics.render());
    errors[0]
}

/// `frontline check` on the directory: its exit code and everything it printed.
fn check(root: &Path) -> (i32, String) {
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["check", "--data"])
        .arg(root)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_truncated_file() {
    let (_tmp, root) = common::bundled_copy();
    let text = common::bundled("events.toml");
    let cut = text.find("quote = \"Daesh recaptured Bukamal").unwrap() + 20;
    std::fs::write(root.join("events.toml"), &text[..cut]).unwrap();
    let store = load(&root);
    let e = single_error(&store);
    assert_eq!(e.file, "events.toml");
    assert!(e.message.contains("malformed TOML"), "{e}");
    assert!(e.line > 100);
    // The events before the cut are kept.
    assert!(store.events.len() >= 6, "{}", store.events.len());
    let (code, out) = check(&root);
    assert_eq!(code, 1);
    assert!(out.contains(&format!("events.toml:{}:", e.line)), "{out}");
}

#[test]
fn a_wrong_type_and_a_missing_field() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(&root, "places.toml", "lat = 34.48229", "lat = \"34.48\"");
    common::edit(&root, "actors.toml", "colour = \"#e8c21a\"\n", "");
    let store = load(&root);
    let msgs: Vec<String> = store.diagnostics.errors().map(|d| format!("{d}")).collect();
    assert!(
        msgs.iter().any(|m| m.starts_with("places.toml:")
            && m.contains("invalid type: string \"34.48\", expected f64")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("actors.toml:") && m.contains("missing field `colour`")),
        "{msgs:?}"
    );
    assert_eq!(store.places.len(), 12, "the other places are kept");
    assert_eq!(store.actors.len(), 4);
}

#[test]
fn an_impossible_date() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "date = \"2017-11-11\"",
        "date = \"2017-13-40\"",
    );
    let store = load(&root);
    let e = single_error(&store);
    assert!(
        e.message.contains("\"2017-13-40\" is not a valid date"),
        "{e}"
    );
    assert!(e.hint.as_deref().unwrap().contains("YYYY-MM-DD"));
    assert_eq!(
        store.diagnostics.sources["events.toml"]
            .lines()
            .nth(e.line - 1)
            .unwrap(),
        "date = \"2017-13-40\""
    );
}

#[test]
fn a_date_far_outside_the_span_is_flagged() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "date = \"2017-11-12\"",
        "date = \"1917-11-12\"",
    );
    let store = load(&root);
    let w: Vec<&Diagnostic> = store
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert!(
        w.iter()
            .any(|d| d.message.contains("36525 days before article")),
        "{}",
        store.diagnostics.render()
    );
    // An event dated after the article that reports it is an error.
    common::edit(
        &root,
        "events.toml",
        "date = \"1917-11-12\"",
        "date = \"2017-11-20\"",
    );
    let store = load(&root);
    assert!(store.diagnostics.errors().any(|d| {
        d.message
            .contains("an article cannot report what has not happened")
    }));
}

#[test]
fn an_empty_quote() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "quote = \"The rebound last Saturday\"\ndate_phrase = \"last Saturday\"",
        "quote = \"\"",
    );
    let store = load(&root);
    let e = single_error(&store);
    assert_eq!(e.message, "empty quote");
}

#[test]
fn a_quote_that_occurs_twice_must_be_disambiguated() {
    let (_tmp, root) = common::bundled_copy();
    // "Albu Kamal" occurs many times in the article.
    common::edit(
        &root,
        "events.toml",
        "quote = \"ISIS fully recaptured Albu Kamal, and regime forces and allied militia are now between 1km and 2km from the city limits\"",
        "quote = \"Albu Kamal\"",
    );
    let store = load(&root);
    let e = single_error(&store);
    assert!(
        e.message
            .starts_with("the quote occurs 5 times in articles/001_d71111e119c84041.txt"),
        "{e}"
    );
    assert!(e.hint.as_deref().unwrap().contains("prefix"));
    // A prefix makes it unique.
    common::edit(
        &root,
        "events.toml",
        "quote = \"Albu Kamal\"",
        "quote = \"Albu Kamal\"\nprefix = \"ISIS fully recaptured \"",
    );
    assert!(!load(&root).diagnostics.has_errors());
}

#[test]
fn an_article_that_is_not_utf8() {
    let (_tmp, root) = common::bundled_copy();
    let path = root.join("articles/003_9a330f684fae510a.txt");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.splice(100..100, [0xC3u8, 0x28]);
    std::fs::write(&path, bytes).unwrap();
    let store = load(&root);
    let e = single_error(&store);
    assert_eq!(e.file, "articles.toml");
    assert!(
        e.message
            .contains("not UTF-8 text (first bad byte at line 1"),
        "{e}"
    );
    assert_eq!(e.hint.as_deref(), Some("save the article as UTF-8 text"));
    // Its quotes are not reported one by one; the article's twin still supports the claims.
    assert_eq!(store.articles.len(), 4);
}

#[test]
fn an_annotation_file_that_is_not_utf8() {
    let (_tmp, root) = common::bundled_copy();
    let mut bytes = common::bundled("actors.toml").into_bytes();
    bytes.extend_from_slice(b"\n# caf\xe9\n");
    std::fs::write(root.join("actors.toml"), bytes).unwrap();
    let store = load(&root);
    let e = single_error(&store);
    assert_eq!((e.file.as_str(), e.line), ("actors.toml", 43));
    // No cascade of "unknown actor": the events left out are counted once.
    assert!(store.diagnostics.items.iter().any(|d| {
        d.message
            .contains("event(s) left out because actors.toml could not be read")
    }));
    let (code, out) = check(&root);
    assert_eq!(code, 1);
    assert!(out.contains("actors.toml:43:"), "{out}");
}

#[test]
fn a_file_far_larger_than_any_article_is_refused() {
    let (_tmp, root) = common::bundled_copy();
    let f = std::fs::File::create(root.join("articles/004_95f8806dc18b240a.txt")).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap(); // sparse: no memory or disk used
    let store = load(&root);
    let e = single_error(&store);
    assert!(
        e.message.contains("64.0 MiB, over the limit of 4 MiB"),
        "{e}"
    );
}

#[test]
fn article_paths_that_leave_the_data_directory_are_refused() {
    for path in [
        "../outside.txt",
        "/etc/hostname",
        "articles/../../outside.txt",
    ] {
        let (tmp, root) = common::bundled_copy();
        std::fs::write(tmp.path().join("outside.txt"), "secret").unwrap();
        common::edit(
            &root,
            "articles.toml",
            "file = \"articles/003_9a330f684fae510a.txt\"",
            &format!("file = \"{path}\""),
        );
        let store = load(&root);
        let e = single_error(&store);
        assert!(
            e.message
                .contains("the path leads outside the data directory"),
            "{path}: {e}"
        );
        assert_eq!(e.file, "articles.toml");
        assert!(e.line > 0);
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_pointing_out_is_refused() {
    let (tmp, root) = common::bundled_copy();
    std::fs::write(tmp.path().join("outside.txt"), "secret").unwrap();
    let link = root.join("articles/003_9a330f684fae510a.txt");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("outside.txt"), &link).unwrap();
    let store = load(&root);
    let e = single_error(&store);
    assert!(
        e.message
            .contains("the path leads outside the data directory"),
        "{e}"
    );
    // A link that stays inside is fine.
    std::fs::remove_file(&link).unwrap();
    std::fs::copy(
        common::bundled_dir().join("articles/003_9a330f684fae510a.txt"),
        root.join("articles/copy.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(root.join("articles/copy.txt"), &link).unwrap();
    assert!(!load(&root).diagnostics.has_errors());
}

#[test]
fn duplicate_ids() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "actors.toml",
        "id = \"sdf\"",
        "id = \"islamic_state\"",
    );
    common::edit(
        &root,
        "articles.toml",
        "id = \"mee-albu-kamal\"",
        "id = \"albu-kamal-beirut\"",
    );
    let text = common::bundled("events.toml")
        .replacen(
            "place = \"rummanah\"",
            "id = \"x\"\nplace = \"rummanah\"",
            1,
        )
        .replacen("place = \"rawa\"", "id = \"x\"\nplace = \"rawa\"", 1);
    std::fs::write(root.join("events.toml"), text).unwrap();
    let store = load(&root);
    let msgs: Vec<String> = store.diagnostics.errors().map(|d| format!("{d}")).collect();
    assert!(
        msgs.iter().any(|m| m.starts_with("actors.toml:")
            && m.contains("duplicate actor id \"islamic_state\" (first defined on line")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.starts_with("articles.toml:")
            && m.contains("duplicate article id \"albu-kamal-beirut\"")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.starts_with("events.toml:")
            && m.contains("duplicate event id \"x\" (first used at events.toml:")),
        "{msgs:?}"
    );
}

#[test]
fn an_event_that_changes_nothing() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "from = \"syrian_government\"\nto = \"islamic_state\"",
        "from = \"islamic_state\"\nto = \"islamic_state\"",
    );
    let store = load(&root);
    let e = single_error(&store);
    assert!(e.message.contains("`from` and `to` are the same"), "{e}");
    assert!(e.hint.as_deref().unwrap().contains("kind = \"report\""));
}

#[test]
fn an_empty_or_missing_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let store = load(tmp.path());
    let e = single_error(&store);
    assert!(e.message.contains("holds no Frontline data"), "{e}");
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1);
    assert!(out.contains("holds no Frontline data"));

    let missing = tmp.path().join("nope");
    let store = load(&missing);
    assert!(single_error(&store).message.contains("does not exist"));
    assert_eq!(check(&missing).0, 1);
}

#[test]
fn a_missing_required_file_does_not_cascade() {
    let (_tmp, root) = common::bundled_copy();
    std::fs::remove_file(root.join("places.toml")).unwrap();
    let store = load(&root);
    let e = single_error(&store);
    assert_eq!(e.message, "places.toml is missing");
    assert_eq!(store.events.len(), 0);
    assert_eq!(store.actors.len(), 5, "the rest still loads");
}
