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
    /// The story step shown, if any.
    pub story: Option<super::story::StoryAt>,
    /// The two instants compared and what changed between them, while shown.
    pub compared: Option<&'a super::changes::Compared>,
}

/// The parts of the window the user shows or hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub chart: bool,
    pub problems: bool,
    /// OpenStreetMap tiles under the map (network; off by default).
    pub tiles: bool,
}

impl Default for Shown {
    fn default() -> Shown {
        Shown {
            chart: true,
            problems: false,
            tiles: false,
        }
    }
}

/// A panel or window: reads the context, draws, and pushes what the user asked for.
pub trait View {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>);
}
