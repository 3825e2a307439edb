//! What the map's legend lists, in order: the actors, then the marker styles, each with its
//! label and a short form for the compact strip. One list, free of any UI type: the app's
//! legend (strip and expanded), the publishing layout's legend and the tests read it, so a new
//! kind of entry is one line here (and its sample in the app's legend).

use crate::store::{ActorIx, Store};

/// What an entry shows a sample of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegendKey {
    /// An actor's colour: a place it holds. Clicking it hides or shows its places.
    Actor(ActorIx),
    Contested,
    Unknown,
    Lost,
    ReportedThatDay,
    CarriedForward,
    JustChanged,
    Inferred,
    /// Sources disagree about who held it or when it changed.
    Disputed,
    /// It changed hands some time in a window no source narrows.
    Uncertain,
    Selected,
    /// City, town and village side by side.
    Kinds,
    BorderCrossing,
}

/// One line of the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    pub key: LegendKey,
    /// The full label ("Syrian government and allies", "Contested").
    pub label: String,
    /// The strip's short form ("Syrian gov.").
    pub short: String,
}

/// The marker styles after the actors: (key, label).
const STYLES: &[(LegendKey, &str)] = &[
    (LegendKey::Contested, "Contested"),
    (LegendKey::Unknown, "Unknown"),
    (
        LegendKey::Lost,
        "Lost (ring: who lost it; new holder not said)",
    ),
    (LegendKey::ReportedThatDay, "Reported that day"),
    (
        LegendKey::CarriedForward,
        "Carried forward from an earlier report",
    ),
    (
        LegendKey::JustChanged,
        "Changed in the last day (not a first report)",
    ),
    (LegendKey::Inferred, "Inferred, not stated"),
    (LegendKey::Disputed, crate::present::DISPUTED_LEGEND),
    (LegendKey::Uncertain, crate::present::UNCERTAIN_LEGEND),
    (LegendKey::Selected, "Selected"),
    (LegendKey::Kinds, "City, town, village"),
    (LegendKey::BorderCrossing, "Border crossing"),
];

/// Every entry: each actor, then each marker style.
pub fn entries(store: &Store) -> Vec<LegendEntry> {
    let mut out = actor_entries(store, |_| true);
    out.extend(STYLES.iter().map(|&(key, label)| LegendEntry {
        key,
        label: label.to_owned(),
        short: label.to_owned(),
    }));
    out
}

/// The actors' entries, those `keep` allows, in the data's order.
pub fn actor_entries(store: &Store, keep: impl Fn(ActorIx) -> bool) -> Vec<LegendEntry> {
    store
        .actors
        .iter()
        .enumerate()
        .filter(|&(i, _)| keep(i))
        .map(|(i, a)| LegendEntry {
            key: LegendKey::Actor(i),
            label: a.name.clone(),
            short: a.short.clone(),
        })
        .collect()
}

/// The actors a published frame's legend names: those not hidden that hold, contest or lost a
/// place at some time in the data, so that the legend stays the same from frame to frame.
pub fn actors_shown(store: &Store, hidden: impl Fn(ActorIx) -> bool) -> Vec<LegendEntry> {
    let mut seen = vec![false; store.actors.len()];
    for ev in &store.events {
        let actors = match ev.to {
            crate::store::Control::Held(a) => vec![a],
            crate::store::Control::Contested(a, b) => vec![a, b],
            c @ crate::store::Control::Lost(..) => c.lost_by(),
        };
        for a in actors {
            if let Some(s) = seen.get_mut(a) {
                *s = true;
            }
        }
    }
    actor_entries(store, |a| seen[a] && !hidden(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_come_first_then_every_style() {
        let store = crate::bundled::store();
        let all = entries(&store);
        assert_eq!(all.len(), store.actors.len() + STYLES.len());
        assert_eq!(all[0].key, LegendKey::Actor(0));
        assert_eq!(all[0].label, store.actors[0].name);
        assert_eq!(all[0].short, store.actors[0].short);
        assert_eq!(all.last().unwrap().label, "Border crossing");
    }

    #[test]
    fn the_published_legend_names_actors_in_the_data_and_not_hidden() {
        let store = crate::bundled::store();
        let shown = actors_shown(&store, |_| false);
        assert!(!shown.is_empty());
        let gov = store
            .actors
            .iter()
            .position(|a| a.id == "syrian_government")
            .unwrap();
        assert!(shown.iter().any(|e| e.key == LegendKey::Actor(gov)));
        let without = actors_shown(&store, |a| a == gov);
        assert_eq!(without.len(), shown.len() - 1);
    }
}
