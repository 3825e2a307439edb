//! What changed between two instants, while the "what changed" window shows it: the two
//! instants and the places whose state differs ([`crate::diff`]). The window and the map's rings
//! read it.

use chrono::{Duration, NaiveDateTime};

use crate::diff::{self, PlaceChange};
use crate::store::Store;

/// A comparison being shown: its two instants and what changed between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub from: NaiveDateTime,
    pub to: NaiveDateTime,
    pub changes: Vec<PlaceChange>,
}

impl Compared {
    pub fn new(store: &Store, from: NaiveDateTime, to: NaiveDateTime) -> Compared {
        Compared {
            from,
            to,
            changes: diff::diff(store, from, to),
        }
    }

    /// Whether a place is listed (ringed on the map).
    pub fn lists(&self, place: usize) -> bool {
        self.changes.iter().any(|c| c.place == place)
    }
}

/// The cursor's day against the day before: both at the end of their day.
pub fn day_before(cursor: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
    let to = crate::store::dates::end_of_day(cursor.date());
    (to - Duration::days(1), to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_before_ends_a_day_earlier() {
        let cursor = chrono::NaiveDate::from_ymd_opt(2017, 3, 2)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let (from, to) = day_before(cursor);
        assert_eq!(to.to_string(), "2017-03-02 23:59:59");
        assert_eq!(from.to_string(), "2017-03-01 23:59:59");
    }

    #[test]
    fn lists_the_places_that_changed() {
        let store = crate::bundled::store();
        let (start, end) = store.span().unwrap();
        let compared = Compared::new(&store, start, end);
        assert!(!compared.changes.is_empty());
        let place = compared.changes[0].place;
        assert!(compared.lists(place));
        assert!(!compared.lists(usize::MAX));
    }
}
