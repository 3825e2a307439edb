//! Drawing a frame of any UI at a size the caller gives, in memory: a dedicated
//! [`egui::Context`] runs passes with that screen and no pointer, and the last pass is
//! rasterised on the CPU ([`raster`]). No display, window or GPU is involved, so a frame can
//! be drawn on any thread, and nothing a window remembers (its saved size) can change it.
//!
//! `frontline screenshot`, `frontline export video` and the app's video export all draw their
//! frames here: a frame is "this UI function at this size".

pub mod raster;

use egui::epaint::ClippedPrimitive;
use egui::{ColorImage, Rect, Ui, ViewportId};

pub use raster::{Textures, rasterise};

/// How many passes a frame may take before it is drawn: the first frame lays out panels,
/// loads fonts and fits the map (about 15 passes in a window); later ones only follow a change
/// of the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passes {
    /// Run at least this many, even when egui asks for none.
    pub min: u32,
    /// Draw after this many, even when egui still asks for more.
    pub max: u32,
}

impl Passes {
    /// For the first frame of a fresh UI.
    pub const FIRST: Passes = Passes { min: 20, max: 40 };
    /// For a frame after a small change (the cursor moved).
    pub const NEXT: Passes = Passes { min: 2, max: 20 };
}

/// Marks a context whose frames are drawn here: what caches a picture to spare the GPU's frames
/// (the areas' texture) draws directly instead, since here it would only be drawn twice, and
/// a frame must not depend on when another thread finished.
#[derive(Debug, Clone, Copy)]
struct DrawnOffscreen;

/// Whether `ctx`'s frames are drawn by an [`Offscreen`].
pub fn is_offscreen(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<DrawnOffscreen>(egui::Id::NULL).is_some())
}

/// A screen in memory, `width`×`height` pixels, at one pixel a point unless
/// [`Offscreen::with_scale`] says otherwise, light theme.
pub struct Offscreen {
    ctx: egui::Context,
    textures: Textures,
    size: [usize; 2],
    /// Pixels per point.
    scale: f32,
    /// The clock egui is shown: one sixtieth of a second a pass.
    time: f64,
}

impl Offscreen {
    pub fn new(width: u32, height: u32) -> Offscreen {
        let ctx = egui::Context::default();
        ctx.set_theme(egui::Theme::Light);
        ctx.all_styles_mut(|style| {
            // A frame shows where things end, not a step of an animation.
            style.animation_time = 0.0;
            style.scroll_animation = egui::style::ScrollAnimation::none();
            style.visuals.text_cursor.blink = false;
        });
        ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, DrawnOffscreen));
        Offscreen {
            ctx,
            textures: Textures::default(),
            size: [width as usize, height as usize],
            scale: 1.0,
            time: 0.0,
        }
    }

    /// The same screen with `scale` pixels a point: everything drawn larger (or smaller) by
    /// that much, as on a screen of that scale factor, text rasterised at that size.
    pub fn with_scale(mut self, scale: f32) -> Offscreen {
        if scale.is_finite() && scale > 0.0 {
            self.scale = scale;
        }
        self
    }

    /// The context the UI runs in (for what must be set up before the first pass).
    pub fn context(&self) -> &egui::Context {
        &self.ctx
    }

    pub fn size(&self) -> [usize; 2] {
        self.size
    }

    /// Runs `ui` until it has settled (see [`Passes`]) and draws the last pass.
    pub fn frame(&mut self, passes: Passes, mut ui: impl FnMut(&mut Ui)) -> ColorImage {
        let mut n = 0;
        loop {
            n += 1;
            let input = self.input();
            let mut output = self.ctx.run_ui(input, &mut ui);
            let again = output
                .viewport_output
                .get(&ViewportId::ROOT)
                .is_some_and(|v| v.repaint_delay.is_zero());
            if n >= passes.max || (n >= passes.min && !again) {
                self.textures.set(&output.textures_delta);
                let mut primitives = self
                    .ctx
                    .tessellate(std::mem::take(&mut output.shapes), self.scale);
                to_pixels(&mut primitives, self.scale);
                let background = self.ctx.global_style().visuals.panel_fill;
                let image = rasterise(&primitives, &self.textures, self.size, background);
                self.textures.free(&output.textures_delta);
                output.textures_delta.clear();
                return image;
            }
            self.textures.apply(&mut output.textures_delta);
        }
    }

    /// One pass's input: the screen, the clock, and a pointer that is nowhere (no hover, no
    /// tooltip).
    fn input(&mut self) -> egui::RawInput {
        self.time += 1.0 / 60.0;
        let [w, h] = self.size;
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w as f32, h as f32) / self.scale,
            )),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events: vec![egui::Event::PointerGone],
            max_texture_side: Some(8192),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(self.scale);
            viewport.inner_rect = input.screen_rect;
        }
        input
    }
}

/// Tessellated primitives from points to pixels, as a GPU backend's vertex shader and scissor
/// take them: the rasteriser draws in pixels.
fn to_pixels(primitives: &mut [ClippedPrimitive], scale: f32) {
    if scale == 1.0 {
        return;
    }
    for p in primitives {
        p.clip_rect = Rect::from_min_max(
            (p.clip_rect.min.to_vec2() * scale).to_pos2(),
            (p.clip_rect.max.to_vec2() * scale).to_pos2(),
        );
        if let egui::epaint::Primitive::Mesh(mesh) = &mut p.primitive {
            for v in &mut mesh.vertices {
                v.pos = (v.pos.to_vec2() * scale).to_pos2();
            }
        }
    }
}

/// A frame's pixels as RGBA bytes, rows top to bottom (what the encoders and PNG take).
pub fn rgba(image: &ColorImage) -> Vec<u8> {
    image.pixels.iter().flat_map(|c| c.to_array()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;

    #[test]
    fn a_frame_has_the_size_asked_for_and_shows_what_the_ui_drew() {
        let mut screen = Offscreen::new(200, 120);
        let fill = Color32::from_rgb(10, 120, 200);
        let image = screen.frame(Passes::NEXT, |ui| {
            egui::CentralPanel::default()
                .frame(egui::Frame::new().fill(fill))
                .show(ui, |ui| {
                    ui.heading("Frontline");
                });
        });
        assert_eq!(image.size, [200, 120]);
        let filled = image.pixels.iter().filter(|p| **p == fill).count();
        assert!(filled > 200 * 120 / 2, "{filled}");
        // The heading's glyphs: other colours near the top left, none far from it.
        let inked = |x0: usize, x1: usize, y0: usize, y1: usize| {
            (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| image[(x, y)] != fill)
                .count()
        };
        assert!(inked(0, 120, 0, 40) > 20, "the heading is drawn");
        assert_eq!(inked(0, 200, 60, 120), 0);
    }

    #[test]
    fn at_a_scale_everything_is_drawn_that_much_larger() {
        let fill = Color32::from_rgb(200, 40, 40);
        let painted = |scale: f32| {
            let mut screen = Offscreen::new(200, 120).with_scale(scale);
            let image = screen.frame(Passes::NEXT, |ui| {
                ui.painter().rect_filled(
                    Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(50.0, 30.0)),
                    0.0,
                    fill,
                );
            });
            assert_eq!(image.size, [200, 120], "the size asked for, in pixels");
            let covered: Vec<(usize, usize)> = (0..120)
                .flat_map(|y| (0..200).map(move |x| (x, y)))
                .filter(|&(x, y)| image[(x, y)] == fill)
                .collect();
            let min = covered.iter().min().copied();
            (covered.len(), min)
        };
        assert_eq!(painted(1.0), (50 * 30, Some((10, 10))));
        assert_eq!(painted(2.0), (100 * 60, Some((20, 20))));
    }

    #[test]
    fn no_pointer_is_ever_over_the_ui() {
        let mut screen = Offscreen::new(100, 100);
        let mut hovered = false;
        let _ = screen.frame(Passes::NEXT, |ui| {
            hovered |= ui.ctx().pointer_hover_pos().is_some();
        });
        assert!(!hovered);
    }
}
