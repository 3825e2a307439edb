//! When a claim happened: the date phrase of its own clause or sentence, a background clause
//! the text does not date ("two months after forces retook X", "since then"), the date of an
//! earlier sentence whose story this one continues, or the publication date.

use std::ops::Range;

use chrono::NaiveDate;

use super::super::dates::DatePrecision;
use super::vocabulary::Class;
use super::{Analysis, Context, Ground};

/// The date of one claim and what it rests on.
#[derive(Debug, Clone)]
pub(super) struct Dating {
    pub date: Option<NaiveDate>,
    pub precision: Option<DatePrecision>,
    /// The date phrase in the claim's own sentence.
    pub phrase: Option<usize>,
    pub grounds: Vec<Ground>,
    /// Said in the reason: where a date came from when it is not in the quote.
    pub note: Option<String>,
}

impl Dating {
    /// A claim's reason with this dating's note, when it has one, after it: "“retook”; date
    /// carried from the sentence before".
    pub fn reason(&self, mut reason: String) -> String {
        if let Some(note) = &self.note {
            reason.push_str("; ");
            reason.push_str(note);
        }
        reason
    }
}

/// Words counting a span of time before "after"/"before": "two months after".
const SPANS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];

impl Analysis<'_> {
    /// The background parts of a sentence, as token ranges: "two months after ...", "weeks
    /// after ...", up to the next comma; "since then, ..." and "so far, ..." to the end of the
    /// sentence; a verb right after "once" ("once held").
    pub(super) fn background_segments(&self, sentence: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        // The background clause ends at the first comma after its own verb ("weeks after the
        // SDF, backed by the coalition, captured Tabqa, ...").
        let comma_after = |from: usize| {
            let mut seen_verb = false;
            (from..sentence.end)
                .find(|&t| {
                    seen_verb |= self.verb_at(t, sentence.end).is_some();
                    seen_verb && !self.tokens[t].is_word && self.tokens[t].lower == ","
                })
                .unwrap_or(sentence.end)
        };
        for t in sentence.clone() {
            let Some(w) = self.word(t) else { continue };
            let next = self.word(t + 1);
            if SPANS.contains(&w) && matches!(next, Some("after")) {
                // "the day after" is a relative date phrase, read as one.
                if self.date_cover[t].is_some() {
                    continue;
                }
                let start = if t > sentence.start && self.word(t - 1).is_some() {
                    t - 1
                } else {
                    t
                };
                out.push(start..comma_after(t + 2));
            } else if (w == "since" && next == Some("then"))
                || (w == "so" && next == Some("far") && self.date_cover[t].is_none())
            {
                // "Since then, ...", "So far, the offensives managed to retake ...": a
                // summary of the past, up to the end of the sentence.
                out.push(t..sentence.end);
            } else if w == "once" {
                out.push(t..(t + 3).min(sentence.end));
            }
        }
        out
    }

    /// The date that an earlier sentence hands on to the next ones of its paragraph: its last
    /// date phrase outside background clauses.
    pub(super) fn story_date(&self, sentence: Range<usize>) -> Option<usize> {
        let background = self.background_segments(&sentence);
        self.dates
            .iter()
            .enumerate()
            .rev()
            .find(|(_, d)| {
                sentence.contains(&d.tokens.start)
                    && !background.iter().any(|b| b.contains(&d.tokens.start))
                    // "since July 2014" opens a span of the past: no point of the story.
                    && self.word(d.tokens.start) != Some("since")
            })
            .map(|(i, _)| i)
    }

    /// The date of a claim made by the verb at `verb` (a token index).
    pub(super) fn dating(
        &self,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        verb: usize,
        class: Class,
        previous: Context,
    ) -> Dating {
        let background = self.background_segments(sentence);
        let own = background.iter().find(|b| b.contains(&verb));
        let dated = match own {
            Some(segment) => match self.nearest_date(segment, verb, &[]) {
                Some(d) => self.dated_by(d),
                None => Dating {
                    date: None,
                    precision: None,
                    phrase: None,
                    grounds: vec![Ground::Background],
                    note: Some("a past event the text gives as background, undated".to_owned()),
                },
            },
            None => {
                let found = self
                    .nearest_date(clause, verb, &background)
                    .or_else(|| self.nearest_date(sentence, verb, &background));
                // "still holds", "controls": now, whatever the sentence before said.
                let present = matches!(class, Class::Holds | Class::HeldBy | Class::Under)
                    && !self.past_tense_near(clause, verb);
                // "have been held by IS since 2014": held since then, and still now.
                let still = matches!(class, Class::Holds | Class::HeldBy | Class::Under)
                    && (verb.saturating_sub(3)..verb)
                        .any(|t| matches!(self.word(t), Some("has" | "have")));
                match (found, previous.carried) {
                    (Some(d), _)
                        if still && self.word(self.dates[d].tokens.start) == Some("since") =>
                    {
                        let m = &self.dates[d];
                        Dating {
                            date: Some(self.published),
                            precision: Some(DatePrecision::Day),
                            phrase: None,
                            grounds: vec![Ground::DatedByPublication],
                            note: Some(format!(
                                "held \u{201c}{}\u{201d} and still at the publication",
                                &self.text[m.start..m.end]
                            )),
                        }
                    }
                    (Some(d), _) => self.dated_by(d),
                    (None, Some(d)) if !present => {
                        let m = &self.dates[d];
                        Dating {
                            date: Some(m.date),
                            precision: Some(m.precision),
                            phrase: None,
                            grounds: vec![Ground::DateCarried],
                            note: Some(format!(
                                "dated by \u{201c}{}\u{201d}, an earlier sentence of the paragraph",
                                &self.text[m.start..m.end]
                            )),
                        }
                    }
                    _ => Dating {
                        date: Some(self.published),
                        precision: Some(DatePrecision::Day),
                        phrase: None,
                        grounds: vec![Ground::DatedByPublication],
                        note: None,
                    },
                }
            }
        };
        self.after_the_article(dated)
    }

    /// A date after the article's own is no date: flagged, with the phrase kept.
    fn after_the_article(&self, mut d: Dating) -> Dating {
        if d.date.is_some_and(|day| day > self.published) {
            let phrase = d
                .phrase
                .map(|i| &self.text[self.dates[i].start..self.dates[i].end])
                .unwrap_or("the date");
            d.note = Some(format!(
                "\u{201c}{phrase}\u{201d} is after the article's date ({}): a misprint or a plan",
                self.published
            ));
            d.date = None;
            d.precision = None;
            d.grounds = vec![Ground::DateAfterArticle];
        }
        d
    }

    fn dated_by(&self, d: usize) -> Dating {
        let m = &self.dates[d];
        let mut grounds = vec![Ground::DatedBySentence];
        if m.relative {
            grounds.push(Ground::DateRelative);
        }
        Dating {
            date: Some(m.date),
            precision: Some(m.precision),
            phrase: Some(d),
            grounds,
            note: None,
        }
    }

    /// The date phrase in a token range nearest a verb, outside background clauses.
    fn nearest_date(
        &self,
        r: &Range<usize>,
        verb: usize,
        background: &[Range<usize>],
    ) -> Option<usize> {
        self.dates
            .iter()
            .enumerate()
            .filter(|(_, d)| r.contains(&d.tokens.start))
            .filter(|(_, d)| !background.iter().any(|b| b.contains(&d.tokens.start)))
            .min_by_key(|(_, d)| d.tokens.start.abs_diff(verb))
            .map(|(i, _)| i)
    }

    /// "was held by", "was under IS control": a past report, dated like a change.
    fn past_tense_near(&self, clause: &Range<usize>, verb: usize) -> bool {
        (clause.start.max(verb.saturating_sub(3))..verb)
            .any(|t| matches!(self.word(t), Some("was" | "were" | "had")))
    }
}
