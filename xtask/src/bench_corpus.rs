//! `cargo xtask bench-corpus`: the release pipeline over the evaluation corpora, on one
//! job and on all cores, with throughput and peak memory; a corpus ten times larger, to
//! show that memory does not grow with it; the start-up time; and one document of
//! growing length, to show that time grows no faster than the text.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::eval::data_dir;
use crate::{Result, build_release, target_dir};

const CORPORA: &[&str] = &[
    "attribution/polnear-dev.jsonl",
    "attribution/polnear-train.jsonl",
    "casualties/fakes-dev.jsonl",
    "casualties/gva-dev.jsonl",
    "source/dev.jsonl",
];

struct Measure {
    documents: u64,
    seconds: f64,
    mb_per_second: f64,
    documents_per_second: f64,
    peak_mb: f64,
    /// The run's `time in stages` line, when it printed one.
    stage_times: Option<String>,
}

pub fn bench_corpus() -> Result {
    let data = data_dir();
    if !data.is_dir() {
        println!(
            "xtask bench-corpus: no corpora at {}; nothing to measure",
            data.display()
        );
        return Ok(());
    }
    let release = build_release()?;
    let newsproc = release.join(format!("newsproc{}", std::env::consts::EXE_SUFFIX));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let corpora: Vec<PathBuf> = CORPORA
        .iter()
        .map(|c| data.join(c))
        .filter(|p| p.is_file())
        .collect();

    println!(
        "| corpus | jobs | documents | seconds | MB/s | documents/s | speed-up | peak memory |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for corpus in &corpora {
        let mut one_job_seconds = None;
        for jobs in [1, cores] {
            let m = measure(&newsproc, &release, &[corpus.as_path()], jobs)?;
            let speed_up = one_job_seconds.map_or(1.0, |one: f64| one / m.seconds.max(1e-9));
            one_job_seconds.get_or_insert(m.seconds);
            println!(
                "| {} | {jobs} | {} | {:.2} | {:.1} | {:.0} | {speed_up:.2}x | {:.0} MB |",
                corpus.strip_prefix(&data).unwrap_or(corpus).display(),
                m.documents,
                m.seconds,
                m.mb_per_second,
                m.documents_per_second,
                m.peak_mb
            );
        }
    }

    // Ten copies of every corpus, one after another: memory must stay where it was.
    let big = target_dir().join("bench-corpus").join("ten-times.jsonl");
    write_repeated(&corpora, 10, &big)?;
    let all: Vec<&Path> = corpora.iter().map(PathBuf::as_path).collect();
    // All corpora in one run, on one job and on all cores: the speed-up of a run long
    // enough that start-up (a few tens of milliseconds) does not count, unlike on the
    // smaller corpora above.
    let once_one_job = measure(&newsproc, &release, &all, 1)?;
    let once = measure(&newsproc, &release, &all, cores)?;
    let ten = measure(&newsproc, &release, &[big.as_path()], cores)?;
    let size_mb = std::fs::metadata(&big)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    println!(
        "\nall corpora once: {} documents; 1 job {:.1} MB/s, {cores} jobs {:.1} MB/s ({:.2}x), peak {:.0} MB; ten times ({size_mb:.0} MB of JSONL): {} documents, {:.1} MB/s, peak {:.0} MB",
        once.documents,
        once_one_job.mb_per_second,
        once.mb_per_second,
        once_one_job.seconds / once.seconds.max(1e-9),
        once.peak_mb,
        ten.documents,
        ten.mb_per_second,
        ten.peak_mb
    );
    let _ = std::fs::remove_file(&big);
    if let Some(line) = &once.stage_times {
        println!("all corpora once, {line}");
    }

    // Start-up: loading the four plugins and checking the pipeline.
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(&newsproc)
                .args(["check", "--plugin-dir"])
                .arg(&release)
                .stdout(std::process::Stdio::null())
                .status();
            status
                .map(|_| started.elapsed().as_secs_f64() * 1e3)
                .unwrap_or(f64::NAN)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "start-up (`newsproc check`, whole process, median of 21): {:.1} ms",
        times[10]
    );

    long_documents(&newsproc, &release)
}

/// One document of the fixture articles repeated, as paragraphs, to a few lengths: the
/// speed must not fall as a document grows, or one odd document (a scraped book, a
/// transcript) stalls a corpus run.
fn long_documents(newsproc: &Path, release: &Path) -> Result {
    let fixtures = crate::root().join("fixtures/articles");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .map_err(|e| format!("{}: {e}", fixtures.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    let texts = articles
        .iter()
        .map(std::fs::read_to_string)
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| e.to_string())?;
    let mut line = String::from("one long document (fixtures repeated), one job:");
    for megabytes in [0.5, 2.0, 8.0] {
        let mut text = String::new();
        while (text.len() as f64) < megabytes * 1e6 {
            for t in &texts {
                text.push_str(t.trim());
                text.push_str("\n\n");
            }
        }
        let dir = target_dir().join("bench-corpus");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join("long-document.jsonl");
        let record = serde_json::json!({ "id": "long", "text": text });
        std::fs::write(&path, format!("{record}\n")).map_err(|e| e.to_string())?;
        let m = measure(newsproc, release, &[path.as_path()], 1)?;
        let _ = std::fs::remove_file(&path);
        line.push_str(&format!(
            " {:.1} MB in {:.2} s ({:.1} MB/s, peak {:.0} MB);",
            text.len() as f64 / 1e6,
            m.seconds,
            m.mb_per_second,
            m.peak_mb
        ));
    }
    println!("{}", line.trim_end_matches(';'));
    Ok(())
}

fn measure(newsproc: &Path, plugins: &Path, inputs: &[&Path], jobs: usize) -> Result<Measure> {
    let output = Command::new(newsproc)
        .args(["run", "--format", "jsonl", "--summary", "--output"])
        .arg(null_device())
        .arg("--plugin-dir")
        .arg(plugins)
        .args(["--jobs", &jobs.to_string()])
        .args(inputs)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", newsproc.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("newsproc: ") && l.contains("documents/s"))
        .ok_or_else(|| format!("no summary line from newsproc:\n{stderr}"))?;
    let mut measure =
        parse_summary(line).ok_or_else(|| format!("cannot read the summary line: {line}"))?;
    measure.stage_times = stderr
        .lines()
        .find(|l| l.starts_with("newsproc: time in stages"))
        .map(str::to_owned);
    Ok(measure)
}

fn null_device() -> &'static str {
    if cfg!(windows) { "NUL" } else { "/dev/null" }
}

/// Reads `newsproc: N documents, F failed, S s, X MB/s, D documents/s, peak memory M MB`.
fn parse_summary(line: &str) -> Option<Measure> {
    let fields: Vec<&str> = line.trim_start_matches("newsproc: ").split(", ").collect();
    let number =
        |i: usize| -> Option<f64> { fields.get(i)?.split_whitespace().next()?.parse().ok() };
    let peak = fields
        .iter()
        .find_map(|f| f.strip_prefix("peak memory "))
        .and_then(|f| f.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN);
    Some(Measure {
        documents: number(0)? as u64,
        seconds: number(2)?,
        mb_per_second: number(3)?,
        documents_per_second: number(4)?,
        peak_mb: peak,
        stage_times: None,
    })
}

fn write_repeated(corpora: &[PathBuf], times: usize, to: &Path) -> Result {
    use std::io::Write;
    std::fs::create_dir_all(to.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(to).map_err(|e| e.to_string())?);
    for _ in 0..times {
        for corpus in corpora {
            let bytes = std::fs::read(corpus).map_err(|e| e.to_string())?;
            out.write_all(&bytes).map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_summary_line() {
        let m = parse_summary(
            "newsproc: 84 documents, 0 failed, 0.03 s, 13.2 MB/s, 2678 documents/s, peak memory 12 MB",
        )
        .unwrap();
        assert_eq!(m.documents, 84);
        assert_eq!(m.seconds, 0.03);
        assert_eq!(m.mb_per_second, 13.2);
        assert_eq!(m.documents_per_second, 2678.0);
        assert_eq!(m.peak_mb, 12.0);
    }
}
