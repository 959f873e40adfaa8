//! Test support: the plugins the tests load, built by the tests themselves so that
//! `cargo test` works on a fresh clone.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Every stage library the tests load.
const PLUGIN_CRATES: &[&str] = &[
    "newsproc-stage-source",
    "newsproc-stage-attribution",
    "newsproc-stage-quotes",
    "newsproc-stage-casualties",
    "newsproc-stage-faulty",
    "newsproc-stage-foreign",
];

/// The directory holding the test binaries' profile output (`target/debug`), where cargo
/// also puts the plugin libraries.
pub fn profile_dir() -> PathBuf {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_newsproc"));
    exe.parent()
        .expect("the binary has a directory")
        .to_path_buf()
}

/// Builds the plugins once per test binary, with the profile the tests were built with,
/// and returns the directory they are in.
pub fn plugin_dir() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = profile_dir();
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.arg("build").arg("--quiet");
        if dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        for krate in PLUGIN_CRATES {
            cmd.args(["-p", krate]);
        }
        cmd.current_dir(workspace_root());
        let status = cmd.status().expect("cargo runs");
        assert!(status.success(), "building the plugins failed");
        dir
    })
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn fixtures() -> PathBuf {
    workspace_root().join("fixtures")
}

/// Runs `newsproc` with the test plugins on its search path.
pub fn newsproc(args: &[&str]) -> Output {
    newsproc_with_stdin(args, None)
}

pub fn newsproc_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let plugins = plugin_dir();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsproc"));
    let (command, rest) = args.split_first().expect("a subcommand");
    cmd.arg(command).arg("--plugin-dir").arg(plugins).args(rest);
    cmd.stdin(if stdin.is_some() {
        std::process::Stdio::piped()
    } else {
        std::process::Stdio::null()
    });
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("newsproc starts");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().expect("newsproc runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// The JSONL records of a run's standard output.
pub fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

/// A scratch directory unique to one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = profile_dir().join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
