//! Running documents through a chain and writing their records.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use newsproc_sdk::Chain;

use crate::input::DocInput;
use crate::output::{Record, RecordWriter};

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub documents: usize,
    pub failed: usize,
    pub bytes: u64,
    pub elapsed: Duration,
}

impl RunSummary {
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
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
            }
        }
    }
}

/// Runs every document in order and writes one record each.
pub fn run_documents<W: Write>(
    chain: &Chain,
    documents: impl Iterator<Item = DocInput>,
    writer: &mut RecordWriter<W>,
    report: bool,
) -> io::Result<RunSummary> {
    let started = Instant::now();
    let mut summary = RunSummary::default();
    for doc in documents {
        let record = process_document(chain, doc, report);
        summary.documents += 1;
        summary.failed += usize::from(record.failed());
        summary.bytes += record.text_len as u64;
        writer.write(&record)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}
