//! The video encoders: frames in as RGBA buffers (4 bytes a pixel, rows top to bottom), a GIF
//! or an MP4 out. GIF is encoded here (the `gif` crate, one palette per frame); MP4 by the
//! system's `ffmpeg` (H.264, yuv420p, fast start) fed raw frames on its standard input. Both
//! write to an [`AtomicFile`], so a failed or cancelled export leaves no half file.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::VideoFormat;
use crate::output::{AtomicFile, OutputError};

/// Why a video could not be written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(
        "cannot write {}: ffmpeg is not installed (it encodes MP4); install it (e.g. `apt-get install ffmpeg`) or export a .gif",
        path.display()
    )]
    FfmpegMissing { path: PathBuf },
    #[error("cannot write {}: ffmpeg could not start: {source}", path.display())]
    FfmpegStart {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: ffmpeg failed ({status}): {stderr}", path.display())]
    FfmpegFailed {
        path: PathBuf,
        status: String,
        stderr: String,
    },
    #[error("cannot write {}: {source}; check that the disk has room", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: the GIF encoder failed: {message}", path.display())]
    Gif { path: PathBuf, message: String },
    #[error(
        "cannot write {}: a frame of {got} bytes is not {width}x{height} RGBA ({want} bytes); keep the window's size fixed while exporting",
        path.display()
    )]
    FrameSize {
        path: PathBuf,
        width: u32,
        height: u32,
        got: usize,
        want: usize,
    },
    #[error("cannot write {}: {width}x{height} is too large for a GIF (at most 65535 a side)", path.display())]
    TooLarge {
        path: PathBuf,
        width: u32,
        height: u32,
    },
}

/// An encoder being fed frames of one size.
pub struct Encoder {
    out: AtomicFile,
    width: u32,
    height: u32,
    inner: Inner,
}

enum Inner {
    Gif(gif::Encoder<BufWriter<File>>),
    Mp4 {
        ff: Ffmpeg,
        /// Even sizes for yuv420p: frames are cropped by a pixel where they are odd.
        width: u32,
        height: u32,
    },
}

impl Encoder {
    /// Starts a video of `width`×`height` frames at `fps` frames a second into `path`.
    pub fn create(
        path: &Path,
        format: VideoFormat,
        width: u32,
        height: u32,
        fps: u32,
    ) -> Result<Encoder, EncodeError> {
        let (out, file) = AtomicFile::create(path)?;
        let inner = match format {
            VideoFormat::Gif => {
                let (w, h) = match (u16::try_from(width), u16::try_from(height)) {
                    (Ok(w), Ok(h)) => (w, h),
                    _ => {
                        return Err(EncodeError::TooLarge {
                            path: path.to_owned(),
                            width,
                            height,
                        });
                    }
                };
                let gif_err = |e: gif::EncodingError| EncodeError::Gif {
                    path: path.to_owned(),
                    message: e.to_string(),
                };
                let mut enc =
                    gif::Encoder::new(BufWriter::new(file), w, h, &[]).map_err(gif_err)?;
                enc.set_repeat(gif::Repeat::Infinite).map_err(gif_err)?;
                Inner::Gif(enc)
            }
            VideoFormat::Mp4 => {
                drop(file);
                let (w, h) = (width & !1, height & !1);
                let mut child = ffmpeg(out.temp_path(), w, h, fps)
                    .spawn()
                    .map_err(|source| match source.kind() {
                        io::ErrorKind::NotFound => EncodeError::FfmpegMissing {
                            path: path.to_owned(),
                        },
                        _ => EncodeError::FfmpegStart {
                            path: path.to_owned(),
                            source,
                        },
                    })?;
                let stdin = child.stdin.take();
                Inner::Mp4 {
                    ff: Ffmpeg { child, stdin },
                    width: w,
                    height: h,
                }
            }
        };
        Ok(Encoder {
            out,
            width,
            height,
            inner,
        })
    }

    /// The frames' size, as given to [`Encoder::create`].
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// Adds one frame, shown for `1/fps` seconds (`delay_cs` hundredths of a second in a GIF).
    pub fn push(&mut self, rgba: &[u8], delay_cs: u16) -> Result<(), EncodeError> {
        let want = self.width as usize * self.height as usize * 4;
        if rgba.len() != want {
            return Err(EncodeError::FrameSize {
                path: self.out.path().to_owned(),
                width: self.width,
                height: self.height,
                got: rgba.len(),
                want,
            });
        }
        let path = self.out.path().to_owned();
        match &mut self.inner {
            Inner::Gif(enc) => {
                let mut pixels = rgba.to_vec();
                let mut frame = gif::Frame::from_rgba_speed(
                    self.width as u16,
                    self.height as u16,
                    &mut pixels,
                    10,
                );
                frame.delay = delay_cs;
                enc.write_frame(&frame).map_err(|e| EncodeError::Gif {
                    path,
                    message: e.to_string(),
                })
            }
            Inner::Mp4 { ff, width, height } => {
                let Some(stdin) = &mut ff.stdin else {
                    return Ok(());
                };
                let row = self.width as usize * 4;
                let keep = *width as usize * 4;
                let written = if keep == row && *height == self.height {
                    stdin.write_all(rgba)
                } else {
                    rgba.chunks_exact(row)
                        .take(*height as usize)
                        .try_for_each(|r| stdin.write_all(&r[..keep]))
                };
                // A broken pipe means ffmpeg stopped: `finish` reports why from its stderr.
                match written {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    other => other.map_err(|source| EncodeError::Write { path, source }),
                }
            }
        }
    }

    /// Finishes the file and moves it into place.
    pub fn finish(self) -> Result<(), EncodeError> {
        let path = self.out.path().to_owned();
        match self.inner {
            Inner::Gif(enc) => {
                let mut w = enc.into_inner().map_err(|e| EncodeError::Gif {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                w.flush()
                    .map_err(|source| EncodeError::Write { path, source })?;
            }
            Inner::Mp4 { mut ff, .. } => {
                drop(ff.stdin.take());
                let mut stderr = String::new();
                if let Some(mut e) = ff.child.stderr.take() {
                    let _ = e.read_to_string(&mut stderr);
                }
                let status = ff.child.wait().map_err(|source| EncodeError::FfmpegStart {
                    path: path.clone(),
                    source,
                })?;
                if !status.success() {
                    let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
                    return Err(EncodeError::FfmpegFailed {
                        path,
                        status: status.to_string(),
                        stderr: tail.into_iter().rev().collect::<Vec<_>>().join(" / "),
                    });
                }
            }
        }
        self.out.commit()?;
        Ok(())
    }
}

/// The ffmpeg child process; its input is closed by [`Encoder::finish`].
struct Ffmpeg {
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Drop for Ffmpeg {
    /// A cancelled or failed MP4 stops ffmpeg rather than leaving it waiting on its input.
    fn drop(&mut self) {
        if self.stdin.take().is_some() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Whether `ffmpeg` can be started, so that an MP4 export fails before any frame is drawn.
pub fn check_ffmpeg(path: &Path) -> Result<(), EncodeError> {
    match Command::new("ffmpeg")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(EncodeError::FfmpegMissing {
            path: path.to_owned(),
        }),
        Err(source) => Err(EncodeError::FfmpegStart {
            path: path.to_owned(),
            source,
        }),
    }
}

/// `ffmpeg -f rawvideo -pix_fmt rgba -s WxH -framerate N -i - -c:v libx264 -pix_fmt yuv420p
/// -movflags +faststart -f mp4 OUT`, quiet but for errors.
fn ffmpeg(out: &Path, width: u32, height: u32, fps: u32) -> Command {
    let mut cmd = Command::new("ffmpeg");
    cmd.args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(["-f", "rawvideo", "-pix_fmt", "rgba"])
        .args(["-s", &format!("{width}x{height}")])
        .args(["-framerate", &fps.to_string()])
        .args(["-i", "-", "-c:v", "libx264", "-pix_fmt", "yuv420p"])
        .args(["-movflags", "+faststart", "-f", "mp4"])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame drawn in memory: a red square that moves right by `i` × 8 pixels on white.
    fn frame(w: u32, h: u32, i: u32) -> Vec<u8> {
        let mut px = vec![255u8; (w * h * 4) as usize];
        for y in 8..24 {
            for x in (i * 8)..(i * 8 + 16) {
                let o = ((y * w + x) * 4) as usize;
                px[o..o + 4].copy_from_slice(&[220, 30, 30, 255]);
            }
        }
        px
    }

    #[test]
    fn a_gif_decodes_to_its_frames() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replay.gif");
        let (w, h) = (96, 40);
        let mut enc = Encoder::create(&path, VideoFormat::Gif, w, h, 4).unwrap();
        for i in 0..5 {
            enc.push(&frame(w, h, i), 25).unwrap();
        }
        assert!(!path.exists(), "nothing at the destination before finish");
        enc.finish().unwrap();

        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::RGBA);
        let mut decoder = options.read_info(File::open(&path).unwrap()).unwrap();
        assert_eq!((decoder.width(), decoder.height()), (96, 40));
        let mut frames = 0;
        while let Some(f) = decoder.read_next_frame().unwrap() {
            assert_eq!(f.delay, 25);
            // The red square is where frame `frames` drew it.
            let x = frames * 8 + 4;
            let o = ((12 * f.width as u32 + x) * 4) as usize;
            assert!(f.buffer[o] > 180 && f.buffer[o + 1] < 80, "frame {frames}");
            frames += 1;
        }
        assert_eq!(frames, 5);
    }

    #[test]
    fn a_frame_of_the_wrong_size_is_refused_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replay.gif");
        let mut enc = Encoder::create(&path, VideoFormat::Gif, 64, 64, 4).unwrap();
        let err = enc.push(&[0; 16], 25).unwrap_err();
        assert!(matches!(err, EncodeError::FrameSize { .. }), "{err:?}");
        assert!(err.to_string().contains("replay.gif"), "{err}");
        drop(enc);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    fn on_path(program: &str) -> bool {
        Command::new(program)
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    }

    #[test]
    fn an_mp4_is_h264_yuv420p_with_every_frame() {
        if !on_path("ffmpeg") || !on_path("ffprobe") {
            eprintln!("skipped: ffmpeg or ffprobe is not on the PATH");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replay.mp4");
        // Odd sizes: the encoder crops to even ones for yuv420p.
        let (w, h) = (97, 41);
        let mut enc = Encoder::create(&path, VideoFormat::Mp4, w, h, 4).unwrap();
        for i in 0..6 {
            enc.push(&frame(w, h, i), 25).unwrap();
        }
        enc.finish().unwrap();
        let probe = Command::new("ffprobe")
            .args(["-v", "error", "-select_streams", "v:0", "-count_frames"])
            .args([
                "-show_entries",
                "stream=codec_name,pix_fmt,width,height,nb_read_frames",
            ])
            .args(["-of", "default=noprint_wrappers=1"])
            .arg(&path)
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&probe.stdout);
        for want in [
            "codec_name=h264",
            "pix_fmt=yuv420p",
            "width=96",
            "height=40",
            "nb_read_frames=6",
        ] {
            assert!(out.lines().any(|l| l == want), "{want} not in:\n{out}");
        }
    }

    #[test]
    fn a_cancelled_mp4_stops_ffmpeg_and_leaves_no_file() {
        if !on_path("ffmpeg") {
            eprintln!("skipped: ffmpeg is not on the PATH");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replay.mp4");
        let mut enc = Encoder::create(&path, VideoFormat::Mp4, 64, 32, 4).unwrap();
        enc.push(&frame(64, 32, 0), 25).unwrap();
        drop(enc);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(check_ffmpeg(&path).is_ok());
    }

    #[test]
    fn a_missing_ffmpeg_is_named_with_its_package() {
        let err = EncodeError::FfmpegMissing {
            path: PathBuf::from("out.mp4"),
        };
        let text = err.to_string();
        assert!(
            text.contains("out.mp4") && text.contains("apt-get install ffmpeg"),
            "{text}"
        );
    }
}
