//! The assistant's candidate claims the user dismissed in the reader: the app's own state,
//! remembered between runs and never written to the data.

use serde::{Deserialize, Serialize};

use crate::assist::Candidate;

/// A candidate the user dismissed: by its article's id and its clause (text and offsets), so
/// that it stays dismissed across runs and reloads as long as the clause is where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissed {
    pub article: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Dismissed {
    pub fn of(article: &str, c: &Candidate) -> Dismissed {
        Dismissed {
            article: article.to_owned(),
            text: c.text.clone(),
            start: c.start,
            end: c.end,
        }
    }

    pub fn is(&self, article: &str, c: &Candidate) -> bool {
        self.article == article && self.start == c.start && self.end == c.end && self.text == c.text
    }
}

/// The dismissed candidates, in the order they were dismissed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DismissedList(Vec<Dismissed>);

impl DismissedList {
    pub fn new(list: Vec<Dismissed>) -> DismissedList {
        DismissedList(list)
    }

    /// Hides a candidate (once: dismissing it again changes nothing).
    pub fn dismiss(&mut self, d: Dismissed) {
        if !self.0.contains(&d) {
            self.0.push(d);
        }
    }

    /// Lists a candidate among the open ones again.
    pub fn restore(&mut self, d: &Dismissed) {
        self.0.retain(|x| x != d);
    }

    pub fn as_slice(&self) -> &[Dismissed] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(start: usize) -> Dismissed {
        Dismissed {
            article: "a".into(),
            text: "Raqqa fell".into(),
            start,
            end: start + 10,
        }
    }

    #[test]
    fn dismissing_twice_keeps_one_and_restore_brings_it_back() {
        let mut list = DismissedList::default();
        list.dismiss(d(0));
        list.dismiss(d(0));
        list.dismiss(d(20));
        assert_eq!(list.as_slice(), &[d(0), d(20)]);
        list.restore(&d(0));
        assert_eq!(list.as_slice(), &[d(20)]);
    }

    #[test]
    fn saved_as_a_plain_list() {
        // `app.ron` of earlier versions holds a bare list: it still reads.
        let list = DismissedList::new(vec![d(3)]);
        let json = serde_json::to_string(&list).unwrap();
        assert!(json.starts_with('['), "{json}");
        assert_eq!(serde_json::from_str::<DismissedList>(&json).unwrap(), list);
    }
}
