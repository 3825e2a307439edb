//! Dates: parsing what users type, and resolving the date phrases of articles ("on Saturday",
//! "last Thursday", "early September") against the article's own date.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// The end of a day: a bare date on the command line means "as of the end of that day".
pub fn end_of_day(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"))
}

pub(crate) fn start_of_day(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// What a user typed for an instant: a date (the end of that day) or a date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InstantInput {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl InstantInput {
    /// A bare date means the end of that day.
    pub(crate) fn end_instant(self) -> NaiveDateTime {
        match self {
            InstantInput::Date(d) => end_of_day(d),
            InstantInput::DateTime(t) => t,
        }
    }
}

/// What a user typed that is not an instant (the text, trimmed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date: write YYYY-MM-DD (e.g. 2017-11-09) or YYYY-MM-DDTHH:MM")]
pub(crate) struct NotAnInstant(pub String);

/// Parses `2017-11-09`, `2017-11-09T14:30`, `2017-11-09 14:30` or `2017-11-09T14:30:00`.
pub(crate) fn parse_instant(s: &str) -> Result<InstantInput, NotAnInstant> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(InstantInput::Date(d));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(InstantInput::DateTime(t));
        }
    }
    Err(NotAnInstant(s.to_owned()))
}

/// "Thu 9 Nov 2017": the form the app and the command line show dates in.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// An inclusive range of days a phrase can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DayRange {
    pub fn day(d: NaiveDate) -> DayRange {
        DayRange { first: d, last: d }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }
}

/// Weekday names as the text's lower-cased words, for the store's checks and the assistant.
pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Month names, January first, lower-cased.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Resolves a date phrase against the date of the article it appears in.
///
/// Understood: weekdays ("on Saturday", "last Thursday", "Friday night": the latest such day on
/// or before the article's date; "last" excludes the article's own day), "today", "yesterday",
/// explicit dates ("November 3, 2017", "3 November"), "(earlier) this month", months ("in September",
/// "early September", "late October") and "this year" (1 January to the article's day). Returns `None` for anything else ("two days later"),
/// which is then not checked.
pub(crate) fn resolve_phrase(phrase: &str, article_date: NaiveDate) -> Option<DayRange> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.contains(&"today") || words.contains(&"tonight") {
        return Some(DayRange::day(article_date));
    }
    if words.contains(&"yesterday") {
        return article_date.pred_opt().map(DayRange::day);
    }
    if words.ends_with(&["this", "year"]) {
        // From New Year's Day to the article's own day: not a day after it.
        return Some(DayRange {
            first: NaiveDate::from_ymd_opt(article_date.year(), 1, 1)?,
            last: article_date,
        });
    }
    if words.ends_with(&["this", "month"]) {
        // "earlier this month": from the first of the article's month to the day before it.
        let last = if words.contains(&"earlier") {
            article_date.pred_opt()?
        } else {
            article_date
        };
        return Some(DayRange {
            first: article_date.with_day(1)?,
            last,
        });
    }
    if let Some(month_ix) = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| m == w || (w.len() >= 3 && m.starts_with(*w)))
    }) {
        return resolve_month_phrase(&words, month_ix as u32 + 1, article_date);
    }
    if let Some(&(_, weekday)) = WEEKDAYS.iter().find(|(name, _)| words.contains(name)) {
        let back = (article_date.weekday().num_days_from_monday() + 7
            - weekday.num_days_from_monday())
            % 7;
        let back = if back == 0 && words.contains(&"last") {
            7
        } else {
            back
        };
        return article_date
            .checked_sub_days(Days::new(back.into()))
            .map(DayRange::day);
    }
    None
}

fn resolve_month_phrase(words: &[&str], month: u32, article_date: NaiveDate) -> Option<DayRange> {
    let year = words
        .iter()
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|n| *n >= 1000)
        .unwrap_or_else(|| {
            // A month without a year is the latest such month not after the article.
            if month <= article_date.month() {
                article_date.year()
            } else {
                article_date.year() - 1
            }
        });
    let day = words
        .iter()
        .filter_map(|w| {
            w.trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
                .ok()
        })
        .find(|n| (1..=31).contains(n));
    if let Some(day) = day {
        return NaiveDate::from_ymd_opt(year, month, day).map(DayRange::day);
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    let (lo, hi) = if words.contains(&"early") {
        (1, 10)
    } else if words.contains(&"mid") || words.contains(&"middle") {
        (11, 20)
    } else if words.contains(&"late") || words.contains(&"end") {
        (21, last.day())
    } else {
        (1, last.day())
    };
    Some(DayRange {
        first: first.with_day(lo)?,
        last: first.with_day(hi)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn this_year_runs_from_new_year_to_the_article() {
        let friday_3 = d(2017, 11, 3);
        assert_eq!(
            resolve_phrase("this year", friday_3),
            Some(DayRange {
                first: d(2017, 1, 1),
                last: friday_3
            })
        );
    }

    #[test]
    fn weekdays_resolve_to_the_latest_such_day() {
        let sunday_12 = d(2017, 11, 12);
        assert_eq!(
            resolve_phrase("on Saturday", sunday_12),
            Some(DayRange::day(d(2017, 11, 11)))
        );
        assert_eq!(
            resolve_phrase("on Thursday", sunday_12),
            Some(DayRange::day(d(2017, 11, 9)))
        );
        assert_eq!(
            resolve_phrase("last Saturday", sunday_12),
            Some(DayRange::day(d(2017, 11, 11)))
        );
        assert_eq!(
            resolve_phrase("since Friday night", sunday_12),
            Some(DayRange::day(d(2017, 11, 10)))
        );
        // The article's own weekday is that day, unless "last".
        let friday_3 = d(2017, 11, 3);
        assert_eq!(
            resolve_phrase("on Friday", friday_3),
            Some(DayRange::day(friday_3))
        );
        assert_eq!(
            resolve_phrase("last Friday", friday_3),
            Some(DayRange::day(d(2017, 10, 27)))
        );
    }

    #[test]
    fn explicit_dates_and_months() {
        let art = d(2017, 11, 3);
        assert_eq!(
            resolve_phrase("on November 3, 2017", art),
            Some(DayRange::day(art))
        );
        assert_eq!(resolve_phrase("3 November", art), Some(DayRange::day(art)));
        assert_eq!(
            resolve_phrase("early September", art),
            Some(DayRange {
                first: d(2017, 9, 1),
                last: d(2017, 9, 10)
            })
        );
        assert_eq!(
            resolve_phrase("in December", art),
            Some(DayRange {
                first: d(2016, 12, 1),
                last: d(2016, 12, 31)
            })
        );
        assert_eq!(
            resolve_phrase("yesterday", art),
            Some(DayRange::day(d(2017, 11, 2)))
        );
    }

    #[test]
    fn this_month_runs_from_its_first_day_to_the_article() {
        let r = resolve_phrase("earlier this month", d(2017, 11, 20)).unwrap();
        assert_eq!((r.first, r.last), (d(2017, 11, 1), d(2017, 11, 19)));
        let r = resolve_phrase("this month", d(2017, 11, 20)).unwrap();
        assert_eq!(r.last, d(2017, 11, 20));
    }

    #[test]
    fn relative_phrases_are_not_resolved() {
        assert_eq!(resolve_phrase("two days later", d(2017, 11, 12)), None);
    }

    #[test]
    fn instants_parse_and_bare_dates_mean_end_of_day() {
        let i = parse_instant("2017-11-10").unwrap();
        assert_eq!(i.end_instant().to_string(), "2017-11-10 23:59:59");
        let t = parse_instant("2017-11-10T06:30").unwrap();
        assert_eq!(t.end_instant().to_string(), "2017-11-10 06:30:00");
        assert!(parse_instant("2017-13-40").is_err());
        assert_eq!(
            parse_instant(" 10 Nov ").unwrap_err().to_string(),
            "\"10 Nov\" is not a date: write YYYY-MM-DD (e.g. 2017-11-09) or YYYY-MM-DDTHH:MM"
        );
        assert_eq!(long_date(d(2017, 11, 9)), "Thu 9 Nov 2017");
    }
}
