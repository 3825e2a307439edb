//! A frame drawn offscreen, as `frontline screenshot` and `frontline export video` draw them:
//! the egui passes of the whole app at 1280x800 and the CPU rasteriser, on the bundled data
//! and on a synthetic corpus of 1,000 places. Each iteration moves the cursor, as a video's
//! next frame does.
//!
//! Run with `cargo bench --bench offscreen`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::app::offscreen::{Offscreen, Passes};
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::store::{DataSource, Store};
use frontline::synth;

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench_store(c: &mut Criterion, name: &str, store: Store) {
    let (start, end) = store.span().expect("events");
    let mut app = FrontlineApp::new(store, &LaunchOptions::default(), None);
    let mut screen = Offscreen::new(1280, 800);
    let first = std::time::Instant::now();
    let _ = screen.frame(Passes::FIRST, |ui| app.ui(ui));
    eprintln!(
        "{name}: first frame {:.0} ms",
        first.elapsed().as_secs_f64() * 1e3
    );
    let mut i = 0;
    c.bench_function(&format!("offscreen frame 1280x800, {name}"), |b| {
        b.iter(|| {
            i = (i + 1) % 41;
            app.apply([Action::SetCursor(start + (end - start) * i / 40)]);
            screen.frame(Passes::NEXT, |ui| app.ui(ui))
        })
    });
}

fn offscreen(c: &mut Criterion) {
    bench_store(c, "bundled data", frontline::bundled::store());
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("1000");
    synth::write(&dir, &synth::SCALES[0]).expect("synthetic corpus");
    bench_store(c, "1,000 places", Store::load(&DataSource::Dir(dir)));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    targets = offscreen
}
criterion_main!(benches);
