//! The command line's JSON on the bundled data, pinned byte for byte: `state --json` for every
//! day of the replay and `quotes PLACE --json` for every place. A change of structure must leave
//! these outputs as they are; a change of data or format re-blesses them on purpose with
//! `FRONTLINE_BLESS=1 cargo test --test pinned` and shows up in the diff of `tests/pinned/`.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;

fn pinned_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pinned")
}

/// Runs `frontline ARGS` and compares its stdout with the pinned file, or writes it when blessing.
fn assert_pinned(args: &[&str], file: &str) -> Result<(), String> {
    let out = Command::cargo_bin("frontline")
        .expect("the frontline binary")
        .args(args)
        .output()
        .expect("ran frontline");
    if !out.status.success() {
        return Err(format!(
            "{args:?} exited {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let path = pinned_dir().join(file);
    if std::env::var_os("FRONTLINE_BLESS").is_some() {
        std::fs::create_dir_all(pinned_dir()).unwrap();
        std::fs::write(&path, &out.stdout).unwrap();
        return Ok(());
    }
    let want = std::fs::read(&path)
        .map_err(|e| format!("{}: {e} (bless with FRONTLINE_BLESS=1)", path.display()))?;
    if want != out.stdout {
        return Err(format!(
            "{args:?} differs from {}:\n--- pinned\n{}\n--- now\n{}",
            path.display(),
            String::from_utf8_lossy(&want),
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    Ok(())
}

fn place_ids() -> Vec<String> {
    let places: toml::Table = toml::from_str(&common::bundled("places.toml")).unwrap();
    places["place"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn state_json_for_every_day_is_unchanged() {
    let failures: Vec<String> = (3..=12)
        .filter_map(|day| {
            let date = format!("2017-11-{day:02}");
            assert_pinned(
                &["state", "--at", &date, "--json"],
                &format!("state-{date}.json"),
            )
            .err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn quotes_json_for_every_place_is_unchanged() {
    let ids = place_ids();
    assert_eq!(ids.len(), 13, "the bundled places");
    let failures: Vec<String> = ids
        .iter()
        .filter_map(|id| {
            assert_pinned(&["quotes", id, "--json"], &format!("quotes-{id}.json")).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
