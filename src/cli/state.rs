//! `frontline state`: every place's control at an instant, as a table or JSON.

use super::*;
use crate::store::ActorIx;
use crate::store::timeline::{Dispute, Uncertain};

#[derive(Serialize)]
struct StateRow<'a> {
    place: &'a str,
    name: &'a str,
    kind: &'a str,
    status: &'static str,
    holder: Option<&'a str>,
    holder_name: Option<&'a str>,
    contested_by: Vec<&'a str>,
    lost_by: Vec<&'a str>,
    since: Option<String>,
    last_reported: Option<String>,
    /// Days since the latest report (0: reported that day).
    days_since_report: Option<i64>,
    sources: usize,
    latitude: f64,
    longitude: f64,
    /// A disputed place's versions, each with its sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    versions: Option<Vec<VersionRow<'a>>>,
    /// The days a vague claim says the place changed hands in.
    #[serde(skip_serializing_if = "Option::is_none")]
    uncertain: Option<UncertainRow>,
}

/// One version of a disputed place.
#[derive(Serialize)]
pub(super) struct VersionRow<'a> {
    status: &'static str,
    holder: Option<&'a str>,
    contested_by: Vec<&'a str>,
    lost_by: Vec<&'a str>,
    since: Option<String>,
    sources: usize,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
pub(super) struct UncertainRow {
    from: String,
    to: String,
}

/// The fields of a state the JSON names: holder, the two contesting, those who lost it.
fn control_ids(store: &Store, c: Option<Control>) -> (Option<&str>, Vec<&str>, Vec<&str>) {
    let id = |a: ActorIx| store.actors[a].id.as_str();
    match c {
        Some(Control::Held(a)) => (Some(id(a)), Vec::new(), Vec::new()),
        Some(Control::Contested(a, b)) => (None, vec![id(a), id(b)], Vec::new()),
        Some(c @ Control::Lost(..)) => {
            (None, Vec::new(), c.lost_by().into_iter().map(id).collect())
        }
        None => (None, Vec::new(), Vec::new()),
    }
}

/// A dispute's versions as the JSON gives them.
pub(super) fn version_rows<'a>(store: &'a Store, d: &Dispute) -> Vec<VersionRow<'a>> {
    d.versions
        .iter()
        .map(|v| {
            let (holder, contested_by, lost_by) = control_ids(store, v.control);
            let ev = &store.events[v.event];
            VersionRow {
                status: status_word(v.control),
                holder,
                contested_by,
                lost_by,
                since: v.since.map(|t| t.date().to_string()),
                sources: ev.quotes.len()
                    + store
                        .timeline
                        .joined_to(v.event)
                        .map(|j| store.events[j].quotes.len())
                        .sum::<usize>(),
                articles: ev
                    .articles()
                    .into_iter()
                    .map(|a| store.articles[a].id.as_str())
                    .collect(),
            }
        })
        .collect()
}

pub(super) fn uncertain_row(u: &Uncertain) -> UncertainRow {
    UncertainRow {
        from: u.first.to_string(),
        to: u.last.to_string(),
    }
}

pub(super) fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub(super) fn status_word(c: Option<Control>) -> &'static str {
    match c {
        Some(Control::Held(_)) => "held",
        Some(Control::Contested(..)) => "contested",
        Some(Control::Lost(..)) => "lost",
        None => "unknown",
    }
}

pub(super) fn state(
    store: &Store,
    at: NaiveDateTime,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    let states = store.states_at(at);
    if json {
        let rows: Vec<StateRow> = states
            .iter()
            .map(|s| {
                let p = &store.places[s.place];
                // A disputed place has no one state: its versions say each.
                let control = if s.dispute.is_some() { None } else { s.control };
                let holder = control.and_then(Control::holder).map(|a| &store.actors[a]);
                StateRow {
                    place: &p.id,
                    name: &p.name,
                    kind: p.kind.label(),
                    status: if s.dispute.is_some() {
                        "disputed"
                    } else {
                        status_word(s.control)
                    },
                    holder: holder.map(|a| a.id.as_str()),
                    holder_name: holder.map(|a| a.name.as_str()),
                    contested_by: match control {
                        Some(Control::Contested(a, b)) => {
                            vec![&store.actors[a].id, &store.actors[b].id]
                        }
                        _ => Vec::new(),
                    },
                    lost_by: control.map_or_else(Vec::new, |c| {
                        c.lost_by()
                            .into_iter()
                            .map(|a| store.actors[a].id.as_str())
                            .collect()
                    }),
                    since: s.since.map(|t| t.date().to_string()),
                    last_reported: s.last_reported.map(|d| d.to_string()),
                    days_since_report: s.age_days(at),
                    sources: s.sources,
                    latitude: p.lat,
                    longitude: p.lon,
                    versions: s.dispute.as_ref().map(|d| version_rows(store, d)),
                    uncertain: s.uncertain.as_ref().map(uncertain_row),
                }
            })
            .collect();
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "State at {} {} ({})",
        long_date(at.date()),
        present::time_of_day(at.time()),
        store.origin
    )?;
    let mut rows = vec![[
        "PLACE".to_owned(),
        "STATUS".to_owned(),
        "SINCE".to_owned(),
        "LAST REPORT".to_owned(),
        "QUOTES".to_owned(),
    ]];
    for s in &states {
        let report = match s.age_days(at) {
            Some(0) => "that day".to_owned(),
            Some(1) => format!("{} (1 day before)", short(s.last_reported)),
            Some(n) => format!("{} ({n} days before)", short(s.last_reported)),
            None => "-".to_owned(),
        };
        let mut status = match &s.dispute {
            Some(d) => format!(
                "{}: {}",
                present::dispute_heading(d),
                d.versions
                    .iter()
                    .map(|v| present::version_line(store, v))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
            None => store.describe(s.control),
        };
        if let Some(u) = &s.uncertain {
            status.push_str(&format!(" ({})", present::uncertain_sentence(u)));
        }
        rows.push([
            store.places[s.place].name.clone(),
            status,
            s.since.map_or("-".to_owned(), |t| long_date(t.date())),
            report,
            s.sources.to_string(),
        ]);
    }
    print_table(&rows, out)?;
    Ok(ExitCode::SUCCESS)
}
