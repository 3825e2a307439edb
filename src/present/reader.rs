//! What the article reader says about the assistant's findings: a candidate claim in one line,
//! what a highlighted name or date means, and how much of the article is annotated. The
//! command line's `suggest` words its candidates with the same [`candidate_claim`].

use crate::assist::{
    ActorMention, Candidate, Confidence, DateMention, DatePrecision, Ground, PlaceMention, Status,
};
use crate::store::Store;

use super::long_date;

/// An actor's name by id, or the id when the data has no such actor.
fn actor_name<'a>(store: &'a Store, id: &'a str) -> &'a str {
    store
        .actors
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}

/// `Sat 11 Nov 2017  Rummanah: held by Iraqi government forces (captured, "on Saturday")`: a
/// candidate claim without its quote.
pub fn candidate_claim(store: &Store, c: &Candidate) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| actor_name(store, id))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let state = match c.status {
        Status::Held => format!("held by {}", names(&c.to)),
        Status::Contested if c.contested_by.len() < 2 => format!(
            "contested between {} and a side the text does not name",
            names(&c.contested_by)
        ),
        Status::Contested => format!("contested between {}", names(&c.contested_by)),
        Status::Lost => format!(
            "no longer held by {} (who holds it is not said)",
            names(&c.lost_by)
        ),
    };
    let when = match (c.date, c.precision) {
        (Some(d), Some(DatePrecision::Week)) => format!("week of {}", long_date(d)),
        (Some(d), Some(DatePrecision::Month)) => d.format("%B %Y").to_string(),
        (Some(d), Some(DatePrecision::Year)) => d.format("%Y (the year only)").to_string(),
        (Some(d), _) => long_date(d),
        (None, _) => "undated".to_owned(),
    };
    let new = match (&c.place, c.new_place) {
        (None, _) => ", unknown place",
        (Some(_), true) => ", new place",
        _ => "",
    };
    let dated = c.date_phrase.as_deref().map_or_else(
        || {
            if c.grounds.contains(&Ground::DatedByPublication) {
                ", dated by the publication".to_owned()
            } else {
                String::new()
            }
        },
        |p| format!(", \"{p}\""),
    );
    let grounds: Vec<&str> = c
        .grounds
        .iter()
        .filter(|g| !matches!(g, Ground::DatedBySentence | Ground::DatedByPublication))
        .map(|g| g.words())
        .collect();
    let why = if grounds.is_empty() {
        String::new()
    } else {
        format!("; {}", grounds.join(", "))
    };
    format!(
        "[{}] {when}  {}{new}: {state} ({}{dated}{why})",
        confidence_word(c.confidence),
        c.name,
        c.kind.label()
    )
}

/// How sure the assistant is, in one word: "sure", "likely", "weak".
pub fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::Sure => "sure",
        Confidence::Likely => "likely",
        Confidence::Weak => "weak",
    }
}

/// "Saturday 11 November 2017, known to the day": what a date phrase resolves to, on hover.
pub fn date_mention_sentence(d: &DateMention) -> String {
    let full = |day: chrono::NaiveDate| day.format("%A %-d %B %Y").to_string();
    let date = match d.precision {
        DatePrecision::Day => format!("{}, known to the day", full(d.date)),
        DatePrecision::Week => format!("The week of {}, known to the week", full(d.date)),
        DatePrecision::Month => format!("{}, known to the month", d.date.format("%B %Y")),
        DatePrecision::Year => format!("{}, known to the year", d.date.format("%Y")),
    };
    if d.relative {
        format!("{date} (counted from the date before it in the text)")
    } else {
        date
    }
}

/// "Abu Kamal", or for a place the data does not have: "Hit: not in the data yet: from the
/// regional gazetteer (33.64, 42.83)".
pub fn place_mention_sentence(p: &PlaceMention) -> String {
    if p.new_place {
        format!(
            "{}: not in the data yet: from the regional gazetteer ({:.2}, {:.2})",
            p.name, p.latitude, p.longitude
        )
    } else {
        p.name.clone()
    }
}

/// "Islamic State", or what "government forces" stands for when the sentence does not say.
pub fn actor_mention_sentence(store: &Store, a: &ActorMention) -> String {
    match &a.actor {
        Some(id) => actor_name(store, id).to_owned(),
        None => "Government forces: the sentence does not say which government".to_owned(),
    }
}

/// "2 candidate claims not annotated yet": over the reader's list.
pub fn candidates_heading(open: usize) -> String {
    match open {
        0 => "No candidate claim left to annotate".to_owned(),
        1 => "1 candidate claim not annotated yet".to_owned(),
        n => format!("{n} candidate claims not annotated yet"),
    }
}

/// Under the heading, when the list is empty.
pub fn no_candidates_open() -> String {
    "Every claim the assistant found here is annotated or dismissed.".to_owned()
}

/// Why the reader shows no assistant findings for an article without a date.
pub fn assistant_needs_a_date() -> String {
    "The assistant needs the article's date to read it (dates like \"on Saturday\" count from it): give the article a date.".to_owned()
}

/// Why the reader shows no assistant findings, when the text could not be read.
pub fn assistant_cannot_read(reason: &str) -> String {
    format!("The assistant could not read this article: {reason}")
}

/// "3 of 14 sentences back a claim · 2 candidates open": an article's coverage.
pub fn coverage_line(backing: usize, sentences: usize, open: usize) -> String {
    let verb = if backing == 1 { "backs" } else { "back" };
    let noun = if sentences == 1 {
        "sentence"
    } else {
        "sentences"
    };
    let open = match open {
        0 => "no candidate open".to_owned(),
        1 => "1 candidate open".to_owned(),
        n => format!("{n} candidates open"),
    };
    format!("{backing} of {sentences} {noun} {verb} a claim · {open}")
}

/// Over the window while files are dragged onto it.
pub fn drop_file_hint() -> String {
    "Drop a .txt, .md or .html file to add it as an article".to_owned()
}

/// In "Not saved", when files changed on disk since they were loaded.
pub fn reapply_offer() -> String {
    "Your edits can be made again over the files as they are now: each edit that still applies is saved; an edit whose event was changed or deleted meanwhile is listed, for you to redo or drop. Nothing on disk is overwritten.".to_owned()
}

/// Over the list of edits that could not be made again.
pub fn not_applied_heading(n: usize) -> String {
    match n {
        1 => "1 edit no longer applies to the files as they are now; it was not saved.".to_owned(),
        n => {
            format!("{n} edits no longer apply to the files as they are now; they were not saved.")
        }
    }
}

/// The notice after re-applied edits were saved and some could not be made.
pub fn not_applied_notice(n: usize) -> String {
    match n {
        1 => "Saved; 1 edit no longer applies: see the list".to_owned(),
        n => format!("Saved; {n} edits no longer apply: see the list"),
    }
}

/// Why an edit's quote cannot be opened again.
pub fn quote_gone(article: &str) -> String {
    format!(
        "The quote is no longer in article {article} as loaded now: open the article and select the passage again."
    )
}

/// Under the coordinates of a place no gazetteer knows, in the claim form.
pub fn place_by_hand_hint() -> String {
    "No gazetteer knows this place: click the map where it is, or type its latitude and longitude (34.47, 40.93). It is added to places.toml as placed by hand.".to_owned()
}

/// Over the other quotes of a claim accepted from several candidates.
pub fn more_quotes(n: usize) -> String {
    match n {
        1 => "1 more quote of the same claim goes with it:".to_owned(),
        n => format!("{n} more quotes of the same claim go with it:"),
    }
}

/// In the claim form, when a candidate's claim is already an event.
pub fn same_claim_found(quotes: usize) -> String {
    let what = if quotes == 1 {
        "its quote".to_owned()
    } else {
        format!("its {quotes} quotes")
    };
    format!(
        "This claim is already an event (first below): attach {what} to it, or choose \"New event\"."
    )
}

/// Over the candidates the assistant is least sure of, set apart in the reader's list.
pub fn weaker_candidates_heading() -> String {
    "Less sure (something essential is missing or doubtful: check before accepting)".to_owned()
}

/// The rule that fired for a candidate, under its quotes.
pub fn candidate_rule(reason: &str) -> String {
    format!("Rule: {reason}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(precision: DatePrecision, relative: bool) -> DateMention {
        DateMention {
            text: "on Saturday".into(),
            start: 0,
            end: 11,
            date: NaiveDate::from_ymd_opt(2017, 11, 11).unwrap(),
            precision,
            relative,
        }
    }

    #[test]
    fn a_date_phrase_says_its_day_with_the_weekday_and_how_closely() {
        assert_eq!(
            date_mention_sentence(&date(DatePrecision::Day, false)),
            "Saturday 11 November 2017, known to the day"
        );
        assert_eq!(
            date_mention_sentence(&date(DatePrecision::Month, true)),
            "November 2017, known to the month (counted from the date before it in the text)"
        );
        assert_eq!(
            date_mention_sentence(&date(DatePrecision::Year, false)),
            "2017, known to the year"
        );
    }

    #[test]
    fn a_new_place_says_where_it_comes_from() {
        let mut p = PlaceMention {
            place: "hit".into(),
            name: "Hit".into(),
            new_place: true,
            latitude: 33.6416,
            longitude: 42.8251,
            text: "Hit".into(),
            start: 0,
            end: 3,
        };
        assert_eq!(
            place_mention_sentence(&p),
            "Hit: not in the data yet: from the regional gazetteer (33.64, 42.83)"
        );
        p.new_place = false;
        assert_eq!(place_mention_sentence(&p), "Hit");
    }

    #[test]
    fn coverage_in_words() {
        assert_eq!(
            coverage_line(3, 14, 2),
            "3 of 14 sentences back a claim · 2 candidates open"
        );
        assert_eq!(
            coverage_line(0, 1, 1),
            "0 of 1 sentence back a claim · 1 candidate open"
        );
        assert_eq!(
            coverage_line(1, 1, 0),
            "1 of 1 sentence backs a claim · no candidate open"
        );
        assert_eq!(
            coverage_line(1, 9, 0),
            "1 of 9 sentences backs a claim · no candidate open"
        );
    }
}
