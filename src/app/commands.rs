//! The command table: for each command its label, its keyboard shortcut and its hover text.
//! The buttons, the keyboard handling and the tooltips are all made from it, so that a tooltip
//! cannot name a key that does nothing, nor a button go by two names.

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers, Ui};

use super::action::Action;
use super::state::toggles::Toggle;
use crate::export::target::ExportTarget;

mod widgets;
pub use widgets::button;
pub(crate) use widgets::{
    button_for, checkbox, form_button, form_button_for, labelled_button, labelled_toggle,
    small_button, toggle,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Show or hide a part of the window: the toggles' own table gives its label, key and
    /// hover text.
    Toggle(Toggle),
    /// Open the Export dialog for one of the exports (their one list is `export::target`).
    Export(ExportTarget),
    PlayPause,
    PreviousChange,
    NextChange,
    Start,
    End,
    Loop,
    FitToData,
    ZoomIn,
    ZoomOut,
    ClearSelection,
    StatedOnly,
    FeedSelectedOnly,
    FeedKind,
    LabelScript,
    Search,
    AddArticle,
    Save,
    Redo,
    Undo,
    NewClaim,
    EditEvent,
    DeleteEvent,
    DeleteQuote,
    AttachHere,
    SaveEventChanges,
    PreviousStep,
    NextStep,
    CloseStory,
    CompareDayBefore,
    ShowDismissed,
    AcceptCandidate,
    ReapplyEdits,
    RedoEdit,
    DropEdit,
    DismissCandidate,
    RestoreCandidate,
    ShowClause,
    NewStory,
    CreateStory,
    AddStoryStep,
    SetStepCaption,
    DeleteStep,
    MoveStepUp,
    MoveStepDown,
    MarkPreferred,
    ResolveDispute,
    AreaReach,
    AreaDefaults,
}

/// One row of the table.
pub(crate) struct Spec {
    pub label: &'static str,
    /// The label while the command's state is on (a playing replay shows "Pause").
    pub label_when_on: Option<&'static str>,
    pub key: Option<Key>,
    /// Held with the key (Ctrl for the workbench's commands).
    pub modifiers: Modifiers,
    /// What the command does; the shortcut is added to it.
    pub hover: Option<&'static str>,
}

impl Command {
    /// The commands of this table, apart from the toggles and the exports. Redo comes before
    /// Undo: Ctrl+Z also matches Ctrl+Shift+Z, so the longer is tried first.
    const OWN: &[Command] = &[
        Command::PlayPause,
        Command::PreviousChange,
        Command::NextChange,
        Command::Start,
        Command::End,
        Command::Loop,
        Command::FitToData,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ClearSelection,
        Command::PreviousStep,
        Command::NextStep,
        Command::CloseStory,
        Command::CompareDayBefore,
        Command::NewStory,
        Command::CreateStory,
        Command::AddStoryStep,
        Command::SetStepCaption,
        Command::DeleteStep,
        Command::MoveStepUp,
        Command::MoveStepDown,
        Command::AddArticle,
        Command::Save,
        Command::Redo,
        Command::Undo,
        Command::NewClaim,
        Command::EditEvent,
        Command::DeleteEvent,
        Command::DeleteQuote,
        Command::AttachHere,
        Command::SaveEventChanges,
        Command::StatedOnly,
        Command::FeedSelectedOnly,
        Command::FeedKind,
        Command::LabelScript,
        Command::Search,
        Command::ShowDismissed,
        Command::AcceptCandidate,
        Command::ReapplyEdits,
        Command::RedoEdit,
        Command::DropEdit,
        Command::DismissCandidate,
        Command::RestoreCandidate,
        Command::ShowClause,
        Command::MarkPreferred,
        Command::ResolveDispute,
        Command::AreaReach,
        Command::AreaDefaults,
    ];

    /// Every command: this table's, the toggles', the exports'.
    pub fn all() -> impl Iterator<Item = Command> {
        let toggles = Toggle::ALL.iter().map(|&t| Command::Toggle(t));
        let exports = ExportTarget::ALL.iter().map(|&e| Command::Export(e));
        Command::OWN.iter().copied().chain(toggles).chain(exports)
    }

    /// The table.
    pub(crate) fn spec(self) -> Spec {
        let spec = |label, key, hover| Spec {
            label,
            label_when_on: None,
            key,
            modifiers: Modifiers::NONE,
            hover,
        };
        let ctrl = |label, key, shift: bool, hover| Spec {
            modifiers: if shift {
                Modifiers::COMMAND | Modifiers::SHIFT
            } else {
                Modifiers::COMMAND
            },
            ..spec(label, Some(key), Some(hover))
        };
        match self {
            Command::Toggle(t) => {
                let row = t.spec();
                let key = row
                    .key
                    .map(|k| Key::from_name(k).expect("a key egui knows"));
                spec(row.label, key, Some(row.hover))
            }
            Command::Export(e) => spec(e.label(), None, Some(e.hover())),
            Command::PlayPause => Spec {
                label_when_on: Some("Pause"),
                ..spec("Play", Some(Key::Space), Some("Play or pause"))
            },
            Command::PreviousChange => spec(
                "< Previous change",
                Some(Key::ArrowLeft),
                Some("Step to the previous change of control"),
            ),
            Command::NextChange => spec(
                "Next change >",
                Some(Key::ArrowRight),
                Some("Step to the next change of control"),
            ),
            Command::Start => spec("|< Start", Some(Key::Home), Some("Jump to the start")),
            Command::End => spec("End >|", Some(Key::End), Some("Jump to the end")),
            Command::Loop => spec("Loop", None, None),
            Command::FitToData => spec(
                "Fit to data",
                None,
                Some("Fit the view to the places with events"),
            ),
            Command::ZoomIn => spec("+", None, Some("Zoom in")),
            Command::ZoomOut => spec("−", None, Some("Zoom out")),
            Command::ClearSelection => spec("Clear", None, Some("Clear the selection")),
            Command::StatedOnly => spec(
                "Stated only",
                Some(Key::S),
                Some("Hide states and events that are inferred rather than stated"),
            ),
            Command::FeedSelectedOnly => spec(
                "Selected place only",
                None,
                Some("Show only the selected place's events"),
            ),
            Command::FeedKind => spec("Kind of event", None, Some("Show only events of one kind")),
            Command::LabelScript => spec(
                "Labels",
                Some(Key::A),
                Some("Label places in Latin script, Arabic, or both"),
            ),
            Command::Search => Spec {
                modifiers: Modifiers::COMMAND,
                ..spec(
                    "Search places",
                    Some(Key::F),
                    Some("Find a place by any of its names, as you type; Enter selects the first"),
                )
            },
            Command::AddArticle => ctrl(
                "Add article…",
                Key::N,
                false,
                "Add an article: paste its text or open a .txt or .md file",
            ),
            Command::Save => ctrl(
                "Save",
                Key::S,
                false,
                "Write the edits into the data directory",
            ),
            Command::Undo => ctrl("Undo", Key::Z, false, "Undo the last edit"),
            Command::Redo => ctrl("Redo", Key::Z, true, "Redo the last undone edit"),
            Command::NewClaim => spec(
                "New claim",
                None,
                Some("Make a claim of control from the selected passage"),
            ),
            Command::EditEvent => spec(
                "Edit event",
                None,
                Some("Change this claim: its place, date, kind, who holds the place"),
            ),
            Command::DeleteEvent => spec(
                "Delete event",
                None,
                Some("Delete this claim and its quotes (Undo brings it back)"),
            ),
            Command::DeleteQuote => spec(
                "Delete quote",
                None,
                Some("Delete this quote from the claim's sources (Undo brings it back)"),
            ),
            Command::AttachHere => spec(
                "Attach here",
                None,
                Some("Add the selected passage to this event's sources"),
            ),
            Command::SaveEventChanges => spec(
                "Save changes",
                None,
                Some("Write these fields into the event (its quotes and comments stay)"),
            ),
            Command::PreviousStep => spec(
                "< Previous step",
                Some(Key::PageUp),
                Some("The story's previous step"),
            ),
            Command::NextStep => spec(
                "Next step >",
                Some(Key::PageDown),
                Some("The story's next step (or the first story's first step)"),
            ),
            Command::CloseStory => spec("Close story", None, Some("Hide the story's caption")),
            Command::CompareDayBefore => spec(
                "What changed",
                Some(Key::D),
                Some("What changed between this day and the day before"),
            ),
            Command::ShowDismissed => spec(
                "Show dismissed",
                None,
                Some("List the candidate claims you dismissed too, to bring them back"),
            ),
            Command::AcceptCandidate => spec(
                "Accept",
                None,
                Some("Open the New claim form filled in from this candidate; check it and add it"),
            ),
            Command::ReapplyEdits => spec(
                "Re-apply my edits and save",
                None,
                Some(
                    "Make your edits again over the files as they are now on disk, then save; an edit whose event changed meanwhile is listed for you to redo or drop",
                ),
            ),
            Command::RedoEdit => spec(
                "Redo…",
                None,
                Some(
                    "Open this quote in the New claim form, to attach it to the event as it now is",
                ),
            ),
            Command::DropEdit => spec("Drop", None, Some("Forget this edit (it was not saved)")),
            Command::DismissCandidate => spec(
                "Dismiss",
                None,
                Some("Hide this candidate (remembered by the app; nothing is written to the data)"),
            ),
            Command::RestoreCandidate => spec(
                "Restore",
                None,
                Some("List this candidate among the open ones again"),
            ),
            Command::AreaReach => spec(
                "Reach…",
                None,
                Some(
                    "How far each place's area reaches, by kind of place, and after how many days without news a state is drawn faded",
                ),
            ),
            Command::AreaDefaults => spec(
                "Defaults",
                None,
                Some("Back to city 25 km, town 15, village 8, crossing 6, stale after 10 days"),
            ),
            Command::ShowClause => spec(
                "Show clause",
                None,
                Some("Click to scroll the text to this clause and highlight it"),
            ),
            Command::NewStory => spec(
                "New story…",
                None,
                Some("Start a story of your own: give it a title, then add steps"),
            ),
            Command::CreateStory => spec(
                "Create story",
                None,
                Some("Add the story to stories.toml when you save"),
            ),
            Command::AddStoryStep => spec(
                "Add step from the current view",
                None,
                Some(
                    "A step for the story shown (or the last story): this date, the selected place, the map's centre and zoom and the hidden actors; write its caption next",
                ),
            ),
            Command::SetStepCaption => spec(
                "Set caption",
                None,
                Some("Keep this caption for the step shown (saved with Save)"),
            ),
            Command::DeleteStep => spec("Delete step", None, Some("Remove the step shown")),
            Command::MoveStepUp => spec(
                "Move step up",
                None,
                Some("Show the step shown one step earlier"),
            ),
            Command::MoveStepDown => spec(
                "Move step down",
                None,
                Some("Show the step shown one step later"),
            ),
            Command::MarkPreferred => spec(
                "Mark preferred…",
                None,
                Some("Resolve the dispute in favour of this version: say why next"),
            ),
            Command::ResolveDispute => spec(
                "Resolve",
                None,
                Some(
                    "Prefer this version and set the other aside, with your reason (saved with Save; Undo brings the dispute back)",
                ),
            ),
        }
    }

    /// What the command asks the app to do; `None` for a command whose action carries what
    /// only its panel knows (the selection, the event, the candidate, a typed title or
    /// caption): its panel makes the action, the table gives the label and hover text.
    pub(crate) fn action(self) -> Option<Action> {
        let action = match self {
            Command::Toggle(t) => Action::Toggle(t),
            Command::Export(e) => Action::OpenExport(e),
            Command::PlayPause => Action::TogglePlay,
            Command::PreviousChange => Action::PreviousChange,
            Command::NextChange => Action::NextChange,
            Command::Start => Action::JumpToStart,
            Command::End => Action::JumpToEnd,
            Command::Loop => Action::ToggleLoop,
            Command::FitToData => Action::FitMap,
            Command::ZoomIn => Action::ZoomIn,
            Command::ZoomOut => Action::ZoomOut,
            Command::ClearSelection => Action::Select(None),
            Command::StatedOnly => Action::ToggleStatedOnly,
            Command::FeedSelectedOnly => Action::ToggleFeedSelectedOnly,
            Command::FeedKind => Action::SetFeedKind(None),
            Command::LabelScript => Action::NextLabelScript,
            Command::Search => Action::FocusSearch,
            Command::AddArticle => Action::ToggleAddArticle,
            Command::Save => Action::Save,
            Command::Undo => Action::Undo,
            Command::Redo => Action::Redo,
            Command::PreviousStep => Action::PreviousStep,
            Command::NextStep => Action::NextStep,
            Command::CloseStory => Action::CloseStory,
            Command::CompareDayBefore => Action::CompareDayBefore,
            Command::ShowDismissed => Action::ToggleShowDismissed,
            Command::ReapplyEdits => Action::ReapplyEdits,
            Command::AddStoryStep => Action::AddStoryStep,
            Command::DeleteStep => Action::DeleteStep,
            Command::MoveStepUp => Action::MoveStep { up: true },
            Command::MoveStepDown => Action::MoveStep { up: false },
            Command::NewClaim
            | Command::EditEvent
            | Command::DeleteEvent
            | Command::DeleteQuote
            | Command::AttachHere
            | Command::SaveEventChanges
            | Command::AcceptCandidate
            | Command::RedoEdit
            | Command::DropEdit
            | Command::DismissCandidate
            | Command::RestoreCandidate
            | Command::ShowClause
            | Command::NewStory
            | Command::CreateStory
            | Command::SetStepCaption
            | Command::MarkPreferred
            | Command::ResolveDispute
            | Command::AreaReach => return None,
            Command::AreaDefaults => {
                Action::SetAreaSettings(crate::view::areas::AreaSettings::default())
            }
        };
        Some(action)
    }

    /// The label, given whether the command's state is on.
    pub fn label(self, on: bool) -> &'static str {
        let spec = self.spec();
        match spec.label_when_on {
            Some(label) if on => label,
            _ => spec.label,
        }
    }

    /// "Play or pause (Space)": what it does and its key.
    pub(crate) fn hover_text(self) -> Option<String> {
        let spec = self.spec();
        let hover = spec.hover?;
        Some(match spec.key {
            Some(key) => format!("{hover} ({})", shortcut_name(spec.modifiers, key)),
            None => hover.to_owned(),
        })
    }
}

/// "Space", "Ctrl+S": a key with its modifiers.
pub fn shortcut_name(modifiers: Modifiers, key: Key) -> String {
    KeyboardShortcut::new(modifiers, key).format(&ModifierNames::NAMES, false)
}

/// The actions of the shortcuts pressed this frame. While a text field has focus, only the
/// Ctrl shortcuts that do not edit text (Save, Add article) act.
pub fn shortcuts(ui: &Ui) -> Vec<Action> {
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.input_mut(|i| {
        Command::all()
            .filter(|c| {
                let spec = c.spec();
                let allowed = !typing
                    || (spec.modifiers.command && !matches!(c, Command::Undo | Command::Redo));
                allowed
                    && spec
                        .key
                        .is_some_and(|key| i.consume_key(spec.modifiers, key))
            })
            .filter_map(Command::action)
            .collect()
    })
}

#[cfg(test)]
mod tests;
