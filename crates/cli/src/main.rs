//! `newsproc`: the command line.
//!
//! Exit codes: 0 when every document succeeded, 1 when some failed (their records say
//! why), 2 when the pipeline or the command line is wrong.

mod commands;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "newsproc",
    version,
    about = "Reads English news articles by machine."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline over articles and write one record per article.
    Run(RunArgs),
    /// Check a pipeline without running it, and show it as a table.
    Check(PipelineArgs),
    /// List the stage plugins found on the search path and what they provide.
    Stages(PipelineArgs),
    /// Score the pipeline against gold annotations (formats in README.md).
    Eval(EvalArgs),
}

#[derive(Args)]
struct EvalArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// What to score: direct, attribution, quotes, casualties or source.
    #[arg(long, value_parser = parse_task)]
    task: newsproc_eval::Task,
    /// The gold file (JSONL).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Score these output records (JSONL) instead of running the pipeline.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Print the machine-readable result (JSON) instead of the table.
    #[arg(long)]
    json: bool,
    /// Also list the N worst misses and false alarms of each kind, with their context.
    #[arg(long, value_name = "N")]
    errors: Option<usize>,
    /// Documents processed at once; by default one per core.
    #[arg(long, short, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
}

fn parse_task(s: &str) -> Result<newsproc_eval::Task, String> {
    s.parse()
        .map_err(|e: newsproc_eval::UnknownTask| e.to_string())
}

#[derive(Args)]
struct PipelineArgs {
    /// The pipeline file (TOML). Without it, the built-in pipeline of the four stages.
    #[arg(long, value_name = "FILE")]
    pipeline: Option<PathBuf>,
    /// A directory to look for plugins in, before those of the pipeline file and the
    /// executable's own directory. Repeatable.
    #[arg(long = "plugin-dir", value_name = "DIR")]
    plugin_dirs: Vec<PathBuf>,
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// How to write the records.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Write to this file instead of standard output. It appears only when the run is
    /// complete.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Documents processed at once; by default one per core. The output is the same
    /// whatever the number.
    #[arg(long, short, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// Stop at the first document that fails.
    #[arg(long)]
    fail_fast: bool,
    /// Print the summary line (documents, failures, time, throughput, peak memory) even
    /// when standard error is not a terminal.
    #[arg(long)]
    summary: bool,
    /// Articles: `.txt` files, directories of them, `.jsonl` files of
    /// {"id", "text", ...} records, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// A readable report of each article.
    Text,
    /// One JSON array of records.
    Json,
    /// One JSON record per line (the output contract).
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run(args) => commands::run(args),
        Command::Check(args) => commands::check(args),
        Command::Stages(args) => commands::stages(args),
        Command::Eval(args) => commands::eval(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprint!("{error}");
            if !error.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(2)
        }
    }
}
