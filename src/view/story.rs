//! Which story step is shown, and the steps before and after it: plain values, read by the
//! app's story panel and caption card and by `screenshot --story`.

use crate::store::stories::Story;

/// Which step of which story is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryAt {
    pub story: usize,
    pub step: usize,
}

/// The step after (`forward`) or before `at`, staying within its story; the first step of the
/// first story when none is shown. `None` when there is nowhere to go.
pub fn neighbour(stories: &[Story], at: Option<StoryAt>, forward: bool) -> Option<StoryAt> {
    let Some(at) = at else {
        return stories
            .iter()
            .position(|s| !s.steps.is_empty())
            .map(|story| StoryAt { story, step: 0 });
    };
    let len = stories.get(at.story)?.steps.len();
    let step = if forward {
        at.step + 1
    } else {
        at.step.checked_sub(1)?
    };
    (step < len).then_some(StoryAt { step, ..at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::stories::Step;

    fn story(steps: usize) -> Story {
        let at = chrono::NaiveDate::from_ymd_opt(2017, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let step = |position| Step {
            at,
            select: None,
            centre: None,
            zoom: None,
            hidden_actors: Vec::new(),
            caption: String::new(),
            position,
        };
        Story {
            id: "s".into(),
            title: "S".into(),
            steps: (0..steps).map(step).collect(),
        }
    }

    #[test]
    fn with_none_shown_the_first_story_with_steps_starts() {
        let stories = [story(0), story(2)];
        assert_eq!(
            neighbour(&stories, None, true),
            Some(StoryAt { story: 1, step: 0 })
        );
        assert_eq!(neighbour(&[story(0)], None, true), None);
    }

    #[test]
    fn steps_stay_within_their_story() {
        let stories = [story(2), story(1)];
        let first = StoryAt { story: 0, step: 0 };
        let second = StoryAt { story: 0, step: 1 };
        assert_eq!(neighbour(&stories, Some(first), true), Some(second));
        assert_eq!(neighbour(&stories, Some(second), true), None);
        assert_eq!(neighbour(&stories, Some(second), false), Some(first));
        assert_eq!(neighbour(&stories, Some(first), false), None);
        // A step of a story that is gone leads nowhere.
        let gone = StoryAt { story: 5, step: 0 };
        assert_eq!(neighbour(&stories, Some(gone), true), None);
    }
}
