//! The markers' sprite atlas: each marker look drawn once into a texture, then shown as one
//! textured quad per marker.

use std::collections::HashMap;

use egui::{Color32, Mesh, Pos2, Rect};

use super::symbols::Symbol;

/// The side of a sprite's cell, in points: room for the largest marker with its halo.
pub(crate) const CELL: f32 = 44.0;
/// Sprites per row of the atlas.
const ATLAS_COLUMNS: usize = 16;

/// Markers drawn once per look (kind, colours, freshness, halo, selection, ring) into a
/// texture atlas, then shown as one textured quad each: a thousand markers are four thousand
/// vertices, not a thousand tessellations of anti-aliased circles. A sprite is the marker's
/// own shapes, tessellated as egui would and rasterised on the CPU, so it looks the same.
#[derive(Default)]
pub(crate) struct SpriteAtlas {
    pixels_per_point: f32,
    slots: HashMap<Symbol, usize>,
    /// The atlas, `ATLAS_COLUMNS` cells wide, as many rows as needed.
    image: Option<egui::ColorImage>,
    texture: Option<egui::TextureHandle>,
    dirty: bool,
}

impl SpriteAtlas {
    /// Pixels per cell side.
    fn cell_px(&self) -> usize {
        (CELL * self.pixels_per_point).ceil() as usize
    }

    /// The slot of a symbol's sprite, drawing it on first use.
    pub(crate) fn slot(&mut self, key: Symbol, pixels_per_point: f32) -> usize {
        if self.pixels_per_point != pixels_per_point || self.slots.len() >= 4096 {
            self.slots.clear();
            self.image = None;
            self.pixels_per_point = pixels_per_point;
        }
        if let Some(&slot) = self.slots.get(&key) {
            return slot;
        }
        let slot = self.slots.len();
        let cell = self.cell_px();
        let rows = slot / ATLAS_COLUMNS + 1;
        let width = cell * ATLAS_COLUMNS;
        let image = self.image.get_or_insert_with(|| {
            egui::ColorImage::filled([width, cell * 4], Color32::TRANSPARENT)
        });
        if image.size[1] < rows * cell {
            // Grow by doubling, keeping what is drawn.
            let mut pixels = std::mem::take(&mut image.pixels);
            pixels.resize(
                width * rows.next_power_of_two() * cell,
                Color32::TRANSPARENT,
            );
            *image = egui::ColorImage::new([width, rows.next_power_of_two() * cell], pixels);
        }
        let shapes = key.shapes(Pos2::new(CELL / 2.0, CELL / 2.0));
        let mut tessellator = egui::epaint::Tessellator::new(
            pixels_per_point,
            egui::epaint::TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        let origin = [(slot % ATLAS_COLUMNS) * cell, (slot / ATLAS_COLUMNS) * cell];
        rasterise(&mesh, pixels_per_point, image, origin, cell);
        self.slots.insert(key, slot);
        self.dirty = true;
        slot
    }

    /// The atlas texture, uploaded again when sprites were added.
    pub(crate) fn texture(&mut self, ctx: &egui::Context) -> Option<egui::TextureId> {
        let image = self.image.as_ref()?;
        if self.dirty || self.texture.is_none() {
            let options = egui::TextureOptions::LINEAR;
            match &mut self.texture {
                Some(t) => t.set(image.clone(), options),
                None => {
                    self.texture = Some(ctx.load_texture("marker-sprites", image.clone(), options))
                }
            }
            self.dirty = false;
        }
        self.texture.as_ref().map(|t| t.id())
    }

    /// The texture coordinates of a slot.
    pub(crate) fn uv(&self, slot: usize) -> Rect {
        let Some(image) = &self.image else {
            return Rect::NOTHING;
        };
        let cell = self.cell_px() as f32;
        let (w, h) = (image.size[0] as f32, image.size[1] as f32);
        let x = (slot % ATLAS_COLUMNS) as f32 * cell;
        let y = (slot / ATLAS_COLUMNS) as f32 * cell;
        Rect::from_min_max(
            Pos2::new(x / w, y / h),
            Pos2::new((x + cell) / w, (y + cell) / h),
        )
    }
}

/// Draws a tessellated mesh (positions in points) into a cell of an image: each triangle's
/// pixels, sampled at their centres, with the vertex colours interpolated and blended over
/// what is there (premultiplied alpha), as the GPU would.
fn rasterise(mesh: &Mesh, ppp: f32, image: &mut egui::ColorImage, origin: [usize; 2], cell: usize) {
    let width = image.size[0];
    let edge = |a: (f32, f32), b: (f32, f32), c: (f32, f32)| {
        (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
    };
    for tri in mesh.indices.chunks_exact(3) {
        let v = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices[i as usize]);
        let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-6 {
            continue;
        }
        let xs = p.map(|q| q.0);
        let ys = p.map(|q| q.1);
        let span = |c: [f32; 3]| {
            let lo = c[0].min(c[1]).min(c[2]).floor().max(0.0) as usize;
            let hi = c[0].max(c[1]).max(c[2]).ceil().max(0.0) as usize;
            (lo.min(cell), hi.min(cell))
        };
        let ((x0, x1), (y0, y1)) = (span(xs), span(ys));
        let colours = v.map(|v| v.color.to_array().map(f32::from));
        for y in y0..y1 {
            for x in x0..x1 {
                let c = (x as f32 + 0.5, y as f32 + 0.5);
                let w0 = edge(p[1], p[2], c) / area;
                let w1 = edge(p[2], p[0], c) / area;
                let w2 = 1.0 - w0 - w1;
                if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                    continue;
                }
                let src: [f32; 4] = std::array::from_fn(|k| {
                    colours[0][k] * w0 + colours[1][k] * w1 + colours[2][k] * w2
                });
                let px = &mut image.pixels[(origin[1] + y) * width + origin[0] + x];
                let dst = px.to_array().map(f32::from);
                let keep = 1.0 - src[3] / 255.0;
                let out: [u8; 4] = std::array::from_fn(|k| {
                    (src[k] + dst[k] * keep).round().clamp(0.0, 255.0) as u8
                });
                *px = Color32::from_rgba_premultiplied(out[0], out[1], out[2], out[3]);
            }
        }
    }
}
