//! OpenStreetMap tiles, counted: how many of the tiles in view were drawn, still loading, or
//! missing, so that the attribution line can say when tiles could not be loaded (offline) and
//! the offline basemap, painted under them, is what the user sees.

use walkers::sources::Attribution;
use walkers::{HttpTiles, TileId, TilePiece, Tiles};

/// The tiles in view in the last frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TileCount {
    pub drawn: usize,
    pub missing: usize,
    /// Downloads under way.
    pub loading: usize,
}

impl TileCount {
    /// What the attribution line adds about the tiles: nothing when all are there or some are
    /// still loading, a warning when tiles in view are missing and nothing is being fetched.
    pub fn note(&self) -> Option<&'static str> {
        if self.missing == 0 || self.loading > 0 {
            None
        } else if self.drawn == 0 {
            Some("OSM tiles could not be loaded (offline?): showing the offline basemap")
        } else {
            Some("some OSM tiles could not be loaded")
        }
    }
}

/// HTTP tiles that count what they were asked for in a frame.
pub struct Counted<'a> {
    pub inner: &'a mut HttpTiles,
    pub count: &'a mut TileCount,
}

impl Tiles for Counted<'_> {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        match piece {
            Some(_) => self.count.drawn += 1,
            None => self.count.missing += 1,
        }
        self.count.loading = self.inner.stats().in_progress;
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.inner.stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_tiles_are_said_once_nothing_is_loading() {
        let count = |drawn, missing, loading| TileCount {
            drawn,
            missing,
            loading,
        };
        assert_eq!(count(12, 0, 0).note(), None);
        assert_eq!(count(0, 12, 4).note(), None, "still loading");
        assert!(
            count(0, 12, 0)
                .note()
                .unwrap()
                .contains("could not be loaded")
        );
        assert!(count(0, 12, 0).note().unwrap().contains("offline basemap"));
        assert_eq!(
            count(10, 2, 0).note(),
            Some("some OSM tiles could not be loaded")
        );
    }
}
