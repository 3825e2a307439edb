//! Places no list knows: a name written where a place's name stands ("the desert town of
//! Akashat", "the villages of A, B and C", "captured Akashat on Sunday", "بلدة عكاشات") that
//! is neither the data's nor the gazetteer's. They become candidates with no id, by the name
//! as written, for the user to place.

use crate::store::dates::{MONTHS, WEEKDAYS};
use crate::store::names::match_key;

use super::super::dates::DateMatch;
use super::super::lexicon::{NameMatch, Referent};
use super::super::text::Token;

/// Nouns after which "of" introduces a place's name.
const PLACE_NOUNS: &[&str] = &[
    "town", "towns", "city", "cities", "village", "villages", "hamlet", "hamlets",
];
/// Verbs whose direct object, written as a name, is a place.
const TAKING_VERBS: &[&str] = &[
    "captured",
    "seized",
    "took",
    "recaptured",
    "retook",
    "liberated",
    "entered",
    "overran",
    "stormed",
];
/// Words that may follow a place's name after a taking verb.
const AFTER_OBJECT: &[&str] = &[
    "on",
    "from",
    "in",
    "after",
    "last",
    "early",
    "late",
    "and",
    "yesterday",
    "earlier",
    "this",
    "two",
    "a",
    "three",
];
/// Arabic nouns for a town, a city, a village (with the dual forms): the word after is a name.
const ARABIC_PLACE_NOUNS: &[&str] = &[
    "بلدة",
    "مدينة",
    "قرية",
    "بلدتي",
    "مدينتي",
    "قريتي",
    "ناحية",
    "قضاء",
];
/// Arabic words after "مدينة" that are no name (match keys): verbs, relatives and adjectives
/// ("آخر مدينة يسيطر عليها التنظيم", "مدينة رئيسية").
const ARABIC_NOT_NAMES: &[&str] = &[
    "يسيطر",
    "تسيطر",
    "يسيطرون",
    "كانت",
    "كان",
    "التي",
    "الذي",
    "رئيسية",
    "كبيرة",
    "صغيرة",
    "مهمة",
    "استراتيجية",
    "حدودية",
    "سورية",
    "عراقية",
];
/// Arabic words that open a two-word name ("أبو", "تل").
const ARABIC_NAME_HEADS: &[&str] = &["ابو", "تل", "عين", "دير", "البو", "راس", "جسر", "بير"];
/// Articles that open a name in lower case ("al-Hamdan").
const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "az", "an", "at"];

fn capitalised(text: &str, t: &Token) -> bool {
    t.is_word
        && text[t.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

fn arabic(t: &Token) -> bool {
    t.is_word
        && t.lower
            .chars()
            .all(|c| matches!(c as u32, 0x0621..=0x064A | 0x0671..=0x06D3))
}

/// The end (exclusive) of a name starting at token `i`: capitalised words, joined by spaces or
/// hyphens, an article in lower case allowed first ("al-Hamdan").
fn name_run(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    if tokens
        .get(k)
        .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()))
        && tokens.get(k + 1).is_some_and(|t| t.lower == "-")
    {
        k += 2;
    }
    if !tokens.get(k).is_some_and(|t| capitalised(text, t)) {
        return None;
    }
    let mut end = k + 1;
    loop {
        let joined_by_hyphen = tokens.get(end).is_some_and(|t| t.lower == "-")
            && tokens.get(end + 1).is_some_and(|t| capitalised(text, t));
        // "Ukash al-Gharbi": an article inside the name.
        let inner_article = tokens
            .get(end)
            .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()))
            && tokens.get(end + 1).is_some_and(|t| t.lower == "-")
            && tokens.get(end + 2).is_some_and(|t| capitalised(text, t));
        if inner_article {
            end += 3;
        } else if joined_by_hyphen {
            end += 2;
        } else if tokens.get(end).is_some_and(|t| capitalised(text, t))
            && !text[tokens[end - 1].end..tokens[end].start].contains('\n')
        {
            end += 1;
        } else {
            return Some(end);
        }
    }
}

fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.iter().any(|(d, _)| *d == w)
}

/// Finds the unknown places of a text, adds them to its names (in order) and returns their
/// names as written, by index.
pub(super) fn find_unknown_places(
    text: &str,
    tokens: &[Token],
    names: &mut Vec<NameMatch>,
    dates: &[DateMatch],
) -> Vec<String> {
    let mut covered = vec![false; tokens.len()];
    for n in names.iter() {
        covered[n.tokens.clone()].fill(true);
    }
    for d in dates {
        covered[d.tokens.clone()].fill(true);
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    let free = |covered: &[bool], a: usize, b: usize| !covered[a..b].iter().any(|&c| c);
    let mut i = 0;
    while i < tokens.len() {
        let w = tokens[i].lower.as_str();
        if PLACE_NOUNS.contains(&w) && tokens.get(i + 1).is_some_and(|t| t.lower == "of") {
            // "the villages of A, B and C": every item of the list.
            let mut k = i + 2;
            loop {
                let end = if covered.get(k).copied().unwrap_or(true) {
                    names
                        .iter()
                        .find(|n| n.tokens.start == k)
                        .map(|n| n.tokens.end)
                } else {
                    name_run(text, tokens, k)
                        .filter(|&e| free(&covered, k, e))
                        .filter(|&e| !is_calendar_word(&tokens[e - 1].lower))
                        .inspect(|&e| found.push((k, e)))
                };
                let Some(end) = end else { break };
                k = end;
                if !w.ends_with('s') {
                    break;
                }
                match tokens.get(k).map(|t| t.lower.as_str()) {
                    Some(",") if tokens.get(k + 1).is_some_and(|t| t.lower == "and") => k += 2,
                    Some("," | "and") => k += 1,
                    _ => break,
                }
            }
            i = k.max(i + 1);
            continue;
        }
        if TAKING_VERBS.contains(&w)
            && let Some(end) = name_run(text, tokens, i + 1)
            && free(&covered, i + 1, end)
            && !is_calendar_word(&tokens[end - 1].lower)
            && tokens
                .get(end)
                .is_none_or(|t| !t.is_word || AFTER_OBJECT.contains(&t.lower.as_str()))
            && !tokens
                .get(end)
                .is_some_and(|t| t.lower == "-" || t.lower == "'")
        {
            found.push((i + 1, end));
            i = end;
            continue;
        }
        if ARABIC_PLACE_NOUNS.contains(&w)
            && tokens.get(i + 1).is_some_and(arabic)
            && !covered[i + 1]
            && !ARABIC_NOT_NAMES.contains(&match_key(&tokens[i + 1].lower).as_str())
        {
            let two = ARABIC_NAME_HEADS.contains(&match_key(&tokens[i + 1].lower).as_str())
                && tokens.get(i + 2).is_some_and(arabic)
                && !covered.get(i + 2).copied().unwrap_or(true);
            let end = i + 2 + usize::from(two);
            found.push((i + 1, end));
            i = end;
            continue;
        }
        i += 1;
    }
    let mut unknown: Vec<String> = Vec::new();
    for (a, b) in found {
        let written = text[tokens[a].start..tokens[b - 1].end].to_owned();
        let k = match unknown
            .iter()
            .position(|u| match_key(u) == match_key(&written))
        {
            Some(k) => k,
            None => {
                unknown.push(written);
                unknown.len() - 1
            }
        };
        names.push(NameMatch {
            referent: Referent::Unknown(k),
            tokens: a..b,
            start: tokens[a].start,
            end: tokens[b - 1].end,
            possessive: false,
        });
    }
    names.sort_by_key(|n| n.tokens.start);
    unknown
}
