//! What the user chose to see: actors hidden from the map, the chart and the feed, inferred
//! states hidden ("stated only"), and the event feed narrowed to a place or a kind of event.
//! Free of any UI type so that the rules are tested alone and shared by the app and the
//! `screenshot` command; remembered between runs with the rest of the app's state.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::store::{Basis, Control, EventIx, EventKind, PlaceIx, PlaceState, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Ids of the actors whose places are hidden.
    pub hidden: BTreeSet<String>,
    /// Hide states and events that are inferred rather than stated.
    pub stated_only: bool,
    /// The feed shows only the selected place's events.
    pub feed_selected_only: bool,
    /// The feed shows only events of this kind.
    pub feed_kind: Option<EventKind>,
}

impl Filters {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Hides the actor when shown, shows it when hidden.
    pub fn toggle_actor(&mut self, id: &str) {
        if !self.hidden.remove(id) {
            self.hidden.insert(id.to_owned());
        }
    }

    pub fn hides_actor(&self, store: &Store, actor: usize) -> bool {
        store
            .actors
            .get(actor)
            .is_some_and(|a| self.hidden.contains(&a.id))
    }

    /// A state is hidden with its actor: held by a hidden actor, contested between two hidden
    /// ones (a fight with a shown actor stays on the map), or lost by hidden actors only.
    pub fn hides_control(&self, store: &Store, control: Control) -> bool {
        match control {
            Control::Held(a) => self.hides_actor(store, a),
            Control::Contested(a, b) => self.hides_actor(store, a) && self.hides_actor(store, b),
            Control::Lost(a, b) => {
                self.hides_actor(store, a) && b.is_none_or(|b| self.hides_actor(store, b))
            }
        }
    }

    /// Whether a place is shown (marker, label, chart lane) in this state. Places of unknown
    /// state are always shown.
    pub fn shows_place(&self, store: &Store, state: &PlaceState) -> bool {
        let Some(control) = state.control else {
            return true;
        };
        let inferred = state
            .since_event
            .and_then(|e| store.events.get(e))
            .is_some_and(|e| e.basis == Basis::Inferred);
        let hidden_inferred = self.stated_only && inferred;
        !hidden_inferred && !self.hides_control(store, control)
    }

    /// Whether the feed shows an event, given the selected place.
    pub fn shows_event(&self, store: &Store, e: EventIx, selected: Option<PlaceIx>) -> bool {
        let Some(ev) = store.events.get(e) else {
            return false;
        };
        let hidden_inferred = self.stated_only && ev.basis == Basis::Inferred;
        let other_place = self.feed_selected_only && selected.is_some_and(|p| p != ev.place);
        let kind = self.feed_kind.is_none_or(|k| k == ev.kind);
        kind && !hidden_inferred && !other_place && !self.hides_control(store, ev.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(store: &Store, id: &str) -> usize {
        store.actors.iter().position(|a| a.id == id).unwrap()
    }

    #[test]
    fn hiding_an_actor_hides_what_it_holds_alone() {
        let store = crate::bundled::store();
        let is = actor(&store, &store.actors[0].id);
        let other = (is + 1) % store.actors.len();
        let mut f = Filters::default();
        assert!(f.is_empty());
        f.toggle_actor(&store.actors[is].id.clone());
        assert!(f.hides_control(&store, Control::Held(is)));
        assert!(!f.hides_control(&store, Control::Held(other)));
        assert!(!f.hides_control(&store, Control::Contested(is, other)));
        f.toggle_actor(&store.actors[other].id.clone());
        assert!(f.hides_control(&store, Control::Contested(is, other)));
        f.toggle_actor(&store.actors[is].id.clone());
        f.toggle_actor(&store.actors[other].id.clone());
        assert!(f.is_empty(), "toggled twice is shown again");
    }

    #[test]
    fn the_feed_narrows_by_actor_kind_place_and_basis() {
        let store = crate::bundled::store();
        let all = |f: &Filters, sel| {
            (0..store.events.len())
                .filter(|&e| f.shows_event(&store, e, sel))
                .count()
        };
        let n = store.events.len();
        assert_eq!(all(&Filters::default(), None), n);
        let e0 = &store.events[0];
        let by_kind = Filters {
            feed_kind: Some(e0.kind),
            ..Filters::default()
        };
        let k = all(&by_kind, None);
        assert!(k > 0 && k == store.events.iter().filter(|e| e.kind == e0.kind).count());
        let by_place = Filters {
            feed_selected_only: true,
            ..Filters::default()
        };
        let here = store.events.iter().filter(|e| e.place == e0.place).count();
        assert_eq!(all(&by_place, Some(e0.place)), here);
        assert_eq!(all(&by_place, None), n, "no selection: every place");
        let stated = Filters {
            stated_only: true,
            ..Filters::default()
        };
        let inferred = store
            .events
            .iter()
            .filter(|e| e.basis == Basis::Inferred)
            .count();
        assert_eq!(all(&stated, None), n - inferred);
    }
}
