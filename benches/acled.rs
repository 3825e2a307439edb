//! Loading and validating an ACLED-format CSV file. The file (a region's worth of rows: a
//! quarter change control, the rest is other activity) is written once into a temp dir,
//! outside the timing. `ACLED_BENCH_ROWS` sets its size (default 100,000).

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::store::{DataSource, Store};

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// `rows` rows over 2,000 locations and ten years, the same every run.
pub fn acled_csv(rows: usize) -> String {
    let actors = [
        "Military Forces of Syria (2000-)",
        "Islamic State (Syria)",
        "SDF: Syrian Democratic Forces",
        "Opposition Rebels (Syria)",
    ];
    let mut s = String::with_capacity(rows * 420);
    s.push_str(HEADER);
    let start = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    for i in 0..rows {
        let town = (i * 7919) % 2000;
        let date = start + chrono::Duration::days((i * 3650 / rows.max(1)) as i64);
        let (a1, a2) = (actors[i % 4], actors[(i / 4 + 1) % 4]);
        let a2 = if a1 == a2 { actors[(i + 2) % 4] } else { a2 };
        let sub = match i % 8 {
            0 => "Government regains territory",
            4 => "Non-state actor overtakes territory",
            _ => "Armed clash",
        };
        let (lat, lon) = (
            32.5 + (town / 50) as f64 * 0.1,
            36.0 + (town % 50) as f64 * 0.1,
        );
        let _ = write!(
            s,
            "\nSYR{i},{date},{},1,Political violence,Battles,{sub},{a1},,State forces,{a2},,Rebel group,12,,760,Middle East,Syria,Deir ez-Zor,Albu Kamal,,Town {town},{lat:.4},{lon:.4},1,Syrian Observatory for Human Rights,National,\"On {date}, {a1} fought {a2} in and around Town {town}, and reportedly took control of several neighbourhoods after heavy shelling. Casualties unknown.\",0,,1700000000",
            date.format("%Y")
        );
    }
    s
}

fn bench(c: &mut Criterion) {
    let rows: usize = std::env::var("ACLED_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir().expect("a temp dir");
    let path = tmp.path().join("region.csv");
    std::fs::write(&path, acled_csv(rows)).expect("the file is written");
    let source = DataSource::Dir(path);
    let mut g = c.benchmark_group("acled");
    g.sample_size(10);
    g.bench_function(format!("load and validate {rows} rows"), |b| {
        b.iter(|| {
            let store = Store::load(&source);
            assert_eq!(store.diagnostics.error_count(), 0);
            store
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
