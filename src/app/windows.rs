//! The app's parts that draw: the panels always there and the windows opened on demand. Each
//! panel keeps only what it needs to draw
//! (typed text, laid-out text); what it asks for is an [`Action`](super::Action).

use super::add_article::AddArticleWindow;
use super::changes::ChangesWindow;
use super::control_chart::ControlChart;
use super::event_feed::EventFeed;
use super::export_dialog::ExportDialog;
use super::map::MapView;
use super::place::PlacePanel;
use super::problems::ProblemsWindow;
use super::reader::Reader;
use super::state::close::CloseQuestion;
use super::state::compare::Compared;
use super::story::StoryPanel;
use super::timeline::TimelinePanel;
use super::top_bar::TopBar;
use super::workbench::{ClaimWindow, SaveAsWindow, SaveProblem};

/// The panels around the map, and the map.
pub struct Panels {
    pub map: MapView,
    pub(crate) top_bar: TopBar,
    pub(crate) feed: EventFeed,
    pub(crate) place: PlacePanel,
    pub(crate) timeline: TimelinePanel,
    pub chart: ControlChart,
    pub(crate) problems: ProblemsWindow,
    pub story: StoryPanel,
    pub changes: ChangesWindow,
}

impl Panels {
    pub fn new(map: MapView) -> Panels {
        Panels {
            map,
            top_bar: TopBar::default(),
            feed: EventFeed::default(),
            place: PlacePanel::default(),
            timeline: TimelinePanel,
            chart: ControlChart::default(),
            problems: ProblemsWindow::default(),
            story: StoryPanel::default(),
            changes: ChangesWindow::default(),
        }
    }

    /// Drops what was computed and laid out from the data shown before.
    pub fn data_changed(&mut self) {
        self.map.data_changed();
        self.chart = ControlChart::default();
        self.top_bar.data_changed();
        self.place.data_changed();
        self.story.data_changed();
    }
}

/// The windows opened on demand, each `None` or closed until then.
#[derive(Default)]
pub struct Windows {
    pub reader: Option<Reader>,
    /// The Export dialog.
    pub export: Option<ExportDialog>,
    /// What changed between two instants (the window and the rings on the map).
    pub compared: Option<Compared>,
    pub add_article: AddArticleWindow,
    pub save_as: SaveAsWindow,
    pub claim: ClaimWindow,
    /// Why the last save wrote nothing (a file changed on disk, a directory not writable).
    pub save_problem: SaveProblem,
    /// Save, Discard or Cancel, before a close would lose unsaved edits.
    pub close: CloseQuestion,
}
