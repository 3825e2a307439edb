//! Date phrases in a text and the dates they mean, resolved against the publication date:
//! weekdays and explicit dates through the store's own rules (so the assistant and `check`
//! agree on what "on Saturday" means), and the phrases annotators leave unchecked: "two days
//! later" (from the date before it), "earlier this month", "this year".

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use crate::store::dates::{MONTHS, WEEKDAYS, resolve_phrase};

use super::text::Token;

/// How closely a date is known. `year` is new to the model: the store does not have it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// A date phrase found in a text.
#[derive(Debug, Clone)]
pub(crate) struct DateMatch {
    pub tokens: Range<usize>,
    /// Byte offsets.
    pub start: usize,
    pub end: usize,
    /// The first day of the period meant.
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Counted from another date of the text ("two days later").
    pub relative: bool,
}

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Words that may open a date phrase and belong to it.
const LEADS: &[&str] = &[
    "on", "last", "this", "since", "by", "early", "late", "mid", "in", "until", "earlier",
];
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];
const NUMBERS: &[(&str, u64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];

/// Finds the date phrases of a text and resolves them against the publication date.
/// A relative phrase counts from the date phrase before it in the text; one with nothing
/// before it is left out (its date is not known).
pub(crate) fn find_dates(text: &str, tokens: &[Token], published: NaiveDate) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_word {
            i += 1;
            continue;
        }
        let anchor = out.last().map(|d| (d.date, d.precision));
        let found = phrase_at(text, tokens, i, published, anchor).or_else(|| {
            let (end, date, day, relative) = super::arabic::date_at(tokens, i, published)?;
            Some(DateMatch {
                tokens: i..end,
                start: tokens[i].start,
                end: tokens[end - 1].end,
                date,
                precision: match day {
                    super::arabic::Precision::Day => DatePrecision::Day,
                    super::arabic::Precision::Week => DatePrecision::Week,
                    super::arabic::Precision::Month => DatePrecision::Month,
                },
                relative,
            })
        });
        match found {
            Some(m) => {
                i = m.tokens.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn word(tokens: &[Token], i: usize) -> Option<&str> {
    tokens
        .get(i)
        .filter(|t| t.is_word)
        .map(|t| t.lower.as_str())
}

fn phrase_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    published: NaiveDate,
    anchor: Option<(NaiveDate, DatePrecision)>,
) -> Option<DateMatch> {
    let make = |end: usize, date: NaiveDate, precision: DatePrecision, relative: bool| DateMatch {
        tokens: i..end,
        start: tokens[i].start,
        end: tokens[end - 1].end,
        date,
        precision,
        relative,
    };
    let w0 = word(tokens, i)?;
    // A lead word ("on", "last", "earlier") belongs to the phrase it opens.
    let lead = usize::from(LEADS.contains(&w0));
    let head = word(tokens, i + lead)?;

    if let Some((end, date)) = ago_at(tokens, i, published) {
        return Some(make(end, date, DatePrecision::Day, true));
    }
    if let Some(m) = relative_at(tokens, i, anchor) {
        return Some(make(m.0, m.1, m.2, true));
    }
    if lead == 0 && matches!(head, "today" | "tonight" | "yesterday") {
        let date = if head == "yesterday" {
            published.pred_opt()?
        } else {
            published
        };
        let end =
            i + 1 + usize::from(word(tokens, i + 1).is_some_and(|w| PARTS_OF_DAY.contains(&w)));
        return Some(make(end, date, DatePrecision::Day, false));
    }
    if WEEKDAYS.iter().any(|(name, _)| *name == head) && capitalised(text, &tokens[i + lead]) {
        let mut end = i + lead + 1;
        if word(tokens, end).is_some_and(|w| PARTS_OF_DAY.contains(&w)) {
            end += 1;
        }
        // "on Friday, Nov. 3": the explicit date says it better than the weekday.
        if tokens.get(end).is_some_and(|t| t.lower == ",")
            && let Some((explicit_end, date, DatePrecision::Day)) =
                month_phrase_at(text, tokens, end + 1, 0, published)
        {
            return Some(make(explicit_end, date, DatePrecision::Day, false));
        }
        let phrase = &text[tokens[i].start..tokens[end - 1].end];
        let range = resolve_phrase(phrase, published)?;
        return Some(make(end, range.first, DatePrecision::Day, false));
    }
    if let Some(m) = period_at(tokens, i, published) {
        return Some(make(m.0, m.1, m.2, false));
    }
    month_phrase_at(text, tokens, i, lead, published)
        .map(|(end, date, precision)| make(end, date, precision, false))
}

fn capitalised(text: &str, t: &Token) -> bool {
    text[t.start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// "two days ago", "a week ago", "the day before yesterday": counted back from the
/// publication date.
fn ago_at(tokens: &[Token], i: usize, published: NaiveDate) -> Option<(usize, NaiveDate)> {
    let w = |k: usize| word(tokens, i + k);
    if (w(0), w(1), w(2), w(3)) == (Some("the"), Some("day"), Some("before"), Some("yesterday")) {
        return Some((i + 4, published.checked_sub_days(Days::new(2))?));
    }
    let (n, unit) = (w(0)?, w(1)?);
    if w(2) != Some("ago") {
        return None;
    }
    let count = NUMBERS
        .iter()
        .find(|(name, _)| *name == n)
        .map(|(_, v)| *v)
        .or_else(|| n.parse::<u64>().ok().filter(|v| *v <= 60))?;
    let per = match unit {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    Some((i + 3, published.checked_sub_days(Days::new(count * per))?))
}

/// "two days later", "a day earlier", "the next day", "the following day", "the day before".
fn relative_at(
    tokens: &[Token],
    i: usize,
    anchor: Option<(NaiveDate, DatePrecision)>,
) -> Option<(usize, NaiveDate, DatePrecision)> {
    let (from, precision) = anchor?;
    let w = |k: usize| word(tokens, i + k);
    let (days, forward, end): (u64, bool, usize) = match (w(0)?, w(1), w(2)) {
        ("the", Some("next" | "following"), Some("day")) => (1, true, i + 3),
        // "earlier in the day", "later that day": the day of the date before.
        ("earlier" | "later", Some("that"), Some("day")) => (0, true, i + 3),
        ("earlier" | "later", Some("in"), Some("the")) if word(tokens, i + 3) == Some("day") => {
            (0, true, i + 4)
        }
        ("the", Some("day"), Some("after")) => (1, true, i + 3),
        ("the", Some("day"), Some("before")) | ("the", Some("previous"), Some("day")) => {
            (1, false, i + 3)
        }
        (
            n,
            Some(unit @ ("day" | "days" | "week" | "weeks")),
            Some(dir @ ("later" | "after" | "afterwards" | "earlier" | "before")),
        ) => {
            // "two days after they entered the town": a conjunction opening a clause of its
            // own, not a date of the clause it ends.
            if matches!(dir, "after" | "before") && word(tokens, i + 3).is_some() {
                return None;
            }
            let count = NUMBERS
                .iter()
                .find(|(name, _)| *name == n)
                .map(|(_, v)| *v)
                .or_else(|| n.parse::<u64>().ok().filter(|v| *v <= 60))?;
            let per = if unit.starts_with("week") { 7 } else { 1 };
            (
                count * per,
                matches!(dir, "later" | "after" | "afterwards"),
                i + 3,
            )
        }
        _ => return None,
    };
    let date = if forward {
        from.checked_add_days(Days::new(days))?
    } else {
        from.checked_sub_days(Days::new(days))?
    };
    Some((end, date, precision))
}

/// "this year", "earlier this month", "last week", "in 2014".
fn period_at(
    tokens: &[Token],
    i: usize,
    published: NaiveDate,
) -> Option<(usize, NaiveDate, DatePrecision)> {
    let w = |k: usize| word(tokens, i + k);
    let (start, which) = match (w(0)?, w(1), w(2)) {
        ("earlier" | "later", Some("this"), _) => (i + 2, "this"),
        ("so", Some("far"), Some("this")) => (i + 3, "this"),
        ("this", _, _) => (i + 1, "this"),
        ("last", _, _) => (i + 1, "last"),
        ("in" | "since" | "early" | "late", Some(y), _) if year(y).is_some() => {
            let y = year(y)?;
            return Some((
                i + 2,
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                DatePrecision::Year,
            ));
        }
        _ => return None,
    };
    let unit = word(tokens, start)?;
    let back = |n: u32| if which == "last" { n } else { 0 };
    let (date, precision) = match unit {
        "year" => (
            NaiveDate::from_ymd_opt(published.year() - back(1) as i32, 1, 1)?,
            DatePrecision::Year,
        ),
        "month" => (
            published
                .with_day(1)?
                .checked_sub_months(Months::new(back(1)))?,
            DatePrecision::Month,
        ),
        "week" => (
            published.checked_sub_days(Days::new(
                published.weekday().num_days_from_monday() as u64 + 7 * back(1) as u64,
            ))?,
            DatePrecision::Week,
        ),
        _ => return None,
    };
    Some((start + 1, date, precision))
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn month_of(text: &str, t: &Token) -> Option<usize> {
    if !t.is_word || !capitalised(text, t) {
        return None;
    }
    MONTHS.iter().position(|m| *m == t.lower).or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .position(|m| *m == t.lower)
            .map(|p| {
                // "sep" and "sept" share a month; the list skips "may".
                MONTHS
                    .iter()
                    .position(|m| m.starts_with(&MONTH_ABBREVIATIONS[p][..3]))
                    .unwrap_or(0)
            })
    })
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// "on November 9", "9 November", "Nov. 9, 2017", "in May", "early September", "July 2016".
fn month_phrase_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    lead: usize,
    published: NaiveDate,
) -> Option<(usize, NaiveDate, DatePrecision)> {
    let mut k = i + lead;
    // "mid-May", "in early September": a second lead.
    while word(tokens, k)
        .is_some_and(|w| matches!(w, "early" | "late" | "mid" | "the" | "end" | "of"))
        || tokens.get(k).is_some_and(|t| t.lower == "-")
    {
        k += 1;
    }
    let mut day_before = None;
    if let Some(d) = word(tokens, k).and_then(day_number)
        && tokens.get(k + 1).and_then(|t| month_of(text, t)).is_some()
    {
        day_before = Some(d);
        k += 1;
    }
    let month_token = tokens.get(k)?;
    let month = month_of(text, month_token)?;
    let mut end = k + 1;
    if tokens.get(end).is_some_and(|t| t.lower == ".") {
        end += 1;
    }
    let mut day_after = None;
    if day_before.is_none()
        && let Some(d) = word(tokens, end).and_then(day_number)
    {
        day_after = Some(d);
        end += 1;
    }
    let mut has_year = false;
    let year_at = if tokens.get(end).is_some_and(|t| t.lower == ",") {
        end + 1
    } else {
        end
    };
    if word(tokens, year_at).and_then(year).is_some() {
        has_year = true;
        end = year_at + 1;
    }
    // "May" and "March" are also common words, and "Jan" a name: only with a day, a year or
    // a lead word.
    let ambiguous =
        matches!(MONTHS[month], "may" | "march") || !MONTHS.contains(&month_token.lower.as_str());
    if ambiguous && day_before.is_none() && day_after.is_none() && !has_year && lead == 0 && k == i
    {
        return None;
    }
    let phrase = &text[tokens[i].start..tokens[end - 1].end];
    let range = resolve_phrase(phrase, published)?;
    if range.first == range.last {
        Some((end, range.first, DatePrecision::Day))
    } else {
        // "early September" is known to the month: its first day, as the data records it.
        Some((end, range.first.with_day(1)?, DatePrecision::Month))
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(text: &str, published: NaiveDate) -> Vec<(String, NaiveDate, DatePrecision)> {
        let tokens = tokenize(text);
        find_dates(text, &tokens, published)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_owned(), m.date, m.precision))
            .collect()
    }

    const SUNDAY_12_NOV: (i32, u32, u32) = (2017, 11, 12);

    fn sunday() -> NaiveDate {
        d(SUNDAY_12_NOV.0, SUNDAY_12_NOV.1, SUNDAY_12_NOV.2)
    }

    #[test]
    fn weekdays_count_back_from_the_publication_date() {
        assert_eq!(
            dates("They struck on Saturday and last Thursday.", sunday()),
            [
                ("on Saturday".into(), d(2017, 11, 11), DatePrecision::Day),
                ("last Thursday".into(), d(2017, 11, 9), DatePrecision::Day)
            ]
        );
        // "last Saturday" in a Sunday article is the day before.
        assert_eq!(
            dates("The rebound last Saturday", sunday())[0].1,
            d(2017, 11, 11)
        );
        // "last Friday" in a Friday article is a week before.
        assert_eq!(dates("last Friday", d(2017, 11, 3))[0].1, d(2017, 10, 27));
    }

    #[test]
    fn two_days_later_counts_from_the_date_before_it() {
        let found = dates(
            "overran it last Thursday but lost it two days later",
            sunday(),
        );
        assert_eq!(
            found[1],
            ("two days later".into(), d(2017, 11, 11), DatePrecision::Day)
        );
        // With nothing to count from, the phrase is not a date.
        assert!(dates("it fell two days later", sunday()).is_empty());
    }

    #[test]
    fn days_ago_count_back_from_the_publication() {
        assert_eq!(
            dates("took it two days ago", d(2017, 11, 20)),
            [("two days ago".into(), d(2017, 11, 18), DatePrecision::Day)]
        );
        assert_eq!(dates("a week ago", d(2017, 11, 20))[0].1, d(2017, 11, 13));
        // "Earlier in the day" is the day of the date before it.
        let found = dates(
            "They entered Hajin on Friday. Earlier in the day, they took Susah.",
            d(2017, 11, 20),
        );
        assert_eq!(found[1].0, "Earlier in the day");
        assert_eq!(found[1].1, d(2017, 11, 17));
        assert_eq!(
            dates("the day before yesterday", d(2017, 11, 20))[0].1,
            d(2017, 11, 18)
        );
    }

    #[test]
    fn periods_have_their_precision() {
        assert_eq!(
            dates("earlier this month", sunday()),
            [(
                "earlier this month".into(),
                d(2017, 11, 1),
                DatePrecision::Month
            )]
        );
        assert_eq!(
            dates("this year", sunday()),
            [("this year".into(), d(2017, 1, 1), DatePrecision::Year)]
        );
        assert_eq!(dates("last year", sunday())[0].1, d(2016, 1, 1));
        assert_eq!(dates("in 2014", sunday())[0].2, DatePrecision::Year);
        assert_eq!(dates("this week", sunday())[0].1, d(2017, 11, 6));
    }

    #[test]
    fn months_and_explicit_days() {
        assert_eq!(
            dates("on November 9", d(2017, 11, 20)),
            [("on November 9".into(), d(2017, 11, 9), DatePrecision::Day)]
        );
        assert_eq!(
            dates("on 9 Nov. 2017", d(2017, 11, 20))[0].1,
            d(2017, 11, 9)
        );
        assert_eq!(
            dates("said on Friday, Nov. 3.", d(2017, 11, 12)),
            [(
                "on Friday, Nov. 3".into(),
                d(2017, 11, 3),
                DatePrecision::Day
            )]
        );
        // A month after the publication month is last year's.
        assert_eq!(
            dates("in May", d(2017, 10, 18)),
            [("in May".into(), d(2017, 5, 1), DatePrecision::Month)]
        );
        assert_eq!(dates("in December", d(2017, 10, 18))[0].1, d(2016, 12, 1));
        assert_eq!(dates("early September", d(2017, 11, 3))[0].1, d(2017, 9, 1));
        // "may" the verb is no month.
        assert!(dates("They may attack. March on.", sunday()).is_empty());
    }
}
