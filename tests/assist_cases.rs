//! The annotation assistant on its development set (`tests/assistant/cases.toml`) and on
//! constructions of real wire copy written anew (`tests/assistant/constructions.toml`):
//! sentences with what a careful reader takes from them (`expect`) and the traps (`forbid`).

use chrono::NaiveDate;
use frontline::assist::{Assistant, Candidate, DatePrecision};
use serde::Deserialize;
use toml::Value;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    article_date: NaiveDate,
    text: String,
    #[serde(default)]
    expect: Vec<toml::Table>,
    #[serde(default)]
    forbid: Vec<toml::Table>,
}

/// A field of the case file: one id or a list of them.
fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => vec![],
    };
    out.sort();
    out
}

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// The candidate's date as the case file writes it: to the day, month or year ("undated"
/// when it has none).
fn date_label(c: &Candidate) -> String {
    let Some(date) = c.date else {
        return "undated".to_owned();
    };
    match c.precision.unwrap_or(DatePrecision::Day) {
        DatePrecision::Day | DatePrecision::Week => date.format("%Y-%m-%d").to_string(),
        DatePrecision::Month => date.format("%Y-%m").to_string(),
        DatePrecision::Year => date.format("%Y").to_string(),
    }
}

fn label<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Whether a candidate has every field the case gives.
fn matches(c: &Candidate, want: &toml::Table) -> bool {
    want.iter().all(|(key, v)| match key.as_str() {
        "place" => v.as_str() == c.place.as_deref(),
        // A place no gazetteer knows: no id, no coordinates, the name as written.
        "new_place" => {
            c.place.is_none()
                && c.latitude.is_none()
                && c.new_place
                && v.as_str() == Some(c.name.as_str())
        }
        "date" => v.as_str() == Some(date_label(c).as_str()),
        "precision" => c
            .precision
            .is_some_and(|p| v.as_str() == Some(label(p).as_str())),
        "status" => v.as_str() == Some(label(c.status).as_str()),
        "to" => ids(v) == sorted(&c.to),
        "from" => ids(v) == sorted(&c.from),
        "lost_by" => ids(v) == sorted(&c.lost_by),
        "contested_by" => ids(v) == sorted(&c.contested_by),
        other => panic!("the case file has a field the test does not know: {other}"),
    })
}

fn brief(c: &Candidate) -> String {
    format!(
        "{} {} {} to={:?} from={:?} lost_by={:?} «{}» ({})",
        c.place.as_deref().unwrap_or(&c.name),
        date_label(c),
        label(c.status),
        c.to,
        c.from,
        c.lost_by,
        c.text,
        c.reason
    )
}

#[test]
fn the_development_cases_pass() {
    run_cases("cases.toml");
}

/// Constructions found in real wire copy, written anew on other places and days.
#[test]
fn the_constructions_of_real_copy_pass() {
    run_cases("constructions.toml");
}

/// Runs a case file of `tests/assistant/`: every expected claim found, no forbidden one
/// proposed, quotes verbatim, output consistent.
fn run_cases(name: &str) {
    let path = format!("{}/tests/assistant/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::read_to_string(&path).unwrap();
    let cases: Cases = toml::from_str(&file).unwrap();
    let assistant = Assistant::new(&frontline::bundled::store());
    let mut failures = Vec::new();
    for (n, case) in cases.case.iter().enumerate() {
        let found = assistant.suggest(&case.text, case.article_date).unwrap();
        let mut problems = Vec::new();
        for want in &case.expect {
            if !found.iter().any(|c| matches(c, want)) {
                problems.push(format!("missing {want}"));
            }
        }
        for trap in &case.forbid {
            for c in found.iter().filter(|c| matches(c, trap)) {
                problems.push(format!("forbidden {}", brief(c)));
            }
        }
        if case.expect.is_empty() && case.forbid.is_empty() {
            for c in &found {
                problems.push(format!("expected nothing, found {}", brief(c)));
            }
        }
        let chars: Vec<char> = case.text.chars().collect();
        for c in &found {
            let quoted: String = chars[c.start..c.end].iter().collect();
            if quoted != c.text {
                problems.push(format!("text is not source[start..end]: {}", brief(c)));
            }
            // Consistent output: the phrase that dates a claim is in its quote; a contest
            // names the same two sides in `to` and `contested_by`; `from` never holds the new
            // holder.
            if let Some(p) = &c.date_phrase
                && !c.text.contains(p.as_str())
            {
                problems.push(format!("date phrase «{p}» outside the quote: {}", brief(c)));
            }
            if c.contested_by != c.to && !c.contested_by.is_empty() {
                problems.push(format!("contested_by is not to: {}", brief(c)));
            }
            if c.to.iter().any(|a| c.from.contains(a)) {
                problems.push(format!("from holds the new holder: {}", brief(c)));
            }
        }
        if !problems.is_empty() {
            let got: Vec<String> = found.iter().map(brief).collect();
            failures.push(format!(
                "case {} «{}»\n    {}\n    found: {:#?}",
                n + 1,
                case.text,
                problems.join("\n    "),
                got
            ));
        }
    }
    println!(
        "{name}: {} of {} pass",
        cases.case.len() - failures.len(),
        cases.case.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}
