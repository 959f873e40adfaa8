use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::document::Document;
use crate::manifest::{ConfigKey, Manifest};
use crate::suggest::did_you_mean;

/// A processing stage. Implement this, then export it with [`export_stage!`](crate::export_stage):
///
/// ```ignore
/// pub struct Shout;
///
/// impl newsproc_sdk::Stage for Shout {
///     const NAME: &'static str = "shout";
///     const VERSION: &'static str = env!("CARGO_PKG_VERSION");
///     const DESCRIPTION: &'static str = "The text in capitals.";
///     const PROVIDES: &'static str = "shout";
///     type Config = ();
///     type Output = String;
///     fn new(_: ()) -> Result<Self, newsproc_sdk::ConfigError> { Ok(Shout) }
///     fn process(&self, doc: &newsproc_sdk::Document) -> Result<String, newsproc_sdk::StageError> {
///         Ok(doc.text.to_uppercase())
///     }
/// }
///
/// newsproc_sdk::export_stage!(Shout);
/// ```
///
/// A stage is created once per pipeline and then called from several threads at once, so
/// `process` takes `&self`: keep lexicons and compiled matchers in the stage, and any
/// per-document state on the stack.
pub trait Stage: Sized + Send + Sync + 'static {
    /// The stage's name, as a pipeline file refers to its plugin.
    const NAME: &'static str;
    /// Usually `env!("CARGO_PKG_VERSION")`.
    const VERSION: &'static str;
    /// One line for `newsproc stages`.
    const DESCRIPTION: &'static str;
    /// The layer this stage adds to each document.
    const PROVIDES: &'static str;
    /// Layers an earlier stage must provide.
    const REQUIRES: &'static [&'static str] = &[];
    /// Layers read when present.
    const USES: &'static [&'static str] = &[];

    /// The configuration. Its `Default` gives every key's default value, and its fields
    /// are the only keys a pipeline may set: any other key is rejected.
    type Config: Serialize + DeserializeOwned + Default;
    /// The layer this stage produces for one document.
    type Output: Serialize;

    /// One line of documentation per configuration key, for `newsproc stages`.
    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[]
    }

    fn new(config: Self::Config) -> Result<Self, ConfigError>;

    fn process(&self, doc: &Document<'_>) -> Result<Self::Output, StageError>;

    /// A readable account of `output` for the text report. By default, the layer as
    /// indented JSON.
    fn report(&self, doc: &Document<'_>, output: &Self::Output) -> String {
        let _ = doc;
        serde_json::to_string_pretty(output).unwrap_or_default()
    }
}

/// Why a stage failed on one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageError {
    pub message: String,
}

impl StageError {
    pub fn new(message: impl Into<String>) -> StageError {
        StageError {
            message: message.into(),
        }
    }
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StageError {}

/// Why a configuration was rejected. `key` is the dotted path of the offending key when
/// there is one, so that the host can point at its line in the pipeline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigError {
    pub key: Option<String>,
    pub message: String,
}

impl ConfigError {
    pub fn new(message: impl Into<String>) -> ConfigError {
        ConfigError {
            key: None,
            message: message.into(),
        }
    }

    pub fn at_key(key: impl Into<String>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            key: Some(key.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "`{key}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The defaults of `S::Config` as a JSON object; `None` for a stage without
/// configuration (`type Config = ()`).
fn default_config<S: Stage>() -> Option<Map<String, Value>> {
    match serde_json::to_value(S::Config::default()) {
        Ok(Value::Object(map)) => Some(map),
        Ok(Value::Null) => None,
        Ok(other) => panic!(
            "the Config of stage `{}` must serialize to a table of keys, not {other}",
            S::NAME
        ),
        Err(e) => panic!(
            "the default Config of stage `{}` does not serialize: {e}",
            S::NAME
        ),
    }
}

/// The manifest of `S`: everything the host learns about a stage before running it.
pub fn manifest_of<S: Stage>() -> Manifest {
    let docs = S::config_docs();
    Manifest {
        name: S::NAME.to_owned(),
        version: S::VERSION.to_owned(),
        description: S::DESCRIPTION.to_owned(),
        provides: S::PROVIDES.to_owned(),
        requires: S::REQUIRES.iter().map(|s| (*s).to_owned()).collect(),
        uses: S::USES.iter().map(|s| (*s).to_owned()).collect(),
        config: default_config::<S>()
            .unwrap_or_default()
            .into_iter()
            .map(|(key, default)| ConfigKey {
                doc: docs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, d)| (*d).to_owned())
                    .unwrap_or_default(),
                key,
                default,
            })
            .collect(),
    }
}

/// Reads a stage's configuration from a JSON object: keys not given take their default,
/// unknown keys and values of the wrong type are errors naming the key.
pub fn parse_config<S: Stage>(config_json: &[u8]) -> Result<S::Config, ConfigError> {
    let given: Value = if config_json.iter().all(u8::is_ascii_whitespace) {
        Value::Object(Map::new())
    } else {
        serde_json::from_slice(config_json)
            .map_err(|e| ConfigError::new(format!("the configuration is not JSON: {e}")))?
    };
    let Value::Object(given) = given else {
        return Err(ConfigError::new(
            "the configuration must be a table of keys",
        ));
    };
    let Some(mut merged) = default_config::<S>() else {
        if let Some(key) = given.keys().next() {
            let message = format!("stage `{}` takes no configuration", S::NAME);
            return Err(ConfigError::at_key(key.clone(), message));
        }
        return serde_json::from_value(Value::Null).map_err(|e| ConfigError::new(e.to_string()));
    };
    for (key, value) in given {
        if !merged.contains_key(&key) {
            let known: Vec<&str> = merged.keys().map(String::as_str).collect();
            let message = format!(
                "unknown key for stage `{}`{}; its keys are: {}",
                S::NAME,
                did_you_mean(&key, known.iter().copied()),
                known.join(", ")
            );
            return Err(ConfigError::at_key(key, message));
        }
        merged.insert(key, value);
    }
    let merged = Value::Object(merged);
    serde_path_to_error::deserialize(merged).map_err(|e| {
        let key = e.path().to_string();
        ConfigError::at_key(key, e.into_inner().to_string())
    })
}

/// A created stage with its manifest: what the in-process runner and the exported
/// vtable both drive.
pub struct Instance<S: Stage> {
    stage: S,
    manifest: Manifest,
}

impl<S: Stage> Instance<S> {
    pub fn new(config: S::Config) -> Result<Self, ConfigError> {
        Ok(Instance {
            stage: S::new(config)?,
            manifest: manifest_of::<S>(),
        })
    }

    pub fn with_defaults() -> Result<Self, ConfigError> {
        Self::new(S::Config::default())
    }

    pub fn from_config_json(config_json: &[u8]) -> Result<Self, ConfigError> {
        Self::new(parse_config::<S>(config_json)?)
    }

    pub fn stage(&self) -> &S {
        &self.stage
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Runs the stage on one document and writes the JSON envelope
    /// `{"layer": ..., "report": ...}` into `out`.
    pub fn process_document(
        &self,
        doc: &Document<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), crate::Failure> {
        if let Some(missing) = S::REQUIRES.iter().find(|l| !doc.has_layer(l)) {
            return Err(crate::Failure::new(
                crate::FailureKind::InvalidInput,
                format!(
                    "stage `{}` requires layer `{missing}`, which the input lacks",
                    S::NAME
                ),
            ));
        }
        let output = self
            .stage
            .process(doc)
            .map_err(|e| crate::Failure::new(crate::FailureKind::Stage, e.message))?;
        let report = doc.report.then(|| self.stage.report(doc, &output));
        #[derive(Serialize)]
        struct Envelope<'a, O> {
            layer: &'a O,
            #[serde(skip_serializing_if = "Option::is_none")]
            report: Option<String>,
        }
        out.clear();
        // The shipped stages' layers run from a tenth of the text's length to a little
        // over it; reserving that much spares the ten or so regrowths (each a copy) of a
        // buffer grown from empty, at the price of a transient over-allocation.
        out.reserve(doc.text.len() + 256);
        serde_json::to_writer(
            &mut *out,
            &Envelope {
                layer: &output,
                report,
            },
        )
        .map_err(|e| {
            crate::Failure::new(
                crate::FailureKind::Stage,
                format!("stage `{}` produced a layer that is not JSON: {e}", S::NAME),
            )
        })
    }
}
