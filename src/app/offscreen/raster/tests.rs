//! The rasteriser's tests: coverage, blending, clipping, textures, odd input.

use super::*;
use egui::epaint::{ImageDelta, Mesh};
use egui::{Rect, pos2, vec2};

fn rect_mesh(rect: Rect, colour: Color32) -> ClippedPrimitive {
    let mut mesh = Mesh::default();
    mesh.add_colored_rect(rect, colour);
    ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(mesh),
    }
}

#[test]
fn a_rectangle_covers_exactly_its_pixels() {
    let red = Color32::from_rgb(200, 30, 30);
    let prims = [rect_mesh(
        Rect::from_min_size(pos2(2.0, 3.0), vec2(4.0, 5.0)),
        red,
    )];
    let image = rasterise(&prims, &Textures::default(), [10, 40], Color32::WHITE);
    let reds = image.pixels.iter().filter(|p| **p == red).count();
    assert_eq!(reds, 20);
    assert_eq!(image[(2, 3)], red);
    assert_eq!(image[(5, 7)], red);
    assert_eq!(image[(6, 7)], Color32::WHITE);
    assert_eq!(image[(5, 8)], Color32::WHITE);
}

#[test]
fn a_translucent_quad_is_blended_once_even_on_its_diagonal() {
    let half = Color32::from_black_alpha(128);
    let prims = [rect_mesh(
        Rect::from_min_size(pos2(0.0, 0.0), vec2(40.0, 40.0)),
        half,
    )];
    // 40 rows: two bands, so the band seam is crossed too.
    let image = rasterise(&prims, &Textures::default(), [40, 40], Color32::WHITE);
    let first = image[(0, 0)];
    assert!(first.r() > 100 && first.r() < 150, "{first:?}");
    assert!(
        image.pixels.iter().all(|p| *p == first),
        "every pixel blended exactly once"
    );
}

#[test]
fn the_clip_rectangle_is_a_scissor() {
    let blue = Color32::from_rgb(0, 0, 200);
    let mut prim = rect_mesh(Rect::from_min_size(pos2(0.0, 0.0), vec2(20.0, 20.0)), blue);
    prim.clip_rect = Rect::from_min_max(pos2(4.4, 5.6), pos2(8.0, 9.0));
    let image = rasterise(&[prim], &Textures::default(), [20, 20], Color32::WHITE);
    let count = image.pixels.iter().filter(|p| **p == blue).count();
    assert_eq!(count, 4 * 3, "columns 4..8, rows 6..9");
    assert_eq!(image[(4, 6)], blue);
    assert_eq!(image[(4, 5)], Color32::WHITE);
}

#[test]
fn textures_are_sampled_patched_and_freed() {
    let id = TextureId::Managed(7);
    let mut image = ColorImage::filled([4, 4], Color32::from_rgb(0, 150, 0));
    image[(0, 0)] = Color32::WHITE;
    let mut delta = TexturesDelta::default();
    delta.set.insert(
        id,
        [ImageDelta::full(image, TextureOptions::NEAREST)]
            .into_iter()
            .collect(),
    );
    let mut textures = Textures::default();
    textures.apply(&mut delta);
    let mut mesh = Mesh::with_texture(id);
    mesh.add_rect_with_uv(
        Rect::from_min_size(pos2(0.0, 0.0), vec2(8.0, 8.0)),
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    let prim = ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(mesh),
    };
    let drawn = rasterise(
        std::slice::from_ref(&prim),
        &textures,
        [8, 8],
        Color32::BLACK,
    );
    assert_eq!(drawn[(0, 0)], Color32::WHITE, "texel (0, 0) doubled");
    assert_eq!(drawn[(1, 1)], Color32::WHITE);
    assert_eq!(drawn[(2, 2)], Color32::from_rgb(0, 150, 0));

    // A patch replaces part of the texture.
    let mut delta = TexturesDelta::default();
    delta.set.insert(
        id,
        [ImageDelta::partial(
            [3, 3],
            ColorImage::filled([2, 2], Color32::RED),
            TextureOptions::NEAREST,
        )]
        .into_iter()
        .collect(),
    );
    textures.apply(&mut delta);
    let drawn = rasterise(
        std::slice::from_ref(&prim),
        &textures,
        [8, 8],
        Color32::BLACK,
    );
    assert_eq!(
        drawn[(7, 7)],
        Color32::RED,
        "the patch is clipped to the texture"
    );

    let mut delta = TexturesDelta::default();
    delta.free.insert(id);
    textures.apply(&mut delta);
    assert!(textures.is_empty());
}

#[test]
fn bilinear_sampling_at_texel_centres_is_exact_and_blends_between() {
    let t = Texture {
        image: ColorImage::new([2, 1], vec![Color32::from_gray(0), Color32::from_gray(200)]),
        options: TextureOptions::LINEAR,
    };
    assert_eq!(sample(&t, pos2(0.25, 0.5))[0], 0.0);
    assert_eq!(sample(&t, pos2(0.75, 0.5))[0], 200.0);
    assert_eq!(sample(&t, pos2(0.5, 0.5))[0], 100.0);
}

#[test]
fn spans_cover_exactly_the_pixels_whose_centres_are_inside() {
    // Random triangles, opaque and translucent, against a test of every pixel's centre.
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed % 4000) as f32 / 100.0 - 5.0
    };
    for round in 0..300 {
        let p = [0, 1, 2].map(|_| pos2(next(), next()));
        let alpha = if round % 2 == 0 { 255 } else { 100 };
        let colour = Color32::from_rgba_premultiplied(0, 0, 0, alpha);
        let mut mesh = Mesh::default();
        for pos in p {
            mesh.colored_vertex(pos, colour);
        }
        mesh.add_triangle(0, 1, 2);
        let prim = ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        };
        let image = rasterise(&[prim], &Textures::default(), [30, 30], Color32::WHITE);
        let mut q = p;
        if edge(q[0], q[1], q[2]) < 0.0 {
            q.swap(1, 2);
        }
        for y in 0..30 {
            for x in 0..30 {
                let c = pos2(x as f32 + 0.5, y as f32 + 0.5);
                let inside = |a: Pos2, b: Pos2| {
                    let e = edge(a, b, c);
                    e > 0.0 || (e == 0.0 && owns(a, b))
                };
                let want = edge(q[0], q[1], q[2]).abs() >= 1e-9
                    && inside(q[1], q[2])
                    && inside(q[2], q[0])
                    && inside(q[0], q[1]);
                let got = image[(x, y)] != Color32::WHITE;
                assert_eq!(got, want, "triangle {p:?}, pixel ({x}, {y})");
            }
        }
    }
}

#[test]
fn nothing_breaks_on_odd_input() {
    let mut mesh = Mesh::default();
    mesh.vertices.push(Vertex {
        pos: pos2(f32::NAN, 0.0),
        uv: pos2(0.0, 0.0),
        color: Color32::RED,
    });
    mesh.indices = vec![0, 1, 2, 0, 0];
    let prims = [ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(mesh),
    }];
    let image = rasterise(&prims, &Textures::default(), [5, 5], Color32::WHITE);
    assert!(image.pixels.iter().all(|p| *p == Color32::WHITE));
    let empty = rasterise(&prims, &Textures::default(), [0, 5], Color32::WHITE);
    assert!(empty.pixels.is_empty());
}

/// A large mesh is drawn band by band from its triangles sorted into bands: the picture is
/// the one drawn from small meshes (which every band walks whole), in the same order,
/// translucent triangles overlapping across the bands' seams included.
#[test]
fn a_large_mesh_sorted_into_bands_draws_as_small_meshes_do() {
    let mut large = Mesh::default();
    let mut small = Vec::new();
    let mut piece = Mesh::default();
    // Thin slivers and larger triangles, overlapping, some crossing many bands, some off the
    // image, in colours that show the order they are blended in.
    for k in 0..6000u32 {
        let x = (k * 37 % 200) as f32 + 0.3;
        let y = (k * 53 % 260) as f32 - 20.0;
        let (w, h) = (
            1.0 + (k % 7) as f32 * 3.5,
            0.4 + (k % 11) as f32 * (if k % 13 == 0 { 20.0 } else { 1.7 }),
        );
        let colour = Color32::from_rgba_unmultiplied(
            (k * 7 % 255) as u8,
            (k * 13 % 255) as u8,
            (k * 29 % 255) as u8,
            60 + (k % 150) as u8,
        );
        for mesh in [&mut large, &mut piece] {
            let base = mesh.vertices.len() as u32;
            mesh.colored_vertex(pos2(x, y), colour);
            mesh.colored_vertex(pos2(x + w, y + h * 0.3), colour);
            mesh.colored_vertex(pos2(x + w * 0.4, y + h), colour);
            mesh.add_triangle(base, base + 1, base + 2);
        }
        if piece.indices.len() / 3 == 100 {
            small.push(std::mem::take(&mut piece));
        }
    }
    small.push(piece);
    assert!(
        large.indices.len() / 3 >= BINNED_TRIANGLES,
        "large enough to be sorted"
    );
    let primitives = |meshes: Vec<Mesh>| -> Vec<ClippedPrimitive> {
        meshes
            .into_iter()
            .map(|m| ClippedPrimitive {
                clip_rect: Rect::EVERYTHING,
                primitive: Primitive::Mesh(m),
            })
            .collect()
    };
    let size = [230, 250];
    let banded = rasterise(
        &primitives(vec![large]),
        &Textures::default(),
        size,
        Color32::WHITE,
    );
    let whole = rasterise(
        &primitives(small),
        &Textures::default(),
        size,
        Color32::WHITE,
    );
    assert!(banded.pixels.iter().any(|p| *p != Color32::WHITE));
    assert_eq!(banded.pixels, whole.pixels);
}
