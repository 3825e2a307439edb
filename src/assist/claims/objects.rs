//! The places a verb acts on, and the claims of a whole text settled into candidates.

use std::ops::Range;

use chrono::NaiveDate;

use crate::store::{Basis, EventKind};

use super::super::{Candidate, Ground, Status};
use super::vocabulary::*;
use super::*;

impl Analysis<'_> {
    /// The places a verb acts on: the names after it, through "the town of", lists ("Mosul and
    /// Raqqa", "several villages, including Rumana") and "from Daesh" (the former holder), up to
    /// a word that ends the object ("near", "towards", "in").
    pub(super) fn objects(
        &self,
        from: usize,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        v: &Verb,
        subject: usize,
    ) -> Objects {
        let mut out = Objects::default();
        let mut partial = false;
        // "the western half of Hajin": a part of the place, fought over rather than taken.
        let mut part_of = false;
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
                    Referent::Place(_) | Referent::Unknown(_) => {
                        let p = self.place_of(n).unwrap_or_default();
                        // "..., and Raqqa fell to the SDF": the subject of the next statement.
                        let next_is_verb = self.verb_at(name.tokens.end, clause.end).is_some();
                        if partial && part_of && !name.possessive && out.places.is_empty() {
                            out.places.push(PlaceRef {
                                place: p,
                                start: name.start,
                                end: name.end,
                                part: true,
                            });
                            break;
                        }
                        if partial || name.possessive || next_is_verb {
                            break;
                        }
                        out.places.push(PlaceRef {
                            place: p,
                            start: name.start,
                            end: name.end,
                            part: false,
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
                && self.ends_noun_phrase(t + 2, clause.end)
                && out.places.is_empty()
                && (!partial || part_of)
                && let Some(place) = self.antecedent(sentence, t, noun == "crossing")
            {
                // "several districts of the city": a part of the town named before.
                out.places.push(PlaceRef {
                    place,
                    start: token.start,
                    end: self.tokens[t + 1].end,
                    part: partial,
                });
                if partial {
                    break;
                }
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
            // "four neighbourhoods in Mayadeen": the part's place.
            if w == "in" && partial && part_of {
                t += 1;
                continue;
            }
            // "Islamic State-held al-Mayadin": an adjective, not a verb.
            if w == "held" && t > 0 && self.tokens[t - 1].lower == "-" {
                t += 1;
                continue;
            }
            if OBJECT_STOPS.contains(&w) || VERB_INDEX.contains_key(w) {
                break;
            }
            // "the villages of A, B and C" names them; "villages near A" does not.
            // "the district of Qaim" is the district itself, not a part of a town.
            let list_of =
                matches!(w, "villages" | "towns" | "district") && self.word(t + 1) == Some("of");
            // "the desert town of": an adjective, not the desert.
            let list_of = list_of
                || matches!(
                    self.word(t + 1),
                    Some("town" | "city" | "village" | "villages" | "towns")
                );
            if PARTIAL.contains(&w) && !list_of {
                if !out.places.is_empty() {
                    break;
                }
                partial = true;
                part_of = PART_OF.contains(&w) && matches!(self.word(t + 1), Some("of" | "in"));
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
    pub(super) fn antecedent(
        &self,
        sentence: &Range<usize>,
        t: usize,
        crossing: bool,
    ) -> Option<usize> {
        let fits = |p: usize| {
            self.assistant
                .places
                .get(p)
                .is_some_and(|i| i.border_crossing)
                == crossing
        };
        // "Albu Kamal in the province of Deir Ezzor": a province is not "the town".
        let region = |n: usize| {
            let s = self.names[n].tokens.start;
            (s.saturating_sub(2)..s).any(|k| {
                matches!(
                    self.word(k),
                    Some("province" | "governorate" | "countryside" | "region" | "محافظة" | "ريف")
                )
            })
        };
        let in_sentence = self
            .names_in(sentence.start..t)
            .filter(|&n| !region(n))
            .filter_map(|n| self.place_of(n))
            .filter(|&p| fits(p))
            .last();
        in_sentence.or_else(|| {
            let s = self.sentences.iter().position(|r| r == sentence)?;
            let before = self.sentences.get(s.checked_sub(1)?)?;
            self.names_in(before.clone())
                .filter(|&n| !region(n))
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
    pub(super) fn settle(&self, claims: &mut Vec<Claim>) {
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
                        c.grounds.push(Ground::Inferred);
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
                        let day = c.date.unwrap_or(self.published);
                        let before = self.assistant.holders_before(c.place, day);
                        if !before.is_empty() && before != [c.actor] {
                            c.from = before.to_vec();
                            c.grounds.push(Ground::HolderFromData);
                            c.reason.push_str("; held before by the data's account");
                        }
                    }
                }
                Status::Contested if c.opponent.is_none() => {
                    c.opponent = holders_in_text(c.place, c.actor).or_else(|| {
                        self.assistant
                            .holders_before(c.place, c.date.unwrap_or(self.published))
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
        let changes: Vec<(usize, usize, Option<NaiveDate>)> = claims
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
        let mut seen = std::collections::HashSet::new();
        claims.retain(|c| seen.insert((c.place, c.span.clone(), c.actor, c.status as u8)));
    }

    pub(super) fn candidate(&self, c: Claim) -> Candidate {
        let id = |a: usize| self.assistant.actors[a].clone();
        let (to, contested_by, lost_by) = match c.status {
            Status::Held => (vec![id(c.actor)], vec![], vec![]),
            Status::Contested => {
                let mut sides = vec![id(c.actor)];
                sides.extend(c.opponent.filter(|&o| o != c.actor).map(id));
                (sides.clone(), sides, vec![])
            }
            Status::Lost => (vec![], vec![], vec![id(c.actor)]),
        };
        let mut grounds = c.grounds;
        let mut reason = c.reason;
        if c.status == Status::Contested && c.opponent.is_none() {
            reason.push_str("; the other side is not named");
            grounds.push(Ground::OtherSideUnnamed);
        }
        // The quote takes in the date phrase of its own sentence; one outside it is not given.
        let mut span = c.span;
        let mut date_phrase = None;
        if let Some(d) = c.date_match {
            let m = &self.dates[d];
            let sentence = &self.sentences[c.sentence];
            if sentence.contains(&m.tokens.start) {
                span = span.start.min(m.start)..span.end.max(m.end);
                date_phrase = Some(self.text[m.start..m.end].to_owned());
            }
        }
        let span = self.trimmed(span);
        let (place, name, new_place, latitude, longitude) = match self.assistant.places.get(c.place)
        {
            Some(info) => {
                if info.new_place {
                    grounds.push(Ground::PlaceFromGazetteer);
                }
                (
                    Some(info.id.clone()),
                    info.name.clone(),
                    info.new_place,
                    Some(info.latitude),
                    Some(info.longitude),
                )
            }
            None => {
                grounds.push(Ground::PlaceUnknown);
                let k = c.place - self.assistant.places.len();
                (None, self.unknown[k].clone(), true, None, None)
            }
        };
        let mut candidate = Candidate {
            place,
            name,
            new_place,
            latitude,
            longitude,
            date: c.date,
            date_phrase,
            precision: c.precision,
            date_note: c.date_note,
            kind: c.kind,
            // Who held it before is never who holds it now.
            from: c
                .from
                .into_iter()
                .filter(|a| {
                    c.status == Status::Lost
                        || (*a != c.actor
                            && !(c.status == Status::Contested && Some(*a) == c.opponent))
                })
                .map(id)
                .collect(),
            to,
            status: c.status,
            contested_by,
            lost_by,
            basis: c.basis,
            text: self.text[span.clone()].to_owned(),
            start: self.offsets.char_at(span.start),
            end: self.offsets.char_at(span.end),
            reason,
            confidence: super::super::confidence_of(&grounds),
            grounds,
            claim_key: String::new(),
        };
        candidate.claim_key = candidate.key_of();
        candidate
    }

    /// A span without surrounding spaces or trailing commas.
    pub(super) fn trimmed(&self, span: Range<usize>) -> Range<usize> {
        let s = &self.text[span.clone()];
        let body = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let lead = body.len() - body.trim_start().len();
        span.start + lead..span.start + body.len()
    }
}
