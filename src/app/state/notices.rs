//! The short notices of the top bar: "Reloaded at 10:42:07" or "Saved 2 files", shown for a
//! few seconds, and "--at 2014-06-01 is before the data ...", shown while the cursor stays
//! where `--at` put it.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

/// How long "Reloaded at ..." stays in the top bar.
pub const SHOWN_FOR: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, Default)]
pub struct Notices {
    /// What was said and when.
    news: Option<(String, Instant)>,
    /// What `--at` was clamped to, and why.
    clamped: Option<(String, NaiveDateTime)>,
}

impl Notices {
    /// Says something for a few seconds from `now`.
    pub fn say(&mut self, text: String, now: Instant) {
        self.news = Some((text, now));
    }

    /// Says why the cursor is not where `--at` asked, while it stays at `cursor`.
    pub fn clamped(&mut self, text: String, cursor: NaiveDateTime) {
        self.clamped = Some((text, cursor));
    }

    /// Whether news is being shown at `now` (and the top bar must be drawn again to let it go).
    pub fn has_news(&self, now: Instant) -> bool {
        self.news
            .as_ref()
            .is_some_and(|(_, at)| now.saturating_duration_since(*at) < SHOWN_FOR)
    }

    /// The notice to show at `now` with the cursor at `cursor`: news first.
    pub fn current(&self, now: Instant, cursor: NaiveDateTime) -> Option<&str> {
        let news = self.news.as_ref().filter(|_| self.has_news(now));
        let clamped = self.clamped.as_ref().filter(|(_, at)| *at == cursor);
        news.map(|(t, _)| t.as_str())
            .or(clamped.map(|(t, _)| t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2017, 1, day)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    #[test]
    fn news_goes_after_a_few_seconds() {
        let mut n = Notices::default();
        let now = Instant::now();
        n.say("Saved 1 file".into(), now);
        assert_eq!(n.current(now, at(1)), Some("Saved 1 file"));
        let later = now + SHOWN_FOR;
        assert!(!n.has_news(later));
        assert_eq!(n.current(later, at(1)), None);
    }

    #[test]
    fn the_clamp_is_said_while_the_cursor_stays() {
        let mut n = Notices::default();
        let now = Instant::now();
        n.clamped("before the data".into(), at(2));
        assert_eq!(n.current(now, at(2)), Some("before the data"));
        assert_eq!(n.current(now, at(3)), None);
        n.say("Reloaded".into(), now);
        assert_eq!(n.current(now, at(2)), Some("Reloaded"), "news first");
    }
}
