//! The script of the place names on the map: Latin, Arabic or both (the `A` key).

use crate::store::Place;
use crate::view::bidi;

/// The script of the place names on the map: the name (Latin), the first Arabic alias, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LabelScript {
    #[default]
    Latin,
    Arabic,
    Both,
}

impl LabelScript {
    /// The next choice, in the order Latin, Arabic, both.
    pub fn next(self) -> LabelScript {
        match self {
            LabelScript::Latin => LabelScript::Arabic,
            LabelScript::Arabic => LabelScript::Both,
            LabelScript::Both => LabelScript::Latin,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            LabelScript::Latin => "Latin",
            LabelScript::Arabic => "Arabic",
            LabelScript::Both => "Latin + Arabic",
        }
    }

    /// A place's label in this script, in the order egui must be given it (Arabic in visual
    /// order): the name when it has no Arabic alias.
    pub fn label(self, place: &Place) -> String {
        let arabic = place
            .aliases
            .iter()
            .find(|a| bidi::paragraph_direction(a) == bidi::Direction::RightToLeft)
            .map(|a| bidi::visual_order(a));
        match (self, arabic) {
            (LabelScript::Arabic, Some(a)) => a,
            (LabelScript::Both, Some(a)) => format!("{} · {a}", place.name),
            _ => place.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_through_the_three() {
        let s = LabelScript::default();
        assert_eq!(s, LabelScript::Latin);
        assert_eq!(s.next().next().next(), s);
        assert_eq!(s.next().describe(), "Arabic");
    }
}
