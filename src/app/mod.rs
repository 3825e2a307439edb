//! The native app: a thin egui layer over the store and the replay.
//!
//! Each panel is a [`View`] in a file of its own, named for what it shows: it reads a
//! [`ViewContext`] (the store, the replay, the [`Scene`]) and pushes what the user asks for as
//! [`Action`]s; [`FrontlineApp::apply`] is the one place they change the state. Buttons, keys
//! and tooltips come from one table ([`commands`]).

pub mod action;
mod apply;
mod attach;
mod authoring;
pub mod changes;
pub mod commands;
pub mod control_chart;
mod editing;
pub mod event_feed;
pub mod export_dialog;
pub mod history;
pub mod map;
pub mod native;
pub mod offscreen;
pub mod place;
pub mod problems;
pub mod reader;
mod saving;
pub mod scene;
pub mod screenshot;
pub mod story;
pub mod theme;
pub mod timeline;
pub mod top_bar;
pub mod video;
pub mod view;
pub mod watch;
pub mod workbench;

use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, NaiveTime};
use egui::Ui;
use serde::{Deserialize, Serialize};

pub use action::Action;
pub use native::{Capture, RunError, run};
pub use view::{Shown, View, ViewContext};

use crate::edit::{EditSession, Snapshot};
use crate::present;
use crate::replay::Replay;
use crate::store::dates::{end_of_day, start_of_day};
use crate::store::{DataSource, Lookup, PlaceIx, Store};
use crate::view::filter::Filters;
use changes::{ChangesWindow, Compared};
use control_chart::ControlChart;
use event_feed::EventFeed;
use map::MapView;
use place::PlacePanel;
use problems::ProblemsWindow;
use reader::Reader;
use scene::Scene;
use story::{StoryAt, StoryPanel};
use timeline::TimelinePanel;
use top_bar::TopBar;
use workbench::{AddArticleWindow, ClaimWindow, SaveAsWindow};

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
}

/// What is remembered between runs (window size and panel widths are eframe's).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Persisted {
    /// Where the data came from; the rest applies only to the same data.
    pub origin: String,
    pub cursor: NaiveDateTime,
    pub selected: Option<String>,
    pub map: Option<walkers::MapMemory>,
    pub osm: bool,
    pub speed: f64,
    pub looping: bool,
    pub show_chart: bool,
    /// What the user chose to see (remembered; older state files have none).
    #[serde(default)]
    pub filters: Filters,
    #[serde(default = "yes")]
    pub show_feed: bool,
    #[serde(default = "yes")]
    pub show_place: bool,
    #[serde(default = "yes")]
    pub show_legend: bool,
    #[serde(default)]
    pub labels: view::LabelScript,
    /// The reader's assistant highlights are on.
    #[serde(default = "yes")]
    pub highlights: bool,
    /// The candidate claims dismissed in the reader.
    #[serde(default)]
    pub dismissed: Vec<reader::Dismissed>,
}

fn yes() -> bool {
    true
}

/// How long "Reloaded at ..." stays in the top bar.
const NOTICE_SHOWN_FOR: Duration = Duration::from_secs(6);

pub struct FrontlineApp {
    /// The data shown. It is replaced only by [`FrontlineApp::reload`], which tells the views
    /// that keep what they drew from it.
    pub store: Store,
    pub replay: Replay,
    pub selected: Option<PlaceIx>,
    pub shown: Shown,
    /// What the user chose to see: hidden actors, stated only, the feed's narrowing.
    pub filters: Filters,
    pub map: MapView,
    pub reader: Option<Reader>,
    /// The Export dialog, while open.
    pub export: Option<export_dialog::ExportDialog>,
    /// "Reloaded at 10:42:07" and when it was said, shown for a few seconds.
    pub reload_notice: Option<(String, Instant)>,
    /// "--at 2014-06-01 is before the data ...": said while the cursor stays where `--at` put
    /// it.
    pub clamp_notice: Option<(String, NaiveDateTime)>,
    /// The story step shown (its caption is over the map).
    pub story: Option<StoryAt>,
    /// The stories shown: the loaded ones with the unsaved story edits.
    /// The actors the user had hidden before a story's step put its own: they come back
    /// when the story is closed.
    hidden_before_story: Option<std::collections::BTreeSet<String>>,
    /// What changed between two instants, while the window is open.
    pub compared: Option<Compared>,
    /// The assistant's candidate claims dismissed in the reader (the app's own state).
    pub dismissed: Vec<reader::Dismissed>,
    scene: Scene,
    top_bar: TopBar,
    feed: EventFeed,
    place_panel: PlacePanel,
    timeline: TimelinePanel,
    chart: ControlChart,
    problems: ProblemsWindow,
    story_panel: StoryPanel,
    changes: ChangesWindow,
    /// The data directory, watched for changes (not for the bundled data).
    source: Option<DataSource>,
    watcher: Option<watch::DataWatcher>,
    /// The workbench's edits, over the files as loaded.
    pub edits: EditSession,
    pub add_article: AddArticleWindow,
    pub save_as: SaveAsWindow,
    pub claim: ClaimWindow,
    /// The unsaved edits as shown: the files they change, and why the last one was refused.
    pub preview: editing::Preview,
    /// Set by a save: the next change event of the directory is the save's own, unless the
    /// files differ from what was written.
    own_save: bool,
    /// The window was asked to close with unsaved edits: Save, Discard or Cancel.
    pub close_prompt: bool,
    /// Discard was chosen: the next close request closes.
    close_confirmed: bool,
}

/// "--at ... is after the data ...": what the app says when `at` is outside the data's span
/// (printed by the command line too).
pub fn clamped_at(store: &Store, at: NaiveDateTime) -> Option<String> {
    let (start, end) = replay_span(store);
    present::clamped_at(at, start, end.max(start))
}

/// The data directory, when the data came from one (not the bundled data).
fn data_dir(source: &Option<DataSource>) -> Option<&std::path::Path> {
    match source {
        Some(DataSource::Dir(dir)) => Some(dir),
        _ => None,
    }
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
        let mut dismissed = Vec::new();
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
            shown.tiles = p.osm;
            shown.chart = p.show_chart;
            shown.feed = p.show_feed;
            shown.place = p.show_place;
            shown.legend = p.show_legend;
            shown.labels = p.labels;
            shown.highlights = p.highlights;
            filters = p.filters.clone();
            dismissed = p.dismissed.clone();
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
        let mut clamp_notice = None;
        if let Some(at) = options.at {
            replay.set_cursor(at);
            clamp_notice =
                present::clamped_at(at, replay.start, replay.end).map(|text| (text, replay.cursor));
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
        FrontlineApp {
            map: MapView::new(map_memory),
            store,
            replay,
            selected,
            shown,
            filters,
            reader,
            export: None,
            reload_notice: None,
            clamp_notice,
            story: None,
            hidden_before_story: None,
            compared: None,
            dismissed,
            scene: Scene::default(),
            top_bar: TopBar::default(),
            feed: EventFeed::default(),
            place_panel: PlacePanel::default(),
            timeline: TimelinePanel,
            chart: ControlChart::default(),
            problems: ProblemsWindow::default(),
            story_panel: StoryPanel::default(),
            changes: ChangesWindow::default(),
            source: None,
            watcher: None,
            edits: EditSession::new(Snapshot::bundled()),
            add_article: AddArticleWindow::default(),
            save_as: SaveAsWindow::default(),
            claim: ClaimWindow::default(),
            preview: editing::Preview::default(),
            own_save: false,
            close_prompt: false,
            close_confirmed: false,
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
            self.edits = EditSession::new(snapshot);
        }
        self.story_panel.writable = crate::store::stories::can_hold_stories(&source);
        self.watcher = Some(watch::DataWatcher::new(dir, repaint)?);
        self.source = Some(source);
        Ok(())
    }

    /// Reloads the data, keeping the cursor, the selection (by id) and the view.
    pub(crate) fn reload(&mut self) {
        let Some(source) = &self.source else { return };
        let had_errors = self.store.diagnostics.error_count();
        // With nothing unsaved, the files as now loaded are what a save compares with.
        if !self.edits.is_dirty()
            && let Ok(snapshot) = Snapshot::of(source)
        {
            self.edits = EditSession::new(snapshot);
        }
        // Unsaved edits stay shown over the files as they now are.
        let store = match self.edited_source() {
            Some(edited) => Store::load(&edited),
            None => Store::load(source),
        };
        self.replace_store(store);
        let errors = self.store.diagnostics.error_count();
        if errors > had_errors {
            self.shown.problems = true;
        }
        let text = present::reload_notice(chrono::Local::now().time(), errors);
        self.reload_notice = Some((text, Instant::now()));
    }

    /// Shows other data (reloaded, or with the edits applied), keeping the cursor, the
    /// selection (by id) and the view.
    pub(crate) fn replace_store(&mut self, store: Store) {
        let selected_id = self.selected.map(|p| self.store.places[p].id.clone());
        self.store = store;
        // What was computed and laid out from the old data is dropped.
        self.scene.data_changed();
        self.map.data_changed();
        self.chart = ControlChart::default();
        self.top_bar.data_changed();
        if let Some((start, end)) = self.store.span() {
            self.replay.set_span(start, end);
        }
        self.selected =
            selected_id.and_then(|id| self.store.places.iter().position(|p| p.id == id));
        if let Some(r) = &self.reader
            && r.article >= self.store.articles.len()
        {
            self.reader = None;
        }
        if let Some(r) = &mut self.reader {
            r.data_changed();
        }
        if let Some(c) = &self.compared {
            self.compared = Some(Compared::new(&self.store, c.from, c.to));
        }
        self.close_gone_step();
    }

    pub fn persisted(&self) -> Persisted {
        Persisted {
            origin: self.store.origin.clone(),
            cursor: self.replay.cursor,
            selected: self.selected.map(|p| self.store.places[p].id.clone()),
            map: Some(self.map.memory.clone()),
            osm: self.shown.tiles,
            speed: self.replay.speed,
            looping: self.replay.looping,
            show_chart: self.shown.chart,
            filters: self.own_filters(),
            show_feed: self.shown.feed,
            show_place: self.shown.place,
            show_legend: self.shown.legend,
            labels: self.shown.labels,
            highlights: self.shown.highlights,
            dismissed: self.dismissed.clone(),
        }
    }

    /// The window title: what is shown.
    pub fn title(&self) -> String {
        let title = present::window_title(&self.store);
        if self.edits.is_dirty() {
            format!("* {title} (unsaved changes)")
        } else {
            title
        }
    }

    /// The whole user interface.
    pub fn ui(&mut self, ui: &mut Ui) {
        theme::install_fonts(ui.ctx());
        if self.watcher.as_mut().is_some_and(|w| w.poll()) {
            // The change events of the app's own save are not news.
            let own = std::mem::take(&mut self.own_save) && self.edits.snapshot.matches_disk();
            if !own {
                self.reload();
            }
        }
        if self.watcher.as_ref().is_some_and(|w| w.pending()) {
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
        let reloaded = self
            .reload_notice
            .as_ref()
            .filter(|(_, at)| at.elapsed() < NOTICE_SHOWN_FOR);
        if reloaded.is_some() {
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        let clamped = self
            .clamp_notice
            .as_ref()
            .filter(|(_, at)| *at == self.replay.cursor);
        let notice = reloaded.map(|(t, _)| t).or(clamped.map(|(t, _)| t));
        let view = ViewContext {
            store: &self.store,
            replay: &self.replay,
            scene: &self.scene,
            shown: &self.shown,
            notice: notice.map(String::as_str),
            edits: self.edits.edits(),
            story: self.story,
            compared: self.compared.as_ref(),
            dismissed: &self.dismissed,
            stories: &self.store.stories,
        };
        let mut actions = Vec::new();
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar.ui(ui, &view, &mut actions));
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.timeline.ui(ui, &view, &mut actions);
            });
        if view.shown.chart {
            egui::Panel::bottom("chart")
                .resizable(true)
                .default_size(160.0)
                .min_size(80.0)
                .show(ui, |ui| self.chart.ui(ui, &view, &mut actions));
        }
        if view.shown.feed {
            egui::Panel::left("feed")
                .resizable(true)
                .default_size(250.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    if !view.stories.is_empty() || self.story_panel.writable {
                        // Folded until a story is shown, so that the feed keeps its room.
                        let count = view.stories.len();
                        egui::CollapsingHeader::new(format!("Stories ({count})"))
                            .id_salt("stories")
                            .open(view.story.is_some().then_some(true))
                            .show(ui, |ui| self.story_panel.ui(ui, &view, &mut actions));
                        ui.separator();
                    }
                    self.feed.ui(ui, &view, &mut actions)
                });
        }
        if view.shown.place {
            egui::Panel::right("place")
                .resizable(true)
                .default_size(390.0)
                .min_size(240.0)
                .show(ui, |ui| self.place_panel.ui(ui, &view, &mut actions));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map.ui(ui, &view, &mut actions));
        self.problems.ui(ui, &view, &mut actions);
        self.changes.ui(ui, &view, &mut actions);
        if let Some(reader) = &mut self.reader {
            reader.ui(ui, &view, &mut actions);
        }
        if let Some(dialog) = &mut self.export {
            dialog.ui(ui, &view, &mut actions);
        }
        self.add_article.ui(ui, &view, &mut actions);
        self.save_as.ui(ui, &view, &mut actions);
        self.claim.ui(ui, &view, &mut actions);
        self.preview.ui(ui, &view, &mut actions);
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
