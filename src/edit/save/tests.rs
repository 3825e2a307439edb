//! The save through the one writer: modes kept, and a directory that cannot be written stops
//! the save before anything changed, with the edits still in the session.

use std::os::unix::fs::PermissionsExt;

use chrono::NaiveDate;

use super::*;
use crate::edit::{EditSession, NewArticle, NewEvent, NewSource, events_file_for};
use crate::output::testing::{in_read_only_dir, with_umask};
use crate::store::{Basis, DateBasis, EventKind, Precision};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// A copy of the bundled data in a fresh temporary directory (directly under the system's
/// temporary directory, so that an unprivileged thread can reach it).
fn data() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_data(&crate::bundled::data_source(), tmp.path()).unwrap();
    tmp
}

fn edits(s: &mut EditSession) {
    s.push(Edit::AddArticle(NewArticle {
        id: "husaybah-entered".into(),
        text: "Iraqi forces entered Husaybah on Friday, a local official said.\n".into(),
        title: "Iraqi forces enter Husaybah".into(),
        outlet: None,
        date: NaiveDate::from_ymd_opt(2017, 11, 10),
        date_basis: DateBasis::Stated,
        date_precision: Precision::Day,
        url: None,
        language: None,
    }));
    s.push(Edit::AddEvent {
        file: events_file_for("husaybah-entered"),
        event: NewEvent {
            place: "husaybah".into(),
            date: NaiveDate::from_ymd_opt(2017, 11, 10).unwrap(),
            precision: Precision::Day,
            kind: EventKind::Entered,
            from: vec!["islamic_state".into()],
            to: vec!["islamic_state".into(), "iraqi_government".into()],
            basis: Basis::Stated,
            note: None,
            lost_by: vec![],
            sources: vec![NewSource {
                article: "husaybah-entered".into(),
                quote: "Iraqi forces entered Husaybah on Friday".into(),
                date_phrase: Some("on Friday".into()),
                prefix: None,
                suffix: None,
            }],
        },
    });
}

#[test]
fn a_save_keeps_the_modes_of_the_files_it_replaces_and_new_files_get_the_usual_one() {
    let tmp = data();
    let root = tmp.path();
    let articles = root.join("articles.toml");
    std::fs::set_permissions(&articles, std::fs::Permissions::from_mode(0o664)).unwrap();
    let mut s = EditSession::new(Snapshot::open(root.to_owned()).unwrap());
    edits(&mut s);
    let written = with_umask(0o022, || s.save()).unwrap();
    assert_eq!(written.len(), 3, "{written:?}");
    assert_eq!(mode(&articles), 0o664, "articles.toml keeps its mode");
    assert_eq!(mode(&root.join("articles/husaybah-entered.txt")), 0o644);
    assert_eq!(mode(&root.join("events/husaybah-entered.toml")), 0o644);
}

#[test]
fn a_read_only_data_directory_stops_the_save_and_keeps_the_edits() {
    let tmp = data();
    let root = tmp.path();
    let before = Snapshot::open(root.to_owned()).unwrap();
    let mut s = EditSession::new(before.clone());
    edits(&mut s);
    let Some(failed) = in_read_only_dir(root, || s.save()) else {
        return;
    };
    let err = failed.unwrap_err();
    assert!(
        matches!(
            &err,
            SaveError::Write {
                source: OutputError::ReadOnly { .. }
            }
        ),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(text.contains("read-only"), "{text}");
    assert!(text.contains("nothing was saved"), "{text}");
    assert!(text.contains("Save as"), "says what to do: {text}");
    // Nothing on disk changed, no temporary file is left, and the edits are all still there.
    let after = Snapshot::open(root.to_owned()).unwrap();
    assert_eq!(after.files, before.files);
    assert!(!root.join("articles/husaybah-entered.txt").exists());
    let stray: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    assert_eq!(s.edits().len(), 2);
    assert!(s.is_dirty());
    // Once the directory can be written again, the same session saves them.
    assert_eq!(s.save().unwrap().len(), 3);
    assert!(!s.is_dirty());
}
