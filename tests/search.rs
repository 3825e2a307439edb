//! Place search on the bundled data: any alias, misspelt, in Latin or Arabic script, finds the
//! right town first.

use std::sync::LazyLock;

use frontline::store::{PlaceIx, Store};
use frontline::view::search::{MatchKind, SearchIndex, search_key};

static STORE: LazyLock<Store> = LazyLock::new(frontline::bundled::store);
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(&STORE.places));

fn place(id: &str) -> PlaceIx {
    let ix = STORE.places.iter().position(|p| p.id == id);
    ix.unwrap_or_else(|| panic!("no place with id {id}"))
}

/// The ids of the places found, best first.
fn found(query: &str) -> Vec<&'static str> {
    INDEX
        .search(query, 5)
        .iter()
        .map(|h| STORE.places[h.place].id.as_str())
        .collect()
}

#[test]
fn every_spelling_of_abu_kamal_finds_it_first() {
    for query in [
        "bukamal",
        "Albu Kamal",
        "abu kamel",
        "البوكمال",
        "أبو كمال",
        "ABŪ KAMĀL",
        "abu-kamal",
        "Bukamel",
        "abu ka",
    ] {
        let hits = INDEX.search(query, 5);
        assert_eq!(
            hits.first().map(|h| h.place),
            Some(place("abu_kamal")),
            "{query}"
        );
    }
    // "البو كمال" and "البوكمال" are one key: the first listed of the two is shown.
    let hit = &INDEX.search("البوكمال", 1)[0];
    assert_eq!((hit.alias, hit.kind), ("البو كمال", MatchKind::Exact));
    let hit = &INDEX.search("abu kamel", 1)[0];
    assert_eq!(hit.kind, MatchKind::Fuzzy, "a misspelling");
    // "Al-Bukamal" is listed before "Albu Kamal": one key, the first shown.
    let hit = &INDEX.search("Albu Kamal", 1)[0];
    assert_eq!((hit.alias, hit.kind), ("Al-Bukamal", MatchKind::Exact));
    assert_eq!(search_key(hit.alias), search_key("Albu Kamal"));
}

#[test]
fn qaim_finds_the_town_before_the_border_crossing() {
    let ids = found("qaim");
    let town = ids.iter().position(|&id| id == "al_qaim");
    let crossing = ids.iter().position(|&id| id == "al_qaim_border_crossing");
    assert_eq!(town, Some(0), "{ids:?}");
    assert!(crossing.is_some_and(|c| c > 0), "{ids:?}");
    assert_eq!(found("القائم")[0], "al_qaim");
    assert_eq!(found("al qaim crossing")[0], "al_qaim_border_crossing");
}

#[test]
fn other_towns_by_other_names() {
    assert_eq!(found("Dayr az-Zawr")[0], "deir_ez_zor");
    assert_eq!(found("deir ezor")[0], "deir_ez_zor");
    assert_eq!(found("rumana")[0], "rummanah");
    assert_eq!(found("الرمانة")[0], "rummanah");
    assert_eq!(found("رمانه")[0], "rummanah");
    assert_eq!(found("mayadeen")[0], "al_mayadin");
    assert_eq!(found("‘Anah")[0], "anah");
}

#[test]
fn empty_and_unknown_queries_find_nothing() {
    assert!(found("").is_empty());
    assert!(found("   ").is_empty());
    assert!(found("Paris").is_empty());
    assert!(found("zzzz").is_empty());
}

#[test]
fn scores_fall_and_each_place_appears_once() {
    for query in ["a", "al", "ab", "qa", "kamal", "raq"] {
        let hits = INDEX.search(query, 100);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{query}");
        let mut places: Vec<_> = hits.iter().map(|h| h.place).collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), hits.len(), "{query}");
        for h in &hits {
            let p = &STORE.places[h.place];
            assert!(p.name == h.alias || p.aliases.iter().any(|a| a == h.alias));
        }
    }
}
