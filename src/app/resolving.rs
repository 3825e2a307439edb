//! Resolving a dispute from the place panel: both versions' events are found in their files,
//! and one edit ranks them (the chosen one preferred, the other deprecated, with the reason),
//! so that Save writes it and one Undo brings the dispute back.

use super::FrontlineApp;
use crate::edit::Edit;
use crate::edit::locate::locate;
use crate::store::EventIx;

impl FrontlineApp {
    /// Prefers event `preferred`'s version of a dispute over event `other`'s, for `reason`.
    pub(super) fn prefer_version(&mut self, preferred: EventIx, other: EventIx, reason: String) {
        let Some(ev) = self.store.events.get(other) else {
            return;
        };
        let other = match locate(ev, |f| self.shown_bytes(f)) {
            Ok(at) => at,
            Err(err) => {
                self.session.preview.problem = Some(err.to_string());
                return;
            }
        };
        let reason = reason.trim().to_owned();
        self.edit_event(preferred, |preferred| Edit::Prefer {
            preferred,
            other,
            reason,
        });
    }
}
