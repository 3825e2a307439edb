//! Right-to-left text for a left-to-right text layout.
//!
//! egui 0.37 has no bidirectional layout: a line's glyphs are placed left to right in the order
//! of the string. It does shape, though, and that shapes the answer. Its layout
//! (`epaint::text::text_layout`) cuts a line into runs of one font face each, and hands each run
//! to harfrust (HarfBuzz in Rust) with `guess_segment_properties`: a run whose first letter is
//! Arabic is shaped right to left, and harfrust returns its glyphs already in visual order
//! (reversed), which egui then places left to right. So:
//!
//! - the *order of runs* must be visual: egui keeps the string's order;
//! - *within a run of Arabic letters*, the characters must stay in logical order: harfrust
//!   reverses them itself, and needs them logical to pick the joined forms. Reversing an Arabic
//!   word character by character, as a renderer without shaping would need, makes egui draw it
//!   backwards with wrong joins.
//!
//! (Checked by laying text out with epaint 0.37 and DejaVu Sans as the Arabic fallback: given
//! "البوكمال" in logical order, the galley's glyphs run ل ا م ك و ب ل ا from left to right, the
//! right visual order; given the output of [`visual_order`] for an Arabic sentence with "ISIS"
//! and "2017" in it, the words come out right to left and the Latin and the digits left to
//! right.)
//!
//! [`visual_order`] therefore resolves the Unicode bidirectional algorithm (UAX #9, with the
//! `unicode-bidi` crate) line by line, reorders every character into visual order, mirrors
//! brackets in right-to-left runs (egui shapes them as Latin, unmirrored), and then reverses
//! back each stretch of consecutive right-to-left-script characters (letters, their vowel marks,
//! Arabic punctuation: what the Arabic font shapes as one run) so that harfrust's own reversal
//! restores it. Arabic words keep their letters in logical order; the words, numbers and Latin
//! names of a line come out in visual order.
//!
//! This assumes what egui's font setup gives when an Arabic font is added as a fallback after
//! the default (Latin) fonts: spaces, digits and Latin punctuation come from the Latin font, so
//! each Arabic word is a run of its own. It also assumes egui does not wrap the line: reorder
//! text that is already cut into lines (labels, names, short quotes), or cut it first.

use std::ops::Range;

use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

/// A paragraph's base direction: how to align it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// Right to left when the first strong character (a letter with a direction) is right to left,
/// as UAX #9 decides a paragraph's direction; left to right otherwise, also for text without
/// any strong character. Only the first line counts: call it per paragraph.
pub fn paragraph_direction(text: &str) -> Direction {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => Direction::RightToLeft,
        _ => Direction::LeftToRight,
    }
}

/// Text in the order egui must be given it to show it right (see the module documentation),
/// line by line.
pub fn visual_order(text: &str) -> String {
    visual_text(text).text
}

/// Text reordered for display, with where each of its characters comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualText {
    /// The text to give egui.
    pub text: String,
    /// For each character of `text`, the offset (in characters, as quotes are anchored) of the
    /// character of the original text it shows.
    pub logical: Vec<usize>,
}

impl VisualText {
    /// The stretches of `text` (in character offsets) that show the original characters
    /// `logical` (in character offsets), left to right: a quote's highlight in a reordered
    /// line, one range per piece.
    pub fn visual_ranges(&self, logical: Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, l) in self.logical.iter().enumerate() {
            if !logical.contains(l) {
                continue;
            }
            match out.last_mut() {
                Some(r) if r.end == i => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }
}

/// [`visual_order`] with the map back to the original's character offsets. Bidi control
/// characters (embeddings, overrides, isolates, marks) are dropped: egui would draw them.
pub fn visual_text(text: &str) -> VisualText {
    let mut out = VisualText {
        text: String::with_capacity(text.len()),
        logical: Vec::with_capacity(text.len()),
    };
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.text.push('\n');
            out.logical.push(offset - 1);
        }
        let count = line.chars().count();
        reorder_line(line, offset, &mut out, None);
        offset += count + 1;
    }
    out
}

/// One line (no line break inside) of a paragraph whose base direction is known, in egui's
/// order: a line cut from a wrapped right-to-left paragraph may begin with a Latin word, and
/// must still be laid out right to left.
pub fn visual_line(line: &str, direction: Direction) -> VisualText {
    let mut out = VisualText {
        text: String::with_capacity(line.len()),
        logical: Vec::with_capacity(line.len()),
    };
    reorder_line(line, 0, &mut out, Some(direction));
    out
}

/// Appends one line (no line break inside) in egui's order; its base direction is the first
/// strong character's unless given.
fn reorder_line(line: &str, offset: usize, out: &mut VisualText, direction: Option<Direction>) {
    let chars: Vec<char> = line.chars().collect();
    if !chars.iter().any(|&c| needs_bidi(c)) {
        for (i, &c) in chars.iter().enumerate() {
            if !is_bidi_control(c) {
                out.text.push(c);
                out.logical.push(offset + i);
            }
        }
        return;
    }
    let level = direction.map(|d| match d {
        Direction::LeftToRight => unicode_bidi::Level::ltr(),
        Direction::RightToLeft => unicode_bidi::Level::rtl(),
    });
    let info = ParagraphBidiInfo::new(line, level);
    let levels = info.reordered_levels_per_char(0..line.len());
    let order = ParagraphBidiInfo::reorder_visual(&levels);
    // Visual order, character by character, brackets mirrored in right-to-left runs.
    let mut visual: Vec<(char, usize)> = order
        .into_iter()
        .filter(|&l| !is_bidi_control(chars[l]))
        .map(|l| {
            let c = chars[l];
            let c = if levels[l].is_rtl() { mirror(c) } else { c };
            (c, l)
        })
        .collect();
    // harfrust reverses each right-to-left run again: pre-reverse the runs it will shape so.
    let mut start = 0;
    while start < visual.len() {
        if !shaped_right_to_left(visual[start].0) {
            start += 1;
            continue;
        }
        let end = visual[start..]
            .iter()
            .position(|&(c, _)| !shaped_right_to_left(c))
            .map_or(visual.len(), |n| start + n);
        if visual[start..end].iter().any(|&(c, _)| is_strong_rtl(c)) {
            visual[start..end].reverse();
        }
        start = end;
    }
    for (c, l) in visual {
        out.text.push(c);
        out.logical.push(offset + l);
    }
}

/// Whether a character can make a line need reordering.
fn needs_bidi(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R
            | BidiClass::AL
            | BidiClass::AN
            | BidiClass::RLE
            | BidiClass::RLO
            | BidiClass::RLI
            | BidiClass::FSI
    )
}

fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether egui would shape the character in a right-to-left run: characters of the Hebrew,
/// Arabic, Syriac, Thaana and N'Ko blocks and their presentation forms (letters, vowel marks,
/// Arabic digits and punctuation), which only a right-to-left font supplies.
fn shaped_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        || is_strong_rtl(c)
}

/// Explicit directional formatting characters (UAX #9 X9 removes them from display).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The mirrored form of a paired punctuation mark, for right-to-left runs (UAX #9 L4). The
/// marks that names and news quotes use; others are left as they are.
fn mirror(c: char) -> char {
    const PAIRS: [(char, char); 9] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('≤', '≥'),
        ('⟨', '⟩'),
    ];
    for (a, b) in PAIRS {
        if c == a {
            return b;
        }
        if c == b {
            return a;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a string, split on spaces.
    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn latin_text_is_unchanged() {
        for s in ["Abu Kamal", "Al-Qa'im (town), 3 Nov 2017", "", "a\nb"] {
            let v = visual_text(s);
            assert_eq!(v.text, s);
            assert_eq!(v.logical, (0..s.chars().count()).collect::<Vec<_>>());
            assert_eq!(paragraph_direction(s), Direction::LeftToRight);
        }
    }

    #[test]
    fn arabic_words_keep_their_letters_but_change_places() {
        // "Abu Kamal" in Arabic script, two words: egui needs the second word on the left,
        // each word's letters in logical order for the shaper.
        let v = visual_text("أبو كمال");
        assert_eq!(words(&v.text), vec!["كمال", "أبو"]);
        assert_eq!(v.logical, vec![4, 5, 6, 7, 3, 0, 1, 2]);
        assert_eq!(paragraph_direction("أبو كمال"), Direction::RightToLeft);
        // One word alone: nothing for egui to reorder.
        assert_eq!(visual_order("البوكمال"), "البوكمال");
    }

    #[test]
    fn an_arabic_name_in_latin_text_stays_in_place() {
        let s = "Abu Kamal (البوكمال)";
        assert_eq!(paragraph_direction(s), Direction::LeftToRight);
        assert_eq!(visual_order(s), s);
        let s = "Abu Kamal (البو كمال)";
        assert_eq!(visual_order(s), "Abu Kamal (كمال البو)");
    }

    #[test]
    fn latin_words_and_numbers_in_an_arabic_sentence() {
        // "ISIS recaptured Al-Bukamal in 2017" (word order: recaptured ISIS Bukamal in 2017).
        let s = "استعاد ISIS البوكمال عام 2017";
        assert_eq!(paragraph_direction(s), Direction::RightToLeft);
        let v = visual_text(s);
        assert_eq!(
            words(&v.text),
            vec!["2017", "عام", "البوكمال", "ISIS", "استعاد"]
        );
        // Every character is shown once.
        let mut seen = v.logical.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..s.chars().count()).collect::<Vec<_>>());
        // "2017" is characters 25..29 of the original: one piece, leftmost.
        assert_eq!(v.visual_ranges(25..29), vec![0..4]);
        // "ISIS" (7..11) sits between the second and the first Arabic word.
        let isis = v.visual_ranges(7..11);
        assert_eq!(isis.len(), 1);
        assert_eq!(
            &v.text.chars().collect::<Vec<_>>()[isis[0].clone()],
            ['I', 'S', 'I', 'S']
        );
    }

    #[test]
    fn brackets_are_mirrored_in_right_to_left_runs() {
        // "Al-Qa'im (the town)" in Arabic: the parentheses are in the right-to-left run, so
        // the logical "(" closes on the left and must be drawn as ")".
        let s = "القائم (البلدة)";
        let v = visual_order(s);
        assert_eq!(v, "(البلدة) القائم");
    }

    #[test]
    fn vowel_marks_stay_with_their_letters() {
        let s = "رَاوَة بلدة";
        assert_eq!(words(&visual_order(s)), vec!["بلدة", "رَاوَة"]);
    }

    #[test]
    fn a_line_of_a_right_to_left_paragraph_that_starts_in_latin_reads_right_to_left() {
        // "ISIS recaptured Al-Bukamal": on its own the line would be left to right.
        let line = "ISIS استعاد البوكمال";
        assert_eq!(
            words(&visual_order(line)),
            vec!["ISIS", "البوكمال", "استعاد"]
        );
        let v = visual_line(line, Direction::RightToLeft);
        assert_eq!(words(&v.text), vec!["البوكمال", "استعاد", "ISIS"]);
        assert_eq!(v.logical.len(), line.chars().count());
    }

    #[test]
    fn lines_are_reordered_one_by_one_and_controls_dropped() {
        let s = "أبو كمال\nAbu Kamal\u{200F}";
        let v = visual_text(s);
        assert_eq!(v.text, "كمال أبو\nAbu Kamal");
        assert_eq!(v.logical[8], 8, "the line break stays where it was");
        assert_eq!(v.logical[9], 9);
        assert_eq!(
            paragraph_direction("Abu Kamal\nأبو كمال"),
            Direction::LeftToRight
        );
    }
}
