//! Which instants a video shows: from the start of the first day to the end of the last, one
//! frame every `step`, and always the last instant, so the final state is the last frame.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::store::dates::{end_of_day, start_of_day};

/// More frames than this is almost certainly a mistyped step (a minute over ten years).
pub const MAX_FRAMES: usize = 20_000;

/// Why no schedule could be made. Each says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error(
        "--step \"{0}\" is not a duration: use a number and a unit, e.g. 30m, 6h or 1d (at least 1m)"
    )]
    BadStep(String),
    #[error("the video starts on {from} but ends on {to}; give a --from on or before --to")]
    Empty { from: NaiveDate, to: NaiveDate },
    #[error(
        "{frames} frames is too many (at most {max}); choose a longer --step or a shorter --from/--to"
    )]
    TooMany { frames: usize, max: usize },
    #[error("the data has no dated event to replay; give both --from and --to")]
    NoDates,
}

/// Parses `30m`, `6h`, `1d` (minutes, hours, days).
pub fn parse_step(s: &str) -> Result<TimeDelta, ScheduleError> {
    let bad = || ScheduleError::BadStep(s.to_owned());
    let t = s.trim();
    let unit = t.chars().last().ok_or_else(bad)?;
    let n: i64 = t[..t.len() - unit.len_utf8()]
        .trim()
        .parse()
        .map_err(|_| bad())?;
    let step = match unit.to_ascii_lowercase() {
        'm' => TimeDelta::try_minutes(n),
        'h' => TimeDelta::try_hours(n),
        'd' => TimeDelta::try_days(n),
        _ => None,
    }
    .ok_or_else(bad)?;
    if step < TimeDelta::minutes(1) {
        return Err(bad());
    }
    Ok(step)
}

/// The instants of a video, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub step: TimeDelta,
}

impl Schedule {
    /// From the start of `from` to the end of `to`; a missing day is taken from `span` (the
    /// data's first and last instants).
    pub fn new(
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        span: Option<(NaiveDateTime, NaiveDateTime)>,
        step: TimeDelta,
    ) -> Result<Schedule, ScheduleError> {
        let from = from
            .or(span.map(|s| s.0.date()))
            .ok_or(ScheduleError::NoDates)?;
        let to = to
            .or(span.map(|s| s.1.date()))
            .ok_or(ScheduleError::NoDates)?;
        if from > to {
            return Err(ScheduleError::Empty { from, to });
        }
        let schedule = Schedule {
            start: start_of_day(from),
            end: end_of_day(to),
            step,
        };
        let frames = schedule.len();
        if frames > MAX_FRAMES {
            return Err(ScheduleError::TooMany {
                frames,
                max: MAX_FRAMES,
            });
        }
        Ok(schedule)
    }

    /// How many frames: every step from the start that is not past the end, plus the end.
    pub fn len(&self) -> usize {
        let span = (self.end - self.start).num_seconds();
        let step = self.step.num_seconds().max(1);
        let on_grid = (span / step) as usize + 1;
        if span % step == 0 {
            on_grid
        } else {
            on_grid + 1
        }
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The instant of frame `i` (the end for the last one and past it).
    pub fn at(&self, i: usize) -> NaiveDateTime {
        let t = self.start + self.step * i32::try_from(i).unwrap_or(i32::MAX);
        t.min(self.end)
    }

    pub fn instants(&self) -> impl Iterator<Item = NaiveDateTime> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn steps_parse_in_minutes_hours_and_days() {
        assert_eq!(parse_step("30m"), Ok(TimeDelta::minutes(30)));
        assert_eq!(parse_step("6h"), Ok(TimeDelta::hours(6)));
        assert_eq!(parse_step(" 2D "), Ok(TimeDelta::days(2)));
        for bad in ["", "h", "6", "6y", "-1h", "0m", "1.5h"] {
            let err = parse_step(bad).unwrap_err();
            assert!(err.to_string().contains("6h"), "{bad}: {err}");
        }
    }

    #[test]
    fn ten_days_every_six_hours_end_on_the_last_instant() {
        let s = Schedule::new(
            Some(d("2017-11-03")),
            Some(d("2017-11-12")),
            None,
            TimeDelta::hours(6),
        )
        .unwrap();
        let all: Vec<_> = s.instants().collect();
        // 00:00, 06:00, 12:00, 18:00 on each of ten days, and 23:59:59 on the last.
        assert_eq!(all.len(), 41);
        assert_eq!(s.len(), 41);
        assert_eq!(all[0].to_string(), "2017-11-03 00:00:00");
        assert_eq!(all[1].to_string(), "2017-11-03 06:00:00");
        assert_eq!(all[39].to_string(), "2017-11-12 18:00:00");
        assert_eq!(all[40].to_string(), "2017-11-12 23:59:59");
        assert!(all.windows(2).all(|w| w[0] < w[1]), "strictly increasing");
    }

    #[test]
    fn missing_days_come_from_the_data_and_bad_windows_are_refused() {
        let span = Some((
            d("2017-11-03").and_hms_opt(0, 0, 0).unwrap(),
            d("2017-11-04").and_hms_opt(12, 0, 0).unwrap(),
        ));
        let s = Schedule::new(None, None, span, TimeDelta::days(1)).unwrap();
        assert_eq!(s.start.to_string(), "2017-11-03 00:00:00");
        assert_eq!(s.end.to_string(), "2017-11-04 23:59:59");
        assert_eq!(s.len(), 3, "two midnights and the end");

        let err = Schedule::new(Some(d("2017-11-05")), None, span, TimeDelta::hours(1));
        assert!(matches!(err, Err(ScheduleError::Empty { .. })), "{err:?}");
        assert_eq!(
            Schedule::new(None, None, None, TimeDelta::hours(1)),
            Err(ScheduleError::NoDates)
        );
        let err = Schedule::new(
            Some(d("2000-01-01")),
            Some(d("2017-01-01")),
            None,
            TimeDelta::minutes(1),
        );
        assert!(matches!(err, Err(ScheduleError::TooMany { .. })), "{err:?}");
    }
}
