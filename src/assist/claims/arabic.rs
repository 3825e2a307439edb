//! Claims in Modern Standard Arabic news prose: a verb of control ("سيطر على", "استعاد",
//! "حرّر", "دخل", "طرد", "انسحب من", "سقط بيد", "ما يزال يسيطر", "أعلن سيطرته على"), its
//! subject after it (the usual order) or before it, and the places after "على", "من" or the
//! verb, through "مدينة", "بلدتي" and lists ("هجين والعشارة"). A part ("أجزاء من") is fought
//! over; the countryside or the north of a place ("ريف", "شمال") is not the place.

use std::ops::Range;

use crate::store::names::match_key;
use crate::store::{Basis, EventKind};

use super::vocabulary::Class;
use super::{Analysis, Claim, Context, Ground, Status};

/// What an Arabic verb of control says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Capture,
    Recapture,
    Entered,
    /// Left the place ("انسحب من").
    Withdrew,
    /// Drove someone out of it ("طرد"): the subject takes it from its object.
    Expelled,
    /// Fell to the actor after it ("سقطت بيد").
    FellTo,
    /// Holds it now ("يسيطر", "ما يزال يسيطر").
    Holds,
    /// Announced something of a place ("أعلن"): the noun after says what.
    Announced,
    /// Managed to ("تمكن من", "نجح في"): the verbal noun after says what.
    Managed,
}

/// Verbs by match key, without a leading "و" or "ف".
const VERBS: &[(&str, Act)] = &[
    ("سيطر", Act::Capture),
    ("سيطرت", Act::Capture),
    ("سيطروا", Act::Capture),
    ("استولي", Act::Capture),
    ("استولى", Act::Capture),
    ("استولت", Act::Capture),
    ("حرر", Act::Capture),
    ("حررت", Act::Capture),
    ("حرروا", Act::Capture),
    ("انتزع", Act::Capture),
    ("انتزعت", Act::Capture),
    ("احكم", Act::Capture),
    ("احكمت", Act::Capture),
    ("بسط", Act::Capture),
    ("بسطت", Act::Capture),
    ("استعاد", Act::Recapture),
    ("استعادت", Act::Recapture),
    ("استعادوا", Act::Recapture),
    ("دخل", Act::Entered),
    ("دخلت", Act::Entered),
    ("دخلوا", Act::Entered),
    ("اقتحم", Act::Entered),
    ("اقتحمت", Act::Entered),
    ("اقتحموا", Act::Entered),
    ("انسحب", Act::Withdrew),
    ("انسحبت", Act::Withdrew),
    ("انسحبوا", Act::Withdrew),
    ("طرد", Act::Expelled),
    ("طردت", Act::Expelled),
    ("طردوا", Act::Expelled),
    ("سقط", Act::FellTo),
    ("سقطت", Act::FellTo),
    ("يسيطر", Act::Holds),
    ("تسيطر", Act::Holds),
    ("يسيطرون", Act::Holds),
    ("اعلن", Act::Announced),
    ("اعلنت", Act::Announced),
    ("يعلن", Act::Announced),
    ("تعلن", Act::Announced),
    ("تمكن", Act::Managed),
    ("تمكنت", Act::Managed),
    ("تمكنوا", Act::Managed),
    ("نجح", Act::Managed),
    ("نجحت", Act::Managed),
    ("نجحوا", Act::Managed),
];
/// The verbal nouns after "تمكن من" / "نجح في": entering, taking control, retaking.
const MANAGED: &[(&str, Act)] = &[
    ("دخول", Act::Entered),
    ("اقتحام", Act::Entered),
    ("السيطرة", Act::Capture),
    ("سيطرة", Act::Capture),
    ("تحرير", Act::Capture),
    ("انتزاع", Act::Capture),
    ("استعادة", Act::Recapture),
    ("طرد", Act::Expelled),
];
/// Words of quantity before a number ("نحو 50% من", "أكثر من 40% من"): a share of a place.
const ABOUT: &[&str] = &["نحو", "حوالي", "اكثر", "قرابة", "زهاء"];
/// The nouns "أعلن" announces: control, liberation, retaking.
const ANNOUNCED: &[(&str, Act)] = &[
    ("سيطرته", Act::Capture),
    ("سيطرتها", Act::Capture),
    ("سيطرتهم", Act::Capture),
    ("السيطرة", Act::Capture),
    ("سيطرة", Act::Capture),
    ("تحرير", Act::Capture),
    ("استعادة", Act::Recapture),
    ("استعادته", Act::Recapture),
    ("استعادتها", Act::Recapture),
];
/// Words just before a verb that make it no claim: negations, attempts, plans.
const NOT_A_CLAIM: &[&str] = &[
    "لم",
    "لن",
    "لا",
    "فشل",
    "فشلت",
    "محاولة",
    "يحاول",
    "تحاول",
    "تسعى",
    "يسعى",
    "تستعد",
    "يستعد",
    "بهدف",
    "قد",
    "سوف",
];
/// "ما يزال", "لا تزال", "ما زال": still.
const STILL: &[&str] = &["يزال", "تزال", "زال", "زالت", "يزالون", "مازال", "مازالت"];
/// Nouns for a town, a city, a village, and words of manner, between a verb and its place.
const FILLERS: &[&str] = &[
    "بلدة",
    "مدينة",
    "قرية",
    "بلدتي",
    "مدينتي",
    "قريتي",
    "قرى",
    "بلدات",
    "مدن",
    "كامل",
    "الكاملة",
    "بالكامل",
    "كاملة",
    "التامة",
    "على",
    "السيطرة",
    "مركز",
    "قضاء",
    "ناحية",
    // "الجيش السوري وحلفاؤه بقيادة حزب الله اللبناني مدينة البوكمال": the subject's allies
    // and leaders stand between the verb and its place.
    "وحلفاؤه",
    "وحلفائه",
    "وحلفاؤها",
    "وحلفائها",
    "وحلفاؤهم",
    "بقيادة",
    "جماعة",
    "اللبنانية",
    "اللبناني",
    "العراقية",
    "العراقي",
    "الروسية",
    "الايرانية",
    "مجددا",
];
/// Parts of a place: taking one is fighting for the place.
const PARTS: &[&str] = &["اجزاء", "جزء", "احياء", "معظم", "اغلب", "نصف", "اجزاء"];
/// Words that end the object before a place: around, near, the countryside of, north of.
const STOPS: &[&str] = &[
    "ريف",
    "محيط",
    "اطراف",
    "ضواحي",
    "قرب",
    "بالقرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "حدود",
    "مشارف",
    "طريق",
    "مطار",
    "حقل",
    "قاعدة",
    "نحو",
    "باتجاه",
    "في",
];

/// A word without a leading "و" or "ف" ("وسيطرت").
fn bare(k: &str) -> &str {
    for p in ['و', 'ف'] {
        if let Some(r) = k.strip_prefix(p)
            && r.chars().count() >= 3
            && VERBS.iter().any(|(v, _)| *v == r)
        {
            return r;
        }
    }
    k
}

impl Analysis<'_> {
    fn key(&self, t: usize) -> Option<String> {
        self.word(t).map(match_key)
    }

    /// Whether a clause is written in Arabic (most of its words).
    pub(super) fn is_arabic_clause(&self, clause: &Range<usize>) -> bool {
        let words = clause.clone().filter(|&t| self.tokens[t].is_word);
        let (mut arabic, mut all) = (0, 0);
        for t in words {
            all += 1;
            arabic += usize::from(
                self.tokens[t]
                    .lower
                    .chars()
                    .next()
                    .is_some_and(super::super::lexicon::is_arabic_letter),
            );
        }
        all > 0 && arabic * 2 > all
    }

    /// The claims of an Arabic clause.
    pub(super) fn arabic_claims(
        &self,
        s: usize,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        previous: Context,
    ) -> Vec<Claim> {
        let mut out = Vec::new();
        for t in clause.clone() {
            if self.name_cover[t].is_some() || self.date_cover[t].is_some() {
                continue;
            }
            let Some(k) = self.key(t) else { continue };
            let Some(&(_, mut act)) = VERBS.iter().find(|(v, _)| *v == bare(&k)) else {
                continue;
            };
            let before: Vec<String> = (clause.start..t)
                .rev()
                .filter_map(|b| self.key(b))
                .take(3)
                .collect();
            let still = before.first().is_some_and(|w| STILL.contains(&bare(w)))
                || before.get(1).is_some_and(|w| STILL.contains(&bare(w)));
            // "قد" with a past verb ("قد تمكنوا", "قد أعلن") asserts; with a present one
            // ("قد يسيطر") it is a may.
            let blocks = |w: &String| {
                let w = bare(w);
                NOT_A_CLAIM.contains(&w) && (w != "قد" || act == Act::Holds)
            };
            if !still && before.iter().take(2).any(blocks) {
                continue;
            }
            let mut object_from = t + 1;
            if act == Act::Announced {
                let Some((noun, what)) = (t + 1..clause.end.min(t + 14)).find_map(|k| {
                    let key = self.key(k)?;
                    // "أعلنت انطلاق عمليات تحرير راوة": the start of an operation, a plan.
                    if matches!(
                        self.key(k - 1).as_deref(),
                        Some(
                            "عمليات"
                                | "عملية"
                                | "انطلاق"
                                | "بدء"
                                | "معركة"
                                | "هجوم"
                                | "خطة"
                        )
                    ) {
                        return None;
                    }
                    ANNOUNCED
                        .iter()
                        .find(|(n, _)| *n == key)
                        .map(|(_, a)| (k, *a))
                }) else {
                    continue;
                };
                act = what;
                object_from = noun + 1;
            }
            if act == Act::Managed {
                // "تمكنت قوات الجيش الخميس من دخول البوكمال".
                let Some((noun, what)) = (t + 2..clause.end.min(t + 12)).find_map(|k| {
                    let key = self.key(k)?;
                    if !matches!(self.key(k - 1).as_deref(), Some("من" | "في")) {
                        return None;
                    }
                    // "نجحوا بعد أيام من استعادة": days after, not managed to.
                    if (t + 1..k).any(|b| matches!(self.key(b).as_deref(), Some("بعد" | "قبل")))
                    {
                        return None;
                    }
                    MANAGED
                        .iter()
                        .find(|(n, _)| *n == key)
                        .map(|(_, a)| (k, *a))
                }) else {
                    continue;
                };
                act = what;
                object_from = noun + 1;
            }
            out.extend(self.arabic_claim(s, sentence, clause, t, object_from, act, previous));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn arabic_claim(
        &self,
        s: usize,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        verb: usize,
        object_from: usize,
        act: Act,
        previous: Context,
    ) -> Vec<Claim> {
        // The subject: the first actor after the verb (before its places), else the nearest
        // one before it.
        // "المدينة" points back to a town named before: it ends the subject's search too.
        let first_place = (object_from..clause.end)
            .find(|&t| {
                self.name_cover[t].is_some_and(|n| self.place_of(n).is_some())
                    || matches!(self.key(t).as_deref(), Some("المدينة" | "البلدة"))
            })
            .unwrap_or(clause.end);
        let after = self
            .names_in(verb + 1..first_place)
            .find(|&n| self.is_actor_name(n) && !self.arabic_governed(n));
        let subject = after.or_else(|| {
            self.names_in(clause.start..verb)
                .filter(|&n| self.is_actor_name(n) && !self.arabic_governed(n))
                .last()
        });
        let Some(subject) = subject else {
            return vec![];
        };
        let start = after.map_or(object_from, |n| self.names[n].tokens.end.max(object_from));
        let (mut places, holder_after) = self.arabic_places(start, clause, sentence, act);
        // "راوة آخر منطقة يسيطر عليها التنظيم": the place the relative clause is about.
        if places.is_empty()
            && act == Act::Holds
            && matches!(self.key(verb + 1).as_deref(), Some("عليها" | "عليه"))
            && let Some((n, p)) = self
                .names_in(clause.start.max(verb.saturating_sub(5))..verb)
                .filter_map(|n| Some((n, self.place_of(n)?)))
                .last()
        {
            places.push((p, false, self.names[n].end));
        }
        let class = match act {
            Act::Holds => Class::Holds,
            _ => Class::Capture,
        };
        let dating = self.dating(clause, sentence, verb, class, previous);
        let verb_text = &self.text[self.tokens[verb].start..self.tokens[verb].end];
        let mut out = Vec::new();
        for (place, part, end) in places {
            let Some(subject_actor) = self.actor_of(subject, Some(place)) else {
                continue;
            };
            let other = |n: usize| {
                self.actor_of(n, Some(place))
                    .filter(|&a| a != subject_actor)
            };
            // The object of "طرد", or "مع"/"من" + an actor: who held it before.
            let object = self
                .names_in(verb + 1..clause.end)
                .filter(|&n| self.is_actor_name(n) && n != subject)
                .find_map(other);
            let (status, kind, actor, from, opponent) = match act {
                _ if part && act != Act::Withdrew => (
                    Status::Contested,
                    EventKind::Entered,
                    subject_actor,
                    None,
                    object,
                ),
                Act::Withdrew if part => continue,
                Act::Capture => (
                    Status::Held,
                    EventKind::Capture,
                    subject_actor,
                    object,
                    None,
                ),
                Act::Recapture => (
                    Status::Held,
                    EventKind::Recapture,
                    subject_actor,
                    object,
                    None,
                ),
                Act::Expelled => (
                    Status::Held,
                    EventKind::Capture,
                    subject_actor,
                    object,
                    None,
                ),
                Act::Entered => (
                    Status::Contested,
                    EventKind::Entered,
                    subject_actor,
                    None,
                    object,
                ),
                Act::Withdrew => (
                    Status::Lost,
                    EventKind::Withdrawal,
                    subject_actor,
                    None,
                    None,
                ),
                Act::Holds => (Status::Held, EventKind::Report, subject_actor, None, None),
                Act::FellTo => {
                    let Some(h) = holder_after.and_then(|n| self.actor_of(n, Some(place))) else {
                        continue;
                    };
                    (Status::Held, EventKind::Capture, h, None, None)
                }
                Act::Announced | Act::Managed => continue,
            };
            let mut grounds = dating.grounds.clone();
            if part {
                grounds.push(Ground::PartOfPlace);
            }
            let reason = dating.reason(format!("\u{201c}{verb_text}\u{201d} (Arabic)"));
            out.push(Claim {
                sentence: s,
                place,
                status,
                kind,
                actor,
                from: from.into_iter().collect(),
                opponent,
                date: dating.date,
                precision: dating.precision,
                date_match: dating.phrase,
                date_note: dating.note.clone(),
                grounds,
                basis: Basis::Stated,
                span: self.tokens[clause.start].start..end,
                reason,
            });
        }
        out
    }

    /// "مع داعش", "من التنظيم", "ضد": an actor named as the other side, not the subject.
    fn arabic_governed(&self, n: usize) -> bool {
        let start = self.names[n].tokens.start;
        let before = start.checked_sub(1).and_then(|t| self.key(t));
        let own = &self.tokens[start].lower;
        matches!(
            before.as_deref(),
            Some("مع" | "ضد" | "من" | "على" | "امام" | "بيد" | "يد" | "سيطرة" | "قبضة")
        ) || own.starts_with('ل') && !own.starts_with("ال")
            || (own.starts_with('ب') && !own.starts_with("ال"))
    }

    /// The places after a verb: (place, only a part of it, where its name ends), and for
    /// "سقطت بيد" the actor after.
    fn arabic_places(
        &self,
        from: usize,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        act: Act,
    ) -> (Vec<(usize, bool, usize)>, Option<usize>) {
        let mut out = Vec::new();
        let mut part = false;
        let mut filler = 0;
        let mut t = from;
        while t < clause.end {
            if let Some(d) = self.date_cover[t] {
                t = self.dates[d].tokens.end;
                continue;
            }
            if let Some(n) = self.name_cover[t] {
                match self.place_of(n) {
                    Some(p) => {
                        out.push((p, part, self.names[n].end));
                        t = self.names[n].tokens.end;
                        // A list goes on with "و" (on the name, or alone) or "،".
                        let next = self.tokens.get(t).map(|x| x.lower.as_str());
                        if matches!(next, Some("،" | "," | "و")) {
                            t += 1;
                        }
                        if self
                            .name_cover
                            .get(t)
                            .copied()
                            .flatten()
                            .is_some_and(|m| self.place_of(m).is_some())
                        {
                            continue;
                        }
                        break;
                    }
                    None => {
                        t = self.names[n].tokens.end;
                        continue;
                    }
                }
            }
            let Some(k) = self.key(t) else {
                t += 1;
                continue;
            };
            if matches!(k.as_str(), "المدينة" | "البلدة")
                && out.is_empty()
                && let Some(p) = self.antecedent(sentence, t, false)
            {
                // "دخلت قوات النظام إلى المدينة": the town named before.
                out.push((p, part, self.tokens[t].end));
                break;
            }
            let number = |x: usize| {
                self.tokens
                    .get(x)
                    .is_some_and(|x| x.lower.chars().all(|c| c.is_numeric()))
            };
            if ABOUT.contains(&k.as_str()) && (number(t + 1) || number(t + 2)) {
                // "نحو 50%": "نحو" is "about", not "towards".
                t += 1;
                continue;
            }
            if number(t) {
                // "50% من مدينة البوكمال": a share of the place.
                part = true;
                t += 1;
                continue;
            }
            if PARTS.contains(&k.as_str()) {
                part = true;
            } else if k == "من" && (part || act == Act::Withdrew || act == Act::Expelled) {
            } else if STOPS.contains(&k.as_str()) {
                break;
            } else if !FILLERS.iter().any(|f| match_key(f) == k) {
                filler += 1;
                if filler > 2 {
                    break;
                }
            }
            t += 1;
        }
        let holder = (act == Act::FellTo)
            .then(|| {
                let end = out.last().map_or(from, |&(_, _, e)| {
                    self.tokens.partition_point(|x| x.start < e)
                });
                self.names_in(end..clause.end)
                    .find(|&n| self.is_actor_name(n))
            })
            .flatten();
        (out, holder)
    }
}
