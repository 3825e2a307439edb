//! How much of an article its annotations cover: which sentences back a claim (a quote of the
//! article overlaps them), and which of the assistant's candidate claims are still open (no
//! quote overlaps their clause). No UI: the reader shows it, and the counting is tested here.
//!
//! Everything is in character offsets (code points), as quotes and candidates are anchored.

use std::ops::Range;

use super::Candidate;
use super::text::{CharOffsets, sentences};

/// The sentences of a text (the assistant's own split: abbreviations and initials do not end
/// one, a line break always does), in character offsets.
pub fn sentence_chars(text: &str) -> Vec<Range<usize>> {
    let offsets = CharOffsets::new(text);
    sentences(text)
        .into_iter()
        .map(|r| offsets.char_at(r.start)..offsets.char_at(r.end))
        .collect()
}

/// Quote ranges merged into disjoint, sorted ranges, so that "does anything overlap this?" is
/// one binary search however many quotes there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quoted {
    merged: Vec<Range<usize>>,
}

impl Quoted {
    pub fn new(quotes: impl IntoIterator<Item = Range<usize>>) -> Quoted {
        let mut all: Vec<Range<usize>> = quotes.into_iter().filter(|q| q.start < q.end).collect();
        all.sort_by_key(|q| q.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for q in all {
            match merged.last_mut() {
                Some(last) if q.start <= last.end => last.end = last.end.max(q.end),
                _ => merged.push(q),
            }
        }
        Quoted { merged }
    }

    /// Whether some quote shares at least one character with `range`.
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        let i = self.merged.partition_point(|q| q.end <= range.start);
        self.merged
            .get(i)
            .is_some_and(|q| q.start < range.end && range.start < range.end)
    }
}

/// A candidate is annotated when a quote of its article (saved, or added in the edit session)
/// overlaps its clause: someone has made a claim of that passage, whatever claim it is.
pub fn is_annotated(candidate: &Candidate, quoted: &Quoted) -> bool {
    quoted.overlaps(&(candidate.start..candidate.end))
}

/// An article's coverage: "3 of 14 sentences back a claim · 2 candidates open".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// How many sentences the text has.
    pub sentences: usize,
    /// The sentences a quote overlaps.
    pub backing: Vec<Range<usize>>,
    /// The indices (in the candidates given) of the candidates neither annotated nor
    /// dismissed.
    pub open: Vec<usize>,
}

impl Coverage {
    /// Counts, from the text's sentences, the quotes anchored in it, and the assistant's
    /// candidates (`dismissed` says which the user put aside: they are not open).
    pub fn new(
        sentences: &[Range<usize>],
        quoted: &Quoted,
        candidates: &[Candidate],
        dismissed: impl Fn(&Candidate) -> bool,
    ) -> Coverage {
        Coverage {
            sentences: sentences.len(),
            backing: sentences
                .iter()
                .filter(|s| quoted.overlaps(s))
                .cloned()
                .collect(),
            open: candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| !is_annotated(c, quoted) && !dismissed(c))
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::{DatePrecision, Status};
    use crate::store::{Basis, EventKind};

    fn candidate(text: &str, clause: &str) -> Candidate {
        let byte = text.find(clause).unwrap();
        let start = text[..byte].chars().count();
        Candidate {
            place: Some("rawa".into()),
            name: "Rawa".into(),
            new_place: false,
            latitude: Some(34.47),
            longitude: Some(41.91),
            date: chrono::NaiveDate::from_ymd_opt(2017, 11, 11),
            date_phrase: None,
            precision: Some(DatePrecision::Day),
            date_note: None,
            kind: EventKind::Capture,
            from: vec![],
            to: vec!["islamic_state".into()],
            status: Status::Held,
            contested_by: vec![],
            lost_by: vec![],
            basis: Basis::Stated,
            text: clause.into(),
            start,
            end: start + clause.chars().count(),
            reason: String::new(),
            confidence: crate::assist::Confidence::Sure,
            grounds: vec![],
            claim_key: String::new(),
        }
    }

    fn chars_of(text: &str, passage: &str) -> Range<usize> {
        let byte = text.find(passage).unwrap();
        let start = text[..byte].chars().count();
        start..start + passage.chars().count()
    }

    const TEXT: &str = "Daesh’s fighters held Rawa. Gen. Yarallah said troops took Rumana. \
                        The weather was fine.\nIraqi forces entered Al Qaim on Friday.";

    #[test]
    fn sentences_are_counted_in_characters() {
        let s = sentence_chars(TEXT);
        assert_eq!(s.len(), 4, "{s:?}");
        // The curly apostrophe is three bytes and one character.
        assert_eq!(s[0], 0..27);
        let second: String = TEXT.chars().skip(s[1].start).take(s[1].len()).collect();
        assert_eq!(second, "Gen. Yarallah said troops took Rumana.");
    }

    #[test]
    fn a_sentence_backs_a_claim_when_a_quote_overlaps_it() {
        let sentences = sentence_chars(TEXT);
        // One quote inside the first sentence, one straddling the third and fourth.
        let quoted = Quoted::new([
            chars_of(TEXT, "held Rawa"),
            chars_of(TEXT, "fine.\nIraqi forces"),
        ]);
        let c = Coverage::new(&sentences, &quoted, &[], |_| false);
        assert_eq!(c.sentences, 4);
        assert_eq!(
            c.backing,
            vec![
                sentences[0].clone(),
                sentences[2].clone(),
                sentences[3].clone()
            ]
        );
        let none = Coverage::new(&sentences, &Quoted::default(), &[], |_| false);
        assert!(none.backing.is_empty());
    }

    #[test]
    fn a_candidate_is_open_until_a_quote_overlaps_its_clause_or_it_is_dismissed() {
        let sentences = sentence_chars(TEXT);
        let cands = [
            candidate(TEXT, "Daesh’s fighters held Rawa"),
            candidate(TEXT, "troops took Rumana"),
            candidate(TEXT, "Iraqi forces entered Al Qaim on Friday"),
        ];
        // A quote ending just before a clause does not annotate it; one character in does.
        let before = chars_of(TEXT, "Gen. Yarallah said ");
        let quoted = Quoted::new(std::iter::once(before.clone()));
        assert!(!is_annotated(&cands[1], &quoted));
        let quoted = Quoted::new(std::iter::once(before.start..before.end + 1));
        assert!(is_annotated(&cands[1], &quoted));

        let quoted = Quoted::new(std::iter::once(chars_of(TEXT, "Rawa. Gen.")));
        let c = Coverage::new(&sentences, &quoted, &cands, |c| c.text.contains("Al Qaim"));
        assert_eq!(c.open, vec![1], "Rawa is annotated, Al Qaim dismissed");
        let c = Coverage::new(&sentences, &quoted, &cands, |_| false);
        assert_eq!(c.open, vec![1, 2]);
    }

    #[test]
    fn overlapping_and_unsorted_quotes_merge() {
        let q = Quoted::new([10..20, 0..5, 15..30, 40..40]);
        assert!(q.overlaps(&(29..31)));
        assert!(!q.overlaps(&(30..40)));
        assert!(!q.overlaps(&(5..10)));
        assert!(q.overlaps(&(4..5)));
        assert!(!q.overlaps(&(3..3)), "an empty range overlaps nothing");
    }
}
