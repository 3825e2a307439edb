//! Which languages a text is in, as far as the assistant is concerned: it reads English and
//! Modern Standard Arabic; sentences in any other language are said to be unread rather than
//! passed over in silence.

use super::lexicon::is_arabic_letter;
use super::text::sentences;

/// Common words of languages written in Latin script, to tell English from the others.
const LATIN_LANGUAGES: &[(&str, &[&str])] = &[
    (
        "English",
        &[
            "the", "of", "and", "to", "in", "on", "was", "were", "is", "are", "said", "by", "from",
            "with", "for", "has", "have", "after", "its", "their", "it",
        ],
    ),
    (
        "French",
        &[
            "le", "la", "les", "des", "du", "et", "est", "dans", "une", "par", "sur", "aux", "qui",
            "pour", "ont",
        ],
    ),
    (
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "von", "mit", "den", "dem", "auf", "sich",
        ],
    ),
    (
        "Spanish",
        &[
            "el", "los", "las", "del", "que", "por", "con", "una", "para", "fue", "han",
        ],
    ),
    (
        "Turkish",
        &[
            "ve", "bir", "bu", "ile", "için", "olarak", "da", "de", "ise",
        ],
    ),
];

/// The language of one sentence, by its letters and common words.
fn language_of(sentence: &str) -> Option<&'static str> {
    let letters: Vec<char> = sentence.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return None;
    }
    let count = |f: &dyn Fn(char) -> bool| letters.iter().filter(|&&c| f(c)).count();
    let arabic_script = count(&|c| {
        is_arabic_letter(c)
            || matches!(c as u32, 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
    });
    let latin = count(&|c| c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F));
    let half = letters.len() / 2;
    if arabic_script > half {
        // Letters Arabic does not use: Persian (پ چ ژ گ) and Sorani Kurdish (ڕ ڵ ۆ ێ ە).
        if count(&|c| matches!(c, 'ڕ' | 'ڵ' | 'ۆ' | 'ێ' | 'ە')) > 0 {
            return Some("Kurdish");
        }
        if count(&|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ')) > 0 {
            return Some("Persian");
        }
        return Some("Arabic");
    }
    if latin > half {
        let words: Vec<String> = sentence
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let score = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
        let best = LATIN_LANGUAGES
            .iter()
            .map(|(name, list)| (*name, score(list)))
            .max_by_key(|(_, n)| *n)?;
        // Headlines and short sentences have few common words: English unless another
        // language's words are there.
        return Some(if best.1 == 0 { "English" } else { best.0 });
    }
    let script = if count(&|c| matches!(c as u32, 0x0400..=0x04FF)) > half {
        "Russian or another Cyrillic language"
    } else if count(&|c| matches!(c as u32, 0x0590..=0x05FF)) > half {
        "Hebrew"
    } else {
        "a language the assistant does not know"
    };
    Some(script)
}

/// What a text holds that the assistant cannot read: "3 of 10 sentences are in French", or
/// `None` when every sentence is in English or Arabic.
pub fn unread_languages(text: &str) -> Option<String> {
    let mut total = 0;
    let mut unread: Vec<(&str, usize)> = Vec::new();
    // The date line is the file's, not the article's.
    let skip = if super::publication_date(text).is_some() {
        text.find('\n').map_or(text.len(), |i| i + 1)
    } else {
        0
    };
    let text = &text[skip..];
    for r in sentences(text) {
        let Some(lang) = language_of(&text[r]) else {
            continue;
        };
        total += 1;
        if matches!(lang, "English" | "Arabic") {
            continue;
        }
        match unread.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => unread.push((lang, 1)),
        }
    }
    if unread.is_empty() {
        return None;
    }
    let parts: Vec<String> = unread
        .iter()
        .map(|(lang, n)| {
            let verb = if *n == 1 { "is" } else { "are" };
            let noun = if total == 1 { "sentence" } else { "sentences" };
            format!("{n} of {total} {noun} {verb} in {lang}")
        })
        .collect();
    Some(format!(
        "{}: the assistant reads English and Arabic only, and proposes no claim from {}",
        parts.join("; "),
        if unread.len() == 1 && unread[0].1 == 1 {
            "it"
        } else {
            "them"
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_arabic_are_read_other_languages_are_named() {
        assert_eq!(
            unread_languages("Iraqi forces took Rawa. سيطر الجيش السوري على البوكمال."),
            None
        );
        let note = unread_languages(
            "Iraqi forces took Rawa on Friday.\nLes forces irakiennes ont repris la ville de Rawa.",
        )
        .unwrap();
        assert!(note.starts_with("1 of 2 sentences is in French"), "{note}");
        assert!(unread_languages("Иракские войска взяли город.").is_some());
        assert!(
            unread_languages("نیروهای عراقی شهر را پس گرفتند.")
                .unwrap()
                .contains("Persian")
        );
    }
}
