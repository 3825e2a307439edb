//! The replay: where the time cursor is, whether it plays, how fast, whether it loops.
//!
//! A plain value with methods, separate from the panel that draws it (as in Rerun's time
//! control): the panel reads it, changes a copy, and writes it back. No egui here, so it is
//! unit-tested on its own.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::store::Timeline;

/// Milliseconds in a day: the replay counts time in days, chrono in milliseconds.
pub(crate) const MS_PER_DAY: f64 = 86_400_000.0;

/// Playback speeds offered, in days per second.
pub(crate) const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    /// The instant shown.
    pub cursor: NaiveDateTime,
    /// The span the cursor moves in.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub playing: bool,
    /// Days of data per second of playback.
    pub speed: f64,
    pub looping: bool,
}

impl Replay {
    /// A paused replay at the start of the span, at one day per second.
    pub fn new(start: NaiveDateTime, end: NaiveDateTime) -> Replay {
        let end = end.max(start);
        Replay {
            cursor: start,
            start,
            end,
            playing: false,
            speed: 1.0,
            looping: false,
        }
    }

    /// Moves the cursor, clamped to the span.
    pub(crate) fn set_cursor(&mut self, at: NaiveDateTime) {
        self.cursor = at.clamp(self.start, self.end);
    }

    /// Starts or stops playing. Playing from the end starts again from the beginning.
    pub(crate) fn toggle_play(&mut self) {
        if self.playing {
            self.playing = false;
        } else {
            if self.cursor >= self.end {
                self.cursor = self.start;
            }
            self.playing = true;
        }
    }

    /// Advances the cursor by `seconds` of wall time when playing. At the end it loops or stops.
    /// Returns whether the cursor moved.
    pub(crate) fn advance(&mut self, seconds: f64) -> bool {
        if !self.playing || seconds <= 0.0 {
            return false;
        }
        let step = Duration::milliseconds((seconds * self.speed * MS_PER_DAY).round() as i64);
        let next = self.cursor + step;
        if next >= self.end {
            if self.looping {
                self.cursor = self.start;
            } else {
                self.cursor = self.end;
                self.playing = false;
            }
        } else {
            self.cursor = next;
        }
        true
    }

    /// Jumps to the next change of control after the cursor, if any. Stops playback.
    pub(crate) fn step_next(&mut self, timeline: &Timeline) -> bool {
        self.playing = false;
        match timeline.next_change(self.cursor).filter(|t| *t <= self.end) {
            Some(t) => {
                self.cursor = t;
                true
            }
            None => false,
        }
    }

    /// Jumps to the previous change of control before the cursor, if any. Stops playback.
    pub(crate) fn step_prev(&mut self, timeline: &Timeline) -> bool {
        self.playing = false;
        match timeline.prev_change(self.cursor) {
            Some(t) => {
                self.cursor = t.max(self.start);
                true
            }
            None => false,
        }
    }

    pub(crate) fn jump_start(&mut self) {
        self.cursor = self.start;
    }

    pub(crate) fn jump_end(&mut self) {
        self.cursor = self.end;
        self.playing = false;
    }

    /// The next speed up or down the ladder of [`SPEEDS`].
    pub fn faster(&mut self) {
        if let Some(s) = SPEEDS.iter().find(|s| **s > self.speed) {
            self.speed = *s;
        }
    }

    pub fn slower(&mut self) {
        if let Some(s) = SPEEDS.iter().rev().find(|s| **s < self.speed) {
            self.speed = *s;
        }
    }

    /// Length of the span in days (for the slider and the axis).
    pub fn span_days(&self) -> f64 {
        (self.end - self.start).num_milliseconds() as f64 / MS_PER_DAY
    }

    /// The cursor as days since the start.
    pub(crate) fn cursor_days(&self) -> f64 {
        self.days_of(self.cursor)
    }

    pub fn days_of(&self, t: NaiveDateTime) -> f64 {
        (t - self.start).num_milliseconds() as f64 / MS_PER_DAY
    }

    /// The instant `days` after the start.
    pub(crate) fn instant_at(&self, days: f64) -> NaiveDateTime {
        self.start + Duration::milliseconds((days * MS_PER_DAY).round() as i64)
    }

    /// Adapts to a new span (after the data is reloaded), keeping the cursor where possible.
    pub(crate) fn set_span(&mut self, start: NaiveDateTime, end: NaiveDateTime) {
        self.start = start;
        self.end = end.max(start);
        self.cursor = self.cursor.clamp(self.start, self.end);
    }
}

/// `--at` (or a date typed in the app) is not a date or an instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{explanation}")]
pub struct InstantError {
    /// What the user wrote.
    pub input: String,
    /// What is wrong and how to write it, in words.
    pub explanation: String,
}

/// Reads an instant to put the cursor at (`--at`, the dates compared in the app): a bare date
/// means the end of that day. Below both the app and the command line, which read it alike.
pub fn parse_at(s: &str) -> Result<NaiveDateTime, InstantError> {
    crate::store::dates::parse_instant(s)
        .map(|i| i.end_instant())
        .map_err(|e| InstantError {
            input: s.to_owned(),
            explanation: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(day: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2017, 11, day)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn replay() -> Replay {
        Replay::new(t(3, 0), t(12, 23) + Duration::seconds(3599))
    }

    #[test]
    fn starts_paused_at_the_start() {
        let r = replay();
        assert_eq!(r.cursor, t(3, 0));
        assert!(!r.playing);
        assert_eq!(r.speed, 1.0);
    }

    #[test]
    fn playing_advances_one_day_per_second_by_default() {
        let mut r = replay();
        assert!(!r.advance(1.0), "paused: no movement");
        r.toggle_play();
        assert!(r.advance(1.0));
        assert_eq!(r.cursor, t(4, 0));
        r.speed = 0.5;
        r.advance(1.0);
        assert_eq!(r.cursor, t(4, 12));
    }

    #[test]
    fn stops_at_the_end_or_loops() {
        let mut r = replay();
        r.toggle_play();
        r.advance(100.0);
        assert_eq!(r.cursor, r.end);
        assert!(!r.playing);
        // Play again from the end restarts.
        r.toggle_play();
        assert_eq!(r.cursor, r.start);
        r.looping = true;
        r.advance(100.0);
        assert_eq!(r.cursor, r.start);
        assert!(r.playing);
    }

    #[test]
    fn cursor_is_clamped_to_the_span() {
        let mut r = replay();
        r.set_cursor(t(1, 0));
        assert_eq!(r.cursor, r.start);
        r.set_cursor(t(20, 0));
        assert_eq!(r.cursor, r.end);
        assert!(
            (r.instant_at(r.cursor_days()) - r.cursor)
                .num_seconds()
                .abs()
                <= 1
        );
    }

    #[test]
    fn steps_from_change_to_change() {
        let store = crate::bundled::store();
        let mut r = replay();
        // From 3 Nov 00:00, the next change is Abu Kamal on 9 Nov.
        assert!(r.step_next(&store.timeline));
        assert_eq!(r.cursor, t(9, 0));
        assert!(r.step_next(&store.timeline));
        assert_eq!(r.cursor, t(11, 0));
        assert!(!r.step_next(&store.timeline), "no change after 11 Nov");
        assert_eq!(r.cursor, t(11, 0));
        assert!(r.step_prev(&store.timeline));
        assert_eq!(r.cursor, t(9, 0));
        assert!(r.step_prev(&store.timeline));
        assert_eq!(r.cursor, t(3, 0));
        // Before the span's start the previous change (September) is clamped to the start.
        r.step_prev(&store.timeline);
        assert_eq!(r.cursor, t(3, 0));
    }

    #[test]
    fn days_and_instants_convert_both_ways() {
        let r = replay();
        assert_eq!(r.instant_at(1.5), t(4, 12));
        assert_eq!(r.days_of(t(5, 6)), 2.25);
        assert_eq!(r.instant_at(r.days_of(t(7, 18))), t(7, 18));
    }

    #[test]
    fn speed_ladder() {
        let mut r = replay();
        r.faster();
        assert_eq!(r.speed, 2.0);
        r.slower();
        r.slower();
        assert_eq!(r.speed, 0.5);
    }
}
