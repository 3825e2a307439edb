use std::process::ExitCode;

use clap::Parser;
use frontline::app::{self, Capture, LaunchOptions, RunError};
use frontline::cli::{self, Cli, Command, ExportArgs};
use frontline::export::video::{self, Progress, Schedule, VideoFormat};
use frontline::store::Store;

/// Loading a large corpus makes hundreds of thousands of small strings: mimalloc allocates and
/// frees them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    frontline::startup::started();
    let cli = Cli::parse();
    match &cli.command {
        None => launch(
            &cli,
            cli.at.as_deref(),
            cli.select.clone(),
            cli.filters.clone(),
            None,
            None,
            None,
        ),
        Some(Command::Screenshot {
            out,
            at,
            select,
            filters,
            size,
            story,
            step,
            article,
        }) => {
            let Some(size) = parse_size(size) else {
                eprintln!("error: --size must be WIDTHxHEIGHT, e.g. 1280x800");
                return ExitCode::from(2);
            };
            let capture = Capture::Screenshot {
                out: out.clone(),
                size,
            };
            launch(
                &cli,
                at.as_deref(),
                select.clone(),
                filters.clone(),
                Some(capture),
                story.as_deref().map(|s| (s, *step)),
                article.clone(),
            )
        }
        Some(Command::Export(args)) => match args.kind.format() {
            Some(format) => {
                let mut out = std::io::stdout();
                match cli::export::export_file(&cli, args, format, &mut out) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("error: {e}");
                        e.exit_code()
                    }
                }
            }
            None => export_video(&cli, args),
        },
        Some(Command::Terminal(command)) => cli::run(&cli, command),
    }
}

fn parse_size(s: &str) -> Option<egui::Vec2> {
    let (w, h) = s.split_once(['x', 'X'])?;
    let (w, h) = (w.trim().parse::<f32>().ok()?, h.trim().parse::<f32>().ok()?);
    (w >= 320.0 && h >= 240.0).then(|| egui::vec2(w, h))
}

fn launch(
    cli: &Cli,
    at: Option<&str>,
    select: Option<String>,
    filters: cli::FilterArgs,
    capture: Option<Capture>,
    story: Option<(&str, usize)>,
    article: Option<String>,
) -> ExitCode {
    // Tiles are fetched over rustls only when the user turns them on; it needs a crypto provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let at = match at.map(cli::parse_at).transpose() {
        Ok(at) => at,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(Capture::Screenshot { out, .. }) = &capture
        && let Err(e) = app::screenshot::check_destination(out)
    {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    // Loaded once: to check `--select` here, then handed to the app.
    let source = cli.source();
    let store = Store::load(&source);
    if let Some(name) = &select
        && let Err(e) = cli::resolve_place(&store, name)
    {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let story = match story.map(|(name, step)| cli::resolve_story(&store, name, step)) {
        None => None,
        Some(Ok(at)) => Some(at),
        Some(Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(Err(e)) = article.as_deref().map(|id| cli::check_article(&store, id)) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if let Err(e) = cli::check_actors(&store, &filters.hide) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if let Some(note) = at.and_then(|at| app::clamped_at(&store, at)) {
        eprintln!("warning: {note}");
    }
    match app::run(
        store,
        source,
        LaunchOptions {
            at,
            select,
            hide: filters.hide,
            stated_only: filters.stated_only,
            article,
        },
        capture,
        story,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e @ RunError::Window(_)) => {
            eprintln!("error: {e}");
            eprintln!(
                "hint: the app needs a display (X11 or Wayland); under a headless system, run it inside Xvfb"
            );
            ExitCode::from(1)
        }
        Err(e @ RunError::Screenshot(_)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// `frontline export video`: checks everything it can before a window opens, then draws the
/// replay frame by frame with a progress bar on the terminal.
fn export_video(cli: &Cli, args: &ExportArgs) -> ExitCode {
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    };
    let format = match VideoFormat::of_path(&args.out) {
        Ok(f) => f,
        Err(e) => return fail(&e),
    };
    let Some((w, h)) = video::parse_size(&args.size) else {
        return fail(&"--size must be WIDTHxHEIGHT, e.g. 1280x720");
    };
    let step = match video::parse_step(&args.step) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    if let Err(e) = frontline::output::check_destination(&args.out) {
        return fail(&e);
    }
    if format == VideoFormat::Mp4
        && let Err(e) = video::encode::check_ffmpeg(&args.out)
    {
        return fail(&e);
    }
    let _ = rustls::crypto::ring::default_provider().install_default();
    let source = cli.source();
    let store = Store::load(&source);
    if let Some(name) = &args.select
        && let Err(e) = cli::resolve_place(&store, name)
    {
        return fail(&e);
    }
    if let Err(e) = cli::check_actors(&store, &args.filters.hide) {
        return fail(&e);
    }
    let schedule = match Schedule::new(args.from, args.to, store.span(), step) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let frames = schedule.len();
    let started = std::time::Instant::now();
    let (job, handle) = app::video::Job::start(&args.out, format, schedule, args.fps);
    let reporter = report_progress(handle.progress.clone(), args.progress_lines);
    let size = egui::vec2(w as f32, h as f32);
    let options = cli::export::video_launch_options(args);
    let ran = app::run(
        store,
        source,
        options,
        Some(Capture::Video { job, size }),
        None,
    );
    let encoded = handle.wait();
    let _ = reporter.join();
    if let Err(e) = ran {
        eprintln!("error: {e}");
        eprintln!(
            "hint: drawing the video needs a display (X11 or Wayland); under a headless system, run it inside Xvfb"
        );
        return ExitCode::from(1);
    }
    match encoded {
        Ok(()) => {
            let bytes = std::fs::metadata(&args.out).map_or(0, |m| m.len());
            println!(
                "wrote {} ({frames} frames at {} fps, {bytes} bytes, {:.1} s)",
                args.out.display(),
                args.fps,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// A progress bar on standard error (or "frame N/M" lines on standard output for the app's
/// dialog), until the export has finished.
fn report_progress(progress: std::sync::Arc<Progress>, lines: bool) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let bar = (!lines).then(|| {
            let bar = indicatif::ProgressBar::new(progress.total() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{msg} [{bar:40}] {pos}/{len} frames, {elapsed} (about {eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_message("exporting");
            bar
        });
        let mut last = usize::MAX;
        while !progress.is_finished() {
            let done = progress.done();
            if done != last {
                last = done;
                match &bar {
                    Some(bar) => bar.set_position(done as u64),
                    None => println!("frame {done}/{}", progress.total()),
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        match bar {
            Some(bar) => bar.finish_and_clear(),
            None if progress.done() != last => {
                println!("frame {}/{}", progress.done(), progress.total())
            }
            None => {}
        }
    })
}
