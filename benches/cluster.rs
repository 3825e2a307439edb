//! Clustering the markers of one screen: 10,000 markers on a 1280×800 map, scattered evenly
//! and strung along river-like lines (as real places are), with an 18-pixel radius.
//!
//! Run with `cargo bench --bench cluster`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::synth::Rng;
use frontline::view::cluster::{Marker, cluster, split_zoom_steps};

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn even(n: usize) -> Vec<Marker<Option<usize>>> {
    let mut rng = Rng::new(1);
    (0..n)
        .map(|_| Marker {
            pos: [rng.unit() as f32 * 1280.0, rng.unit() as f32 * 800.0],
            holder: [None, Some(0), Some(1), Some(2), Some(3)][rng.below(5)],
        })
        .collect()
}

/// Markers along six wavy lines across the screen, a few pixels either side.
fn along_rivers(n: usize) -> Vec<Marker<Option<usize>>> {
    let mut rng = Rng::new(2);
    (0..n)
        .map(|i| {
            let river = (i % 6) as f32;
            let t = rng.unit() as f32;
            let x = t * 1280.0;
            let y = 80.0
                + river * 120.0
                + 40.0 * (t * 9.0 + river).sin()
                + (rng.unit() as f32 - 0.5) * 16.0;
            Marker {
                pos: [x, y],
                holder: [None, Some(0), Some(1), Some(2)][rng.below(4)],
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("cluster");
    for (name, markers) in [
        ("10000 markers, even", even(10_000)),
        ("10000 markers, along rivers", along_rivers(10_000)),
    ] {
        group.bench_function(name, |b| b.iter(|| cluster(black_box(&markers), 18.0)));
    }
    let dense: Vec<[f32; 2]> = along_rivers(1_000).iter().map(|m| m.pos).collect();
    group.bench_function("split zoom of a 1000-member cluster", |b| {
        b.iter(|| split_zoom_steps(black_box(&dense), 18.0))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
