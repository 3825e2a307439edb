//! The command table: for each command its label, its keyboard shortcut and its hover text.
//! The buttons, the keyboard handling and the tooltips are all made from it, so that a tooltip
//! cannot name a key that does nothing, nor a button go by two names.

use egui::{Key, Modifiers, Response, RichText, Ui};

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    PlayPause,
    PreviousChange,
    NextChange,
    Start,
    End,
    Loop,
    FitToData,
    ZoomIn,
    ZoomOut,
    OsmTiles,
    ClearSelection,
    ControlChart,
    Problems,
    PreviousStep,
    NextStep,
    CloseStory,
    CompareDayBefore,
}

/// One row of the table.
pub struct Spec {
    pub label: &'static str,
    /// The label while the command's state is on (a playing replay shows "Pause").
    pub label_when_on: Option<&'static str>,
    pub key: Option<Key>,
    /// What the command does; the shortcut is added to it.
    pub hover: Option<&'static str>,
}

impl Command {
    pub const ALL: [Command; 17] = [
        Command::PlayPause,
        Command::PreviousChange,
        Command::NextChange,
        Command::Start,
        Command::End,
        Command::Loop,
        Command::FitToData,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::OsmTiles,
        Command::ClearSelection,
        Command::ControlChart,
        Command::Problems,
        Command::PreviousStep,
        Command::NextStep,
        Command::CloseStory,
        Command::CompareDayBefore,
    ];

    /// The table.
    pub fn spec(self) -> Spec {
        let spec = |label, key, hover| Spec {
            label,
            label_when_on: None,
            key,
            hover,
        };
        match self {
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
            Command::OsmTiles => spec(
                "OSM tiles",
                None,
                Some("Show OpenStreetMap tiles under the data (uses the network; cached on disk)"),
            ),
            Command::ClearSelection => spec("Clear", None, Some("Clear the selection")),
            Command::ControlChart => spec("Control chart", None, None),
            Command::Problems => spec("Problems", None, Some("Validation problems in the data")),
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
        }
    }

    /// What the command asks the app to do.
    pub fn action(self) -> Action {
        match self {
            Command::PlayPause => Action::TogglePlay,
            Command::PreviousChange => Action::PreviousChange,
            Command::NextChange => Action::NextChange,
            Command::Start => Action::JumpToStart,
            Command::End => Action::JumpToEnd,
            Command::Loop => Action::ToggleLoop,
            Command::FitToData => Action::FitMap,
            Command::ZoomIn => Action::ZoomIn,
            Command::ZoomOut => Action::ZoomOut,
            Command::OsmTiles => Action::ToggleTiles,
            Command::ClearSelection => Action::Select(None),
            Command::ControlChart => Action::ToggleChart,
            Command::Problems => Action::ToggleProblems,
            Command::PreviousStep => Action::PreviousStep,
            Command::NextStep => Action::NextStep,
            Command::CloseStory => Action::CloseStory,
            Command::CompareDayBefore => Action::CompareDayBefore,
        }
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
    pub fn hover_text(self) -> Option<String> {
        let spec = self.spec();
        let hover = spec.hover?;
        Some(match spec.key {
            Some(key) => format!("{hover} ({})", key.name()),
            None => hover.to_owned(),
        })
    }
}

/// The actions of the shortcuts pressed this frame (none while a text field has focus).
pub fn shortcuts(ui: &Ui) -> Vec<Action> {
    if ui.ctx().egui_wants_keyboard_input() {
        return Vec::new();
    }
    ui.input_mut(|i| {
        Command::ALL
            .into_iter()
            .filter(|c| {
                c.spec()
                    .key
                    .is_some_and(|key| i.consume_key(Modifiers::NONE, key))
            })
            .map(Command::action)
            .collect()
    })
}

fn with_hover(response: Response, command: Command) -> Response {
    match command.hover_text() {
        Some(text) => response.on_hover_text(text),
        None => response,
    }
}

/// A button for a command; pushes its action when clicked.
pub fn button(ui: &mut Ui, command: Command, on: bool, actions: &mut Vec<Action>) -> Response {
    labelled_button(ui, command, command.label(on).into(), actions)
}

/// A small button for a command.
pub fn small_button(ui: &mut Ui, command: Command, actions: &mut Vec<Action>) -> Response {
    let response = with_hover(ui.small_button(command.label(false)), command);
    if response.clicked() {
        actions.push(command.action());
    }
    response
}

/// A button for a command with a label of its own (e.g. with a count in it).
pub fn labelled_button(
    ui: &mut Ui,
    command: Command,
    label: RichText,
    actions: &mut Vec<Action>,
) -> Response {
    let response = with_hover(ui.button(label), command);
    if response.clicked() {
        actions.push(command.action());
    }
    response
}

/// A checkbox for a command that turns something on or off.
pub fn checkbox(ui: &mut Ui, command: Command, on: bool, actions: &mut Vec<Action>) -> Response {
    let mut value = on;
    let response = with_hover(ui.checkbox(&mut value, command.label(on)), command);
    if value != on {
        actions.push(command.action());
    }
    response
}

/// A toggle button (selected while on) for a command that turns something on or off.
pub fn toggle(ui: &mut Ui, command: Command, on: bool, actions: &mut Vec<Action>) -> Response {
    let mut value = on;
    let response = with_hover(ui.toggle_value(&mut value, command.label(on)), command);
    if value != on {
        actions.push(command.action());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_named_in_its_tooltip_and_used_once() {
        let mut keys = Vec::new();
        for c in Command::ALL {
            if let Some(key) = c.spec().key {
                let hover = c
                    .hover_text()
                    .expect("a command with a key says what it does");
                assert!(hover.ends_with(&format!("({})", key.name())), "{hover}");
                assert!(!keys.contains(&key), "{key:?} is bound twice");
                keys.push(key);
            }
        }
        assert_eq!(keys.len(), 8);
        assert_eq!(
            Command::PreviousChange.hover_text().as_deref(),
            Some("Step to the previous change of control (Left)")
        );
    }

    #[test]
    fn labels_follow_the_state() {
        assert_eq!(Command::PlayPause.label(false), "Play");
        assert_eq!(Command::PlayPause.label(true), "Pause");
        assert_eq!(Command::Loop.label(true), "Loop");
    }

    #[test]
    fn every_command_is_in_the_table_once() {
        for (i, a) in Command::ALL.iter().enumerate() {
            assert!(!Command::ALL[i + 1..].contains(a), "{a:?} twice");
        }
        let labels: Vec<&str> = Command::ALL.iter().map(|c| c.spec().label).collect();
        for (i, l) in labels.iter().enumerate() {
            assert!(!labels[i + 1..].contains(l), "two commands labelled {l}");
        }
    }
}
