//! The shape of a text: words and punctuation, sentences, clauses, and the conversion from byte
//! offsets (for slicing) to code-point offsets (what the W3C TextPositionSelector counts).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A word or a punctuation mark, by byte range in the text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Letters and digits (with inner apostrophes, as in "Qa'im" or "didn't"), or punctuation.
    pub is_word: bool,
    /// The token in lower case ("" for punctuation is never needed: it is the mark itself).
    pub lower: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

/// Splits a text into words and single punctuation marks; whitespace separates and is dropped.
/// An apostrophe between two letters stays inside its word ("Qa'im", "Iraq's").
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner_apostrophe = is_apostrophe(d)
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                // Arabic vowel marks and tanween ("هجوماً") are combining marks: inside the word.
                let mark = unicode_normalization::char::is_combining_mark(d);
                if d.is_alphanumeric() || inner_apostrophe || mark {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            let word = &text[i..end];
            tokens.push(Token {
                start: i,
                end,
                is_word: true,
                lower: word.to_lowercase(),
            });
        } else if !c.is_whitespace() {
            let end = i + c.len_utf8();
            tokens.push(Token {
                start: i,
                end,
                is_word: false,
                lower: c.to_string(),
            });
        }
    }
    tokens
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "brig", "adm",
    "cmdr", "rep", "sen", "gov", "prof", "st", "sr", "jr", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "lieut",
];

/// The sentences of a text, as byte ranges (whitespace trimmed), by Unicode sentence
/// boundaries (UAX #29), re-joined where a full stop closes an abbreviation ("Dec.", "Gen.")
/// or an initial ("U.S.") rather than a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut join_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.len();
        if join_next && let Some(last) = out.last_mut() {
            last.end = end;
        } else {
            out.push(start..end);
        }
        join_next = ends_with_abbreviation(piece);
    }
    out.into_iter().filter_map(|r| trim(text, r)).collect()
}

/// Whether a piece ends with an abbreviation's or an initial's full stop rather than a
/// sentence's (it must also not end a line: a line break always ends a sentence).
fn ends_with_abbreviation(piece: &str) -> bool {
    if piece.ends_with('\n') || piece.ends_with('\r') {
        return false;
    }
    let trimmed = piece.trim_end();
    let Some(before) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last_word: &str = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let bare = last_word.rsplit('.').next().unwrap_or("");
    let is_initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    is_initial || ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// Trims whitespace from both ends of a byte range; `None` when nothing is left.
pub fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| r.start + lead..r.end - trail)
}

/// Words that open a new clause when they follow a comma or stand between two statements
/// ("overran Bukamal on Thursday but lost the town").
const CLAUSE_WORDS: &[&str] = &["but", "while", "whereas", "although", "though", "yet"];

/// The clauses of a sentence, as ranges of token indices (`tokens` are the text's tokens and
/// `sentence` the token range of one sentence). Clauses end at semicolons, colons, spaced
/// dashes, and before "but", "while" and the like.
pub(crate) fn clauses(text: &str, tokens: &[Token], sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    for i in sentence.clone() {
        let t = &tokens[i];
        let ends_here = if t.is_word {
            CLAUSE_WORDS.contains(&t.lower.as_str()) && i > start
        } else {
            match t.lower.as_str() {
                ";" => true,
                ":" => !between_digits(text, tokens, i),
                "–" | "—" => true,
                "-" => spaced(text, t),
                _ => false,
            }
        };
        if ends_here {
            if i > start {
                out.push(start..i);
            }
            // A clause word belongs to the clause it opens; a mark to none.
            start = if t.is_word { i } else { i + 1 };
        }
    }
    if start < sentence.end {
        out.push(start..sentence.end);
    }
    out
}

fn between_digits(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let before = text[..t.start].chars().next_back();
    let after = text[t.end..].chars().next();
    i > 0 && before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
}

fn spaced(text: &str, t: &Token) -> bool {
    text[..t.start].ends_with(char::is_whitespace) && text[t.end..].starts_with(char::is_whitespace)
}

/// Converts byte offsets of one text to code-point offsets.
pub(crate) struct CharOffsets {
    /// The byte offset at which each code point starts.
    starts: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        CharOffsets {
            starts: text.char_indices().map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    /// The code-point offset of a byte offset (which must be on a character boundary).
    pub(crate) fn char_at(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.starts.len();
        }
        self.starts.partition_point(|&s| s < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "U.S. forces met Gen. Yarallah on Dec. 5 in Rawa. He said \"the town fell.\" \
                    Then they left.";
        assert_eq!(
            sentence_texts(text),
            [
                "U.S. forces met Gen. Yarallah on Dec. 5 in Rawa.",
                "He said \"the town fell.\"",
                "Then they left."
            ]
        );
    }

    #[test]
    fn a_line_break_ends_a_headline() {
        let text = "Islamic State retakes Syrian town\nThe group recaptured it.";
        assert_eq!(
            sentence_texts(text),
            [
                "Islamic State retakes Syrian town",
                "The group recaptured it."
            ]
        );
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let t = tokenize("Al-Qa'im, Iraq’s army didn't");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["al", "-", "qa'im", ",", "iraq’s", "army", "didn't"]);
    }

    #[test]
    fn clauses_split_at_but_and_dashes() {
        let text = "Troops overran Bukamal but lost the town – a blow; at 10:30 it ended";
        let tokens = tokenize(text);
        let parts: Vec<String> = clauses(text, &tokens, 0..tokens.len())
            .into_iter()
            .map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_owned())
            .collect();
        assert_eq!(
            parts,
            [
                "Troops overran Bukamal",
                "but lost the town",
                "a blow",
                "at 10:30 it ended"
            ]
        );
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Daesh’s caliphate";
        let offsets = CharOffsets::new(text);
        let byte = text.find("caliphate").unwrap();
        assert_eq!(offsets.char_at(byte), 8);
        assert_eq!(offsets.char_at(text.len()), text.chars().count());
    }
}
