//! `frontline quotes`: a place's events with the verbatim quotes behind each, as text or JSON.

use super::state::{is_zero, status_word};
use super::*;

#[derive(Serialize)]
#[serde(untagged)]
enum ControlJson<'a> {
    Held(&'a str),
    Contested([&'a str; 2]),
    /// Lost: nobody is said to hold it.
    Lost(Option<()>),
}

fn control_json(store: &Store, c: Control) -> ControlJson<'_> {
    match c {
        Control::Held(a) => ControlJson::Held(&store.actors[a].id),
        Control::Contested(a, b) => {
            ControlJson::Contested([&store.actors[a].id, &store.actors[b].id])
        }
        Control::Lost(..) => ControlJson::Lost(None),
    }
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    date: String,
    time_precision: &'static str,
    place: &'a str,
    kind: &'static str,
    basis: &'static str,
    change: bool,
    from: Option<ControlJson<'a>>,
    to: ControlJson<'a>,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lost_by: Vec<&'a str>,
    note: Option<&'a str>,
    /// Sources that could not be checked (reported as errors); left out when none.
    #[serde(skip_serializing_if = "is_zero")]
    damaged_sources: usize,
    /// The claim's date as written (EDTF), when it names no single day (a week, a month, a
    /// range, a day it was true by; a year is said by `time_precision`).
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<String>,
    /// The event this vague claim corroborates (one more source of its change).
    #[serde(skip_serializing_if = "Option::is_none")]
    joins: Option<&'a str>,
    /// The other version, when this claim and another disagree about the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    disputes: Option<&'a str>,
    /// A dispute's resolution: "preferred" or "deprecated", and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank_reason: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    set_aside: bool,
    quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    article: &'a str,
    outlet: Option<&'a str>,
    article_date: Option<String>,
    text: &'a str,
    start: usize,
    end: usize,
    date_phrase: Option<&'a str>,
}

pub(super) fn quotes(
    store: &Store,
    place: PlaceIx,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    let events = crate::present::place_claims(store, place);
    let p = &store.places[place];
    if json {
        let rows: Vec<EventJson> = events
            .iter()
            .map(|&e| {
                let ev = &store.events[e];
                EventJson {
                    id: &ev.id,
                    date: ev.date.to_string(),
                    time_precision: ev.precision.label(),
                    place: &p.id,
                    kind: ev.kind.name(),
                    basis: if ev.basis == crate::store::Basis::Inferred {
                        "inferred"
                    } else {
                        "stated"
                    },
                    change: store.timeline.is_change(e, &store.events),
                    from: ev.from.map(|c| control_json(store, c)),
                    to: control_json(store, ev.to),
                    status: status_word(Some(ev.to)),
                    lost_by: ev
                        .to
                        .lost_by()
                        .into_iter()
                        .map(|a| store.actors[a].id.as_str())
                        .collect(),
                    note: ev.note.as_deref(),
                    damaged_sources: ev.damaged_sources,
                    // A year is said by `time_precision` and `date` already.
                    interval: (ev.interval.is_vague()
                        && ev.interval.form != crate::store::interval::DateForm::Year)
                        .then(|| ev.interval.edtf()),
                    joins: ev.joins.map(|j| store.events[j].id.as_str()),
                    disputes: ev.disputes.map(|j| store.events[j].id.as_str()),
                    rank: (ev.rank != crate::store::Rank::Normal).then(|| ev.rank.name()),
                    rank_reason: ev.rank_reason.as_deref(),
                    set_aside: ev.set_aside,
                    quotes: ev
                        .quotes
                        .iter()
                        .map(|q| {
                            let a = &store.articles[q.article];
                            QuoteJson {
                                article: &a.id,
                                outlet: a.outlet.as_deref(),
                                article_date: a.date.map(|d| d.to_string()),
                                text: q.exact(&store.articles),
                                start: q.start,
                                end: q.end,
                                date_phrase: q.date_phrase.as_deref(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} ({}, {}, {})",
        p.name,
        p.id,
        p.kind.label(),
        p.country
    )?;
    if !p.aliases.is_empty() {
        writeln!(out, "also: {}", p.aliases.join(", "))?;
    }
    if events.is_empty() {
        writeln!(
            out,
            "\nNo events: the articles say nothing about who controls {}.",
            p.name
        )?;
    }
    for &e in &events {
        let ev = &store.events[e];
        let change = if store.timeline.is_change(e, &store.events) {
            ""
        } else {
            " (no change)"
        };
        let inferred = if ev.basis == crate::store::Basis::Inferred {
            ", inferred"
        } else {
            ""
        };
        let precision = match ev.precision {
            crate::store::Precision::Day => String::new(),
            other => format!(", known to the {}", other.label()),
        };
        let day = if ev.interval.is_vague() {
            crate::present::claim_time(ev)
        } else {
            long_date(ev.date)
        };
        writeln!(
            out,
            "\n{day}  {}: {}{change}{inferred}{precision}",
            ev.kind.label(),
            store.describe(Some(ev.to))
        )?;
        if let Some(j) = ev.joins {
            writeln!(
                out,
                "  corroborates the claim of {}",
                long_date(store.events[j].date)
            )?;
        }
        for j in store.timeline.joined_to(e) {
            writeln!(out, "  {}", crate::present::also_reported(store, j))?;
        }
        if let Some(d) = (ev.disputes.is_some()
            || store.events.iter().any(|o| o.disputes == Some(e)))
        .then(|| crate::store::timeline::Dispute::of(store, e))
        .flatten()
        {
            writeln!(out, "  {}:", crate::present::dispute_heading(&d))?;
            for v in &d.versions {
                writeln!(out, "    {}", crate::present::version_line(store, v))?;
            }
        }
        if ev.set_aside {
            writeln!(out, "  {}", crate::present::set_aside_sentence(ev))?;
        } else if ev.rank == crate::store::Rank::Preferred {
            let why = ev
                .rank_reason
                .as_deref()
                .unwrap_or("preferred over the other version");
            writeln!(out, "  resolved: {why}")?;
        }
        if let Some(from) = ev.from {
            writeln!(out, "  before: {}", store.describe(Some(from)))?;
        }
        if let Some(note) = &ev.note {
            writeln!(out, "  note: {note}")?;
        }
        if let Some(damaged) = crate::present::damaged_sentence(ev) {
            writeln!(out, "  warning: {damaged} (`frontline check`)")?;
        }
        if let Some(annotation) = crate::present::annotation_sentence(ev) {
            writeln!(out, "  {annotation}")?;
        }
        for q in &ev.quotes {
            let a = &store.articles[q.article];
            let date = a.date.map_or("undated".to_owned(), long_date);
            writeln!(
                out,
                "  \u{201C}{}\u{201D}\n      {} ({}, {})",
                q.exact(&store.articles),
                a.id,
                a.outlet_or_unnamed(),
                date
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
