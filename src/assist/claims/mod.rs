//! Claims of control in a text: a control verb ("recaptured", "withdrew from", "still holds",
//! "fell to", "under IS control") that ties an actor to a place within one clause, dated by the
//! clause's date phrase.
//!
//! The rules lean towards silence. A verb is not a claim when a negation, a modal, a plan or a
//! failure comes just before it ("never fell", "failed to retake", "an offensive to capture",
//! "would"), when it is an infinitive or a gerund ("aimed at capturing"), or when what was taken
//! is part of a place ("parts of", "villages near", "the outskirts of"). Positions ("40 km
//! from"), strikes and casualties have no control verb and so make no claim.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use crate::store::{Basis, EventKind};

mod arabic;
mod dating;
mod forms;
mod objects;
mod relations;
mod unknown;
mod verbs;
mod vocabulary;

use super::dates::{DateMatch, DatePrecision, find_dates};
use super::lexicon::{NameMatch, Referent};
use super::text::{CharOffsets, Token, clauses, sentences, tokenize};
use super::{
    ActorMention, Assistant, Candidate, DateMention, Ground, Mentions, PlaceMention, Status,
};
use vocabulary::*;

/// An actor as a claim names it.
#[derive(Debug, Clone, Copy)]
struct Subject {
    name: usize,
    /// Named in the sentence before ("his forces", "it").
    from_previous_sentence: bool,
}

/// A place a claim is about, and where the text names it.
#[derive(Debug, Clone, Copy)]
struct PlaceRef {
    place: usize,
    start: usize,
    end: usize,
    /// Only a part of it ("the western half of Hajin").
    part: bool,
}

/// A claim before the whole text is seen (before `from` and chains are settled).
#[derive(Debug, Clone)]
struct Claim {
    sentence: usize,
    place: usize,
    status: Status,
    kind: EventKind,
    /// The holder (held), the side that entered (contested), or the loser (lost).
    actor: usize,
    from: Vec<usize>,
    /// The other side when contested, if named.
    opponent: Option<usize>,
    /// `None` when the text does not date it (background) or dates it after the article.
    date: Option<NaiveDate>,
    precision: Option<DatePrecision>,
    /// The date phrase that dates it, when in its own sentence (an index of `dates`).
    date_match: Option<usize>,
    date_note: Option<String>,
    grounds: Vec<Ground>,
    basis: Basis,
    span: Range<usize>,
    reason: String,
}

/// What the sentence before says: who acted and when, for "his forces" and "it".
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    subject: Option<usize>,
    date: Option<usize>,
    /// The last date phrase of the paragraph so far, for a sentence that goes on with the
    /// story without a date of its own.
    carried: Option<usize>,
}

/// A text read once: its tokens, names, dates and sentences.
pub(super) struct Analysis<'a> {
    assistant: &'a Assistant,
    text: &'a str,
    published: NaiveDate,
    tokens: Vec<Token>,
    names: Vec<NameMatch>,
    /// For each token, the name that covers it.
    name_cover: Vec<Option<usize>>,
    dates: Vec<DateMatch>,
    date_cover: Vec<Option<usize>>,
    /// Token ranges.
    sentences: Vec<Range<usize>>,
    offsets: CharOffsets,
    /// Places no list knows, as written ("Akashat"), for `Referent::Unknown`.
    unknown: Vec<String>,
    /// The country most of the text's known places are in.
    main_country: Option<String>,
}

impl<'a> Analysis<'a> {
    pub(super) fn new(assistant: &'a Assistant, text: &'a str, published: NaiveDate) -> Self {
        let tokens = tokenize(text);
        let mut names = assistant.lexicon.find(text, &tokens);
        let dates = find_dates(text, &tokens, published);
        let unknown = unknown::find_unknown_places(text, &tokens, &mut names, &dates);
        let main_country = main_country(assistant, &names);
        let mut name_cover = vec![None; tokens.len()];
        for (i, n) in names.iter().enumerate() {
            for t in n.tokens.clone() {
                name_cover[t] = Some(i);
            }
        }
        let mut date_cover = vec![None; tokens.len()];
        for (i, d) in dates.iter().enumerate() {
            for t in d.tokens.clone() {
                date_cover[t] = Some(i);
            }
        }
        let sentences = sentences(text)
            .into_iter()
            .map(|r| {
                let first = tokens.partition_point(|t| t.start < r.start);
                let end = tokens.partition_point(|t| t.start < r.end);
                first..end
            })
            .filter(|r| !r.is_empty())
            .collect();
        Analysis {
            assistant,
            text,
            published,
            tokens,
            names,
            name_cover,
            dates,
            date_cover,
            sentences,
            offsets: CharOffsets::new(text),
            unknown,
            main_country,
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.is_word)
            .map(|t| t.lower.as_str())
    }

    fn name_starting_at(&self, i: usize) -> Option<usize> {
        self.name_cover
            .get(i)
            .copied()
            .flatten()
            .filter(|&n| self.names[n].tokens.start == i)
    }

    fn date_starting_at(&self, i: usize) -> Option<usize> {
        self.date_cover
            .get(i)
            .copied()
            .flatten()
            .filter(|&d| self.dates[d].tokens.start == i)
    }

    /// The place a name refers to: an index of the assistant's places, or past them, of the
    /// text's unknown places.
    fn place_of(&self, name: usize) -> Option<usize> {
        match self.names[name].referent {
            Referent::Place(p) => Some(p),
            Referent::Unknown(k) => Some(self.assistant.places.len() + k),
            _ => None,
        }
    }

    /// The country of a place; for an unknown place, the country most of the text's places
    /// are in.
    fn country_of(&self, place: usize) -> Option<&str> {
        match self.assistant.places.get(place) {
            Some(info) => Some(info.country.as_str()),
            None => self.main_country.as_deref(),
        }
    }

    /// The actor a name refers to, the government being the place's country's.
    fn actor_of(&self, name: usize, place: Option<usize>) -> Option<usize> {
        match self.names[name].referent {
            Referent::Actor(a) => Some(a),
            Referent::Government => {
                let country = self.country_of(place?)?;
                self.assistant.governments.get(country).copied()
            }
            _ => None,
        }
    }

    fn is_actor_name(&self, name: usize) -> bool {
        matches!(
            self.names[name].referent,
            Referent::Actor(_) | Referent::Government
        )
    }

    fn span_text(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }

    // ------------------------------------------------------------------ mentions

    pub(super) fn mentions(&self) -> Mentions {
        let mut out = Mentions::default();
        for sentence in &self.sentences {
            let countries: Vec<&str> = self
                .names_in(sentence.clone())
                .filter_map(|n| self.place_of(n))
                .filter_map(|p| self.country_of(p))
                .collect();
            for n in self.names_in(sentence.clone()) {
                let m = &self.names[n];
                let (start, end) = (self.offsets.char_at(m.start), self.offsets.char_at(m.end));
                let text = self.text[m.start..m.end].to_owned();
                match m.referent {
                    Referent::Place(p) => {
                        let info = &self.assistant.places[p];
                        out.places.push(PlaceMention {
                            place: info.id.clone(),
                            name: info.name.clone(),
                            new_place: info.new_place,
                            latitude: info.latitude,
                            longitude: info.longitude,
                            text,
                            start,
                            end,
                        });
                    }
                    Referent::Actor(a) => out.actors.push(ActorMention {
                        actor: Some(self.assistant.actors[a].clone()),
                        text,
                        start,
                        end,
                    }),
                    Referent::Government => {
                        let one_country = countries
                            .first()
                            .filter(|c| countries.iter().all(|d| d == *c));
                        let actor = one_country
                            .and_then(|c| self.assistant.governments.get(*c))
                            .map(|&a| self.assistant.actors[a].clone());
                        out.actors.push(ActorMention {
                            actor,
                            text,
                            start,
                            end,
                        });
                    }
                    Referent::Anaphor | Referent::Unknown(_) => {}
                }
            }
        }
        for d in &self.dates {
            out.dates.push(DateMention {
                text: self.text[d.start..d.end].to_owned(),
                start: self.offsets.char_at(d.start),
                end: self.offsets.char_at(d.end),
                date: d.date,
                precision: d.precision,
                relative: d.relative,
            });
        }
        out
    }

    /// The names within a token range, in order.
    fn names_in(&self, r: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let first = self.names.partition_point(|n| n.tokens.start < r.start);
        (first..self.names.len()).take_while(move |&n| self.names[n].tokens.end <= r.end)
    }

    // ------------------------------------------------------------------ claims

    pub(super) fn candidates(&self) -> Vec<Candidate> {
        let mut claims = Vec::new();
        let mut context = Context::default();
        for (s, sentence) in self.sentences.iter().enumerate() {
            // A new paragraph (a line break before the sentence) carries no date over.
            let new_paragraph = s == 0
                || self.text[self.tokens[self.sentences[s - 1].end - 1].end
                    ..self.tokens[sentence.start].start]
                    .contains('\n');
            if new_paragraph {
                context.carried = None;
            }
            let (found, next) = self.sentence_claims(s, sentence.clone(), context);
            claims.extend(found);
            context = next;
        }
        self.settle(&mut claims);
        claims.into_iter().map(|c| self.candidate(c)).collect()
    }

    fn sentence_claims(
        &self,
        s: usize,
        sentence: Range<usize>,
        previous: Context,
    ) -> (Vec<Claim>, Context) {
        let mut out = Vec::new();
        let mut context = Context {
            carried: previous.carried,
            ..Context::default()
        };
        for clause in clauses(self.text, &self.tokens, sentence.clone()) {
            if self.is_arabic_clause(&clause) {
                out.extend(self.arabic_claims(s, &sentence, &clause, previous));
                continue;
            }
            out.extend(self.fighting_claims(s, &sentence, &clause, previous));
            out.extend(self.held_adjective_claims(s, &sentence, &clause, previous));
            let mut i = clause.start;
            while i < clause.end {
                let Some((verb, len)) = self.verb_at(i, clause.end) else {
                    i += 1;
                    continue;
                };
                let verb_end = i + len;
                let found = self.claims_of_verb(s, &sentence, &clause, i..verb_end, verb, previous);
                if let Some((subject, date)) = found.context {
                    context.subject = Some(subject.name);
                    context.date = date.or(context.date);
                }
                out.extend(found.claims);
                i = verb_end;
            }
        }
        if context.subject.is_none() {
            context.subject = self
                .names_in(sentence.clone())
                .find(|&n| self.is_actor_name(n) && !self.names[n].possessive && !self.governed(n));
        }
        if context.date.is_none() {
            context.date = self
                .dates
                .iter()
                .position(|d| sentence.contains(&d.tokens.start));
        }
        // The story's date goes on to the next sentences of the paragraph, unless the date is
        // a background one ("two months after ... in August").
        if let Some(d) = self.story_date(sentence.clone()) {
            context.carried = Some(d);
        }
        (out, context)
    }

    /// The control verb at a token, and how many tokens it spans.
    fn verb_at(&self, i: usize, end: usize) -> Option<(&'static Verb, usize)> {
        let first = self.word(i)?;
        let verbs = VERB_INDEX.get(first)?;
        verbs
            .iter()
            .find(|v| {
                i + v.words.len() <= end
                    && v.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.word(i + k) == Some(*w))
                    // "still held by X" is "held by", with the holder after it.
                    && !(v.class == Class::Holds && self.word(i + v.words.len()) == Some("by"))
            })
            .map(|v| (v, v.words.len()))
    }

    fn governed(&self, name: usize) -> bool {
        let start = self.names[name].tokens.start;
        start > 0 && self.word(start - 1).is_some_and(|w| GOVERNING.contains(&w))
    }

    /// Whether the words just before a verb make it no claim, and whether they say "no
    /// longer" (which turns "holds" into "lost").
    fn polarity(
        &self,
        clause: &Range<usize>,
        verb: &Range<usize>,
        form: Form,
        class: Class,
    ) -> Polarity {
        let before: Vec<usize> = (clause.start..verb.start)
            .rev()
            .filter(|&t| self.tokens[t].is_word)
            .take(4)
            .collect();
        let words: Vec<&str> = before
            .iter()
            .map(|&t| self.tokens[t].lower.as_str())
            .collect();
        if words.windows(2).any(|w| w == ["longer", "no"]) {
            return Polarity::NoLonger;
        }
        if words
            .iter()
            .any(|w| NOT_A_CLAIM.contains(w) || w.ends_with("n't") || w.ends_with("n’t"))
        {
            return Polarity::NotAClaim;
        }
        if form == Form::Gerund {
            let previous = verb.start.checked_sub(1).and_then(|t| self.word(t));
            let before = verb.start.checked_sub(2).and_then(|t| self.word(t));
            let ok = matches!(previous, Some("after" | "since"))
                || (previous == Some("in")
                    && matches!(before, Some("succeeded" | "succeeding" | "success")));
            if !ok {
                return Polarity::NotAClaim;
            }
        }
        if form == Form::Base {
            let previous = verb.start.checked_sub(1).and_then(|t| self.word(t));
            let ok = match previous {
                Some("to") => {
                    let before_to = verb.start.checked_sub(2).and_then(|t| self.word(t));
                    matches!(before_to, Some("managed" | "able" | "succeeded"))
                        || (class == Class::Holds
                            && matches!(before_to, Some("continue" | "continues" | "continued")))
                }
                // A headline in the present: "Iraqi forces wrest control of ...".
                _ => {
                    verb.start > 0
                        && self.name_cover[verb.start - 1].is_some_and(|n| self.is_actor_name(n))
                }
            };
            if !ok {
                return Polarity::NotAClaim;
            }
        }
        Polarity::Stated
    }

    /// The actor that does what a verb says: the nearest name of an actor before it in the
    /// sentence that is not the object of a preposition ("backed by") or a possessive; for
    /// "his forces" or "it" with no name before, the sentence before's.
    fn subject(&self, sentence: &Range<usize>, verb: usize, previous: Context) -> Option<Subject> {
        let mut anaphor = false;
        let names: Vec<usize> = self.names_in(sentence.start..verb).collect();
        for &n in names.iter().rev() {
            match self.names[n].referent {
                Referent::Anaphor => anaphor = true,
                Referent::Actor(_) | Referent::Government => {
                    if !self.names[n].possessive && !self.governed(n) {
                        // "After IS was driven out of Hit, Hezbollah captured Qaim": an actor
                        // with a verb of its own between it and this one is not the subject
                        // (unless "it" or "his forces" point back to it).
                        if !anaphor && self.verb_between(self.names[n].tokens.end, verb) {
                            return None;
                        }
                        return Some(Subject {
                            name: n,
                            from_previous_sentence: false,
                        });
                    }
                }
                Referent::Place(_) | Referent::Unknown(_) => {}
            }
        }
        if anaphor {
            return previous.subject.map(|name| Subject {
                name,
                from_previous_sentence: true,
            });
        }
        None
    }

    /// Whether a verb of another statement ("was", "said") stands between an actor and a later
    /// verb. Auxiliaries just before the verb ("was driven") belong to it, and earlier control
    /// verbs share its subject ("overran Bukamal but lost the town").
    fn verb_between(&self, from: usize, to: usize) -> bool {
        let auxiliaries = to.saturating_sub(2).max(from);
        (from..auxiliaries)
            .filter(|&t| self.name_cover[t].is_none())
            .any(|t| self.word(t).is_some_and(|w| INTERVENING_VERBS.contains(&w)))
    }

    /// The first actor named within a few words after a token.
    fn actor_after(&self, from: usize, end: usize, within: usize) -> Option<usize> {
        (from..end.min(from + within + 2))
            .filter_map(|t| self.name_starting_at(t))
            .find(|&n| self.is_actor_name(n))
    }

    /// The nearest place named before a token in the clause, within a few words.
    fn place_before(&self, clause: &Range<usize>, t: usize) -> Option<(usize, PlaceRef)> {
        let lo = clause.start.max(t.saturating_sub(16));
        self.names_in(lo..t)
            .filter_map(|n| Some((n, self.place_of(n)?)))
            .last()
            .map(|(n, p)| {
                (
                    n,
                    PlaceRef {
                        place: p,
                        start: self.names[n].start,
                        end: self.names[n].end,
                        part: false,
                    },
                )
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    Stated,
    NotAClaim,
    NoLonger,
}

#[derive(Default)]
struct VerbClaims {
    claims: Vec<Claim>,
    /// Who acted and the date phrase used, for the sentence after.
    context: Option<(Subject, Option<usize>)>,
}

#[derive(Debug, Default, Clone)]
struct Objects {
    places: Vec<PlaceRef>,
    from: Option<usize>,
    opponent: Option<usize>,
}

/// The country most of a text's known places are in.
fn main_country(assistant: &Assistant, names: &[NameMatch]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in names {
        if let Referent::Place(p) = n.referent {
            *counts
                .entry(assistant.places[p].country.as_str())
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
        .map(|(c, _)| c.to_owned())
}

fn kind_of(class: Class) -> EventKind {
    match class {
        Class::Recapture => EventKind::Recapture,
        Class::Declared | Class::Victory => EventKind::Declared,
        Class::Entered => EventKind::Entered,
        Class::Lost => EventKind::Withdrawal,
        Class::Holds | Class::HeldBy | Class::Under => EventKind::Report,
        Class::Capture | Class::FellTo => EventKind::Capture,
    }
}
