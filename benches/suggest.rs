//! The annotation assistant on a 5,000-word article (the bundled articles over and over, with
//! an Arabic paragraph): `suggest` must stay under 50 ms. The assistant is built once, as the
//! reader and `frontline suggest` build it, and the reading is timed on its own.
//!
//! Run with `cargo bench --bench suggest`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use frontline::assist::Assistant;

/// The app's allocator, so that the numbers are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An Arabic paragraph written for this bench, with the constructions the assistant reads.
const ARABIC: &str = "سيطرت القوات العراقية يوم الجمعة على بلدة راوة بعد معارك مع تنظيم داعش. \
وما يزال التنظيم يسيطر على بلدتي هجين والعشارة شمال البوكمال.";

fn article(store: &frontline::store::Store) -> String {
    let mut text = String::new();
    while text.split_whitespace().count() < 5_000 {
        for a in &store.articles {
            text.push_str(&a.text);
            text.push_str("\n\n");
        }
        text.push_str(ARABIC);
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let store = frontline::bundled::store();
    let assistant = Assistant::new(&store);
    let text = article(&store);
    let day = NaiveDate::from_ymd_opt(2017, 11, 12).expect("a valid date");
    c.bench_function("suggest on 5,000 words", |b| {
        b.iter(|| black_box(assistant.suggest(black_box(&text), day)))
    });
    c.bench_function("mentions on 5,000 words", |b| {
        b.iter(|| black_box(assistant.mentions(black_box(&text), day)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
