//! What the reader marks in an article's text, and how: the quote, the clause of a candidate
//! clicked in the list, the sentences that back a claim, the open candidates, and the
//! assistant's place, actor and date mentions. Marks are layers of character ranges; they are
//! flattened into runs of one style each ([`runs`]) that the layout turns into text formats.
//! Hovering looks a character up in the mentions ([`MentionIndex::at`]).

use std::ops::Range;

use egui::{Color32, FontId, Stroke, TextFormat};

use crate::assist::{ActorMention, DateMention, Mentions, PlaceMention};

/// One kind of mark over a range of characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    /// The quote the reader was opened at.
    Quote,
    /// The clause of the candidate clicked in the list.
    Focus,
    /// A sentence that a quote overlaps.
    Backs,
    /// The clause of a candidate not annotated yet.
    Open,
    /// A place the data has.
    Place,
    /// A place only the regional gazetteer has.
    NewPlace,
    /// An actor, underlined in its colour.
    Actor(Color32),
    Date,
}

/// Every mark on a run of characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    pub quote: bool,
    pub focus: bool,
    pub backs: bool,
    pub open: bool,
    pub place: bool,
    pub new_place: bool,
    pub actor: Option<Color32>,
    pub date: bool,
}

impl Marks {
    fn add(&mut self, layer: Layer) {
        match layer {
            Layer::Quote => self.quote = true,
            Layer::Focus => self.focus = true,
            Layer::Backs => self.backs = true,
            Layer::Open => self.open = true,
            Layer::Place => self.place = true,
            Layer::NewPlace => self.new_place = true,
            Layer::Actor(c) => self.actor = Some(c),
            Layer::Date => self.date = true,
        }
    }
}

// The reader's palette: backgrounds for passages, text colours for names.
pub(crate) const TEXT: Color32 = Color32::from_gray(30);
pub(crate) const QUOTE_BG: Color32 = Color32::from_rgb(255, 222, 100);
pub(crate) const FOCUS_BG: Color32 = Color32::from_rgb(160, 205, 255);
pub(crate) const BACKS_BG: Color32 = Color32::from_rgb(218, 242, 216);
pub(crate) const OPEN_BG: Color32 = Color32::from_rgb(255, 226, 194);
pub(crate) const PLACE: Color32 = Color32::from_rgb(0, 84, 170);
pub(crate) const NEW_PLACE: Color32 = Color32::from_rgb(180, 78, 0);
pub(crate) const DATE: Color32 = Color32::from_rgb(128, 40, 150);
/// "Government forces" of a sentence that does not say which government.
pub(crate) const SOME_ACTOR: Color32 = Color32::from_gray(120);

/// The text format of a run with these marks: one background (the clicked clause over the
/// quote over an open candidate over a backing sentence), a text colour for places and
/// dates, an underline for actors (thin ones for dates and new places).
pub(crate) fn format(marks: Marks) -> TextFormat {
    let mut f = TextFormat {
        font_id: FontId::proportional(14.0),
        color: TEXT,
        ..Default::default()
    };
    f.background = if marks.focus {
        FOCUS_BG
    } else if marks.quote {
        QUOTE_BG
    } else if marks.open {
        OPEN_BG
    } else if marks.backs {
        BACKS_BG
    } else {
        Color32::TRANSPARENT
    };
    if marks.quote || marks.focus {
        f.color = Color32::BLACK;
    }
    // Not in italics: egui slants the glyphs without widening them, into the next word.
    if marks.date {
        f.color = DATE;
        f.underline = Stroke::new(1.0, DATE.gamma_multiply(0.5));
    }
    if marks.new_place {
        f.color = NEW_PLACE;
        f.underline = Stroke::new(1.0, NEW_PLACE);
    } else if marks.place {
        f.color = PLACE;
    }
    if let Some(c) = marks.actor {
        f.underline = Stroke::new(2.0, c);
    }
    f
}

/// The text cut into runs of one set of marks each, covering `0..len` in order (character
/// offsets). Layers may overlap; empty ones and those past the end are ignored.
pub(crate) fn runs(len: usize, layers: &[(Range<usize>, Layer)]) -> Vec<(Range<usize>, Marks)> {
    let mut layers: Vec<(Range<usize>, Layer)> = layers
        .iter()
        .filter(|(r, _)| r.start < r.end && r.start < len)
        .map(|(r, l)| (r.start..r.end.min(len), *l))
        .collect();
    layers.sort_by_key(|(r, _)| r.start);
    let mut cuts: Vec<usize> = layers
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain([0, len])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, Marks)> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&i| layers[i].0.end > a);
        // Every layer starts at a cut, so none starts inside `a..b`.
        while next < layers.len() && layers[next].0.start <= a {
            if layers[next].0.end > a {
                active.push(next);
            }
            next += 1;
        }
        let mut marks = Marks::default();
        for &i in &active {
            marks.add(layers[i].1);
        }
        match out.last_mut() {
            Some((r, m)) if *m == marks => r.end = b,
            _ => out.push((a..b, marks)),
        }
    }
    out
}

/// A mention under the pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Hit<'a> {
    Place(&'a PlaceMention),
    Actor(&'a ActorMention),
    Date(&'a DateMention),
}

/// The mentions of one text by position, to find the one at a character quickly.
#[derive(Debug, Clone, Default)]
pub(crate) struct MentionIndex {
    /// (start, end, kind: 0 place, 1 actor, 2 date, index in its list), by start.
    spans: Vec<(usize, usize, u8, usize)>,
}

impl MentionIndex {
    pub fn new(m: &Mentions) -> MentionIndex {
        let mut spans: Vec<(usize, usize, u8, usize)> = m
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, p.end, 0, i))
            .chain(
                m.actors
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (a.start, a.end, 1, i)),
            )
            .chain(
                m.dates
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (d.start, d.end, 2, i)),
            )
            .filter(|(s, e, ..)| s < e)
            .collect();
        spans.sort_unstable();
        MentionIndex { spans }
    }

    /// The mention that covers character `at` (a code-point offset of the text): the
    /// innermost, when a date phrase holds a name.
    pub fn at<'a>(&self, mentions: &'a Mentions, at: usize) -> Option<Hit<'a>> {
        let after = self.spans.partition_point(|s| s.0 <= at);
        // Mentions rarely nest; looking back a few is enough to find one that covers `at`.
        let (_, _, kind, i) = *self.spans[..after]
            .iter()
            .rev()
            .take(4)
            .filter(|s| at < s.1)
            .min_by_key(|s| s.1 - s.0)?;
        match kind {
            0 => mentions.places.get(i).map(Hit::Place),
            1 => mentions.actors.get(i).map(Hit::Actor),
            _ => mentions.dates.get(i).map(Hit::Date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    use crate::assist::{Assistant, DatePrecision};

    #[test]
    fn overlapping_layers_become_runs_of_one_style() {
        let red = Color32::RED;
        let runs = runs(
            20,
            &[
                (0..10, Layer::Backs),
                (2..5, Layer::Place),
                (4..8, Layer::Quote),
                (15..25, Layer::Actor(red)),
                (12..12, Layer::Date),
            ],
        );
        let ranges: Vec<Range<usize>> = runs.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(ranges, vec![0..2, 2..4, 4..5, 5..8, 8..10, 10..15, 15..20]);
        assert!(runs[0].1.backs && !runs[0].1.place);
        assert!(runs[2].1.backs && runs[2].1.place && runs[2].1.quote);
        assert!(!runs[3].1.place && runs[3].1.quote);
        assert_eq!(runs[5].1, Marks::default());
        assert_eq!(runs[6].1.actor, Some(red));
        // Neighbouring runs with the same marks are one.
        let merged = super::runs(10, &[(0..4, Layer::Date), (4..8, Layer::Date)]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].0, 0..8);
    }

    #[test]
    fn a_character_is_looked_up_in_the_mentions() {
        let store = crate::bundled::store();
        let text = "Daesh recaptured Bukamal on Saturday, and Iraqi forces took Hit.";
        let published = NaiveDate::from_ymd_opt(2017, 11, 12).unwrap();
        let mentions = Assistant::new(&store).mentions(text, published).unwrap();
        let index = MentionIndex::new(&mentions);
        let char_of = |s: &str| text[..text.find(s).unwrap()].chars().count();

        // Every character of "Bukamal", and not the space after it.
        let b = char_of("Bukamal");
        for at in b..b + 7 {
            match index.at(&mentions, at) {
                Some(Hit::Place(p)) => assert_eq!(p.place, "abu_kamal"),
                other => panic!("{at}: {other:?}"),
            }
        }
        assert_eq!(index.at(&mentions, b + 7), None);
        match index.at(&mentions, char_of("Saturday")) {
            Some(Hit::Date(d)) => {
                assert_eq!(d.date, NaiveDate::from_ymd_opt(2017, 11, 11).unwrap());
                assert_eq!(d.precision, DatePrecision::Day);
            }
            other => panic!("{other:?}"),
        }
        match index.at(&mentions, char_of("Daesh") + 2) {
            Some(Hit::Actor(a)) => assert_eq!(a.actor.as_deref(), Some("islamic_state")),
            other => panic!("{other:?}"),
        }
        match index.at(&mentions, char_of("Hit")) {
            Some(Hit::Place(p)) => assert!(p.new_place, "Hit is only in the gazetteer"),
            other => panic!("{other:?}"),
        }
        assert_eq!(index.at(&mentions, char_of("recaptured")), None);
        assert_eq!(index.at(&mentions, 10_000), None);
    }
}
