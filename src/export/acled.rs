//! The events as ACLED-format CSV: ACLED's 31 columns, names and conventions, so that the file
//! opens in a spreadsheet, loads into anything that reads ACLED, and loads back into Frontline
//! with the same holders.
//!
//! One row per event, in chronological order. How a claim is coded:
//! - A change of control to one holder: `Battles` / `Government regains territory` when the new
//!   holder (`actor1`) is a state force, `Non-state actor overtakes territory` otherwise; a
//!   withdrawal (`kind = "withdrawal"`: the holder left) is `Strategic developments` /
//!   `Non-violent transfer of territory`. `actor2` is the previous holder (the one that lost it
//!   when the place was contested; the other contestant then goes to `assoc_actor_2`).
//! - A contested state: `Battles` / `Armed clash` between the two actors (the one that came in
//!   as `actor1` when the data tells which).
//! - A report that changes nothing (or reports a first state without a transfer):
//!   `Strategic developments` / `Other`, with the holder as `actor1` and no `actor2`.
//!
//! Actors are written by display name. A state force is an actor whose id or name speaks of a
//! government, an army, the military or the police (the data has no field for it); every other
//! actor is coded `Rebel group`, ACLED's code for the Islamic State, the SDF and the Syrian
//! rebels. `iso` and `country` are ISO 3166-1 (numeric code, English short name, which can
//! differ from ACLED's own: "Syrian Arab Republic" for "Syria"); `region` and `admin1..3` are
//! left empty (the data does not say). `geo_precision` is 1: a place is the town itself.
//! `event_id_cnty` is the event's id. `source` lists the outlets, `notes` the claim in words
//! and every quote verbatim with its article, `fatalities` is 0 (ACLED's value when none are
//! reported: the data does not annotate them), `tags` carries Frontline's own fields
//! (`place=ID; kind=capture; basis=stated`, and `status=lost` for a place no longer held by
//! `actor1`, whose new holder is not said: a strategic development, as ACLED has no such
//! state) and `timestamp` the Unix time of the latest
//! article behind the row (so that the same data always gives the same file).
//!
//! Cells of text from the data go through [`escape_cell`], against CSV injection.

use std::io::Write;

use super::periods::states_before;
use super::{ExportError, ExportOptions, Window, basis_word, claim_in_words, long_date};
use crate::store::load::acled::escape_cell;
use crate::store::{Actor, ActorIx, Control, Event, EventKind, Store};

/// ACLED's columns, in ACLED's order (the 31 columns of its exports since March 2023).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's coding of one event.
struct Coding {
    disorder_type: &'static str,
    event_type: &'static str,
    sub_event_type: &'static str,
    actor1: ActorIx,
    actor2: Option<ActorIx>,
    assoc_actor_2: Vec<ActorIx>,
}

fn code(ev: &Event, before: Option<Control>, actors: &[Actor]) -> Coding {
    // What the place was before: the timeline's state, or else what the article says.
    let before = before.or(ev.from);
    let battle = |sub_event_type, actor1, actor2, assoc_actor_2| Coding {
        disorder_type: "Political violence",
        event_type: "Battles",
        sub_event_type,
        actor1,
        actor2,
        assoc_actor_2,
    };
    match ev.to {
        // Who took it is not said: a strategic development of the actor that lost it, the
        // one actor the claim names.
        Control::Lost(loser, _) => Coding {
            disorder_type: "Strategic developments",
            event_type: "Strategic developments",
            sub_event_type: "Other",
            actor1: loser,
            actor2: None,
            assoc_actor_2: Vec::new(),
        },
        Control::Contested(a, b) => {
            let (came_in, defender) = match before {
                Some(Control::Held(x)) if x == a => (b, a),
                _ => (a, b),
            };
            battle("Armed clash", came_in, Some(defender), Vec::new())
        }
        Control::Held(holder) => {
            let mut losers: Vec<ActorIx> = match before {
                Some(c) => c.actors().into_iter().filter(|&a| a != holder).collect(),
                None => Vec::new(),
            };
            let transfer = match before {
                Some(c) => c != ev.to,
                None => ev.kind != EventKind::Report,
            };
            let actor2 = (!losers.is_empty()).then(|| losers.remove(0));
            if !transfer {
                Coding {
                    disorder_type: "Strategic developments",
                    event_type: "Strategic developments",
                    sub_event_type: "Other",
                    actor1: holder,
                    actor2: None,
                    assoc_actor_2: Vec::new(),
                }
            } else if ev.kind == EventKind::Withdrawal {
                Coding {
                    disorder_type: "Strategic developments",
                    event_type: "Strategic developments",
                    sub_event_type: "Non-violent transfer of territory",
                    actor1: holder,
                    actor2,
                    assoc_actor_2: losers,
                }
            } else if is_state_force(&actors[holder]) {
                battle("Government regains territory", holder, actor2, losers)
            } else {
                battle(
                    "Non-state actor overtakes territory",
                    holder,
                    actor2,
                    losers,
                )
            }
        }
    }
}

/// Whether ACLED would code the actor as state forces. The data has no such field, so the
/// actor's id and name decide: a government, an army, the military or the police.
fn is_state_force(actor: &Actor) -> bool {
    let words = format!("{} {}", actor.id, actor.name).to_lowercase();
    ["government", "army", "military", "police", "state forces"]
        .iter()
        .any(|w| words.contains(w))
}

/// ACLED's actor type (`inter1`, `inter2`) and its rank in `interaction`.
fn inter(actor: &Actor) -> (&'static str, u8) {
    if is_state_force(actor) {
        ("State forces", 1)
    } else {
        ("Rebel group", 2)
    }
}

/// Writes every event as a row of ACLED-format CSV, with its header. A window (`from`, `to`)
/// keeps the events dated inside it.
pub fn write_acled_csv(
    store: &Store,
    options: &ExportOptions,
    out: impl Write,
) -> Result<(), ExportError> {
    let window = Window::of(options)?;
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(ACLED_COLUMNS)?;
    let before = states_before(store);
    for (ix, ev) in store.events.iter().enumerate() {
        let Some(before) = before[ix] else { continue };
        if !window.contains(ev.at) {
            continue;
        }
        csv.write_record(row(store, ev, before))?;
    }
    csv.flush()?;
    Ok(())
}

fn row(store: &Store, ev: &Event, before: Option<Control>) -> [String; 31] {
    let coding = code(ev, before, &store.actors);
    let place = &store.places[ev.place];
    let actor = |a: ActorIx| &store.actors[a];
    let names = |actors: &[ActorIx]| {
        actors
            .iter()
            .map(|&a| actor(a).name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let inter1 = inter(actor(coding.actor1));
    let inter2 = coding.actor2.map(|a| inter(actor(a)));
    let interaction = match inter2 {
        Some(i2) => {
            let (low, high) = if inter1.1 <= i2.1 {
                (inter1, i2)
            } else {
                (i2, inter1)
            };
            format!("{}-{}", low.0, high.0)
        }
        None => format!("{} only", inter1.0),
    };
    let country = isocountry::CountryCode::for_alpha2_caseless(&place.country).ok();
    let articles = ev.articles();
    let mut outlets: Vec<&str> = Vec::new();
    for &a in &articles {
        let outlet = store.articles[a].outlet_or_unnamed();
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    let latest_article = articles
        .iter()
        .filter_map(|&a| store.articles[a].date)
        .max();
    let timestamp = latest_article
        .unwrap_or(ev.date)
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .timestamp();
    let text = |s: &str| escape_cell(s).into_owned();
    [
        text(&ev.id),
        ev.date.format("%Y-%m-%d").to_string(),
        ev.date.format("%Y").to_string(),
        ev.interval.acled_code().to_string(),
        coding.disorder_type.to_owned(),
        coding.event_type.to_owned(),
        coding.sub_event_type.to_owned(),
        text(&actor(coding.actor1).name),
        String::new(),
        inter1.0.to_owned(),
        text(coding.actor2.map_or("", |a| actor(a).name.as_str())),
        text(&names(&coding.assoc_actor_2)),
        inter2.map_or("", |i| i.0).to_owned(),
        interaction,
        String::new(),
        country.map_or(String::new(), |c| c.numeric_id().to_string()),
        String::new(),
        text(country.map_or(place.country.as_str(), |c| c.name())),
        String::new(),
        String::new(),
        String::new(),
        text(&place.name),
        place.lat.to_string(),
        place.lon.to_string(),
        "1".to_owned(),
        text(&outlets.join("; ")),
        String::new(),
        text(&notes(store, ev)),
        "0".to_owned(),
        text(&format!(
            "place={}; kind={}; basis={}{}",
            place.id,
            ev.kind.name(),
            basis_word(ev.basis),
            // ACLED has no "no longer held": the row is the loser's, and the tag says so.
            if matches!(ev.to, Control::Lost(..)) {
                "; status=lost"
            } else {
                ""
            }
        )),
        timestamp.to_string(),
    ]
}

/// The claim in words, then every quote verbatim with its article:
/// `“quote” (Reuters, reuters-deir-ezzor, 3 November 2017)`.
fn notes(store: &Store, ev: &Event) -> String {
    let mut s = claim_in_words(store, ev);
    for (i, q) in ev.quotes.iter().enumerate() {
        let a = &store.articles[q.article];
        s += if i == 0 { " Quotes: " } else { "; " };
        s += &format!(
            "\u{201C}{}\u{201D} ({}, {}, {})",
            q.exact(&store.articles),
            a.outlet_or_unnamed(),
            a.id,
            a.date.map_or("undated".to_owned(), long_date)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            short: String::new(),
            colour: [0; 3],
            aliases: Vec::new(),
        }
    }

    #[test]
    fn governments_and_armies_are_state_forces_and_the_islamic_state_is_not() {
        assert!(is_state_force(&actor(
            "syrian_government",
            "Syrian government and allies"
        )));
        assert!(is_state_force(&actor("saa", "Syrian Arab Army")));
        assert!(!is_state_force(&actor("islamic_state", "Islamic State")));
        assert!(!is_state_force(&actor("sdf", "Syrian Democratic Forces")));
    }
}
