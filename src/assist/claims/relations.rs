//! How a place and an actor are tied when the verb does not stand between them: the subject of
//! "after liberating X" (the sentence's, not a noun's), the place a relative clause is about
//! ("the town of Qaim that Iraqi forces retook"), a place called "IS-held" (held, unless a verb
//! of the same clause takes it), and descriptions of a place being taken ("Qaim, one of the
//! last territories held by IS", said of its former holder).

use std::ops::Range;

use crate::store::{Basis, EventKind};

use super::vocabulary::*;
use super::{Analysis, Claim, Context, PlaceRef, Status, Subject};
use crate::assist::lexicon::Referent;
use crate::assist::text::clauses;

impl Analysis<'_> {
    /// The subject of a gerund after "after" or "since": the clause's own subject, its first
    /// actor ("PMF fighters raise the flag over the IS headquarters after liberating the
    /// town": the PMF, not IS).
    pub(super) fn gerund_subject(&self, clause: &Range<usize>, verb: usize) -> Option<Subject> {
        self.names_in(clause.start..verb)
            .find(|&n| self.is_actor_name(n) && !self.names[n].possessive && !self.governed(n))
            .map(|name| Subject {
                name,
                from_previous_sentence: false,
            })
    }

    /// The places listed before a place name, back through "and", commas and "as well as"
    /// ("Annah, Qaim and Rawa have been held by IS"), in the clause.
    pub(super) fn places_listed_before(
        &self,
        clause: &Range<usize>,
        last: usize,
    ) -> Vec<(usize, PlaceRef)> {
        let mut out = Vec::new();
        let mut t = self.names[last].tokens.start;
        loop {
            let mut k = t;
            let mut joined = false;
            while k > clause.start
                && (matches!(self.tokens[k - 1].lower.as_str(), "," | "and")
                    || (self.word(k - 1) == Some("and") && self.word(k - 2) != Some("and")))
            {
                k -= 1;
                joined = true;
            }
            let Some(n) = k.checked_sub(1).and_then(|b| self.name_cover[b]) else {
                break;
            };
            let Some(place) = self.place_of(n) else {
                break;
            };
            if !joined || self.names[n].tokens.start < clause.start {
                break;
            }
            out.push((
                n,
                PlaceRef {
                    place,
                    start: self.names[n].start,
                    end: self.names[n].end,
                    part: false,
                },
            ));
            t = self.names[n].tokens.start;
        }
        out.reverse();
        out
    }

    /// "the border town of Qaim that Iraqi forces retook": the place a relative clause's verb
    /// acts on, named just before "that"/"which" and the subject.
    pub(super) fn relative_object(
        &self,
        sentence: &Range<usize>,
        subject: usize,
    ) -> Option<PlaceRef> {
        let mut t = self.names[subject].tokens.start;
        // "the town which the army retook".
        if t > 0 && self.word(t - 1) == Some("the") {
            t -= 1;
        }
        if t == 0 || !matches!(self.word(t - 1), Some("that" | "which")) {
            return None;
        }
        let mut k = t - 1;
        // "Qaim, which ...": a comma may stand between.
        if k > sentence.start && matches!(self.tokens[k - 1].lower.as_str(), ",") {
            k -= 1;
        }
        let n = self.name_cover.get(k.checked_sub(1)?).copied().flatten()?;
        let place = self.place_of(n)?;
        if self.names[n].tokens.start < sentence.start {
            return None;
        }
        Some(PlaceRef {
            place,
            start: self.names[n].start,
            end: self.names[n].end,
            part: false,
        })
    }

    /// Whether the place named at token `at` is what a taking verb before it in its sentence
    /// acts on ("seized the district of Qaim, one of the last territories held by IS"): a
    /// description of the place then tells who held it before, not who holds it.
    pub(super) fn taken_in_sentence(
        &self,
        sentence: &Range<usize>,
        at: usize,
        holder: usize,
    ) -> bool {
        clauses(self.text, &self.tokens, sentence.clone())
            .into_iter()
            .filter(|c| c.start <= at)
            .any(|clause| {
                (clause.start..at.min(clause.end)).any(|t| {
                    let Some((v, len)) = self.verb_at(t, clause.end) else {
                        return false;
                    };
                    // "an offensive to capture Rawa, the last town under IS control": a plan
                    // takes nothing, and the description stands.
                    matches!(
                        v.class,
                        Class::Capture | Class::Recapture | Class::Entered | Class::Declared
                    ) && self.polarity(&clause, &(t..t + len), v.form, v.class)
                        != super::Polarity::NotAClaim
                        && self
                            .objects(t + len, &clause, sentence, v, holder)
                            .places
                            .iter()
                            .any(|p| {
                                self.names_in(sentence.clone()).any(|n| {
                                    self.names[n].start == p.start
                                        && self.names[n].tokens.start == at
                                })
                            })
                })
            })
    }

    /// "toward the IS-held city of Rawa": held by the actor of the adjective, at the time the
    /// clause speaks of, unless a verb of the sentence takes or enters the place ("captured
    /// the last IS-held town of Rawa": then it is its former holder).
    pub(super) fn held_adjective_claims(
        &self,
        s: usize,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        previous: Context,
    ) -> Vec<Claim> {
        let mut out = Vec::new();
        for t in clause.start + 2..clause.end {
            if self.word(t) != Some("held") || self.tokens[t - 1].lower != "-" {
                continue;
            }
            let Some(holder) = self.name_cover[t - 2].filter(|&n| self.is_actor_name(n)) else {
                continue;
            };
            if matches!(self.names[holder].referent, Referent::Anaphor) {
                continue;
            }
            // "the formerly IS-held town": background, not now.
            let before = self.names[holder].tokens.start;
            if before > 0
                && self.word(before - 1).is_some_and(|w| {
                    matches!(w, "formerly" | "once" | "previously" | "former" | "long")
                })
            {
                continue;
            }
            // "the IS-held town of Rawa", "IS-held Rawa".
            let mut k = t + 1;
            while k < clause.end.min(t + 4)
                && self.word(k).is_some_and(|w| {
                    matches!(
                        w,
                        "city" | "town" | "village" | "of" | "border" | "district"
                    )
                })
            {
                k += 1;
            }
            let Some(n) = self.name_starting_at(k) else {
                continue;
            };
            let Some(place) = self.place_of(n) else {
                continue;
            };
            if self.names[n].possessive || self.taken_in_sentence(sentence, k, holder) {
                continue;
            }
            let Some(actor) = self.actor_of(holder, Some(place)) else {
                continue;
            };
            let dating = self.dating(clause, sentence, t, Class::Holds, previous);
            let reason = dating.reason(format!(
                "\u{201c}{}-held\u{201d}: held",
                &self.text[self.names[holder].start..self.names[holder].end]
            ));
            out.push(Claim {
                sentence: s,
                place,
                status: Status::Held,
                kind: EventKind::Report,
                actor,
                from: vec![],
                opponent: None,
                date: dating.date,
                precision: dating.precision,
                date_match: dating.phrase,
                date_note: dating.note.clone(),
                grounds: dating.grounds,
                basis: Basis::Stated,
                span: self.names[holder].start..self.names[n].end,
                reason,
            });
        }
        out
    }
}
