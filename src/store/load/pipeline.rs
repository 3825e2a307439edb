//! The loading pipeline, whatever the format: the catalog read and validated, then the
//! events read and checked a few units at a time on every core, merged in unit order, sorted
//! in time, and checked across units.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::super::Store;
use super::super::diagnostics::Diagnostics;
use super::super::model::Event;
use super::super::source::DataSource;
use super::super::timeline::Timeline;
use super::catalog::Catalog;
use super::events::Check;
use super::parsed::{Format, ParsedCatalog, ParsedEvents};
use super::resolve::check_in_time;
use super::toml_dir::ARTICLES_FILE;

/// Loads and validates what `format` reads from `source`, and builds the time index of the
/// valid events. Never fails: problems go into the diagnostics, and whatever is valid is kept.
/// The outcome does not depend on the number of threads: units are parsed and checked in
/// parallel, each with problems of its own, and merged in unit order.
///
/// The store's `origin` (what the user named, not the directory read) and its stories (read
/// against the places and actors) are left for [`Store::load`] to fill in.
pub fn run<F: Format>(format: &F, source: &DataSource) -> Store {
    let ParsedCatalog {
        actors,
        places,
        articles,
        event_units,
        unreadable,
        actors_unreadable,
        places_unreadable,
        mut diagnostics,
        other_rows,
    } = format.catalog();
    let d = &mut diagnostics;
    let catalog = Catalog::validate(d, actors, places, articles);

    // A few units at a time, so that the parsed entries of all of them are never held at once.
    let window = 2 * rayon::current_num_threads();
    let mut explicit_ids: HashMap<String, (Arc<str>, usize)> = HashMap::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut events: Vec<Event> = Vec::new();
    let mut left_out = 0;
    let mut unchecked_quotes: BTreeMap<String, usize> = BTreeMap::new();
    for (w, units) in event_units.chunks(window).enumerate() {
        let mut parsed: Vec<ParsedEvents> = units.par_iter().map(|u| format.events(u)).collect();
        // The one check across units before the events are built: explicit ids are unique.
        for p in &mut parsed {
            skip_duplicate_ids(p, &mut explicit_ids);
        }
        let checked: Vec<CheckedUnit> = parsed
            .into_par_iter()
            .map(|p| {
                let mut c = Check {
                    d: p.diagnostics,
                    catalog: &catalog,
                    actors_unreadable,
                    places_unreadable,
                    left_out: 0,
                    unchecked_quotes: BTreeMap::new(),
                };
                let built = p.events.into_iter().filter_map(|e| c.event(e)).collect();
                CheckedUnit {
                    diagnostics: c.d,
                    events: built,
                    left_out: c.left_out,
                    unchecked_quotes: c.unchecked_quotes,
                }
            })
            .collect();
        let in_window: usize = checked.iter().map(|c| c.events.len()).sum();
        if w == 0 {
            // Room for all the events at once, estimated from the first units: a vector that
            // doubled its way to a hundred thousand events would briefly hold one and a half
            // times as many.
            let units_left = event_units.len() - units.len();
            events.reserve_exact(in_window + in_window * units_left / units.len().max(1) * 21 / 20);
        } else {
            events.reserve(in_window);
        }
        for CheckedUnit {
            diagnostics: unit_d,
            events: unit_events,
            left_out: unit_left_out,
            unchecked_quotes: unchecked,
        } in checked
        {
            d.append(unit_d);
            left_out += unit_left_out;
            for (article, n) in unchecked {
                *unchecked_quotes.entry(article).or_insert(0) += n;
            }
            for mut ev in unit_events {
                // Events without an explicit id are named after their place and day; the
                // second of a name gets "-2", and so on.
                let n = used_ids.entry(ev.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    ev.id = format!("{}-{}", ev.id, n);
                }
                events.push(ev);
            }
        }
        // The annotations of a large corpus are tens of megabytes: a unit's text is kept only
        // while a problem points into it.
        for unit in units {
            d.forget_source_if_unreferenced(unit);
        }
    }
    // Chronological order (stable: unit order within an instant).
    if !events.is_sorted_by_key(|e| e.at) {
        events.sort_by_key(|e| e.at);
    }
    for (article, n) in unchecked_quotes {
        d.warning(
            ARTICLES_FILE,
            None,
            format!("{n} quote(s) citing article \"{article}\" were not checked: its entry has an error"),
            Some("fix the error reported on its entry; events left without a checked quote are left out".into()),
        );
    }
    if left_out > 0 {
        let files = unreadable.join(", ");
        d.warning(
            &files,
            None,
            format!("{left_out} event(s) left out because {files} could not be read"),
            Some("fix the error reported for that file first".into()),
        );
    }
    check_in_time(&mut events, &catalog.actors, d, source);
    let timeline = Timeline::build(catalog.places.len(), &events, &catalog.articles);
    Store {
        places: catalog.places,
        actors: catalog.actors,
        articles: catalog.articles,
        events,
        place_names: catalog.place_names,
        actor_names: catalog.actor_names,
        timeline,
        diagnostics,
        other_rows,
        origin: String::new(),
        stories: Vec::new(),
    }
}

/// Drops the events of a unit whose explicit id an earlier event (of this unit or an earlier
/// one) already has, reporting where the id was first used.
fn skip_duplicate_ids(p: &mut ParsedEvents, first_use: &mut HashMap<String, (Arc<str>, usize)>) {
    let ParsedEvents {
        events,
        diagnostics: d,
    } = p;
    events.retain(|ev| {
        let Some(id) = &ev.id else { return true };
        let file = &ev.origin.file;
        if let Some((first_file, first_line)) = first_use.get(id.get_ref()) {
            d.error(
                file,
                Some(id.span()),
                format!(
                    "duplicate event id \"{}\" (first used at {first_file}:{first_line})",
                    id.get_ref()
                ),
                Some(
                    "event ids must be unique: rename one, or merge the two events' sources".into(),
                ),
            );
            return false;
        }
        let line = d.line_of(file, id.span().start);
        first_use.insert(id.get_ref().clone(), (file.clone(), line));
        true
    });
}

/// One unit of events after validation, before its events join the store's.
struct CheckedUnit {
    diagnostics: Diagnostics,
    events: Vec<Event>,
    left_out: usize,
    unchecked_quotes: BTreeMap<String, usize>,
}
