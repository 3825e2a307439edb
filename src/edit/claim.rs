//! The "New claim" form: a passage selected in an article, prefilled by the assistant, and
//! checked against the data as the user types. No UI: the app draws it.

use chrono::NaiveDate;

use super::{NewEvent, NewSource};
use crate::assist::{Assistant, DatePrecision};
use crate::store::{ArticleIx, Basis, EventKind, Lookup, Precision, Store};

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
    /// One actor, or two (comma-separated) when contested.
    pub to: String,
    pub basis: Basis,
    pub note: String,
    /// What the assistant proposed, in a few words (empty when it had nothing).
    pub assistant: String,
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
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
            quote: quote.trim().to_owned(),
            place: String::new(),
            date: a.date.map(|d| d.to_string()).unwrap_or_default(),
            date_phrase: String::new(),
            precision: Precision::Day,
            kind: EventKind::Capture,
            from: String::new(),
            to: String::new(),
            basis: Basis::Stated,
            note: String::new(),
            assistant: String::new(),
        };
        let Some(published) = a.date else { return form };
        let Ok(candidates) = Assistant::new(store).suggest(&a.text, published) else {
            return form;
        };
        let overlap =
            |c: &crate::assist::Candidate| c.end.min(end).saturating_sub(c.start.max(start));
        if let Some(c) = candidates
            .iter()
            .filter(|c| !c.new_place && overlap(c) > 0)
            .max_by_key(|c| overlap(c))
        {
            form.place = c.place.clone();
            form.date = c.date.to_string();
            form.date_phrase = c.date_phrase.clone().unwrap_or_default();
            form.precision = match c.precision {
                DatePrecision::Day => Precision::Day,
                DatePrecision::Week => Precision::Week,
                _ => Precision::Month,
            };
            form.kind = c.kind;
            form.from = c.from.join(", ");
            form.to = c.to.join(", ");
            form.basis = c.basis;
            form.assistant = c.reason.clone();
        }
        form
    }

    /// The form for one of the assistant's candidate claims, accepted in the reader: the quote
    /// is the candidate's clause verbatim, and every field is the candidate's. The form has no
    /// status of its own: a contested candidate has its two sides in `to` (which is how the
    /// data says contested), and a lost one names who lost it in `from` and leaves `to` empty
    /// with a note, so that the form asks who holds the place now rather than guess.
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
        form.place = if c.new_place {
            c.name.clone()
        } else {
            c.place.clone()
        };
        form.date = c.date.to_string();
        // A date phrase belongs to the quote; one found elsewhere in the sentence (or the one
        // before) is said in the note instead.
        form.date_phrase = String::new();
        if let Some(phrase) = &c.date_phrase {
            if c.text.contains(phrase.as_str()) {
                form.date_phrase = phrase.clone();
            } else {
                form.note = format!("Dated by \u{201c}{phrase}\u{201d}, outside the quote.");
            }
        }
        form.precision = match c.precision {
            DatePrecision::Day => Precision::Day,
            DatePrecision::Week => Precision::Week,
            DatePrecision::Month => Precision::Month,
            DatePrecision::Year => Precision::Year,
        };
        form.kind = c.kind;
        form.basis = c.basis;
        form.assistant = c.reason.clone();
        match c.status {
            crate::assist::Status::Lost => {
                form.from = c.lost_by.join(", ");
                form.to = String::new();
                let lost = format!(
                    "No longer held by {}; the article does not say who holds it now.",
                    c.lost_by.join(" and ")
                );
                form.note = [lost, std::mem::take(&mut form.note)]
                    .join(" ")
                    .trim()
                    .to_owned();
            }
            _ => {
                form.from = c.from.join(", ");
                form.to = c.to.join(", ");
            }
        }
        form
    }

    /// The day the date field names, if it is a date.
    pub fn day(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").ok()
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
            Lookup::NotFound {
                suggestion: Some(s),
            } => {
                problems.push(format!(
                    "no place \"{}\": did you mean {s}?",
                    self.place.trim()
                ));
                None
            }
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
        let to = actors(&self.to, "to");
        if split(&self.to).is_empty() || split(&self.to).len() > 2 {
            problems.push("to: one actor, or two separated by a comma when contested".to_owned());
        }
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
                basis: self.basis,
                note: Some(self.note.trim().to_owned()).filter(|n| !n.is_empty()),
                sources: vec![NewSource {
                    article: self.article.clone(),
                    quote: self.quote.clone(),
                    date_phrase: Some(phrase.to_owned()).filter(|p| !p.is_empty()),
                    prefix: None,
                    suffix: None,
                }],
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_prefilled_by_the_assistant_and_checked() {
        let store = crate::bundled::store();
        let (ix, a) = store
            .articles
            .iter()
            .enumerate()
            .find(|(_, a)| a.text.contains("overran Bukamal on Thursday"))
            .unwrap();
        let byte = a
            .text
            .find("Syrian regime forces and allied militia")
            .unwrap();
        let start = a.text[..byte].chars().count();
        let end = start + "Syrian regime forces and allied militia from Lebanon, Iraq and Iran overran Bukamal on Thursday".chars().count();
        let form = ClaimForm::prefill(&store, ix, start, end);
        assert!(
            form.quote.ends_with("overran Bukamal on Thursday"),
            "{}",
            form.quote
        );
        assert_eq!(form.place, "abu_kamal");
        assert_eq!(form.date, "2017-11-09");
        let event = form.check(&store).unwrap();
        assert_eq!(event.to, ["syrian_government"]);
        assert_eq!(event.sources[0].quote, form.quote);

        let wrong = ClaimForm {
            place: "Atlantis".into(),
            to: "nobody".into(),
            date: "9 Nov".into(),
            ..form
        };
        let problems = wrong.check(&store).unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn a_candidate_becomes_a_form_with_its_own_clause_and_fields() {
        let store = crate::bundled::store();
        let (ix, a) = store
            .articles
            .iter()
            .enumerate()
            .find(|(_, a)| a.text.contains("his forces captured Rumana"))
            .unwrap();
        let candidates = Assistant::new(&store)
            .suggest(&a.text, a.date.unwrap())
            .unwrap();
        let c = candidates
            .iter()
            .find(|c| c.text.contains("captured Rumana"))
            .unwrap();
        let form = ClaimForm::from_candidate(&store, ix, c);
        assert_eq!(form.quote, c.text);
        assert_eq!(form.place, c.place);
        assert_eq!(form.date, c.date.to_string());
        // "on Saturday" dates it from the sentence before: said in the note, not the quote.
        assert_eq!(c.date_phrase.as_deref(), Some("on Saturday"));
        assert!(!c.text.contains("on Saturday"));
        assert!(form.date_phrase.is_empty());
        assert!(form.note.contains("on Saturday"), "{}", form.note);
        assert_eq!(form.to, c.to.join(", "));
        assert_eq!(form.kind, c.kind);
        let event = form.check(&store).unwrap();
        assert_eq!(event.sources[0].quote, c.text);
        // A phrase inside the clause is the form's date phrase.
        let c = candidates
            .iter()
            .find(|c| c.text.contains("Daesh recaptured Bukamal"))
            .unwrap();
        let form = ClaimForm::from_candidate(&store, ix, c);
        assert_eq!(form.date_phrase, "on Saturday");
        assert!(form.check(&store).is_ok());

        // A lost candidate: who lost it is in `from`, and the form asks who holds it.
        let lost = candidates
            .iter()
            .find(|c| c.status == crate::assist::Status::Lost)
            .unwrap();
        let form = ClaimForm::from_candidate(&store, ix, lost);
        assert_eq!(form.from, lost.lost_by.join(", "));
        assert!(form.to.is_empty());
        assert!(form.note.contains("does not say who holds it now"));
        assert!(form.check(&store).is_err());
    }
}
