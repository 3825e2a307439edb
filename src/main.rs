use std::process::ExitCode;

use clap::Parser;
use frontline::app::{self, LaunchOptions};
use frontline::cli::{self, Cli, Command};

/// Loading a large corpus makes hundreds of thousands of small strings: mimalloc allocates and
/// frees them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    frontline::startup::started();
    let cli = Cli::parse();
    match &cli.command {
        None => launch(&cli, cli.at.as_deref(), cli.select.clone(), None),
        Some(Command::Screenshot {
            out,
            at,
            select,
            size,
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
    let source = cli.source();
    if let Some(name) = &select {
        let store = frontline::store::Store::load(&source);
        if let Err(e) = cli::resolve_place(&store, name) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    match app::run(source, LaunchOptions { at, select }, screenshot) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            eprintln!(
                "hint: the app needs a display (X11 or Wayland); under a headless system, run it inside Xvfb"
            );
            ExitCode::from(1)
        }
    }
}
