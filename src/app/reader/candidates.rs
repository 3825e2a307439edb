//! The reader's list of the assistant's candidate claims not annotated yet: each in one line,
//! with its clause, "Accept" (the "New claim" form, filled in from the candidate) and
//! "Dismiss" (hidden, remembered in the app's own state, never in the data). A click on a row
//! scrolls the text to the clause.

use std::ops::Range;

use egui::{RichText, Sense, Ui};

use super::super::action::Action;
use super::super::commands::{self, Command};
use crate::app::state::dismissed::Dismissed;
use crate::assist::{Candidate, Confidence};
use crate::edit::Edit;
use crate::store::{ArticleIx, Store};

/// The character ranges of an article's quotes: those of the loaded data and those added in
/// the edit session and not saved yet (found in the text as the store will find them).
pub(crate) fn session_quotes(text: &str, article_id: &str, edits: &[Edit]) -> Vec<Range<usize>> {
    let sources = edits.iter().flat_map(|e| match e {
        Edit::AddEvent { event, .. } => event.sources.iter().collect::<Vec<_>>(),
        Edit::AddSource { source, .. } => vec![source],
        _ => Vec::new(),
    });
    sources
        .filter(|s| s.article == article_id)
        .filter_map(|s| {
            crate::store::anchor::anchor(text, &s.quote, s.prefix.as_deref(), s.suffix.as_deref())
                .ok()
        })
        .map(|a| a.start..a.end)
        .collect()
}

/// The character ranges of the loaded data's quotes of an article.
pub(crate) fn store_quotes(store: &Store, article: ArticleIx) -> Vec<Range<usize>> {
    store
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .filter(|q| q.article == article)
        .map(|q| q.start..q.end)
        .collect()
}

/// What the list shows: the open candidates, and the dismissed ones while they are shown.
pub(crate) struct ListInput<'a> {
    pub store: &'a Store,
    pub article: ArticleIx,
    pub candidates: &'a [Candidate],
    /// Indices of the open candidates, in text order.
    pub open: &'a [usize],
    /// Indices of the dismissed candidates not annotated since.
    pub dismissed: &'a [usize],
    pub show_dismissed: bool,
}

/// The list. Rows push actions: show the clause, accept, dismiss, restore.
pub(crate) fn list(ui: &mut Ui, input: &ListInput, actions: &mut Vec<Action>) {
    let article_id = &input.store.articles[input.article].id;
    ui.horizontal(|ui| {
        let claims = open_claims(input.candidates, input.open);
        ui.label(RichText::new(crate::present::candidates_heading(claims)).strong());
        if !input.dismissed.is_empty() || input.show_dismissed {
            let label = format!(
                "{} ({})",
                Command::ShowDismissed.label(false),
                input.dismissed.len()
            );
            commands::labelled_toggle(
                ui,
                Command::ShowDismissed,
                input.show_dismissed,
                label.into(),
                actions,
            );
        }
    });
    let mut singles: Vec<(usize, bool)> = input.open.iter().map(|&i| (i, false)).collect();
    if input.show_dismissed {
        singles.extend(input.dismissed.iter().map(|&i| (i, true)));
        singles.sort_by_key(|&(i, _)| input.candidates[i].start);
    }
    if singles.is_empty() {
        ui.label(RichText::new(crate::present::no_candidates_open()).weak());
        return;
    }
    let rows = group(input.candidates, &singles);
    let weak = |row: &Row| input.candidates[row.members[0]].confidence == Confidence::Weak;
    egui::ScrollArea::vertical()
        .id_salt("reader-candidates")
        .max_height(210.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // The weaker ones apart, after the others.
            for weaker in [false, true] {
                let shown: Vec<&Row> = rows.iter().filter(|r| weak(r) == weaker).collect();
                if weaker && !shown.is_empty() {
                    ui.label(RichText::new(crate::present::weaker_candidates_heading()).strong());
                }
                for r in shown {
                    let c = &input.candidates[r.members[0]];
                    ui.push_id(("candidate", c.start, c.end), |ui| {
                        row(ui, input, article_id, r, weaker, actions)
                    });
                }
            }
        });
}

/// How many claims the open candidates make (candidates of one claim are one row).
pub(crate) fn open_claims(candidates: &[Candidate], open: &[usize]) -> usize {
    let singles: Vec<(usize, bool)> = open.iter().map(|&i| (i, false)).collect();
    group(candidates, &singles).len()
}

/// Candidates of one claim (the same claim key), listed as one row.
struct Row {
    /// Indices of the candidates, in text order.
    members: Vec<usize>,
    dismissed: bool,
}

/// The rows: candidates grouped by the claim they make, in the order of their first clause.
fn group(candidates: &[Candidate], singles: &[(usize, bool)]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for &(i, dismissed) in singles {
        let key = &candidates[i].claim_key;
        let same = rows.iter_mut().find(|r| {
            r.dismissed == dismissed
                && !key.is_empty()
                && candidates[r.members[0]].claim_key == *key
        });
        match same {
            Some(r) => r.members.push(i),
            None => rows.push(Row {
                members: vec![i],
                dismissed,
            }),
        }
    }
    rows
}

fn row(
    ui: &mut Ui,
    input: &ListInput,
    article_id: &str,
    r: &Row,
    weaker: bool,
    actions: &mut Vec<Action>,
) {
    let first = &input.candidates[r.members[0]];
    let claim = crate::present::candidate_claim(input.store, first);
    let mut text = RichText::new(claim);
    if r.dismissed || weaker {
        text = text.weak();
    }
    let response = ui
        .add(egui::Label::new(text).sense(Sense::click()))
        .on_hover_text(Command::ShowClause.hover_text().unwrap_or_default());
    if response.clicked() {
        actions.push(Action::ShowClause {
            article: input.article,
            start: first.start,
            end: first.end,
        });
    }
    for &i in &r.members {
        let c = &input.candidates[i];
        let clause = ui.add(
            egui::Label::new(RichText::new(format!("“{}”", c.text)).italics().small())
                .sense(Sense::click()),
        );
        if clause.clicked() {
            actions.push(Action::ShowClause {
                article: input.article,
                start: c.start,
                end: c.end,
            });
        }
    }
    ui.label(
        RichText::new(crate::present::candidate_rule(&first.reason))
            .small()
            .weak(),
    );
    let members = || r.members.iter().map(|&i| &input.candidates[i]);
    ui.horizontal(|ui| {
        if r.dismissed {
            if command_button(ui, Command::RestoreCandidate).clicked() {
                actions.extend(
                    members().map(|c| Action::RestoreCandidate(Dismissed::of(article_id, c))),
                );
            }
        } else {
            if command_button(ui, Command::AcceptCandidate).clicked() {
                actions.push(Action::AcceptCandidate {
                    article: input.article,
                    candidates: members().cloned().collect(),
                });
            }
            if command_button(ui, Command::DismissCandidate).clicked() {
                actions.extend(
                    members().map(|c| Action::DismissCandidate(Dismissed::of(article_id, c))),
                );
            }
        }
    });
    ui.separator();
}

/// A small button labelled and explained by the command table; the caller makes its action
/// (it knows the candidate).
fn command_button(ui: &mut Ui, command: Command) -> egui::Response {
    let response = ui.small_button(command.label(false));
    match command.hover_text() {
        Some(hover) => response.on_hover_text(hover),
        None => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{NewEvent, NewSource};
    use crate::store::{Basis, EventKind, Precision};

    #[test]
    fn quotes_added_in_the_session_count_for_their_article_only() {
        let text = "Daesh recaptured Bukamal on Saturday. Iraqi forces took Rumana.";
        let source = |article: &str, quote: &str| NewSource {
            article: article.into(),
            quote: quote.into(),
            date_phrase: None,
            prefix: None,
            suffix: None,
        };
        let edits = vec![Edit::AddEvent {
            file: "events/a.toml".into(),
            event: NewEvent {
                place: "rummanah".into(),
                date: chrono::NaiveDate::from_ymd_opt(2017, 11, 11).unwrap(),
                precision: Precision::Day,
                kind: EventKind::Capture,
                from: vec![],
                to: vec!["iraqi_government".into()],
                lost_by: vec![],
                basis: Basis::Stated,
                note: None,
                sources: vec![
                    source("a", "Iraqi forces took Rumana"),
                    source("b", "Daesh recaptured Bukamal"),
                    source("a", "not in the text"),
                ],
            },
        }];
        assert_eq!(session_quotes(text, "a", &edits), vec![38..62]);
        assert_eq!(session_quotes(text, "b", &edits), vec![0..24]);
        assert!(session_quotes(text, "c", &edits).is_empty());
    }

    #[test]
    fn a_dismissal_names_its_article_and_clause() {
        let store = crate::bundled::store();
        let a = &store.articles[0];
        let cands = crate::assist::Assistant::new(&store)
            .suggest(&a.text, a.date.unwrap())
            .unwrap();
        let d = Dismissed::of(&a.id, &cands[0]);
        assert!(d.is(&a.id, &cands[0]));
        assert!(!d.is("another-article", &cands[0]));
        assert!(!d.is(&a.id, &cands[1]));
    }
}
