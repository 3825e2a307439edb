//! The native app: a thin egui layer over the store and the replay. Each panel is a small type
//! with a `ui` method in a file of its own; panels report what the user asked for as
//! [`Action`]s, applied once per frame.

pub mod basemap;
pub mod control_chart;
pub mod event_feed;
pub mod legend;
pub mod map_view;
pub mod markers;
pub mod place_panel;
pub mod problems;
pub mod reader;
pub mod screenshot;
pub mod theme;
pub mod timeline_panel;
pub mod watch;

use chrono::NaiveDateTime;
use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::replay::Replay;
use crate::store::dates::long_date;
use crate::store::{DataSource, Lookup, PlaceIx, Store};
use control_chart::ControlChart;
use event_feed::EventFeed;
use map_view::MapView;
use markers::Scene;
use place_panel::PlacePanel;
use problems::ProblemsWindow;
use reader::Reader;
use timeline_panel::TimelinePanel;

/// What a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Select(Option<PlaceIx>),
    SetCursor(NaiveDateTime),
    OpenArticle {
        article: usize,
        quote: Option<(usize, usize)>,
    },
}

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    pub at: Option<NaiveDateTime>,
    pub select: Option<String>,
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
}

pub struct FrontlineApp {
    pub store: Store,
    pub replay: Replay,
    pub selected: Option<PlaceIx>,
    pub map: MapView,
    feed: EventFeed,
    place_panel: PlacePanel,
    timeline: TimelinePanel,
    chart: ControlChart,
    pub problems: ProblemsWindow,
    pub reader: Option<Reader>,
    pub show_chart: bool,
    /// Set when the app renders one frame to a PNG and quits.
    pub screenshot: Option<screenshot::Job>,
    /// The data directory, watched for changes (not for the bundled data).
    source: Option<DataSource>,
    watcher: Option<watch::DataWatcher>,
    /// "Reloaded at 10:42:07" and when it was said, shown for a few seconds.
    pub reload_notice: Option<(String, std::time::Instant)>,
    /// Every place's state at the instant they were computed for: most frames (hovering,
    /// panning, reading) do not move the time cursor, and a thousand lookups into a cold index
    /// cost more than the rest of the map.
    states: Option<(chrono::NaiveDateTime, Vec<crate::store::PlaceState>)>,
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
        let (start, end) = store.span().unwrap_or_else(|| {
            let now = chrono::NaiveDate::from_ymd_opt(2017, 11, 3)
                .expect("valid")
                .and_time(chrono::NaiveTime::MIN);
            (now, now)
        });
        let mut replay = Replay::new(start, end);
        let mut selected = None;
        let mut map_memory = None;
        let (mut osm, mut show_chart) = (false, true);
        if let Some(p) = &persisted {
            replay.set_cursor(p.cursor);
            replay.speed = p.speed;
            replay.looping = p.looping;
            selected = p
                .selected
                .as_deref()
                .and_then(|id| store.places.iter().position(|pl| pl.id == id));
            map_memory = p.map.clone();
            osm = p.osm;
            show_chart = p.show_chart;
        }
        if let Some(at) = options.at {
            replay.set_cursor(at);
        }
        if let Some(name) = &options.select
            && let Lookup::Found(p) = store.find_place(name)
        {
            selected = Some(p);
        }
        let problems = ProblemsWindow {
            open: store.diagnostics.has_errors(),
            ..Default::default()
        };
        FrontlineApp {
            map: MapView::new(map_memory, osm),
            store,
            replay,
            selected,
            feed: EventFeed::default(),
            place_panel: PlacePanel::default(),
            timeline: TimelinePanel,
            chart: ControlChart::default(),
            problems,
            reader: None,
            show_chart,
            screenshot: None,
            source: None,
            watcher: None,
            reload_notice: None,
            states: None,
        }
    }

    /// Watches the data directory and reloads when it changes. Returns the error when the
    /// directory cannot be watched (the app works on without live reload).
    pub fn watch(
        &mut self,
        source: DataSource,
        repaint: Option<egui::Context>,
    ) -> Result<(), String> {
        let DataSource::Dir(dir) = &source else {
            return Ok(()); // the bundled data never changes
        };
        self.watcher = Some(
            watch::DataWatcher::new(dir, repaint)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?,
        );
        self.source = Some(source);
        Ok(())
    }

    /// Reloads the data, keeping the cursor, the selection (by id) and the view.
    pub fn reload(&mut self) {
        let Some(source) = &self.source else { return };
        let selected_id = self.selected.map(|p| self.store.places[p].id.clone());
        let had_errors = self.store.diagnostics.error_count();
        self.store = Store::load(source);
        self.states = None;
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
        let errors = self.store.diagnostics.error_count();
        if errors > had_errors {
            self.problems.open = true;
        }
        let when = chrono::Local::now().format("%H:%M:%S");
        let text = match errors {
            0 => format!("Reloaded at {when}"),
            n => format!("Reloaded at {when}: {n} error(s), showing what is valid"),
        };
        self.reload_notice = Some((text, std::time::Instant::now()));
    }

    /// Loads the data and builds the app, for the command line.
    pub fn load(
        source: &DataSource,
        options: &LaunchOptions,
        persisted: Option<Persisted>,
    ) -> FrontlineApp {
        FrontlineApp::new(Store::load(source), options, persisted)
    }

    pub fn persisted(&self) -> Persisted {
        Persisted {
            origin: self.store.origin.clone(),
            cursor: self.replay.cursor,
            selected: self.selected.map(|p| self.store.places[p].id.clone()),
            map: Some(self.map.memory.clone()),
            osm: self.map.osm,
            speed: self.replay.speed,
            looping: self.replay.looping,
            show_chart: self.show_chart,
        }
    }

    /// The window title: what is shown.
    pub fn title(&self) -> String {
        let span = match self.store.span() {
            Some((a, b)) => format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y")),
            None => "no events".to_owned(),
        };
        format!(
            "Frontline — who held which town, {span} — {}",
            self.store.origin
        )
    }

    fn apply(&mut self, actions: Vec<Action>) {
        for a in actions {
            match a {
                Action::Select(p) => self.selected = p,
                Action::SetCursor(t) => {
                    self.replay.playing = false;
                    self.replay.set_cursor(t);
                }
                Action::OpenArticle { article, quote } => {
                    self.reader = Some(Reader::new(article, quote))
                }
            }
        }
    }

    /// The whole user interface.
    pub fn ui(&mut self, ui: &mut Ui) {
        if self.watcher.as_mut().is_some_and(|w| w.poll()) {
            self.reload();
        }
        if self.watcher.as_ref().is_some_and(|w| w.pending()) {
            ui.ctx().request_repaint_after(watch::QUIET);
        }
        let dt = ui.input(|i| i.stable_dt).min(0.1) as f64;
        if self.replay.advance(dt) {
            ui.ctx().request_repaint();
        }
        TimelinePanel::keys(ui, &mut self.replay, &self.store);
        let mut actions = Vec::new();
        let cursor = self.replay.cursor;
        if self.states.as_ref().is_none_or(|(at, _)| *at != cursor) {
            self.states = Some((cursor, self.store.states_at(cursor)));
        }
        let states = match self.states.take() {
            Some((_, states)) => states,
            None => self.store.states_at(cursor),
        };

        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Frontline").strong().size(16.0));
                ui.label(
                    RichText::new(format!(
                        "{} · {}",
                        self.store.summary_short(),
                        self.store.origin
                    ))
                    .weak(),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let n = self.store.diagnostics.items.len();
                    let errors = self.store.diagnostics.error_count();
                    let label = if n == 0 {
                        "No problems".to_owned()
                    } else {
                        format!("Problems ({n})")
                    };
                    let text = if errors > 0 {
                        RichText::new(label)
                            .color(egui::Color32::from_rgb(200, 30, 30))
                            .strong()
                    } else {
                        RichText::new(label)
                    };
                    if ui
                        .button(text)
                        .on_hover_text("Validation problems in the data")
                        .clicked()
                    {
                        self.problems.open = !self.problems.open;
                    }
                    ui.toggle_value(&mut self.show_chart, "Control chart");
                    if let Some((text, at)) = &self.reload_notice
                        && at.elapsed() < std::time::Duration::from_secs(6)
                    {
                        ui.label(RichText::new(text).color(egui::Color32::from_rgb(0, 110, 60)));
                        ui.ctx()
                            .request_repaint_after(std::time::Duration::from_secs(1));
                    }
                });
            });
        });
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.timeline.ui(ui, &mut self.replay, &self.store);
            });
        if self.show_chart {
            egui::Panel::bottom("chart")
                .resizable(true)
                .default_size(160.0)
                .min_size(80.0)
                .show(ui, |ui| {
                    self.chart
                        .ui(ui, &self.store, &self.replay, self.selected, &mut actions);
                });
        }
        egui::Panel::left("feed")
            .resizable(true)
            .default_size(250.0)
            .min_size(160.0)
            .show(ui, |ui| {
                self.feed.ui(ui, &self.store, cursor, &mut actions);
            });
        egui::Panel::right("place")
            .resizable(true)
            .default_size(390.0)
            .min_size(240.0)
            .show(ui, |ui| {
                self.place_panel.ui(
                    ui,
                    &self.store,
                    &states,
                    cursor,
                    self.selected,
                    &mut actions,
                );
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let scene = Scene {
                store: &self.store,
                states: &states,
                cursor,
                selected: self.selected,
            };
            if let Some(p) = self.map.ui(ui, scene) {
                actions.push(Action::Select(Some(p)));
            }
        });
        self.states = Some((cursor, states));
        self.problems
            .show(ui.ctx(), &self.store.diagnostics, &self.store.origin);
        if let Some(reader) = &mut self.reader
            && !reader.show(ui.ctx(), &self.store)
        {
            self.reader = None;
        }
        self.apply(actions);
        if let Some(job) = &mut self.screenshot {
            job.step(ui.ctx());
        }
    }

    /// A one-line description of the cursor, for logs and tests.
    pub fn cursor_text(&self) -> String {
        long_date(self.replay.cursor.date())
    }
}

/// The eframe wrapper: persistence and the window title.
pub struct NativeApp {
    pub app: FrontlineApp,
    title: String,
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let title = self.app.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.app.ui(ui);
        crate::startup::frame_done();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.app.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.app.persisted());
        }
    }
}

/// Opens the window. `screenshot`: render, write the PNG and quit.
pub fn run(
    source: DataSource,
    options: LaunchOptions,
    screenshot: Option<(std::path::PathBuf, egui::Vec2)>,
) -> eframe::Result {
    let store = Store::load(&source);
    for d in store.diagnostics.errors().take(20) {
        eprintln!("{d}");
    }
    let size = screenshot
        .as_ref()
        .map_or(egui::vec2(1280.0, 800.0), |(_, s)| *s);
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(size)
        .with_min_inner_size([800.0, 500.0])
        .with_title("Frontline");
    if screenshot.is_some() {
        viewport = viewport.with_resizable(false);
    }
    // The app's own state lives in the platform's config directory, never beside the data.
    let persistence_path = directories::ProjectDirs::from("org", "Frontline", "frontline")
        .map(|d| d.config_dir().join("app.ron"));
    let native = eframe::NativeOptions {
        viewport,
        persist_window: screenshot.is_none(),
        persistence_path,
        ..Default::default()
    };
    eframe::run_native(
        "frontline",
        native,
        Box::new(move |cc| {
            let persisted = if screenshot.is_none() {
                cc.storage
                    .and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY))
            } else {
                None
            };
            let mut app = FrontlineApp::new(store, &options, persisted);
            if screenshot.is_none()
                && let Err(e) = app.watch(source, Some(cc.egui_ctx.clone()))
            {
                eprintln!("warning: {e}; live reload is off");
            }
            if let Some((out, _)) = screenshot {
                app.screenshot = Some(screenshot::Job::new(out));
            }
            cc.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(NativeApp {
                title: String::new(),
                app,
            }))
        }),
    )
}
