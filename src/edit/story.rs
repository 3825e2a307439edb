//! Stories written in the app: a new story, a step added from the current view, a step's
//! caption, a step deleted or moved. Like the other edits, nothing is written until the session
//! is saved; then they are applied to `stories.toml` with `toml_edit` (created when missing;
//! comments, order and layout kept), in the same safe save as the annotations.
//!
//! A story is named by its id, a step by its position among its story's `[[story.step]]`
//! tables in the file ([`crate::store::stories::Step::position`]), counted after the edits
//! before it. The app shows the stories as they will be once saved: [`preview`] applies the
//! edits to the loaded text and reads the result with the loader itself.

use chrono::NaiveDateTime;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::decor::decor_prefix;
use super::snapshot::{SaveError, Snapshot};
use crate::store::dates::end_of_day;
use crate::store::schema::{self, StepEntry, StoryEntry, written};
use crate::store::stories::STORIES_FILE;

/// A step as written into `stories.toml`: ids, not indices, so that it reads back whatever the
/// order of places and actors.
#[derive(Debug, Clone, PartialEq)]
pub struct NewStep {
    pub at: NaiveDateTime,
    /// A place's id.
    pub select: Option<String>,
    /// `[lat, lon]`.
    pub centre: Option<[f64; 2]>,
    pub zoom: Option<f64>,
    /// Actor ids.
    pub hidden_actors: Vec<String>,
    pub caption: String,
}

/// One change to `stories.toml`.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryEdit {
    /// A story with no steps yet, appended to the file.
    New {
        id: String,
        title: String,
    },
    /// A step appended to a story.
    AddStep {
        story: String,
        step: NewStep,
    },
    SetCaption {
        story: String,
        step: usize,
        caption: String,
    },
    DeleteStep {
        story: String,
        step: usize,
    },
    /// Swaps a step with the one before it (`up`) or after it.
    MoveStep {
        story: String,
        step: usize,
        up: bool,
    },
}

impl StoryEdit {
    /// What the edit does, for the undo menu and the log.
    pub fn describe(&self) -> String {
        match self {
            StoryEdit::New { title, .. } => format!("new story \"{title}\""),
            StoryEdit::AddStep { story, .. } => format!("add a step to story {story}"),
            StoryEdit::SetCaption { story, step, .. } => {
                format!("caption of step {} of story {story}", step + 1)
            }
            StoryEdit::DeleteStep { story, step } => {
                format!("delete step {} of story {story}", step + 1)
            }
            StoryEdit::MoveStep { story, step, up } => format!(
                "move step {} of story {story} {}",
                step + 1,
                if *up { "up" } else { "down" }
            ),
        }
    }
}

/// An id for a story called `title`: its letters and digits in lower case joined by `-`
/// ("The week Abu Kamal fell" → `the-week-abu-kamal-fell`), with `-2`, `-3`... when taken.
pub fn new_id<'a>(title: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut base = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if base.len() + word.len() > 60 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word.to_ascii_lowercase());
    }
    if base.is_empty() {
        base.push_str("story");
    }
    let free = |id: &str| !taken.clone().any(|t| t == id);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .expect("some number is free")
}

/// How a step's instant is written: the bare date when it is the end of that day (what a
/// bare date means), else the date and time.
pub fn date_text(at: NaiveDateTime) -> String {
    if at == end_of_day(at.date()) {
        at.format("%Y-%m-%d").to_string()
    } else if at.format("%S").to_string() == "00" {
        at.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        at.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// `stories.toml` as a document: the loaded text, or a new file with a header comment.
pub fn document(loaded: Option<&[u8]>) -> Result<DocumentMut, SaveError> {
    let toml = |message: String| SaveError::Toml {
        file: STORIES_FILE.to_owned(),
        message,
    };
    match loaded {
        Some(bytes) => std::str::from_utf8(bytes)
            .map_err(|e| toml(e.to_string()))?
            .parse::<DocumentMut>()
            .map_err(|e| toml(e.message().to_owned())),
        None => {
            let mut doc = DocumentMut::new();
            doc.decor_mut().set_prefix(
                "# Guided stories through the data, written in the Frontline app.\n\
                 # See data/README.md (\"stories.toml\") for every field.\n",
            );
            Ok(doc)
        }
    }
}

/// Applies a story edit to the session's copy of `stories.toml` (taken from the snapshot the
/// first time), for [`super::document::apply`].
pub(super) fn apply_to_changed(
    documents: &mut std::collections::BTreeMap<String, DocumentMut>,
    snapshot: &Snapshot,
    edit: &StoryEdit,
) -> Result<(), SaveError> {
    if !documents.contains_key(STORIES_FILE) {
        let doc = document(snapshot.loaded(STORIES_FILE))?;
        documents.insert(STORIES_FILE.to_owned(), doc);
    }
    let doc = documents.get_mut(STORIES_FILE).expect("inserted above");
    apply(doc, edit)
}

fn problem(message: String) -> SaveError {
    SaveError::Toml {
        file: STORIES_FILE.to_owned(),
        message,
    }
}

/// Applies one edit to a `stories.toml` document: what is added is appended, what is changed
/// or removed is touched, and every other byte is left as it was.
pub fn apply(doc: &mut DocumentMut, edit: &StoryEdit) -> Result<(), SaveError> {
    match edit {
        StoryEdit::New { id, title } => {
            let t = new_table(&StoryEntry {
                id: id.clone(),
                title: title.clone(),
                step: Vec::new(),
            })?;
            stories(doc)?.push(t);
        }
        StoryEdit::AddStep { story, step } => {
            let new = new_table(&step_entry(step))?;
            let t = story_table(doc, story)?;
            let steps = t
                .entry("step")
                .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
                .as_array_of_tables_mut()
                .ok_or_else(|| {
                    problem(format!(
                        "story {story}: `step` is not a list of [[story.step]] tables"
                    ))
                })?;
            steps.push(new);
        }
        StoryEdit::SetCaption {
            story,
            step,
            caption,
        } => {
            let t = step_tables(doc, story, *step)?
                .get_mut(*step)
                .expect("checked by step_tables");
            t["caption"] = value(caption.trim());
        }
        StoryEdit::DeleteStep { story, step } => {
            let steps = step_tables(doc, story, *step)?;
            // Comments above the step (a heading) stay, above the next one.
            let prefix = decor_prefix(steps.get(*step).expect("checked"));
            steps.remove(*step);
            if let Some(next) = steps.get_mut(*step) {
                let own = decor_prefix(next);
                next.decor_mut().set_prefix(format!("{prefix}{own}"));
            }
        }
        StoryEdit::MoveStep { story, step, up } => {
            let steps = step_tables(doc, story, *step)?;
            let other = if *up {
                step.checked_sub(1)
            } else {
                Some(step + 1).filter(|&o| o < steps.len())
            }
            .ok_or_else(|| {
                problem(format!(
                    "story {story}: step {} cannot move {}",
                    step + 1,
                    if *up { "up" } else { "down" }
                ))
            })?;
            let (a, b) = (
                steps.get(*step).expect("checked").clone(),
                steps.get(other).expect("in range").clone(),
            );
            // toml_edit writes tables in the order of their positions in the file: the
            // positions are swapped with the tables, or the file would come out unchanged.
            let (pa, pb) = (a.position(), b.position());
            let (mut a, mut b) = (a, b);
            a.set_position(pb);
            b.set_position(pa);
            steps.replace(*step, b);
            steps.replace(other, a);
        }
    }
    Ok(())
}

/// The `[[story]]` tables (created when the file has none).
fn stories(doc: &mut DocumentMut) -> Result<&mut ArrayOfTables, SaveError> {
    doc.as_table_mut()
        .entry("story")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| problem("`story` is not a list of [[story]] tables".into()))
}

/// The first story with this id.
fn story_table<'a>(doc: &'a mut DocumentMut, id: &str) -> Result<&'a mut Table, SaveError> {
    stories(doc)?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
        .ok_or_else(|| {
            problem(format!(
                "no story with the id \"{id}\" (was it renamed or removed meanwhile?)"
            ))
        })
}

/// A story's `[[story.step]]` tables, checked to have a step at `step`.
fn step_tables<'a>(
    doc: &'a mut DocumentMut,
    story: &str,
    step: usize,
) -> Result<&'a mut ArrayOfTables, SaveError> {
    story_table(doc, story)?
        .get_mut("step")
        .and_then(Item::as_array_of_tables_mut)
        .filter(|steps| step < steps.len())
        .ok_or_else(|| {
            problem(format!(
                "story {story} has no step {} (was it removed meanwhile?)",
                step + 1
            ))
        })
}

/// Four decimals of a degree are about ten metres: enough for a map's centre.
fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// A new story or step as a table to append, serialised from the store's schema.
fn new_table(entry: &impl serde::Serialize) -> Result<Table, SaveError> {
    schema::entry_table(entry).map_err(|e| problem(e.to_string()))
}

fn step_entry(s: &NewStep) -> StepEntry {
    StepEntry {
        date: written(date_text(s.at)),
        select: s.select.clone().map(written),
        centre: s
            .centre
            .map(|[lat, lon]| written([round(lat, 4), round(lon, 4)])),
        zoom: s.zoom.map(|zoom| written(round(zoom.clamp(1.0, 20.0), 1))),
        hidden_actors: s.hidden_actors.iter().cloned().map(written).collect(),
        caption: s.caption.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::stories::{Step, Story};
    use chrono::NaiveDate;

    /// The stories as the app shows them once the edits are made: `loaded` (the text of
    /// `stories.toml` the edits apply to, `None` when there is none) with the edits applied,
    /// read by the loader against the store's places and actors.
    fn preview(
        loaded: Option<&str>,
        edits: &[StoryEdit],
        store: &Store,
    ) -> Result<Vec<Story>, SaveError> {
        let mut doc = document(loaded.map(str::as_bytes))?;
        for edit in edits {
            apply(&mut doc, edit)?;
        }
        Ok(crate::store::stories::parse(&doc.to_string(), store).0)
    }

    const FILE: &str = "# Stories, by hand.\n\n[[story]]\nid = \"one\" # the first\ntitle = \"One\"\n\n# The first step.\n[[story.step]]\ndate = \"2017-11-03\"\ncaption = \"\"\"\nFirst.\"\"\"\n\n[[story.step]]\ndate = \"2017-11-09\"\ncaption = \"Second.\"\n\n[[story]]\nid = \"two\"\ntitle = \"Two\"\n";

    fn at(d: u32, h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2017, 11, d)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    fn step(caption: &str) -> NewStep {
        NewStep {
            at: at(11, 23, 59, 59),
            select: Some("abu_kamal".into()),
            centre: Some([34.452_26, 40.918_54]),
            zoom: Some(10.0),
            hidden_actors: vec!["islamic_state".into()],
            caption: caption.into(),
        }
    }

    fn edited(edits: &[StoryEdit]) -> String {
        let mut doc = document(Some(FILE.as_bytes())).unwrap();
        for e in edits {
            apply(&mut doc, e).unwrap();
        }
        doc.to_string()
    }

    fn captions(text: &str, story: &str) -> Vec<String> {
        let v: toml::Table = toml::from_str(text).unwrap();
        v["story"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"].as_str() == Some(story))
            .and_then(|s| s.get("step"))
            .and_then(toml::Value::as_array)
            .map(|steps| {
                steps
                    .iter()
                    .map(|s| s["caption"].as_str().unwrap().trim().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_step_is_appended_to_its_story_and_the_rest_of_the_file_kept() {
        let text = edited(&[StoryEdit::AddStep {
            story: "one".into(),
            step: step("Retaken."),
        }]);
        assert!(
            text.starts_with(&FILE[..FILE.find("[[story]]\nid = \"two\"").unwrap()]),
            "{text}"
        );
        assert!(text.contains("id = \"one\" # the first") && text.contains("# The first step."));
        assert_eq!(captions(&text, "one"), ["First.", "Second.", "Retaken."]);
        assert!(captions(&text, "two").is_empty());
        let v: toml::Table = toml::from_str(&text).unwrap();
        let added = &v["story"][0]["step"][2];
        assert_eq!(added["date"].as_str(), Some("2017-11-11"));
        assert_eq!(added["select"].as_str(), Some("abu_kamal"));
        assert_eq!(added["centre"][0].as_float(), Some(34.4523));
        assert_eq!(added["zoom"].as_float(), Some(10.0));
        assert_eq!(added["hidden_actors"][0].as_str(), Some("islamic_state"));
    }

    #[test]
    fn a_new_story_goes_at_the_end_and_a_missing_file_is_created_with_a_header() {
        let text = edited(&[
            StoryEdit::New {
                id: "three".into(),
                title: "Three".into(),
            },
            StoryEdit::AddStep {
                story: "three".into(),
                step: step("x"),
            },
        ]);
        assert!(text.starts_with(FILE), "{text}");
        assert_eq!(captions(&text, "three"), ["x"]);
        let mut doc = document(None).unwrap();
        apply(
            &mut doc,
            &StoryEdit::New {
                id: "a".into(),
                title: "A".into(),
            },
        )
        .unwrap();
        let new = doc.to_string();
        assert!(new.starts_with("# Guided stories"), "{new}");
        let v: toml::Table = toml::from_str(&new).unwrap();
        assert_eq!(v["story"][0]["title"].as_str(), Some("A"));
    }

    #[test]
    fn captions_are_set_steps_moved_and_deleted_keeping_comments() {
        let caption = StoryEdit::SetCaption {
            story: "one".into(),
            step: 1,
            caption: "Two lines,\nthe second.\n".into(),
        };
        let text = edited(std::slice::from_ref(&caption));
        assert_eq!(
            captions(&text, "one"),
            ["First.", "Two lines,\nthe second."]
        );

        let down = StoryEdit::MoveStep {
            story: "one".into(),
            step: 0,
            up: false,
        };
        let moved = edited(&[down]);
        assert_eq!(captions(&moved, "one"), ["Second.", "First."]);
        // The comment travels with its step.
        let (c, second) = (
            moved.find("# The first step.").unwrap(),
            moved.find("Second.").unwrap(),
        );
        assert!(c > second, "{moved}");

        let deleted = edited(&[StoryEdit::DeleteStep {
            story: "one".into(),
            step: 0,
        }]);
        assert_eq!(captions(&deleted, "one"), ["Second."]);
        assert!(
            deleted.contains("# The first step."),
            "a heading stays: {deleted}"
        );
        assert!(deleted.contains("id = \"two\""));
    }

    #[test]
    fn an_edit_of_a_story_or_step_that_is_gone_is_refused_naming_the_file() {
        let mut doc = document(Some(FILE.as_bytes())).unwrap();
        for bad in [
            StoryEdit::DeleteStep {
                story: "one".into(),
                step: 2,
            },
            StoryEdit::MoveStep {
                story: "one".into(),
                step: 0,
                up: true,
            },
            StoryEdit::AddStep {
                story: "nine".into(),
                step: step(""),
            },
        ] {
            let e = apply(&mut doc, &bad).unwrap_err().to_string();
            assert!(e.starts_with("stories.toml"), "{e}");
        }
        assert_eq!(doc.to_string(), FILE, "nothing changed");
    }

    #[test]
    fn ids_and_dates_are_written_as_the_loader_reads_them() {
        let taken = ["the-week", "the-week-2"];
        assert_eq!(new_id("The week!", taken.into_iter()), "the-week-3");
        assert_eq!(
            new_id("Abu Kamal, 9 Nov", taken.into_iter()),
            "abu-kamal-9-nov"
        );
        assert_eq!(new_id("جمعة", taken.into_iter()), "story");
        assert_eq!(date_text(at(9, 23, 59, 59)), "2017-11-09");
        assert_eq!(date_text(at(9, 6, 0, 0)), "2017-11-09T06:00");
        assert_eq!(date_text(at(9, 6, 0, 30)), "2017-11-09T06:00:30");
        for t in [at(9, 23, 59, 59), at(9, 6, 0, 0), at(9, 6, 0, 30)] {
            let read = crate::store::dates::parse_instant(&date_text(t)).unwrap();
            assert_eq!(read.end_instant(), t);
        }
    }

    #[test]
    fn the_preview_reads_the_edited_stories_like_the_loader() {
        let store = crate::bundled::store();
        let text = crate::bundled::DATA
            .get_file(STORIES_FILE)
            .and_then(|f| f.contents_utf8())
            .unwrap();
        let loaded = crate::store::stories::parse(text, &store).0;
        assert_eq!(preview(Some(text), &[], &store).unwrap(), loaded);
        let id = loaded[0].id.clone();
        let stories = preview(
            Some(text),
            &[
                StoryEdit::AddStep {
                    story: id.clone(),
                    step: step("Added."),
                },
                StoryEdit::DeleteStep { story: id, step: 0 },
            ],
            &store,
        )
        .unwrap();
        let steps = &stories[0].steps;
        assert_eq!(steps.len(), loaded[0].steps.len());
        let last = steps.last().unwrap();
        assert_eq!(last.caption, "Added.");
        assert_eq!(last.hidden_actors.len(), 1);
        assert_eq!(store.actors[last.hidden_actors[0]].id, "islamic_state");
        assert_eq!(
            steps[0],
            Step {
                position: 0,
                ..loaded[0].steps[1].clone()
            }
        );
    }
}
