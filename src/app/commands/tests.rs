//! The command table: every shortcut named in its tooltip and bound once.

use super::*;

#[test]
fn every_shortcut_is_named_in_its_tooltip_and_used_once() {
    let mut keys = Vec::new();
    for c in Command::all() {
        let spec = c.spec();
        if let Some(key) = spec.key {
            let hover = c
                .hover_text()
                .expect("a command with a key says what it does");
            assert!(
                c.action().is_some(),
                "{c:?}: a key needs an action of its own"
            );
            let name = shortcut_name(spec.modifiers, key);
            assert!(hover.ends_with(&format!("({name})")), "{hover}");
            assert!(!keys.contains(&name), "{name} is bound twice");
            keys.push(name);
        }
    }
    assert_eq!(keys.len(), 20);
    assert_eq!(
        Command::Redo.hover_text().as_deref(),
        Some("Redo the last undone edit (Ctrl+Shift+Z)")
    );
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
    let all: Vec<Command> = Command::all().collect();
    for (i, a) in all.iter().enumerate() {
        assert!(!all[i + 1..].contains(a), "{a:?} twice");
    }
    let labels: Vec<&str> = all.iter().map(|c| c.spec().label).collect();
    for (i, l) in labels.iter().enumerate() {
        assert!(!labels[i + 1..].contains(l), "two commands labelled {l}");
    }
}

#[test]
fn toggles_and_exports_come_from_their_tables() {
    use crate::app::state::toggles::Toggle;
    use crate::export::target::ExportTarget;
    let chart = Command::Toggle(Toggle::Chart);
    assert_eq!(chart.label(false), "Control chart");
    assert_eq!(
        chart.hover_text().as_deref(),
        Some("Show or fold away the control chart (C)")
    );
    assert_eq!(chart.action(), Some(Action::Toggle(Toggle::Chart)));
    assert_eq!(
        Command::Toggle(Toggle::Tiles).hover_text().as_deref(),
        Some("Show OpenStreetMap tiles under the data (uses the network; cached on disk)")
    );
    let gif = ExportTarget::ALL[4];
    assert_eq!(Command::Export(gif).label(false), "Video (GIF)…");
    assert_eq!(Command::Export(gif).action(), Some(Action::OpenExport(gif)));
    // Every toggle and every export is a command.
    let all: Vec<Command> = Command::all().collect();
    assert!(
        Toggle::ALL
            .iter()
            .all(|&t| all.contains(&Command::Toggle(t)))
    );
    assert!(
        ExportTarget::ALL
            .iter()
            .all(|&e| all.contains(&Command::Export(e)))
    );
}
