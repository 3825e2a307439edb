//! The annotation workbench's edit session, with no UI: new articles, new events and quotes,
//! deletions, undo and redo, and saving them into a data directory.
//!
//! An [`EditSession`] is a list of [`Edit`]s over a snapshot of the files as they were loaded.
//! Nothing is written until [`EditSession::save`]: then the edits are applied to the loaded
//! bytes with `toml_edit` (so comments, order and layout of the existing files are kept, see
//! [`document`]), every file about to be written is checked to be still what was loaded (so a
//! change made by an editor or `git pull` is never overwritten), and each file is written
//! atomically ([`save`]). Undo and redo move edits between two stacks; the files are always
//! rebuilt from the snapshot, so an undone edit leaves no trace.

pub mod claim;
mod decor;
pub mod document;
pub mod form;
pub mod import;
pub mod locate;
pub mod new_place;
pub mod preview;
pub mod rebase;
pub mod save;
pub mod snapshot;
pub mod story;

use chrono::NaiveDate;

use crate::store::load::EVENTS_DIR;
use crate::store::{Basis, DateBasis, EventKind, PlaceKind, Precision};

pub use save::{SaveError, Snapshot};

/// An article added in the workbench: its text is written verbatim to `file`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArticle {
    pub id: String,
    pub text: String,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_basis: DateBasis,
    pub date_precision: Precision,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Its language, a BCP 47 tag such as "en" or "ar".
    pub language: Option<String>,
}

impl NewArticle {
    /// Where the text goes, relative to the data directory.
    pub fn file(&self) -> String {
        format!("articles/{}.txt", self.id)
    }
}

/// One `[[event.source]]`: a verbatim quote of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSource {
    pub article: String,
    pub quote: String,
    pub date_phrase: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

/// One `[[event]]`: a claim of control with its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub place: String,
    pub date: NaiveDate,
    pub precision: Precision,
    pub kind: EventKind,
    pub from: Vec<String>,
    /// One actor, or two when contested; empty when the place is lost.
    pub to: Vec<String>,
    pub basis: Basis,
    pub note: Option<String>,
    pub sources: Vec<NewSource>,
    /// Who no longer holds the place (one actor or two), for a claim that it is lost
    /// (`status = "lost"`): then `to` is empty, since the article does not say who holds it.
    pub lost_by: Vec<String>,
}

/// The fields of an `[[event]]` that "Edit event" replaces; `None` leaves what the file says
/// as it is (the spelling of a name, a time of day, a comment beside the value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFields {
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
    pub precision: Option<Precision>,
    pub kind: Option<EventKind>,
    /// Who held it before (empty: not said).
    pub from: Option<Vec<String>>,
    /// The state after the event: `to` and `lost_by`, as in [`NewEvent`].
    pub state: Option<(Vec<String>, Vec<String>)>,
    pub basis: Option<Basis>,
    /// The note (`Some(None)` removes it).
    pub note: Option<Option<String>>,
}

impl EventFields {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == EventFields::default()
    }
}

/// A place added from the regional gazetteer (`[[place]]` in `places.toml`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlace {
    pub id: String,
    pub name: String,
    /// A city, town or village, by its population.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub aliases: Vec<String>,
    /// Where the coordinates come from (the `source` field, and a comment above the entry).
    pub source: String,
}

/// Which `[[event]]` of a file: its file (relative to the data directory) and its position
/// among the file's events, counted after the edits before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRef {
    pub file: String,
    pub index: usize,
}

/// One change to the data.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddArticle(NewArticle),
    /// A new event, appended to `file` (created when it does not exist).
    AddEvent {
        file: String,
        event: NewEvent,
    },
    /// Another source for an event.
    AddSource {
        event: EventRef,
        source: NewSource,
    },
    DeleteEvent(EventRef),
    /// The `source`-th `[[event.source]]` of an event.
    DeleteSource {
        event: EventRef,
        source: usize,
    },
    /// New values for some fields of an event; its sources, its other fields and its
    /// comments stay.
    UpdateEvent {
        event: EventRef,
        fields: EventFields,
    },
    /// A version of a disputed change marked preferred or deprecated, with why (`rank`,
    /// `rank_reason`); `Rank::Normal` removes both, settling nothing.
    SetRank {
        event: EventRef,
        rank: crate::store::Rank,
        reason: Option<String>,
    },
    /// A dispute resolved: one version preferred, the other deprecated, both with the reason
    /// (one edit, so that one Undo brings the dispute back).
    Prefer {
        preferred: EventRef,
        other: EventRef,
        reason: String,
    },
    /// A place from the gazetteer, appended to `places.toml`.
    AddPlace(NewPlace),
    /// A change to `stories.toml`: see [`story`].
    Story(story::StoryEdit),
}

impl Edit {
    /// What the edit does, for the undo menu and the log.
    pub fn describe(&self) -> String {
        match self {
            Edit::AddArticle(a) => format!("add article {}", a.id),
            Edit::AddEvent { event, .. } => format!("add a claim about {}", event.place),
            Edit::AddSource { source, .. } => format!("add a quote of {}", source.article),
            Edit::DeleteEvent(e) => format!("delete event {} of {}", e.index + 1, e.file),
            Edit::DeleteSource { event, source } => format!(
                "delete quote {} of event {} of {}",
                source + 1,
                event.index + 1,
                event.file
            ),
            Edit::UpdateEvent { event, .. } => {
                format!("edit event {} of {}", event.index + 1, event.file)
            }
            Edit::SetRank { event, rank, .. } => format!(
                "mark event {} of {} {}",
                event.index + 1,
                event.file,
                rank.name()
            ),
            Edit::Prefer { preferred, .. } => format!(
                "prefer event {} of {} in a dispute",
                preferred.index + 1,
                preferred.file
            ),
            Edit::AddPlace(p) => format!("add place {}", p.name),
            Edit::Story(s) => s.describe(),
        }
    }
}

/// The file a new event about an article goes to: one file per article, so that two people
/// annotating two articles never edit the same file.
pub fn events_file_for(article_id: &str) -> String {
    format!("{EVENTS_DIR}/{article_id}.toml")
}

/// Whether an id can name an article (and so a file): ASCII letters, digits, `-` and `_`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !id.starts_with('-')
}

/// Edits over a loaded data directory, with undo and redo.
#[derive(Debug)]
pub struct EditSession {
    /// The files as loaded (and where to save them, unless the data is bundled).
    pub snapshot: Snapshot,
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl EditSession {
    pub fn new(snapshot: Snapshot) -> EditSession {
        EditSession {
            snapshot,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    /// Applies an edit (it can be undone); a new edit clears what could be redone.
    pub fn push(&mut self, edit: Edit) {
        self.done.push(edit);
        self.undone.clear();
    }

    /// Drops the last edit (one that could not be applied): it cannot be redone.
    pub fn discard_last(&mut self) -> Option<Edit> {
        self.done.pop()
    }

    /// Undoes the last edit, returning it.
    pub fn undo(&mut self) -> Option<&Edit> {
        let edit = self.done.pop()?;
        self.undone.push(edit);
        self.undone.last()
    }

    /// Redoes the last undone edit, returning it.
    pub fn redo(&mut self) -> Option<&Edit> {
        let edit = self.undone.pop()?;
        self.done.push(edit);
        self.done.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The edits in effect, oldest first.
    pub fn edits(&self) -> &[Edit] {
        &self.done
    }

    /// Whether there is something to save.
    pub fn is_dirty(&self) -> bool {
        !self.done.is_empty()
    }

    /// The articles added and not undone.
    pub fn new_articles(&self) -> impl Iterator<Item = &NewArticle> {
        self.done.iter().filter_map(|e| match e {
            Edit::AddArticle(a) => Some(a),
            _ => None,
        })
    }

    /// Whether an article id is taken, in the loaded data (`loaded`) or by an added article.
    pub fn article_id_taken<'a>(
        &self,
        id: &str,
        mut loaded: impl Iterator<Item = &'a str>,
    ) -> bool {
        loaded.any(|a| a == id) || self.new_articles().any(|a| a.id == id)
    }

    /// Writes the edits into the data directory: see [`save`]. On success the saved files
    /// become the new snapshot and the edits are cleared (they are in the files now).
    pub fn save(&mut self) -> Result<Vec<String>, SaveError> {
        let written = save::save(&self.snapshot, &self.done)?;
        self.snapshot = save::Snapshot::open(
            self.snapshot
                .root()
                .ok_or(SaveError::Bundled)?
                .to_path_buf(),
        )?;
        self.done.clear();
        self.undone.clear();
        Ok(written)
    }

    /// Makes the edits again over the files as they now are on disk (changed since they were
    /// loaded): those that still apply are kept, on the same events, and the files now on
    /// disk become what a save compares with; those that no longer apply are taken out of the
    /// session and returned, with why. Nothing is written.
    pub fn rebase(&mut self) -> Result<Vec<rebase::NotApplied>, SaveError> {
        let root = self
            .snapshot
            .root()
            .ok_or(SaveError::Bundled)?
            .to_path_buf();
        let now = Snapshot::open(root)?;
        let (kept, not_applied) = rebase::rebase(&self.snapshot, &now, &self.done);
        self.snapshot = now;
        self.done = kept;
        self.undone.clear();
        Ok(not_applied)
    }

    /// Copies the data to `dir` (which must be empty or not exist), makes it the session's
    /// directory, and saves the edits there.
    pub fn save_as(
        &mut self,
        source: &crate::store::DataSource,
        dir: &std::path::Path,
    ) -> Result<Vec<String>, SaveError> {
        save::copy_data(source, dir)?;
        self.snapshot = Snapshot::open(dir.to_path_buf())?;
        self.save()
    }

    /// The files the edits would write, and their new contents, without writing anything.
    pub fn preview(&self) -> Result<Vec<(String, Vec<u8>)>, SaveError> {
        save::planned(&self.snapshot, &self.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Edit {
        Edit::AddArticle(NewArticle {
            id: id.into(),
            text: "x".into(),
            title: "t".into(),
            outlet: None,
            date: None,
            date_basis: DateBasis::Unknown,
            date_precision: Precision::Day,
            url: None,
            language: None,
        })
    }

    #[test]
    fn undo_and_redo_move_edits_between_the_stacks() {
        let mut s = EditSession::new(Snapshot::bundled());
        assert!(!s.is_dirty() && !s.can_undo() && !s.can_redo());
        s.push(article("a"));
        s.push(article("b"));
        assert_eq!(s.undo(), Some(&article("b")));
        assert_eq!(s.edits(), &[article("a")]);
        assert!(s.can_redo());
        assert_eq!(s.redo(), Some(&article("b")));
        assert_eq!(s.edits().len(), 2);
        s.undo();
        s.push(article("c"));
        assert!(!s.can_redo(), "a new edit drops what could be redone");
        assert_eq!(s.edits(), &[article("a"), article("c")]);
        s.undo();
        s.undo();
        assert!(s.undo().is_none());
        assert!(!s.is_dirty());
    }

    #[test]
    fn ids_are_checked_against_loaded_and_added_articles() {
        let mut s = EditSession::new(Snapshot::bundled());
        s.push(article("new-one"));
        assert!(s.article_id_taken("new-one", std::iter::empty()));
        assert!(s.article_id_taken("old", ["old"].into_iter()));
        assert!(!s.article_id_taken("other", ["old"].into_iter()));
        assert!(valid_id("reuters-2017_11"));
        assert!(!valid_id("../x") && !valid_id("") && !valid_id("a b") && !valid_id("-a"));
    }
}
