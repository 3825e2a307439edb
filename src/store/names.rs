//! Name matching: one town or actor has many spellings ("Bukamal", "Albu Kamal", "Abū Kamāl"),
//! and users type any of them. Names are compared by a *match key* rather than as written.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// Articles that are dropped from the front of a name for a second, looser key
/// ("Al-Qaim" also matches "Qaim").
const LEADING_ARTICLES: &[&str] = &[
    "al", "el", "ar", "as", "ad", "an", "az", "ash", "at", "ath", "adh", "the",
];

/// The match key of a name: NFKD, combining marks dropped, lowercase, and only letters and
/// digits kept (so apostrophes, hyphens and spaces do not matter). Arabic letters are kept.
pub(crate) fn match_key(name: &str) -> String {
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The key of a name without its leading article ("al-Bukamal" -> "bukamal"), if it has one.
pub(crate) fn match_key_without_article(name: &str) -> Option<String> {
    let lower: String = name.nfkd().flat_map(char::to_lowercase).collect();
    for article in LEADING_ARTICLES {
        if let Some(rest) = lower.strip_prefix(article)
            && (rest.starts_with(' ') || rest.starts_with('-'))
        {
            let key = match_key(rest);
            if !key.is_empty() {
                return Some(key);
            }
        }
    }
    None
}

/// The outcome of looking a name up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(usize),
    /// The name matches several entries (their indices).
    Ambiguous(Vec<usize>),
    /// No match; the closest known name, if any is close.
    NotFound {
        suggestion: Option<String>,
    },
}

/// Finds entries (places or actors) by id, name or alias.
#[derive(Debug, Default, Clone)]
pub struct NameIndex {
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_loose_key: HashMap<String, Vec<usize>>,
    /// (key, entry) of every name, for suggestions.
    names: Vec<(String, usize)>,
    /// The name an entry is suggested by: its first name (a place's or actor's `name`), so that
    /// a typo of "Abu Kamal" suggests "Abu Kamal", not the alias "Abu Kemāl" that happens to
    /// score a little higher.
    shown: HashMap<usize, String>,
}

impl NameIndex {
    /// Adds an entry under its id and every one of its names.
    pub(crate) fn insert<'a>(
        &mut self,
        ix: usize,
        id: &'a str,
        names: impl IntoIterator<Item = &'a str>,
    ) {
        let names: Vec<&str> = names.into_iter().collect();
        self.by_id.insert(id.to_owned(), ix);
        self.shown
            .insert(ix, names.first().copied().unwrap_or(id).to_owned());
        self.names.push((match_key(id), ix));
        for name in std::iter::once(id).chain(names) {
            let key = match_key(name);
            if key.is_empty() {
                continue;
            }
            push_unique(self.by_key.entry(key.clone()).or_default(), ix);
            if let Some(loose) = match_key_without_article(name) {
                push_unique(self.by_loose_key.entry(loose).or_default(), ix);
            }
            self.names.push((key, ix));
        }
    }

    /// Looks a name up: exact id first, then the match key, then the key without a leading
    /// article.
    pub fn lookup(&self, name: &str) -> Lookup {
        if let Some(&ix) = self.by_id.get(name) {
            return Lookup::Found(ix);
        }
        let key = match_key(name);
        let candidates = [
            self.by_key.get(&key),
            self.by_loose_key.get(&key),
            match_key_without_article(name)
                .as_ref()
                .and_then(|k| self.by_key.get(k).or_else(|| self.by_loose_key.get(k))),
        ];
        for found in candidates.into_iter().flatten() {
            match found.as_slice() {
                [ix] => return Lookup::Found(*ix),
                [] => {}
                many => return Lookup::Ambiguous(many.to_vec()),
            }
        }
        Lookup::NotFound {
            suggestion: self.suggest(&key),
        }
    }

    /// Whether a name finds some entry (one or several), without looking for a suggestion:
    /// cheap enough to ask for many names a frame.
    pub fn knows(&self, name: &str) -> bool {
        let key = match_key(name);
        self.by_id.contains_key(name)
            || self.by_key.contains_key(&key)
            || self.by_loose_key.contains_key(&key)
            || match_key_without_article(name)
                .is_some_and(|k| self.by_key.contains_key(&k) || self.by_loose_key.contains_key(&k))
    }

    /// The main name of the entry with a name closest to `key`, when it is close enough to be
    /// a likely typo.
    fn suggest(&self, key: &str) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        self.names
            .iter()
            .map(|(k, ix)| (strsim::jaro_winkler(key, k), ix))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .and_then(|(_, ix)| self.shown.get(ix).cloned())
    }
}

fn push_unique(v: &mut Vec<usize>, ix: usize) {
    if !v.contains(&ix) {
        v.push(ix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_and_punctuation() {
        assert_eq!(match_key("Abū Kamāl"), "abukamal");
        assert_eq!(match_key("Al-Qa'im"), "alqaim");
        assert_eq!(match_key("Al Qā’im"), "alqaim");
        assert_eq!(match_key("البوكمال"), "البوكمال");
        assert_eq!(
            match_key_without_article("Al-Bukamal").as_deref(),
            Some("bukamal")
        );
        assert_eq!(match_key_without_article("Albu Kamal"), None);
    }

    fn index() -> NameIndex {
        let mut ix = NameIndex::default();
        ix.insert(0, "abu_kamal", ["Abu Kamal", "Albu Kamal", "Bukamal"]);
        ix.insert(1, "al_qaim", ["Al-Qa'im", "Qaim"]);
        ix.insert(2, "al_qaim_border_crossing", ["Al Qaim border crossing"]);
        ix
    }

    #[test]
    fn aliases_resolve_to_one_place() {
        let ix = index();
        for name in [
            "abu_kamal",
            "Abu Kamal",
            "BUKAMAL",
            "albu kamal",
            "Al-Bukamal",
            "abu-kamal",
        ] {
            assert_eq!(ix.lookup(name), Lookup::Found(0), "{name}");
        }
        assert_eq!(ix.lookup("al qaim"), Lookup::Found(1));
        assert_eq!(ix.lookup("Al-Qa’im"), Lookup::Found(1));
        assert_eq!(ix.lookup("al qaim border crossing"), Lookup::Found(2));
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let ix = index();
        match ix.lookup("Abu Kamel") {
            Lookup::NotFound { suggestion } => assert_eq!(suggestion.as_deref(), Some("Abu Kamal")),
            other => panic!("{other:?}"),
        }
        // A typo of an alias suggests the entry's main name.
        match ix.lookup("Bukamel") {
            Lookup::NotFound { suggestion } => assert_eq!(suggestion.as_deref(), Some("Abu Kamal")),
            other => panic!("{other:?}"),
        }
        assert_eq!(ix.lookup("Paris"), Lookup::NotFound { suggestion: None });
    }

    #[test]
    fn shared_aliases_are_ambiguous() {
        let mut ix = index();
        ix.insert(3, "qaim_2", ["Qaim"]);
        assert_eq!(ix.lookup("qaim"), Lookup::Ambiguous(vec![1, 3]));
    }
}
