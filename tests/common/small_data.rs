//! A small valid data directory written into a temporary folder, to break one way per test,
//! and `frontline check` run on it.

use std::path::Path;

use tempfile::TempDir;

use super::cli::{frontline, run};

pub const ACTORS: &str = r##"[[actor]]
id = "islamic_state"
name = "Islamic State"
short = "IS"
colour = "#1a1a1a"
aliases = ["IS", "Daesh"]

[[actor]]
id = "syrian_government"
name = "Syrian government"
colour = "#d62020"
aliases = ["Syrian forces"]
"##;

pub const PLACES: &str = r#"[[place]]
id = "abu_kamal"
name = "Abu Kamal"
kind = "city"
country = "SY"
lat = 34.45226
lon = 40.91854
aliases = ["Bukamal", "Albu Kamal"]

[[place]]
id = "al_qaim"
name = "Al-Qa'im"
kind = "town"
country = "IQ"
lat = 34.36879
lon = 41.09447
"#;

/// Sunday 12 November 2017.
pub const ARTICLES: &str = r#"[[article]]
id = "report"
file = "articles/report.txt"
title = "Daesh retakes Bukamal"
date = "2017-11-12"
date_basis = "stated"
"#;

pub const ARTICLE_TEXT: &str = "date 2017-11-12
Syrian forces overran Bukamal on Thursday.
Daesh recaptured Bukamal on Saturday after a fierce fightback.
IS held the town. IS held the town, a monitor said.
";

/// Line numbers matter: the tests below name them.
pub const EVENTS: &str = r#"[[event]]
place = "abu_kamal"
date = "2017-11-09"
kind = "capture"
from = "islamic_state"
to = "syrian_government"

[[event.source]]
article = "report"
quote = "Syrian forces overran Bukamal on Thursday"
date_phrase = "on Thursday"

[[event]]
place = "Bukamal"
date = "2017-11-11"
kind = "recapture"
from = "syrian_government"
to = "islamic_state"

[[event.source]]
article = "report"
quote = "Daesh recaptured Bukamal on Saturday"
date_phrase = "on Saturday"
"#;

/// A small valid data directory, to be broken one way per test.
pub struct Data {
    dir: TempDir,
}

impl Data {
    pub fn new() -> Data {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let data = Data { dir };
        data.write("actors.toml", ACTORS);
        data.write("places.toml", PLACES);
        data.write("articles.toml", ARTICLES);
        data.write("articles/report.txt", ARTICLE_TEXT);
        data.write("events.toml", EVENTS);
        data
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Replaces the one occurrence of `from` in a file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn append(&self, rel: &str, more: &str) {
        let text = self.read(rel);
        self.write(rel, &format!("{text}{more}"));
    }

    /// `frontline check --data DIR`: the exit code and everything printed.
    pub fn check(&self) -> (i32, String) {
        let (code, stdout, stderr) = run(frontline().arg("check").arg("--data").arg(self.path()));
        (code, format!("{stdout}{stderr}"))
    }

    /// Asserts that `check` fails with exactly `errors` errors, and that the output holds every
    /// one of `expected`. Returns the output.
    pub fn check_fails(&self, errors: usize, expected: &[&str]) -> String {
        let (code, out) = self.check();
        assert_eq!(code, 1, "check should fail:\n{out}");
        assert!(out.contains(&format!("; {errors} errors,")), "{out}");
        for e in expected {
            assert!(out.contains(e), "expected {e:?} in:\n{out}");
        }
        out
    }
}
