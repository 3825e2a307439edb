//! Anchoring quotes in their articles: every quote must be found verbatim, once, in the text.
//! Offsets follow the W3C Web Annotation TextPositionSelector (characters, end exclusive).

/// Where a quote sits in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub byte_start: usize,
    pub byte_end: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AnchorError {
    Empty,
    /// Not in the text. `closest` is the byte range of the most similar passage, if any;
    /// `near_miss` says what differs when the passage only differs in quote marks or spaces.
    NotFound {
        closest: Option<(usize, usize)>,
        near_miss: bool,
    },
    /// Found several times and `prefix`/`suffix` do not pick one: the 1-based lines.
    Ambiguous {
        lines: Vec<usize>,
    },
}

/// Finds `exact` in `text`. When it occurs more than once, `prefix` (the text just before)
/// and `suffix` (just after) must single out one occurrence.
pub(crate) fn anchor(
    text: &str,
    exact: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Result<Anchor, AnchorError> {
    if exact.trim().is_empty() {
        return Err(AnchorError::Empty);
    }
    let hits: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), exact.as_bytes())
        .filter(|&i| prefix.is_none_or(|p| text[..i].ends_with(p)))
        .filter(|&i| suffix.is_none_or(|s| text[i + exact.len()..].starts_with(s)))
        .collect();
    match hits.as_slice() {
        [i] => Ok(make_anchor(text, *i, *i + exact.len())),
        [] => Err(not_found(text, exact)),
        many => Err(AnchorError::Ambiguous {
            lines: many
                .iter()
                .map(|&i| text[..i].matches('\n').count() + 1)
                .collect(),
        }),
    }
}

fn make_anchor(text: &str, byte_start: usize, byte_end: usize) -> Anchor {
    let start = text[..byte_start].chars().count();
    let end = start + text[byte_start..byte_end].chars().count();
    Anchor {
        byte_start,
        byte_end,
        start,
        end,
    }
}

/// A quote in its paragraph, trimmed to about two sentences each side: what a reader is shown
/// around a quote. The parts are slices of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InContext<'a> {
    /// The text before the quote, from the start of its paragraph or of a sentence.
    pub before: &'a str,
    pub quote: &'a str,
    pub after: &'a str,
    /// Whether the paragraph was cut before `before` (or after `after`).
    pub cut_before: bool,
    pub cut_after: bool,
    /// Where `before` begins in the text, in characters (Unicode code points), as the quote's
    /// own offsets: `start + before.chars().count()` is the quote's `start`.
    pub start: usize,
}

/// Characters of context beyond which a side is cut, and where the cut is looked for.
const CONTEXT_MAX_CHARS: usize = 220;
const CONTEXT_CUT_CHARS: usize = 200;

/// The quote at `byte_start..byte_end` of `text` in its paragraph (the line it is on), each
/// side cut at a sentence boundary when it is longer than about two sentences.
pub(crate) fn in_context(text: &str, byte_start: usize, byte_end: usize) -> InContext<'_> {
    let para_start = text[..byte_start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[byte_end..]
        .find('\n')
        .map_or(text.len(), |i| byte_end + i);
    let mut before = &text[para_start..byte_start];
    let mut after = &text[byte_end..para_end];
    let cut_before = before.chars().count() > CONTEXT_MAX_CHARS;
    if cut_before {
        let cut = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CUT_CHARS)
            .map_or(0, |(i, _)| i);
        let cut = before[cut..].find(". ").map_or(cut, |i| cut + i + 2);
        before = &before[cut..];
    }
    let cut_after = after.chars().count() > CONTEXT_MAX_CHARS;
    if cut_after {
        let cut = after
            .char_indices()
            .nth(CONTEXT_CUT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        let cut = after[..cut].rfind(". ").map_or(cut, |i| i + 1);
        after = &after[..cut];
    }
    let before_start = byte_start - before.len();
    InContext {
        before,
        quote: &text[byte_start..byte_end],
        after,
        cut_before,
        cut_after,
        start: text[..before_start].chars().count(),
    }
}

/// Maps typographic variants to one form, so that a quote typed with straight quotes can be
/// matched to the passage it was meant to be.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Folded text, whitespace runs collapsed, with the byte offset of each folded char.
fn folded(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let f = fold(c);
        if f == ' ' && chars.last() == Some(&' ') {
            continue;
        }
        chars.push(f);
        offsets.push(i);
    }
    (chars, offsets)
}

fn not_found(text: &str, exact: &str) -> AnchorError {
    // 1. The same passage with other quote marks, dashes or spaces.
    let (t, offsets) = folded(text);
    let (q, _) = folded(exact.trim());
    if !q.is_empty()
        && q.len() <= t.len()
        && let Some(pos) = t.windows(q.len()).position(|w| w == q.as_slice())
    {
        let start = offsets[pos];
        let end = offsets.get(pos + q.len()).copied().unwrap_or(text.len());
        let end = text[..end].trim_end().len().max(start);
        return AnchorError::NotFound {
            closest: Some((start, end)),
            near_miss: true,
        };
    }
    // 2. The longest beginning or end of the quote that is in the text.
    let chars: Vec<(usize, char)> = exact.char_indices().collect();
    let n = chars.len();
    let byte_at = |k: usize| chars.get(k).map_or(exact.len(), |(i, _)| *i);
    let longest = |found: &dyn Fn(usize) -> Option<usize>| -> (usize, usize) {
        // Binary search on the length k: if k chars match, so do fewer.
        let (mut lo, mut hi, mut at) = (0, n, 0);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            match found(mid) {
                Some(pos) => {
                    lo = mid;
                    at = pos;
                }
                None => hi = mid - 1,
            }
        }
        (lo, at)
    };
    let (pre_len, pre_at) = longest(&|k| text.find(&exact[..byte_at(k)]));
    let (suf_len, suf_at) = longest(&|k| text.find(&exact[byte_at(n - k)..]));
    let min_useful = (n / 4).clamp(1, 12);
    // The passage is as long as the quote but stays on the line of the matching part, so that
    // it does not start or end in the middle of a neighbouring paragraph.
    let closest = if pre_len >= suf_len && pre_len >= min_useful {
        let matched_end = pre_at + byte_at(pre_len);
        let line_end = text[matched_end..]
            .find('\n')
            .map_or(text.len(), |i| matched_end + i);
        Some((pre_at, advance(text, pre_at, n).min(line_end)))
    } else if suf_len >= min_useful {
        let end = suf_at + (exact.len() - byte_at(n - suf_len));
        let line_start = text[..suf_at].rfind('\n').map_or(0, |i| i + 1);
        Some((retreat(text, end, n).max(line_start), end))
    } else {
        None
    };
    AnchorError::NotFound {
        closest,
        near_miss: false,
    }
}

/// The byte offset `chars` characters after `from` (clamped to the text).
fn advance(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i)
}

/// The byte offset `chars` characters before `to` (clamped to the start).
fn retreat(text: &str, to: usize, chars: usize) -> usize {
    text[..to]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Daesh’s caliphate shrank.\nIS held Rawa. IS held Rawa, said the general.";

    #[test]
    fn anchors_count_characters_not_bytes() {
        let a = anchor(TEXT, "caliphate shrank", None, None).unwrap();
        assert_eq!(&TEXT[a.byte_start..a.byte_end], "caliphate shrank");
        // "Daesh’s " is 8 characters but 10 bytes.
        assert_eq!((a.start, a.end), (8, 24));
        assert_eq!(a.byte_start, 10);
    }

    #[test]
    fn repeated_quotes_need_a_prefix_or_suffix() {
        assert_eq!(
            anchor(TEXT, "IS held Rawa", None, None),
            Err(AnchorError::Ambiguous { lines: vec![2, 2] })
        );
        let a = anchor(TEXT, "IS held Rawa", None, Some(", said")).unwrap();
        assert_eq!(a.byte_start, TEXT.rfind("IS held Rawa").unwrap());
        let b = anchor(TEXT, "IS held Rawa", Some("shrank.\n"), None).unwrap();
        assert_eq!(b.byte_start, TEXT.find("IS held Rawa").unwrap());
    }

    #[test]
    fn near_misses_point_at_the_passage() {
        // Straight apostrophe where the article has a curly one.
        match anchor(TEXT, "Daesh's caliphate", None, None) {
            Err(AnchorError::NotFound {
                closest: Some((s, e)),
                near_miss: true,
            }) => {
                assert_eq!(&TEXT[s..e], "Daesh’s caliphate");
            }
            other => panic!("{other:?}"),
        }
        // A typo in the middle: the longest matching beginning is found.
        match anchor(TEXT, "caliphate shrunk.", None, None) {
            Err(AnchorError::NotFound {
                closest: Some((s, _)),
                near_miss: false,
            }) => {
                assert!(TEXT[s..].starts_with("caliphate shr"));
            }
            other => panic!("{other:?}"),
        }
        // Only the end matches: the passage stays on that line.
        match anchor(
            TEXT,
            "The group said IS held Rawa, said the general.",
            None,
            None,
        ) {
            Err(AnchorError::NotFound {
                closest: Some((s, e)),
                near_miss: false,
            }) => {
                assert_eq!(&TEXT[s..e], "IS held Rawa. IS held Rawa, said the general.");
            }
            other => panic!("{other:?}"),
        }
        // Only the beginning matches: idem.
        match anchor(
            TEXT,
            "Daesh’s caliphate shrank fast, and then more.",
            None,
            None,
        ) {
            Err(AnchorError::NotFound {
                closest: Some((s, e)),
                near_miss: false,
            }) => {
                assert_eq!(&TEXT[s..e], "Daesh’s caliphate shrank.");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            anchor(TEXT, "zzzz qqqq", None, None),
            Err(AnchorError::NotFound {
                closest: None,
                near_miss: false
            })
        );
        assert_eq!(anchor(TEXT, "  ", None, None), Err(AnchorError::Empty));
    }

    /// The characters of `text` from `start` to `end` (code points).
    fn chars(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn a_quote_in_context_among_arabic_and_accented_text() {
        let text = "Titre : la chute d’Albou Kamal\n\
            Les forces ont repris البوكمال le 9 novembre. « L’État islamique a été chassé de \
            la ville », a déclaré le général. بعد ذلك تقدمت القوات نحو الحدود.\n\
            Dernier paragraphe.";
        let exact = "L’État islamique a été chassé";
        let a = anchor(text, exact, None, None).unwrap();
        // Offsets are code points: the Arabic and accented letters before the quote are two
        // bytes each but one character.
        assert_eq!(chars(text, a.start, a.end), exact);
        assert!(a.byte_start > a.start);
        let c = in_context(text, a.byte_start, a.byte_end);
        assert_eq!(c.quote, exact);
        assert_eq!(c.before, "Les forces ont repris البوكمال le 9 novembre. « ");
        assert_eq!(
            c.after,
            " de la ville », a déclaré le général. بعد ذلك تقدمت القوات نحو الحدود."
        );
        assert!(!c.cut_before && !c.cut_after);
        // The context starts at its paragraph, counted in code points as the quote is.
        assert_eq!(c.start, "Titre : la chute d’Albou Kamal\n".chars().count());
        assert_eq!(c.start + c.before.chars().count(), a.start);
        assert_eq!(chars(text, c.start, a.start), c.before);
    }

    #[test]
    fn a_long_paragraph_of_arabic_is_cut_at_sentence_boundaries() {
        // Sentences of 40 Arabic letters (80 bytes): a cut on a byte count would split one.
        let sentence = format!("{}. ", "ب".repeat(40));
        let text = format!("{}الاقتباس هنا{}", sentence.repeat(8), sentence.repeat(8));
        let a = anchor(&text, "الاقتباس هنا", None, None).unwrap();
        assert_eq!(a.start, 8 * 42);
        let c = in_context(&text, a.byte_start, a.byte_end);
        assert!(c.cut_before && c.cut_after);
        assert_eq!(c.quote, "الاقتباس هنا");
        // Whole sentences on each side, about two hundred characters of them.
        assert_eq!(c.before, sentence.repeat(4));
        assert!(c.after.ends_with('.') && c.after.starts_with(&sentence));
        assert!(
            (150..=220).contains(&c.after.chars().count()),
            "{}",
            c.after.chars().count()
        );
        assert_eq!(c.start + c.before.chars().count(), a.start);
        assert_eq!(chars(&text, c.start, a.start), c.before);
    }
}
