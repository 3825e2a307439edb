//! The areas as one image. At ten thousand places the areas' meshes hold some 175,000
//! vertices; handed to egui every frame, copying them into the frame's mesh cost more than the
//! rest of the map together. Drawn once into a texture (on the CPU, by the offscreen
//! rasteriser) the areas cost a frame one quad.
//!
//! The image covers the view and a margin around it, so that a pan moves the quad. It is drawn
//! again, on another thread, once the view has come to rest after the areas, the zoom or the
//! scale changed or a pan left the margin; meanwhile the frames draw the meshes, so that
//! nothing waits for it. Drawing it takes tens of milliseconds at ten thousand places.

use std::sync::{Arc, Mutex};

use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{
    Color32, ColorImage, Context, Mesh, Rect, TextureHandle, TextureOptions, Vec2, pos2, vec2,
};

use crate::app::offscreen::raster::{Textures, rasterise};

/// What an image of the areas is for: the areas' generation, the zoom (bits), the scale, and
/// the part of the meshes it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Key {
    pub generation: u64,
    pub zoom: u64,
    pub pixels_per_point: f32,
    /// What the image holds, in the meshes' coordinates (points from their origin); it ends
    /// where the meshes do.
    region: Rect,
    /// The view with its margin it was drawn for.
    covers: Rect,
}

impl Key {
    /// The image for the view `view` (in the meshes' coordinates, which reach over `bounds`):
    /// the view and half of it again on every side, as far as the meshes reach and the
    /// largest texture allows, in whole physical pixels. None when the view is larger than
    /// the largest texture.
    pub fn for_view(
        ctx: &Context,
        (generation, zoom, pixels_per_point): (u64, u64, f32),
        view: Rect,
        bounds: Rect,
    ) -> Option<Key> {
        let largest = ctx.input(|i| i.max_texture_side).max(1) as f32 / pixels_per_point - 2.0;
        if view.width() > largest || view.height() > largest {
            return None;
        }
        let margin = ((Vec2::splat(largest) - view.size()) / 2.0).min(view.size() / 2.0);
        let covers = view.expand2(margin);
        let region = covers.intersect(bounds);
        let region = Rect::from_min_max(
            (region.min.to_vec2() * pixels_per_point).floor().to_pos2() / pixels_per_point,
            (region.max.to_vec2() * pixels_per_point).ceil().to_pos2() / pixels_per_point,
        );
        Some(Key {
            generation,
            zoom,
            pixels_per_point,
            region,
            covers,
        })
    }

    /// Whether an image of this key serves a frame of these areas and this view.
    pub fn serves(&self, view_key: (u64, u64, f32), view: Rect) -> bool {
        (self.generation, self.zoom, self.pixels_per_point) == view_key
            && self.covers.contains_rect(view)
    }

    /// The image's size in pixels (zero when the region holds no area).
    fn size(&self) -> [usize; 2] {
        if !self.region.is_positive() {
            return [0, 0];
        }
        let px = self.region.size() * self.pixels_per_point;
        [px.x.round() as usize, px.y.round() as usize]
    }
}

/// The areas' image: the one shown, and the one being drawn.
#[derive(Default)]
pub(crate) struct AreaTexture {
    shown: Option<(Key, Option<TextureHandle>)>,
    drawing: Option<(Key, Arc<Mutex<Option<ColorImage>>>)>,
}

impl AreaTexture {
    /// Takes in an image drawn since the last frame, if it is still for these areas.
    pub fn receive(&mut self, ctx: &Context, view_key: (u64, u64, f32)) {
        let Some((key, slot)) = &self.drawing else {
            return;
        };
        let Some(image) = slot.lock().ok().and_then(|mut s| s.take()) else {
            return;
        };
        let key = *key;
        self.drawing = None;
        if (key.generation, key.zoom, key.pixels_per_point) != view_key {
            return; // the areas changed meanwhile
        }
        let mut handle = self.shown.take().and_then(|(_, h)| h);
        if image.size[0] > 0 && image.size[1] > 0 {
            match &mut handle {
                Some(h) => h.set(image, TextureOptions::NEAREST),
                None => handle = Some(ctx.load_texture("areas", image, TextureOptions::NEAREST)),
            }
        } else {
            handle = None;
        }
        self.shown = Some((key, handle));
    }

    /// Whether the image shown serves this frame.
    pub fn serves(&self, view_key: (u64, u64, f32), view: Rect) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|(k, _)| k.serves(view_key, view))
    }

    /// Whether an image is being drawn.
    pub fn is_drawing(&self) -> bool {
        self.drawing.is_some()
    }

    /// Starts drawing `meshes` (in points from their origin) for `key` on another thread;
    /// the frame after it is done is asked for.
    pub fn draw(&mut self, ctx: &Context, meshes: [Arc<Mesh>; 2], key: Key) {
        let slot = Arc::new(Mutex::new(None));
        self.drawing = Some((key, slot.clone()));
        let ctx = ctx.clone();
        rayon::spawn(move || {
            let image = draw_image(&meshes, &key);
            if let Ok(mut s) = slot.lock() {
                *s = Some(image);
            }
            ctx.request_repaint();
        });
    }

    /// Paints the image with the meshes' origin at `origin` on screen (snapped to a physical
    /// pixel, half a pixel at most from where the meshes would be).
    pub fn paint(&self, painter: &egui::Painter, origin: Vec2) {
        let Some((key, Some(handle))) = &self.shown else {
            return;
        };
        let ppp = key.pixels_per_point;
        let min = ((key.region.min + origin).to_vec2() * ppp).round() / ppp;
        let rect = Rect::from_min_size(min.to_pos2(), key.region.size());
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        painter.image(handle.id(), rect, uv, Color32::WHITE);
    }
}

/// The meshes drawn into an image of `key`'s region, over a transparent ground.
fn draw_image(meshes: &[Arc<Mesh>; 2], key: &Key) -> ColorImage {
    let size = key.size();
    let clip_rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(size[0] as f32, size[1] as f32));
    let primitives: Vec<ClippedPrimitive> = meshes
        .iter()
        .map(|mesh| {
            let mut mesh = Mesh::clone(mesh);
            for v in &mut mesh.vertices {
                v.pos = ((v.pos - key.region.min) * key.pixels_per_point).to_pos2();
            }
            ClippedPrimitive {
                clip_rect,
                primitive: Primitive::Mesh(mesh),
            }
        })
        .collect();
    rasterise(
        &primitives,
        &Textures::default(),
        size,
        Color32::TRANSPARENT,
    )
}

/// The rectangle the meshes cover (empty when they hold nothing).
pub(crate) fn bounds(meshes: [&Mesh; 2]) -> Rect {
    let mut rect = Rect::NOTHING;
    for mesh in meshes {
        for v in &mesh.vertices {
            rect.extend_with(v.pos);
        }
    }
    rect
}
