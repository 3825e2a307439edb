//! The story player: which step is shown, and the user's own hidden actors, put aside while a
//! step hides its own and given back when the story is closed.

use std::collections::BTreeSet;

use crate::view::filter::Filters;
use crate::view::story::StoryAt;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryPlayer {
    /// The step shown (its caption is over the map).
    pub at: Option<StoryAt>,
    /// The actors the user had hidden before a step put its own.
    hidden_before: Option<BTreeSet<String>>,
}

impl StoryPlayer {
    /// Shows step `at`, whose hidden actors replace the filters' (the user's own are kept
    /// aside once, however many steps are shown after it).
    pub fn show(&mut self, at: StoryAt, hidden: BTreeSet<String>, filters: &mut Filters) {
        let own = std::mem::replace(&mut filters.hidden, hidden);
        self.hidden_before.get_or_insert(own);
        self.at = Some(at);
    }

    /// Stops showing a story: the user's own hidden actors come back.
    pub fn close(&mut self, filters: &mut Filters) {
        self.at = None;
        if let Some(own) = self.hidden_before.take() {
            filters.hidden = own;
        }
    }

    /// The filters the user chose: while a step is shown, its hidden actors stand in for the
    /// user's own (which are what is remembered between runs).
    pub fn own_filters(&self, filters: &Filters) -> Filters {
        let mut own = filters.clone();
        if let Some(hidden) = &self.hidden_before {
            own.hidden = hidden.clone();
        }
        own
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn steps_hide_their_actors_and_closing_gives_the_users_back() {
        let mut filters = Filters {
            hidden: set(&["isis"]),
            ..Filters::default()
        };
        let mut player = StoryPlayer::default();
        player.show(StoryAt { story: 0, step: 0 }, set(&["sdf"]), &mut filters);
        player.show(StoryAt { story: 0, step: 1 }, set(&["syr"]), &mut filters);
        assert_eq!(filters.hidden, set(&["syr"]));
        assert_eq!(player.own_filters(&filters).hidden, set(&["isis"]));
        player.close(&mut filters);
        assert_eq!(player.at, None);
        assert_eq!(filters.hidden, set(&["isis"]));
        // Closing again changes nothing.
        player.close(&mut filters);
        assert_eq!(filters.hidden, set(&["isis"]));
    }

    #[test]
    fn with_no_story_the_filters_are_the_users() {
        let filters = Filters {
            stated_only: true,
            hidden: set(&["a"]),
            ..Filters::default()
        };
        assert_eq!(StoryPlayer::default().own_filters(&filters), filters);
    }
}
