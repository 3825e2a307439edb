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
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::store::{Basis, EventKind};

use super::dates::{DateMatch, DatePrecision, find_dates};
use super::lexicon::{NameMatch, Referent};
use super::text::{CharOffsets, Token, clauses, sentences, tokenize};
use super::{ActorMention, Assistant, Candidate, DateMention, Mentions, PlaceMention, Status};

/// What a control verb says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// The subject took the place.
    Capture,
    /// The subject took it back.
    Recapture,
    /// The subject declared victory in it.
    Declared,
    /// The subject's forces entered it: contested.
    Entered,
    /// The subject left or lost it.
    Lost,
    /// The subject holds it ("still holds", "holed up in").
    Holds,
    /// The place, named before, is held by the actor after ("held by", "in the hands of").
    HeldBy,
    /// The place, named before, fell to the actor after.
    FellTo,
    /// The place, named before, is "under X control".
    Under,
    /// "X's victory in P", a noun.
    Victory,
}

/// The verb's form: only finite verbs state that something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Finite,
    /// "capture": a claim only after "managed to" or straight after its subject (headlines).
    Base,
}

/// A control verb: its words, what it says, its form, and the prepositions that may stand
/// between it and its place ("withdrew from", "holed up in").
struct Verb {
    words: Vec<&'static str>,
    class: Class,
    form: Form,
    preps: &'static [&'static str],
}

const FROM: &[&str] = &["from", "out", "of"];
const IN: &[&str] = &["in", "at", "inside"];

/// The control verbs, by words, what they say, and form.
const VERBS: &[(&str, Class, Form, &[&str])] = &[
    ("captured", Class::Capture, Form::Finite, &[]),
    ("captures", Class::Capture, Form::Finite, &[]),
    ("capture", Class::Capture, Form::Base, &[]),
    ("seized", Class::Capture, Form::Finite, &[]),
    ("seizes", Class::Capture, Form::Finite, &[]),
    ("seize", Class::Capture, Form::Base, &[]),
    ("took", Class::Capture, Form::Finite, &[]),
    ("taken", Class::Capture, Form::Finite, &[]),
    ("takes", Class::Capture, Form::Finite, &[]),
    ("take", Class::Capture, Form::Base, &[]),
    ("took over", Class::Capture, Form::Finite, &[]),
    ("taken over", Class::Capture, Form::Finite, &[]),
    ("overran", Class::Capture, Form::Finite, &[]),
    ("overrun", Class::Capture, Form::Finite, &[]),
    ("overruns", Class::Capture, Form::Finite, &[]),
    ("liberated", Class::Capture, Form::Finite, &[]),
    ("liberates", Class::Capture, Form::Finite, &[]),
    ("liberate", Class::Capture, Form::Base, &[]),
    ("conquered", Class::Capture, Form::Finite, &[]),
    ("occupied", Class::Capture, Form::Finite, &[]),
    ("cleared", Class::Capture, Form::Finite, &[]),
    ("secured", Class::Capture, Form::Finite, &[]),
    ("freed", Class::Capture, Form::Finite, &[]),
    ("wrested", Class::Capture, Form::Finite, &[]),
    ("wrests", Class::Capture, Form::Finite, &[]),
    ("wrest", Class::Capture, Form::Base, &[]),
    ("took control of", Class::Capture, Form::Finite, &[]),
    ("taken control of", Class::Capture, Form::Finite, &[]),
    ("takes control of", Class::Capture, Form::Finite, &[]),
    ("take control of", Class::Capture, Form::Base, &[]),
    ("took full control of", Class::Capture, Form::Finite, &[]),
    ("taken full control of", Class::Capture, Form::Finite, &[]),
    ("take full control of", Class::Capture, Form::Base, &[]),
    ("seized control of", Class::Capture, Form::Finite, &[]),
    ("seized full control of", Class::Capture, Form::Finite, &[]),
    ("gained control of", Class::Capture, Form::Finite, &[]),
    ("gained full control of", Class::Capture, Form::Finite, &[]),
    ("wrested control of", Class::Capture, Form::Finite, &[]),
    ("wrested full control of", Class::Capture, Form::Finite, &[]),
    ("wrests control of", Class::Capture, Form::Finite, &[]),
    ("wrest control of", Class::Capture, Form::Base, &[]),
    (
        "established control over",
        Class::Capture,
        Form::Finite,
        &[],
    ),
    ("assumed control of", Class::Capture, Form::Finite, &[]),
    ("recaptured", Class::Recapture, Form::Finite, &[]),
    ("recaptures", Class::Recapture, Form::Finite, &[]),
    ("recapture", Class::Recapture, Form::Base, &[]),
    ("retook", Class::Recapture, Form::Finite, &[]),
    ("retaken", Class::Recapture, Form::Finite, &[]),
    ("retakes", Class::Recapture, Form::Finite, &[]),
    ("retake", Class::Recapture, Form::Base, &[]),
    ("regained", Class::Recapture, Form::Finite, &[]),
    ("regained control of", Class::Recapture, Form::Finite, &[]),
    ("retook control of", Class::Recapture, Form::Finite, &[]),
    ("took back", Class::Recapture, Form::Finite, &[]),
    ("taken back", Class::Recapture, Form::Finite, &[]),
    ("won back", Class::Recapture, Form::Finite, &[]),
    ("reclaimed", Class::Recapture, Form::Finite, &[]),
    ("declared victory in", Class::Declared, Form::Finite, &[]),
    ("declared victory at", Class::Declared, Form::Finite, &[]),
    ("declared victory over", Class::Declared, Form::Finite, &[]),
    (
        "declared full victory in",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    ("declares victory in", Class::Declared, Form::Finite, &[]),
    ("declare victory in", Class::Declared, Form::Base, &[]),
    ("announced victory in", Class::Declared, Form::Finite, &[]),
    (
        "declared the liberation of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    (
        "announced the liberation of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    (
        "announced the capture of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    (
        "announced the recapture of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    (
        "completed the capture of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    (
        "completed the liberation of",
        Class::Declared,
        Form::Finite,
        &[],
    ),
    ("entered", Class::Entered, Form::Finite, &[]),
    ("enters", Class::Entered, Form::Finite, &[]),
    ("enter", Class::Entered, Form::Base, &[]),
    ("stormed", Class::Entered, Form::Finite, &[]),
    ("storms", Class::Entered, Form::Finite, &[]),
    ("advanced into", Class::Entered, Form::Finite, &[]),
    ("pushed into", Class::Entered, Form::Finite, &[]),
    ("broke into", Class::Entered, Form::Finite, &[]),
    ("moved into", Class::Entered, Form::Finite, &[]),
    ("fought their way into", Class::Entered, Form::Finite, &[]),
    ("withdrew", Class::Lost, Form::Finite, FROM),
    ("withdrawn", Class::Lost, Form::Finite, FROM),
    ("withdraws", Class::Lost, Form::Finite, FROM),
    ("retreated", Class::Lost, Form::Finite, FROM),
    ("pulled out", Class::Lost, Form::Finite, FROM),
    ("pushed out", Class::Lost, Form::Finite, FROM),
    ("forced out", Class::Lost, Form::Finite, FROM),
    ("driven", Class::Lost, Form::Finite, FROM),
    ("expelled", Class::Lost, Form::Finite, FROM),
    ("ousted", Class::Lost, Form::Finite, FROM),
    ("lost", Class::Lost, Form::Finite, &[]),
    ("lost control of", Class::Lost, Form::Finite, &[]),
    ("loses", Class::Lost, Form::Finite, &[]),
    ("abandoned", Class::Lost, Form::Finite, &[]),
    ("holds", Class::Holds, Form::Finite, &[]),
    ("controls", Class::Holds, Form::Finite, &[]),
    ("still held", Class::Holds, Form::Finite, &[]),
    ("still controlled", Class::Holds, Form::Finite, &[]),
    ("retains", Class::Holds, Form::Finite, &[]),
    ("keeps control of", Class::Holds, Form::Finite, &[]),
    ("kept control of", Class::Holds, Form::Finite, &[]),
    ("remains in control of", Class::Holds, Form::Finite, &[]),
    ("remained in control of", Class::Holds, Form::Finite, &[]),
    ("still in control of", Class::Holds, Form::Finite, &[]),
    ("maintains control of", Class::Holds, Form::Finite, &[]),
    ("holed up", Class::Holds, Form::Finite, IN),
    ("entrenched", Class::Holds, Form::Finite, IN),
    ("held by", Class::HeldBy, Form::Finite, &[]),
    ("controlled by", Class::HeldBy, Form::Finite, &[]),
    ("occupied by", Class::HeldBy, Form::Finite, &[]),
    ("in the hands of", Class::HeldBy, Form::Finite, &[]),
    ("fell to", Class::FellTo, Form::Finite, &[]),
    ("fallen to", Class::FellTo, Form::Finite, &[]),
    ("falls to", Class::FellTo, Form::Finite, &[]),
    ("fell into the hands of", Class::FellTo, Form::Finite, &[]),
    (
        "fell under the control of",
        Class::FellTo,
        Form::Finite,
        &[],
    ),
    ("under", Class::Under, Form::Finite, &[]),
    ("victory in", Class::Victory, Form::Finite, &[]),
    ("victory at", Class::Victory, Form::Finite, &[]),
];

/// The verbs by first word, longest first.
static VERB_INDEX: LazyLock<HashMap<&'static str, Vec<Verb>>> = LazyLock::new(|| {
    let mut index: HashMap<&'static str, Vec<Verb>> = HashMap::new();
    for &(words, class, form, preps) in VERBS {
        let words: Vec<&'static str> = words.split(' ').collect();
        index.entry(words[0]).or_default().push(Verb {
            words,
            class,
            form,
            preps,
        });
    }
    for verbs in index.values_mut() {
        verbs.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
    }
    index
});

/// Words that, just before a verb, make it something other than a statement that it happened:
/// negations, modals, plans, attempts, failures, denials.
const NOT_A_CLAIM: &[&str] = &[
    "not",
    "never",
    "nor",
    "cannot",
    "failed",
    "fail",
    "fails",
    "failing",
    "unable",
    "yet",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "trying",
    "tried",
    "try",
    "tries",
    "bid",
    "plan",
    "plans",
    "planned",
    "planning",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "prepare",
    "prepares",
    "preparing",
    "prepared",
    "would",
    "could",
    "might",
    "may",
    "will",
    "shall",
    "should",
    "must",
    "if",
    "unless",
    "whether",
    "threatened",
    "threatens",
    "threaten",
    "vowed",
    "vows",
    "vow",
    "expected",
    "expects",
    "expect",
    "hoped",
    "hopes",
    "hope",
    "poised",
    "verge",
    "offensive",
    "operation",
    "campaign",
    "push",
    "effort",
    "efforts",
    "ordered",
    "deny",
    "denied",
    "denies",
    "denying",
    "want",
    "wants",
    "wanted",
    "intend",
    "intends",
    "intended",
    "ready",
    "rumours",
    "rumors",
    "false",
];

/// Words before an actor's name that make it something other than the subject: "backed by
/// Russia", "the fight against IS", "from Daesh".
const GOVERNING: &[&str] = &[
    "by",
    "with",
    "from",
    "against",
    "of",
    "on",
    "to",
    "over",
    "between",
    "than",
    "including",
    "at",
    "in",
    "for",
    "among",
    "versus",
    "fighting",
    "fought",
    "bombing",
    "targeting",
    "attacked",
    "attacking",
    "supporting",
    "supported",
    "besieged",
    "into",
];

/// Verbs that make a statement of their own between an actor and a later verb.
const INTERVENING_VERBS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "said",
    "says",
    "told",
    "killed",
    "reported",
    "announced",
];

/// Nouns that make what was taken a part of a place, or not territory at all.
const PARTIAL: &[&str] = &[
    "parts",
    "part",
    "most",
    "much",
    "half",
    "outskirts",
    "edge",
    "edges",
    "suburb",
    "suburbs",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "district",
    "districts",
    "quarter",
    "quarters",
    "area",
    "areas",
    "positions",
    "position",
    "villages",
    "towns",
    "road",
    "roads",
    "highway",
    "airport",
    "airbase",
    "base",
    "bases",
    "bridge",
    "hill",
    "hills",
    "field",
    "fields",
    "oilfield",
    "oilfields",
    "checkpoint",
    "checkpoints",
    "lives",
    "people",
    "hostages",
    "prisoners",
    "civilians",
    "fighters",
    "men",
    "soldiers",
    "weapons",
    "territory",
    "countryside",
    "desert",
    "pocket",
    "section",
    "sections",
    "entrance",
    "gates",
    "centre",
    "center",
    "hospital",
    "mosque",
    "building",
    "buildings",
    "streets",
    "street",
];

/// Words that end the object of a verb ("advance towards", "villages near", "40 km from").
const OBJECT_STOPS: &[&str] = &[
    "in",
    "near",
    "towards",
    "toward",
    "outside",
    "around",
    "into",
    "at",
    "on",
    "after",
    "before",
    "by",
    "as",
    "with",
    "to",
    "for",
    "since",
    "until",
    "during",
    "when",
    "where",
    "which",
    "who",
    "that",
    "while",
    "despite",
    "amid",
    "because",
    "than",
    "close",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "from",
    "said",
    "says",
    "saying",
    "but",
    "killing",
    "killed",
    "under",
    "against",
    "through",
    "along",
    "across",
    "west",
    "east",
    "north",
    "south",
];

/// Nouns that point back to a place named just before ("lost the town again").
const PLACE_ANAPHORS: &[&str] = &["town", "city", "village", "crossing"];

/// How many words may stand between a verb and its place ("took full control of the strategic
/// border town of").
const MAX_FILLER: usize = 6;

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
    date: NaiveDate,
    precision: DatePrecision,
    date_phrase: Option<String>,
    basis: Basis,
    span: Range<usize>,
    reason: String,
}

/// What the sentence before says: who acted and when, for "his forces" and "it".
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    subject: Option<usize>,
    date: Option<usize>,
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
}

impl<'a> Analysis<'a> {
    pub(super) fn new(assistant: &'a Assistant, text: &'a str, published: NaiveDate) -> Self {
        let tokens = tokenize(text);
        let names = assistant.lexicon.find(text, &tokens);
        let dates = find_dates(text, &tokens, published);
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

    fn place_of(&self, name: usize) -> Option<usize> {
        match self.names[name].referent {
            Referent::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The actor a name refers to, the government being the place's country's.
    fn actor_of(&self, name: usize, place: Option<usize>) -> Option<usize> {
        match self.names[name].referent {
            Referent::Actor(a) => Some(a),
            Referent::Government => {
                let country = &self.assistant.places[place?].country;
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
                .map(|p| self.assistant.places[p].country.as_str())
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
                    Referent::Anaphor => {}
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
        let mut context = Context::default();
        let mut inherits = false;
        for clause in clauses(self.text, &self.tokens, sentence.clone()) {
            let mut i = clause.start;
            while i < clause.end {
                let Some((verb, len)) = self.verb_at(i, clause.end) else {
                    i += 1;
                    continue;
                };
                let verb_end = i + len;
                let found = self.claims_of_verb(s, &sentence, &clause, i..verb_end, verb, previous);
                if let Some((subject, date)) = found.context {
                    context = Context {
                        subject: Some(subject.name),
                        date: date.or(context.date),
                    };
                    inherits |= subject.from_previous_sentence;
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
        // A sentence that goes on with "his forces" goes on at the time of the one before.
        if inherits && let Some(d) = previous.date {
            for c in out.iter_mut().filter(|c| c.date_phrase.is_none()) {
                let m = &self.dates[d];
                c.date = m.date;
                c.precision = m.precision;
                c.date_phrase = Some(self.text[m.start..m.end].to_owned());
                c.reason.push_str("; dated by the sentence before");
            }
            context.date = context.date.or(Some(d));
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
                Referent::Place(_) => {}
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
                    },
                )
            })
    }

    fn claims_of_verb(
        &self,
        s: usize,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        verb: Range<usize>,
        v: &Verb,
        previous: Context,
    ) -> VerbClaims {
        let none = VerbClaims::default();
        let polarity = self.polarity(clause, &verb, v.form, v.class);
        if polarity == Polarity::NotAClaim {
            return none;
        }
        let verb_text = &self.text[self.tokens[verb.start].start..self.tokens[verb.end - 1].end];
        let date = self.date_for(clause, sentence, verb.start);
        let mut claims = Vec::new();
        let mut push = |place: PlaceRef,
                        status: Status,
                        kind: EventKind,
                        actor: usize,
                        from: Option<usize>,
                        opponent: Option<usize>,
                        span: Range<usize>,
                        reason: String| {
            let (day, precision, phrase) = match date {
                Some(d) => {
                    let m = &self.dates[d];
                    (
                        m.date,
                        m.precision,
                        Some(self.text[m.start..m.end].to_owned()),
                    )
                }
                None => (self.published, DatePrecision::Day, None),
            };
            claims.push(Claim {
                sentence: s,
                place: place.place,
                status,
                kind,
                actor,
                from: from.into_iter().collect(),
                opponent,
                date: day,
                precision,
                date_phrase: phrase,
                basis: Basis::Stated,
                span,
                reason,
            });
        };

        match v.class {
            Class::HeldBy | Class::FellTo | Class::Under => {
                let holder = if v.class == Class::Under {
                    self.under_control(verb.end, clause.end)
                } else {
                    self.actor_after(verb.end, clause.end, 2)
                        .map(|n| (n, self.names[n].end))
                };
                let Some((holder, holder_end)) = holder else {
                    return none;
                };
                let Some((_, place)) = self.place_before(clause, verb.start) else {
                    return none;
                };
                let Some(actor) = self.actor_of(holder, Some(place.place)) else {
                    return none;
                };
                let name = self.span_text(&(self.names[holder].start..self.names[holder].end));
                let mut span = place.start..holder_end.max(self.tokens[verb.end - 1].end);
                if let Some(d) = date {
                    span = self.widen(span, d, clause);
                }
                if polarity == Polarity::NoLonger {
                    push(
                        place,
                        Status::Lost,
                        EventKind::Withdrawal,
                        actor,
                        None,
                        None,
                        span,
                        format!("“no longer {verb_text}” {name}"),
                    );
                } else if v.class == Class::FellTo {
                    push(
                        place,
                        Status::Held,
                        EventKind::Capture,
                        actor,
                        None,
                        None,
                        span,
                        format!("“{verb_text}” {name}"),
                    );
                } else {
                    push(
                        place,
                        Status::Held,
                        EventKind::Report,
                        actor,
                        None,
                        None,
                        span,
                        format!("“{verb_text}” {name}: held"),
                    );
                }
                VerbClaims {
                    claims,
                    context: None,
                }
            }
            Class::Victory => {
                // "The Syrian regime victory at Deir Ezzor": the actor right before the noun.
                let Some(n) = verb
                    .start
                    .checked_sub(1)
                    .and_then(|t| self.name_cover[t])
                    .filter(|&n| self.is_actor_name(n))
                else {
                    return none;
                };
                let scan = self.objects(verb.end, clause, sentence, v, n);
                for place in scan.places {
                    let Some(actor) = self.actor_of(n, Some(place.place)) else {
                        continue;
                    };
                    let span = self.names[n].start..place.end;
                    push(
                        place,
                        Status::Held,
                        EventKind::Declared,
                        actor,
                        None,
                        None,
                        span,
                        format!(
                            "“{verb_text}” of {}",
                            self.span_text(&(self.names[n].start..self.names[n].end))
                        ),
                    );
                }
                VerbClaims {
                    claims,
                    context: None,
                }
            }
            _ => {
                // A participle followed by its agent: "Hit was retaken by Iraqi forces".
                if matches!(v.class, Class::Capture | Class::Recapture)
                    && self.word(verb.end) == Some("by")
                    && let Some(agent) = self.actor_after(verb.end + 1, clause.end, 1)
                    && let Some((_, place)) = self.place_before(clause, verb.start)
                {
                    if let Some(actor) = self.actor_of(agent, Some(place.place)) {
                        let kind = kind_of(v.class);
                        let span = place.start..self.names[agent].end;
                        let span = match date {
                            Some(d) => self.widen(span, d, clause),
                            None => span,
                        };
                        push(
                            place,
                            Status::Held,
                            kind,
                            actor,
                            None,
                            None,
                            span,
                            format!(
                                "“{verb_text} by” {}",
                                self.span_text(&(self.names[agent].start..self.names[agent].end))
                            ),
                        );
                    }
                    return VerbClaims {
                        claims,
                        context: None,
                    };
                }
                let Some(subject) = self.subject(sentence, verb.start, previous) else {
                    return none;
                };
                let scan = self.objects(verb.end, clause, sentence, v, subject.name);
                let mut places = scan.places.clone();
                if places.is_empty() && v.class == Class::Holds {
                    // "Bukamal is the last significant Syrian town it controls."
                    if let Some(p) = self.place_as_topic(clause, verb.start) {
                        places.push(p);
                    }
                }
                let subject_name = self.names[subject.name].clone();
                let subject_text = if subject.from_previous_sentence {
                    format!(
                        "{} (the sentence before)",
                        &self.text[subject_name.start..subject_name.end]
                    )
                } else {
                    self.text[subject_name.start..subject_name.end].to_owned()
                };
                for place in places {
                    let Some(actor) = self.actor_of(subject.name, Some(place.place)) else {
                        continue;
                    };
                    let from = scan
                        .from
                        .or_else(|| {
                            matches!(v.class, Class::Capture | Class::Recapture)
                                .then(|| self.holder_named_later(sentence, place.end, subject.name))
                                .flatten()
                        })
                        .and_then(|n| self.actor_of(n, Some(place.place)));
                    let opponent = scan
                        .opponent
                        .or_else(|| self.opponent_in(sentence, verb.end, subject.name))
                        .and_then(|n| self.actor_of(n, Some(place.place)))
                        .filter(|&a| a != actor);
                    let start = self.clause_start(clause);
                    let mut span = start..place.end.max(self.tokens[verb.end - 1].end);
                    if let Some(d) = date {
                        span = self.widen(span, d, clause);
                    }
                    let (status, kind) = match (v.class, polarity) {
                        (Class::Holds, Polarity::NoLonger) => (Status::Lost, EventKind::Withdrawal),
                        (Class::Holds, _) => (Status::Held, EventKind::Report),
                        (Class::Entered, _) => (Status::Contested, EventKind::Entered),
                        (Class::Lost, _) => (Status::Lost, EventKind::Withdrawal),
                        (class, _) => (Status::Held, kind_of(class)),
                    };
                    let what = match status {
                        Status::Held if kind == EventKind::Report => "holds it",
                        Status::Held => "takes it",
                        Status::Contested => "fights for it",
                        Status::Lost => "loses it",
                    };
                    push(
                        place,
                        status,
                        kind,
                        actor,
                        from,
                        opponent,
                        span,
                        format!("“{verb_text}”: {subject_text} {what}"),
                    );
                }
                VerbClaims {
                    claims,
                    context: Some((subject, date)),
                }
            }
        }
    }

    /// Where a clause's own words begin (after "but", "while").
    fn clause_start(&self, clause: &Range<usize>) -> usize {
        let mut t = clause.start;
        while t + 1 < clause.end
            && (!self.tokens[t].is_word
                || matches!(
                    self.tokens[t].lower.as_str(),
                    "but" | "while" | "whereas" | "although" | "though" | "yet" | "and"
                ))
        {
            t += 1;
        }
        self.tokens[t].start
    }

    /// A span widened to take in a date phrase of the same clause.
    fn widen(&self, span: Range<usize>, date: usize, clause: &Range<usize>) -> Range<usize> {
        let d = &self.dates[date];
        if clause.contains(&d.tokens.start) {
            span.start.min(d.start)..span.end.max(d.end)
        } else {
            span
        }
    }

    /// "under IS control", "under the control of Daesh": the holder and where the phrase ends.
    fn under_control(&self, from: usize, end: usize) -> Option<(usize, usize)> {
        if self.word(from) == Some("the")
            && self.word(from + 1) == Some("control")
            && self.word(from + 2) == Some("of")
        {
            let n = self.actor_after(from + 3, end, 1)?;
            return Some((n, self.names[n].end));
        }
        let n = self
            .name_starting_at(from)
            .filter(|&n| self.is_actor_name(n))?;
        let after = self.names[n].tokens.end;
        let control = (after..end.min(after + 2)).find(|&t| self.word(t) == Some("control"))?;
        Some((n, self.tokens[control].end))
    }

    /// The place a relative clause is about: "P is the last town it controls".
    fn place_as_topic(&self, clause: &Range<usize>, verb: usize) -> Option<PlaceRef> {
        let (n, place) = self
            .names_in(clause.start..verb)
            .find_map(|n| Some((n, self.place_of(n)?)))?;
        let after = self.names[n].tokens.end;
        matches!(
            self.word(after),
            Some("is" | "was" | "remains" | "remained")
        )
        .then(|| PlaceRef {
            place,
            start: self.names[n].start,
            end: self.names[n].end,
        })
    }

    /// "... from Islamic State" later in the sentence: who held the place before ("recaptured
    /// Palmyra on Thursday, the second time they have taken the city from Islamic State").
    fn holder_named_later(
        &self,
        sentence: &Range<usize>,
        after_byte: usize,
        subject: usize,
    ) -> Option<usize> {
        let subject_ref = self.names[subject].referent;
        let first = self.tokens.partition_point(|t| t.start < after_byte);
        (first.max(sentence.start)..sentence.end)
            .filter(|&t| self.word(t) == Some("from"))
            .find_map(|t| {
                let n = self.actor_after(t + 1, sentence.end, 2)?;
                let between_places = self
                    .names_in(t + 1..self.names[n].tokens.start)
                    .any(|m| self.place_of(m).is_some());
                (!between_places && self.names[n].referent != subject_ref).then_some(n)
            })
    }

    /// The other side named after the verb in the sentence ("fighting the militants").
    fn opponent_in(&self, sentence: &Range<usize>, after: usize, subject: usize) -> Option<usize> {
        let subject_ref = self.names[subject].referent;
        self.names_in(after..sentence.end)
            .filter(|&n| self.is_actor_name(n) && self.names[n].referent != subject_ref)
            .find(|&n| {
                let start = self.names[n].tokens.start;
                !(start > 0 && matches!(self.word(start - 1), Some("by" | "with")))
            })
    }

    /// The date phrase of the clause nearest the verb; else the sentence's.
    fn date_for(
        &self,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        verb: usize,
    ) -> Option<usize> {
        let nearest = |r: &Range<usize>| {
            self.dates
                .iter()
                .enumerate()
                .filter(|(_, d)| r.contains(&d.tokens.start))
                .min_by_key(|(_, d)| d.tokens.start.abs_diff(verb))
                .map(|(i, _)| i)
        };
        nearest(clause).or_else(|| nearest(sentence))
    }

    /// The places a verb acts on: the names after it, through "the town of", lists ("Mosul and
    /// Raqqa", "several villages, including Rumana") and "from Daesh" (the former holder), up to
    /// a word that ends the object ("near", "towards", "in").
    fn objects(
        &self,
        from: usize,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        v: &Verb,
        subject: usize,
    ) -> Objects {
        let mut out = Objects::default();
        let mut partial = false;
        let mut filler = 0;
        let mut t = from;
        while t < clause.end {
            if let Some(d) = self.date_starting_at(t) {
                t = self.dates[d].tokens.end;
                continue;
            }
            if let Some(n) = self.name_starting_at(t) {
                let name = &self.names[n];
                match name.referent {
                    Referent::Place(p) => {
                        // "..., and Raqqa fell to the SDF": the subject of the next statement.
                        let next_is_verb = self.verb_at(name.tokens.end, clause.end).is_some();
                        if partial || name.possessive || next_is_verb {
                            break;
                        }
                        out.places.push(PlaceRef {
                            place: p,
                            start: name.start,
                            end: name.end,
                        });
                        filler = 0;
                    }
                    Referent::Actor(_) | Referent::Government => {
                        if name.referent != self.names[subject].referent {
                            if v.class == Class::Entered {
                                out.opponent.get_or_insert(n);
                            } else if v.class == Class::Declared && out.places.is_empty() {
                                // "declared victory over IS": over the group, not a place.
                                break;
                            }
                            // Another actor after the places begins another statement.
                            if !out.places.is_empty() {
                                break;
                            }
                        }
                    }
                    Referent::Anaphor => {}
                }
                t = name.tokens.end;
                continue;
            }
            let token = &self.tokens[t];
            if !token.is_word {
                // After a place, a comma goes on only to a list ("Mosul, Raqqa and Tabqa",
                // ", including Rumana"), not to the next statement.
                let list_goes_on = out.places.is_empty()
                    || self
                        .name_starting_at(t + 1)
                        .is_some_and(|n| self.place_of(n).is_some())
                    || matches!(
                        self.word(t + 1),
                        Some("including" | "such" | "among" | "namely")
                    )
                    || (self.word(t + 1) == Some("and")
                        && self
                            .name_starting_at(t + 2)
                            .is_some_and(|n| self.place_of(n).is_some()));
                if matches!(token.lower.as_str(), "," | "-" | "‐") && list_goes_on {
                    t += 1;
                    continue;
                }
                break;
            }
            let w = token.lower.as_str();
            if w == "the"
                && let Some(noun) = self.word(t + 1)
                && PLACE_ANAPHORS.contains(&noun)
                && self.word(t + 2) != Some("of")
                && self.name_starting_at(t + 2).is_none()
                && out.places.is_empty()
                && !partial
                && let Some(place) = self.antecedent(sentence, t, noun == "crossing")
            {
                out.places.push(PlaceRef {
                    place,
                    start: token.start,
                    end: self.tokens[t + 1].end,
                });
                t += 2;
                continue;
            }
            if w == "from" && !v.preps.contains(&"from") {
                // "from Daesh": who held it; "from Raqqa" would be where they came from.
                match self.actor_after(t + 1, clause.end, 4) {
                    Some(n)
                        if (t + 1..t + 6).contains(&self.names[n].tokens.start)
                            && self
                                .names_in(t + 1..self.names[n].tokens.start)
                                .all(|m| self.place_of(m).is_none()) =>
                    {
                        out.from.get_or_insert(n);
                        t = self.names[n].tokens.end;
                        continue;
                    }
                    _ => break,
                }
            }
            if v.preps.contains(&w) {
                t += 1;
                continue;
            }
            if matches!(w, "including" | "such" | "among" | "namely") {
                partial = false;
                filler = 0;
                t += 1;
                continue;
            }
            if w == "as" && t > 0 && self.word(t - 1) == Some("such") {
                t += 1;
                continue;
            }
            if OBJECT_STOPS.contains(&w) || VERB_INDEX.contains_key(w) {
                break;
            }
            if PARTIAL.contains(&w) {
                if !out.places.is_empty() {
                    break;
                }
                partial = true;
            }
            if w != "and" {
                filler += 1;
                if filler > MAX_FILLER {
                    break;
                }
            }
            t += 1;
        }
        out
    }

    /// The place "the town" or "the crossing" points back to: the nearest one named before in
    /// the sentence, else the last one of the sentence before.
    fn antecedent(&self, sentence: &Range<usize>, t: usize, crossing: bool) -> Option<usize> {
        let fits = |p: usize| self.assistant.places[p].border_crossing == crossing;
        let in_sentence = self
            .names_in(sentence.start..t)
            .filter_map(|n| self.place_of(n))
            .filter(|&p| fits(p))
            .last();
        in_sentence.or_else(|| {
            let s = self.sentences.iter().position(|r| r == sentence)?;
            let before = self.sentences.get(s.checked_sub(1)?)?;
            self.names_in(before.clone())
                .filter_map(|n| self.place_of(n))
                .filter(|&p| fits(p))
                .last()
        })
    }

    // ------------------------------------------------------------------ the whole text

    /// Settles what needs the whole text: who held a place before (the text's earlier claim,
    /// else the data), the other side of a contest, "lost" after a capture the text reported
    /// (the place went back to its holder before), and reports that a change in the same
    /// sentence or on the same day overrides.
    fn settle(&self, claims: &mut Vec<Claim>) {
        let snapshot = claims.clone();
        let holders_in_text = |place: usize, not: usize| {
            snapshot
                .iter()
                .find(|c| c.place == place && c.status == Status::Held && c.actor != not)
                .map(|c| c.actor)
        };
        let mut last_held: HashMap<usize, (usize, Vec<usize>)> = HashMap::new();
        for c in claims.iter_mut() {
            let before_in_text = last_held.get(&c.place).cloned();
            match c.status {
                Status::Lost => {
                    if let Some((holder, from)) = &before_in_text
                        && *holder == c.actor
                        && let [previous] = from.as_slice()
                        && *previous != c.actor
                    {
                        c.status = Status::Held;
                        c.kind = EventKind::Recapture;
                        c.from = vec![c.actor];
                        c.actor = *previous;
                        c.basis = Basis::Inferred;
                        c.reason.push_str(&format!(
                            "; back to {}, who held it before, as this text says",
                            self.assistant.actors[*previous]
                        ));
                    }
                }
                Status::Held if c.kind != EventKind::Report && c.from.is_empty() => {
                    if let Some((holder, _)) =
                        before_in_text.as_ref().filter(|(h, _)| *h != c.actor)
                    {
                        c.from = vec![*holder];
                    } else if c.place < self.assistant.history.len() {
                        let before = self.assistant.holders_before(c.place, c.date);
                        if !before.is_empty() && before != [c.actor] {
                            c.from = before.to_vec();
                            c.reason.push_str("; held before by the data's account");
                        }
                    }
                }
                Status::Contested if c.opponent.is_none() => {
                    c.opponent = holders_in_text(c.place, c.actor).or_else(|| {
                        self.assistant
                            .holders_before(c.place, c.date)
                            .iter()
                            .copied()
                            .find(|&a| a != c.actor)
                    });
                }
                _ => {}
            }
            if c.status == Status::Held {
                last_held.insert(c.place, (c.actor, c.from.clone()));
            }
        }
        let changes: Vec<(usize, usize, NaiveDate)> = claims
            .iter()
            .filter(|c| c.kind != EventKind::Report)
            .map(|c| (c.sentence, c.place, c.date))
            .collect();
        claims.retain(|c| {
            c.kind != EventKind::Report
                || !changes
                    .iter()
                    .any(|&(s, p, d)| p == c.place && (s == c.sentence || d == c.date))
        });
        claims.retain(|c| c.date <= self.published);
        let mut seen = std::collections::HashSet::new();
        claims.retain(|c| seen.insert((c.place, c.span.clone(), c.actor, c.status as u8)));
    }

    fn candidate(&self, c: Claim) -> Candidate {
        let info = &self.assistant.places[c.place];
        let id = |a: usize| self.assistant.actors[a].clone();
        let (to, contested_by, lost_by) = match c.status {
            Status::Held => (vec![id(c.actor)], vec![], vec![]),
            Status::Contested => {
                let mut sides = vec![id(c.actor)];
                sides.extend(c.opponent.map(id));
                (sides, vec![id(c.actor)], vec![])
            }
            Status::Lost => (vec![], vec![], vec![id(c.actor)]),
        };
        let span = self.trimmed(c.span);
        let mut reason = c.reason;
        if c.status == Status::Contested && c.opponent.is_none() {
            reason.push_str("; the other side is not named");
        }
        Candidate {
            place: info.id.clone(),
            name: info.name.clone(),
            new_place: info.new_place,
            latitude: info.latitude,
            longitude: info.longitude,
            date: c.date,
            date_phrase: c.date_phrase,
            precision: c.precision,
            kind: c.kind,
            from: c.from.into_iter().map(id).collect(),
            to,
            status: c.status,
            contested_by,
            lost_by,
            basis: c.basis,
            text: self.text[span.clone()].to_owned(),
            start: self.offsets.char_at(span.start),
            end: self.offsets.char_at(span.end),
            reason,
        }
    }

    /// A span without surrounding spaces or trailing commas.
    fn trimmed(&self, span: Range<usize>) -> Range<usize> {
        let s = &self.text[span.clone()];
        let body = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let lead = body.len() - body.trim_start().len();
        span.start + lead..span.start + body.len()
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
