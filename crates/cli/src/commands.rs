use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsproc_host::assemble::{discover, display_path};
use newsproc_host::search::SearchPath;
use newsproc_host::{
    AssembleOptions, Documents, Format, Input, Pipeline, RecordWriter, RunOptions, run_documents,
};
use newsproc_pipeline::{PipelineFile, SourceFile};

use crate::{EvalArgs, FormatArg, PipelineArgs, RunArgs};

/// The pipeline used when none is given.
const DEFAULT_PIPELINE: &str = include_str!("../../../fixtures/pipelines/default.toml");

type CmdResult = Result<ExitCode, Box<dyn std::error::Error>>;

fn pipeline_file(args: &PipelineArgs) -> Result<PipelineFile, newsproc_pipeline::Diagnostics> {
    match &args.pipeline {
        Some(path) => PipelineFile::load(path),
        None => PipelineFile::parse(SourceFile::new("<built-in pipeline>", DEFAULT_PIPELINE)),
    }
}

fn assemble(args: &PipelineArgs) -> Result<Pipeline, newsproc_pipeline::Diagnostics> {
    let options = AssembleOptions {
        plugin_dirs: args.plugin_dirs.clone(),
        skip_executable_dir: false,
    };
    Pipeline::assemble(pipeline_file(args)?, &options)
}

pub fn run(args: RunArgs) -> CmdResult {
    // A wrong input is a wrong command line: say so before loading anything.
    let inputs = args
        .inputs
        .iter()
        .map(|p| Input::classify(p))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(output) = &args.output {
        check_output(output)?;
    }
    let pipeline = assemble(&args.pipeline)?;
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let total_bytes: Option<u64> = inputs.iter().map(Input::size).sum();
    let stop = crate::progress::stop_on_interrupt();
    let options = RunOptions {
        jobs: args.jobs.map_or_else(default_jobs, |n| n.get()),
        report: format == Format::Text,
        fail_fast: args.fail_fast,
        stop: Some(stop),
    };
    let documents = Documents::new(inputs);
    let stderr_is_terminal = io::stderr().is_terminal();
    let mut bar =
        crate::progress::Bar::new(total_bytes, documents.bytes_read(), stderr_is_terminal);
    let summary = match &args.output {
        None => {
            let stdout = io::stdout().lock();
            let mut writer = RecordWriter::new(BufWriter::new(stdout), format);
            let summary =
                run_documents(&pipeline.chain, documents, &mut writer, options, &mut bar)?;
            writer.finish()?;
            summary
        }
        Some(path) => match PartialFile::create(path)? {
            // A device or pipe (`/dev/null`, a FIFO) is written in place: renaming a
            // temporary file onto it would replace the device with a regular file.
            None => {
                let file = File::options().write(true).open(path).map_err(|e| {
                    io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
                })?;
                let mut writer = RecordWriter::new(BufWriter::new(file), format);
                let summary =
                    run_documents(&pipeline.chain, documents, &mut writer, options, &mut bar)?;
                writer.finish()?;
                summary
            }
            Some(partial) => {
                let mut writer = RecordWriter::new(BufWriter::new(partial.file()?), format);
                let summary =
                    run_documents(&pipeline.chain, documents, &mut writer, options, &mut bar)?;
                writer
                    .finish()?
                    .into_inner()
                    .map_err(|e| e.into_error())?
                    .sync_all()?;
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let kept = partial.keep_as_partial()?;
                    eprintln!(
                        "newsproc: interrupted; the {} records written so far are in {} (not renamed to {})",
                        summary.documents,
                        kept.display(),
                        path.display()
                    );
                } else {
                    partial.commit()?;
                }
                summary
            }
        },
    };
    bar.finish();
    let interrupted = stop.load(std::sync::atomic::Ordering::SeqCst);
    if args.summary || stderr_is_terminal || summary.failed > 0 || summary.stopped_early {
        eprintln!("{}", crate::progress::summary_line(&summary));
    }
    if args.summary
        && let Some(line) = crate::progress::stage_time_line(&pipeline, &summary)
    {
        eprintln!("{line}");
    }
    if interrupted {
        eprintln!(
            "newsproc: interrupted after {} documents; later documents have no record",
            summary.documents
        );
        return Ok(ExitCode::from(130));
    }
    if summary.stopped_early {
        eprintln!(
            "newsproc: stopped at the first failure (--fail-fast); later documents have no record"
        );
    }
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// An `--output` that cannot be written is a wrong command line: said before any plugin
/// loads or any document runs, rather than after.
fn check_output(output: &Path) -> Result<(), String> {
    if output.is_dir() {
        return Err(format!(
            "--output {} is a directory: name a file in it, such as {}",
            output.display(),
            output.join("records.jsonl").display()
        ));
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(format!(
            "--output {}: the directory {} does not exist; create it first",
            output.display(),
            parent.display()
        ));
    }
    Ok(())
}

/// An output file written under a temporary name and renamed into place only when the
/// run completes, so an interrupted run never leaves a file that looks whole.
struct PartialFile {
    temporary: PathBuf,
    destination: PathBuf,
}

impl PartialFile {
    /// `None` when the destination exists and is not a regular file (a device, a pipe):
    /// such a destination cannot be replaced by renaming and is written directly.
    /// A symbolic link is followed, so the file it points to is replaced, not the link.
    fn create(destination: &Path) -> io::Result<Option<PartialFile>> {
        let destination = match std::fs::metadata(destination) {
            Ok(meta) if !meta.is_file() => return Ok(None),
            Ok(_) => std::fs::canonicalize(destination)?,
            Err(_) => destination.to_path_buf(),
        };
        let destination = destination.as_path();
        let name = destination
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let temporary =
            destination.with_file_name(format!(".{name}.partial-{}", std::process::id()));
        Ok(Some(PartialFile {
            temporary,
            destination: destination.to_path_buf(),
        }))
    }

    fn file(&self) -> io::Result<File> {
        File::create(&self.temporary).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot create {} (the output is written there, then renamed to {}): {e}",
                    self.temporary.display(),
                    self.destination.display()
                ),
            )
        })
    }

    /// Keeps an incomplete output beside the destination, under a name that says so.
    fn keep_as_partial(self) -> io::Result<PathBuf> {
        let mut kept = self.destination.clone().into_os_string();
        kept.push(".partial");
        let kept = PathBuf::from(kept);
        std::fs::rename(&self.temporary, &kept)?;
        std::mem::forget(self);
        Ok(kept)
    }

    fn commit(self) -> io::Result<()> {
        std::fs::rename(&self.temporary, &self.destination)?;
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.temporary);
    }
}

pub fn check(args: PipelineArgs) -> CmdResult {
    let pipeline = assemble(&args)?;
    let mut rows = vec![[
        "stage".to_owned(),
        "plugin".to_owned(),
        "version".to_owned(),
        "requires".to_owned(),
        "provides".to_owned(),
        "library".to_owned(),
    ]];
    for stage in &pipeline.stages {
        let m = &stage.manifest;
        rows.push([
            stage.name.clone(),
            m.name.clone(),
            m.version.clone(),
            if m.requires.is_empty() {
                "-".into()
            } else {
                m.requires.join(", ")
            },
            m.provides.clone(),
            display_path(&stage.path),
        ]);
    }
    let mut out = io::stdout().lock();
    writeln!(out, "{}: ok", display_path(&pipeline.file.source.path))?;
    write_table(&mut out, &rows)?;
    let disabled: Vec<&str> = pipeline
        .file
        .stages
        .iter()
        .filter(|s| !s.enabled)
        .map(|s| s.name.as_str())
        .collect();
    if !disabled.is_empty() {
        writeln!(out, "disabled: {}", disabled.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_table(out: &mut impl Write, rows: &[[String; 6]]) -> io::Result<()> {
    let mut widths = [0usize; 6];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

pub fn stages(args: PipelineArgs) -> CmdResult {
    let dirs_from_file = match &args.pipeline {
        Some(_) => pipeline_file(&args)?.plugin_dirs,
        None => Vec::new(),
    };
    let search = SearchPath::new(&args.plugin_dirs, &dirs_from_file, true);
    let found = discover(&search);
    let mut out = io::stdout().lock();
    if found.is_empty() {
        writeln!(out, "no plugins found in {}", search.describe())?;
        return Ok(ExitCode::SUCCESS);
    }
    for (path, loaded) in found {
        match loaded {
            Ok(plugin) => {
                let m = &plugin.manifest;
                writeln!(out, "{} {}  provides `{}`", m.name, m.version, m.provides)?;
                writeln!(out, "  {}", m.description)?;
                if !m.requires.is_empty() {
                    writeln!(out, "  requires: {}", m.requires.join(", "))?;
                }
                if !m.uses.is_empty() {
                    writeln!(out, "  uses when present: {}", m.uses.join(", "))?;
                }
                writeln!(out, "  library: {}", display_path(&path))?;
                for key in &m.config {
                    let doc = if key.doc.is_empty() {
                        String::new()
                    } else {
                        format!("  # {}", key.doc)
                    };
                    writeln!(out, "  config {} = {}{doc}", key.key, key.default)?;
                }
            }
            Err(e) => writeln!(out, "{}: not usable: {e}", display_path(&path))?,
        }
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(args: EvalArgs) -> CmdResult {
    use newsproc_eval::{Predictions, error_analysis, read_gold, score};

    let open = |path: &Path| {
        File::open(path)
            .map(io::BufReader::new)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let gold = read_gold(args.task, open(&args.gold)?)
        .map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let (predictions, elapsed) = match &args.predictions {
        Some(path) => (
            Predictions::from_jsonl(open(path)?).map_err(|e| format!("{}: {e}", path.display()))?,
            None,
        ),
        None => {
            let pipeline = assemble(&args.pipeline)?;
            let documents = gold.iter().map(|doc| {
                newsproc_host::RawDoc::Ready(newsproc_host::DocInput {
                    id: doc.id.clone(),
                    text: Ok(doc.text.clone()),
                    meta: None,
                })
            });
            let options = RunOptions {
                jobs: args.jobs.map_or_else(default_jobs, |n| n.get()),
                ..RunOptions::default()
            };
            let mut records = Vec::with_capacity(gold.len());
            let summary = newsproc_host::run_ordered(
                &pipeline.chain,
                documents,
                options,
                &|record| Format::Jsonl.render(record),
                |record, _| {
                    records.push(serde_json::from_slice(&record.bytes).expect("records are JSON"));
                    Ok(())
                },
            )?;
            (Predictions::from_values(records)?, Some(summary))
        }
    };
    let report = score(args.task, &gold, &predictions)?;
    let mut out = io::stdout().lock();
    if args.json {
        let mut json: serde_json::Value = serde_json::from_str(&report.to_json())?;
        if let (Some(summary), Some(map)) = (&elapsed, json.as_object_mut()) {
            map.insert(
                "run".into(),
                serde_json::json!({
                    "documents": summary.documents,
                    "seconds": summary.elapsed.as_secs_f64(),
                    "documents_per_second": summary.documents_per_second(),
                    "mb_per_second": summary.megabytes_per_second(),
                }),
            );
        }
        writeln!(out, "{json}")?;
    } else {
        write!(out, "{}", report.render_table())?;
        if let Some(summary) = elapsed {
            writeln!(
                out,
                "{} documents in {:.2} s: {:.0} documents/s, {:.2} MB/s",
                summary.documents,
                summary.elapsed.as_secs_f64(),
                summary.documents_per_second(),
                summary.megabytes_per_second()
            )?;
        }
    }
    if let Some(n) = args.errors {
        write!(
            out,
            "{}",
            error_analysis(args.task, &gold, &predictions, n)?.render()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
