//! The native app: a thin egui layer over the store and the replay.
//!
//! Each panel is a [`View`] in a file of its own, named for what it shows: it reads a
//! [`ViewContext`] (the store, the replay, the [`Scene`]) and pushes what the user asks for as
//! [`Action`]s; [`FrontlineApp::apply`] is the one place they change the state. Buttons, keys
//! and tooltips come from one table ([`commands`]).

pub mod action;
pub mod add_article;
mod apply;
mod attach;
mod authoring;
pub mod changes;
pub mod commands;
pub mod control_chart;
mod editing;
pub mod event_feed;
pub mod export_dialog;
pub mod map;
pub mod native;
pub mod offscreen;
pub mod panel;
pub mod place;
mod place_dispute;
pub mod place_history;
pub mod problems;
pub mod publish;
pub mod reader;
mod resolving;
mod saving;
pub mod screenshot;
pub mod session;
pub mod state;
pub mod story;
pub mod theme;
pub mod timeline;
pub mod top_bar;
pub mod video;
pub mod watch;
pub mod windows;
pub mod workbench;

use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, NaiveTime};
use egui::Ui;
use serde::{Deserialize, Serialize};

pub use action::Action;
pub use native::{Capture, RunError, run};
pub use panel::{View, ViewContext};
pub use state::toggles::Shown;

use crate::edit::{EditSession, Snapshot};
use crate::present;
use crate::replay::Replay;
use crate::store::dates::{end_of_day, start_of_day};
use crate::store::{DataSource, Lookup, PlaceIx, Store};
use crate::view::filter::Filters;
use crate::view::scene::Scene;
use map::MapView;
use reader::Reader;
use session::Session;
use state::compare::Compared;
use state::dismissed::{Dismissed, DismissedList};
use state::notices::Notices;
use state::story::StoryPlayer;
use windows::{Panels, Windows};

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    pub at: Option<NaiveDateTime>,
    pub select: Option<String>,
    /// Actors (ids, names or aliases) whose places are hidden: `--hide`.
    pub hide: Vec<String>,
    /// Hide inferred states: `--stated-only`.
    pub stated_only: bool,
    /// An article (by id) to open in the reader: `screenshot --article`.
    pub article: Option<String>,
    /// How far the areas reach and when a state is stale (`--reach`, `--stale-days`); None:
    /// as last remembered, else the defaults.
    pub areas: Option<crate::view::areas::AreaSettings>,
}

/// What is remembered between runs (window size and panel widths are eframe's).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Persisted {
    /// Where the data came from; the rest applies only to the same data.
    pub origin: String,
    pub cursor: NaiveDateTime,
    pub selected: Option<String>,
    pub map: Option<walkers::MapMemory>,
    pub speed: f64,
    pub looping: bool,
    /// What the user chose to see (remembered; older state files have none).
    #[serde(default)]
    pub filters: Filters,
    /// The toggles, by their names in the table of toggles (`state/toggles.rs`); one not
    /// saved keeps its default.
    #[serde(default)]
    pub shown: std::collections::BTreeMap<String, bool>,
    #[serde(default)]
    pub labels: crate::view::labels::LabelScript,
    /// The candidate claims dismissed in the reader.
    #[serde(default)]
    pub dismissed: Vec<Dismissed>,
    /// How far the areas reach, and when a state is stale (the "Reach…" menu).
    #[serde(default)]
    pub areas: crate::view::areas::AreaSettings,
}

/// The app: the data, and its state in small plain types (`state/`), the panels and the
/// windows. Twelve fields at most: a new piece of state goes into the type it belongs to.
pub struct FrontlineApp {
    /// The data shown. It is replaced only by [`FrontlineApp::replace_store`], which tells the
    /// views that keep what they drew from it.
    pub store: Store,
    pub replay: Replay,
    pub selected: Option<PlaceIx>,
    pub shown: Shown,
    /// What the user chose to see: hidden actors, stated only, the feed's narrowing.
    pub filters: Filters,
    /// The story step shown, and the user's own filters kept aside meanwhile.
    pub story: StoryPlayer,
    /// The data's source, the edits not saved yet, the dismissed candidates.
    pub session: Session,
    pub windows: Windows,
    pub panels: Panels,
    pub notices: Notices,
    /// What the views show this frame, computed once from the store and the cursor.
    scene: Scene,
}

/// "--at ... is after the data ...": what the app says when `at` is outside the data's span
/// (printed by the command line too).
pub fn clamped_at(store: &Store, at: NaiveDateTime) -> Option<String> {
    let (start, end) = replay_span(store);
    present::clamped_at(at, start, end.max(start))
}

/// The span the replay moves in: the events', or the articles' dates when no event is valid,
/// or today when nothing is dated.
fn replay_span(store: &Store) -> (NaiveDateTime, NaiveDateTime) {
    store
        .span()
        .or_else(|| {
            let dated = store.articles.iter().filter_map(|a| a.date);
            Some((start_of_day(dated.clone().min()?), end_of_day(dated.max()?)))
        })
        .unwrap_or_else(|| {
            let today = chrono::Local::now().date_naive().and_time(NaiveTime::MIN);
            (today, today)
        })
}

impl FrontlineApp {
    /// The app over a loaded store. `persisted` is the state of the last run (ignored when it
    /// was for other data); `options` (the command line) win over it.
    pub fn new(
        store: Store,
        options: &LaunchOptions,
        persisted: Option<Persisted>,
    ) -> FrontlineApp {
        let persisted = persisted.filter(|p| p.origin == store.origin);
        let (start, end) = replay_span(&store);
        let mut replay = Replay::new(start, end);
        let mut selected = None;
        let mut map_memory = None;
        let mut filters = Filters::default();
        let mut dismissed = DismissedList::default();
        let mut shown = Shown {
            problems: store.diagnostics.has_errors(),
            ..Shown::default()
        };
        if let Some(p) = &persisted {
            replay.set_cursor(p.cursor);
            replay.speed = p.speed;
            replay.looping = p.looping;
            selected = p
                .selected
                .as_deref()
                .and_then(|id| store.places.iter().position(|pl| pl.id == id));
            map_memory = p.map.clone();
            shown.restore(&p.shown);
            shown.labels = p.labels;
            filters = p.filters.clone();
            dismissed = DismissedList::new(p.dismissed.clone());
        }
        // The command line's filters replace the remembered ones.
        if !options.hide.is_empty() || options.stated_only {
            filters = Filters {
                stated_only: options.stated_only,
                ..Filters::default()
            };
            for name in &options.hide {
                if let Lookup::Found(a) = store.actor_names.lookup(name) {
                    filters.hidden.insert(store.actors[a].id.clone());
                }
            }
        }
        let mut notices = Notices::default();
        if let Some(at) = options.at {
            replay.set_cursor(at);
            if let Some(text) = present::clamped_at(at, replay.start, replay.end) {
                notices.clamped(text, replay.cursor);
            }
        }
        if let Some(name) = &options.select
            && let Lookup::Found(p) = store.find_place(name)
        {
            selected = Some(p);
        }
        let reader = options
            .article
            .as_deref()
            .and_then(|id| store.articles.iter().position(|a| a.id == id))
            .map(|a| Reader::new(a, None));
        let mut map = MapView::new(map_memory);
        // The command line's settings, else the remembered ones.
        if let Some(areas) = options
            .areas
            .clone()
            .or_else(|| persisted.as_ref().map(|p| p.areas.clone()))
        {
            map.set_area_settings(areas);
        }
        FrontlineApp {
            store,
            replay,
            selected,
            shown,
            filters,
            story: StoryPlayer::default(),
            session: Session::new(dismissed),
            windows: Windows {
                reader,
                ..Windows::default()
            },
            panels: Panels::new(map),
            notices,
            scene: Scene::default(),
        }
    }

    /// Loads the data and builds the app.
    pub fn load(
        source: &DataSource,
        options: &LaunchOptions,
        persisted: Option<Persisted>,
    ) -> FrontlineApp {
        FrontlineApp::new(Store::load(source), options, persisted)
    }

    /// Watches the data directory and reloads when it changes. Returns the error when the
    /// directory cannot be watched (the app works on without live reload).
    pub fn watch(
        &mut self,
        source: DataSource,
        repaint: Option<egui::Context>,
    ) -> Result<(), watch::WatchError> {
        let DataSource::Dir(dir) = &source else {
            return Ok(()); // the bundled data never changes
        };
        // What a save compares the disk with. Unreadable files are reported by the loader.
        if let Ok(snapshot) = Snapshot::of(&source) {
            self.session.edits = EditSession::new(snapshot);
        }
        self.panels.story.writable = crate::store::stories::can_hold_stories(&source);
        self.session.watcher = Some(watch::DataWatcher::new(dir, repaint)?);
        self.session.source = Some(source);
        Ok(())
    }

    /// Reloads the data, keeping the cursor, the selection (by id) and the view.
    pub(crate) fn reload(&mut self) {
        let Some(source) = &self.session.source else {
            return;
        };
        let had_errors = self.store.diagnostics.error_count();
        // With nothing unsaved, the files as now loaded are what a save compares with.
        if !self.session.edits.is_dirty()
            && let Ok(snapshot) = Snapshot::of(source)
        {
            self.session.edits = EditSession::new(snapshot);
        }
        // Unsaved edits stay shown over the files as they now are.
        let store = match self.edited_source() {
            Some(edited) => Store::load(&edited),
            None => Store::load(source),
        };
        self.replace_store(store);
        // The newest edits are shown: a preview still loading is not needed.
        self.preview_shown();
        let errors = self.store.diagnostics.error_count();
        if errors > had_errors {
            self.shown.problems = true;
        }
        let text = present::reload_notice(chrono::Local::now().time(), errors);
        self.notices.say(text, Instant::now());
    }

    /// Shows other data (reloaded, or with the edits applied), keeping the cursor, the
    /// selection (by id) and the view.
    /// Returns the data shown before.
    pub(crate) fn replace_store(&mut self, store: Store) -> Store {
        let selected_id = self.selected.map(|p| self.store.places[p].id.clone());
        let old = std::mem::replace(&mut self.store, store);
        // What was computed and laid out from the old data is dropped.
        self.scene.data_changed();
        self.panels.data_changed();
        if let Some((start, end)) = self.store.span() {
            self.replay.set_span(start, end);
        }
        self.selected =
            selected_id.and_then(|id| self.store.places.iter().position(|p| p.id == id));
        if let Some(r) = &self.windows.reader
            && r.article >= self.store.articles.len()
        {
            self.windows.reader = None;
        }
        if let Some(r) = &mut self.windows.reader {
            r.data_changed();
        }
        if let Some(c) = &self.windows.compared {
            self.windows.compared = Some(Compared::new(&self.store, c.from, c.to));
        }
        self.close_gone_step();
        old
    }

    pub fn persisted(&self) -> Persisted {
        Persisted {
            origin: self.store.origin.clone(),
            cursor: self.replay.cursor,
            selected: self.selected.map(|p| self.store.places[p].id.clone()),
            map: Some(self.panels.map.memory.clone()),
            speed: self.replay.speed,
            looping: self.replay.looping,
            filters: self.own_filters(),
            shown: self.shown.to_saved(),
            labels: self.shown.labels,
            dismissed: self.session.dismissed.as_slice().to_vec(),
            areas: self.panels.map.area_settings().clone(),
        }
    }

    /// The window title: what is shown.
    pub fn title(&self) -> String {
        let title = present::window_title(&self.store);
        if self.session.edits.is_dirty() {
            format!("* {title} (unsaved changes)")
        } else {
            title
        }
    }

    /// The whole user interface.
    pub fn ui(&mut self, ui: &mut Ui) {
        theme::install_fonts(ui.ctx());
        self.poll_preview(ui.ctx());
        if self.session.watcher.as_mut().is_some_and(|w| w.poll()) {
            // The change events of the app's own save are not news.
            let own = std::mem::take(&mut self.session.own_save)
                && self.session.edits.snapshot.matches_disk();
            if !own {
                self.reload();
            }
        }
        if self.session.watcher.as_ref().is_some_and(|w| w.pending()) {
            ui.ctx().request_repaint_after(watch::QUIET);
        }
        self.close_question(ui);
        let dt = ui.input(|i| i.stable_dt).min(0.1) as f64;
        if self.replay.advance(dt) {
            ui.ctx().request_repaint();
        }
        // Keys act before anything is drawn, so that this frame shows what they did.
        let keys = commands::shortcuts(ui);
        self.apply(keys);
        self.scene
            .update(&self.store, self.replay.cursor, self.selected);
        self.scene.set_filters(&self.store, &self.filters);
        let now = Instant::now();
        if self.notices.has_news(now) {
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        let notice = self.notices.current(now, self.replay.cursor);
        let view = ViewContext {
            store: &self.store,
            replay: &self.replay,
            scene: &self.scene,
            shown: &self.shown,
            notice,
            edits: self.session.edits.edits(),
            story: self.story.at,
            compared: self.windows.compared.as_ref(),
            dismissed: self.session.dismissed.as_slice(),
            stories: &self.store.stories,
        };
        let mut actions = Vec::new();
        egui::Panel::top("top-bar").show(ui, |ui| self.panels.top_bar.ui(ui, &view, &mut actions));
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.panels.timeline.ui(ui, &view, &mut actions);
            });
        if view.shown.chart {
            egui::Panel::bottom("chart")
                .resizable(true)
                .default_size(160.0)
                .min_size(80.0)
                .show(ui, |ui| self.panels.chart.ui(ui, &view, &mut actions));
        }
        if view.shown.feed {
            egui::Panel::left("feed")
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    if !view.stories.is_empty() || self.panels.story.writable {
                        // Folded until a story is shown, so that the feed keeps its room.
                        let count = view.stories.len();
                        egui::CollapsingHeader::new(format!("Stories ({count})"))
                            .id_salt("stories")
                            .open(view.story.is_some().then_some(true))
                            .show(ui, |ui| self.panels.story.ui(ui, &view, &mut actions));
                        ui.separator();
                    }
                    self.panels.feed.ui(ui, &view, &mut actions)
                });
        }
        if view.shown.place {
            egui::Panel::right("place")
                .resizable(true)
                .default_size(390.0)
                .min_size(240.0)
                .show(ui, |ui| self.panels.place.ui(ui, &view, &mut actions));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.panels.map.ui(ui, &view, &mut actions));
        self.panels.problems.ui(ui, &view, &mut actions);
        self.panels.changes.ui(ui, &view, &mut actions);
        if let Some(reader) = &mut self.windows.reader {
            reader.ui(ui, &view, &mut actions);
        }
        if let Some(dialog) = &mut self.windows.export {
            dialog.ui(ui, &view, &mut actions);
        }
        self.windows.add_article.ui(ui, &view, &mut actions);
        actions.extend(add_article::dropped_files(ui));
        self.windows.save_as.ui(ui, &view, &mut actions);
        self.windows.claim.ui(ui, &view, &mut actions);
        self.windows.save_problem.ui(ui, &view, &mut actions);
        self.session.preview.ui(ui, &view, &mut actions);
        if !actions.is_empty() {
            // Show what they changed.
            ui.ctx().request_repaint();
        }
        self.apply(actions);
    }

    /// What the views show this frame (for tests and tools).
    pub fn scene(&self) -> &Scene {
        &self.scene
    }
}
