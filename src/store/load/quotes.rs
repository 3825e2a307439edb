//! The checks of a quote against its article: found verbatim once (else the closest passage
//! is suggested), its date phrase meaning the event's date, and the article not older than
//! the event it reports.

use chrono::NaiveDate;

use super::super::anchor::AnchorError;
use super::super::dates::{long_date, resolve_phrase};
use super::super::diagnostics::{Diagnostics, line_col};
use super::super::interval::Interval;
use super::super::model::Article;
use super::parsed::{DateInput, Spanned};

/// Reports why a quote could not be anchored in its article.
pub(crate) fn report_anchor_error(
    d: &mut Diagnostics,
    file: &str,
    quote: &Spanned<String>,
    art: &Article,
    e: AnchorError,
) {
    let span = Some(quote.span());
    match e {
        AnchorError::Empty => d.error(file, span, "empty quote", Some("copy the sentence that supports the claim from the article".into())),
        AnchorError::Ambiguous { lines } => d.error(
            file,
            span,
            format!("the quote occurs {} times in {} ({})", lines.len(), art.file, lines_label(&lines)),
            Some("say which one with prefix = \"...\" (the text just before it) or suffix = \"...\" (just after)".into()),
        ),
        AnchorError::NotFound { closest, near_miss } => {
            let hint = match closest {
                Some((s, e)) if near_miss => format!("the article has \"{}\" (quote marks, dashes or spaces differ); copy it exactly", &art.text[s..e]),
                Some((s, e)) => {
                    let line = line_col(&art.text, s).0;
                    format!("the closest passage, line {line} of {}: \"{}\"", art.file, &art.text[s..e])
                }
                None => format!("copy the quote verbatim from {}", art.file),
            };
            d.error(file, span, format!("quote not found verbatim in article \"{}\" ({})", art.id, art.file), Some(hint));
        }
    }
}

/// "line 4" when every occurrence is on one line, else "lines 4, 9".
fn lines_label(lines: &[usize]) -> String {
    let mut distinct = lines.to_vec();
    distinct.dedup();
    match distinct.as_slice() {
        [line] => format!("line {line}"),
        many => {
            let list: Vec<String> = many.iter().map(usize::to_string).collect();
            format!("lines {}", list.join(", "))
        }
    }
}

/// Checks that an event's date is not after the article that reports it (an error), nor
/// over a year before it (a warning: a typo in the year?). Returns whether it reported.
pub(crate) fn check_dated_after_event(
    d: &mut Diagnostics,
    file: &str,
    written: &Spanned<DateInput>,
    date: NaiveDate,
    art: &Article,
) -> bool {
    let Some(ad) = art.date else {
        return false;
    };
    if date > ad {
        d.error(
            file,
            Some(written.span()),
            format!("the event is dated {} but article \"{}\" is of {}: an article cannot report what has not happened", long_date(date), art.id, long_date(ad)),
            Some("check the event's date and the article's date".into()),
        );
        true
    } else if (ad - date).num_days() > 366 {
        d.warning(
            file,
            Some(written.span()),
            format!(
                "the event is dated {}, {} days before article \"{}\" of {} that reports it",
                long_date(date),
                (ad - date).num_days(),
                art.id,
                long_date(ad)
            ),
            Some("a typo in the year? Claims are usually reported within days".into()),
        );
        true
    } else {
        false
    }
}

/// Checks that a date phrase is part of the quote and, resolved against the article's date,
/// means the event's date (some day of it, for a vague one: the two share a day).
pub(crate) fn check_date_phrase(
    d: &mut Diagnostics,
    file: &str,
    phrase: &Spanned<String>,
    quote: &str,
    art: &Article,
    interval: &Interval,
) {
    let date = interval.applies_day();
    let p = phrase.get_ref();
    if !quote.contains(p.as_str()) {
        d.error(file, Some(phrase.span()), format!("date_phrase \"{p}\" is not in the quote"), Some("the date phrase must be part of the quoted text; widen the quote or correct the phrase".into()));
        return;
    }
    let Some(article_date) = art.date else {
        d.warning(
            file,
            Some(phrase.span()),
            format!(
                "date_phrase \"{p}\" cannot be checked: article \"{}\" has no date",
                art.id
            ),
            None,
        );
        return;
    };
    match resolve_phrase(p, article_date) {
        Some(range) if range.contains(date) => {}
        Some(range)
            if interval.is_vague()
                && range.first <= interval.last
                && interval.first.is_none_or(|f| f <= range.last) => {}
        Some(range) => {
            let meant = if range.first == range.last {
                long_date(range.first)
            } else {
                format!("{} to {}", long_date(range.first), long_date(range.last))
            };
            d.error(
                file,
                Some(phrase.span()),
                format!("\"{p}\" in an article of {} means {meant}, but the event is dated {}", long_date(article_date), long_date(date)),
                Some("correct the event's date, or the article's date if that is what is wrong".into()),
            );
        }
        None => d.warning(file, Some(phrase.span()), format!("date_phrase \"{p}\" is not understood, so it is not checked"), Some("phrases like \"on Saturday\", \"last Thursday\", \"yesterday\", \"3 November\" or \"early September\" are checked".into())),
    }
}
