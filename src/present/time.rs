//! Time as the sources give it, in words: a claim's interval ("Nov 2017, by Mon 20 Nov"), an
//! uncertain window ("changed hands between Wed 1 and Sun 19 Nov"), the versions of a dispute
//! with their sources, and the vague claims that corroborate a precise one.

use chrono::{Datelike, NaiveDate};

use super::{DayForm, long_date, short_status};
use crate::store::interval::{DateForm, Interval};
use crate::store::timeline::{Dispute, Uncertain, Version};
use crate::store::{Event, EventIx, Store};

/// A claim's days as its sources give them: "Thu 9 Nov", "Nov 2017, by Mon 20 Nov", "week of
/// Mon 6 Nov", "2017, by Fri 3 Nov", "by Fri 3 Nov", "between Wed 8 and Thu 9 Nov".
pub fn interval_words(i: &Interval) -> String {
    let by = |whole_last: NaiveDate| {
        if i.last < whole_last {
            format!(", by {}", DayForm::Weekday.of(i.last))
        } else {
            String::new()
        }
    };
    match (i.form, i.first) {
        (DateForm::Month, Some(f)) => {
            let end = f
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(f);
            format!("{}{}", DayForm::MonthYear.of(f), by(end))
        }
        (DateForm::Week, Some(f)) => format!(
            "week of {}{}",
            DayForm::Weekday.of(f),
            by(f + chrono::Days::new(6))
        ),
        (DateForm::Year, Some(f)) => {
            let end = NaiveDate::from_ymd_opt(f.year(), 12, 31).unwrap_or(f);
            format!("{}{}", f.year(), by(end))
        }
        (DateForm::Range, Some(f)) => between(f, i.last),
        (DateForm::By, _) | (_, None) => format!("by {}", DayForm::Weekday.of(i.last)),
        _ => DayForm::Weekday.of(i.applies_day()),
    }
}

/// "between Wed 1 and Sun 19 Nov" (months and years written once when shared).
pub fn between(first: NaiveDate, last: NaiveDate) -> String {
    let a = if first.year() != last.year() {
        DayForm::DayMonthYear.of(first)
    } else if first.month() != last.month() {
        first.format("%a %-d %b").to_string()
    } else {
        first.format("%a %-d").to_string()
    };
    format!("between {a} and {}", DayForm::Weekday.of(last))
}

/// A claim's date with the phrase its sources give it in: "earlier this month: Nov 2017, by
/// Mon 20 Nov"; a claim known to the day is just its day.
pub fn claim_time(ev: &Event) -> String {
    let words = interval_words(&ev.interval);
    match ev.quotes.iter().find_map(|q| q.date_phrase.as_deref()) {
        Some(p) if ev.interval.is_vague() => format!("{p}: {words}"),
        _ => words,
    }
}

/// "changed hands between Wed 1 and Sun 19 Nov".
pub fn uncertain_sentence(u: &Uncertain) -> String {
    if u.first == u.last {
        format!("may have changed hands on {}", DayForm::Weekday.of(u.first))
    } else {
        format!("changed hands {}", between(u.first, u.last))
    }
}

/// Who says a claim: "Wire, Wed 8 Nov" for one article, "3 articles of Sun 12 Nov" for more
/// (the latest article's day).
pub fn sources_words(store: &Store, e: EventIx) -> String {
    let arts = store.events[e].articles();
    match arts.as_slice() {
        [a] => {
            let a = &store.articles[*a];
            match a.date {
                Some(d) => format!("{}, {}", a.outlet_or_unnamed(), DayForm::Weekday.of(d)),
                None => a.outlet_or_unnamed().to_owned(),
            }
        }
        many => {
            let latest = many.iter().filter_map(|&a| store.articles[a].date).max();
            match latest {
                Some(d) => format!("{} articles of {}", many.len(), DayForm::Weekday.of(d)),
                None => format!("{} articles", many.len()),
            }
        }
    }
}

/// One version of a dispute: "Wire, Wed 8 Nov: captured Wed 8 Nov · Syrian gov." for the
/// version the earlier claim gives, "3 articles of Sun 12 Nov: captured Thu 9 Nov · Syrian
/// gov. (IS until then)" for the later one.
pub fn version_line(store: &Store, v: &Version) -> String {
    let ev = &store.events[v.event];
    let claim = format!(
        "{} {} · {}",
        super::event_verb(ev.kind),
        claim_time(ev),
        short_status(store, Some(ev.to))
    );
    let mut line = format!("{}: {claim}", sources_words(store, v.event));
    if v.control != Some(ev.to) {
        line.push_str(&format!(" ({} until then)", short_status(store, v.control)));
    }
    if let Some(reason) = &ev.rank_reason {
        line.push_str(&format!(" [{}: {reason}]", ev.rank.name()));
    }
    line
}

/// "disputed from Wed 8 Nov to Thu 9 Nov 2017: 2 versions".
pub fn dispute_heading(d: &Dispute) -> String {
    match d.to {
        Some(to) if to.date() > d.from.date() => format!(
            "disputed from {} to {}",
            DayForm::Weekday.of(d.from.date()),
            long_date(to.date())
        ),
        _ => format!("disputed from {}", long_date(d.from.date())),
    }
}

/// "also reported, as 'earlier this month', by Gazette (Mon 20 Nov)": a vague claim that
/// corroborates a precise one.
pub fn also_reported(store: &Store, vague: EventIx) -> String {
    let ev = &store.events[vague];
    let phrase = ev
        .quotes
        .iter()
        .find_map(|q| q.date_phrase.clone())
        .unwrap_or_else(|| interval_words(&ev.interval));
    format!(
        "also reported, as '{phrase}', by {}",
        sources_words(store, vague)
    )
}

/// "set aside: resolved in favour of the other version (reason)".
pub fn set_aside_sentence(ev: &Event) -> String {
    match &ev.rank_reason {
        Some(r) => format!("set aside: {r}"),
        None => "set aside: the other version is preferred".to_owned(),
    }
}
