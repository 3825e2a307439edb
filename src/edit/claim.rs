//! The "New claim" form: a passage selected in an article, prefilled by the assistant, and
//! checked against the data as the user types. No UI: the app draws it.

use chrono::NaiveDate;

use super::new_place::{self, FromGazetteer};
use super::{EventFields, NewEvent, NewPlace, NewSource};
pub use crate::assist::Status;
use crate::assist::{Assistant, DatePrecision};
use crate::store::{ArticleIx, Basis, Control, EventIx, EventKind, Lookup, Precision, Store};

/// The form's fields, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimForm {
    pub article: String,
    /// The selected passage, verbatim.
    pub quote: String,
    pub place: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub date_phrase: String,
    pub precision: Precision,
    pub kind: EventKind,
    /// Actor ids or names, separated by commas.
    pub from: String,
    /// One actor, or two (comma-separated) when contested; who lost it when lost.
    pub to: String,
    /// Held (one actor in `to`), contested (two) or lost (`to` names who lost it).
    pub status: Status,
    pub basis: Basis,
    pub note: String,
    /// What the assistant proposed, in a few words (empty when it had nothing).
    pub assistant: String,
    /// Other quotes making the same claim (candidates of the same claim accepted together).
    pub more_quotes: Vec<NewSource>,
    /// Where a place no gazetteer knows is, placed by hand: "latitude, longitude".
    pub coordinates: String,
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A selected passage without the spaces and clause punctuation a drag picks up at its ends
/// (", government forces recaptured Rawa on Friday," is quoted without the commas). What is
/// left is still verbatim: only the ends are cut.
fn passage(selected: &str) -> &str {
    selected.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '–' | '—'))
}

impl ClaimForm {
    /// The form for the characters `start..end` of an article, with what the assistant
    /// proposes for that passage (the claim whose clause overlaps it most).
    pub fn prefill(store: &Store, article: ArticleIx, start: usize, end: usize) -> ClaimForm {
        let a = &store.articles[article];
        let quote: String = a
            .text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        let mut form = ClaimForm {
            article: a.id.clone(),
            quote: passage(&quote).to_owned(),
            place: String::new(),
            date: a.date.map(|d| d.to_string()).unwrap_or_default(),
            date_phrase: String::new(),
            precision: Precision::Day,
            kind: EventKind::Capture,
            from: String::new(),
            to: String::new(),
            status: Status::Held,
            basis: Basis::Stated,
            note: String::new(),
            assistant: String::new(),
            more_quotes: Vec::new(),
            coordinates: String::new(),
        };
        let Some(published) = a.date else { return form };
        let Ok(candidates) = Assistant::new(store).suggest(&a.text, published) else {
            return form;
        };
        let overlap =
            |c: &crate::assist::Candidate| c.end.min(end).saturating_sub(c.start.max(start));
        if let Some(c) = candidates
            .iter()
            .filter(|c| overlap(c) > 0)
            .max_by_key(|c| overlap(c))
        {
            form.place = c.place.clone().unwrap_or_else(|| c.name.clone());
            form.date = c.date.map(|d| d.to_string()).unwrap_or_default();
            form.date_phrase = c.date_phrase.clone().unwrap_or_default();
            form.precision = match c.precision {
                Some(DatePrecision::Day) | None => Precision::Day,
                Some(DatePrecision::Week) => Precision::Week,
                _ => Precision::Month,
            };
            form.kind = c.kind;
            form.from = c.from.join(", ");
            form.status = c.status;
            form.to = match c.status {
                Status::Lost => c.lost_by.join(", "),
                _ => c.to.join(", "),
            };
            form.basis = c.basis;
            form.assistant = c.reason.clone();
        }
        form
    }

    /// The form for one of the assistant's candidate claims, accepted in the reader: the quote
    /// is the candidate's clause verbatim, and every field is the candidate's, its status
    /// (held, contested, lost) included.
    pub fn from_candidate(
        store: &Store,
        article: ArticleIx,
        c: &crate::assist::Candidate,
    ) -> ClaimForm {
        // The prefilled form first, so that any field the candidate does not speak to keeps
        // what the assistant proposes for this passage.
        let mut form = ClaimForm::prefill(store, article, c.start, c.end);
        form.quote = c.text.clone();
        // A place the data does not have yet goes by its name: the form says it is unknown.
        form.place = match &c.place {
            Some(id) if !c.new_place => id.clone(),
            _ => c.name.clone(),
        };
        // An undated candidate (background, or a date after the article's) leaves the date
        // for the user to give.
        form.date = c.date.map(|d| d.to_string()).unwrap_or_default();
        // A date phrase belongs to the quote; one found elsewhere in the sentence (or the one
        // before) is said in the note instead.
        form.date_phrase = String::new();
        if let Some(phrase) = &c.date_phrase {
            if c.text.contains(phrase.as_str()) {
                form.date_phrase = phrase.clone();
            } else {
                form.note = format!("Dated by \u{201c}{phrase}\u{201d}, outside the quote.");
            }
        } else if let Some(note) = &c.date_note {
            // A date from an earlier sentence, or none: the note says so.
            let mut chars = note.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            form.note = format!("{}{}.", first.unwrap_or_default(), chars.as_str());
        }
        form.precision = match c.precision {
            Some(DatePrecision::Day) | None => Precision::Day,
            Some(DatePrecision::Week) => Precision::Week,
            Some(DatePrecision::Month) => Precision::Month,
            Some(DatePrecision::Year) => Precision::Year,
        };
        form.kind = c.kind;
        form.basis = c.basis;
        form.assistant = c.reason.clone();
        form.status = c.status;
        form.from = c.from.join(", ");
        form.to = match c.status {
            Status::Lost => c.lost_by.join(", "),
            _ => c.to.join(", "),
        };
        form
    }

    /// The day the date field names, if it is a date (a year alone, `2017`, when only the
    /// year is known: its first day).
    pub fn day(&self) -> Option<NaiveDate> {
        let d = self.date.trim();
        NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().or_else(|| {
            let year = (self.precision == Precision::Year && d.len() == 4)
                .then(|| d.parse::<i32>().ok())??;
            NaiveDate::from_ymd_opt(year, 1, 1)
        })
    }

    /// The label of the actors field, which names the holder, the two sides or who lost it.
    pub fn actors_label(&self) -> &'static str {
        match self.status {
            Status::Held => "To",
            Status::Contested => "Contested by",
            Status::Lost => "Lost by",
        }
    }

    /// The place to add before the claim, when it names a town of the regional gazetteer
    /// that the data does not have.
    pub fn new_place(&self, store: &Store) -> Option<NewPlace> {
        let name = self.place.trim();
        if name.is_empty() || !matches!(store.find_place(name), Lookup::NotFound { .. }) {
            return None;
        }
        match new_place::lookup(store, name) {
            Some(FromGazetteer::New(p)) => Some(p),
            Some(FromGazetteer::Known { .. }) => None,
            None => self.hand_placed(store),
        }
    }

    /// The event, or every problem with the form.
    pub fn check(&self, store: &Store) -> Result<NewEvent, Vec<String>> {
        let mut problems = Vec::new();
        let place = match store.find_place(self.place.trim()) {
            Lookup::Found(p) => Some(store.places[p].id.clone()),
            _ if self.place.trim().is_empty() => {
                problems.push("name the place".to_owned());
                None
            }
            Lookup::NotFound { suggestion } => match new_place::lookup(store, self.place.trim()) {
                Some(FromGazetteer::New(p)) => Some(p.id),
                Some(FromGazetteer::Known { gazetteer, data }) => {
                    problems.push(format!(
                        "\"{}\" is {gazetteer} in the regional gazetteer, which the data has as {data}: write {data}",
                        self.place.trim()
                    ));
                    None
                }
                None if self.hand_placed(store).is_some() => self.hand_placed(store).map(|p| p.id),
                None if !self.coordinates.trim().is_empty() => {
                    problems.push(group::COORDINATES_HELP.to_owned());
                    None
                }
                None => {
                    problems.push(match suggestion {
                        Some(s) => format!(
                            "no place \"{}\" in the data or the regional gazetteer: did you mean {s}?",
                            self.place.trim()
                        ),
                        None => format!(
                            "no place \"{}\" in the data or the regional gazetteer: place it by hand (click the map where it is, or type its coordinates)",
                            self.place.trim()
                        ),
                    });
                    None
                }
            },
            _ => {
                problems.push(format!(
                    "no single place is named \"{}\"",
                    self.place.trim()
                ));
                None
            }
        };
        let mut actors = |text: &str, what: &str| -> Vec<String> {
            split(text)
                .into_iter()
                .filter_map(|name| match store.actor_names.lookup(&name) {
                    Lookup::Found(a) => Some(store.actors[a].id.clone()),
                    _ => {
                        problems.push(format!("{what}: no actor \"{name}\""));
                        None
                    }
                })
                .collect()
        };
        let from = actors(&self.from, "from");
        let label = self.actors_label().to_lowercase();
        let named = actors(&self.to, label.as_str());
        let count = split(&self.to).len();
        match self.status {
            Status::Held if count != 1 => problems.push(
                "to: name the one actor who holds the place (for two, choose \"contested\")"
                    .to_owned(),
            ),
            Status::Contested if count != 2 => {
                problems.push("contested by: name the two sides, separated by a comma".to_owned())
            }
            Status::Contested if named.len() == 2 && named[0] == named[1] => {
                problems.push("contested by: name two different actors".to_owned())
            }
            Status::Lost if count == 0 || count > 2 => problems.push(
                "lost by: name who lost the place (one actor, or two that lost it together)"
                    .to_owned(),
            ),
            _ => {}
        }
        let (to, lost_by) = match self.status {
            Status::Lost => (Vec::new(), named),
            _ => (named, Vec::new()),
        };
        let date = self.day();
        if date.is_none() {
            problems.push(format!(
                "\"{}\" is not a date: write it as 2017-11-12",
                self.date.trim()
            ));
        }
        if self.quote.is_empty() {
            problems.push("select the passage that states the claim".to_owned());
        }
        let phrase = self.date_phrase.trim();
        if !phrase.is_empty() && !self.quote.contains(phrase) {
            problems.push(format!("the date phrase \"{phrase}\" is not in the quote"));
        }
        match (place, date) {
            (Some(place), Some(date)) if problems.is_empty() => Ok(NewEvent {
                place,
                date,
                precision: self.precision,
                kind: self.kind,
                from,
                to,
                lost_by,
                basis: self.basis,
                note: Some(self.note.trim().to_owned()).filter(|n| !n.is_empty()),
                sources: std::iter::once(NewSource {
                    article: self.article.clone(),
                    quote: self.quote.clone(),
                    date_phrase: Some(phrase.to_owned()).filter(|p| !p.is_empty()),
                    prefix: None,
                    suffix: None,
                })
                .chain(self.more_quotes.iter().cloned())
                .collect(),
            }),
            _ => Err(problems),
        }
    }
}

impl ClaimForm {
    /// The form for editing an event of the data: its fields as the store read them, and its
    /// first quote (shown, not changed: "Edit event" changes the claim, not its sources).
    pub fn from_event(store: &Store, e: EventIx) -> ClaimForm {
        let ev = &store.events[e];
        let ids = |c: Control| {
            c.actors()
                .iter()
                .map(|&a| store.actors[a].id.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let quote = ev.quotes.first();
        ClaimForm {
            article: quote
                .map(|q| store.articles[q.article].id.clone())
                .unwrap_or_default(),
            quote: quote
                .map(|q| q.exact(&store.articles).to_owned())
                .unwrap_or_default(),
            place: store.places[ev.place].id.clone(),
            date: match ev.precision {
                Precision::Year => chrono::Datelike::year(&ev.date).to_string(),
                _ => ev.date.to_string(),
            },
            date_phrase: quote
                .and_then(|q| q.date_phrase.clone())
                .unwrap_or_default(),
            precision: ev.precision,
            kind: ev.kind,
            from: ev.from.map(ids).unwrap_or_default(),
            to: ids(ev.to),
            status: match ev.to {
                Control::Held(_) => Status::Held,
                Control::Contested(..) => Status::Contested,
                Control::Lost(..) => Status::Lost,
            },
            basis: ev.basis,
            note: ev.note.clone().unwrap_or_default(),
            assistant: String::new(),
            more_quotes: Vec::new(),
            coordinates: String::new(),
        }
    }

    /// What the form changes in event `e` of the data, field by field (see [`EventFields`]),
    /// or every problem with the form.
    pub fn changes(&self, store: &Store, e: EventIx) -> Result<EventFields, Vec<String>> {
        let new = self.check(store)?;
        let ev = &store.events[e];
        let ids = |c: Control| -> Vec<String> {
            let mut v: Vec<String> = c
                .actors()
                .iter()
                .map(|&a| store.actors[a].id.clone())
                .collect();
            v.sort();
            v
        };
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        let mut f = EventFields::default();
        if store.places[ev.place].id != new.place {
            f.place = Some(new.place.clone());
        }
        let same_date = match new.precision {
            Precision::Year => {
                chrono::Datelike::year(&ev.date) == chrono::Datelike::year(&new.date)
            }
            _ => ev.date == new.date,
        };
        // A new precision rewrites the date too: a year alone goes with "year" only.
        if !same_date || ev.precision != new.precision {
            f.date = Some(new.date);
        }
        if ev.precision != new.precision {
            f.precision = Some(new.precision);
        }
        if ev.kind != new.kind {
            f.kind = Some(new.kind);
        }
        if ev.from.map(ids).unwrap_or_default() != sorted(&new.from) {
            f.from = Some(new.from.clone());
        }
        let (to, lost_by) = match ev.to {
            Control::Lost(..) => (Vec::new(), ids(ev.to)),
            held => (ids(held), Vec::new()),
        };
        if to != sorted(&new.to) || lost_by != sorted(&new.lost_by) {
            f.state = Some((new.to.clone(), new.lost_by.clone()));
        }
        if ev.basis != new.basis {
            f.basis = Some(new.basis);
        }
        // A note is compared as the form shows it (trimmed), so that opening and saving an
        // event does not rewrite a note written over several lines.
        if ev.note.as_deref().map(str::trim) != new.note.as_deref() {
            f.note = Some(new.note.clone());
        }
        Ok(f)
    }
}

pub mod group;

#[cfg(test)]
mod tests;
