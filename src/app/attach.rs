//! "Attach as a source of an existing event", in the claim window: the events of the place the
//! assistant found first, then those found by a place's name or a date, each with a button
//! that adds the selected passage to its sources.

use egui::{RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::ViewContext;
use crate::edit::NewSource;
use crate::edit::claim::ClaimForm;
use crate::present::{self, long_date};
use crate::store::names::match_key;
use crate::store::{EventIx, Lookup, Store};

/// At most this many events are listed: a search narrows a long list.
const SHOWN: usize = 60;

/// The list, under a search field. Returns whether the passage was attached (the form is
/// then done).
pub(crate) fn list(
    ui: &mut Ui,
    view: &ViewContext,
    form: &ClaimForm,
    matched: Option<EventIx>,
    search: &mut String,
    actions: &mut Vec<Action>,
) -> bool {
    let store = view.store;
    ui.horizontal(|ui| {
        let l = ui.add_sized([90.0, 18.0], egui::Label::new("Find event"));
        ui.add(
            egui::TextEdit::singleline(search)
                .hint_text("a place's name, or a date: 2017-11-09")
                .desired_width(300.0),
        )
        .labelled_by(l.id);
    });
    let mut events = events(store, form.place.trim(), search.trim());
    // The event that makes the same claim comes first.
    if let Some(m) = matched.filter(|&m| m < store.events.len()) {
        events.retain(|&e| e != m);
        events.insert(0, m);
    }
    if events.is_empty() {
        ui.label(
            RichText::new("No event found: type a place's name or a date to find the event.")
                .weak(),
        );
        return false;
    }
    let source = NewSource {
        article: form.article.clone(),
        quote: form.quote.clone(),
        date_phrase: Some(form.date_phrase.trim().to_owned()).filter(|p| !p.is_empty()),
        prefix: None,
        suffix: None,
    };
    let sources: Vec<NewSource> = std::iter::once(source)
        .chain(form.more_quotes.iter().cloned())
        .collect();
    if matched.is_some() {
        ui.label(
            RichText::new(present::same_claim_found(sources.len()))
                .color(egui::Color32::from_rgb(0, 100, 160)),
        );
    }
    let mut done = false;
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for &e in events.iter().take(SHOWN) {
                ui.horizontal(|ui| {
                    let attach = Action::AttachSource {
                        event: e,
                        sources: sources.clone(),
                    };
                    if commands::button_for(ui, Command::AttachHere, true, attach, actions)
                        .clicked()
                    {
                        done = true;
                    }
                    let articles = store.events[e].articles().len();
                    let line = format!(
                        "{} · {}",
                        present::event_line(store, e),
                        present::reported_by(articles)
                    );
                    if Some(e) == matched {
                        ui.label(RichText::new(format!("{line} · same claim")).strong());
                    } else {
                        ui.label(line);
                    }
                });
            }
            if events.len() > SHOWN {
                ui.label(
                    RichText::new(format!("{} more: narrow the search", events.len() - SHOWN))
                        .weak(),
                );
            }
        });
    done
}

/// The events of the place named in the form, then those of the places whose names contain
/// the search (ignoring case and accents) or whose date matches it, each once.
fn events(store: &Store, place: &str, search: &str) -> Vec<EventIx> {
    let found = match store.find_place(place) {
        Lookup::Found(p) if !place.is_empty() => Some(p),
        _ => None,
    };
    let mut out = found.map(|p| store.place_events(p)).unwrap_or_default();
    if search.is_empty() {
        return out;
    }
    let key = match_key(search);
    let named: Vec<bool> = store
        .places
        .iter()
        .map(|p| {
            !key.is_empty()
                && std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .chain([&p.id])
                    .any(|n| match_key(n).contains(&key))
        })
        .collect();
    let lower = search.to_lowercase();
    for (e, ev) in store.events.iter().enumerate() {
        let dated = || {
            ev.date.to_string().contains(search)
                || long_date(ev.date).to_lowercase().contains(&lower)
        };
        if Some(ev.place) != found && (named[ev.place] || dated()) {
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_found_place_comes_first_then_the_search() {
        let store = crate::bundled::store();
        let abu_kamal = match store.find_place("Abu Kamal") {
            Lookup::Found(p) => p,
            other => panic!("{other:?}"),
        };
        let own = store.place_events(abu_kamal);
        let listed = events(&store, "abu_kamal", "");
        assert_eq!(listed, own);
        let with_rawa = events(&store, "abu_kamal", "rawa");
        assert_eq!(&with_rawa[..own.len()], own.as_slice());
        assert!(with_rawa.len() > own.len());
        assert!(
            with_rawa[own.len()..]
                .iter()
                .all(|&e| store.places[store.events[e].place].name == "Rawa")
        );
        let by_date = events(&store, "", "2017-11-09");
        assert!(!by_date.is_empty());
        assert!(
            by_date
                .iter()
                .all(|&e| store.events[e].date.to_string() == "2017-11-09")
        );
        assert!(events(&store, "", "").is_empty());
    }
}
