//! Searching places by any of their names as the user types: fuzzy, and blind to accents,
//! case, punctuation and the Arabic or Latin article, in Latin and Arabic script alike.
//!
//! Every name and alias of every place is reduced once to a search key ([`search_key`]); a
//! query is reduced the same way and compared with every key. Matches rank by kind (exact,
//! then prefix, then substring, then fuzzy) and, within a kind, by how much of the name the
//! query covers (or, for fuzzy matches, how few edits it needs), so that "qaim" lists the town
//! Al-Qa'im before the Al-Qa'im border crossing. Each place appears once, under its best name.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::store::{Place, PlaceIx};

/// Latin articles dropped from the front of a name for its second key, when a space or a
/// hyphen follows ("Al-Qa'im" is also found as "qaim"; "Albu Kamal" keeps its "al").
const LATIN_ARTICLES: &[&str] = &[
    "al", "el", "ar", "as", "ad", "an", "az", "ash", "at", "ath", "adh", "the",
];
/// The Arabic article (alef, lam), dropped from the front of a name for its second key.
const ARABIC_ARTICLE: &str = "\u{0627}\u{0644}";
/// Fuzzy matches below this similarity (1 - edits / length) are not shown.
const FUZZY_THRESHOLD: f32 = 0.75;
/// Queries shorter than this (in key characters) match only exactly, by prefix or substring:
/// two letters are one edit away from too much.
const FUZZY_MIN_LEN: usize = 3;
/// A match through a key without its article ranks just below the same match with it.
const ARTICLE_PENALTY: f32 = 0.95;

/// How a query matched a name, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Fuzzy,
    Substring,
    Prefix,
    Exact,
}

/// A place found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    pub place: PlaceIx,
    /// The name or alias that matched, as written in the data.
    pub alias: &'a str,
    pub kind: MatchKind,
    /// Higher is better: the kind's rank (0 fuzzy to 3 exact) plus a fraction below 1 for
    /// the match's quality.
    pub score: f32,
}

/// One search key of one name.
#[derive(Debug, Clone)]
struct Entry {
    place: PlaceIx,
    /// Index into [`SearchIndex::names`].
    name: u32,
    key: String,
    chars: u32,
    mask: u64,
    /// The key of the name without its article.
    without_article: bool,
}

/// Every name of every place, as search keys. Built once per load.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    names: Vec<String>,
    places: usize,
}

impl SearchIndex {
    /// Indexes every place's name and aliases (the name first, so that it is the one shown when
    /// several of a place's names match equally well).
    pub fn new(places: &[Place]) -> SearchIndex {
        SearchIndex::from_names(places.iter().enumerate().flat_map(|(ix, p)| {
            std::iter::once((ix, p.name.as_str()))
                .chain(p.aliases.iter().map(move |a| (ix, a.as_str())))
        }))
    }

    /// Indexes `(place, name)` pairs, a place's preferred names first.
    pub fn from_names<'a>(names: impl IntoIterator<Item = (PlaceIx, &'a str)>) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut seen: HashSet<(PlaceIx, String)> = HashSet::new();
        for (place, name) in names {
            index.places = index.places.max(place + 1);
            let name_ix = index.names.len() as u32;
            let mut used = false;
            let keys = std::iter::once((search_key(name), false))
                .chain(key_without_article(name).map(|k| (k, true)));
            for (key, without_article) in keys {
                if key.is_empty() || !seen.insert((place, key.clone())) {
                    continue;
                }
                used = true;
                index.entries.push(Entry {
                    place,
                    name: name_ix,
                    chars: key.chars().count() as u32,
                    mask: char_mask(&key),
                    key,
                    without_article,
                });
            }
            if used {
                index.names.push(name.to_owned());
            }
        }
        index
    }

    /// The `limit` best places for a query, best first (ties by place index). An empty query,
    /// or one of only punctuation, finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit<'_>> {
        let full = search_key(query);
        if full.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut queries = vec![(Query::new(full), 1.0)];
        if let Some(k) = key_without_article(query) {
            queries.push((Query::new(k), ARTICLE_PENALTY));
        }
        // The best (score, kind, name) per place.
        let mut best: Vec<Option<(f32, MatchKind, u32)>> = vec![None; self.places];
        for entry in &self.entries {
            let penalty = if entry.without_article {
                ARTICLE_PENALTY
            } else {
                1.0
            };
            for (q, query_penalty) in &queries {
                let Some((kind, quality)) = q.compare(entry) else {
                    continue;
                };
                let score = kind as u8 as f32 + 0.99 * quality * penalty * query_penalty;
                let slot = &mut best[entry.place];
                if slot.is_none_or(|(s, ..)| score > s) {
                    *slot = Some((score, kind, entry.name));
                }
            }
        }
        let mut hits: Vec<Hit> = best
            .iter()
            .enumerate()
            .filter_map(|(place, b)| {
                b.map(|(score, kind, name)| Hit {
                    place,
                    alias: &self.names[name as usize],
                    kind,
                    score,
                })
            })
            .collect();
        let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.place.cmp(&b.place));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits
    }
}

/// A query's key, with what the fuzzy comparison's filters need.
struct Query {
    key: String,
    chars: usize,
    mask: u64,
}

impl Query {
    fn new(key: String) -> Query {
        Query {
            chars: key.chars().count(),
            mask: char_mask(&key),
            key,
        }
    }

    /// How the query matches an entry's key, with a quality in [0, 1].
    fn compare(&self, entry: &Entry) -> Option<(MatchKind, f32)> {
        let coverage = || self.chars as f32 / entry.chars as f32;
        if entry.key == self.key {
            return Some((MatchKind::Exact, 1.0));
        }
        if entry.key.starts_with(&self.key) {
            return Some((MatchKind::Prefix, coverage()));
        }
        if entry.key.contains(&self.key) {
            return Some((MatchKind::Substring, coverage()));
        }
        if self.chars < FUZZY_MIN_LEN {
            return None;
        }
        // Lower bounds on the edits, cheap enough to skip most keys: the difference in length,
        // and the characters (hashed into 64 classes) one has and the other lacks.
        let longest = self.chars.max(entry.chars as usize) as f32;
        let bound = (self.chars.abs_diff(entry.chars as usize) as u32)
            .max((self.mask & !entry.mask).count_ones())
            .max((entry.mask & !self.mask).count_ones());
        if 1.0 - bound as f32 / longest < FUZZY_THRESHOLD {
            return None;
        }
        let edits = strsim::osa_distance(&self.key, &entry.key) as f32;
        let similarity = 1.0 - edits / longest;
        (similarity >= FUZZY_THRESHOLD).then_some((MatchKind::Fuzzy, similarity))
    }
}

/// Characters hashed into 64 classes: the classes one string has and another lacks bound the
/// edits between them from below.
fn char_mask(key: &str) -> u64 {
    key.chars().fold(0, |m, c| {
        m | 1u64 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
    })
}

/// A name as the search compares it: compatibility-decomposed (NFKD) with combining marks
/// dropped (accents, Arabic vowel signs and hamza), lower-case, Arabic letter variants unified
/// (teh marbuta as heh, alef maksura and Persian yeh as yeh, keheh as kaf, alef wasla as alef),
/// and only letters and digits kept: apostrophes, ʿayn signs, hyphens, spaces and the Arabic
/// tatweel do not count.
pub fn search_key(name: &str) -> String {
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            '\u{0629}' => Some('\u{0647}'),
            '\u{0649}' | '\u{06CC}' => Some('\u{064A}'),
            '\u{06A9}' => Some('\u{0643}'),
            '\u{0671}' => Some('\u{0627}'),
            // Tatweel and spacing modifier letters (ʿ ʼ ʾ) are letters to Unicode, not here.
            '\u{0640}' | '\u{02B0}'..='\u{02FF}' => None,
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The key of a name without its leading article: "al-" or "el " and the like in Latin script
/// (only when a space or hyphen follows, so "Albu Kamal" keeps it), "ال" in Arabic script (when
/// at least two letters follow). None when the name has no article.
fn key_without_article(name: &str) -> Option<String> {
    let trimmed = name.trim_start();
    let lower = trimmed.to_lowercase();
    let rest = LATIN_ARTICLES
        .iter()
        .find_map(|article| {
            lower
                .strip_prefix(article)
                .filter(|rest| rest.starts_with([' ', '-', '\u{2010}', '\u{2011}']))
        })
        .map(str::to_owned)
        .or_else(|| {
            let key = search_key(trimmed);
            key.strip_prefix(ARABIC_ARTICLE)
                .filter(|rest| rest.chars().count() >= 2)
                .map(str::to_owned)
        })?;
    let key = search_key(&rest);
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_accents_case_punctuation_and_letter_variants() {
        assert_eq!(search_key("Abū Kamāl"), "abukamal");
        assert_eq!(search_key("Al-Qa’im"), "alqaim");
        assert_eq!(search_key("‘Anah"), "anah");
        assert_eq!(search_key("Markaz Qaḑā‘ al Qā‘im"), "markazqadaalqaim");
        // Hamza on alef is a combining mark after NFKD; tatweel and vowel signs go too.
        assert_eq!(search_key("أبو كمال"), search_key("ابو كمال"));
        assert_eq!(search_key("البوكـمال"), "البوكمال");
        assert_eq!(search_key("رَاوَة"), search_key("راوه"));
        assert_eq!(search_key("  -' "), "");
    }

    #[test]
    fn articles_are_dropped_for_a_second_key() {
        assert_eq!(key_without_article("Al-Qa'im").as_deref(), Some("qaim"));
        assert_eq!(key_without_article("el Qa’im").as_deref(), Some("qaim"));
        assert_eq!(key_without_article("Albu Kamal"), None);
        assert_eq!(key_without_article("Anah"), None);
        assert_eq!(key_without_article("البوكمال").as_deref(), Some("بوكمال"));
        assert_eq!(key_without_article("الرمانة").as_deref(), Some("رمانه"));
        // "Al" alone, or "ال" with too little after it, is not an article.
        assert_eq!(key_without_article("al "), None);
        assert_eq!(key_without_article("الي"), None);
    }

    fn index() -> SearchIndex {
        SearchIndex::from_names([
            (0, "Abu Kamal"),
            (0, "Bukamal"),
            (1, "Al-Qa'im"),
            (1, "Qaim"),
            (2, "Al-Qa'im border crossing"),
            (3, "Rawa"),
            (3, "راوة"),
        ])
    }

    #[test]
    fn matches_rank_exact_prefix_substring_fuzzy() {
        let ix = index();
        let hit = |q: &str| ix.search(q, 10);
        assert_eq!(hit("bukamal")[0].kind, MatchKind::Exact);
        assert_eq!(hit("bukamal")[0].alias, "Bukamal");
        assert_eq!(hit("buka")[0].kind, MatchKind::Prefix);
        assert_eq!(hit("kamal")[0].kind, MatchKind::Substring);
        // Of two names that contain the query, the one it covers more of.
        assert_eq!(hit("kamal")[0].alias, "Bukamal");
        assert_eq!(hit("bukamel")[0].kind, MatchKind::Fuzzy);
        assert_eq!(hit("bukamel")[0].place, 0);
        let qaim = hit("qaim");
        assert_eq!(
            qaim.iter().map(|h| (h.place, h.kind)).collect::<Vec<_>>(),
            vec![(1, MatchKind::Exact), (2, MatchKind::Prefix)]
        );
        assert!(qaim[0].score > qaim[1].score);
        assert_eq!(hit("راوه")[0].place, 3);
        assert_eq!(hit("راوه")[0].alias, "راوة");
    }

    #[test]
    fn nothing_for_empty_or_hopeless_queries() {
        let ix = index();
        assert!(ix.search("", 10).is_empty());
        assert!(ix.search(" -'", 10).is_empty());
        assert!(ix.search("paris", 10).is_empty());
        assert!(ix.search("qaim", 0).is_empty());
        // Two letters match only as written, never fuzzily.
        assert!(ix.search("qx", 10).is_empty());
    }

    #[test]
    fn a_limit_keeps_the_best() {
        let ix = index();
        let all = ix.search("a", 10);
        assert_eq!(all.len(), 4);
        let two = ix.search("a", 2);
        assert_eq!(two, all[..2].to_vec());
    }
}
