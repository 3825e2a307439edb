use std::process::ExitCode;

use clap::Parser;
use frontline::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command @ (Command::Check | Command::State { .. } | Command::Quotes { .. })) => {
            frontline::cli::run(&cli, command)
        }
        Some(Command::Screenshot { .. }) | None => {
            eprintln!("the app is not built yet");
            ExitCode::from(1)
        }
    }
}
