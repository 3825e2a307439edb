//! ACLED-format CSV rows and the helpers the ACLED tests share.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use frontline::store::{Control, DataSource, Store};

pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// A row in ACLED's 31 columns from the cells that matter.
#[allow(clippy::too_many_arguments)]
pub fn row(
    id: &str,
    date: &str,
    tp: u8,
    sub: &str,
    a1: &str,
    a2: &str,
    loc: &str,
    lat: f64,
    lon: f64,
    notes: &str,
) -> String {
    format!(
        "{id},{date},2017,{tp},Political violence,Battles,{sub},{a1},,State forces,{a2},,Rebel group,12,,760,Middle East,Syria,Deir ez-Zor,Albu Kamal,,{loc},{lat},{lon},1,Reuters,International,{notes},0,,1510000000"
    )
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

pub fn load(path: &Path) -> Store {
    Store::load(&DataSource::Dir(path.to_path_buf()))
}

pub fn day_end(s: &str) -> chrono::NaiveDateTime {
    s.parse::<NaiveDate>()
        .unwrap()
        .and_hms_opt(23, 59, 59)
        .unwrap()
}

pub fn holder_name(store: &Store, place: usize, at: &str) -> Option<String> {
    match store.state_at(place, day_end(at)).control {
        Some(Control::Held(a)) => Some(store.actors[a].name.clone()),
        Some(Control::Contested(a, b)) => Some(format!(
            "{} / {}",
            store.actors[a].name, store.actors[b].name
        )),
        Some(Control::Lost(a, _)) => Some(format!("lost by {}", store.actors[a].name)),
        None => None,
    }
}

pub const SYR: &str = "Military Forces of Syria (2000-)";
pub const IS: &str = "Islamic State (Syria)";

pub fn check(data: &Path, format: &str) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["check", "--format", format, "--data"])
        .arg(data)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}
