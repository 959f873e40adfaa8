//! Running an ordered list of stages over one document: the part of the host that does
//! not care where the stages come from, shared by the host (plugins loaded from disk), the
//! in-process runner of stage tests, and the benchmarks that compare the two.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::document::Document;
use crate::span_check::check_spans_of;
use crate::{DynStage, Failure, FailureKind};

/// One stage of a chain, under the name the pipeline gives it.
#[derive(Clone)]
pub struct ChainStage {
    pub id: String,
    pub stage: Arc<dyn DynStage>,
}

struct Step {
    id: String,
    stage: Arc<dyn DynStage>,
    /// Layers the stage sees: (layer name, index of the step that provides it, required).
    inputs: Vec<(String, usize, bool)>,
}

/// An ordered list of stages whose required layers are all provided by earlier stages.
pub struct Chain {
    steps: Vec<Step>,
}

/// A layer one stage produced for one document.
#[derive(Debug, Clone)]
pub struct LayerOutput {
    pub layer: String,
    pub stage: String,
    pub json: Box<RawValue>,
    pub report: Option<String>,
}

/// Why one stage produced nothing for one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocError {
    /// The stage's name in the pipeline; `None` for a document that could not be read.
    pub stage: Option<String>,
    pub kind: FailureKind,
    pub message: String,
}

/// What a chain made of one document: the layers that succeeded, in stage order, and an
/// error for every stage that did not.
#[derive(Debug, Clone, Default)]
pub struct DocOutcome {
    pub layers: Vec<LayerOutput>,
    pub errors: Vec<DocError>,
    /// Wall time of each stage on this document, in chain order (zero when skipped):
    /// the stage's own work and the protocol around it (encoding, span check).
    pub stage_time: Vec<Duration>,
}

impl DocOutcome {
    pub fn layer(&self, name: &str) -> Option<&LayerOutput> {
        self.layers.iter().find(|l| l.layer == name)
    }

    /// The named layer as a JSON value, for tests and snapshots.
    pub fn layer_value(&self, name: &str) -> Option<serde_json::Value> {
        self.layer(name)
            .map(|l| serde_json::from_str(l.json.get()).expect("layers are checked JSON"))
    }
}

impl Chain {
    /// Checks that every stage's required layers come from an earlier stage and that no
    /// layer is provided twice. The host runs its own, more precise, check of a pipeline
    /// file first; this one guards every other way of building a chain.
    pub fn new(stages: Vec<ChainStage>) -> Result<Chain, String> {
        let mut steps: Vec<Step> = Vec::with_capacity(stages.len());
        for ChainStage { id, stage } in stages {
            let manifest = stage.manifest();
            if let Some(earlier) = steps
                .iter()
                .find(|s| s.stage.manifest().provides == manifest.provides)
            {
                return Err(format!(
                    "stages `{}` and `{id}` both provide layer `{}`",
                    earlier.id, manifest.provides
                ));
            }
            let provider = |layer: &str| {
                steps
                    .iter()
                    .position(|s| s.stage.manifest().provides == layer)
            };
            let mut inputs = Vec::new();
            for layer in &manifest.requires {
                let Some(at) = provider(layer) else {
                    return Err(format!(
                        "stage `{id}` requires layer `{layer}`, which no earlier stage provides"
                    ));
                };
                inputs.push((layer.clone(), at, true));
            }
            for layer in &manifest.uses {
                if let Some(at) = provider(layer) {
                    inputs.push((layer.clone(), at, false));
                }
            }
            steps.push(Step { id, stage, inputs });
        }
        Ok(Chain { steps })
    }

    /// A chain of in-process stages named after themselves, for tests.
    pub fn of(stages: impl IntoIterator<Item = Arc<dyn DynStage>>) -> Result<Chain, String> {
        Chain::new(
            stages
                .into_iter()
                .map(|stage| ChainStage {
                    id: stage.manifest().name.clone(),
                    stage,
                })
                .collect(),
        )
    }

    pub fn stages(&self) -> impl Iterator<Item = (&str, &dyn DynStage)> {
        self.steps.iter().map(|s| (s.id.as_str(), &*s.stage))
    }

    /// Runs every stage on one document. Never fails as a whole: a stage that fails is
    /// an error in the outcome, and a stage that needs its layer is skipped with an error
    /// that says why.
    pub fn run(&self, id: &str, text: &str, report: bool) -> DocOutcome {
        let mut outputs: Vec<Option<LayerOutput>> = Vec::with_capacity(self.steps.len());
        let mut errors = Vec::new();
        let mut stage_time = Vec::with_capacity(self.steps.len());
        for step in &self.steps {
            if let Some((layer, at, _)) = step
                .inputs
                .iter()
                .find(|(_, at, required)| *required && outputs[*at].is_none())
            {
                errors.push(DocError {
                    stage: Some(step.id.clone()),
                    kind: FailureKind::Skipped,
                    message: format!(
                        "not run: it requires layer `{layer}`, which stage `{}` did not produce for this document",
                        self.steps[*at].id
                    ),
                });
                outputs.push(None);
                stage_time.push(Duration::ZERO);
                continue;
            }
            let started = Instant::now();
            let visible = step.inputs.iter().filter_map(|(layer, at, _)| {
                outputs[*at]
                    .as_ref()
                    .map(|o| (layer.as_str(), o.json.get()))
            });
            let doc = Document::new(id, text, visible, report);
            let result = run_step(step, &doc);
            stage_time.push(started.elapsed());
            match result {
                Ok(output) => outputs.push(Some(output)),
                Err(failure) => {
                    errors.push(DocError {
                        stage: Some(step.id.clone()),
                        kind: failure.kind,
                        message: failure.message,
                    });
                    outputs.push(None);
                }
            }
        }
        DocOutcome {
            layers: outputs.into_iter().flatten().collect(),
            errors,
            stage_time,
        }
    }
}

fn run_step(step: &Step, doc: &Document<'_>) -> Result<LayerOutput, Failure> {
    #[derive(Deserialize)]
    struct Envelope<'a> {
        #[serde(borrow)]
        layer: &'a RawValue,
        #[serde(default)]
        report: Option<String>,
    }
    let invalid = |message: String| {
        Failure::new(
            FailureKind::InvalidOutput,
            format!("stage `{}` returned an invalid layer: {message}", step.id),
        )
    };
    let mut read: Option<Result<LayerOutput, Failure>> = None;
    step.stage.process(doc, &mut |bytes| {
        read = Some((|| {
            let envelope: Envelope = serde_json::from_slice(bytes)
                .map_err(|e| invalid(format!("not a JSON envelope: {e}")))?;
            check_spans_of(envelope.layer, &doc.text).map_err(invalid)?;
            Ok(LayerOutput {
                layer: step.stage.manifest().provides.clone(),
                stage: step.id.clone(),
                json: envelope.layer.to_owned(),
                report: envelope.report,
            })
        })());
    })?;
    read.unwrap_or_else(|| Err(invalid("no output".to_owned())))
}
