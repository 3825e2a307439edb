//! Property tests of claims' time: a vaguer claim that agrees never changes who holds a place,
//! and the order of files and events never changes the result.

use std::path::Path;

use frontline::store::{DataSource, Store};
use proptest::prelude::*;

mod common;

const ACTORS: [&str; 3] = ["islamic_state", "syrian_government", "sdf"];
const PLACES: [&str; 2] = ["abu_kamal", "raqqa"];

/// One claim: a place, how its date is written, the day of its article, the state after and
/// the state before (for a change).
#[derive(Debug, Clone)]
struct Claim {
    place: usize,
    date: String,
    article_day: u32,
    to: usize,
    from: Option<usize>,
}

/// Writes a data directory (the bundled actors and places) with each claim in an article of
/// its own, the claims spread over `files` event files in the order given.
fn write(root: &Path, claims: &[Claim], files: &[Vec<usize>]) -> Store {
    std::fs::create_dir_all(root.join("articles")).unwrap();
    std::fs::create_dir_all(root.join("events")).unwrap();
    for f in ["actors.toml", "places.toml"] {
        std::fs::write(root.join(f), common::bundled(f)).unwrap();
    }
    let mut articles = String::new();
    for (i, c) in claims.iter().enumerate() {
        let text = format!(
            "date 2017-11-{:02}\nClaim number {i} is told here.\n",
            c.article_day
        );
        std::fs::write(root.join(format!("articles/a{i}.txt")), text).unwrap();
        articles.push_str(&format!(
            "[[article]]\nid = \"a{i}\"\nfile = \"articles/a{i}.txt\"\ntitle = \"a{i}\"\n\
             title_basis = \"headline\"\ndate = \"2017-11-{:02}\"\ndate_basis = \"stated\"\n\n",
            c.article_day
        ));
    }
    std::fs::write(root.join("articles.toml"), articles).unwrap();
    for (n, file) in files.iter().enumerate() {
        let mut text = String::new();
        for &i in file {
            let c = &claims[i];
            let kind = if c.from.is_some() {
                "capture"
            } else {
                "report"
            };
            text.push_str(&format!(
                "[[event]]\nplace = \"{}\"\ndate = \"{}\"\nkind = \"{kind}\"\nto = \"{}\"\n",
                PLACES[c.place], c.date, ACTORS[c.to]
            ));
            if let Some(f) = c.from {
                text.push_str(&format!("from = \"{}\"\n", ACTORS[f]));
            }
            text.push_str(&format!(
                "\n[[event.source]]\narticle = \"a{i}\"\nquote = \"Claim number {i} is told here.\"\n\n"
            ));
        }
        std::fs::write(root.join(format!("events/f{n}.toml")), text).unwrap();
    }
    Store::load(&DataSource::Dir(root.to_path_buf()))
}

/// Who holds each place at the end of every day of November, with any dispute's versions and
/// uncertain window: what the command line and the map show.
fn reading(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for day in 1..=30 {
        let at = chrono::NaiveDate::from_ymd_opt(2017, 11, day)
            .unwrap()
            .and_hms_opt(23, 59, 59)
            .unwrap();
        for s in store.states_at(at) {
            let mut versions: Vec<String> = s
                .dispute
                .iter()
                .flat_map(|d| d.versions.iter().map(|v| format!("{:?}", v.control)))
                .collect();
            versions.sort();
            out.push(format!(
                "{day} {} {} {versions:?} {:?}",
                s.place,
                store.describe(s.control),
                s.uncertain.map(|u| (u.first, u.last))
            ));
        }
    }
    out
}

/// A history of one place: a report on day 2, then changes on later even days.
fn history() -> impl Strategy<Value = Vec<Claim>> {
    (0..2usize, prop::collection::vec(0..3usize, 2..7)).prop_map(|(place, holders)| {
        let mut claims = Vec::new();
        let mut prev: Option<usize> = None;
        for (i, h) in holders.into_iter().enumerate() {
            let to = match prev {
                Some(p) if p == h => (h + 1) % 3,
                _ => h,
            };
            let day = 2 + 2 * i as u32;
            claims.push(Claim {
                place,
                date: format!("2017-11-{day:02}"),
                article_day: day,
                to,
                from: prev,
            });
            prev = Some(to);
        }
        claims
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_vaguer_claim_that_agrees_never_changes_who_holds_a_place(
        claims in history(),
        pick in any::<prop::sample::Index>(),
        before in 0..3u32,
        after in 1..3u32,
        month in any::<bool>(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let all: Vec<usize> = (0..claims.len()).collect();
        let plain = write(&tmp.path().join("plain"), &claims, std::slice::from_ref(&all));
        prop_assert!(plain.diagnostics.items.is_empty(), "{:?}", plain.diagnostics.items);
        // A vague claim of one of the changes, from a later article.
        let changes: Vec<&Claim> = claims.iter().filter(|c| c.from.is_some()).collect();
        prop_assume!(!changes.is_empty());
        let c = changes[pick.index(changes.len())];
        let day = c.article_day;
        let date = if month {
            "2017-11".to_owned()
        } else {
            format!("2017-11-{:02}/2017-11-{:02}", (day - before).max(1), day + after)
        };
        let mut more = claims.clone();
        more.push(Claim { date, article_day: 29, ..c.clone() });
        let all: Vec<usize> = (0..more.len()).collect();
        let with = write(&tmp.path().join("with"), &more, &[all]);
        prop_assert!(with.diagnostics.items.is_empty(), "{:?}", with.diagnostics.items);
        prop_assert_eq!(reading(&plain), reading(&with));
        prop_assert!(with.events.iter().any(|e| e.joins.is_some()));
    }

    #[test]
    fn the_order_of_files_and_events_never_changes_the_result(
        a in history(),
        b in history(),
        vague_day in 0..4u32,
        seed in any::<u64>(),
    ) {
        // Two places' histories (days apart so that no two claims of a place share a day), a
        // vague claim, spread over files in order and then shuffled.
        let mut claims: Vec<Claim> = a;
        for mut c in b {
            c.place = 1 - claims[0].place;
            claims.push(c);
        }
        claims.push(Claim {
            place: claims[0].place,
            date: "2017-11".to_owned(),
            article_day: 15 + 2 * vague_day,
            to: 2,
            from: None,
        });
        let tmp = tempfile::tempdir().unwrap();
        let n = claims.len();
        let in_order = write(&tmp.path().join("a"), &claims, &[(0..n).collect()]);
        let mut shuffled: Vec<usize> = (0..n).rev().collect();
        let k = (seed as usize) % n;
        shuffled.rotate_left(k);
        let (x, y) = shuffled.split_at(n / 2);
        let files = if seed % 2 == 0 { vec![y.to_vec(), x.to_vec()] } else { vec![x.to_vec(), y.to_vec()] };
        let other = write(&tmp.path().join("b"), &claims, &files);
        prop_assert_eq!(reading(&in_order), reading(&other));
    }
}
