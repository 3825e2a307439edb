//! The corpus's words: the made-up actors, the syllables of place names, the outlets, and
//! the sentences that pad an article around its quotes.

use super::rng::Rng;

/// A made-up side of the war, strongest around its home region.
pub(super) struct ActorDef {
    pub id: &'static str,
    pub name: &'static str,
    pub short: &'static str,
    pub colour: &'static str,
    /// The forces' name in sentences.
    pub forces: &'static str,
    /// Where its home region is (lon, lat).
    pub home: (f64, f64),
}

pub(super) const ACTORS: [ActorDef; 6] = [
    ActorDef {
        id: "national_army",
        name: "National Army",
        short: "NA",
        colour: "#d62020",
        forces: "National Army troops",
        home: (38.0, 34.5),
    },
    ActorDef {
        id: "northern_front",
        name: "Northern Front",
        short: "NF",
        colour: "#1a1a1a",
        forces: "Northern Front fighters",
        home: (40.5, 35.2),
    },
    ActorDef {
        id: "river_alliance",
        name: "River Alliance",
        short: "RA",
        colour: "#e8c21a",
        forces: "River Alliance units",
        home: (40.0, 36.6),
    },
    ActorDef {
        id: "free_brigades",
        name: "Free Brigades",
        short: "FB",
        colour: "#2e9e3e",
        forces: "Free Brigades militiamen",
        home: (37.4, 36.4),
    },
    ActorDef {
        id: "eastern_guard",
        name: "Eastern Guard",
        short: "EG",
        colour: "#1f5fd0",
        forces: "Eastern Guard forces",
        home: (43.8, 33.6),
    },
    ActorDef {
        id: "tribal_council",
        name: "Tribal Council",
        short: "TC",
        colour: "#8a4fbf",
        forces: "Tribal Council fighters",
        home: (42.0, 34.3),
    },
];

const NAME_PREFIXES: [&str; 14] = [
    "Tal", "Abu", "Deir", "Ain", "Khirbet", "Ras", "Jisr", "Kafr", "Beit", "Umm", "Al", "Hamam",
    "Qasr", "Bir",
];
const NAME_ONSETS: [&str; 16] = [
    "b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z",
];
const NAME_VOWELS: [&str; 7] = ["a", "a", "i", "u", "ai", "aa", "ei"];
const NAME_CODAS: [&str; 10] = ["", "", "r", "n", "m", "l", "d", "b", "k", "s"];
pub(super) const OUTLETS: [&str; 6] = [
    "Valley Wire",
    "Frontier Press",
    "Levant Monitor",
    "Desert Observer",
    "Two Rivers News",
    "Northern Dispatch",
];
pub(super) const ATTRIBUTIONS: [&str; 6] = [
    ", a local monitor said.",
    ", according to residents.",
    ", officials said.",
    ", a spokesman told reporters.",
    ".",
    ", witnesses said.",
];
pub(super) const FILLER: [&str; 12] = [
    "Residents described heavy shelling through the night.",
    "Aid groups said roads in the area remained closed.",
    "The claims could not be independently verified.",
    "Several families were reported to have fled towards the river.",
    "Mortar fire was heard across the valley in the afternoon.",
    "A spokesman for the local council declined to comment.",
    "Power and water supplies have been cut for days.",
    "Both sides have reported heavy losses in recent weeks.",
    "Checkpoints on the main road changed hands several times.",
    "Drones were seen over the area before dawn.",
    "Humanitarian workers warned of shortages of bread and fuel.",
    "The fighting follows weeks of relative calm along the front.",
];

/// A made-up name: one or two syllables, often after a prefix ("Tal", "Abu", "Al-").
pub(super) fn place_name(rng: &mut Rng) -> String {
    let mut root = String::new();
    let syllables = 1 + rng.below(2);
    for _ in 0..syllables {
        root.push_str(rng.word(&NAME_ONSETS));
        root.push_str(rng.word(&NAME_VOWELS));
    }
    root.push_str(rng.word(&NAME_CODAS));
    let mut chars = root.chars();
    let root: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    if rng.chance(0.7) {
        let prefix = rng.word(&NAME_PREFIXES);
        if prefix == "Al" {
            format!("Al-{root}")
        } else {
            format!("{prefix} {root}")
        }
    } else {
        root
    }
}

/// The name as an id: lower-case ASCII letters and digits, runs of anything else as `_`.
pub(super) fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('_') {
            s.push('_');
        }
    }
    s.trim_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_ascii_with_single_underscores() {
        assert_eq!(slug("Al-Qa'im crossing"), "al_qa_im_crossing");
        assert_eq!(slug("  Tal  Bira "), "tal_bira");
    }

    #[test]
    fn place_names_are_capitalised_and_have_a_slug() {
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let name = place_name(&mut rng);
            assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
            assert!(!slug(&name).is_empty(), "{name}");
        }
    }
}
