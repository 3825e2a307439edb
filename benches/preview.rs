//! The window's frames while an edit's data loads, at 1,000 places, 100,000 events and 10,000
//! articles: the data is loaded on a worker, so a frame meanwhile costs what a frame costs.
//!
//! First one edit is made and frames are drawn 16 ms apart (a 60 Hz display) until its data
//! is shown; the slowest frame, the frame that shows the data, and the edit itself (its files
//! rewritten, on the window's thread) are printed. Then criterion times single frames drawn
//! while a load runs (an undo or a redo starts the next load whenever one ends).
//!
//! Run with `cargo bench --bench preview`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, Visuals, pos2, vec2};
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::store::DataSource;
use frontline::synth;

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZE: egui::Vec2 = vec2(1280.0, 800.0);

/// One frame: the egui pass and tessellation.
fn frame(ctx: &Context, app: &mut FrontlineApp) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), SIZE)),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    out.textures_delta.clear(); // no renderer here
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("synth");
    synth::write(&dir, &synth::Options::scale(1000)).expect("synthetic corpus");
    let source = DataSource::Dir(dir);
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).expect("a data directory");
    let (start, end) = app.store.span().expect("events");
    app.apply([Action::SetCursor(start + (end - start) / 2)]);
    let ctx = Context::default();
    ctx.set_visuals(Visuals::light());
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }

    // One edit, frames at 60 Hz until its data is shown.
    let events = app.store.events.len();
    let made = Instant::now();
    app.apply([Action::DeleteEvent(events / 2)]);
    let edit = made.elapsed();
    assert!(app.session.preview.is_loading(), "the edit's data loads");
    let mut loading = Vec::new();
    let shown_in = loop {
        std::thread::sleep(Duration::from_millis(16));
        let t = Instant::now();
        frame(&ctx, &mut app);
        let took = t.elapsed();
        if !app.session.preview.is_loading() {
            break took;
        }
        loading.push(took);
    };
    let waited = made.elapsed();
    assert_eq!(app.store.events.len(), events - 1, "the edit is shown");
    loading.sort();
    let slowest = loading.last().copied().unwrap_or_default();
    let median = loading.get(loading.len() / 2).copied().unwrap_or_default();

    let mut group = c.benchmark_group("preview");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(6))
        .warm_up_time(Duration::from_secs(1));
    let mut undo = true;
    group.bench_function("frame while an edit loads, 100000 events", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut counted = 0;
            while counted < iters {
                if !app.session.preview.is_loading() {
                    app.apply([if undo { Action::Undo } else { Action::Redo }]);
                    undo = !undo;
                }
                let t = Instant::now();
                black_box(frame(&ctx, &mut app));
                let took = t.elapsed();
                // The frame that shows the loaded data is not a frame while loading.
                if app.session.preview.is_loading() {
                    total += took;
                    counted += 1;
                }
            }
            total
        });
    });
    group.finish();
    println!(
        "\n{events} events: the edit made in {:.1} ms; its data shown after {:.2} s, over {} \
         frames drawn meanwhile (60 Hz): median {:.2} ms, slowest {:.2} ms; the frame that \
         shows it {:.1} ms",
        ms(edit),
        waited.as_secs_f64(),
        loading.len(),
        ms(median),
        ms(slowest),
        ms(shown_in),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
