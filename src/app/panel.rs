//! What every panel is given: the state to read, and a list to push what the user asks for.
//! Every panel has the same shape ([`View`]), so that a new one fits beside the others.

use egui::Ui;

use super::action::Action;
use crate::replay::Replay;
use crate::store::Store;
use crate::view::scene::Scene;

/// The state a panel reads. Nothing in it can be changed by a panel: changes are [`Action`]s.
pub struct ViewContext<'a> {
    pub store: &'a Store,
    pub replay: &'a Replay,
    pub scene: &'a Scene,
    /// The parts of the window that can be shown or hidden.
    pub shown: &'a super::state::toggles::Shown,
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

/// A panel or window: reads the context, draws, and pushes what the user asked for.
pub trait View {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>);
}
