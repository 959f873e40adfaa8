//! Running documents through a chain, on one thread or several, and writing their
//! records in input order.
//!
//! Architecture invariant: the records come out in input order and are byte-identical
//! whatever the number of jobs; memory stays bounded by the in-flight window, not by the
//! corpus.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use newsproc_sdk::Chain;

use crate::input::{DocInput, RawDoc};
use crate::output::{Record, RecordWriter};

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub documents: usize,
    pub failed: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The run stopped early (interrupted, or `fail_fast`); the documents after
    /// `documents` have no record.
    pub stopped_early: bool,
    /// Time spent in each stage of the chain, summed over documents and jobs.
    pub stage_time: Vec<Duration>,
}

impl RunSummary {
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn documents_per_second(&self) -> f64 {
        self.documents as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// How to run.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions<'a> {
    /// Worker threads; 1 runs on the calling thread.
    pub jobs: usize,
    /// Ask each stage for its readable report.
    pub report: bool,
    /// Stop after the first document that fails.
    pub fail_fast: bool,
    /// Set from outside (Ctrl-C) to stop taking new documents.
    pub stop: Option<&'a AtomicBool>,
}

impl Default for RunOptions<'_> {
    fn default() -> Self {
        RunOptions {
            jobs: 1,
            report: false,
            fail_fast: false,
            stop: None,
        }
    }
}

/// A record as the writer gets it: rendered, with what the summary needs.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub id: String,
    pub failed: bool,
    pub text_len: usize,
    pub bytes: Vec<u8>,
    pub stage_time: Vec<Duration>,
}

/// Called after each record is written, in order.
pub trait Progress {
    fn record_written(&mut self, record: &Rendered, summary: &RunSummary);
}

impl Progress for () {
    fn record_written(&mut self, _: &Rendered, _: &RunSummary) {}
}

/// Processes one document into its record.
pub fn process_document(chain: &Chain, doc: DocInput, report: bool) -> Record {
    match doc.text {
        Err(why) => Record::unreadable(doc.id, why, doc.meta),
        Ok(text) => {
            let outcome = chain.run(&doc.id, &text, report);
            Record {
                id: doc.id,
                layers: outcome.layers,
                errors: outcome.errors,
                meta: doc.meta,
                text_len: text.len(),
                stage_time: outcome.stage_time,
            }
        }
    }
}

/// Reads, processes and renders one document: everything a worker does.
fn work(
    chain: &Chain,
    raw: RawDoc,
    report: bool,
    render: &(dyn Fn(&Record) -> Vec<u8> + Sync),
) -> Rendered {
    let record = process_document(chain, raw.parse(), report);
    Rendered {
        bytes: render(&record),
        failed: record.failed(),
        text_len: record.text_len,
        id: record.id,
        stage_time: record.stage_time,
    }
}

/// Runs every document, renders each record with `render` on the worker that made it,
/// and hands the rendered records, in input order, to `sink`.
pub fn run_ordered(
    chain: &Chain,
    documents: impl Iterator<Item = RawDoc> + Send,
    options: RunOptions<'_>,
    render: &(dyn Fn(&Record) -> Vec<u8> + Sync),
    mut sink: impl FnMut(Rendered, &RunSummary) -> io::Result<()>,
) -> io::Result<RunSummary> {
    let started = Instant::now();
    let mut summary = RunSummary::default();
    let stop_requested = || options.stop.is_some_and(|s| s.load(Ordering::Relaxed));
    let mut account = |record: Rendered, summary: &mut RunSummary| -> io::Result<bool> {
        summary.documents += 1;
        summary.failed += usize::from(record.failed);
        summary.bytes += record.text_len as u64;
        if summary.stage_time.len() < record.stage_time.len() {
            summary
                .stage_time
                .resize(record.stage_time.len(), Duration::ZERO);
        }
        for (total, time) in summary.stage_time.iter_mut().zip(&record.stage_time) {
            *total += *time;
        }
        summary.elapsed = started.elapsed();
        let failed = record.failed;
        sink(record, summary)?;
        Ok(failed && options.fail_fast)
    };

    if options.jobs <= 1 {
        for doc in documents {
            if stop_requested() {
                summary.stopped_early = true;
                break;
            }
            let record = work(chain, doc, options.report, render);
            if account(record, &mut summary)? {
                summary.stopped_early = true;
                break;
            }
        }
        summary.elapsed = started.elapsed();
        return Ok(summary);
    }

    // `jobs - 1` workers take the next document from the shared input, at most `window`
    // ahead of the writer, and send their records here. This thread is the writer, which
    // puts the records back in order, and the last worker: between documents of its own
    // it writes whatever has come in. A writer thread of its own would be one thread more
    // than there are cores, woken for every record, preempting a worker each time.
    let window = options.jobs * 16;
    let input = Mutex::new(documents.enumerate());
    let written = (Mutex::new(0usize), Condvar::new());
    let halt = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, Rendered)>();
    let outcome = std::thread::scope(|scope| -> io::Result<()> {
        for _ in 1..options.jobs {
            let sender = sender.clone();
            let (input, written, halt) = (&input, &written, &halt);
            scope.spawn(move || {
                loop {
                    if halt.load(Ordering::Relaxed) || stop_requested() {
                        break;
                    }
                    let next = input.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((seq, doc)) = next else { break };
                    let (count, turn) = written;
                    let mut done = count.lock().unwrap_or_else(|e| e.into_inner());
                    while seq >= *done + window && !halt.load(Ordering::Relaxed) {
                        done = turn.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    let record = work(chain, doc, options.report, render);
                    if sender.send((seq, record)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut pending: BTreeMap<usize, Rendered> = BTreeMap::new();
        let mut next_to_write = 0usize;
        // Writes the records that are next in order; true when the run must stop.
        let mut write_ready = |pending: &mut BTreeMap<usize, Rendered>,
                               summary: &mut RunSummary|
         -> io::Result<bool> {
            while let Some(record) = pending.remove(&next_to_write) {
                next_to_write += 1;
                let stop = account(record, summary)?;
                let (count, turn) = &written;
                *count.lock().unwrap_or_else(|e| e.into_inner()) = next_to_write;
                turn.notify_all();
                if stop {
                    summary.stopped_early = true;
                    return Ok(true);
                }
            }
            Ok(false)
        };
        let result = (|| {
            let mut input_left = true;
            loop {
                for (seq, record) in receiver.try_iter() {
                    pending.insert(seq, record);
                }
                if write_ready(&mut pending, &mut summary)? {
                    return Ok(());
                }
                // A document of this thread's own while the input lasts and the records
                // waiting to be written stay within the window; otherwise wait for one.
                let own = (input_left && pending.len() < window && !stop_requested())
                    .then(|| input.lock().unwrap_or_else(|e| e.into_inner()).next())
                    .flatten();
                match own {
                    Some((seq, doc)) => {
                        let record = work(chain, doc, options.report, render);
                        pending.insert(seq, record);
                    }
                    None => {
                        // Neither at the window's end nor stopped: out of input.
                        if pending.len() < window && !stop_requested() {
                            input_left = false;
                        }
                        match receiver.recv() {
                            Ok((seq, record)) => {
                                pending.insert(seq, record);
                            }
                            // Every worker is done and sent all it had: write the rest.
                            Err(mpsc::RecvError) => {
                                write_ready(&mut pending, &mut summary)?;
                                return Ok(());
                            }
                        }
                    }
                }
            }
        })();
        // Release any worker waiting on the window, whatever ended the loop.
        halt.store(true, Ordering::Relaxed);
        written.1.notify_all();
        drop(receiver);
        result
    });
    if stop_requested() {
        summary.stopped_early = true;
    }
    summary.elapsed = started.elapsed();
    outcome.map(|()| summary)
}

/// Runs every document and writes one record each, in input order.
pub fn run_documents<W: Write>(
    chain: &Chain,
    documents: impl Iterator<Item = RawDoc> + Send,
    writer: &mut RecordWriter<W>,
    options: RunOptions<'_>,
    progress: &mut dyn Progress,
) -> io::Result<RunSummary> {
    let format = writer.format();
    run_ordered(
        chain,
        documents,
        options,
        &|record| format.render(record),
        |record, summary| {
            writer.write_rendered(&record.bytes)?;
            progress.record_written(&record, summary);
            Ok(())
        },
    )
}
