//! `frontline state`: every place's control at an instant, as a table or JSON.

use super::*;

#[derive(Serialize)]
struct StateRow<'a> {
    place: &'a str,
    name: &'a str,
    kind: &'a str,
    status: &'static str,
    holder: Option<&'a str>,
    holder_name: Option<&'a str>,
    contested_by: Vec<&'a str>,
    lost_by: Vec<&'a str>,
    since: Option<String>,
    last_reported: Option<String>,
    /// Days since the latest report (0: reported that day).
    days_since_report: Option<i64>,
    sources: usize,
    latitude: f64,
    longitude: f64,
}

pub(super) fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub(super) fn status_word(c: Option<Control>) -> &'static str {
    match c {
        Some(Control::Held(_)) => "held",
        Some(Control::Contested(..)) => "contested",
        Some(Control::Lost(..)) => "lost",
        None => "unknown",
    }
}

pub(super) fn state(
    store: &Store,
    at: NaiveDateTime,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    let states = store.states_at(at);
    if json {
        let rows: Vec<StateRow> = states
            .iter()
            .map(|s| {
                let p = &store.places[s.place];
                let holder = s
                    .control
                    .and_then(Control::holder)
                    .map(|a| &store.actors[a]);
                StateRow {
                    place: &p.id,
                    name: &p.name,
                    kind: p.kind.label(),
                    status: status_word(s.control),
                    holder: holder.map(|a| a.id.as_str()),
                    holder_name: holder.map(|a| a.name.as_str()),
                    contested_by: match s.control {
                        Some(Control::Contested(a, b)) => {
                            vec![&store.actors[a].id, &store.actors[b].id]
                        }
                        _ => Vec::new(),
                    },
                    lost_by: s.control.map_or_else(Vec::new, |c| {
                        c.lost_by()
                            .into_iter()
                            .map(|a| store.actors[a].id.as_str())
                            .collect()
                    }),
                    since: s.since.map(|t| t.date().to_string()),
                    last_reported: s.last_reported.map(|d| d.to_string()),
                    days_since_report: s.age_days(at),
                    sources: s.sources,
                    latitude: p.lat,
                    longitude: p.lon,
                }
            })
            .collect();
        write_json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "State at {} {} ({})",
        long_date(at.date()),
        present::time_of_day(at.time()),
        store.origin
    )?;
    let mut rows = vec![[
        "PLACE".to_owned(),
        "STATUS".to_owned(),
        "SINCE".to_owned(),
        "LAST REPORT".to_owned(),
        "QUOTES".to_owned(),
    ]];
    for s in &states {
        let report = match s.age_days(at) {
            Some(0) => "that day".to_owned(),
            Some(1) => format!("{} (1 day before)", short(s.last_reported)),
            Some(n) => format!("{} ({n} days before)", short(s.last_reported)),
            None => "-".to_owned(),
        };
        rows.push([
            store.places[s.place].name.clone(),
            store.describe(s.control),
            s.since.map_or("-".to_owned(), |t| long_date(t.date())),
            report,
            s.sources.to_string(),
        ]);
    }
    print_table(&rows, out)?;
    Ok(ExitCode::SUCCESS)
}
