//! The reader's text laid out: the article's text with its marks as one galley, and for
//! right-to-left paragraphs the visual order egui cannot work out itself.
//!
//! egui 0.37 shapes Arabic but places every run left to right, in the order of the string
//! (see [`crate::view::bidi`]). A right-to-left paragraph is therefore first laid out as it is
//! stored, only to find where its lines break; each line is then put in visual order
//! ([`bidi::visual_line`], with the paragraph's direction) and the lines are joined with line
//! breaks, so that egui lays out exactly those lines. Their rows are then moved to the right
//! edge. The galley's text is thus the *display* text, not the article's: [`Display::logical`]
//! maps each of its characters back to the article's character offsets, for the selection
//! ("New claim" needs the stored text's offsets), hovering and scrolling. Articles without a
//! right-to-left paragraph are shown as they are, and the map is the identity.

use egui::text::{CCursor, LayoutJob};
use egui::{Galley, Ui};
use std::ops::Range;

use super::highlights::{Layer, Marks, format, runs};
use crate::view::bidi::{self, Direction};

/// Room left at the end of a right-to-left line measured in stored order, so that the same
/// line in visual order (the same glyphs) never wraps again.
const SLACK: f32 = 4.0;

/// The text given to egui and where its characters come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Display {
    pub text: String,
    /// For each character of `text`, the article's character it shows; `None` when `text` is
    /// the article's text itself. A line break added between two lines of a wrapped
    /// right-to-left paragraph maps to the last character of the line before it.
    pub logical: Option<Vec<usize>>,
    /// Character ranges of `text` that are right-to-left lines: their rows go to the right.
    pub rtl_lines: Vec<Range<usize>>,
}

impl Display {
    /// The article's character shown at a character of the display text.
    pub fn to_logical(&self, display: usize) -> usize {
        match &self.logical {
            None => display,
            Some(map) => map
                .get(display)
                .copied()
                .unwrap_or_else(|| map.last().map_or(0, |l| l + 1)),
        }
    }

    /// The article's characters shown by the display characters `a..b` (a selection): the
    /// smallest stored range that holds all of them. A selection dragged across a
    /// right-to-left line covers a visual stretch, which can be two pieces of the stored
    /// text; the claim's quote must be one passage, so it takes what lies between.
    pub fn selection_to_logical(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if a >= b {
            return None;
        }
        match &self.logical {
            None => Some((a, b)),
            Some(map) => {
                let shown = map.get(a..b.min(map.len()))?;
                let start = *shown.iter().min()?;
                let end = *shown.iter().max()? + 1;
                Some((start, end))
            }
        }
    }

    /// The display character ranges that show the article's characters `logical`, in order.
    pub fn to_display(&self, logical: Range<usize>) -> Vec<Range<usize>> {
        match &self.logical {
            None => vec![logical],
            Some(map) => {
                let mut out: Vec<Range<usize>> = Vec::new();
                for (i, l) in map.iter().enumerate() {
                    if logical.contains(l) {
                        match out.last_mut() {
                            Some(r) if r.end == i => r.end = i + 1,
                            _ => out.push(i..i + 1),
                        }
                    }
                }
                out
            }
        }
    }
}

/// The paragraphs (lines of the stored text) whose base direction is right to left, as
/// character ranges without their line break.
pub(crate) fn rtl_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        if bidi::paragraph_direction(line) == Direction::RightToLeft {
            out.push(start..start + len);
        }
        start += len + 1;
    }
    out
}

/// The display text of an article whose right-to-left paragraphs break into the lines given
/// (`breaks[i]` are the character counts of the lines of `paragraphs[i]`, in stored order).
pub(crate) fn display_text(
    text: &str,
    paragraphs: &[Range<usize>],
    breaks: &[Vec<usize>],
) -> Display {
    if paragraphs.is_empty() {
        return Display {
            text: text.to_owned(),
            logical: None,
            rtl_lines: Vec::new(),
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 64);
    let mut map = Vec::with_capacity(chars.len() + 16);
    let mut rtl_lines = Vec::new();
    let mut at = 0;
    for (p, lines) in paragraphs.iter().zip(breaks) {
        // The text before the paragraph, as it is.
        for (i, &c) in chars.iter().enumerate().take(p.start).skip(at) {
            out.push(c);
            map.push(i);
        }
        let mut line_start = p.start;
        // Whatever the rows did not account for is a last line of its own.
        let counted: usize = lines.iter().sum();
        let rest = (p.end - p.start).saturating_sub(counted);
        let lines = lines.iter().copied().chain((rest > 0).then_some(rest));
        for (n, count) in lines.enumerate() {
            let line_end = (line_start + count).min(p.end);
            if n > 0 {
                out.push('\n');
                map.push(line_start.saturating_sub(1));
            }
            let line: String = chars[line_start..line_end].iter().collect();
            let visual = bidi::visual_line(&line, Direction::RightToLeft);
            let first = map.len();
            out.push_str(&visual.text);
            map.extend(visual.logical.iter().map(|l| line_start + l));
            rtl_lines.push(first..map.len());
            line_start = line_end;
        }
        at = p.end;
    }
    for (i, &c) in chars.iter().enumerate().skip(at) {
        out.push(c);
        map.push(i);
    }
    Display {
        text: out,
        logical: Some(map),
        rtl_lines,
    }
}

/// Where a paragraph breaks into lines at this width: the character counts of its lines,
/// filled word by word (a word with the spaces after it) from the words' measured widths.
/// egui's own rows cannot say it: for a shaped Arabic word they hold more glyphs than the word
/// has characters (the shaped glyphs, and zero-width ones for the rest of the cluster).
fn line_breaks(ui: &Ui, paragraph: &str, width: f32) -> Vec<usize> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in paragraph.chars() {
        if !c.is_whitespace() && word.ends_with(char::is_whitespace) {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut lines = Vec::new();
    let (mut count, mut used) = (0, 0.0);
    for w in words {
        let measured = ui
            .painter()
            .layout_job(LayoutJob::single_section(
                w.clone(),
                format(Marks::default()),
            ))
            .rect
            .width();
        if count > 0 && used + measured > width {
            lines.push(count);
            (count, used) = (0, 0.0);
        }
        count += w.chars().count();
        used += measured;
    }
    if count > 0 {
        lines.push(count);
    }
    lines
}

/// The display text for this width: right-to-left paragraphs are measured in stored order to
/// find their line breaks.
pub(crate) fn display_for_width(ui: &Ui, text: &str, width: f32) -> Display {
    let paragraphs = rtl_paragraphs(text);
    if paragraphs.is_empty() {
        return display_text(text, &[], &[]);
    }
    let chars: Vec<char> = text.chars().collect();
    let breaks: Vec<Vec<usize>> = paragraphs
        .iter()
        .map(|p| {
            let paragraph: String = chars[p.clone()].iter().collect();
            line_breaks(ui, &paragraph, (width - SLACK).max(40.0))
        })
        .collect();
    display_text(text, &paragraphs, &breaks)
}

/// The layout job of a display text with its marks (`layers` are in the article's character
/// offsets), wrapped at `width`. egui keeps the galley of a job it has laid out before, so
/// asking for it every frame costs a hash of the job.
pub(crate) fn job(
    display: &Display,
    layers: &[(Range<usize>, Layer)],
    article_len: usize,
    width: f32,
) -> LayoutJob {
    let runs = runs(article_len, layers);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    match &display.logical {
        None => {
            let text = &display.text;
            let mut start_byte = 0;
            for (range, marks) in &runs {
                let end_byte = text[start_byte..]
                    .char_indices()
                    .nth(range.end - range.start)
                    .map_or(text.len(), |(i, _)| start_byte + i);
                job.append(&text[start_byte..end_byte], 0.0, format(*marks));
                start_byte = end_byte;
            }
        }
        Some(map) => {
            let marks_at = |l: usize| {
                let i = runs.partition_point(|(r, _)| r.end <= l);
                runs.get(i).map(|(_, m)| *m).unwrap_or_default()
            };
            let mut piece = String::new();
            let mut current: Option<Marks> = None;
            for (c, &l) in display.text.chars().zip(map) {
                let m = marks_at(l);
                if let Some(cm) = current
                    && cm != m
                {
                    job.append(&piece, 0.0, format(cm));
                    piece.clear();
                }
                current = Some(m);
                piece.push(c);
            }
            if let Some(cm) = current {
                job.append(&piece, 0.0, format(cm));
            }
        }
    }
    job
}

/// Moves the rows of right-to-left lines so that they end at the right edge. Rows are matched
/// to lines by the line breaks that end them, not by counting characters: egui's rows count
/// glyphs, and a shaped Arabic word has more glyphs than characters.
pub(crate) fn align_right(galley: &mut Galley, display: &Display, width: f32) {
    let mut starts = std::collections::HashSet::new();
    let mut line = 0;
    let mut next = display.rtl_lines.iter().peekable();
    for (i, c) in display.text.chars().enumerate() {
        while next.peek().is_some_and(|r| r.start <= i) {
            starts.insert(line);
            next.next();
        }
        if c == '\n' {
            line += 1;
        }
    }
    if next.peek().is_some() {
        starts.insert(line);
    }
    let mut line = 0;
    for row in &mut galley.rows {
        if starts.contains(&line) {
            let shift = (width - row.rect().width()).max(0.0);
            row.pos.x += shift;
        }
        if row.ends_with_newline {
            line += 1;
        }
    }
    galley.rect.max.x = galley.rect.max.x.max(width);
    galley.mesh_bounds.max.x = galley.mesh_bounds.max.x.max(width);
}

/// Where the display characters `range` are drawn, relative to the galley.
pub(crate) fn rect_of(galley: &Galley, range: Range<usize>) -> egui::Rect {
    let a = galley.pos_from_cursor(CCursor::new(range.start));
    let b = galley.pos_from_cursor(CCursor::new(range.end));
    a.union(b)
}

/// The display character under a point (relative to the galley), if the point is on one: the
/// character just after the cursor nearest the point, or just before it (the pointer is on
/// a character's right half, or on the last character of a row).
pub(crate) fn char_at(galley: &Galley, pos: egui::Vec2) -> Option<usize> {
    let nearest = galley.cursor_from_pos(pos).index.0;
    [Some(nearest), nearest.checked_sub(1)]
        .into_iter()
        .flatten()
        .find(|&c| {
            let mut start = CCursor::new(c);
            start.prefer_next_row = true;
            let a = galley.pos_from_cursor(start);
            let b = galley.pos_from_cursor(CCursor::new(c + 1));
            let on_row = a.min.y <= pos.y && pos.y <= a.max.y && (a.min.y - b.min.y).abs() < 1.0;
            on_row && a.min.x <= pos.x && pos.x < b.min.x
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "استعاد ISIS البوكمال يوم السبت";

    #[test]
    fn the_character_under_the_pointer_is_found_on_every_row() {
        let ctx = egui::Context::default();
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let job = LayoutJob::simple(
                "Abu Kamal fell to IS on Saturday".to_owned(),
                egui::FontId::proportional(14.0),
                egui::Color32::BLACK,
                70.0,
            );
            galley = Some(ui.painter().layout_job(job));
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        let galley = galley.unwrap();
        assert!(galley.rows.len() > 2, "wrapped into rows");
        let n = galley.text().chars().count();
        for i in 0..n {
            let mut start = CCursor::new(i);
            start.prefer_next_row = true;
            let a = galley.pos_from_cursor(start);
            let b = galley.pos_from_cursor(CCursor::new(i + 1));
            if (a.min.y - b.min.y).abs() > 1.0 || b.min.x - a.min.x < 2.0 {
                continue; // a space swallowed at a row's end
            }
            let y = a.center().y;
            for x in [a.min.x + 0.5, (a.min.x + b.min.x) / 2.0, b.min.x - 0.5] {
                assert_eq!(char_at(&galley, egui::vec2(x, y)), Some(i), "{i} at {x}");
            }
        }
        let row = &galley.rows[0];
        let right_of_row = egui::vec2(row.rect().right() + 30.0, row.rect().center().y);
        assert_eq!(char_at(&galley, right_of_row), None);
        assert_eq!(char_at(&galley, egui::vec2(5.0, -40.0)), None);
    }

    #[test]
    fn a_right_to_left_paragraph_breaks_between_words_within_the_width() {
        let ctx = egui::Context::default();
        crate::app::theme::install_fonts(&ctx);
        let paragraph = "استعاد تنظيم الدولة الإسلامية (ISIS) مدينة البوكمال في شرق سوريا يوم \
                         السبت بعد هجوم مضاد عنيف، وذلك بعد يومين فقط من إعلان الجيش السوري \
                         السيطرة عليها.";
        let chars: Vec<char> = paragraph.chars().collect();
        for width in [180.0, 300.0, 540.0] {
            let mut lines = Vec::new();
            let mut widths = Vec::new();
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                lines = line_breaks(ui, paragraph, width);
                let mut at = 0;
                widths = lines
                    .iter()
                    .map(|&n| {
                        let line: String = chars[at..at + n].iter().collect();
                        at += n;
                        let job = LayoutJob::single_section(
                            line.trim_end().to_owned(),
                            format(Marks::default()),
                        );
                        ui.painter().layout_job(job).rect.width()
                    })
                    .collect();
            });
            output.textures_delta.clear();
            assert_eq!(lines.iter().sum::<usize>(), chars.len(), "at {width}");
            assert!(lines.len() > 1, "wraps at {width}");
            let mut at = 0;
            for (n, w) in lines.iter().zip(&widths) {
                at += n;
                assert!(*w <= width, "a line of {w} at {width}");
                if at < chars.len() {
                    assert!(
                        chars[at - 1] == ' ',
                        "breaks after a space, not inside a word"
                    );
                }
            }
        }
    }

    #[test]
    fn latin_articles_are_shown_as_they_are() {
        let text = "Daesh recaptured Bukamal.\nIt was Saturday.";
        assert!(rtl_paragraphs(text).is_empty());
        let d = display_text(text, &[], &[]);
        assert_eq!(d.text, text);
        assert_eq!(d.selection_to_logical(3, 9), Some((3, 9)));
        assert_eq!(d.to_display(2..5), vec![2..5]);
    }

    #[test]
    fn a_right_to_left_paragraph_is_shown_line_by_line_in_visual_order() {
        let text = format!("Headline\n{ARABIC}\nEnd");
        let paragraphs = rtl_paragraphs(&text);
        let p = 9..9 + ARABIC.chars().count();
        assert_eq!(paragraphs, vec![p.clone()]);
        // As if it wrapped after "ISIS " (12 characters) and after "البوكمال " (9 more).
        let d = display_text(&text, &paragraphs, &[vec![12, 9, 9]]);
        let lines: Vec<&str> = d.text.split('\n').collect();
        assert_eq!(lines[0], "Headline");
        assert_eq!(lines[4], "End");
        // The first line read right to left: "ISIS" left of "استعاد".
        let first: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(first, vec!["ISIS", "استعاد"]);
        assert_eq!(lines[2].trim(), "البوكمال");
        assert_eq!(d.rtl_lines.len(), 3);
        let map = d.logical.as_ref().unwrap();
        assert_eq!(map.len(), d.text.chars().count());
        // Every stored character is shown once (the added breaks repeat a neighbour).
        let mut shown: Vec<usize> = map.clone();
        shown.sort_unstable();
        shown.dedup();
        assert_eq!(shown, (0..text.chars().count()).collect::<Vec<_>>());
    }

    #[test]
    fn a_selection_in_visual_order_maps_back_to_stored_offsets() {
        let text = format!("Headline\n{ARABIC}");
        let paragraphs = rtl_paragraphs(&text);
        let d = display_text(&text, &paragraphs, &[vec![ARABIC.chars().count()]]);
        let stored = |s: &str| {
            let b = text.find(s).unwrap();
            let start = text[..b].chars().count();
            (start, start + s.chars().count())
        };
        // Selecting the word "البوكمال" where it is drawn selects it in the stored text.
        let (start, end) = stored("البوكمال");
        let drawn = d.to_display(start..end);
        assert_eq!(drawn.len(), 1, "{drawn:?}");
        assert_eq!(
            d.selection_to_logical(drawn[0].start, drawn[0].end),
            Some((start, end))
        );
        // A drag from "ISIS" over "البوكمال" (adjacent on screen, left to right) is the
        // stored passage "ISIS البوكمال".
        let isis = d.to_display(stored("ISIS").0..stored("ISIS").1);
        let from = drawn[0].start.min(isis[0].start);
        let to = drawn[0].end.max(isis[0].end);
        assert_eq!(
            d.selection_to_logical(from, to),
            Some((stored("ISIS").0, stored("البوكمال").1))
        );
        // The Latin headline is untouched.
        assert_eq!(d.selection_to_logical(0, 4), Some((0, 4)));
        assert_eq!(d.selection_to_logical(4, 4), None);
    }
}
