//! Candidates that make the same claim, accepted together as one event with every quote; the
//! event of the data a candidate's claim matches (the claim is then attached to it rather than
//! made again); and a place no gazetteer knows, placed by hand.

use super::ClaimForm;
use crate::assist::{Candidate, Status};
use crate::edit::{NewPlace, NewSource};
use crate::store::{ArticleIx, EventIx, Lookup, PlaceKind, Store};

/// What the place field says when the coordinates typed cannot be read.
pub const COORDINATES_HELP: &str =
    "coordinates: write the latitude and the longitude in degrees, such as 34.47, 40.93";

pub use crate::edit::new_place::PLACED_BY_HAND;

impl ClaimForm {
    /// The form for candidates of one claim (the same `claim_key`): the first one's fields,
    /// and every other clause as another quote of the same event.
    pub fn from_candidates(store: &Store, article: ArticleIx, cs: &[Candidate]) -> ClaimForm {
        let Some(first) = cs.first() else {
            return ClaimForm::prefill(store, article, 0, 0);
        };
        let mut form = ClaimForm::from_candidate(store, article, first);
        let id = store.articles[article].id.clone();
        form.more_quotes = cs[1..]
            .iter()
            .filter(|c| c.text != form.quote)
            .map(|c| NewSource {
                article: id.clone(),
                quote: c.text.clone(),
                date_phrase: c
                    .date_phrase
                    .clone()
                    .filter(|p| c.text.contains(p.as_str())),
                prefix: None,
                suffix: None,
            })
            .collect();
        form
    }

    /// Whether the place named is one neither the data nor any gazetteer knows: it is then
    /// placed by hand.
    pub fn awaits_placing(&self, store: &Store) -> bool {
        let name = self.place.trim();
        !name.is_empty()
            && matches!(store.find_place(name), Lookup::NotFound { .. })
            && crate::edit::new_place::lookup(store, name).is_none()
    }

    /// The place to add for a name no gazetteer knows, at the coordinates typed (or clicked
    /// on the map); in the country of the nearest place of the data.
    pub fn hand_placed(&self, store: &Store) -> Option<NewPlace> {
        let name = self.place.trim();
        let (lat, lon) = coordinates(&self.coordinates)?;
        if name.is_empty() {
            return None;
        }
        let country = store
            .places
            .iter()
            .min_by(|a, b| {
                let d = |p: &crate::store::Place| (p.lat - lat).powi(2) + (p.lon - lon).powi(2);
                d(a).total_cmp(&d(b))
            })
            .map_or_else(String::new, |p| p.country.clone());
        // "Khirbat Umm Sulaym" is khirbat_umm_sulaym: each word's key, without accents.
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .map(crate::store::names::match_key)
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut id = words.join("_");
        if id.is_empty() || store.places.iter().any(|p| p.id == id) {
            id = format!("placed_{:.4}_{:.4}", lat, lon).replace(['.', '-'], "_");
        }
        Some(NewPlace {
            id,
            name: name.to_owned(),
            kind: PlaceKind::Village,
            country,
            lat,
            lon,
            aliases: Vec::new(),
            source: PLACED_BY_HAND.to_owned(),
        })
    }
}

/// "34.47, 40.93" (or separated by a space): a latitude and a longitude in degrees.
pub fn coordinates(text: &str) -> Option<(f64, f64)> {
    let mut parts = text
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let lat: f64 = parts.next()?.parse().ok()?;
    let lon: f64 = parts.next()?.parse().ok()?;
    let ok = parts.next().is_none()
        && lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    ok.then_some((lat, lon))
}

/// The event of the data (saved, or added in the session and shown) that makes the same claim
/// as a candidate: the same place, the same day and the same state after it.
pub fn matching_event(store: &Store, c: &Candidate) -> Option<EventIx> {
    let place = c.place.as_deref()?;
    let date = c.date?;
    fn sides(ids: &[String]) -> Vec<&str> {
        let mut v: Vec<&str> = ids.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
    let want = match c.status {
        Status::Held => sides(&c.to),
        Status::Contested => sides(&c.contested_by),
        Status::Lost => sides(&c.lost_by),
    };
    store.events.iter().position(|e| {
        let same_state = {
            let mut have: Vec<&str> =
                e.to.actors()
                    .iter()
                    .map(|&a| store.actors[a].id.as_str())
                    .collect();
            have.sort_unstable();
            let status = match e.to {
                crate::store::Control::Held(_) => Status::Held,
                crate::store::Control::Contested(..) => Status::Contested,
                crate::store::Control::Lost(..) => Status::Lost,
            };
            status == c.status && have == want
        };
        store.places[e.place].id == place && e.date == date && same_state
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_read_in_degrees_and_checked() {
        assert_eq!(coordinates("34.47, 40.93"), Some((34.47, 40.93)));
        assert_eq!(coordinates(" 34.47 40.93 "), Some((34.47, 40.93)));
        assert_eq!(coordinates("94, 40"), None);
        assert_eq!(coordinates("34.4"), None);
        assert_eq!(coordinates("a, b"), None);
        assert_eq!(coordinates("1, 2, 3"), None);
    }

    #[test]
    fn a_town_no_gazetteer_knows_is_placed_by_hand_in_the_nearest_places_country() {
        let store = crate::bundled::store();
        let mut form = ClaimForm::prefill(&store, 0, 0, 10);
        form.place = "Tall Zubayr".into();
        assert!(form.hand_placed(&store).is_none(), "no coordinates yet");
        form.coordinates = "34.40, 40.95".into();
        let p = form.hand_placed(&store).unwrap();
        assert_eq!(
            (p.id.as_str(), p.name.as_str()),
            ("tall_zubayr", "Tall Zubayr")
        );
        assert_eq!(p.source, PLACED_BY_HAND);
        assert!(p.country == "SY" || p.country == "IQ", "{}", p.country);
        assert_eq!(form.new_place(&store), Some(p));
    }
}
