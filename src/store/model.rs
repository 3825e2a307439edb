//! The data model: places, actors, articles, and events (claims of control) with their quotes.
//! Plain data, no behaviour beyond small helpers; the store owns it all.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Index of a place in [`crate::store::Store::places`].
pub type PlaceIx = usize;
/// Index of an actor in [`crate::store::Store::actors`].
pub type ActorIx = usize;
/// Index of an article in [`crate::store::Store::articles`].
pub(crate) type ArticleIx = usize;
/// Index of an event in [`crate::store::Store::events`].
pub(crate) type EventIx = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Town,
    Village,
    BorderCrossing,
}

impl PlaceKind {
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::BorderCrossing => "border crossing",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub aliases: Vec<String>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short name for labels and the legend.
    pub short: String,
    /// sRGB colour.
    pub colour: [u8; 3],
    pub aliases: Vec<String>,
}

/// How an article's publication date was established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The text carries its date.
    Stated,
    /// A dated photo caption in the text.
    Caption,
    /// Inferred from a dated rewrite of the same wire story.
    Rewrite,
    /// Not established.
    Unknown,
}

impl DateBasis {
    pub fn describe(self) -> &'static str {
        match self {
            DateBasis::Stated => "stated in the text",
            DateBasis::Caption => "from a dated caption",
            DateBasis::Rewrite => "inferred from a dated rewrite of the same story",
            DateBasis::Unknown => "unknown",
        }
    }
}

pub use super::interval::Precision;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleBasis {
    Headline,
    FirstSentence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    /// Path relative to the data directory.
    pub file: String,
    pub title: String,
    pub title_basis: TitleBasis,
    pub outlet: Option<String>,
    pub outlet_note: Option<String>,
    pub dateline: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_basis: DateBasis,
    pub date_precision: Precision,
    pub rewrite_of: Option<ArticleIx>,
    pub date_note: Option<String>,
    /// Where the article was published, when known (the W3C export's target source).
    pub url: Option<String>,
    /// Its language (a BCP 47 tag such as "en" or "ar"), when given.
    pub language: Option<String>,
    /// The verbatim text.
    pub text: String,
}

impl Article {
    /// "Middle East Eye" or "outlet not named".
    pub(crate) fn outlet_or_unnamed(&self) -> &str {
        self.outlet.as_deref().unwrap_or("outlet not named")
    }
}

/// Who controls a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Control {
    Held(ActorIx),
    /// Contested between two actors (stored in a fixed order, so equal pairs compare equal).
    Contested(ActorIx, ActorIx),
    /// No longer held by the first actor (and the second, when two lost it together); who
    /// holds it is not said. Kept apart from unknown: the articles do say something.
    Lost(ActorIx, Option<ActorIx>),
}

impl Control {
    pub fn contested(a: ActorIx, b: ActorIx) -> Control {
        Control::Contested(a.min(b), a.max(b))
    }

    /// Lost by one actor or two (two stored in a fixed order).
    pub fn lost(a: ActorIx, b: Option<ActorIx>) -> Control {
        match b {
            Some(b) if b != a => Control::Lost(a.min(b), Some(a.max(b))),
            _ => Control::Lost(a, None),
        }
    }

    pub fn holder(self) -> Option<ActorIx> {
        match self {
            Control::Held(a) => Some(a),
            Control::Contested(..) | Control::Lost(..) => None,
        }
    }

    /// The actors a state names: the holder, the two contesting, or those who lost it.
    pub fn actors(self) -> Vec<ActorIx> {
        match self {
            Control::Held(a) => vec![a],
            Control::Contested(a, b) => vec![a, b],
            Control::Lost(a, b) => std::iter::once(a).chain(b).collect(),
        }
    }

    /// Whether this state says at least what `other` says: the same state, or one that
    /// implies it (held by the SDF implies no longer held by Islamic State). A vague claim
    /// that a state implies never replaces it: the state says more.
    pub fn implies(self, other: Control) -> bool {
        match (self, other) {
            _ if self == other => true,
            (Control::Held(x), Control::Lost(a, b)) => x != a && Some(x) != b,
            (Control::Lost(a, Some(b)), Control::Lost(c, None)) => c == a || c == b,
            _ => false,
        }
    }

    /// Who lost the place, for a `Lost` state.
    pub fn lost_by(self) -> Vec<ActorIx> {
        match self {
            Control::Lost(..) => self.actors(),
            _ => Vec::new(),
        }
    }
}

/// What kind of claim an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Taken by `to`.
    Capture,
    /// Taken back by a former holder.
    Recapture,
    /// Forces entered: contested.
    Entered,
    /// A victory declaration.
    Declared,
    /// Withdrawal: the holder left.
    Withdrawal,
    /// A report of the state ("still held by"); not a change in itself.
    Report,
}

impl EventKind {
    /// Every kind, in the order the forms and filters list them.
    pub const ALL: [EventKind; 6] = [
        EventKind::Capture,
        EventKind::Recapture,
        EventKind::Entered,
        EventKind::Declared,
        EventKind::Withdrawal,
        EventKind::Report,
    ];

    /// The kind as the data writes it (`kind = "recapture"`), and as the exports and the
    /// command line's JSON name it.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Capture => "capture",
            EventKind::Recapture => "recapture",
            EventKind::Entered => "entered",
            EventKind::Declared => "declared",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Report => "report",
        }
    }

    /// The kind a data word names, if any.
    pub fn from_name(word: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == word)
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Capture => "captured",
            EventKind::Recapture => "recaptured",
            EventKind::Entered => "entered, contested",
            EventKind::Declared => "victory declared",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Report => "reported held",
        }
    }
}

/// A claim's rank among the versions of a disputed change, as Wikidata ranks statements: a
/// preferred version wins the dispute, a deprecated one is set aside; both stay in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    Deprecated,
    #[default]
    Normal,
    Preferred,
}

impl Rank {
    /// The rank as the data writes it (`rank = "preferred"`).
    pub fn name(self) -> &'static str {
        match self {
            Rank::Deprecated => "deprecated",
            Rank::Normal => "normal",
            Rank::Preferred => "preferred",
        }
    }
}

/// Whether the article states the claim or it is inferred from what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Stated,
    Inferred,
}

/// A quote anchored in its article (W3C TextQuoteSelector + TextPositionSelector).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub article: ArticleIx,
    /// Character (Unicode scalar) offsets in the article text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Byte offsets, for slicing.
    pub byte_start: usize,
    pub byte_end: usize,
    /// The phrase in the quote that dates the claim ("on Saturday"), if any.
    pub date_phrase: Option<String>,
    /// Where the quote is annotated (its `[[event.source]]` entry, or a format's equivalent).
    pub origin: Origin,
}

impl Quote {
    /// The quote's text: the passage of its article it was found at (every quote is verbatim,
    /// so it is not kept twice).
    pub fn exact<'a>(&self, articles: &'a [Article]) -> &'a str {
        articles
            .get(self.article)
            .and_then(|a| a.text.get(self.byte_start..self.byte_end))
            .unwrap_or("")
    }
}

/// Where something was written in the data files: the file, the bytes of the entry, and the
/// 1-based line it begins on. The line is kept so that a problem found after the file's text
/// was let go (a late check over all events) can still be located, and the span so that any
/// format can point at exactly what was written (a TOML table, a CSV row).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// Path relative to the data directory, shared by everything written in that file.
    pub file: std::sync::Arc<str>,
    /// Byte range in the file.
    pub span: std::ops::Range<usize>,
    pub line: usize,
}

/// A claim about who controls a place, with its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub place: PlaceIx,
    /// The day the claim is about.
    pub date: NaiveDate,
    /// The instant it applies from: the start of its day unless a time is given.
    pub at: NaiveDateTime,
    pub precision: Precision,
    pub kind: EventKind,
    pub basis: Basis,
    /// Who held the place before, as the article says (None when not said).
    pub from: Option<Control>,
    /// The state after the event.
    pub to: Control,
    pub note: Option<String>,
    pub quotes: Vec<Quote>,
    /// Sources of this claim that could not be checked (a quote not found, a bad field, an
    /// unknown article): reported as errors, while the claim stays on the map with the rest.
    pub damaged_sources: usize,
    /// Who annotated the claim, when, and who reviewed it (optional, shown in the place panel).
    pub annotator: Option<String>,
    pub annotated: Option<NaiveDate>,
    pub reviewed_by: Option<String>,
    pub origin: Origin,
    /// Set when an earlier event leaves the place in another state at the same instant: the
    /// contradiction is reported, and this event is kept in the list but left out of the
    /// place's history (the first one stands).
    pub contradicts: Option<EventIx>,
    /// The days the claim may be about, as its sources give them ([`super::interval`]).
    pub interval: super::interval::Interval,
    /// Its rank among the versions of a disputed change (Wikidata's statement ranks).
    pub rank: Rank,
    /// Why it was ranked so, as the data says.
    pub rank_reason: Option<String>,
    /// Set when this vague claim corroborates a more precise claim of the same change (that
    /// event): it is one more source of it, not a change of its own.
    pub joins: Option<EventIx>,
    /// Set when this claim and that earlier event give one change different days, or one
    /// instant different states, from different articles: the place is disputed while they
    /// disagree ([`crate::store::timeline::Dispute`]).
    pub disputes: Option<EventIx>,
    /// Set when a dispute was resolved against this claim (the other version is preferred, or
    /// this one deprecated): it stays in the data and the history, out of the state.
    pub set_aside: bool,
}

impl Event {
    /// Whether the place's state leaves this claim out: contradicted, set aside, or one more
    /// source of another event.
    pub fn left_out(&self) -> bool {
        self.contradicts.is_some() || self.set_aside || self.joins.is_some()
    }

    /// The distinct articles that report this claim, in order of first quote.
    pub fn articles(&self) -> Vec<ArticleIx> {
        let mut out: Vec<ArticleIx> = Vec::new();
        for q in &self.quotes {
            if !out.contains(&q.article) {
                out.push(q.article);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name the exports and forms write is the word the data's schema reads.
    #[test]
    fn an_event_kind_is_named_as_the_data_writes_it() {
        for k in EventKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.name())
            );
            assert_eq!(EventKind::from_name(k.name()), Some(k));
        }
        assert_eq!(EventKind::from_name("captured"), None);
    }
}
