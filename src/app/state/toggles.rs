//! The parts of the window the user shows or hides, declared once: each toggle's command
//! label, key, hover text, name in the saved state and default are one entry of [`toggles!`].
//! Adding a toggle is one entry here plus what it does where it is drawn.

use std::collections::BTreeMap;

use crate::view::labels::LabelScript;

/// One toggle's row of the table. The key is egui's name of it ("C"), turned into a key by
/// the command table, so that this table needs no UI type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToggleSpec {
    pub label: &'static str,
    pub key: Option<&'static str>,
    pub hover: &'static str,
    /// Its name in the saved state; `None` when it is not remembered between runs.
    pub persisted: Option<&'static str>,
    pub default: bool,
}

/// Declares the toggles: the [`Toggle`] enum, its [`Toggle::spec`] table, and [`Shown`] with
/// one `bool` field each.
macro_rules! toggles {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident / $variant:ident {
            label: $label:literal,
            key: $key:expr,
            hover: $hover:literal,
            persisted: $persisted:expr,
            default: $default:literal $(,)?
        }
    ),* $(,)?) => {
        /// A part of the window the user shows or hides.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Toggle {
            $($variant),*
        }

        impl Toggle {
            /// Every toggle, in the table's order.
            pub const ALL: &[Toggle] = &[$(Toggle::$variant),*];

            /// Its row of the table.
            pub const fn spec(self) -> ToggleSpec {
                match self {
                    $(Toggle::$variant => ToggleSpec {
                        label: $label,
                        key: $key,
                        hover: $hover,
                        persisted: $persisted,
                        default: $default,
                    }),*
                }
            }
        }

        /// The parts of the window the user shows or hides, and the script of the labels.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Shown {
            $($(#[doc = $doc])* pub $field: bool,)*
            /// Which names label the places on the map.
            pub labels: LabelScript,
        }

        impl Shown {
            /// Whether a toggle is on.
            pub fn get(&self, toggle: Toggle) -> bool {
                match toggle {
                    $(Toggle::$variant => self.$field),*
                }
            }

            fn get_mut(&mut self, toggle: Toggle) -> &mut bool {
                match toggle {
                    $(Toggle::$variant => &mut self.$field),*
                }
            }
        }

        impl Default for Shown {
            fn default() -> Shown {
                Shown {
                    $($field: $default,)*
                    labels: LabelScript::default(),
                }
            }
        }
    };
}

toggles! {
    /// The control chart, below the map.
    chart / Chart {
        label: "Control chart",
        key: Some("C"),
        hover: "Show or fold away the control chart",
        persisted: Some("chart"),
        default: true,
    },
    /// The validation problems of the data (opened by itself when the data has errors).
    problems / Problems {
        label: "Problems",
        key: None,
        hover: "Validation problems in the data",
        persisted: None,
        default: false,
    },
    /// OpenStreetMap tiles under the map (network; off by default).
    tiles / Tiles {
        label: "OSM tiles",
        key: None,
        hover: "Show OpenStreetMap tiles under the data (uses the network; cached on disk)",
        persisted: Some("tiles"),
        default: false,
    },
    /// The areas of control and front lines, inferred from the places' states, under the
    /// markers.
    areas / Areas {
        label: "Areas",
        key: Some("R"),
        hover: "Show or hide the areas of control and front lines, inferred from the places' \
                states (not surveyed)",
        persisted: Some("areas"),
        default: true,
    },
    /// The event feed (left): folded away, the map takes its room.
    feed / Feed {
        label: "Events",
        key: Some("E"),
        hover: "Show or fold away the event feed",
        persisted: Some("feed"),
        default: true,
    },
    /// The place panel (right).
    place / Place {
        label: "Place",
        key: Some("P"),
        hover: "Show or fold away the place panel",
        persisted: Some("place"),
        default: true,
    },
    /// The legend overlay on the map expanded to every marker style (else one strip of the
    /// actors).
    legend / Legend {
        label: "Legend",
        key: Some("L"),
        hover: "Expand or collapse the legend; click an actor in it to hide or show its places",
        persisted: Some("legend_expanded"),
        default: false,
    },
    /// The reader marks the assistant's places, actors, dates, candidates and coverage.
    highlights / Highlights {
        label: "Assistant highlights",
        key: None,
        hover: "Mark the places, actors and dates the assistant recognises, the sentences \
                that back a claim and the candidate claims not annotated yet",
        persisted: Some("highlights"),
        default: true,
    },
}

impl Shown {
    /// Shows what was hidden, or hides what was shown.
    pub fn flip(&mut self, toggle: Toggle) {
        let on = self.get_mut(toggle);
        *on = !*on;
    }

    pub fn set(&mut self, toggle: Toggle, on: bool) {
        *self.get_mut(toggle) = on;
    }

    /// The toggles remembered between runs, by their saved names.
    pub fn to_saved(&self) -> BTreeMap<String, bool> {
        Toggle::ALL
            .iter()
            .filter_map(|&t| Some((t.spec().persisted?.to_owned(), self.get(t))))
            .collect()
    }

    /// Takes the remembered toggles; a name not saved (an older state file) keeps its default,
    /// a name no longer known is ignored.
    pub fn restore(&mut self, saved: &BTreeMap<String, bool>) {
        for &t in Toggle::ALL {
            if let Some(&on) = t.spec().persisted.and_then(|name| saved.get(name)) {
                self.set(t, on);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_the_table() {
        let shown = Shown::default();
        for &t in Toggle::ALL {
            assert_eq!(shown.get(t), t.spec().default, "{t:?}");
        }
        assert!(shown.chart && !shown.tiles && !shown.problems);
    }

    #[test]
    fn flip_changes_one_toggle() {
        let mut shown = Shown::default();
        shown.flip(Toggle::Legend);
        assert!(shown.legend);
        assert_eq!(
            Shown {
                legend: false,
                ..shown
            },
            Shown::default()
        );
    }

    #[test]
    fn saved_and_restored_by_name() {
        let mut shown = Shown::default();
        shown.flip(Toggle::Feed);
        shown.flip(Toggle::Tiles);
        shown.flip(Toggle::Problems);
        let saved = shown.to_saved();
        assert_eq!(saved.get("feed"), Some(&false));
        assert_eq!(saved.get("tiles"), Some(&true));
        assert!(!saved.contains_key("problems"), "not remembered");
        let mut back = Shown::default();
        back.restore(&saved);
        assert!(!back.feed && back.tiles && !back.problems);
        // An older state file: nothing saved, the defaults stay; unknown names are ignored.
        let mut old = Shown::default();
        old.restore(&BTreeMap::from([("gone".to_owned(), false)]));
        assert_eq!(old, Shown::default());
    }

    #[test]
    fn names_and_labels_are_unique() {
        for (i, a) in Toggle::ALL.iter().enumerate() {
            for b in &Toggle::ALL[i + 1..] {
                assert_ne!(a.spec().label, b.spec().label);
                if a.spec().persisted.is_some() {
                    assert_ne!(a.spec().persisted, b.spec().persisted);
                }
            }
        }
    }
}
