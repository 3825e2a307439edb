//! The synthetic corpus: `frontline synth` writes a data directory that loads without a
//! problem, the same for a seed, and the store answers on it as on the real data.

use assert_cmd::Command;
use frontline::store::{DataSource, Store};
use frontline::synth::{self, Options};

const SMALL: Options = Options {
    places: 40,
    events: 600,
    articles: 80,
    seed: 3,
};

fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push((
                path.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn a_small_synthetic_corpus_loads_without_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("synth");
    let summary = synth::write(&dir, &SMALL).unwrap();
    assert_eq!(summary.events, 600);
    let store = Store::load(&DataSource::Dir(dir));
    assert_eq!(
        store.diagnostics.items,
        Vec::new(),
        "{}",
        store.diagnostics.render()
    );
    assert_eq!(store.places.len(), 40);
    assert_eq!(store.events.len(), 600);
    assert_eq!(store.articles.len(), 80);
    assert_eq!(store.quote_count(), summary.quotes);
    // Some claims are reported by several articles.
    assert!(store.events.iter().any(|e| e.articles().len() > 1));
    // Every quote is in its article, at its offsets.
    for ev in &store.events {
        for q in &ev.quotes {
            let text = &store.articles[q.article].text;
            assert_eq!(&text[q.byte_start..q.byte_end], q.exact(&store.articles));
        }
    }
    // The histories change hands: the map has something to replay.
    assert!(store.timeline.changes().len() > 100);
    let (start, end) = store.span().unwrap();
    let mid = start + (end - start) / 2;
    let known = store
        .states_at(mid)
        .iter()
        .filter(|s| s.control.is_some())
        .count();
    assert!(known > 20, "{known} places known half way");
}

#[test]
fn the_same_seed_writes_the_same_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    synth::write(&a, &SMALL).unwrap();
    synth::write(&b, &SMALL).unwrap();
    synth::write(&c, &Options { seed: 4, ..SMALL }).unwrap();
    assert_eq!(files(&a), files(&b));
    assert_ne!(files(&a), files(&c));
}

#[test]
fn synth_and_check_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args([
            "synth",
            "--places",
            "25",
            "--events",
            "300",
            "--articles",
            "30",
        ])
        .args(["--seed", "9", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("25 places, 300 events"), "{stdout}");
    let check = Command::cargo_bin("frontline")
        .unwrap()
        .arg("check")
        .arg("--data")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
    // It never writes over a directory that has something in it.
    let again = Command::cargo_bin("frontline")
        .unwrap()
        .args([
            "synth",
            "--events",
            "10",
            "--places",
            "5",
            "--articles",
            "5",
            "--out",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

#[test]
fn many_events_per_place_get_hours() {
    // More events per place than days: the generator gives them times of day, and the loader
    // finds no contradiction.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("dense");
    synth::write(
        &dir,
        &Options {
            places: 1,
            events: 4000,
            articles: 50,
            seed: 1,
        },
    )
    .unwrap();
    let store = Store::load(&DataSource::Dir(dir));
    assert!(
        !store.diagnostics.has_errors(),
        "{}",
        store.diagnostics.render()
    );
    assert_eq!(store.events.len(), 4000);
    assert!(
        store
            .events
            .iter()
            .any(|e| e.at.time() != chrono::NaiveTime::MIN)
    );
}
