//! What every panel is given: the state to read, and a list to push what the user asks for.
//! Every panel has the same shape ([`View`]), so that a new one fits beside the others.

use egui::Ui;

use super::action::Action;
use super::scene::Scene;
use crate::replay::Replay;
use crate::store::Store;

/// The state a panel reads. Nothing in it can be changed by a panel: changes are [`Action`]s.
pub struct ViewContext<'a> {
    pub store: &'a Store,
    pub replay: &'a Replay,
    pub scene: &'a Scene,
    /// The parts of the window that can be shown or hidden.
    pub shown: &'a Shown,
    /// "Reloaded at 10:42:07", while it is news.
    pub notice: Option<&'a str>,
    /// The workbench's edits not saved yet, oldest first.
    pub edits: &'a [crate::edit::Edit],
    /// The story step shown, if any.
    pub story: Option<crate::view::story::StoryAt>,
    /// The two instants compared and what changed between them, while shown.
    pub compared: Option<&'a crate::app::state::compare::Compared>,
    /// The assistant's candidate claims the user dismissed in the reader.
    pub dismissed: &'a [crate::app::state::dismissed::Dismissed],
    /// The stories as they will be once saved: the loaded ones with the unsaved edits.
    pub stories: &'a [crate::store::stories::Story],
}

/// The parts of the window the user shows or hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub chart: bool,
    pub problems: bool,
    /// OpenStreetMap tiles under the map (network; off by default).
    pub tiles: bool,
    /// The event feed (left) and the place panel (right): folded away, the map takes their
    /// room.
    pub feed: bool,
    pub place: bool,
    /// The legend overlay on the map, expanded (or folded to its title).
    pub legend: bool,
    /// Which names label the places on the map.
    pub labels: LabelScript,
    /// The reader marks the assistant's places, actors, dates, candidates and coverage.
    pub highlights: bool,
}

impl Default for Shown {
    fn default() -> Shown {
        Shown {
            chart: true,
            problems: false,
            tiles: false,
            feed: true,
            place: true,
            legend: true,
            labels: LabelScript::Latin,
            highlights: true,
        }
    }
}

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
    pub fn label(self, place: &crate::store::Place) -> String {
        use crate::view::bidi;
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

/// A panel or window: reads the context, draws, and pushes what the user asked for.
pub trait View {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>);
}
