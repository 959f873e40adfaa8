//! `cargo xtask`: the project's automation, in Rust so that it runs wherever cargo does.
//!
//! - `process`: build release, run the default pipeline over `fixtures/articles/`, print
//!   the report and write the records under `target/fixtures-output/`.
//! - `dist`: the binary and every shipped plugin into `target/dist/`.
//! - `new-stage NAME`: scaffold a stage crate under `plugins/NAME/`.
//! - `ci`: formatting, clippy with `-D warnings`, and the tests; what `.ci/run` runs.
//! - `eval [--check | --update]`: score every stage on the shared gold data.
//! - `bench-corpus`: throughput and memory of the release pipeline on the corpora.

mod bench_corpus;
mod eval;
mod new_stage;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The plugins that ship: built by `process` and copied by `dist`.
pub const SHIPPED_STAGES: &[&str] = &["source", "attribution", "quotes", "casualties"];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("process") => process(),
        Some("dist") => dist().map(|dir| println!("dist: {}", dir.display())),
        Some("new-stage") => match args.get(1) {
            Some(name) => new_stage::scaffold(&root(), name),
            None => Err("usage: cargo xtask new-stage NAME".into()),
        },
        Some("ci") => ci(),
        Some("bench-corpus") => bench_corpus::bench_corpus(),
        Some("eval") => match args.get(1).map(String::as_str) {
            None => eval::eval(eval::Mode::Report),
            Some("--check") => eval::eval(eval::Mode::Check),
            Some("--update") => eval::eval(eval::Mode::Update),
            Some(other) => Err(format!(
                "unknown option {other}; usage: cargo xtask eval [--check | --update]"
            )),
        },
        _ => Err(USAGE.into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <command>

commands:
  process          build, then run the default pipeline over fixtures/articles
  dist             put newsproc and its plugins into target/dist/
  new-stage NAME   scaffold a stage crate in plugins/NAME
  ci               cargo fmt --check, clippy -D warnings, the tests
  bench-corpus     the release pipeline over ../shared/eval's corpora: MB/s,
                   documents/s and peak memory on 1 and all cores, start-up time
  eval [--check | --update]
                   score every task on ../shared/eval; --check fails on a score more
                   than 0.01 below xtask/eval-floor.json, --update raises the floor";

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn library_file(stage: &str) -> String {
    format!(
        "{}newsproc_stage_{stage}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

/// Builds the binary and the shipped plugins in release mode.
pub fn build_release() -> Result<PathBuf> {
    let mut cmd = cargo();
    cmd.args(["build", "--release", "-p", "newsproc"]);
    for stage in SHIPPED_STAGES {
        cmd.args(["-p", &format!("newsproc-stage-{stage}")]);
    }
    run(&mut cmd)?;
    Ok(target_dir().join("release"))
}

fn process() -> Result {
    let release = build_release()?;
    let newsproc = release.join(format!("newsproc{}", std::env::consts::EXE_SUFFIX));
    let articles = root().join("fixtures").join("articles");
    let out_dir = target_dir().join("fixtures-output");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let records = out_dir.join("records.jsonl");
    let plugin_dir = release
        .to_str()
        .ok_or("the target directory is not UTF-8")?;
    // The JSON first, so that the report is the last thing on the screen.
    let mut jsonl = Command::new(&newsproc);
    jsonl
        .args([
            "run",
            "--plugin-dir",
            plugin_dir,
            "--format",
            "jsonl",
            "--output",
        ])
        .arg(&records)
        .arg(&articles);
    let json_ok = run(&mut jsonl);
    let mut text = Command::new(&newsproc);
    text.args(["run", "--plugin-dir", plugin_dir, "--format", "text"])
        .arg(&articles);
    let text_ok = run(&mut text);
    println!("records: {}", records.display());
    json_ok.and(text_ok)
}

fn dist() -> Result<PathBuf> {
    let release = build_release()?;
    let dist = target_dir().join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut files = vec![format!("newsproc{}", std::env::consts::EXE_SUFFIX)];
    files.extend(SHIPPED_STAGES.iter().map(|s| library_file(s)));
    for file in files {
        let from = release.join(&file);
        std::fs::copy(&from, dist.join(&file)).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    Ok(dist)
}

fn ci() -> Result {
    run(cargo().args(["fmt", "--all", "--check"]))?;
    // Clippy builds into a target directory of its own. Sharing one with `cargo test`
    // on a fresh clone once made the test build's first rustc probe fail, with a C
    // compiler's error cached in `target/.rustc_info.json`. The likely cause was later
    // found outside cargo: `bench-corpus` had replaced `/dev/null` with a regular file
    // (fixed in `newsproc run --output`). The separate directory stays: it is cheap and
    // keeps clippy's artefacts out of the test build's way.
    run(cargo()
        .env("CARGO_TARGET_DIR", target_dir().join("clippy"))
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]))?;
    run(cargo()
        .args(["test", "--workspace", "--locked"])
        .env("CI", "true")
        .env("INSTA_UPDATE", "no"))?;
    Ok(())
}
