//! The question asked when the window is closed with unsaved edits: Save, Discard or Cancel.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CloseQuestion {
    /// The question is shown.
    pub asked: bool,
    /// Discard was chosen: the next close request closes.
    confirmed: bool,
}

/// What the user answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

impl CloseQuestion {
    /// A close was requested: whether it must wait for the question (there are unsaved edits
    /// and Discard was not chosen), which is then asked.
    pub fn requested(&mut self, dirty: bool) -> bool {
        let wait = dirty && !self.confirmed;
        if wait {
            self.asked = true;
        }
        wait
    }

    /// Takes the answer: the question goes; Discard lets the next close through.
    pub fn answer(&mut self, answer: Answer) {
        self.asked = false;
        if answer == Answer::Discard {
            self.confirmed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_only_with_unsaved_edits() {
        let mut q = CloseQuestion::default();
        assert!(!q.requested(false));
        assert!(!q.asked);
        assert!(q.requested(true));
        assert!(q.asked);
    }

    #[test]
    fn cancel_asks_again_and_discard_lets_the_close_through() {
        let mut q = CloseQuestion::default();
        q.requested(true);
        q.answer(Answer::Cancel);
        assert!(!q.asked);
        assert!(q.requested(true), "asked again");
        q.answer(Answer::Discard);
        assert!(!q.requested(true));
        assert!(!q.asked);
    }
}
