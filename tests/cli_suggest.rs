//! `frontline suggest`: the annotation assistant on a text file, dated by `--date` or by the
//! file's first line; every bad input gets an error naming the file and exit code 1.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A text that says who took which town (the bundled data's places and actors).
const TEXT: &str = "Iraqi forces captured Al-Qaim on Friday, the army said. \
Syrian government forces and their allies took full control of Albu Kamal on Thursday.\n";

fn run(args: &[&str], file: &Path) -> (i32, String, String) {
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .arg("suggest")
        .arg(file)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json(args: &[&str], file: &Path) -> Vec<Value> {
    let (code, out, err) = run(&[args, &["--json"]].concat(), file);
    assert_eq!(code, 0, "{out}{err}");
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The file's code points `start..end`.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn a_dated_first_line_dates_the_claims_and_offsets_are_code_points() {
    let dir = tempfile::tempdir().unwrap();
    // Curly quotes and a dash before the claims: bytes and code points differ.
    let text = format!("date 2017-11-12\n\u{201c}Breaking\u{201d} \u{2013} {TEXT}");
    let file = write(&dir, "article.txt", text.as_bytes());
    let rows = json(&[], &file);
    assert!(!rows.is_empty());
    for r in &rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        for k in [
            "place",
            "name",
            "new_place",
            "latitude",
            "longitude",
            "date",
            "date_phrase",
            "precision",
            "kind",
            "from",
            "to",
            "status",
            "contested_by",
            "lost_by",
            "basis",
            "text",
            "start",
            "end",
            "reason",
        ] {
            assert!(keys.contains(&k), "{k} missing in {r}");
        }
        let quoted = slice(
            &text,
            r["start"].as_u64().unwrap(),
            r["end"].as_u64().unwrap(),
        );
        assert_eq!(quoted, r["text"].as_str().unwrap());
    }
    let ak = rows
        .iter()
        .find(|r| r["place"] == "abu_kamal")
        .expect("Albu Kamal is found");
    // "on Thursday" in an article of Sunday 12 Nov.
    assert_eq!(ak["date"], "2017-11-09");
    assert_eq!(ak["to"][0], "syrian_government");
    let (code, out, _) = run(&[], &file);
    assert_eq!(code, 0);
    assert!(out.contains("Thu 9 Nov 2017"), "{out}");
    assert!(out.contains("Abu Kamal"), "{out}");
    assert!(out.contains("held by Syrian government"), "{out}");
}

#[test]
fn date_flag_dates_an_undated_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "article.txt", TEXT.as_bytes());
    let on_12 = json(&["--date", "2017-11-12"], &file);
    let on_19 = json(&["--date", "2017-11-19"], &file);
    let date_of = |rows: &[Value]| {
        rows.iter()
            .find(|r| r["place"] == "abu_kamal")
            .map(|r| r["date"].clone())
    };
    assert_eq!(date_of(&on_12), Some("2017-11-09".into()));
    assert_eq!(date_of(&on_19), Some("2017-11-16".into()));
}

#[test]
fn bad_input_names_the_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(PathBuf, Vec<&str>, &str)> = vec![
        (
            write(&dir, "undated.txt", TEXT.as_bytes()),
            vec![],
            "no publication date",
        ),
        (
            write(&dir, "latin1.txt", b"date 2017-11-12\nAl-Qa\xefm fell.\n"),
            vec![],
            "not UTF-8",
        ),
        (
            write(&dir, "empty.txt", b"  \n"),
            vec!["--date", "2017-11-12"],
            "empty",
        ),
        (
            write(&dir, "huge.txt", &vec![b'a'; 2 * 1024 * 1024 + 1]),
            vec!["--date", "2017-11-12"],
            "over the limit",
        ),
        (
            write(&dir, "baddate.txt", TEXT.as_bytes()),
            vec!["--date", "12/11/2017"],
            "is not a date",
        ),
        (dir.path().join("missing.txt"), vec![], "missing.txt"),
    ];
    for (file, args, expected) in cases {
        let (code, out, err) = run(&args, &file);
        assert_eq!(code, 1, "{}: {out}{err}", file.display());
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(err.contains(name), "{err}");
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(out.is_empty(), "{out}");
    }
}

#[test]
fn date_flag_overrides_the_date_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "article.txt",
        format!("date 2017-11-12\n{TEXT}").as_bytes(),
    );
    let rows = json(&["--date", "2017-11-19"], &file);
    let ak = rows.iter().find(|r| r["place"] == "abu_kamal").unwrap();
    // "on Thursday" counts from the flag's Sunday 19 Nov, not the line's 12 Nov.
    assert_eq!(ak["date"], "2017-11-16");
}

#[test]
fn candidates_say_how_sure_they_are_and_which_make_the_same_claim() {
    let dir = tempfile::tempdir().unwrap();
    let text = "date 2017-11-04\n\
        Late on Friday, the prime minister announced the liberation of Anah. \
        Iraqi forces took full control of the town after a short battle.\n\n\
        Iraqi forces took the desert town of Akashat two days ago.\n\n\
        Fighting raged inside Al Qaim on Friday between Iraqi forces and Islamic State.\n";
    let file = write(&dir, "article.txt", text.as_bytes());
    let rows = json(&[], &file);
    let anah: Vec<&Value> = rows.iter().filter(|r| r["place"] == "anah").collect();
    assert_eq!(anah.len(), 2, "{rows:#?}");
    // The two sentences make one claim: one key, the second's date carried and said so.
    assert_eq!(anah[0]["claim_key"], anah[1]["claim_key"]);
    assert_eq!(anah[1]["date"], "2017-11-03");
    assert_eq!(anah[1]["date_phrase"], Value::Null);
    assert_eq!(anah[1]["confidence"], "likely");
    assert!(
        anah[1]["grounds"]
            .as_array()
            .unwrap()
            .contains(&"date_carried".into())
    );
    assert_eq!(anah[0]["confidence"], "sure");
    // A place no gazetteer knows: no id, no coordinates, its name as written.
    let akashat = rows.iter().find(|r| r["name"] == "Akashat").unwrap();
    assert_eq!(akashat["place"], Value::Null);
    assert_eq!(akashat["latitude"], Value::Null);
    assert_eq!(akashat["date"], "2017-11-02");
    assert_eq!(akashat["confidence"], "weak");
    // A contest names both sides in `to` and `contested_by`, and the line names both.
    let qaim = rows.iter().find(|r| r["place"] == "al_qaim").unwrap();
    assert_eq!(qaim["status"], "contested");
    assert_eq!(qaim["contested_by"], qaim["to"]);
    assert_eq!(qaim["to"].as_array().unwrap().len(), 2);
    for r in &rows {
        if let Some(p) = r["date_phrase"].as_str() {
            assert!(r["text"].as_str().unwrap().contains(p), "{r}");
        }
    }
    let (code, out, _) = run(&[], &file);
    assert_eq!(code, 0);
    assert!(out.contains("[likely]") && out.contains("[weak]"), "{out}");
    assert!(out.contains("unknown place"), "{out}");
    assert!(
        out.contains("contested between Iraqi government forces and Islamic State"),
        "{out}"
    );
}

#[test]
fn a_language_the_assistant_does_not_read_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "date 2017-11-17\nLes forces irakiennes ont repris la ville de Rawa vendredi.\n";
    let file = write(&dir, "article.txt", text.as_bytes());
    let (code, out, _) = run(&[], &file);
    assert_eq!(code, 0);
    assert!(out.contains("1 of 1 sentence is in French"), "{out}");
    let (code, out, err) = run(&["--json"], &file);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "[]");
    assert!(err.contains("in French"), "{err}");
}
