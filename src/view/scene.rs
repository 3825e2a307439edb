//! The view model of a frame: every place's state at the cursor, the selection, and what each
//! marker shows. Made from the store, the replay and the selection; draws nothing.

use chrono::NaiveDateTime;

use crate::store::{Basis, Control, PlaceIx, PlaceKind, PlaceState, Store};
use crate::view::filter::Filters;

/// What every view shows this frame. It is kept between frames: most frames (hovering,
/// panning, reading) do not move the time cursor, and a thousand lookups into a cold index
/// cost more than the rest of the map.
#[derive(Debug, Default)]
pub struct Scene {
    cursor: NaiveDateTime,
    selected: Option<PlaceIx>,
    states: Vec<PlaceState>,
    /// Whether `states` are for the store shown (false until the first update, and after the
    /// data is reloaded).
    current: bool,
    /// What the user chose to see, and for each place whether it is shown under them.
    filters: Filters,
    visible: Vec<bool>,
    /// Counts the changes of what the scene shows (states, selection, data), so that what is
    /// laid out from it (markers, labels) can be kept until the next change.
    revision: u64,
}

impl Scene {
    /// Brings the scene to the cursor and the selection.
    pub(crate) fn update(
        &mut self,
        store: &Store,
        cursor: NaiveDateTime,
        selected: Option<PlaceIx>,
    ) {
        if !self.current || cursor != self.cursor {
            self.states = store.states_at(cursor);
            self.cursor = cursor;
            self.current = true;
            self.revision += 1;
            self.visible = self.visibility(store);
        }
        if selected != self.selected {
            self.selected = selected;
            self.revision += 1;
        }
    }

    /// Applies the user's filters (a new revision when they changed).
    pub fn set_filters(&mut self, store: &Store, filters: &Filters) {
        if *filters != self.filters {
            self.filters = filters.clone();
            self.visible = self.visibility(store);
            self.revision += 1;
        }
    }

    fn visibility(&self, store: &Store) -> Vec<bool> {
        self.states
            .iter()
            .map(|s| self.filters.shows_place(store, s))
            .collect()
    }

    /// Whether the place is shown under the user's filters (the selected place always is).
    pub fn visible(&self, p: PlaceIx) -> bool {
        self.selected == Some(p) || self.visible.get(p).copied().unwrap_or(true)
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The data was reloaded: the states are computed again on the next update.
    pub(crate) fn data_changed(&mut self) {
        self.current = false;
    }

    /// A scene of a store at an instant, made at once (for tools and benchmarks).
    pub fn of(store: &Store, cursor: NaiveDateTime, selected: Option<PlaceIx>) -> Scene {
        let mut scene = Scene::default();
        scene.update(store, cursor, selected);
        scene
    }

    pub fn cursor(&self) -> NaiveDateTime {
        self.cursor
    }

    pub fn selected(&self) -> Option<PlaceIx> {
        self.selected
    }

    /// Every place's state at the cursor, in the order of the store's places.
    pub fn states(&self) -> &[PlaceState] {
        &self.states
    }

    pub fn state(&self, place: PlaceIx) -> &PlaceState {
        &self.states[place]
    }

    /// Changes whenever what the scene shows does.
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the place's state began within the day before the cursor.
    pub(crate) fn just_changed(&self, p: PlaceIx) -> bool {
        let s = &self.states[p];
        s.since.is_some_and(|since| {
            let age = self.cursor - since;
            age >= chrono::Duration::zero()
                && age < chrono::Duration::days(1)
                && s.control.is_some()
        })
    }

    /// Whether the place's state is its first report (nothing was known before it).
    pub fn first_report(&self, store: &Store, p: PlaceIx) -> bool {
        let s = &self.states[p];
        s.since_event.is_some() && store.timeline.place_events(p).next() == s.since_event
    }

    /// What the place's marker shows.
    pub fn marker(&self, store: &Store, p: PlaceIx) -> MarkerLook {
        let state = &self.states[p];
        MarkerLook {
            kind: store.places[p].kind,
            control: state.control,
            age_days: state.age_days(self.cursor),
            // A place's first report is news, not a change: it gets no halo.
            just_changed: self.just_changed(p) && !self.first_report(store, p),
            selected: self.selected == Some(p),
            inferred: state
                .since_event
                .is_some_and(|e| store.events[e].basis == Basis::Inferred),
        }
    }
}

/// What a marker shows: the place's kind, who holds it, how fresh that is, whether it just
/// changed, is selected, or is inferred rather than stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerLook {
    pub kind: PlaceKind,
    pub control: Option<Control>,
    /// Days since the state was last reported.
    pub age_days: Option<i64>,
    pub just_changed: bool,
    pub selected: bool,
    pub inferred: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2017, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_scene_follows_the_cursor_and_the_selection() {
        let store = crate::bundled::store();
        let ak = store
            .places
            .iter()
            .position(|p| p.id == "abu_kamal")
            .unwrap();
        let mut scene = Scene::of(&store, at(9, 12), None);
        assert_eq!(scene.states().len(), store.places.len());
        assert!(scene.just_changed(ak), "taken on the 9th");
        let look = scene.marker(&store, ak);
        assert!(look.just_changed && !look.selected);
        assert_eq!(look.age_days, Some(0));

        let revision = scene.revision();
        scene.update(&store, at(9, 12), None);
        assert_eq!(scene.revision(), revision, "nothing changed");
        scene.update(&store, at(10, 12), Some(ak));
        assert!(scene.revision() > revision);
        assert!(!scene.just_changed(ak), "a day and a half later");
        assert!(scene.marker(&store, ak).selected);
        assert_eq!(scene.marker(&store, ak).age_days, Some(1));
    }

    #[test]
    fn a_first_report_is_not_drawn_as_a_change() {
        let store = crate::bundled::store();
        let ak = store
            .places
            .iter()
            .position(|p| p.id == "abu_kamal")
            .unwrap();
        // On the first day of the data, Abu Kamal is first reported held by the Islamic State.
        let scene = Scene::of(&store, at(3, 20), None);
        assert!(scene.state(ak).control.is_some());
        assert!(scene.just_changed(ak), "its state began that day");
        assert!(scene.first_report(&store, ak));
        assert!(
            !scene.marker(&store, ak).just_changed,
            "but nothing changed"
        );
        // Taken on the 9th: a change, with its halo.
        let scene = Scene::of(&store, at(9, 12), None);
        assert!(!scene.first_report(&store, ak));
        assert!(scene.marker(&store, ak).just_changed);
    }

    #[test]
    fn new_data_is_shown_even_at_the_same_instant() {
        let store = crate::bundled::store();
        let mut scene = Scene::of(&store, at(10, 0), None);
        let revision = scene.revision();
        let empty = Store::default();
        scene.data_changed();
        scene.update(&empty, at(10, 0), None);
        assert!(scene.states().is_empty());
        assert!(scene.revision() > revision);
    }
}
