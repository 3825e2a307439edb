//! What one control verb claims: its subject, its places, its date and its polarity.

use std::ops::Range;

use crate::store::{Basis, EventKind};

use super::super::Status;
use super::vocabulary::*;
use super::*;

impl Analysis<'_> {
    pub(super) fn claims_of_verb(
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
        // A sentence that goes on with "his forces" goes on at the time of the one before,
        // even across a paragraph break.
        let mut story = previous;
        if self
            .subject(sentence, verb.start, previous)
            .is_some_and(|s| s.from_previous_sentence)
        {
            story.carried = previous.date.or(previous.carried);
        }
        let dating = self.dating(clause, sentence, verb.start, v.class, story);
        let date = dating.phrase;
        let mut claims = Vec::new();
        let mut push = |place: PlaceRef,
                        status: Status,
                        kind: EventKind,
                        actor: usize,
                        from: Option<usize>,
                        opponent: Option<usize>,
                        span: Range<usize>,
                        reason: String| {
            let reason = dating.reason(reason);
            claims.push(Claim {
                sentence: s,
                place: place.place,
                status,
                kind,
                actor,
                from: from.into_iter().collect(),
                opponent,
                date: dating.date,
                precision: dating.precision,
                date_match: dating.phrase,
                date_note: dating.note.clone(),
                grounds: dating.grounds.clone(),
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
                let Some(nearest) = self.place_before(clause, verb.start) else {
                    return none;
                };
                // "Rawa and al-Qaim ... are still under IS control": the whole list.
                let mut listed = self.places_listed_before(clause, nearest.0);
                listed.push(nearest);
                for (place_name, place) in listed {
                    // "seized Qaim, one of the last territories held by IS": its former holder.
                    if v.class != Class::FellTo
                        && self.taken_in_sentence(
                            sentence,
                            self.names[place_name].tokens.start,
                            holder,
                        )
                    {
                        continue;
                    }
                    let Some(actor) = self.actor_of(holder, Some(place.place)) else {
                        continue;
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
                let after_gerund = v.form == Form::Gerund
                    && verb.start > 0
                    && matches!(self.word(verb.start - 1), Some("after" | "since"));
                let subject = if after_gerund {
                    self.gerund_subject(clause, verb.start)
                } else {
                    self.subject(sentence, verb.start, previous)
                };
                let Some(subject) = subject else {
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
                if places.is_empty()
                    && matches!(v.class, Class::Capture | Class::Recapture)
                    && let Some(p) = self.reported_passive(subject.name, verb.start, clause)
                {
                    // "The SDF declared that Raqqa had been liberated": the declarer holds it.
                    places.push(p);
                }
                if places.is_empty()
                    && matches!(v.class, Class::Capture | Class::Recapture)
                    && !subject.from_previous_sentence
                    && let Some(p) = self.relative_object(sentence, subject.name)
                {
                    // "the town of Qaim that Iraqi forces retook from IS".
                    places.push(p);
                }
                // "expelled government troops from X": the subject takes X from its object.
                let object = (v.class == Class::Lost && TRANSITIVE_OUT.contains(&v.words[0]))
                    .then(|| self.actor_object(verb.end, clause.end))
                    .flatten();
                let subject_name = self.names[subject.name].clone();
                let subject_text = if subject.from_previous_sentence {
                    format!(
                        "{} (the sentence before)",
                        &self.text[subject_name.start..subject_name.end]
                    )
                } else {
                    self.text[subject_name.start..subject_name.end].to_owned()
                };
                let mut parts = Vec::new();
                for place in places {
                    let Some(subject_actor) = self.actor_of(subject.name, Some(place.place)) else {
                        continue;
                    };
                    let mut actor = subject_actor;
                    // "were driven out of X by an IS counter-attack": the agent takes it.
                    let agent = (v.class == Class::Lost && object.is_none())
                        .then(|| self.agent_after(place.end, clause.end))
                        .flatten()
                        .and_then(|n| self.actor_of(n, Some(place.place)))
                        .filter(|&a| a != subject_actor);
                    let mut flipped_from = None;
                    if let Some(o) = object.and_then(|n| self.actor_of(n, Some(place.place))) {
                        flipped_from = Some(o);
                    } else if let Some(a) = agent {
                        actor = a;
                        flipped_from = Some(subject_actor);
                    }
                    let from = scan
                        .from
                        .or_else(|| {
                            matches!(v.class, Class::Capture | Class::Recapture)
                                .then(|| self.holder_named_later(sentence, place.end, subject.name))
                                .flatten()
                        })
                        .and_then(|n| self.actor_of(n, Some(place.place)))
                        .or(flipped_from);
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
                    if agent.is_some() {
                        span.end = span.end.max(self.agent_end(place.end, clause.end));
                    }
                    let (status, kind) = match (v.class, polarity) {
                        _ if flipped_from.is_some() => (Status::Held, EventKind::Capture),
                        (Class::Lost, _) | (_, Polarity::NoLonger) if place.part => continue,
                        _ if place.part => (Status::Contested, EventKind::Entered),
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
                    parts.push(place.part);
                }
                for (c, part) in claims.iter_mut().zip(parts) {
                    if part {
                        c.grounds.push(Ground::PartOfPlace);
                    }
                }
                if subject.from_previous_sentence {
                    for c in &mut claims {
                        c.grounds.push(Ground::SubjectCarried);
                    }
                }
                VerbClaims {
                    claims,
                    context: Some((subject, date)),
                }
            }
        }
    }

    /// Where a clause's own words begin (after "but", "while").
    pub(super) fn clause_start(&self, clause: &Range<usize>) -> usize {
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
    pub(super) fn widen(
        &self,
        span: Range<usize>,
        date: usize,
        clause: &Range<usize>,
    ) -> Range<usize> {
        let d = &self.dates[date];
        if clause.contains(&d.tokens.start) {
            span.start.min(d.start)..span.end.max(d.end)
        } else {
            span
        }
    }

    /// "under IS control", "under the control of Daesh": the holder and where the phrase ends.
    pub(super) fn under_control(&self, from: usize, end: usize) -> Option<(usize, usize)> {
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
    pub(super) fn place_as_topic(&self, clause: &Range<usize>, verb: usize) -> Option<PlaceRef> {
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
            part: false,
        })
    }

    /// "... from Islamic State" later in the sentence: who held the place before ("recaptured
    /// Palmyra on Thursday, the second time they have taken the city from Islamic State").
    pub(super) fn holder_named_later(
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
    pub(super) fn opponent_in(
        &self,
        sentence: &Range<usize>,
        after: usize,
        subject: usize,
    ) -> Option<usize> {
        let subject_ref = self.names[subject].referent;
        self.names_in(after..sentence.end)
            .filter(|&n| self.is_actor_name(n) && self.names[n].referent != subject_ref)
            .find(|&n| {
                let start = self.names[n].tokens.start;
                !(start > 0 && matches!(self.word(start - 1), Some("by" | "with")))
            })
    }
}
