//! ACLED's actors as Frontline actors: one per distinct name (as the names match), coloured by
//! the war-map conventions of the product (Syrian government red, Iraqi government blue,
//! Islamic State black, SDF yellow, rebels green), any other from a palette of distinct colours.

use std::collections::HashMap;

use super::super::super::names::match_key;

/// Name fragments (lowercase) and the colour they get. The first match wins, so the more
/// specific come first. Frontline's own actor names (as its CSV export writes them) are
/// included, so that an exported file keeps its colours.
const CONVENTIONS: &[(&[&str], &str)] = &[
    (&["islamic state", "isis", "isil", "daesh"], "#1a1a1a"),
    (
        &[
            "sdf: syrian democratic forces",
            "syrian democratic forces",
            "ypg",
            "ypj",
        ],
        "#e8c21a",
    ),
    (
        &[
            "military forces of syria",
            "police forces of syria",
            "syrian government",
            "ndf: national defense forces",
        ],
        "#d62020",
    ),
    (
        &[
            "military forces of iraq",
            "police forces of iraq",
            "iraqi government",
            "pmf: popular mobilization forces",
        ],
        "#1f5fd0",
    ),
    (
        &[
            "rebel",
            "opposition",
            "free syrian army",
            "hayat tahrir al sham",
            "syrian national army",
            "ahrar al sham",
        ],
        "#2e8b3a",
    ),
];

/// Frontline's own actors (the bundled data's): an exported file read back keeps their ids.
const KNOWN_IDS: &[(&str, &str)] = &[
    ("Syrian government and allies", "syrian_government"),
    ("Islamic State", "islamic_state"),
    ("Iraqi government forces", "iraqi_government"),
    ("Syrian Democratic Forces", "sdf"),
    ("Syrian rebels", "syrian_rebels"),
];

/// Distinct colours for the actors no convention names, avoiding the conventions' own.
const PALETTE: &[&str] = &[
    "#8e44ad", "#e67e22", "#16a085", "#c2185b", "#6d4c41", "#00838f", "#7cb342", "#5c6bc0",
    "#ad1457", "#f4511e", "#3949ab", "#00897b",
];

/// One actor found in the file.
pub struct FoundActor {
    pub id: String,
    pub name: String,
    pub colour: &'static str,
    /// The 1-based line of the first row naming it.
    pub line: usize,
    /// The byte offset of that row.
    pub offset: usize,
}

/// The actors of a file, by the match key of their name.
#[derive(Default)]
pub struct Actors {
    pub found: Vec<FoundActor>,
    by_key: HashMap<String, usize>,
    ids: HashMap<String, usize>,
    palette_used: usize,
}

impl Actors {
    /// The id of the actor of this name, added on first sight.
    pub fn id_of(&mut self, name: &str, line: usize, offset: usize) -> &str {
        let key = match_key(name);
        if let Some(&ix) = self.by_key.get(&key) {
            return &self.found[ix].id;
        }
        let id = self.unique_id(name);
        let colour = convention_colour(name).unwrap_or_else(|| {
            let c = PALETTE[self.palette_used % PALETTE.len()];
            self.palette_used += 1;
            c
        });
        let ix = self.found.len();
        self.by_key.insert(key, ix);
        self.ids.insert(id.clone(), ix);
        self.found.push(FoundActor {
            id,
            name: name.to_owned(),
            colour,
            line,
            offset,
        });
        &self.found[ix].id
    }

    fn unique_id(&self, name: &str) -> String {
        let base = KNOWN_IDS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| slug(name), |(_, id)| (*id).to_owned());
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains_key(&id) {
            n += 1;
            id = format!("{base}_{n}");
        }
        id
    }
}

/// The colour the conventions give a name, if any.
pub fn convention_colour(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    CONVENTIONS
        .iter()
        .find(|(fragments, _)| fragments.iter().any(|f| lower.contains(f)))
        .map(|(_, colour)| *colour)
}

/// An id made of a name: lowercase ASCII letters and digits, `_` between words.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('_') {
            s.push('_');
        }
    }
    let s = s.trim_end_matches('_').to_owned();
    if s.is_empty() { "actor".to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_names_get_the_war_map_colours() {
        assert_eq!(
            convention_colour("Military Forces of Syria (2000-)"),
            Some("#d62020")
        );
        assert_eq!(
            convention_colour("Military Forces of Iraq (2014-)"),
            Some("#1f5fd0")
        );
        assert_eq!(convention_colour("Islamic State (Syria)"), Some("#1a1a1a"));
        assert_eq!(convention_colour("Islamic State (Iraq)"), Some("#1a1a1a"));
        assert_eq!(
            convention_colour("SDF: Syrian Democratic Forces"),
            Some("#e8c21a")
        );
        assert_eq!(
            convention_colour("Opposition Rebels (Syria)"),
            Some("#2e8b3a")
        );
        assert_eq!(convention_colour("Unidentified Armed Group (Syria)"), None);
    }

    #[test]
    fn one_actor_per_name_and_distinct_colours_for_the_rest() {
        let mut a = Actors::default();
        let x = a.id_of("Unidentified Armed Group (Syria)", 2, 0).to_owned();
        let y = a.id_of("Tribal Militia (Syria)", 3, 0).to_owned();
        assert_eq!(a.id_of("unidentified armed group (syria)", 4, 0), x);
        assert_eq!(x, "unidentified_armed_group_syria");
        assert_ne!(x, y);
        assert_ne!(a.found[0].colour, a.found[1].colour);
        assert_eq!(a.id_of("Islamic State", 5, 0), "islamic_state");
    }
}
