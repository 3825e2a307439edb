//! The articles' words: a sentence for each claim, a phrase that dates it the way the
//! validator reads it, and articles whose text holds every quote exactly once (or with a
//! prefix that says which occurrence is meant).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::day_of;
use super::geography::SynthPlace;
use super::history::{Ctrl, Source, SynthEvent};
use super::rng::Rng;
use super::vocabulary::{ACTORS, ATTRIBUTIONS, FILLER, OUTLETS};
use crate::store::EventKind;
use crate::store::dates::resolve_phrase;

/// An article of the corpus; its id and file follow from its index.
pub(super) struct SynthArticle {
    pub date: NaiveDate,
    pub title: String,
    pub outlet: &'static str,
    pub text: String,
}

/// `count` articles, dated evenly over `days` days, the first on the first day and the last on
/// the last, so that every event has an article on or after its day. Each claim in `events` is
/// cited by one to three articles from the week after it: its sources are filled in here.
pub(super) fn articles(
    rng: &mut Rng,
    places: &[SynthPlace],
    events: &mut [SynthEvent],
    count: usize,
    days: u64,
) -> Vec<SynthArticle> {
    let k = count;
    let article_day: Vec<u64> = (0..k)
        .map(|j| {
            if k == 1 {
                days - 1
            } else {
                (j as u64 * (days - 1)) / (k as u64 - 1)
            }
        })
        .collect();
    let citations = cite(rng, places, events, &article_day);
    citations
        .iter()
        .enumerate()
        .map(|(a, cited)| article(rng, places, events, day_of(article_day[a]), cited))
        .collect()
}

/// An article of `date` that reports the `cited` (event, source) pairs, in order, each quote
/// a sentence of its own. The sources get their final wording and, where a quote occurs
/// more than once, a prefix.
fn article(
    rng: &mut Rng,
    places: &[SynthPlace],
    events: &mut [SynthEvent],
    date: NaiveDate,
    cited: &[(usize, usize)],
) -> SynthArticle {
    let outlet = rng.word(&OUTLETS);
    let (title, dateline) = match cited.first() {
        Some(&(e, _)) => {
            let ev = &events[e];
            let p = &places[ev.place].name;
            let verb = match ev.kind {
                EventKind::Report => "holds",
                EventKind::Entered => "fights for",
                _ => "takes",
            };
            let who = match ev.to {
                Ctrl::Held(x) | Ctrl::Contested(x, _) => ACTORS[x].name,
            };
            (format!("{who} {verb} {p}"), p.to_uppercase())
        }
        None => ("Calm along the rivers".to_owned(), "DAMASCUS".to_owned()),
    };
    let mut text = String::with_capacity(200 + cited.len() * 200);
    let _ = write!(
        text,
        "{title}\n\n{outlet} · {}\n\n{dateline} — ",
        date.format("%A %-d %B %Y")
    );
    let mut spans = Vec::with_capacity(cited.len());
    for (i, &(e, s)) in cited.iter().enumerate() {
        if i > 0 && rng.chance(0.4) {
            text.push_str("\n\n");
        } else if i > 0 {
            text.push(' ');
        }
        // The quote is the sentence as written (capitalised at the start of one).
        let sentence = capitalise(&events[e].sources[s].quote);
        spans.push((e, s, text.len()));
        text.push_str(&sentence);
        events[e].sources[s].quote = sentence;
        text.push_str(rng.word(&ATTRIBUTIONS));
        if rng.chance(0.5) {
            text.push(' ');
            text.push_str(rng.word(&FILLER));
        }
    }
    if cited.is_empty() {
        text.push_str(rng.word(&FILLER));
    }
    text.push('\n');
    for (e, s, at) in spans {
        let source = &mut events[e].sources[s];
        source.prefix = disambiguating_prefix(&text, &source.quote, at);
    }
    SynthArticle {
        date,
        title,
        outlet,
        text,
    }
}

/// Each quote must occur once in its article; where it does not, the text just before the
/// occurrence at byte `at`, long enough to tell it from the others.
fn disambiguating_prefix(text: &str, quote: &str, at: usize) -> Option<String> {
    if text.matches(quote).count() <= 1 {
        return None;
    }
    let mut len = 16;
    loop {
        let mut from = at.saturating_sub(len);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let prefix = &text[from..at];
        let hits = text
            .match_indices(quote)
            .filter(|(i, _)| text[..*i].ends_with(prefix))
            .count();
        if hits == 1 || from == 0 {
            return Some(prefix.to_owned());
        }
        len *= 2;
    }
}

/// Writes the sources of every claim: which articles cite it, in what words. Returns, for each
/// article, the (event, source) pairs it cites, in order.
fn cite(
    rng: &mut Rng,
    places: &[SynthPlace],
    events: &mut [SynthEvent],
    article_day: &[u64],
) -> Vec<Vec<(usize, usize)>> {
    let k = article_day.len();
    let mut per_article: Vec<Vec<(usize, usize)>> = vec![Vec::new(); k];
    // Each claim is cited by one to three articles from the week after it.
    for (e, ev) in events.iter_mut().enumerate() {
        let lo = article_day.partition_point(|d| *d < ev.day);
        let hi = article_day
            .partition_point(|d| *d <= ev.day + 7)
            .max(lo + 1)
            .min(k);
        let want = match rng.below(100) {
            0..=69 => 1,
            70..=91 => 2,
            _ => 3,
        }
        .min(hi - lo);
        let chosen = rng.distinct_sorted(want, hi - lo);
        let event_date = day_of(ev.day);
        let place = &places[ev.place].name;
        for c in chosen {
            let a = lo + c;
            let article_date = day_of(article_day[a]);
            let (mut when, checked) = date_phrase(rng, event_date, article_date);
            let phrase = checked.then(|| when.clone());
            if let Some(h) = ev.hour {
                when = format!("at {h:02}:00 {when}");
            }
            let text = sentence(rng, ev, place, &when);
            per_article[a].push((e, ev.sources.len()));
            ev.sources.push(Source {
                article: a,
                quote: text,
                date_phrase: phrase,
                prefix: None,
            });
        }
    }
    per_article
}

/// A phrase that dates `event` in an article of `article`, checked against the resolver that
/// validates it.
fn date_phrase(rng: &mut Rng, event: NaiveDate, article: NaiveDate) -> (String, bool) {
    let delta = (article - event).num_days();
    let weekday = event.format("%A").to_string();
    let phrase = match delta {
        0 if rng.chance(0.5) => "today".to_owned(),
        1 if rng.chance(0.5) => "yesterday".to_owned(),
        0..=6 => format!("on {weekday}"),
        7 => format!("last {weekday}"),
        _ => format!("on {} {}", event.day(), event.format("%B %Y")),
    };
    let checked = resolve_phrase(&phrase, article).is_some_and(|r| r.contains(event));
    (phrase, checked)
}

/// The claim in words, e.g. "National Army troops retook Tal Bira on Friday".
fn sentence(rng: &mut Rng, ev: &SynthEvent, place: &str, when: &str) -> String {
    let f = |a: usize| ACTORS[a].forces;
    let n = |a: usize| ACTORS[a].name;
    match (ev.kind, ev.from, ev.to) {
        (EventKind::Report, _, Ctrl::Held(a)) => match rng.below(3) {
            0 => format!("{place} was still held by the {} {when}", n(a)),
            1 => format!("{} remained in control of {place} {when}", f(a)),
            _ => format!("the {} kept its hold on {place} {when}", n(a)),
        },
        (EventKind::Report, _, Ctrl::Contested(a, b)) => format!(
            "fighting between the {} and the {} went on in {place} {when}",
            n(a),
            n(b)
        ),
        (EventKind::Entered, _, Ctrl::Contested(a, b)) => {
            // `a` held it; `b` came in.
            match rng.below(2) {
                0 => format!(
                    "{} entered {place} {when}, where the {} was still fighting",
                    f(b),
                    n(a)
                ),
                _ => format!(
                    "clashes between the {} and the {} broke out inside {place} {when}",
                    n(a),
                    n(b)
                ),
            }
        }
        (EventKind::Declared, _, Ctrl::Held(w)) => {
            format!("the {} declared victory in {place} {when}", n(w))
        }
        (EventKind::Withdrawal, Some(Ctrl::Held(a)), Ctrl::Held(b)) => format!(
            "the {} withdrew from {place} {when}, leaving it to the {}",
            n(a),
            n(b)
        ),
        (EventKind::Recapture, _, Ctrl::Held(b)) => match rng.below(2) {
            0 => format!("{} recaptured {place} {when}", f(b)),
            _ => format!("{} retook {place} {when}", f(b)),
        },
        (_, from, Ctrl::Held(b)) => match (rng.below(3), from) {
            (0, Some(Ctrl::Held(a))) => {
                format!("{} captured {place} from the {} {when}", f(b), n(a))
            }
            (1, _) => format!("{place} fell to the {} {when}", n(b)),
            _ => format!("{} took control of {place} {when}", f(b)),
        },
        (_, _, Ctrl::Contested(a, b)) => format!(
            "{place} was contested between the {} and the {} {when}",
            n(a),
            n(b)
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_quote_gets_a_prefix_that_picks_it_out() {
        let text = "Reports said: IS held the town. Later: IS held the town.\n";
        let quote = "IS held the town";
        for at in [text.find(quote).unwrap(), text.rfind(quote).unwrap()] {
            let prefix = disambiguating_prefix(text, quote, at).unwrap();
            assert!(text[..at].ends_with(&prefix));
            let picked: Vec<usize> = text
                .match_indices(quote)
                .map(|(i, _)| i)
                .filter(|i| text[..*i].ends_with(&prefix))
                .collect();
            assert_eq!(picked, vec![at]);
        }
        assert_eq!(disambiguating_prefix(text, "Later", 32), None);
    }

    #[test]
    fn phrases_within_a_week_date_the_claim() {
        let article = NaiveDate::from_ymd_opt(2017, 11, 12).unwrap();
        let mut rng = Rng::new(9);
        for back in 0..=6 {
            let event = article - chrono::Days::new(back);
            for _ in 0..10 {
                let (phrase, checked) = date_phrase(&mut rng, event, article);
                assert!(checked, "{phrase:?} for {event} in an article of {article}");
            }
        }
    }
}
