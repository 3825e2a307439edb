//! Arabic date phrases of Modern Standard news prose, resolved as the English ones are:
//! weekdays with and without "يوم" (and "فجر الجمعة", "مساء السبت"), "أمس" and "أول أمس",
//! days by number (Arabic-Indic digits too) or by ordinal ("التاسع من"), and months by their
//! Levantine and their Egyptian names ("تشرين الثاني/نوفمبر").

use chrono::{Datelike, Days, NaiveDate};

use crate::store::dates::resolve_phrase;
use crate::store::names::match_key;

use super::text::Token;

/// Weekdays, by their match key, with the English name the store's rules resolve.
const WEEKDAYS: &[(&str, &str)] = &[
    ("الجمعة", "friday"),
    ("السبت", "saturday"),
    ("الاحد", "sunday"),
    ("الاثنين", "monday"),
    ("الثلاثاء", "tuesday"),
    ("الاربعاء", "wednesday"),
    ("الخميس", "thursday"),
];
/// Words that may open a weekday: "يوم", and the parts of a day.
const DAY_LEADS: &[&str] = &[
    "يوم",
    "فجر",
    "صباح",
    "مساء",
    "ليل",
    "ليلة",
    "ظهر",
    "عصر",
    "صبيحة",
];
/// Months, one or two words, by match key: Levantine names, then Egyptian ones.
const MONTHS: &[(&str, u32)] = &[
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];
/// Ordinals of the day, by match key ("التاسع من تشرين الثاني").
const ORDINALS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("الحادي", 1),
    ("العشرين", 20),
    ("الثلاثين", 30),
];

/// How precise an Arabic date phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    Day,
    /// "الأسبوع الماضي": the week that begins on the date.
    Week,
    Month,
}

fn key(tokens: &[Token], i: usize) -> Option<String> {
    tokens
        .get(i)
        .filter(|t| t.is_word)
        .map(|t| match_key(&t.lower))
}

/// A word without a leading "و" or "ف" ("والخميس").
fn bare(k: &str) -> &str {
    k.strip_prefix('و')
        .or_else(|| k.strip_prefix('ف'))
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(k)
}

/// A number in ASCII or Arabic-Indic digits.
pub(crate) fn number(w: &str) -> Option<u32> {
    let ascii: String = w
        .chars()
        .map(|c| match c as u32 {
            0x0660..=0x0669 => char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c),
            0x06F0..=0x06F9 => char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c),
            _ => c,
        })
        .collect();
    if ascii.is_empty() || !ascii.chars().all(|c| c.is_ascii_digit()) || ascii.len() > 4 {
        return None;
    }
    ascii.parse().ok()
}

/// A span of days after "منذ" or "قبل": "أسبوع", "يومين", "ثلاثة أيام"; its tokens and days.
fn span_back(tokens: &[Token], i: usize) -> Option<(usize, u64)> {
    const COUNTS: &[(&str, u64)] = &[
        ("ثلاثة", 3),
        ("اربعة", 4),
        ("خمسة", 5),
        ("ستة", 6),
        ("عشرة", 10),
    ];
    let k = key(tokens, i)?;
    match k.as_str() {
        "اسبوع" => return Some((1, 7)),
        "اسبوعين" => return Some((1, 14)),
        "يوم" => return Some((1, 1)),
        "يومين" => return Some((1, 2)),
        _ => {}
    }
    let n = COUNTS
        .iter()
        .find(|(w, _)| *w == k)
        .map(|(_, n)| *n)
        .or_else(|| number(&k).map(u64::from))?;
    match key(tokens, i + 1).as_deref() {
        Some("ايام") => Some((2, n)),
        Some("اسابيع") => Some((2, 7 * n)),
        _ => None,
    }
}

/// The month at token `i` (one or two words), and the tokens it spans.
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let one = bare(&key(tokens, i)?).to_owned();
    let two = key(tokens, i + 1).map(|k| format!("{one} {k}"));
    if let Some(two) = two
        && let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == two)
    {
        return Some((*m, 2));
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == one)
        .map(|(_, m)| (*m, 1))
}

/// The day of the month at token `i`: "9", "٩", "التاسع", "الحادي عشر", "الحادي والعشرين";
/// and the tokens it spans, with a following "من".
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let k = key(tokens, i)?;
    let (day, mut len) = if let Some(n) = number(&k) {
        (n, 1)
    } else {
        let (_, base) = ORDINALS.iter().find(|(name, _)| *name == k)?;
        let next = key(tokens, i + 1).unwrap_or_default();
        if next == "عشر" {
            (base + 10, 2)
        } else if let Some((_, tens)) = ORDINALS
            .iter()
            .find(|(name, _)| Some(*name) == next.strip_prefix('و'))
            .filter(|(_, t)| *t >= 20)
        {
            (base + tens, 2)
        } else {
            (*base, 1)
        }
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    if key(tokens, i + len).as_deref() == Some("من") {
        len += 1;
    }
    Some((day, len))
}

/// An Arabic date phrase: where it ends (a token index), its first day, how precise it is,
/// and whether it counts from the publication ("أمس").
pub(crate) type ArabicDate = (usize, NaiveDate, Precision, bool);

/// The Arabic date phrase starting at token `i`, if any.
pub(crate) fn date_at(tokens: &[Token], i: usize, published: NaiveDate) -> Option<ArabicDate> {
    let first = key(tokens, i)?;
    if !first
        .chars()
        .next()
        .is_some_and(|c| super::lexicon::is_arabic_letter(c) || number(&c.to_string()).is_some())
    {
        return None;
    }
    let make = |end: usize, date: NaiveDate, precision: Precision, relative: bool| {
        (end, date, precision, relative)
    };
    let w = bare(&first);
    // "اليوم": the day of publication.
    if w == "اليوم" {
        return Some(make(i + 1, published, Precision::Day, true));
    }
    // "منذ أسبوع", "قبل يومين", "منذ ثلاثة أيام": counted back from the publication.
    if matches!(w, "منذ" | "قبل")
        && let Some((len, days)) = span_back(tokens, i + 1)
    {
        let day = published.checked_sub_days(Days::new(days))?;
        return Some(make(i + 1 + len, day, Precision::Day, true));
    }
    // "الأسبوع الماضي": the week before the publication's, from its Monday.
    if w == "الاسبوع" && key(tokens, i + 1).as_deref() == Some("الماضي") {
        let back = published.weekday().num_days_from_monday() as u64 + 7;
        let monday = published.checked_sub_days(Days::new(back))?;
        return Some(make(i + 2, monday, Precision::Week, true));
    }
    // "أول أمس", "أول من أمس": the day before yesterday.
    if w == "اول" {
        let k = usize::from(key(tokens, i + 1).as_deref() == Some("من"));
        if key(tokens, i + 1 + k).as_deref() == Some("امس") {
            let day = published.checked_sub_days(Days::new(2))?;
            return Some(make(i + 2 + k, day, Precision::Day, true));
        }
    }
    if matches!(w, "امس" | "بالامس") {
        return Some(make(i + 1, published.pred_opt()?, Precision::Day, true));
    }
    // "يوم أمس", "يوم الجمعة", "فجر الجمعة", "الجمعة".
    let lead = usize::from(DAY_LEADS.contains(&w));
    if lead == 1 && key(tokens, i + 1).as_deref() == Some("امس") {
        return Some(make(i + 2, published.pred_opt()?, Precision::Day, true));
    }
    let head = key(tokens, i + lead)?;
    if let Some((_, english)) = WEEKDAYS
        .iter()
        .find(|(name, _)| *name == bare(&head) || Some(*name) == head.strip_prefix('ب'))
    {
        let range = resolve_phrase(&format!("on {english}"), published)?;
        return Some(make(i + lead + 1, range.first, Precision::Day, false));
    }
    // "في التاسع من تشرين الثاني/نوفمبر 2017", "٩ نوفمبر", "في تموز".
    let lead = usize::from(w == "في" || first == "في");
    let (day, day_len) = match day_at(tokens, i + lead) {
        Some((d, len)) => (Some(d), len),
        None => (None, 0),
    };
    let (month, month_len) = month_at(tokens, i + lead + day_len)?;
    let mut end = i + lead + day_len + month_len;
    // "تشرين الثاني/نوفمبر": the second name of the same month.
    if tokens.get(end).is_some_and(|t| t.lower == "/")
        && let Some((m2, len2)) = month_at(tokens, end + 1)
        && m2 == month
    {
        end += 1 + len2;
    }
    let year = key(tokens, end)
        .and_then(|k| number(&k))
        .filter(|y| (1900..=2100).contains(y));
    if year.is_some() {
        end += 1;
    }
    let year = match year {
        Some(y) => y as i32,
        // A month after the publication's is last year's.
        None if month > published.month() => published.year() - 1,
        None => published.year(),
    };
    match day {
        Some(d) => Some(make(
            end,
            NaiveDate::from_ymd_opt(year, month, d)?,
            Precision::Day,
            false,
        )),
        None if lead == 1 || year != published.year() => Some(make(
            end,
            NaiveDate::from_ymd_opt(year, month, 1)?,
            Precision::Month,
            false,
        )),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The first Arabic date phrase of a text: its words, its day, whether known to the day.
    fn first(text: &str, published: NaiveDate) -> (String, NaiveDate, bool) {
        let (phrase, date, precision) = first_precise(text, published);
        (phrase, date, precision == Precision::Day)
    }

    fn first_precise(text: &str, published: NaiveDate) -> (String, NaiveDate, Precision) {
        let tokens = tokenize(text);
        (0..tokens.len())
            .find_map(|i| {
                let (end, date, day, _) = date_at(&tokens, i, published)?;
                Some((
                    text[tokens[i].start..tokens[end - 1].end].to_owned(),
                    date,
                    day,
                ))
            })
            .unwrap()
    }

    #[test]
    fn weekdays_with_and_without_yawm() {
        // Saturday 11 November 2017.
        let sat = d(2017, 11, 11);
        assert_eq!(first("يوم الخميس", sat).1, d(2017, 11, 9));
        assert_eq!(first("سيطر السبت على", sat).1, d(2017, 11, 11));
        assert_eq!(first("فجر الجمعة", sat).1, d(2017, 11, 10));
        assert_eq!(first("أمس", sat).1, d(2017, 11, 10));
        assert_eq!(first("أول أمس", sat).1, d(2017, 11, 9));
    }

    #[test]
    fn months_by_both_names_and_days_by_digit_or_ordinal() {
        let sun = d(2017, 11, 12);
        assert_eq!(
            first("في التاسع من تشرين الثاني/نوفمبر سيطرته", sun),
            (
                "في التاسع من تشرين الثاني/نوفمبر".to_owned(),
                d(2017, 11, 9),
                true
            )
        );
        assert_eq!(first("في ٩ نوفمبر ٢٠١٧", sun).1, d(2017, 11, 9));
        assert_eq!(first("في 21 تشرين الأول", sun).1, d(2017, 10, 21));
        assert_eq!(
            first("في الحادي والعشرين من أكتوبر", sun).1,
            d(2017, 10, 21)
        );
        assert_eq!(
            first("في تموز", sun),
            ("في تموز".to_owned(), d(2017, 7, 1), false)
        );
        assert_eq!(number("٢٠١٧"), Some(2017));
    }

    #[test]
    fn today_days_ago_and_last_week() {
        // Thursday 16 November 2017.
        let thu = d(2017, 11, 16);
        assert_eq!(
            first_precise("أعلن منذ أسبوع", thu),
            ("منذ أسبوع".to_owned(), d(2017, 11, 9), Precision::Day)
        );
        assert_eq!(first("قبل يومين", thu).1, d(2017, 11, 14));
        assert_eq!(first("منذ ثلاثة أيام", thu).1, d(2017, 11, 13));
        assert_eq!(first("تمكن اليوم من", thu).1, thu);
        assert_eq!(
            first_precise("الأسبوع الماضي", thu),
            ("الأسبوع الماضي".to_owned(), d(2017, 11, 6), Precision::Week)
        );
        // "قبل" before a place is no date.
        let tokens = tokenize("قبل البوكمال");
        assert!(date_at(&tokens, 0, thu).is_none());
    }
}
