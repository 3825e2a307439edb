//! A CPU rasteriser for egui's tessellated meshes: what a GPU backend does with a frame, done
//! in memory so that a frame can be drawn without a display, a window or a GPU.
//!
//! It follows egui's own renderers where the picture depends on it: colours and textures are
//! premultiplied and multiplied in gamma space, blended as `ONE, ONE_MINUS_SRC_ALPHA`; a clip
//! rectangle is a scissor rounded to whole pixels; a pixel is covered when its centre is inside
//! a triangle, with a tie rule so that two triangles sharing an edge never both draw it (a
//! quad's diagonal would otherwise show through a translucent fill). Textures are sampled
//! bilinearly or at the nearest texel as each asks ([`TextureOptions`]): at one pixel a point,
//! glyphs land on whole texels, so text comes out as crisp as on screen.
//!
//! The frame is cut into bands of rows drawn in parallel (each band draws every primitive in
//! order, so the result is the same as drawing in one piece).

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, Primitive, Vertex};
use egui::{Color32, ColorImage, Pos2, TextureFilter, TextureId, TextureOptions, TexturesDelta};
use rayon::prelude::*;

/// Rows drawn by one task: small enough to share the work between cores, large enough that
/// walking every primitive once per band costs little.
const BAND_ROWS: usize = 32;

/// One texture as uploaded by egui.
struct Texture {
    image: ColorImage,
    options: TextureOptions,
}

/// The textures egui uploaded (the font atlas, images such as the map's marker sprites), kept
/// up to date from each pass's [`TexturesDelta`].
#[derive(Default)]
pub struct Textures {
    textures: HashMap<TextureId, Texture>,
}

impl Textures {
    /// Applies a pass's uploads: call before drawing that pass.
    pub fn set(&mut self, delta: &TexturesDelta) {
        // Whole images first, so that a patch of the same delta lands on its new texture.
        let mut deltas: Vec<_> = delta
            .set
            .iter()
            .flat_map(|(id, ds)| ds.iter().map(move |d| (*id, d)))
            .collect();
        deltas.sort_by_key(|(_, d)| d.pos.is_some());
        for (id, d) in deltas {
            let ImageData::Color(image) = &d.image;
            match d.pos {
                None => {
                    self.textures.insert(
                        id,
                        Texture {
                            image: (**image).clone(),
                            options: d.options,
                        },
                    );
                }
                Some([x, y]) => {
                    if let Some(t) = self.textures.get_mut(&id) {
                        t.options = d.options;
                        patch(&mut t.image, image, x, y);
                    }
                }
            }
        }
    }

    /// Frees what a pass freed: call after drawing that pass.
    pub fn free(&mut self, delta: &TexturesDelta) {
        for id in &delta.free {
            self.textures.remove(id);
        }
    }

    /// How many textures are held.
    pub fn len(&self) -> usize {
        self.textures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.textures.is_empty()
    }

    /// Applies a whole delta (uploads, then frees) and marks it handled: for callers that draw
    /// later from what the textures were at the end of the pass.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        self.set(delta);
        self.free(delta);
        delta.clear();
    }
}

/// Copies `src` into `dst` at (`x`, `y`), dropping whatever falls outside.
fn patch(dst: &mut ColorImage, src: &ColorImage, x: usize, y: usize) {
    let [dw, dh] = dst.size;
    let [sw, sh] = src.size;
    let w = sw.min(dw.saturating_sub(x));
    for row in 0..sh.min(dh.saturating_sub(y)) {
        let d = (y + row) * dw + x;
        dst.pixels[d..d + w].copy_from_slice(&src.pixels[row * sw..row * sw + w]);
    }
}

/// Draws `primitives` (tessellated at one pixel a point) over `background` into an image of
/// `size` pixels. Primitives whose texture is unknown are drawn as if it were white, as egui
/// does for a texture still loading; paint callbacks (none in this app) are skipped.
pub fn rasterise(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    size: [usize; 2],
    background: Color32,
) -> ColorImage {
    let [width, height] = size;
    let mut image = ColorImage::filled(size, background);
    if width == 0 || height == 0 {
        return image;
    }
    let meshes: Vec<Prepared<'_>> = primitives
        .iter()
        .filter_map(|p| {
            let Primitive::Mesh(mesh) = &p.primitive else {
                return None;
            };
            let scissor = Scissor::of(p.clip_rect, width, height)?;
            Some(Prepared {
                mesh,
                scissor,
                texture: textures.textures.get(&mesh.texture_id),
                bins: Bins::of(mesh, height),
            })
        })
        .collect();
    image
        .pixels
        .par_chunks_mut(width * BAND_ROWS)
        .enumerate()
        .for_each(|(band, pixels)| {
            let top = (band * BAND_ROWS) as i64;
            let bottom = top + (pixels.len() / width) as i64;
            let mut target = Band {
                pixels,
                width,
                top,
                bottom,
            };
            for m in &meshes {
                m.draw(&mut target, band);
            }
        });
    image
}

/// A part of the image: rows `top..bottom`, `width` pixels each.
struct Band<'a> {
    pixels: &'a mut [Color32],
    width: usize,
    top: i64,
    bottom: i64,
}

/// A clip rectangle in whole pixels (a GPU scissor): columns `x0..x1`, rows `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scissor {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

impl Scissor {
    /// The pixels of `clip` inside the image, rounded as egui's renderers round them; None
    /// when that is empty.
    fn of(clip: egui::Rect, width: usize, height: usize) -> Option<Scissor> {
        let round = |v: f32, max: usize| {
            if v.is_nan() {
                0
            } else {
                (v.round() as i64).clamp(0, max as i64)
            }
        };
        let s = Scissor {
            x0: round(clip.min.x, width),
            y0: round(clip.min.y, height),
            x1: round(clip.max.x, width),
            y1: round(clip.max.y, height),
        };
        (s.x0 < s.x1 && s.y0 < s.y1).then_some(s)
    }
}

/// A mesh with its scissor and texture, ready to draw into any band.
struct Prepared<'a> {
    mesh: &'a egui::Mesh,
    scissor: Scissor,
    texture: Option<&'a Texture>,
    bins: Bins,
}

/// A large mesh's triangles sorted by the bands they touch, in their order, so that a band
/// walks its own triangles rather than all of them (the areas of ten thousand places are some
/// 200,000 triangles, most within one band).
enum Bins {
    /// A small mesh: every band walks every triangle.
    All,
    /// For each band, the first index of each of its triangles.
    Banded(Vec<Vec<u32>>),
}

/// Below this many triangles, sorting them into bands costs more than it saves.
const BINNED_TRIANGLES: usize = 4096;

impl Bins {
    fn of(mesh: &egui::Mesh, height: usize) -> Bins {
        let triangles = mesh.indices.len() / 3;
        let bands = height.div_ceil(BAND_ROWS);
        if triangles < BINNED_TRIANGLES || bands < 2 {
            return Bins::All;
        }
        let mut bins = vec![Vec::new(); bands];
        let y = |i: u32| mesh.vertices.get(i as usize).map(|v| v.pos.y);
        for (t, tri) in mesh.indices.chunks_exact(3).enumerate() {
            let (Some(a), Some(b), Some(c)) = (y(tri[0]), y(tri[1]), y(tri[2])) else {
                continue;
            };
            let (lo, hi) = (a.min(b).min(c), a.max(b).max(c));
            if !(lo.is_finite() && hi.is_finite()) || hi < 0.0 || lo > height as f32 {
                continue;
            }
            // A pixel row is drawn when its centre is inside: rows from floor(lo) to ceil(hi).
            let first = (lo.floor().max(0.0) as usize) / BAND_ROWS;
            let last = ((hi.ceil() as usize).min(height.saturating_sub(1))) / BAND_ROWS;
            for bin in &mut bins[first..=last.min(bands - 1)] {
                bin.push((t * 3) as u32);
            }
        }
        Bins::Banded(bins)
    }
}

impl Prepared<'_> {
    fn draw(&self, band: &mut Band<'_>, index: usize) {
        let y0 = self.scissor.y0.max(band.top);
        let y1 = self.scissor.y1.min(band.bottom);
        if y0 >= y1 {
            return;
        }
        let clip = Scissor {
            y0,
            y1,
            ..self.scissor
        };
        let vertices = &self.mesh.vertices;
        let indices = &self.mesh.indices;
        let draw = |band: &mut Band<'_>, tri: &[u32]| {
            let (Some(a), Some(b), Some(c)) = (
                vertices.get(tri[0] as usize),
                vertices.get(tri[1] as usize),
                vertices.get(tri[2] as usize),
            ) else {
                return; // a malformed mesh: draw what is well formed
            };
            triangle(band, clip, [a, b, c], self.texture);
        };
        match &self.bins {
            Bins::All => indices.chunks_exact(3).for_each(|tri| draw(band, tri)),
            Bins::Banded(bins) => {
                for &start in bins.get(index).into_iter().flatten() {
                    draw(band, &indices[start as usize..start as usize + 3]);
                }
            }
        }
    }
}

/// Twice the signed area of (a, b, c): positive when c is on one side of a→b, negative on the
/// other, zero on the line.
fn edge(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether a pixel centre exactly on the edge a→b belongs to this triangle. Two triangles that
/// share an edge run along it in opposite directions, so exactly one of them owns it.
fn owns(a: Pos2, b: Pos2) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    dy > 0.0 || (dy == 0.0 && dx < 0.0)
}

fn triangle(band: &mut Band<'_>, clip: Scissor, v: [&Vertex; 3], texture: Option<&Texture>) {
    let mut v = v;
    let mut det = edge(v[0].pos, v[1].pos, v[2].pos);
    if !det.is_finite() || det.abs() < 1e-9 {
        return;
    }
    if det < 0.0 {
        v.swap(1, 2);
        det = -det;
    }
    let p = v.map(|v| v.pos);
    let (min_x, max_x) = (
        p[0].x.min(p[1].x).min(p[2].x),
        p[0].x.max(p[1].x).max(p[2].x),
    );
    let (min_y, max_y) = (
        p[0].y.min(p[1].y).min(p[2].y),
        p[0].y.max(p[1].y).max(p[2].y),
    );
    let x0 = (min_x.floor() as i64).max(clip.x0);
    let x1 = (max_x.ceil() as i64).min(clip.x1);
    let y0 = (min_y.floor() as i64).max(clip.y0);
    let y1 = (max_y.ceil() as i64).min(clip.y1);
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let owned = [owns(p[1], p[2]), owns(p[2], p[0]), owns(p[0], p[1])];
    let inside = |e: f32, owned: bool| e > 0.0 || (e == 0.0 && owned);
    // The edge values at a pixel's centre, when the centre is inside.
    let covers = |x: i64, cy: f32| {
        let c = Pos2::new(x as f32 + 0.5, cy);
        let e = [
            edge(p[1], p[2], c),
            edge(p[2], p[0], c),
            edge(p[0], p[1], c),
        ];
        (inside(e[0], owned[0]) && inside(e[1], owned[1]) && inside(e[2], owned[2])).then_some(e)
    };
    // Most of a frame is flat: one colour, one texel (the white texel of the font atlas), and
    // most of that opaque: such a span is a plain fill.
    let same_colour = v[0].color == v[1].color && v[1].color == v[2].color;
    let same_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
    let flat = (same_colour && same_uv).then(|| shade(v[0].color, texture, v[0].uv));
    let opaque = flat
        .filter(|src| src[3] >= 255.0)
        .map(|src| blend(src, Color32::TRANSPARENT));
    let colours = v.map(|v| v.color.to_array().map(f32::from));
    for y in y0..y1 {
        let cy = y as f32 + 0.5;
        let Some((mut first, mut last)) = row_span(p, cy, x0, x1) else {
            continue;
        };
        // The span is computed loosely; its ends are settled by the exact test, so that two
        // triangles sharing an edge split its pixels exactly.
        while first <= last && covers(first, cy).is_none() {
            first += 1;
        }
        while last >= first && covers(last, cy).is_none() {
            last -= 1;
        }
        if first > last {
            continue;
        }
        let row = (y - band.top) as usize * band.width;
        let span = &mut band.pixels[row + first as usize..=row + last as usize];
        match (opaque, flat) {
            (Some(colour), _) => span.fill(colour),
            (None, Some(src)) => span.iter_mut().for_each(|px| *px = blend(src, *px)),
            (None, None) => {
                for (px, x) in span.iter_mut().zip(first..) {
                    let c = Pos2::new(x as f32 + 0.5, cy);
                    let (w0, w1) = (edge(p[1], p[2], c) / det, edge(p[2], p[0], c) / det);
                    let w2 = 1.0 - w0 - w1;
                    let colour: [f32; 4] = std::array::from_fn(|k| {
                        colours[0][k] * w0 + colours[1][k] * w1 + colours[2][k] * w2
                    });
                    let uv = egui::pos2(
                        v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2,
                        v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2,
                    );
                    *px = blend(modulate(colour, texture.map(|t| sample(t, uv))), *px);
                }
            }
        }
    }
}

/// The columns of `x0..x1` whose centres on the row at `cy` may be inside the triangle `p`
/// (counter-clockwise as [`edge`] counts): from the three edges' crossings of the row, widened
/// by a pixel each side against rounding. None when the row misses the triangle.
fn row_span(p: [Pos2; 3], cy: f32, x0: i64, x1: i64) -> Option<(i64, i64)> {
    let (mut lo, mut hi) = (x0 as f32, (x1 - 1) as f32);
    for (a, b) in [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])] {
        // edge(a, b, c) = k - d × c.x, which must not be negative.
        let d = b.y - a.y;
        let k = (b.x - a.x) * (cy - a.y) + d * a.x;
        if d > 0.0 {
            hi = hi.min(k / d - 0.5 + 1.0);
        } else if d < 0.0 {
            lo = lo.max(k / d - 0.5 - 1.0);
        } else if k < 0.0 {
            return None;
        }
    }
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return None;
    }
    let first = (lo.ceil() as i64).max(x0);
    let last = (hi.floor() as i64).min(x1 - 1);
    (first <= last).then_some((first, last))
}

/// A vertex colour times the texel at `uv` (premultiplied, in 0..=255).
fn shade(colour: Color32, texture: Option<&Texture>, uv: Pos2) -> [f32; 4] {
    modulate(
        colour.to_array().map(f32::from),
        texture.map(|t| sample(t, uv)),
    )
}

fn modulate(colour: [f32; 4], texel: Option<[f32; 4]>) -> [f32; 4] {
    match texel {
        Some(t) => std::array::from_fn(|k| colour[k] * t[k] / 255.0),
        None => colour,
    }
}

/// `src` (premultiplied) over `dst`: `src + dst × (1 − src.alpha)`.
fn blend(src: [f32; 4], dst: Color32) -> Color32 {
    let keep = 1.0 - src[3] / 255.0;
    let d = dst.to_array();
    let out: [u8; 4] =
        std::array::from_fn(|k| (src[k] + f32::from(d[k]) * keep).round().clamp(0.0, 255.0) as u8);
    Color32::from_rgba_premultiplied(out[0], out[1], out[2], out[3])
}

/// The texel at `uv`, filtered as the texture asks.
fn sample(t: &Texture, uv: Pos2) -> [f32; 4] {
    let [w, h] = t.image.size;
    if w == 0 || h == 0 {
        return [255.0; 4];
    }
    let wrap = t.options.wrap_mode;
    let texel = |x: i64, y: i64| {
        let (x, y) = (wrap_index(x, w, wrap), wrap_index(y, h, wrap));
        t.image.pixels[y * w + x].to_array().map(f32::from)
    };
    let (u, v) = (uv.x * w as f32, uv.y * h as f32);
    if !(u.is_finite() && v.is_finite()) {
        return [255.0; 4];
    }
    match t.options.magnification {
        TextureFilter::Nearest => texel(u.floor() as i64, v.floor() as i64),
        TextureFilter::Linear => {
            let (x, y) = (u - 0.5, v - 0.5);
            let (x0, y0) = (x.floor(), y.floor());
            let (fx, fy) = (x - x0, y - y0);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let [a, b, c, d] = [
                texel(x0, y0),
                texel(x0 + 1, y0),
                texel(x0, y0 + 1),
                texel(x0 + 1, y0 + 1),
            ];
            std::array::from_fn(|k| {
                let top = a[k] + (b[k] - a[k]) * fx;
                let bottom = c[k] + (d[k] - c[k]) * fx;
                top + (bottom - top) * fy
            })
        }
    }
}

/// A texel index brought inside `0..n` as the wrap mode says.
fn wrap_index(i: i64, n: usize, wrap: egui::TextureWrapMode) -> usize {
    let n = n as i64;
    let i = match wrap {
        egui::TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
        egui::TextureWrapMode::Repeat => i.rem_euclid(n),
        egui::TextureWrapMode::MirroredRepeat => {
            let m = i.rem_euclid(2 * n);
            if m < n { m } else { 2 * n - 1 - m }
        }
    };
    i as usize
}

#[cfg(test)]
mod tests;
