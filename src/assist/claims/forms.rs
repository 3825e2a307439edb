//! Constructions around the control verbs: who is driven out by whom ("expelled government
//! troops from X", "were driven out of X by an IS counter-attack"), fighting between two named
//! sides inside a place, and where a noun phrase ends ("the city" is the place, "the city
//! stadium" is not).

use std::ops::Range;

use crate::store::{Basis, EventKind};

use super::vocabulary::*;
use super::{Analysis, Claim, Context, Status};

/// Nouns of fighting: "fighting raged inside X between A and B".
pub(super) const FIGHTING: &[&str] = &[
    "fighting",
    "clashes",
    "battles",
    "battle",
    "combat",
    "fight",
    "fighting's",
];

impl Analysis<'_> {
    /// The actor right after a verb of driving out, as its object ("expelled government troops
    /// from", "drove the militants out of").
    pub(super) fn actor_object(&self, from: usize, end: usize) -> Option<usize> {
        // "the militants" is a name; "the SDF" is "the" and a name.
        let at = |t: usize| {
            self.name_starting_at(t)
                .filter(|&n| t < end && self.is_actor_name(n))
        };
        at(from).or_else(|| {
            (self.word(from) == Some("the"))
                .then(|| at(from + 1))
                .flatten()
        })
    }

    /// The agent of a passive after a place: "by an Islamic State counter-attack", "by Iraqi
    /// forces"; or who a place was lost to ("lost Al Busayrah to IS").
    pub(super) fn agent_after(&self, after_byte: usize, end: usize) -> Option<usize> {
        let t = self.tokens.partition_point(|t| t.start < after_byte);
        let by = (t..end.min(t + 3)).find(|&k| matches!(self.word(k), Some("by" | "to")))?;
        self.actor_after(by + 1, end, 1)
    }

    /// Where the agent's words end: its name, and a noun like "counter-attack" after it.
    pub(super) fn agent_end(&self, after_byte: usize, end: usize) -> usize {
        let Some(n) = self.agent_after(after_byte, end) else {
            return after_byte;
        };
        let mut t = self.names[n].tokens.end;
        while t < end
            && (self.tokens[t].lower == "-"
                || self.word(t).is_some_and(|w| {
                    matches!(
                        w,
                        "counter" | "attack" | "offensive" | "assault" | "fighters" | "forces"
                    )
                }))
        {
            t += 1;
        }
        self.tokens[t - 1].end
    }

    /// "X declared that P had been liberated": the place of a passive with no agent, when the
    /// actor before it is the one who announces it.
    pub(super) fn reported_passive(
        &self,
        subject: usize,
        verb: usize,
        clause: &Range<usize>,
    ) -> Option<super::PlaceRef> {
        let passive = verb > 0 && matches!(self.word(verb - 1), Some("been" | "was" | "were"));
        if !passive || self.word(verb) == Some("by") {
            return None;
        }
        let (n, place) = self.place_before(clause, verb)?;
        let between = self.names[subject].tokens.end..self.names[n].tokens.start;
        let reported = between.clone().any(|t| {
            matches!(
                self.word(t),
                Some("declared" | "announced" | "said" | "confirmed" | "says" | "announces")
            )
        });
        (reported && self.word(verb + 1) != Some("by")).then_some(place)
    }

    /// Whether a noun phrase ends before token `t`: punctuation, the clause's end, a date, a
    /// name, or a word that ends an object ("the city on Sunday", "the city from IS"), not
    /// another noun ("the city stadium").
    pub(super) fn ends_noun_phrase(&self, t: usize, end: usize) -> bool {
        if t >= end || !self.tokens[t].is_word {
            return true;
        }
        let w = self.tokens[t].lower.as_str();
        self.date_cover[t].is_some()
            || OBJECT_STOPS.contains(&w)
            || matches!(
                w,
                "and" | "again" | "itself" | "entirely" | "completely" | "fully"
            )
            || VERB_INDEX.contains_key(w)
    }

    /// "Fierce fighting raged inside Al Asharah on Sunday between SDF fighters and Islamic
    /// State": contested between the two named sides. Both must be named.
    pub(super) fn fighting_claims(
        &self,
        s: usize,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        previous: Context,
    ) -> Vec<Claim> {
        let mut out = Vec::new();
        for t in clause.clone() {
            let Some(w) = self.word(t) else { continue };
            if !FIGHTING.contains(&w) {
                continue;
            }
            let before: Vec<&str> = (clause.start..t)
                .rev()
                .filter_map(|k| self.word(k))
                .take(3)
                .collect();
            if before
                .iter()
                .any(|w| NOT_A_CLAIM.contains(w) || matches!(*w, "no" | "after" | "before"))
            {
                continue;
            }
            // The place: "in", "inside", "for" within a few words of the noun.
            let Some(place) = (t + 1..clause.end.min(t + 5))
                .filter(|&k| matches!(self.word(k), Some("in" | "inside" | "for" | "over")))
                .find_map(|k| {
                    let n = self.name_starting_at(k + 1).or_else(|| {
                        (self.word(k + 1) == Some("the"))
                            .then(|| self.name_starting_at(k + 2))
                            .flatten()
                    })?;
                    Some((n, self.place_of(n)?))
                })
            else {
                continue;
            };
            let Some(between) = (t..clause.end).find(|&k| self.word(k) == Some("between")) else {
                continue;
            };
            let Some(a) = self.actor_after(between + 1, clause.end, 1) else {
                continue;
            };
            let after_a = self.names[a].tokens.end;
            let Some(and) =
                (after_a..clause.end.min(after_a + 3)).find(|&k| self.word(k) == Some("and"))
            else {
                continue;
            };
            let Some(b) = self.actor_after(and + 1, clause.end, 1) else {
                continue;
            };
            let (p, (n, _)) = (place.1, place);
            let (Some(actor_a), Some(actor_b)) =
                (self.actor_of(a, Some(p)), self.actor_of(b, Some(p)))
            else {
                continue;
            };
            if actor_a == actor_b {
                continue;
            }
            let dating = self.dating(clause, sentence, t, Class::Holds, previous);
            let mut end = self.names[b].end;
            while let Some(k) = self
                .tokens
                .iter()
                .position(|x| x.start == end)
                .map(|k| k + 1)
            {
                if k < clause.end
                    && self
                        .word(k)
                        .is_some_and(|w| matches!(w, "fighters" | "forces" | "militants"))
                {
                    end = self.tokens[k].end;
                } else {
                    break;
                }
            }
            let reason = dating.reason(format!(
                "\u{201c}{w}\u{201d} in {} between two named sides",
                &self.text[self.names[n].start..self.names[n].end]
            ));
            out.push(Claim {
                sentence: s,
                place: p,
                status: Status::Contested,
                kind: EventKind::Report,
                actor: actor_a,
                from: vec![],
                opponent: Some(actor_b),
                date: dating.date,
                precision: dating.precision,
                date_match: dating.phrase,
                date_note: dating.note.clone(),
                grounds: dating.grounds,
                basis: Basis::Stated,
                span: self.clause_start(clause)..end,
                reason,
            });
            break;
        }
        out
    }
}
