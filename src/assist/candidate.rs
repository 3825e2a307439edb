//! What the assistant hands out: candidate claims with the grounds they rest on and how sure
//! it is of each, and the names and dates of a text for the reader's highlights.

use chrono::NaiveDate;
use serde::Serialize;

use crate::store::{Basis, EventKind};

use super::DatePrecision;

/// Whether a place is held, fought over, or no longer held by someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Held by the one actor in `to`.
    Held,
    /// Fought over by the actors in `to`.
    Contested,
    /// No longer held by the actors in `lost_by`; who holds it is not said. New to the model:
    /// the store does not have it yet.
    Lost,
}

/// How sure the assistant is of a candidate: a reader checks the weaker ones first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated by its own sentence, dated by it or by the publication, about a known place.
    Sure,
    /// Something was carried over or filled in: a date from an earlier sentence, a subject
    /// named before, a place only the gazetteer knows, a side that is not named.
    Likely,
    /// Something essential is missing or doubtful: no date (background), a date after the
    /// article's own, a place no gazetteer knows.
    Weak,
}

/// Why a candidate is proposed as it is: each ground the rules relied on or could not settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// The sentence of the claim gives its date.
    DatedBySentence,
    /// No date phrase: the publication date, as reported ("took X, the army said").
    DatedByPublication,
    /// Counted from another date of the text or from the publication ("two days later",
    /// "two days ago").
    DateRelative,
    /// Dated by an earlier sentence of the same paragraph, whose story this one continues.
    DateCarried,
    /// A past event given as background ("two months after", "since then"): the text does not
    /// date it, so the candidate has no date.
    Background,
    /// The text's date is after the article's own: a misprint or a plan. The candidate has no
    /// date; the phrase is in `date_phrase`.
    DateAfterArticle,
    /// The actor is named in an earlier sentence ("his forces", "it").
    SubjectCarried,
    /// Only the regional gazetteer knows the place: it is new to the data.
    PlaceFromGazetteer,
    /// No gazetteer knows the place: it has no id and no coordinates.
    PlaceUnknown,
    /// Part of the place was taken ("the western half of"): fought over, not taken.
    PartOfPlace,
    /// Who held the place before comes from the data, not from the text.
    HolderFromData,
    /// The other side of a contest is not named.
    OtherSideUnnamed,
    /// The state was inferred from another claim of the text ("lost the town": back to its
    /// holder before).
    Inferred,
}

impl Ground {
    /// The ground in a few words, for the human line and the reader.
    pub fn words(self) -> &'static str {
        match self {
            Ground::DatedBySentence => "dated by its sentence",
            Ground::DatedByPublication => "dated by the publication",
            Ground::DateRelative => "date counted from another",
            Ground::DateCarried => "date carried from an earlier sentence",
            Ground::Background => "background, not dated by the text",
            Ground::DateAfterArticle => "its date is after the article's",
            Ground::SubjectCarried => "actor named in an earlier sentence",
            Ground::PlaceFromGazetteer => "place from the regional gazetteer",
            Ground::PlaceUnknown => "place unknown to the data and the gazetteer",
            Ground::PartOfPlace => "part of the place",
            Ground::HolderFromData => "former holder from the data",
            Ground::OtherSideUnnamed => "other side not named",
            Ground::Inferred => "inferred from another claim of the text",
        }
    }

    fn weakens(self) -> Option<Confidence> {
        match self {
            Ground::DatedBySentence | Ground::DatedByPublication | Ground::DateRelative => None,
            Ground::HolderFromData => None,
            Ground::Background | Ground::DateAfterArticle | Ground::PlaceUnknown => {
                Some(Confidence::Weak)
            }
            _ => Some(Confidence::Likely),
        }
    }
}

/// How sure a candidate with these grounds is: its weakest ground decides.
pub fn confidence_of(grounds: &[Ground]) -> Confidence {
    grounds
        .iter()
        .filter_map(|g| g.weakens())
        .max()
        .unwrap_or(Confidence::Sure)
}

/// A proposed claim of control, with the clause it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The data's place id, or the gazetteer's for a new place; `None` for a place no
    /// gazetteer knows (then `name` is the name as written).
    pub place: Option<String>,
    pub name: String,
    /// The data does not have this place yet (from the gazetteer, or unknown).
    pub new_place: bool,
    /// `None` for a place no gazetteer knows.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The day the claim is about (the first day of its week, month or year); `None` when the
    /// text does not date it (background) or dates it after the article's own date.
    pub date: Option<NaiveDate>,
    /// The words that date it, always inside `text`; `None` when the publication date is used
    /// or the phrase lies outside the quote (an earlier sentence's).
    pub date_phrase: Option<String>,
    /// `None` with `date`.
    pub precision: Option<DatePrecision>,
    /// Where the date comes from when the quote does not show it ("dated by “on Saturday”,
    /// an earlier sentence of the paragraph"), or why there is none.
    pub date_note: Option<String>,
    pub kind: EventKind,
    /// Who held the place before, when the text or the data says (never the new holder).
    pub from: Vec<String>,
    /// The holder, or both sides when contested; empty when lost.
    pub to: Vec<String>,
    pub status: Status,
    /// Who fights for the place, when contested: the same sides as `to`.
    pub contested_by: Vec<String>,
    /// Who no longer holds it, when lost.
    pub lost_by: Vec<String>,
    pub basis: Basis,
    /// The verbatim clause: `text` is exactly the source's code points `start..end`.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The rule that fired, in a few words.
    pub reason: String,
    /// How sure the assistant is.
    pub confidence: Confidence,
    /// What the claim rests on and what it lacks.
    pub grounds: Vec<Ground>,
    /// Candidates with the same key make the same claim (place, day, status, sides): one
    /// event with several quotes.
    pub claim_key: String,
}

impl Candidate {
    /// The key of the claim a candidate makes: place (or name, for an unknown place), date and
    /// precision, status, and the sides, sorted.
    pub(crate) fn key_of(&self) -> String {
        let place = self
            .place
            .clone()
            .unwrap_or_else(|| format!("?{}", crate::store::names::match_key(&self.name)));
        let date = match (self.date, self.precision) {
            (Some(d), Some(p)) => format!("{d}/{}", precision_word(p)),
            _ => "undated".to_owned(),
        };
        let mut sides = match self.status {
            Status::Lost => self.lost_by.clone(),
            _ => self.to.clone(),
        };
        sides.sort();
        let status = match self.status {
            Status::Held => "held",
            Status::Contested => "contested",
            Status::Lost => "lost",
        };
        format!("{place}|{date}|{status}|{}", sides.join("+"))
    }
}

fn precision_word(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

/// The names and dates of a text, for highlighting in a reader.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Mentions {
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
    pub dates: Vec<DateMention>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    pub place: String,
    pub name: String,
    pub new_place: bool,
    pub latitude: f64,
    pub longitude: f64,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMention {
    /// The actor's id; `None` for "government forces" in a sentence that does not say which
    /// country it is about.
    pub actor: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Counted from the date phrase before it ("two days later").
    pub relative: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weakest_ground_decides() {
        assert_eq!(confidence_of(&[Ground::DatedBySentence]), Confidence::Sure);
        assert_eq!(
            confidence_of(&[Ground::DatedBySentence, Ground::PlaceFromGazetteer]),
            Confidence::Likely
        );
        assert_eq!(
            confidence_of(&[Ground::DateCarried, Ground::PlaceUnknown]),
            Confidence::Weak
        );
    }
}
