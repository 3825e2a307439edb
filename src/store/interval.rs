//! When a claim is about, as its sources give it: a span of days, from the way its date is
//! written (ISO 8601-2 / EDTF forms where a day is not known) and its precision.
//!
//! | written | means |
//! |---|---|
//! | `2017-11-09`, `2017-11-09T14:00` | that day (or instant) |
//! | `2017-W45` | some day of that ISO week |
//! | `2017-11` | some day of that month |
//! | `2017` | some day of that year |
//! | `../2017-11-03` | true by that day, since when unknown |
//! | `2017-11-08/2017-11-09` | some day between the two, both included |
//!
//! Every vague form is cut at the first article that reports the claim: an article cannot
//! report what has not happened. A full date with `precision = "week"` or `"month"` (how the
//! data wrote vague dates before these forms, and how ACLED's `time_precision` 2 and 3 read)
//! keeps its meaning: the claim applies from that day, the day being known only to the week
//! or month. This module imports nothing from the rest of the crate; the
//! model re-exports its [`Precision`].

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// How closely a date is known (ACLED's time_precision: 1 day, 2 week, 3 month; ACLED has no
/// year, so a year is exported as 3 and said in the notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    #[default]
    Day,
    Week,
    Month,
    /// Only the year is known ("this year"): the event applies from the first article that
    /// reports it, the first day it is known to be true.
    Year,
}

impl Precision {
    pub fn label(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// How a claim's date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// A day, or an instant of one (`2017-11-09`, `2017-11-09T14:00`).
    Day,
    /// An ISO week (`2017-W45`).
    Week,
    /// A month (`2017-11`).
    Month,
    /// A year (`2017`).
    Year,
    /// True by a day, since when unknown (`../2017-11-03`).
    By,
    /// Between two days (`2017-11-08/2017-11-09`).
    Range,
}

/// A claim's time: the days it may be about, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub form: DateForm,
    /// The earliest day the claim may be about; `None` for a claim true "by" a day, with no
    /// known start.
    pub first: Option<NaiveDate>,
    /// The latest day it may be about (cut at its first article's date).
    pub last: NaiveDate,
    /// The day as written, for a full date (what a full date with a week's or month's
    /// precision applies from).
    pub day: Option<NaiveDate>,
    /// The time of day, when written.
    pub time: Option<NaiveTime>,
    /// The precision the data gave or the form implies.
    pub precision: Precision,
}

/// A date as written, parsed but not yet cut at its articles' dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub form: DateForm,
    pub first: Option<NaiveDate>,
    pub last: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// Why a written date is not a claim's time, in words for a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    pub message: String,
    pub hint: String,
}

fn bad(message: impl Into<String>, hint: impl Into<String>) -> BadDate {
    BadDate {
        message: message.into(),
        hint: hint.into(),
    }
}

const FORMS_HINT: &str = "write a day (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with the hour), a week \
    (2017-W45), a month (2017-11), a year (2017), a range (2017-11-08/2017-11-09) or a day it \
    was true by (../2017-11-03)";

/// Parses one of the forms in the module's table.
pub fn parse(text: &str) -> Result<Written, BadDate> {
    let s = text.trim();
    let not = || bad(format!("\"{s}\" is not a valid date"), FORMS_HINT);
    if let Some(by) = s.strip_prefix("../") {
        let d = day(by).ok_or_else(not)?;
        return Ok(Written {
            form: DateForm::By,
            first: None,
            last: d,
            time: None,
        });
    }
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (day(a).ok_or_else(not)?, day(b).ok_or_else(not)?);
        if b < a {
            return Err(bad(
                format!("the range \"{s}\" ends before it begins"),
                "write the earlier day first: 2017-11-08/2017-11-09",
            ));
        }
        return Ok(Written {
            form: if a == b {
                DateForm::Day
            } else {
                DateForm::Range
            },
            first: Some(a),
            last: b,
            time: None,
        });
    }
    if let Some(d) = day(s) {
        return Ok(Written {
            form: DateForm::Day,
            first: Some(d),
            last: d,
            time: None,
        });
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Written {
                form: DateForm::Day,
                first: Some(t.date()),
                last: t.date(),
                time: Some(t.time()),
            });
        }
    }
    if let Some((y, w)) = s.split_once("-W") {
        let (y, w) = (y.parse::<i32>().ok(), w.parse::<u32>().ok());
        let monday = y
            .zip(w)
            .and_then(|(y, w)| NaiveDate::from_isoywd_opt(y, w, Weekday::Mon))
            .ok_or_else(not)?;
        return Ok(Written {
            form: DateForm::Week,
            first: Some(monday),
            last: monday + Days::new(6),
            time: None,
        });
    }
    if let Some((y, m)) = s.split_once('-')
        && y.len() == 4
        && (1..=2).contains(&m.len())
    {
        let first = y
            .parse::<i32>()
            .ok()
            .zip(m.parse::<u32>().ok())
            .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
            .ok_or_else(not)?;
        return Ok(Written {
            form: DateForm::Month,
            first: Some(first),
            last: last_of_month(first),
            time: None,
        });
    }
    if s.len() == 4
        && let Ok(y) = s.parse::<i32>()
    {
        let (first, last) = NaiveDate::from_ymd_opt(y, 1, 1)
            .zip(NaiveDate::from_ymd_opt(y, 12, 31))
            .ok_or_else(not)?;
        return Ok(Written {
            form: DateForm::Year,
            first: Some(first),
            last,
            time: None,
        });
    }
    Err(not())
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first)
}

/// The calendar window a day known to a precision lies in: its ISO week, month or year.
fn window_of(d: NaiveDate, precision: Precision) -> (NaiveDate, NaiveDate) {
    match precision {
        Precision::Day => (d, d),
        Precision::Week => {
            let monday = d - Days::new(d.weekday().num_days_from_monday().into());
            (monday, monday + Days::new(6))
        }
        Precision::Month => {
            let first = d.with_day(1).unwrap_or(d);
            (first, last_of_month(first))
        }
        Precision::Year => {
            let first = d.with_ordinal(1).unwrap_or(d);
            (
                first,
                first
                    .with_month(12)
                    .and_then(|x| x.with_day(31))
                    .unwrap_or(d),
            )
        }
    }
}

impl Interval {
    /// A claim's time from its date as written, the precision the data gives (if any), and
    /// the date of the earliest dated article reporting it.
    pub fn resolve(
        w: Written,
        precision: Option<Precision>,
        reported: Option<NaiveDate>,
    ) -> Result<Interval, BadDate> {
        let implied = match w.form {
            DateForm::Day => Precision::Day,
            DateForm::Week => Precision::Week,
            DateForm::Month => Precision::Month,
            DateForm::Year | DateForm::By => Precision::Year,
            DateForm::Range => range_precision(w.first.unwrap_or(w.last), w.last),
        };
        let cut = |last: NaiveDate| reported.map_or(last, |r| last.min(r));
        match (w.form, precision) {
            // A full date known to a week, month: applies from that day, as it always did.
            (DateForm::Day, Some(p @ (Precision::Week | Precision::Month))) => {
                let (first, last) = window_of(w.last, p);
                Ok(Interval {
                    form: DateForm::Day,
                    first: Some(first.min(w.last)),
                    last: cut(last).max(w.last),
                    day: Some(w.last),
                    time: w.time,
                    precision: p,
                })
            }
            (DateForm::Day, Some(Precision::Year)) => Err(bad(
                "with precision = \"year\", write the year alone",
                "e.g. date = \"2017\": a full date would invent a day nobody reported",
            )),
            (DateForm::Day, _) => Ok(Interval {
                form: DateForm::Day,
                first: w.first,
                last: w.last,
                day: Some(w.last),
                time: w.time,
                precision: Precision::Day,
            }),
            (DateForm::Range | DateForm::By, Some(_)) | (_, None) => Self::vague(w, implied, cut),
            (_, Some(p)) if p == implied => Self::vague(w, implied, cut),
            (form, Some(p)) => Err(bad(
                format!(
                    "precision = \"{}\" does not fit a date written as a {}",
                    p.label(),
                    form_name(form)
                ),
                "remove `precision`: the way the date is written says it",
            )),
        }
    }

    fn vague(
        w: Written,
        precision: Precision,
        cut: impl Fn(NaiveDate) -> NaiveDate,
    ) -> Result<Interval, BadDate> {
        let last = cut(w.last);
        if let Some(first) = w.first
            && last < first
        {
            return Err(bad(
                format!(
                    "the claim is dated {} but its first article is of {}: an article cannot \
                     report what has not happened",
                    Interval::written_edtf(w),
                    last
                ),
                "check the claim's date and the article's date",
            ));
        }
        Ok(Interval {
            form: w.form,
            first: w.first,
            last,
            day: None,
            time: None,
            precision,
        })
    }

    /// The day the claim's state applies from: its day as written, or else the last day of a
    /// vague one (never earlier than its sources allow).
    pub fn applies_day(&self) -> NaiveDate {
        self.day.unwrap_or(self.last)
    }

    /// The instant the claim's state applies from.
    pub fn applies_at(&self) -> NaiveDateTime {
        self.applies_day()
            .and_time(self.time.unwrap_or(NaiveTime::MIN))
    }

    /// Whether the claim names no day: its state, if it changes a place, changed some time
    /// in the window before [`Self::applies_day`].
    pub fn is_vague(&self) -> bool {
        self.day.is_none() && self.first != Some(self.last)
    }

    /// Whether a day is one the claim may be about.
    pub fn holds(&self, d: NaiveDate) -> bool {
        self.first.is_none_or(|f| f <= d) && d <= self.last
    }

    /// The days it spans (for a claim "by" a day, unknown: `None`).
    pub fn days(&self) -> Option<i64> {
        self.first.map(|f| (self.last - f).num_days() + 1)
    }

    /// ACLED's time_precision: 1 a day, 2 a week, 3 a month or more. A full date keeps the
    /// precision it was given.
    pub fn acled_code(&self) -> u8 {
        if self.day.is_some() {
            return match self.precision {
                Precision::Day => 1,
                Precision::Week => 2,
                _ => 3,
            };
        }
        match self.days() {
            Some(1) => 1,
            Some(n) if n <= 7 => 2,
            _ => 3,
        }
    }

    /// The claim's date in the form the data writes it (EDTF), before any cut.
    pub fn edtf(&self) -> String {
        match (self.form, self.first) {
            (DateForm::Day, _) => match self.time {
                Some(t) => format!("{}T{}", self.applies_day(), t.format("%H:%M")),
                None => self.applies_day().to_string(),
            },
            (DateForm::Week, Some(f)) => {
                let w = f.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            (DateForm::Month, Some(f)) => f.format("%Y-%m").to_string(),
            (DateForm::Year, Some(f)) => f.year().to_string(),
            (DateForm::Range, Some(f)) => format!("{f}/{}", self.last),
            (_, _) => format!("../{}", self.last),
        }
    }

    fn written_edtf(w: Written) -> String {
        Interval {
            form: w.form,
            first: w.first,
            last: w.last,
            day: None,
            time: w.time,
            precision: Precision::Day,
        }
        .edtf()
    }
}

fn range_precision(first: NaiveDate, last: NaiveDate) -> Precision {
    match (last - first).num_days() {
        0 => Precision::Day,
        1..=6 => Precision::Week,
        7..=31 => Precision::Month,
        _ => Precision::Year,
    }
}

fn form_name(form: DateForm) -> &'static str {
    match form {
        DateForm::Day => "day",
        DateForm::Week => "week",
        DateForm::Month => "month",
        DateForm::Year => "year",
        DateForm::By => "day it was true by",
        DateForm::Range => "range",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2017, m, day).unwrap()
    }

    fn resolve(s: &str, p: Option<Precision>, reported: Option<NaiveDate>) -> Interval {
        Interval::resolve(parse(s).unwrap(), p, reported).unwrap()
    }

    #[test]
    fn every_form_parses_to_its_days() {
        let w = parse("2017-11").unwrap();
        assert_eq!(
            (w.form, w.first, w.last),
            (DateForm::Month, Some(d(11, 1)), d(11, 30))
        );
        let w = parse("2017-W45").unwrap();
        assert_eq!(
            (w.form, w.first, w.last),
            (DateForm::Week, Some(d(11, 6)), d(11, 12))
        );
        let w = parse("2017").unwrap();
        assert_eq!((w.first, w.last), (Some(d(1, 1)), d(12, 31)));
        let w = parse("../2017-11-03").unwrap();
        assert_eq!((w.form, w.first, w.last), (DateForm::By, None, d(11, 3)));
        let w = parse("2017-11-08/2017-11-09").unwrap();
        assert_eq!(
            (w.form, w.first, w.last),
            (DateForm::Range, Some(d(11, 8)), d(11, 9))
        );
        let w = parse(" 2017-11-09T14:30 ").unwrap();
        assert_eq!((w.form, w.last), (DateForm::Day, d(11, 9)));
        assert_eq!(w.time, NaiveTime::from_hms_opt(14, 30, 0));
    }

    #[test]
    fn what_is_not_a_date_says_so_with_the_forms() {
        for s in [
            "yesterday",
            "2017-13",
            "2017-11-31",
            "2017-W60",
            "../",
            "2017-11-09/x",
        ] {
            let e = parse(s).unwrap_err();
            assert!(e.message.contains("is not a valid date"), "{s}: {e:?}");
            assert!(e.hint.contains("2017-W45") && e.hint.contains("YYYY-MM-DD"));
        }
        let e = parse("2017-11-09/2017-11-08").unwrap_err();
        assert!(e.message.contains("ends before it begins"));
    }

    #[test]
    fn vague_forms_are_cut_at_the_first_article_and_apply_from_their_last_day() {
        let i = resolve("2017-11", None, Some(d(11, 20)));
        assert_eq!((i.first, i.last), (Some(d(11, 1)), d(11, 20)));
        assert!(i.is_vague());
        assert_eq!(i.applies_day(), d(11, 20));
        assert_eq!(i.precision, Precision::Month);
        assert_eq!(i.edtf(), "2017-11");
        assert_eq!(i.acled_code(), 3);
        // The year rule: true by the first article.
        let i = resolve("2017", Some(Precision::Year), Some(d(11, 3)));
        assert_eq!((i.applies_day(), i.days()), (d(11, 3), Some(307)));
        let i = resolve("../2017-11-03", None, Some(d(11, 12)));
        assert_eq!(
            (i.first, i.applies_day(), i.edtf()),
            (None, d(11, 3), "../2017-11-03".into())
        );
        assert!(i.holds(d(1, 1)) && !i.holds(d(11, 4)));
        let i = resolve("2017-11-08/2017-11-09", None, None);
        assert_eq!((i.acled_code(), i.precision), (2, Precision::Week));
    }

    #[test]
    fn a_full_date_keeps_its_meaning_whatever_its_precision() {
        let i = resolve("2017-11-11", Some(Precision::Week), Some(d(11, 12)));
        assert_eq!(i.applies_day(), d(11, 11));
        assert!(!i.is_vague());
        // Its window (the ISO week, cut at the article) is what a precise claim may join.
        assert_eq!((i.first, i.last), (Some(d(11, 6)), d(11, 12)));
        assert_eq!((i.acled_code(), i.edtf()), (2, "2017-11-11".into()));
        let i = resolve("2017-09-01", Some(Precision::Month), Some(d(11, 3)));
        assert_eq!(
            (i.applies_day(), i.last, i.acled_code()),
            (d(9, 1), d(9, 30), 3)
        );
        let i = resolve("2017-11-09T06:00", None, None);
        assert_eq!(i.applies_at(), d(11, 9).and_hms_opt(6, 0, 0).unwrap());
        assert_eq!(i.edtf(), "2017-11-09T06:00");
    }

    #[test]
    fn a_precision_that_does_not_fit_the_form_is_refused() {
        let e = Interval::resolve(parse("2017").unwrap(), Some(Precision::Day), None).unwrap_err();
        assert!(e.message.contains("does not fit"), "{e:?}");
        let e = Interval::resolve(parse("2017-11-03").unwrap(), Some(Precision::Year), None)
            .unwrap_err();
        assert!(e.message.contains("write the year alone"));
        // A vague claim after its first article cannot have happened yet.
        let e = Interval::resolve(parse("2017-12").unwrap(), None, Some(d(11, 20))).unwrap_err();
        assert!(e.message.contains("cannot report"), "{e:?}");
    }
}
