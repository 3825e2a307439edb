//! A frame of the app drawn in memory, with no GPU and no display: the harness hands every
//! texture upload to [`Textures`], and [`draw`] rasterises the frame's tessellated meshes on
//! the CPU (texels sampled at the nearest pixel, premultiplied alpha blended as a GPU would).
//! Slow-ish in a debug build, so only the part of the window asked for is drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use egui::epaint::{ImageData, Primitive, Vertex};
use egui::{Color32, ColorImage, Rect, TextureId};
use egui_kittest::{Harness, TestRenderer};
use frontline::app::FrontlineApp;

/// The textures the app uploaded (the font atlas, the marker sprites), kept up to date.
#[derive(Clone, Default)]
pub struct Textures(Rc<RefCell<HashMap<TextureId, ColorImage>>>);

impl TestRenderer for Textures {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        let mut textures = self.0.borrow_mut();
        for (id, deltas) in &delta.set {
            for d in deltas {
                let ImageData::Color(image) = &d.image;
                match d.pos {
                    None => {
                        textures.insert(*id, (**image).clone());
                    }
                    Some([x, y]) => {
                        if let Some(t) = textures.get_mut(id) {
                            for row in 0..image.height() {
                                for col in 0..image.width() {
                                    t[(x + col, y + row)] = image[(col, row)];
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            textures.remove(id);
        }
        // Handled: epaint checks that no delta is dropped unapplied.
        delta.clear();
    }
}

/// The app in a harness that keeps its textures, at 1280x800, settled.
pub fn harness(app: FrontlineApp, textures: &Textures) -> Harness<'static, FrontlineApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .with_step_dt(1.0 / 60.0)
        .renderer(textures.clone())
        .build_ui_state(|ui, app: &mut FrontlineApp| app.ui(ui), app);
    h.run();
    h
}

/// The last frame's pixels inside `area` (points; one pixel a point), over white.
pub fn draw(h: &Harness<FrontlineApp>, textures: &Textures, area: Rect) -> ColorImage {
    let out = h.output();
    let primitives = h.ctx.tessellate(out.shapes.clone(), 1.0);
    let (w, ht) = (area.width() as usize, area.height() as usize);
    let mut image = ColorImage::filled([w, ht], Color32::WHITE);
    let textures = textures.0.borrow();
    for p in primitives {
        let Primitive::Mesh(mesh) = &p.primitive else {
            continue;
        };
        let clip = p.clip_rect.intersect(area);
        if clip.is_negative() || clip.area() <= 0.0 {
            continue;
        }
        let texture = textures.get(&mesh.texture_id);
        for tri in mesh.indices.chunks_exact(3) {
            let v = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices[i as usize]);
            triangle(&mut image, area, clip, v, texture);
        }
    }
    image
}

fn triangle(
    image: &mut ColorImage,
    area: Rect,
    clip: Rect,
    v: [Vertex; 3],
    tex: Option<&ColorImage>,
) {
    let edge = |a: egui::Pos2, b: egui::Pos2, c: egui::Pos2| {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    };
    let p = v.map(|v| v.pos);
    let det = edge(p[0], p[1], p[2]);
    if det.abs() < 1e-6 {
        return;
    }
    let bounds = Rect::from_points(&p).intersect(clip);
    if bounds.is_negative() {
        return;
    }
    let x0 = bounds.min.x.floor().max(area.min.x) as i64;
    let x1 = bounds.max.x.ceil().min(area.max.x) as i64;
    let y0 = bounds.min.y.floor().max(area.min.y) as i64;
    let y1 = bounds.max.y.ceil().min(area.max.y) as i64;
    let colours = v.map(|v| v.color.to_array().map(f32::from));
    for y in y0..y1 {
        for x in x0..x1 {
            let c = egui::pos2(x as f32 + 0.5, y as f32 + 0.5);
            if !clip.contains(c) {
                continue;
            }
            let w0 = edge(p[1], p[2], c) / det;
            let w1 = edge(p[2], p[0], c) / det;
            let w2 = 1.0 - w0 - w1;
            if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                continue;
            }
            let texel = tex.map_or([255.0; 4], |t| {
                let u = w0 * v[0].uv.x + w1 * v[1].uv.x + w2 * v[2].uv.x;
                let vv = w0 * v[0].uv.y + w1 * v[1].uv.y + w2 * v[2].uv.y;
                let tx = ((u * t.width() as f32) as usize).min(t.width() - 1);
                let ty = ((vv * t.height() as f32) as usize).min(t.height() - 1);
                t[(tx, ty)].to_array().map(f32::from)
            });
            let src: [f32; 4] = std::array::from_fn(|k| {
                (colours[0][k] * w0 + colours[1][k] * w1 + colours[2][k] * w2) * texel[k] / 255.0
            });
            let (ix, iy) = (
                (x - area.min.x as i64) as usize,
                (y - area.min.y as i64) as usize,
            );
            let px = &mut image[(ix, iy)];
            let dst = px.to_array().map(f32::from);
            let keep = 1.0 - src[3] / 255.0;
            let out: [u8; 4] =
                std::array::from_fn(|k| (src[k] + dst[k] * keep).round().clamp(0.0, 255.0) as u8);
            *px = Color32::from_rgba_premultiplied(out[0], out[1], out[2], out[3]);
        }
    }
}

/// How many pixels of `image` are within `tolerance` (summed over red, green and blue) of
/// `colour`.
pub fn count_near(image: &ColorImage, colour: Color32, tolerance: i32) -> usize {
    image
        .pixels
        .iter()
        .filter(|p| {
            let d: i32 = (0..3)
                .map(|k| (i32::from(p.to_array()[k]) - i32::from(colour.to_array()[k])).abs())
                .sum();
            d <= tolerance
        })
        .count()
}
