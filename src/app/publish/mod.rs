//! The publishing layout: a frame made to be posted (`export video`, `screenshot --layout
//! map`, the Export dialog's video). The map fills the frame, with no top bar, feed, chart or
//! button, and cards laid over it ([`cards`]): the title and the date, large, at the top; at the
//! foot the captions (the day's changes, or a story step's caption), a compact legend of the
//! actors shown and the source line (the articles, the basemap's attribution, the areas' note).
//! The sentences come from [`crate::present`]; the map is the app's, drawn bare
//! ([`super::map::Bare`]), its labels kept out from under the cards.

mod cards;

use egui::{Rect, Ui};

use super::map::Bare;
use super::{FrontlineApp, ViewContext, theme};

/// How a frame is laid out: the publishing layout, or the app's whole window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Layout {
    /// The map filling the frame, with the title, the date, captions, a legend and sources.
    #[default]
    Map,
    /// The whole app window: top bar, feed, map, place panel, chart and timeline.
    App,
}

/// Frame sizes made for where videos are posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// 1920x1080 (16:9).
    Landscape,
    /// 1080x1080.
    Square,
    /// 1080x1920 (9:16, phones).
    Portrait,
}

impl Preset {
    pub fn size(self) -> (u32, u32) {
        match self {
            Preset::Landscape => (1920, 1080),
            Preset::Square => (1080, 1080),
            Preset::Portrait => (1080, 1920),
        }
    }
}

/// What a published frame shows besides the app's state.
#[derive(Debug, Clone, Default)]
pub struct Publish {
    /// The title (`--title`); default a story's title, else one made from the data's span.
    pub title: Option<String>,
}

/// How many changes a frame's captions list (the last line counts the rest).
const MAX_CAPTIONS: usize = 3;

/// Where the cards were drawn (kept from one pass to the next: the labels keep out of them).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Drawn {
    pub header: Option<Rect>,
    pub footer: Option<Rect>,
}

/// The sizes of a frame's text and margins: in proportion to the frame's shorter side, so
/// that a 1080-pixel-wide portrait frame and a 1920x1080 one read alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale(pub f32);

impl Scale {
    pub fn of(size: egui::Vec2) -> Scale {
        Scale((size.x.min(size.y) / 1080.0).clamp(0.35, 3.0))
    }

    pub fn px(self, points: f32) -> f32 {
        (points * self.0).round().max(1.0)
    }

    /// The margin between the frame's edge and the cards.
    pub fn margin(self) -> f32 {
        self.px(28.0)
    }

    /// The room the map keeps free at the top and the foot for the cards (the data is fitted
    /// between; fixed, so that the map does not move from frame to frame).
    pub fn reserved(self) -> (f32, f32) {
        (self.px(170.0), self.px(230.0))
    }
}

impl FrontlineApp {
    /// Draws the publishing layout over the whole of `ui`: the map and its cards.
    pub fn publish_ui(&mut self, ui: &mut Ui, publish: &Publish, drawn: &mut Drawn) {
        theme::install_fonts(ui.ctx());
        self.scene
            .update(&self.store, self.replay.cursor, self.selected);
        self.scene.set_filters(&self.store, &self.filters);
        let screen = ui.max_rect();
        let scale = Scale::of(screen.size());
        let (top, bottom) = scale.reserved();
        let bare = Bare {
            top,
            bottom,
            side: scale.px(70.0),
            avoid: [drawn.header, drawn.footer].into_iter().flatten().collect(),
        };
        if self.panels.map.bare.as_ref().map(|b| (b.top, b.bottom)) != Some((top, bottom)) {
            self.panels.map.fit_to_data();
        }
        self.panels.map.bare = Some(bare);
        let view = ViewContext {
            store: &self.store,
            replay: &self.replay,
            scene: &self.scene,
            shown: &self.shown,
            notice: None,
            edits: self.session.edits.edits(),
            story: self.story.at,
            compared: None,
            dismissed: self.session.dismissed.as_slice(),
            stories: &self.store.stories,
        };
        // Nothing can be clicked in a published frame: what the map asks for is dropped.
        let mut actions = Vec::new();
        let map = &mut self.panels.map;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            super::View::ui(map, ui, &view, &mut actions);
        });
        let content = cards::Content::of(&view, publish, MAX_CAPTIONS);
        *drawn = cards::show(ui, &content, screen, scale);
    }
}
