//! The exports offered, in one list: the Export menu, its commands and the Export dialog read
//! it, and the command line's `export KIND` names map onto it.

use super::ExportFormat;
use super::video::VideoFormat;

/// One export the app offers: a data format (GeoJSON whole or daily, CSV, annotations) or
/// the replay as a video.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    Data { format: ExportFormat, daily: bool },
    Video(VideoFormat),
}

impl ExportTarget {
    /// Every export, in the Export menu's order.
    pub const ALL: [ExportTarget; 6] = [
        ExportTarget::Data {
            format: ExportFormat::GeoJson,
            daily: false,
        },
        ExportTarget::Data {
            format: ExportFormat::GeoJson,
            daily: true,
        },
        ExportTarget::Data {
            format: ExportFormat::Csv,
            daily: false,
        },
        ExportTarget::Data {
            format: ExportFormat::Annotations,
            daily: false,
        },
        ExportTarget::Video(VideoFormat::Gif),
        ExportTarget::Video(VideoFormat::Mp4),
    ];

    /// Its item in the Export menu.
    pub fn label(self) -> &'static str {
        match self {
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: false,
            } => "GeoJSON…",
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: true,
            } => "GeoJSON daily…",
            ExportTarget::Data {
                format: ExportFormat::Csv,
                ..
            } => "CSV…",
            ExportTarget::Data {
                format: ExportFormat::Annotations,
                ..
            } => "W3C annotations…",
            ExportTarget::Video(VideoFormat::Gif) => "Video (GIF)…",
            ExportTarget::Video(VideoFormat::Mp4) => "Video (MP4)…",
        }
    }

    /// What the menu item's hover text says it writes.
    pub fn hover(self) -> &'static str {
        match self {
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: false,
            } => "Control periods as GeoJSON points, for QGIS and Kepler.gl",
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: true,
            } => "One GeoJSON point per place per day: no interval logic needed",
            ExportTarget::Data {
                format: ExportFormat::Csv,
                ..
            } => "Events as ACLED-format CSV, for spreadsheets",
            ExportTarget::Data {
                format: ExportFormat::Annotations,
                ..
            } => "Every quote as a W3C Web Annotation (JSON-LD)",
            ExportTarget::Video(VideoFormat::Gif) => {
                "The replay as an animated GIF, drawn in the background while you work"
            }
            ExportTarget::Video(VideoFormat::Mp4) => {
                "The replay as an MP4 video (needs ffmpeg), drawn in the background while you work"
            }
        }
    }

    /// The data export of a format, daily or not (only GeoJSON has a daily form), as
    /// `frontline export KIND [--daily]` asks for it.
    pub fn of_data(format: ExportFormat, daily: bool) -> ExportTarget {
        ExportTarget::Data {
            format,
            // Only GeoJSON has a daily form.
            daily: daily && format == ExportFormat::GeoJson,
        }
    }
    /// The file name the path field starts with.
    pub fn default_file_name(self) -> &'static str {
        match self {
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: false,
            } => "frontline-periods.geojson",
            ExportTarget::Data {
                format: ExportFormat::GeoJson,
                daily: true,
            } => "frontline-daily.geojson",
            ExportTarget::Data {
                format: ExportFormat::Csv,
                ..
            } => "frontline-events.csv",
            ExportTarget::Data {
                format: ExportFormat::Annotations,
                ..
            } => "frontline-annotations.jsonld",
            ExportTarget::Video(VideoFormat::Gif) => "frontline-replay.gif",
            ExportTarget::Video(VideoFormat::Mp4) => "frontline-replay.mp4",
        }
    }

    /// The Export dialog's heading.
    pub fn title(self) -> String {
        match self {
            ExportTarget::Data { format, daily } => format!(
                "{}{}",
                format.description(),
                if daily { ", one feature a day" } else { "" }
            ),
            ExportTarget::Video(VideoFormat::Gif) => "The replay as an animated GIF".to_owned(),
            ExportTarget::Video(VideoFormat::Mp4) => {
                "The replay as an MP4 video (ffmpeg)".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_export_once_with_its_own_label_and_file() {
        for (i, a) in ExportTarget::ALL.iter().enumerate() {
            for b in &ExportTarget::ALL[i + 1..] {
                assert_ne!(a, b);
                assert_ne!(a.label(), b.label());
                assert_ne!(a.default_file_name(), b.default_file_name());
            }
        }
        // Every data format is offered.
        for f in ExportFormat::ALL {
            assert!(ExportTarget::ALL.contains(&ExportTarget::of_data(f, false)));
        }
        assert_eq!(
            ExportTarget::of_data(ExportFormat::Csv, true),
            ExportTarget::of_data(ExportFormat::Csv, false)
        );
    }
}
