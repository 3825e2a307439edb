//! Searching 10,000 places (30,000 names) as the user types: a prefix, a misspelling, one
//! letter (thousands of matches, the top ten kept), an exact name and an Arabic name.
//!
//! Run with `cargo bench --bench search`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::view::search::SearchIndex;

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const LATIN: [&str; 16] = [
    "ab", "u", "ka", "mal", "qa", "im", "ra", "wa", "deir", "zor", "hu", "say", "bah", "ma", "ya",
    "din",
];
const ARABIC: [&str; 8] = ["ال", "بو", "كم", "ر", "اوة", "قا", "ئم", "دير"];

/// Names made of syllables, each place with a name, an "Al-" alias and an Arabic alias.
fn names() -> Vec<(usize, String)> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut out = Vec::new();
    for place in 0..10_000 {
        let syllables = 2 + next(3);
        let mut name: String = (0..syllables).map(|_| LATIN[next(LATIN.len())]).collect();
        name[..1].make_ascii_uppercase();
        let arabic: String = (0..syllables).map(|_| ARABIC[next(ARABIC.len())]).collect();
        out.push((place, format!("Al-{name}")));
        out.push((place, name));
        out.push((place, arabic));
    }
    out
}

fn bench(c: &mut Criterion) {
    let names = names();
    let mut group = c.benchmark_group("search");
    group.bench_function("index 10000 places", |b| {
        b.iter(|| SearchIndex::from_names(names.iter().map(|(p, n)| (*p, n.as_str()))))
    });
    let index = SearchIndex::from_names(names.iter().map(|(p, n)| (*p, n.as_str())));
    for query in ["abuka", "abu kamel", "a", "Qaimzor", "البوكمال"] {
        group.bench_function(format!("10000 places, {query:?}"), |b| {
            b.iter(|| index.search(black_box(query), 10))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
