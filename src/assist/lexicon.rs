//! Names in a text: the places and actors they refer to. Every alias is compared by its match
//! key (case, accents, apostrophes, hyphens and spaces ignored, as the store does), over runs of
//! up to a few words, longest first, so that "the Al Qaim border crossing" is the crossing and
//! not the town.

use std::collections::HashMap;
use std::ops::Range;

use crate::store::names::{match_key, match_key_without_article};

use super::text::Token;

/// What a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Referent {
    /// A place of the assistant's list (the data's places, then the gazetteer's).
    Place(usize),
    /// An actor of the data.
    Actor(usize),
    /// "government forces", "the army": the government of the country the clause is about.
    Government,
    /// "it", "they", "his forces": someone named earlier.
    Anaphor,
    /// A place no list knows, named as a place is ("the town of Akashat"): an index of the
    /// text's unknown names.
    Unknown(usize),
}

/// How a name must be written in the text to count.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Case {
    /// Any case ("regime forces", "Regime forces").
    Any,
    /// Capitalised, as place names are ("Hit" the town, not "hit" the verb).
    Capitalised,
    /// Exactly these letters, for acronyms ("IS", not "is").
    Exact(String),
}

#[derive(Debug, Clone)]
struct Rule {
    referent: Referent,
    case: Case,
    /// Lower wins when several entries share a name.
    rank: u64,
}

/// A name found in a text.
#[derive(Debug, Clone)]
pub(crate) struct NameMatch {
    pub referent: Referent,
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte offsets (without a possessive "'s").
    pub start: usize,
    pub end: usize,
    /// Written as a possessive ("Daesh's caliphate").
    pub possessive: bool,
}

/// The clitics that Arabic writes on the front of a name: "and", "so", "in/by", "to", "as",
/// and their pairs; longest first.
const ARABIC_CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// A letter of the Arabic script.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x064A | 0x0671..=0x06D3 | 0x06FA..=0x06FF)
}

/// Articles that may open a place name in lower case ("al-Bukamal", "ad-Dawr").
const NAME_ARTICLES: &[&str] = &[
    "al", "el", "ar", "as", "ad", "an", "az", "ash", "at", "ath", "adh",
];

/// Every name the assistant knows, by match key.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    by_key: HashMap<String, Vec<Rule>>,
    /// The data's place names by their sound in Latin letters, for spellings no list has
    /// ("Annah", "Deir el-Zour", "Husaibah").
    by_sound: HashMap<String, Vec<Rule>>,
    max_words: usize,
}

impl Lexicon {
    /// Adds a place name. `rank` orders places that share a name (the data's before the
    /// gazetteer's, then the more populous).
    pub(crate) fn add_place(&mut self, place: usize, name: &str, rank: u64) {
        self.add(name, Referent::Place(place), Case::Capitalised, rank);
    }

    /// Adds an actor's name; acronyms must be written in capitals.
    pub(crate) fn add_actor(&mut self, actor: usize, name: &str) {
        let case = if is_acronym(name) {
            Case::Exact(letters(name))
        } else {
            Case::Any
        };
        self.add(name, Referent::Actor(actor), case, 0);
    }

    /// Adds a name that refers to a government by context, or back to someone named earlier.
    /// It replaces what the key meant before ("government forces" is not always Syrian).
    pub(crate) fn add_contextual(&mut self, name: &str, referent: Referent) {
        self.by_key.remove(&match_key(name));
        self.add(name, referent, Case::Any, 0);
    }

    fn add(&mut self, name: &str, referent: Referent, case: Case, rank: u64) {
        let words = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        self.max_words = self.max_words.max(words.count());
        let mut keys = vec![match_key(name)];
        if matches!(referent, Referent::Place(_))
            && let Some(loose) = match_key_without_article(name)
        {
            keys.push(loose);
        }
        // The data's own places only (rank 0): the gazetteer's many small names would meet
        // ordinary words.
        if matches!(referent, Referent::Place(_)) && rank == 0 {
            for key in &keys {
                if let Some(sound) = sound(key) {
                    let rules = self.by_sound.entry(sound).or_default();
                    if !rules.iter().any(|r| r.referent == referent) {
                        rules.push(Rule {
                            referent,
                            case: case.clone(),
                            rank,
                        });
                    }
                }
            }
        }
        for key in keys {
            if key.chars().count() < 2 {
                continue;
            }
            let rules = self.by_key.entry(key).or_default();
            if !rules.iter().any(|r| r.referent == referent) {
                rules.push(Rule {
                    referent,
                    case: case.clone(),
                    rank,
                });
            }
        }
    }

    /// The names in a text, left to right, longest first where they overlap.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<NameMatch> {
        let keys: Vec<String> = tokens
            .iter()
            .map(|t| {
                if t.is_word {
                    match_key(&t.lower)
                } else {
                    String::new()
                }
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].is_word {
                i += 1;
                continue;
            }
            match self
                .longest_at(text, tokens, &keys, i)
                .or_else(|| self.with_clitic_at(text, tokens, &keys, i))
            {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(
        &self,
        text: &str,
        tokens: &[Token],
        keys: &[String],
        first: usize,
    ) -> Option<NameMatch> {
        // The spans that could be names: words joined by hyphens, apostrophes or full stops,
        // never across other punctuation or a line break.
        let mut ends = Vec::new();
        let mut words = 0;
        for j in first..tokens.len() {
            let t = &tokens[j];
            if j > first && text[tokens[j - 1].end..t.start].contains('\n') {
                break;
            }
            if t.is_word {
                words += 1;
                ends.push(j);
                if words >= self.max_words {
                    break;
                }
            } else if !matches!(t.lower.as_str(), "-" | "‐" | "." | "'" | "’") {
                break;
            }
        }
        for &last in ends.iter().rev() {
            let key: String = keys[first..=last].concat();
            let span = &text[tokens[first].start..tokens[last].end];
            if let Some(referent) = self.best(&key, span) {
                return Some(NameMatch {
                    referent,
                    tokens: first..last + 1,
                    start: tokens[first].start,
                    end: tokens[last].end,
                    possessive: false,
                });
            }
            // "Daesh's", "Iraq's": the name without its possessive.
            if let Some(stem) = possessive_stem(&tokens[last].lower) {
                let key = format!("{}{}", keys[first..last].concat(), match_key(stem));
                let end = tokens[last].start + stem.len();
                let span = &text[tokens[first].start..end];
                if let Some(referent) = self.best(&key, span) {
                    return Some(NameMatch {
                        referent,
                        tokens: first..last + 1,
                        start: tokens[first].start,
                        end,
                        possessive: true,
                    });
                }
            }
        }
        None
    }

    /// An Arabic name behind its clitics: "والعشارة" is "و" + "العشارة", "بالرقة" is "ب" +
    /// "الرقة", "للرقة" is "ل" + "الرقة". The name starts after the clitic.
    fn with_clitic_at(
        &self,
        text: &str,
        tokens: &[Token],
        keys: &[String],
        first: usize,
    ) -> Option<NameMatch> {
        let word = &tokens[first].lower;
        if !word.chars().next().is_some_and(is_arabic_letter) {
            return None;
        }
        for prefix in ARABIC_CLITICS {
            let Some(rest) = word.strip_prefix(prefix) else {
                continue;
            };
            if rest.chars().count() < 2 {
                continue;
            }
            let mut variants = vec![rest.to_owned()];
            // "لل" is "ل" + the article "ال" without its alif.
            if prefix.ends_with('ل') && rest.starts_with('ل') {
                variants.push(format!("ا{rest}"));
            }
            // A window of the next few tokens, the first without its clitic.
            let window = first..tokens.len().min(first + 3 * self.max_words + 1);
            for variant in variants {
                let mut keys = keys[window.clone()].to_vec();
                keys[0] = match_key(&variant);
                let mut tokens = tokens[window.clone()].to_vec();
                tokens[0].start += prefix.len();
                if let Some(mut m) = self.longest_at(text, &tokens, &keys, 0) {
                    m.tokens = m.tokens.start + first..m.tokens.end + first;
                    return Some(m);
                }
            }
        }
        None
    }

    /// The entry a span refers to: actors before places, then by rank.
    fn best(&self, key: &str, span: &str) -> Option<Referent> {
        let pick = |rules: &Vec<Rule>| {
            rules
                .iter()
                .filter(|r| written_as(&r.case, span))
                .min_by_key(|r| (matches!(r.referent, Referent::Place(_)), r.rank))
                .map(|r| r.referent)
        };
        match self.by_key.get(key) {
            Some(rules) => pick(rules),
            None => self.by_sound.get(&sound(key)?).and_then(pick),
        }
    }
}

/// How a Latin place name sounds, so that transliterations meet: "ou" is "u", "ee" is "i",
/// "el" is "al", doubled letters are one, and a final "h" after a vowel is silent ("Annah" and
/// "Anah", "Deir el-Zour" and "Deir al-Zour", "Husaibah" and "Husaiba"). Only for keys of
/// at least four letters, so that short words do not meet names.
fn sound(key: &str) -> Option<String> {
    if key.len() < 4 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let s = key
        .replace("ou", "u")
        .replace("ee", "i")
        .replace("el", "al");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 3
        && out.ends_with('h')
        && out[..out.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        out.pop();
    }
    (out.len() >= 4).then_some(out)
}

fn written_as(case: &Case, span: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Exact(letters_expected) => letters(span) == *letters_expected,
        Case::Capitalised => {
            let mut words = span
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty());
            let first_capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
            match words.next() {
                Some(w) if first_capitalised(w) => true,
                Some(w) if NAME_ARTICLES.contains(&w) => {
                    words.next().is_some_and(first_capitalised)
                }
                _ => false,
            }
        }
    }
}

/// The word without a possessive ending: "daesh’s" -> "daesh".
fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// "IS", "SDF", "PMF": two or more letters, all capitals.
fn is_acronym(name: &str) -> bool {
    let l = letters(name);
    l.chars().count() >= 2 && l.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn lexicon() -> Lexicon {
        let mut lx = Lexicon::default();
        lx.add_place(0, "Al-Qa'im", 0);
        lx.add_place(1, "Al Qaim border crossing", 0);
        lx.add_place(2, "Hit", 0);
        lx.add_actor(0, "IS");
        lx.add_actor(0, "Daesh");
        lx.add_actor(1, "government forces");
        lx.add_contextual("government forces", Referent::Government);
        lx
    }

    fn found(text: &str) -> Vec<(Referent, &str)> {
        let tokens = tokenize(text);
        lexicon()
            .find(text, &tokens)
            .into_iter()
            .map(|m| (m.referent, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn transliterations_meet_by_sound() {
        assert_eq!(sound("annah"), sound("anah"));
        assert_eq!(sound("deirelzour"), sound("deiralzour"));
        assert_eq!(sound("husaibah"), sound("husaiba"));
        assert_ne!(sound("hajin"), sound("hit"));
        assert_eq!(sound("hit"), None);
        assert_eq!(sound("البوكمال"), None);
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(
            found("the Al Qaim border crossing and al-Qa'im"),
            [
                (Referent::Place(1), "Al Qaim border crossing"),
                (Referent::Place(0), "al-Qa'im")
            ]
        );
    }

    #[test]
    fn place_names_are_capitalised_and_acronyms_exact() {
        assert_eq!(
            found("Strikes hit Hit. It is what IS said."),
            [(Referent::Place(2), "Hit"), (Referent::Actor(0), "IS")]
        );
    }

    #[test]
    fn possessives_and_contextual_names() {
        assert_eq!(
            found("Daesh’s fighters fled government forces"),
            [
                (Referent::Actor(0), "Daesh"),
                (Referent::Government, "government forces")
            ]
        );
    }
}
