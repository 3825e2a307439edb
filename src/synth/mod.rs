//! A synthetic corpus for measuring: `frontline synth` writes a data directory in the
//! project's own format (actors, places, articles with their text, events citing verbatim
//! quotes) of any size, deterministic for a seed. It is what the benchmarks load.
//!
//! Places are strung along the Tigris and the Euphrates of the bundled basemap and along
//! made-up tributaries; a handful of made-up actors each hold a home region, so that the map
//! shows plausible zones of control. Each place's events form a consistent history (a report
//! confirms the state, a capture changes it, forces entering make it contested), at distinct
//! instants, and every claim is quoted from one to three articles dated on or after it.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};

use crate::store::dates::resolve_phrase;
use crate::store::names::match_key;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub places: usize,
    pub events: usize,
    pub articles: usize,
    pub seed: u64,
}

/// The sizes the benchmarks measure: the full size (1,000 places, 100,000 events, 10,000
/// articles) and ten, a hundred and a thousand times fewer of each.
pub const SCALES: [Options; 4] = [
    Options::scale(1000),
    Options::scale(100),
    Options::scale(10),
    Options::scale(1),
];

impl Options {
    /// `places` places with a hundred events each and one article for every ten events.
    pub const fn scale(places: usize) -> Options {
        Options {
            places,
            events: places * 100,
            articles: places * 10,
            seed: 1,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub places: usize,
    pub events: usize,
    pub articles: usize,
    pub quotes: usize,
    pub days: u64,
}

/// The files of a data directory: relative path and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    pub files: Vec<(String, String)>,
    pub summary: Summary,
}

/// Events per file under `events/`.
const EVENTS_PER_FILE: usize = 1000;
/// The first day of the synthetic war.
const START: (i32, u32, u32) = (2014, 1, 1);

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1A4_F87B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// An index drawn with the given weights (not all zero).
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct values of `0..n`, sorted (k <= n).
    fn distinct_sorted(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = if k * 2 <= n {
            // Floyd's algorithm.
            let mut chosen = HashSet::with_capacity(k);
            let mut out = Vec::with_capacity(k);
            for j in n - k..n {
                let t = self.below(j + 1);
                let v = if chosen.contains(&t) { j } else { t };
                chosen.insert(v);
                out.push(v);
            }
            out
        } else {
            let mut all: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = i + self.below(n - i);
                all.swap(i, j);
            }
            all.truncate(k);
            all
        };
        out.sort_unstable();
        out
    }
}

struct ActorDef {
    id: &'static str,
    name: &'static str,
    short: &'static str,
    colour: &'static str,
    /// The forces' name in sentences.
    forces: &'static str,
    /// Where its home region is (lon, lat).
    home: (f64, f64),
}

const ACTORS: [ActorDef; 6] = [
    ActorDef {
        id: "national_army",
        name: "National Army",
        short: "NA",
        colour: "#d62020",
        forces: "National Army troops",
        home: (38.0, 34.5),
    },
    ActorDef {
        id: "northern_front",
        name: "Northern Front",
        short: "NF",
        colour: "#1a1a1a",
        forces: "Northern Front fighters",
        home: (40.5, 35.2),
    },
    ActorDef {
        id: "river_alliance",
        name: "River Alliance",
        short: "RA",
        colour: "#e8c21a",
        forces: "River Alliance units",
        home: (40.0, 36.6),
    },
    ActorDef {
        id: "free_brigades",
        name: "Free Brigades",
        short: "FB",
        colour: "#2e9e3e",
        forces: "Free Brigades militiamen",
        home: (37.4, 36.4),
    },
    ActorDef {
        id: "eastern_guard",
        name: "Eastern Guard",
        short: "EG",
        colour: "#1f5fd0",
        forces: "Eastern Guard forces",
        home: (43.8, 33.6),
    },
    ActorDef {
        id: "tribal_council",
        name: "Tribal Council",
        short: "TC",
        colour: "#8a4fbf",
        forces: "Tribal Council fighters",
        home: (42.0, 34.3),
    },
];

const NAME_PREFIXES: [&str; 14] = [
    "Tal", "Abu", "Deir", "Ain", "Khirbet", "Ras", "Jisr", "Kafr", "Beit", "Umm", "Al", "Hamam",
    "Qasr", "Bir",
];
const NAME_ONSETS: [&str; 16] = [
    "b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z",
];
const NAME_VOWELS: [&str; 7] = ["a", "a", "i", "u", "ai", "aa", "ei"];
const NAME_CODAS: [&str; 10] = ["", "", "r", "n", "m", "l", "d", "b", "k", "s"];
const OUTLETS: [&str; 6] = [
    "Valley Wire",
    "Frontier Press",
    "Levant Monitor",
    "Desert Observer",
    "Two Rivers News",
    "Northern Dispatch",
];
const ATTRIBUTIONS: [&str; 6] = [
    ", a local monitor said.",
    ", according to residents.",
    ", officials said.",
    ", a spokesman told reporters.",
    ".",
    ", witnesses said.",
];
const FILLER: [&str; 12] = [
    "Residents described heavy shelling through the night.",
    "Aid groups said roads in the area remained closed.",
    "The claims could not be independently verified.",
    "Several families were reported to have fled towards the river.",
    "Mortar fire was heard across the valley in the afternoon.",
    "A spokesman for the local council declined to comment.",
    "Power and water supplies have been cut for days.",
    "Both sides have reported heavy losses in recent weeks.",
    "Checkpoints on the main road changed hands several times.",
    "Drones were seen over the area before dawn.",
    "Humanitarian workers warned of shortages of bread and fuel.",
    "The fighting follows weeks of relative calm along the front.",
];

/// A place being generated.
struct SynthPlace {
    id: String,
    name: String,
    kind: &'static str,
    lon: f64,
    lat: f64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctrl {
    Held(usize),
    Contested(usize, usize),
}

struct SynthEvent {
    place: usize,
    /// Day index from the start, and hour when the place has several events a day.
    day: u64,
    hour: Option<u32>,
    kind: &'static str,
    from: Option<Ctrl>,
    to: Ctrl,
    inferred: bool,
    /// (article, quote text, date phrase, prefix) per source.
    sources: Vec<(usize, String, Option<String>, Option<String>)>,
}

/// River lines (lon, lat) from the bundled basemap, plus made-up tributaries.
fn river_lines(rng: &mut Rng, tributaries: usize) -> Vec<Vec<(f64, f64)>> {
    let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
    let layer = crate::bundled::basemap_layer("rivers.geojson")
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok());
    let coords = |v: &serde_json::Value| -> Vec<(f64, f64)> {
        v.as_array()
            .map(|pts| {
                pts.iter()
                    .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(features) = layer
        .as_ref()
        .and_then(|v| v.get("features"))
        .and_then(|f| f.as_array())
    {
        for f in features {
            let g = &f["geometry"];
            match g["type"].as_str() {
                Some("LineString") => lines.push(coords(&g["coordinates"])),
                Some("MultiLineString") => {
                    if let Some(ls) = g["coordinates"].as_array() {
                        lines.extend(ls.iter().map(coords));
                    }
                }
                _ => {}
            }
        }
    }
    lines.retain(|l| l.len() >= 2);
    if lines.is_empty() {
        // No basemap: one made-up river across the region.
        lines.push(
            (0..60)
                .map(|i| (37.5 + i as f64 * 0.12, 36.5 - i as f64 * 0.06))
                .collect(),
        );
    }
    // Tributaries: random walks that end on a point of a main river.
    let main = lines.clone();
    for _ in 0..tributaries {
        let river = rng.pick(&main);
        let mouth = *rng.pick(river);
        let mut heading = rng.unit() * std::f64::consts::TAU;
        let steps = 15 + rng.below(30);
        let mut p = mouth;
        let mut line = vec![p];
        for _ in 0..steps {
            heading += (rng.unit() - 0.5) * 0.6;
            p = (p.0 + heading.cos() * 0.06, p.1 + heading.sin() * 0.05);
            if !(37.0..=45.0).contains(&p.0) || !(32.0..=38.0).contains(&p.1) {
                break;
            }
            line.push(p);
        }
        if line.len() >= 2 {
            line.reverse();
            lines.push(line);
        }
    }
    lines
}

fn segment_lengths(line: &[(f64, f64)]) -> Vec<f64> {
    line.windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .collect()
}

fn place_name(rng: &mut Rng) -> String {
    let mut root = String::new();
    let syllables = 1 + rng.below(2);
    for _ in 0..syllables {
        root.push_str(rng.word(&NAME_ONSETS));
        root.push_str(rng.word(&NAME_VOWELS));
    }
    root.push_str(rng.word(&NAME_CODAS));
    let mut chars = root.chars();
    let root: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    if rng.chance(0.7) {
        let prefix = rng.word(&NAME_PREFIXES);
        if prefix == "Al" {
            format!("Al-{root}")
        } else {
            format!("{prefix} {root}")
        }
    } else {
        root
    }
}

fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('_') {
            s.push('_');
        }
    }
    s.trim_matches('_').to_owned()
}

fn places(rng: &mut Rng, n: usize) -> Vec<SynthPlace> {
    let lines = river_lines(rng, (n / 60).clamp(2, 40));
    let lengths: Vec<Vec<f64>> = lines.iter().map(|l| segment_lengths(l)).collect();
    let totals: Vec<f64> = lengths.iter().map(|l| l.iter().sum()).collect();
    let mut keys = HashSet::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let r = rng.weighted(&totals);
        // A point along the line, pushed off it a little.
        let mut at = rng.unit() * totals[r];
        let mut seg = 0;
        while seg + 1 < lengths[r].len() && at > lengths[r][seg] {
            at -= lengths[r][seg];
            seg += 1;
        }
        let (a, b) = (lines[r][seg], lines[r][seg + 1]);
        let f = if lengths[r][seg] > 0.0 {
            (at / lengths[r][seg]).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let off = (rng.unit() - 0.5) * 0.08;
        let len = lengths[r][seg].max(1e-9);
        let (nx, ny) = (-(b.1 - a.1) / len, (b.0 - a.0) / len);
        let lon = (a.0 + (b.0 - a.0) * f + nx * off).clamp(-180.0, 180.0);
        let lat = (a.1 + (b.1 - a.1) * f + ny * off).clamp(-90.0, 90.0);
        let kind = match rng.below(100) {
            0..=3 => "city",
            4..=23 => "town",
            24..=27 => "border_crossing",
            _ => "village",
        };
        let mut name = place_name(rng);
        let mut tries = 0;
        while keys.contains(&match_key(&name)) {
            tries += 1;
            name = if tries < 8 {
                place_name(rng)
            } else {
                format!("{} {}", place_name(rng), i)
            };
        }
        keys.insert(match_key(&name));
        if kind == "border_crossing" {
            name.push_str(" crossing");
            keys.insert(match_key(&name));
        }
        out.push(SynthPlace {
            id: format!("{}_{i}", slug(&name)),
            name,
            kind,
            lon: (lon * 1e5).round() / 1e5,
            lat: (lat * 1e5).round() / 1e5,
        });
    }
    out
}

/// How likely each actor is to hold or attack a place: strongest near its home region.
fn actor_weights(p: &SynthPlace) -> Vec<f64> {
    ACTORS
        .iter()
        .map(|a| {
            let d = ((p.lon - a.home.0).powi(2) + (p.lat - a.home.1).powi(2)).sqrt();
            (-d / 1.2).exp() + 0.01
        })
        .collect()
}

fn other_actor(rng: &mut Rng, weights: &[f64], not: &[usize]) -> usize {
    let w: Vec<f64> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| if not.contains(&i) { 0.0 } else { *w })
        .collect();
    rng.weighted(&w)
}

/// A place's history: `count` events at distinct instants, each consistent with the last.
fn history(
    rng: &mut Rng,
    place: usize,
    p: &SynthPlace,
    count: usize,
    days: u64,
) -> Vec<SynthEvent> {
    if count == 0 {
        return Vec::new();
    }
    let hourly = count as u64 > days;
    let slots = if hourly { days * 24 } else { days };
    let times = rng.distinct_sorted(count, slots as usize);
    let weights = actor_weights(p);
    let mut out = Vec::with_capacity(count);
    let mut current: Option<Ctrl> = None;
    let mut previous_holder: Option<usize> = None;
    for t in times {
        let (day, hour) = if hourly {
            (t as u64 / 24, Some((t % 24) as u32))
        } else {
            (t as u64, None)
        };
        let (kind, from, to) = match current {
            None => {
                let a = rng.weighted(&weights);
                let kind = if rng.chance(0.5) { "report" } else { "capture" };
                (kind, None, Ctrl::Held(a))
            }
            Some(c) if rng.chance(0.45) => ("report", None, c),
            Some(Ctrl::Held(a)) => {
                let b = other_actor(rng, &weights, &[a]);
                let roll = rng.unit();
                if roll < 0.3 {
                    ("entered", Some(Ctrl::Held(a)), Ctrl::Contested(a, b))
                } else if roll < 0.9 {
                    let kind = if previous_holder == Some(b) {
                        "recapture"
                    } else {
                        "capture"
                    };
                    (kind, Some(Ctrl::Held(a)), Ctrl::Held(b))
                } else {
                    ("withdrawal", Some(Ctrl::Held(a)), Ctrl::Held(b))
                }
            }
            Some(Ctrl::Contested(a, b)) => {
                // `a` held it before forces entered: it holds on and declares victory, or
                // `b` takes it.
                let w = if rng.chance(0.5) { a } else { b };
                let kind = if w == a || rng.chance(0.2) {
                    "declared"
                } else if Some(w) == previous_holder {
                    "recapture"
                } else {
                    "capture"
                };
                (kind, Some(Ctrl::Contested(a, b)), Ctrl::Held(w))
            }
        };
        if let (Some(Ctrl::Held(a)), Ctrl::Held(b)) = (current, to)
            && a != b
        {
            previous_holder = Some(a);
        }
        current = Some(to);
        out.push(SynthEvent {
            place,
            day,
            hour,
            kind,
            from,
            to,
            inferred: rng.chance(0.04),
            sources: Vec::new(),
        });
    }
    out
}

fn day_of(start: NaiveDate, day: u64) -> NaiveDate {
    start.checked_add_days(Days::new(day)).expect("in range")
}

/// A phrase that dates `event` in an article of `article`, checked against the resolver that
/// validates it.
fn date_phrase(rng: &mut Rng, event: NaiveDate, article: NaiveDate) -> (String, bool) {
    let delta = (article - event).num_days();
    let weekday = event.format("%A").to_string();
    let phrase = match delta {
        0 if rng.chance(0.5) => "today".to_owned(),
        1 if rng.chance(0.5) => "yesterday".to_owned(),
        0..=6 => format!("on {weekday}"),
        7 => format!("last {weekday}"),
        _ => format!("on {} {}", event.day(), event.format("%B %Y")),
    };
    let checked = resolve_phrase(&phrase, article).is_some_and(|r| r.contains(event));
    (phrase, checked)
}

fn sentence(rng: &mut Rng, ev: &SynthEvent, place: &str, when: &str) -> String {
    let f = |a: usize| ACTORS[a].forces;
    let n = |a: usize| ACTORS[a].name;
    match (ev.kind, ev.from, ev.to) {
        ("report", _, Ctrl::Held(a)) => match rng.below(3) {
            0 => format!("{place} was still held by the {} {when}", n(a)),
            1 => format!("{} remained in control of {place} {when}", f(a)),
            _ => format!("the {} kept its hold on {place} {when}", n(a)),
        },
        ("report", _, Ctrl::Contested(a, b)) => format!(
            "fighting between the {} and the {} went on in {place} {when}",
            n(a),
            n(b)
        ),
        ("entered", _, Ctrl::Contested(a, b)) => {
            // `a` held it; `b` came in.
            match rng.below(2) {
                0 => format!(
                    "{} entered {place} {when}, where the {} was still fighting",
                    f(b),
                    n(a)
                ),
                _ => format!(
                    "clashes between the {} and the {} broke out inside {place} {when}",
                    n(a),
                    n(b)
                ),
            }
        }
        ("declared", _, Ctrl::Held(w)) => {
            format!("the {} declared victory in {place} {when}", n(w))
        }
        ("withdrawal", Some(Ctrl::Held(a)), Ctrl::Held(b)) => format!(
            "the {} withdrew from {place} {when}, leaving it to the {}",
            n(a),
            n(b)
        ),
        ("recapture", _, Ctrl::Held(b)) => match rng.below(2) {
            0 => format!("{} recaptured {place} {when}", f(b)),
            _ => format!("{} retook {place} {when}", f(b)),
        },
        (_, from, Ctrl::Held(b)) => match (rng.below(3), from) {
            (0, Some(Ctrl::Held(a))) => {
                format!("{} captured {place} from the {} {when}", f(b), n(a))
            }
            (1, _) => format!("{place} fell to the {} {when}", n(b)),
            _ => format!("{} took control of {place} {when}", f(b)),
        },
        (_, _, Ctrl::Contested(a, b)) => format!(
            "{place} was contested between the {} and the {} {when}",
            n(a),
            n(b)
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn control_toml(c: Ctrl) -> String {
    match c {
        Ctrl::Held(a) => q(ACTORS[a].id),
        Ctrl::Contested(a, b) => format!("[{}, {}]", q(ACTORS[a].id), q(ACTORS[b].id)),
    }
}

/// Generates a corpus in memory.
pub fn generate(opts: &Options) -> Result<Corpus, String> {
    if opts.places == 0 {
        return Err("--places must be at least 1".into());
    }
    if opts.articles == 0 {
        return Err("--articles must be at least 1".into());
    }
    let mut rng = Rng::new(opts.seed);
    let start = NaiveDate::from_ymd_opt(START.0, START.1, START.2).expect("valid");
    let days = (opts.events as u64 * 4)
        .div_ceil(opts.places as u64)
        .clamp(60, 3650);
    let places = places(&mut rng, opts.places);

    // How many events each place gets: cities more than villages.
    let weights: Vec<f64> = places
        .iter()
        .map(|p| match p.kind {
            "city" => 4.0,
            "town" => 2.0,
            "border_crossing" => 1.5,
            _ => 1.0,
        })
        .collect();
    let mut counts = vec![0usize; places.len()];
    let cap = (days * 24) as usize;
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cumulative.push(acc);
    }
    let mut assigned = 0;
    let mut guard = 0usize;
    while assigned < opts.events {
        let x = rng.unit();
        let p = cumulative
            .partition_point(|c| *c <= x)
            .min(places.len() - 1);
        if counts[p] < cap {
            counts[p] += 1;
            assigned += 1;
        }
        guard += 1;
        if guard > opts.events * 20 + 1000 {
            return Err(format!(
                "too many events for {} places: at most {} per place",
                places.len(),
                cap
            ));
        }
    }
    let mut events: Vec<SynthEvent> = Vec::with_capacity(opts.events);
    for (i, p) in places.iter().enumerate() {
        events.extend(history(&mut rng, i, p, counts[i], days));
    }
    events.sort_by_key(|e| (e.day, e.hour, e.place));

    // Articles, dated evenly over the span, the first on the first day and the last on the
    // last, so that every event has an article on or after its day.
    let k = opts.articles;
    let article_day: Vec<u64> = (0..k)
        .map(|j| {
            if k == 1 {
                days - 1
            } else {
                (j as u64 * (days - 1)) / (k as u64 - 1)
            }
        })
        .collect();
    // Each claim is cited by one to three articles from the week after it.
    let mut per_article: Vec<Vec<(usize, usize)>> = vec![Vec::new(); k];
    for (e, ev) in events.iter_mut().enumerate() {
        let lo = article_day.partition_point(|d| *d < ev.day);
        let hi = article_day
            .partition_point(|d| *d <= ev.day + 7)
            .max(lo + 1)
            .min(k);
        let want = match rng.below(100) {
            0..=69 => 1,
            70..=91 => 2,
            _ => 3,
        }
        .min(hi - lo);
        let chosen = rng.distinct_sorted(want, hi - lo);
        let event_date = day_of(start, ev.day);
        let place = &places[ev.place].name;
        for c in chosen {
            let a = lo + c;
            let article_date = day_of(start, article_day[a]);
            let (mut when, checked) = date_phrase(&mut rng, event_date, article_date);
            let phrase = checked.then(|| when.clone());
            if let Some(h) = ev.hour {
                when = format!("at {h:02}:00 {when}");
            }
            let text = sentence(&mut rng, ev, place, &when);
            per_article[a].push((e, ev.sources.len()));
            ev.sources.push((a, text, phrase, None));
        }
    }

    // Article texts.
    let mut article_files: Vec<(String, String)> = Vec::with_capacity(k);
    let mut titles: Vec<String> = Vec::with_capacity(k);
    let mut outlets: Vec<&str> = Vec::with_capacity(k);
    for (a, cited) in per_article.iter().enumerate() {
        let date = day_of(start, article_day[a]);
        let outlet = rng.word(&OUTLETS);
        let (title, dateline) = match cited.first() {
            Some(&(e, _)) => {
                let ev = &events[e];
                let p = &places[ev.place].name;
                let verb = match ev.kind {
                    "report" => "holds",
                    "entered" => "fights for",
                    _ => "takes",
                };
                let who = match ev.to {
                    Ctrl::Held(x) | Ctrl::Contested(x, _) => ACTORS[x].name,
                };
                (format!("{who} {verb} {p}"), p.to_uppercase())
            }
            None => ("Calm along the rivers".to_owned(), "DAMASCUS".to_owned()),
        };
        let mut text = String::with_capacity(200 + cited.len() * 200);
        let _ = write!(
            text,
            "{title}\n\n{outlet} · {}\n\n{dateline} — ",
            date.format("%A %-d %B %Y")
        );
        let mut spans = Vec::with_capacity(cited.len());
        for (i, &(e, s)) in cited.iter().enumerate() {
            if i > 0 && rng.chance(0.4) {
                text.push_str("\n\n");
            } else if i > 0 {
                text.push(' ');
            }
            let quote = &events[e].sources[s].1;
            let sentence = capitalise(quote);
            // The quote is the sentence as written (capitalised at the start of one).
            let start_byte = text.len();
            text.push_str(&sentence);
            spans.push((e, s, start_byte, sentence.clone()));
            text.push_str(rng.word(&ATTRIBUTIONS));
            if rng.chance(0.5) {
                text.push(' ');
                text.push_str(rng.word(&FILLER));
            }
        }
        if cited.is_empty() {
            text.push_str(rng.word(&FILLER));
        }
        text.push('\n');
        // Each quote must occur once; where it does not, a prefix says which occurrence.
        for (e, s, at, sentence) in spans {
            let src = &mut events[e].sources[s];
            src.1 = sentence;
            if text.matches(src.1.as_str()).count() > 1 {
                let mut len = 16;
                loop {
                    let mut from = at.saturating_sub(len);
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    let prefix = &text[from..at];
                    let hits = text
                        .match_indices(src.1.as_str())
                        .filter(|(i, _)| text[..*i].ends_with(prefix))
                        .count();
                    if hits == 1 || from == 0 {
                        src.3 = Some(prefix.to_owned());
                        break;
                    }
                    len *= 2;
                }
            }
        }
        article_files.push((format!("articles/{a:05}.txt"), text));
        titles.push(title);
        outlets.push(outlet);
    }

    // The TOML files.
    let mut files: Vec<(String, String)> = Vec::new();
    let mut actors =
        String::from("# Actors of the synthetic corpus (made up; written by `frontline synth`).\n");
    for a in &ACTORS {
        let _ = write!(
            actors,
            "\n[[actor]]\nid = {}\nname = {}\nshort = {}\ncolour = {}\naliases = [{}]\n",
            q(a.id),
            q(a.name),
            q(a.short),
            q(a.colour),
            q(a.forces)
        );
    }
    files.push(("actors.toml".into(), actors));
    let mut places_toml = String::with_capacity(places.len() * 160);
    places_toml.push_str(
        "# Places of the synthetic corpus: made-up names along real and made-up rivers.\n",
    );
    for p in &places {
        let country = if p.lon > 41.0 && p.lat < 35.2 || p.lon > 42.3 {
            "IQ"
        } else {
            "SY"
        };
        let _ = write!(
            places_toml,
            "\n[[place]]\nid = {}\nname = {}\nkind = {}\ncountry = {}\nlat = {:.5}\nlon = {:.5}\nsource = \"synthetic\"\n",
            q(&p.id),
            q(&p.name),
            q(p.kind),
            q(country),
            p.lat,
            p.lon
        );
    }
    files.push(("places.toml".into(), places_toml));
    let mut articles_toml = String::with_capacity(k * 220);
    articles_toml.push_str("# Articles of the synthetic corpus; their text is under articles/.\n");
    for a in 0..k {
        let _ = write!(
            articles_toml,
            "\n[[article]]\nid = \"art-{a:05}\"\nfile = \"articles/{a:05}.txt\"\ntitle = {}\ntitle_basis = \"headline\"\noutlet = {}\ndate = \"{}\"\ndate_basis = \"stated\"\n",
            q(&titles[a]),
            q(outlets[a]),
            day_of(start, article_day[a])
        );
    }
    files.push(("articles.toml".into(), articles_toml));
    let mut quotes = 0;
    for (chunk_ix, chunk) in events.chunks(EVENTS_PER_FILE).enumerate() {
        let mut out = String::with_capacity(chunk.len() * 480);
        out.push_str("# Events of the synthetic corpus, in order of time.\n");
        for ev in chunk {
            let date = day_of(start, ev.day);
            let date = match ev.hour {
                Some(h) => format!("{date}T{h:02}:00"),
                None => date.to_string(),
            };
            let _ = write!(
                out,
                "\n[[event]]\nplace = {}\ndate = \"{date}\"\nkind = \"{}\"\n",
                q(&places[ev.place].id),
                ev.kind
            );
            if let Some(f) = ev.from {
                let _ = writeln!(out, "from = {}", control_toml(f));
            }
            let _ = writeln!(out, "to = {}", control_toml(ev.to));
            if ev.inferred {
                out.push_str("basis = \"inferred\"\nprecision = \"week\"\n");
            }
            for (a, quote, phrase, prefix) in &ev.sources {
                quotes += 1;
                let _ = write!(
                    out,
                    "\n[[event.source]]\narticle = \"art-{a:05}\"\nquote = {}\n",
                    q(quote)
                );
                if let Some(p) = phrase {
                    let _ = writeln!(out, "date_phrase = {}", q(p));
                }
                if let Some(p) = prefix {
                    let _ = writeln!(out, "prefix = {}", q(p));
                }
            }
        }
        files.push((format!("events/{chunk_ix:04}.toml"), out));
    }
    if events.is_empty() {
        files.push((
            "events.toml".into(),
            "# No events: the synthetic corpus was asked for none.\n".into(),
        ));
    }
    files.extend(article_files);
    Ok(Corpus {
        files,
        summary: Summary {
            places: places.len(),
            events: events.len(),
            articles: k,
            quotes,
            days,
        },
    })
}

/// Generates a corpus and writes it to `dir`, which must not exist or be empty.
pub fn write(dir: &Path, opts: &Options) -> Result<Summary, String> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} is not empty; give a new directory (synth never overwrites data)",
            dir.display()
        ));
    }
    let corpus = generate(opts)?;
    let err = |p: &Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    for sub in ["articles", "events"] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(|e| err(&d, e))?;
    }
    for (rel, text) in &corpus.files {
        let path = dir.join(rel);
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&path).map_err(|e| err(&path, e))?);
        f.write_all(text.as_bytes())
            .and_then(|()| f.flush())
            .map_err(|e| err(&path, e))?;
    }
    Ok(corpus.summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_for_a_seed() {
        let opts = Options {
            places: 30,
            events: 300,
            articles: 40,
            seed: 7,
        };
        let a = generate(&opts).unwrap();
        let b = generate(&opts).unwrap();
        assert_eq!(a, b);
        let c = generate(&Options { seed: 8, ..opts }).unwrap();
        assert_ne!(a.files, c.files);
        assert_eq!(a.summary.events, 300);
        assert!(a.summary.quotes > 300, "some claims have several sources");
    }

    #[test]
    fn distinct_samples_are_distinct_and_sorted() {
        let mut rng = Rng::new(1);
        for (k, n) in [(0, 5), (3, 10), (9, 10), (10, 10), (50, 1000)] {
            let v = rng.distinct_sorted(k, n);
            assert_eq!(v.len(), k);
            assert!(v.windows(2).all(|w| w[0] < w[1]));
            assert!(v.iter().all(|&x| x < n));
        }
    }
}
