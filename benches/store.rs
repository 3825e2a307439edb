//! The store at scale: load and validate the bundled data and synthetic corpora of growing
//! size, `check` on a hundred thousand events (load, the checks in time with the disputes and
//! uncertain windows they find, and the report), the state of every place at one instant, and
//! a scrub over a thousand instants.
//!
//! Run with `cargo bench --bench store`. The synthetic corpora are written once per run to a
//! temporary directory, outside the timing.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use frontline::store::{DataSource, Store};
use frontline::synth::{self, Options, SCALES as SIZES};

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus(tmp: &tempfile::TempDir, o: &Options) -> PathBuf {
    let dir = tmp.path().join(format!("synth-{}", o.events));
    if !dir.exists() {
        synth::write(&dir, o).expect("synthetic corpus");
    }
    dir
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temporary directory");

    // Loads are timed without dropping the store they return (a hundred thousand events are
    // freed in a tenth of a second, which is not loading).
    let mut load = c.benchmark_group("load");
    load.sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    load.bench_function("bundled", |b| {
        b.iter_with_large_drop(frontline::bundled::store);
    });
    for o in SIZES.iter().rev() {
        let dir = corpus(&tmp, o);
        let store = Store::load(&DataSource::Dir(dir.clone()));
        assert_eq!(store.diagnostics.error_count(), 0, "the corpus is valid");
        drop(store);
        load.bench_with_input(
            BenchmarkId::new("synthetic", format!("{}p-{}e", o.places, o.events)),
            &dir,
            |b, dir| b.iter_with_large_drop(|| Store::load(&DataSource::Dir(dir.clone()))),
        );
    }
    load.finish();

    // What `frontline check` does: load and check, then write the problems, the notes (one
    // per dispute and uncertain window) and the summary.
    let mut check = c.benchmark_group("check");
    check
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    let dir = corpus(&tmp, &SIZES[0]);
    check.bench_function(format!("synthetic {} events", SIZES[0].events), |b| {
        b.iter_with_large_drop(|| {
            let store = Store::load(&DataSource::Dir(dir.clone()));
            let report = store.diagnostics.render();
            let summary = frontline::present::summary(&store);
            black_box((report.len(), summary.len()));
            store
        })
    });
    check.finish();

    let big = Store::load(&DataSource::Dir(corpus(&tmp, &SIZES[0])));
    let (start, end) = big.span().expect("events");
    let mid = start + (end - start) / 2;
    let mut state = c.benchmark_group("state");
    state
        .sample_size(50)
        .measurement_time(Duration::from_secs(3));
    state.bench_function("all 1000 places at one instant", |b| {
        b.iter(|| black_box(big.states_at(black_box(mid))));
    });
    let bundled = frontline::bundled::store();
    let (bs, be) = bundled.span().expect("events");
    state.bench_function("bundled: all places at one instant", |b| {
        b.iter(|| black_box(bundled.states_at(black_box(bs + (be - bs) / 2))));
    });
    state.finish();

    let mut scrub = c.benchmark_group("scrub");
    scrub
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    scrub.bench_function("1000 instants x 1000 places", |b| {
        let step = (end - start) / 1000;
        b.iter(|| {
            let mut known = 0;
            for i in 0..1000 {
                let states = big.states_at(start + step * i);
                known += states.iter().filter(|s| s.control.is_some()).count();
            }
            black_box(known)
        });
    });
    scrub.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
