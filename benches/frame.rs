//! One frame of the app's CPU work: the egui pass (map with every place and its label,
//! timeline, event feed, control chart, place panel) and tessellation at 1280x800, on
//! synthetic stores of growing size; and, as the floor, the same frame with a bare map (the
//! basemap alone, no markers, no panels).
//!
//! The app's frame has the inferred areas of control on (as by default); "app, no areas" is
//! the same frame without them. With the view at rest the areas come from their texture, as
//! in the app; "app, scrubbing" moves the cursor every frame, so that the areas are computed
//! anew and drawn as meshes. On the largest corpus, "areas" times computing them: the cells
//! (once per data) and the areas at an instant (whenever the states change).
//!
//! Run with `cargo bench --bench frame`. It ends by printing the ratio of the full frame to
//! the bare map.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, Visuals, pos2, vec2};
use frontline::app::map::MapView;
use frontline::app::map::fit::fit;
use frontline::app::{FrontlineApp, LaunchOptions, Shown, View, ViewContext};
use frontline::replay::Replay;
use frontline::store::{DataSource, Store};
use frontline::synth::{self, SCALES as SIZES};
use frontline::view::scene::Scene;

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZE: egui::Vec2 = vec2(1280.0, 800.0);

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), SIZE)),
        ..Default::default()
    }
}

fn context() -> Context {
    let ctx = Context::default();
    ctx.set_visuals(Visuals::light());
    ctx
}

/// One frame: the egui pass and tessellation.
fn frame(ctx: &Context, ui: &mut dyn FnMut(&mut egui::Ui)) -> usize {
    let out = ctx.run_ui(input(), |root| ui(root));
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    prims.len()
}

/// The app on a store, half way through its span, with its busiest place selected, after a
/// few frames so that the view is fitted and text is laid out.
fn app(store: Store) -> (Context, FrontlineApp) {
    let (start, end) = store.span().expect("events");
    let busiest = (0..store.places.len())
        .max_by_key(|&p| store.timeline.place_events(p).count())
        .map(|p| store.places[p].id.clone());
    let options = LaunchOptions {
        at: Some(start + (end - start) / 2),
        select: busiest,
        ..LaunchOptions::default()
    };
    let mut app = FrontlineApp::new(store, &options, None);
    let ctx = context();
    for _ in 0..5 {
        frame(&ctx, &mut |ui| app.ui(ui));
    }
    (ctx, app)
}

/// The bare map: the basemap fitted to the data, with no places, filling the window.
struct Bare {
    map: MapView,
    empty: Store,
    replay: Replay,
    scene: Scene,
    shown: Shown,
}

fn bare_map(store: &Store) -> (Context, Bare) {
    let mut memory = walkers::MapMemory::default();
    fit(&mut memory, store, SIZE);
    let (start, end) = store.span().expect("events");
    let empty = Store::default();
    let mut bare_map = Bare {
        map: MapView::new(Some(memory)),
        scene: Scene::of(&empty, start, None),
        empty,
        replay: Replay::new(start, end),
        shown: Shown::default(),
    };
    let ctx = context();
    for _ in 0..5 {
        frame(&ctx, &mut |ui| bare(ui, &mut bare_map));
    }
    (ctx, bare_map)
}

fn bare(ui: &mut egui::Ui, b: &mut Bare) {
    let view = ViewContext {
        store: &b.empty,
        replay: &b.replay,
        scene: &b.scene,
        shown: &b.shown,
        notice: None,
        edits: &[],
        story: None,
        compared: None,
        dismissed: &[],
        stories: &[],
    };
    egui::CentralPanel::no_frame().show(ui, |ui| b.map.ui(ui, &view, &mut Vec::new()));
}

/// The medians of two frames timed in turn, `n` times each, so that both see the same
/// machine (a shared machine's speed drifts over seconds).
fn medians_of(mut a: impl FnMut(), mut b: impl FnMut(), n: usize) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let t = Instant::now();
        a();
        ta.push(t.elapsed());
        let t = Instant::now();
        b();
        tb.push(t.elapsed());
    }
    ta.sort();
    tb.sort();
    (ta[n / 2], tb[n / 2])
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    {
        let (ctx, mut app) = app(frontline::bundled::store());
        group.bench_function("bundled", |b| {
            b.iter(|| black_box(frame(&ctx, &mut |ui| app.ui(ui))));
        });
    }
    let mut ratios = Vec::new();
    let mut texture_waits = None;
    // ACLED-sized: ten thousand places (markers clustered), twenty events each.
    let large = synth::Options {
        places: 10_000,
        events: 200_000,
        articles: 20_000,
        seed: 1,
    };
    for o in SIZES.iter().chain([&large]) {
        let dir = tmp.path().join(format!("synth-{}", o.events));
        synth::write(&dir, o).expect("synthetic corpus");
        let store = Store::load(&DataSource::Dir(dir));
        let (bare_ctx, mut bare_map) = bare_map(&store);
        let (ctx, mut app) = app(store);
        let label = format!("{}p-{}e", o.places, o.events);
        group.bench_with_input(BenchmarkId::new("app", &label), &(), |b, _| {
            b.iter(|| black_box(frame(&ctx, &mut |ui| app.ui(ui))));
        });
        if o.places >= 1000 {
            app.shown.areas = false;
            frame(&ctx, &mut |ui| app.ui(ui));
            group.bench_with_input(BenchmarkId::new("app, no areas", &label), &(), |b, _| {
                b.iter(|| black_box(frame(&ctx, &mut |ui| app.ui(ui))));
            });
            app.shown.areas = true;
            frame(&ctx, &mut |ui| app.ui(ui));
        }
        if o.places >= 10_000 {
            areas(&mut group, &app.store, app.replay.cursor, &label);
        }
        if o.places >= 1000 {
            group.bench_with_input(BenchmarkId::new("bare map", &label), &(), |b, _| {
                b.iter(|| black_box(frame(&bare_ctx, &mut |ui| bare(ui, &mut bare_map))));
            });
            let (full, floor) = medians_of(
                || _ = frame(&ctx, &mut |ui| app.ui(ui)),
                || _ = frame(&bare_ctx, &mut |ui| bare(ui, &mut bare_map)),
                500,
            );
            ratios.push((o.places, full, floor));
            if o.places >= 10_000 {
                texture_waits = Some((o.places, texture_wait(&ctx, &mut app)));
            }
            // Scrubbing: the cursor moves every frame, so every place's state, the markers
            // and the labels are computed anew (nothing is reused from the frame before).
            let (span_start, span_end) = (app.replay.start, app.replay.end);
            let step = (span_end - span_start) / 500;
            group.bench_with_input(BenchmarkId::new("app, scrubbing", &label), &(), |b, _| {
                b.iter(|| {
                    let next = app.replay.cursor + step;
                    app.replay.cursor = if next > span_end { span_start } else { next };
                    black_box(frame(&ctx, &mut |ui| app.ui(ui)))
                });
            });
        }
    }
    group.finish();
    if let Some((places, waits)) = texture_waits {
        println!(
            "\nareas' texture with {places} places, from the first frame at rest to the first \
             frame that draws it (drawn on another thread; 5 changes): {}",
            waits
                .iter()
                .map(|w: &Duration| format!("{:.1} ms", w.as_secs_f64() * 1e3))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for (places, full, floor) in ratios {
        println!(
            "\nframe with {places} places: {:.2} ms; bare map: {:.2} ms; ratio {:.2}",
            full.as_secs_f64() * 1e3,
            floor.as_secs_f64() * 1e3,
            full.as_secs_f64() / floor.as_secs_f64()
        );
    }
}

/// How long the areas' texture takes to come after the areas change, five times: the cursor
/// moves (a frame draws the new areas as meshes), the view rests, and frames are drawn a
/// millisecond apart until one draws the texture.
fn texture_wait(ctx: &Context, app: &mut FrontlineApp) -> Vec<Duration> {
    let (start, end) = (app.replay.start, app.replay.end);
    let before = app.replay.cursor;
    let draws_texture = |ctx: &Context, app: &mut FrontlineApp| {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        let areas: Vec<egui::TextureId> = ctx
            .tex_manager()
            .read()
            .allocated()
            .filter(|(_, meta)| meta.name == "areas")
            .map(|(id, _)| *id)
            .collect();
        ctx.tessellate(out.shapes, out.pixels_per_point)
            .iter()
            .any(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => areas.contains(&m.texture_id),
                _ => false,
            })
    };
    let waits = (1..=5)
        .map(|k| {
            app.replay.cursor = start + (end - start) * k / 7;
            frame(ctx, &mut |ui| app.ui(ui));
            let t = Instant::now();
            while !draws_texture(ctx, app) && t.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(1));
            }
            t.elapsed()
        })
        .collect();
    app.replay.cursor = before;
    frame(ctx, &mut |ui| app.ui(ui));
    waits
}

/// Computing the areas: the cells of the places (once per data), and the areas at an instant
/// from the places' states (whenever they change; the states themselves are not counted).
fn areas(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    store: &Store,
    at: chrono::NaiveDateTime,
    label: &str,
) {
    use frontline::view::areas::{AreaSettings, Areas, Cells};
    let settings = AreaSettings::default();
    group.bench_with_input(BenchmarkId::new("areas: cells", label), &(), |b, _| {
        b.iter(|| black_box(Cells::of(&store.places, &settings)));
    });
    let cells = Cells::of(&store.places, &settings);
    let states = store.states_at(at);
    group.bench_with_input(
        BenchmarkId::new("areas: at an instant", label),
        &(),
        |b, _| {
            b.iter(|| black_box(Areas::at(&cells, &states, at, &settings, |_| true)));
        },
    );
    let areas = Areas::at(&cells, &states, at, &settings, |_| true);
    group.bench_with_input(
        BenchmarkId::new("areas: merged for export", label),
        &(),
        |b, _| {
            b.iter(|| {
                for key in areas.keys() {
                    black_box(areas.merged(&cells, key));
                }
            });
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
