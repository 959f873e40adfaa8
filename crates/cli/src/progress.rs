//! What a corpus run shows while it works: a progress bar on a terminal, and a summary
//! line at the end.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsproc_host::{Pipeline, Progress, Rendered, RunSummary};

/// A bar over the input bytes (documents, MB/s, time left) drawn on standard error when it
/// is a terminal; invisible otherwise.
pub struct Bar {
    bar: ProgressBar,
    bytes_read: Arc<AtomicU64>,
}

impl Bar {
    pub fn new(total_bytes: Option<u64>, bytes_read: Arc<AtomicU64>, visible: bool) -> Bar {
        let bar = match total_bytes {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {percent:>3}% {msg} {binary_bytes_per_sec} left {eta}",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{elapsed_precise} {spinner} {msg} {binary_bytes_per_sec}")
                    .expect("a valid template"),
            ),
        };
        bar.set_draw_target(if visible {
            ProgressDrawTarget::stderr_with_hz(4)
        } else {
            ProgressDrawTarget::hidden()
        });
        bar.enable_steady_tick(Duration::from_millis(250));
        Bar { bar, bytes_read }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn record_written(&mut self, _: &Rendered, summary: &RunSummary) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar
            .set_position(self.bytes_read.load(Ordering::Relaxed));
        self.bar.set_message(format!(
            "{} docs, {} failed",
            summary.documents, summary.failed
        ));
    }
}

/// Ctrl-C once: stop taking new documents, finish and write those in progress. Twice:
/// quit at once.
pub fn stop_on_interrupt() -> &'static AtomicBool {
    static STOP: AtomicBool = AtomicBool::new(false);
    let installed = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            eprintln!("\nnewsproc: interrupted again, quitting now");
            std::process::exit(130);
        }
        eprintln!(
            "\nnewsproc: stopping after the documents in progress (Ctrl-C again to quit at once)"
        );
    });
    if let Err(e) = installed {
        eprintln!("newsproc: Ctrl-C will stop the run abruptly ({e})");
    }
    &STOP
}

/// The process's peak resident memory, where the platform tells it.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Where the time went: each stage's share of the time in stages and the speed it would
/// have alone on one core, e.g. `newsproc: time in stages: source 0.21 s (14%, 61 MB/s), ...`.
/// Stage authors read it to find the stage that limits a pipeline.
pub fn stage_time_line(pipeline: &Pipeline, summary: &RunSummary) -> Option<String> {
    let total: f64 = summary.stage_time.iter().map(|t| t.as_secs_f64()).sum();
    if total <= 0.0 {
        return None;
    }
    let parts: Vec<String> = pipeline
        .chain
        .stages()
        .zip(&summary.stage_time)
        .map(|((name, _), time)| {
            let seconds = time.as_secs_f64();
            format!(
                "{name} {seconds:.2} s ({:.0}%, {:.1} MB/s)",
                100.0 * seconds / total,
                summary.bytes as f64 / 1e6 / seconds.max(1e-9)
            )
        })
        .collect();
    Some(format!(
        "newsproc: time in stages (summed over jobs): {}",
        parts.join(", ")
    ))
}

pub fn summary_line(summary: &RunSummary) -> String {
    let memory = peak_memory_bytes()
        .map(|b| format!(", peak memory {:.0} MB", b as f64 / 1e6))
        .unwrap_or_default();
    format!(
        "newsproc: {} documents, {} failed, {:.2} s, {:.1} MB/s, {:.0} documents/s{memory}",
        summary.documents,
        summary.failed,
        summary.elapsed.as_secs_f64(),
        summary.megabytes_per_second(),
        summary.documents_per_second()
    )
}
