//! The widgets a command is drawn as: buttons, toggles and links whose label and hover text
//! come from the command table, so that they cannot disagree with the keys.

use egui::{Response, RichText, Ui};

use super::Command;
use crate::app::action::Action;

fn with_hover(response: Response, command: Command) -> Response {
    match command.hover_text() {
        Some(text) => response.on_hover_text(text),
        None => response,
    }
}

/// A button for a command whose action its panel makes (it carries what the user typed):
/// the table's label and hover text, nothing pushed.
pub(crate) fn form_button(ui: &mut Ui, command: Command, enabled: bool) -> Response {
    with_hover(
        ui.add_enabled(enabled, egui::Button::new(command.label(false))),
        command,
    )
}

/// A button for a command; pushes its action when clicked.
pub fn button(ui: &mut Ui, command: Command, on: bool, actions: &mut Vec<Action>) -> Response {
    labelled_button(ui, command, command.label(on).into(), actions)
}

/// A small button for a command.
pub(crate) fn small_button(ui: &mut Ui, command: Command, actions: &mut Vec<Action>) -> Response {
    let response = with_hover(ui.small_button(command.label(false)), command);
    if response.clicked() {
        actions.extend(command.action());
    }
    response
}

/// A small button for a command that acts on something the panel knows (an event, a quote):
/// the table's label and hover text, and the panel's action.
pub(crate) fn button_for(
    ui: &mut Ui,
    command: Command,
    enabled: bool,
    action: Action,
    actions: &mut Vec<Action>,
) -> Response {
    let label = RichText::new(command.label(false)).small();
    labelled_button_for(ui, command, label, enabled, action, actions)
}

/// A full-size [`button_for`]: a form's main button.
pub(crate) fn form_button_for(
    ui: &mut Ui,
    command: Command,
    enabled: bool,
    action: Action,
    actions: &mut Vec<Action>,
) -> Response {
    let label = RichText::new(command.label(false));
    labelled_button_for(ui, command, label, enabled, action, actions)
}

fn labelled_button_for(
    ui: &mut Ui,
    command: Command,
    label: RichText,
    enabled: bool,
    action: Action,
    actions: &mut Vec<Action>,
) -> Response {
    let response = with_hover(ui.add_enabled(enabled, egui::Button::new(label)), command);
    if response.clicked() {
        actions.push(action);
    }
    response
}

/// A button for a command with a label of its own (e.g. with a count in it).
pub(crate) fn labelled_button(
    ui: &mut Ui,
    command: Command,
    label: RichText,
    actions: &mut Vec<Action>,
) -> Response {
    let response = with_hover(ui.button(label), command);
    if response.clicked() {
        actions.extend(command.action());
    }
    response
}

/// A checkbox for a command that turns something on or off.
pub(crate) fn checkbox(
    ui: &mut Ui,
    command: Command,
    on: bool,
    actions: &mut Vec<Action>,
) -> Response {
    let mut value = on;
    let response = with_hover(ui.checkbox(&mut value, command.label(on)), command);
    if value != on {
        actions.extend(command.action());
    }
    response
}

/// A toggle button for a command with a label of its own ("Show dismissed (2)").
pub(crate) fn labelled_toggle(
    ui: &mut Ui,
    command: Command,
    on: bool,
    label: RichText,
    actions: &mut Vec<Action>,
) -> Response {
    let mut value = on;
    let response = with_hover(ui.toggle_value(&mut value, label), command);
    if value != on {
        actions.extend(command.action());
    }
    response
}

/// A toggle button (selected while on) for a command that turns something on or off.
pub(crate) fn toggle(
    ui: &mut Ui,
    command: Command,
    on: bool,
    actions: &mut Vec<Action>,
) -> Response {
    let mut value = on;
    let response = with_hover(ui.toggle_value(&mut value, command.label(on)), command);
    if value != on {
        actions.extend(command.action());
    }
    response
}
