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
