//! What the user asks for. Panels read the state and push [`Action`]s; the app applies them in
//! one place ([`super::FrontlineApp::apply`]), so that a button, a key and a click on the map
//! change the state the same way.

use chrono::{Duration, NaiveDateTime};

use super::story::StoryAt;
use crate::store::PlaceIx;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Play, or pause when playing.
    TogglePlay,
    /// Step to the previous change of control.
    PreviousChange,
    /// Step to the next change of control.
    NextChange,
    JumpToStart,
    JumpToEnd,
    /// Move the cursor there and pause: scrubbing the axis, clicking an event.
    SetCursor(NaiveDateTime),
    /// Move the cursor by this much and keep playing if it plays: the axis' `+` and `-`.
    MoveCursorBy(Duration),
    /// Days of data per second of playback.
    SetSpeed(f64),
    ToggleLoop,
    Select(Option<PlaceIx>),
    /// Fit the map to the data (and keep it fitted while its size settles).
    FitMap,
    ZoomIn,
    ZoomOut,
    /// Show or hide OpenStreetMap tiles under the map.
    ToggleTiles,
    ToggleChart,
    ToggleProblems,
    /// Open the reader at an article, with a quote's byte range highlighted.
    OpenArticle {
        article: usize,
        quote: Option<(usize, usize)>,
    },
    CloseArticle,
    /// Show a story's step: its date, its place, its view and its caption.
    GoToStep(StoryAt),
    /// The next step of the story shown (the first story's first step when none is).
    NextStep,
    PreviousStep,
    /// Stop showing a story (the caption card goes).
    CloseStory,
    /// Show what changed between two instants (the "what changed" window).
    Compare {
        from: NaiveDateTime,
        to: NaiveDateTime,
    },
    /// Compare the cursor's day with the day before.
    CompareDayBefore,
    CloseCompare,
    /// Centre the map there at that zoom: a click on a cluster of markers.
    ZoomTo {
        lat: f64,
        lon: f64,
        zoom: f64,
    },
}
