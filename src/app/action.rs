//! What the user asks for. Panels read the state and push [`Action`]s; the app applies them in
//! one place ([`super::FrontlineApp::apply`]), so that a button, a key and a click on the map
//! change the state the same way.

use chrono::{Duration, NaiveDateTime};

use crate::store::{EventIx, EventKind, PlaceIx};
use crate::view::story::StoryAt;

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
    /// Show or hide a part of the window (the table of toggles says which).
    Toggle(crate::app::state::toggles::Toggle),
    /// Open the reader at an article, with a quote's byte range highlighted.
    OpenArticle {
        article: usize,
        quote: Option<(usize, usize)>,
    },
    CloseArticle,
    /// Hide or show the places of an actor (by id): markers, labels, chart lanes, feed rows.
    ToggleActor(String),
    /// Hide or show inferred states and events.
    ToggleStatedOnly,
    /// The feed shows only the selected place's events, or every place's.
    ToggleFeedSelectedOnly,
    /// The feed shows only events of this kind (None: all).
    SetFeedKind(Option<EventKind>),
    /// How far the areas reach by kind of place, and when a state is stale.
    SetAreaSettings(crate::view::areas::AreaSettings),
    /// Label places in Latin script, Arabic, or both, in turn.
    NextLabelScript,
    /// Put the keyboard in the place search field.
    FocusSearch,
    /// Bring a place into view (keeping the zoom).
    CentreOn(PlaceIx),
    /// Open the Export dialog for a format.
    OpenExport(crate::export::target::ExportTarget),
    /// Write the export the dialog is set up for.
    RunExport,
    /// Stop a running video export.
    CancelExport,
    CloseExport,
    /// Open or close the "Add article" window.
    ToggleAddArticle,
    /// Read an article's text from a file (typed, chosen or dropped) into "Add article".
    OpenArticleFile(std::path::PathBuf),
    /// A change to the data, kept in the edit session until saved.
    Edit(crate::edit::Edit),
    Undo,
    Redo,
    /// Resolve a dispute: `preferred`'s version stands, `other`'s is set aside, for `reason`
    /// (an edit, kept until saved).
    PreferVersion {
        preferred: EventIx,
        other: EventIx,
        reason: String,
    },
    /// Write the edits into the data directory (asks for a directory for the bundled data).
    Save,
    /// Make the unsaved edits again over the files as they now are on disk, then save.
    ReapplyEdits,
    /// Open the `n`-th edit that could not be made again in the New claim form, to redo it.
    RedoNotApplied(usize),
    /// Forget the `n`-th edit that could not be made again.
    DropNotApplied(usize),
    /// Copy the data into this new directory, save the edits there, and work on it from now.
    SaveAs(std::path::PathBuf),
    /// Open the "New claim" form for characters `start..end` of an article.
    NewClaim {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Delete an event of the data (an edit, kept until saved).
    DeleteEvent(EventIx),
    /// Delete the `quote`-th quote (in the store's order) of an event.
    DeleteQuote {
        event: EventIx,
        quote: usize,
    },
    /// Open the claim form on an event, to change its fields.
    EditEvent(EventIx),
    /// Replace some fields of an event, keeping its sources and comments.
    UpdateEvent {
        event: EventIx,
        fields: crate::edit::EventFields,
    },
    /// Add a quote to an existing event, as another source of its claim.
    AttachSource {
        event: EventIx,
        sources: Vec<crate::edit::NewSource>,
    },
    /// A click on the map at this point: it places a place no gazetteer knows, while the
    /// claim form asks where it is.
    MapClickedAt {
        lat: f64,
        lon: f64,
    },
    /// Show a story's step: its date, its place, its view and its caption.
    GoToStep(StoryAt),
    /// The next step of the story shown (the first story's first step when none is).
    NextStep,
    PreviousStep,
    /// Stop showing a story (the caption card goes, the user's own filters come back).
    CloseStory,
    /// Start a story with this title; steps are added to it next.
    NewStory(String),
    /// Add a step to the story shown (or else the last story) from the current view: the
    /// cursor's date, the selected place, the map's centre and zoom, the hidden actors.
    AddStoryStep,
    /// Set the caption of the step shown.
    SetStepCaption(String),
    /// Delete the step shown.
    DeleteStep,
    /// Move the step shown before the one above it (`up`) or after the one below.
    MoveStep {
        up: bool,
    },
    /// Show what changed between two instants (the "what changed" window).
    Compare {
        from: NaiveDateTime,
        to: NaiveDateTime,
    },
    /// Compare the cursor's day with the day before.
    CompareDayBefore,
    CloseCompare,
    /// The reader's candidate list shows the dismissed candidates too, or not.
    ToggleShowDismissed,
    /// Open the "New claim" form filled in from one of the assistant's candidates.
    /// Candidates of one claim are accepted together: one event with every quote, or every
    /// quote attached to the event that makes the same claim already.
    AcceptCandidate {
        article: usize,
        candidates: Vec<crate::assist::Candidate>,
    },
    /// Hide a candidate in the reader (remembered between runs, never written to the data).
    DismissCandidate(crate::app::state::dismissed::Dismissed),
    /// Show a dismissed candidate again.
    RestoreCandidate(crate::app::state::dismissed::Dismissed),
    /// Scroll the reader to characters `start..end` of its article and highlight them.
    ShowClause {
        article: usize,
        start: usize,
        end: usize,
    },
    /// Centre the map there at that zoom: a click on a cluster of markers.
    ZoomTo {
        lat: f64,
        lon: f64,
        zoom: f64,
    },
}
