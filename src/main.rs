use std::process::ExitCode;

use clap::Parser;
use frontline::app::{self, Capture, LaunchOptions};
use frontline::cli::{self, Cli, CliError, Command, ExportArgs, SizeError};
use frontline::export::video::{self, Progress, Schedule, VideoFormat};
use frontline::output;
use frontline::store::Store;

/// Loading a large corpus makes hundreds of thousands of small strings: mimalloc allocates and
/// frees them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The one place that prints an error and chooses the exit code: every path below returns a
/// [`CliError`].
fn main() -> ExitCode {
    frontline::startup::started();
    let cli = Cli::parse();
    run(&cli).unwrap_or_else(|e| e.report())
}

fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    match &cli.command {
        None => launch(
            cli,
            Launch {
                at: cli.at.as_deref(),
                select: cli.select.clone(),
                filters: cli.filters.clone(),
                ..Launch::default()
            },
        ),
        Some(Command::Screenshot {
            out,
            at,
            select,
            filters,
            areas,
            size,
            layout,
            publish,
            story,
            step,
            article,
        }) => {
            let (w, h) = publish.size(size, parse_size).ok_or(SizeError {
                example: "1280x800",
            })?;
            let capture = Capture::Screenshot {
                out: out.clone(),
                size: egui::vec2(w as f32, h as f32),
                look: publish.look(*layout),
            };
            launch(
                cli,
                Launch {
                    at: at.as_deref(),
                    select: select.clone(),
                    filters: filters.clone(),
                    capture: Some(capture),
                    story: story.as_deref().map(|s| (s, *step)),
                    article: article.clone(),
                    areas: areas.settings(),
                },
            )
        }
        Some(Command::Export(args)) if args.kind == cli::ExportKind::Areas => {
            cli::export::export_areas(cli, args, &mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => match args.kind.format() {
            Some(format) => {
                let mut out = std::io::stdout();
                cli::export::export_file(cli, args, format, &mut out)?;
                Ok(ExitCode::SUCCESS)
            }
            None => export_video(cli, args),
        },
        Some(Command::Terminal(command)) => cli::run(cli, command),
    }
}

fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(['x', 'X'])?;
    let (w, h) = (w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?);
    (w >= 320 && h >= 240 && w <= 8192 && h <= 8192).then_some((w, h))
}

/// How the window is asked to open, as the command line gave it: the app, or a screenshot of
/// it (a story's step, an article in the reader).
#[derive(Default)]
struct Launch<'a> {
    /// `--at`, not parsed yet.
    at: Option<&'a str>,
    select: Option<String>,
    filters: cli::FilterArgs,
    capture: Option<Capture>,
    /// A story's name and step (from 1), not resolved yet.
    story: Option<(&'a str, usize)>,
    article: Option<String>,
    /// `--reach`, `--stale-days`: None keeps what the app remembers.
    areas: Option<frontline::view::areas::AreaSettings>,
}

fn launch(cli: &Cli, launch: Launch) -> Result<ExitCode, CliError> {
    // Tiles are fetched over rustls only when the user turns them on; it needs a crypto provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let at = launch.at.map(cli::parse_at).transpose()?;
    if let Some(Capture::Screenshot { out, .. }) = &launch.capture {
        output::check_destination(out)?;
    }
    // Loaded once: to check `--select` here, then handed to the app.
    let source = cli.source();
    let store = Store::load(&source);
    if let Some(name) = &launch.select {
        cli::resolve_place(&store, name)?;
    }
    let story = launch
        .story
        .map(|(name, step)| cli::resolve_story(&store, name, step))
        .transpose()?;
    if let Some(id) = &launch.article {
        cli::check_article(&store, id)?;
    }
    cli::check_actors(&store, &launch.filters.hide)?;
    if let Some(note) = at.and_then(|at| app::clamped_at(&store, at)) {
        eprintln!("warning: {note}");
    }
    let options = LaunchOptions {
        at,
        select: launch.select,
        hide: launch.filters.hide,
        stated_only: launch.filters.stated_only,
        article: launch.article,
        areas: launch.areas,
    };
    app::run(store, source, options, launch.capture, story)?;
    Ok(ExitCode::SUCCESS)
}

/// `frontline export video`: checks everything it can before drawing, then draws the replay
/// frame by frame offscreen (no display needed), with a progress bar on the terminal. Ctrl+C
/// stops it after the frame being drawn and leaves no file; a second Ctrl+C ends it at once.
fn export_video(cli: &Cli, args: &ExportArgs) -> Result<ExitCode, CliError> {
    let format = VideoFormat::of_path(&args.out)?;
    let (width, height) = args
        .publish
        .size(&args.size, video::parse_size)
        .ok_or(SizeError {
            example: "1280x720",
        })?;
    let step = video::parse_step(&args.step)?;
    output::check_destination(&args.out)?;
    if format == VideoFormat::Mp4 {
        video::encode::check_ffmpeg(&args.out).map_err(CliError::VideoCheck)?;
    }
    let store = Store::load(&cli.source());
    if let Some(name) = &args.select {
        cli::resolve_place(&store, name)?;
    }
    cli::check_actors(&store, &args.filters.hide)?;
    let schedule = Schedule::new(args.from, args.to, store.span(), step)?;
    let spec = app::video::VideoSpec {
        out: args.out.clone(),
        format,
        schedule,
        fps: args.fps,
        width,
        height,
        options: cli::export::video_launch_options(args),
        look: args.publish.look(args.layout),
    };
    let frames = spec.schedule.len();
    let started = std::time::Instant::now();
    let progress = Progress::new(frames);
    let reporter = report_progress(progress.clone());
    let result = app::video::render(store, &spec, &progress);
    progress.finish();
    let _ = reporter.join();
    result?;
    let bytes = std::fs::metadata(&args.out).map_or(0, |m| m.len());
    println!(
        "wrote {} ({frames} frames at {} fps, {bytes} bytes, {:.1} s)",
        args.out.display(),
        args.fps,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on standard error until the export has finished; Ctrl+C cancels it.
fn report_progress(progress: std::sync::Arc<Progress>) -> std::thread::JoinHandle<()> {
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // The first Ctrl+C sets the flag; a second one, once it is set, ends the process.
    let _ = signal_hook::flag::register_conditional_shutdown(
        signal_hook::consts::SIGINT,
        130,
        interrupted.clone(),
    );
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted.clone());
    std::thread::spawn(move || {
        let bar = indicatif::ProgressBar::new(progress.total() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:40}] {pos}/{len} frames, {elapsed} (about {eta} left)",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message("exporting");
        while !progress.is_finished() {
            if interrupted.load(std::sync::atomic::Ordering::Relaxed) && !progress.is_cancelled() {
                progress.cancel();
                bar.set_message("cancelling");
            }
            bar.set_position(progress.done() as u64);
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        bar.finish_and_clear();
    })
}
