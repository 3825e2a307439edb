use std::process::ExitCode;

use clap::Parser;
use frontline::app::{self, LaunchOptions, RunError};
use frontline::cli::{self, Cli, Command};
use frontline::store::Store;

/// Loading a large corpus makes hundreds of thousands of small strings: mimalloc allocates and
/// frees them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    frontline::startup::started();
    let cli = Cli::parse();
    match &cli.command {
        None => launch(&cli, cli.at.as_deref(), cli.select.clone(), None, None),
        Some(Command::Screenshot {
            out,
            at,
            select,
            size,
            story,
            step,
        }) => {
            let Some(size) = parse_size(size) else {
                eprintln!("error: --size must be WIDTHxHEIGHT, e.g. 1280x800");
                return ExitCode::from(2);
            };
            launch(
                &cli,
                at.as_deref(),
                select.clone(),
                Some((out.clone(), size)),
                story.as_deref().map(|s| (s, *step)),
            )
        }
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
    screenshot: Option<(std::path::PathBuf, egui::Vec2)>,
    story: Option<(&str, usize)>,
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
    if let Some((out, _)) = &screenshot
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
    match app::run(
        store,
        source,
        LaunchOptions { at, select },
        screenshot,
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
