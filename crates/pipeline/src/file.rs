//! The pipeline file: an ordered list of stages, each naming its plugin, an optional
//! version requirement and its configuration.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};

/// A parsed pipeline file. Only its syntax and its own consistency are known here; the
/// plugins it names are checked once they are loaded ([`crate::check_stages`]).
#[derive(Debug, Clone)]
pub struct PipelineFile {
    pub source: SourceFile,
    /// Where to look for plugins, from the file's `plugin_dirs`, made absolute against the
    /// file's directory.
    pub plugin_dirs: Vec<PathBuf>,
    pub stages: Vec<StageDecl>,
}

/// One `[[stage]]` section.
#[derive(Debug, Clone)]
pub struct StageDecl {
    /// The pipeline's name for the stage, unique in the file.
    pub name: String,
    pub plugin: PluginRef,
    pub version: Option<semver::VersionReq>,
    pub enabled: bool,
    /// The `[stage.config]` table as JSON, the form a plugin reads.
    pub config: serde_json::Map<String, serde_json::Value>,
    pub spans: StageSpans,
}

/// Where the parts of a `[[stage]]` section are, for diagnostics.
#[derive(Debug, Clone, Default)]
pub struct StageSpans {
    pub header: Range<usize>,
    pub name: Range<usize>,
    pub plugin: Range<usize>,
    pub version: Option<Range<usize>>,
    pub config: Option<Range<usize>>,
    /// Each config key and its value.
    pub config_keys: Vec<(String, Range<usize>, Range<usize>)>,
}

/// How a stage names its plugin library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginRef {
    /// A plugin name such as `source`, found as `libnewsproc_stage_source.so` on the
    /// plugin search path.
    Name(String),
    /// A path to a library file, absolute or relative to the pipeline file.
    Path(PathBuf),
}

impl PluginRef {
    fn parse(value: &str, base_dir: Option<&Path>) -> PluginRef {
        let looks_like_path = value.contains('/')
            || value.contains('\\')
            || [".so", ".dylib", ".dll"]
                .iter()
                .any(|ext| value.ends_with(ext));
        if looks_like_path {
            let path = PathBuf::from(value);
            PluginRef::Path(match base_dir {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path,
            })
        } else {
            PluginRef::Name(value.to_owned())
        }
    }
}

impl std::fmt::Display for PluginRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PluginRef::Name(name) => f.write_str(name),
            PluginRef::Path(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    plugin_dirs: Vec<Spanned<String>>,
    #[serde(default)]
    stage: Vec<Spanned<RawStage>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    name: Spanned<String>,
    plugin: Option<Spanned<String>>,
    version: Option<Spanned<String>>,
    enabled: Option<Spanned<bool>>,
    config: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

impl PipelineFile {
    /// Reads and parses a pipeline file.
    pub fn load(path: &Path) -> Result<PipelineFile, Diagnostics> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::new(format!("cannot read pipeline file {}: {e}", path.display()))
                .help("check the path given to --pipeline")
        })?;
        PipelineFile::parse(SourceFile::new(path, text))
    }

    /// Parses a pipeline from its text. Relative paths in it are taken against the
    /// directory of `source.path`; a path with no directory (an embedded pipeline) leaves
    /// them relative to the working directory.
    pub fn parse(source: SourceFile) -> Result<PipelineFile, Diagnostics> {
        let raw: RawPipeline = toml::from_str(&source.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            Diagnostic::new(e.message().to_owned())
                .at(&source, span)
                .help("see the pipeline reference in README.md")
        })?;
        let base_dir = source
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf);
        let mut problems = Diagnostics::default();
        let plugin_dirs = raw
            .plugin_dirs
            .iter()
            .map(|dir| match &base_dir {
                Some(base) => base.join(dir.get_ref()),
                None => PathBuf::from(dir.get_ref()),
            })
            .collect();
        if raw.stage.is_empty() {
            problems.push(
                Diagnostic::new("the pipeline has no stages")
                    .at(&source, 0..0)
                    .help("add a `[[stage]]` section per stage, in the order they run"),
            );
        }
        let mut stages: Vec<StageDecl> = Vec::new();
        for raw_stage in raw.stage {
            let header = raw_stage.span();
            let raw_stage = raw_stage.into_inner();
            match stage_decl(raw_stage, header, &source, base_dir.as_deref()) {
                Ok(decl) => {
                    if let Some(first) = stages.iter().find(|s| s.name == decl.name) {
                        let (line, _) = source.line_col(first.spans.name.start);
                        problems.push(
                            Diagnostic::new(format!("stage `{}` is declared twice", decl.name))
                                .at(&source, decl.spans.name.clone())
                                .in_stage(&decl.name)
                                .help(format!(
                                    "it is first declared on line {line}; give each stage its own `name` (the plugin can be shared through `plugin = ...`)"
                                )),
                        );
                    }
                    stages.push(decl);
                }
                Err(d) => problems.push(d),
            }
        }
        problems.into_result(PipelineFile {
            source,
            plugin_dirs,
            stages,
        })
    }

    pub fn enabled_stages(&self) -> impl Iterator<Item = &StageDecl> {
        self.stages.iter().filter(|s| s.enabled)
    }

    /// The span to point at for a problem with `key_path` (`lexicon`, `weights[2]`,
    /// `weights.a`) of a stage's configuration: the key's value when the key is in the
    /// file, else the config table, else the stage header.
    pub fn config_span(&self, stage: &StageDecl, key_path: Option<&str>) -> Range<usize> {
        let top_key = key_path.map(|p| p.split(['.', '[']).next().unwrap_or(p));
        top_key
            .and_then(|k| stage.spans.config_keys.iter().find(|(key, _, _)| key == k))
            .map(|(_, _, value)| value.clone())
            .or_else(|| stage.spans.config.clone())
            .unwrap_or_else(|| stage.spans.header.clone())
    }
}

fn stage_decl(
    raw: RawStage,
    header: Range<usize>,
    source: &SourceFile,
    base_dir: Option<&Path>,
) -> Result<StageDecl, Diagnostic> {
    let name = raw.name.get_ref().trim().to_owned();
    if name.is_empty() {
        return Err(Diagnostic::new("a stage's `name` must not be empty")
            .at(source, raw.name.span())
            .help("name the stage after what it does, e.g. `name = \"quotes\"`"));
    }
    let (plugin, plugin_span) = match &raw.plugin {
        Some(p) => (PluginRef::parse(p.get_ref(), base_dir), p.span()),
        None => (PluginRef::Name(name.clone()), raw.name.span()),
    };
    let version = match &raw.version {
        None => None,
        Some(v) => Some(semver::VersionReq::parse(v.get_ref()).map_err(|e| {
            Diagnostic::new(format!(
                "`{}` is not a version requirement: {e}",
                v.get_ref()
            ))
            .at(source, v.span())
            .in_stage(&name)
            .help("write a semver requirement such as \"^0.1\", \">=0.2, <0.4\" or \"=0.1.3\"")
        })?),
    };
    let mut spans = StageSpans {
        header,
        name: raw.name.span(),
        plugin: plugin_span,
        version: raw.version.as_ref().map(Spanned::span),
        config: None,
        config_keys: Vec::new(),
    };
    let mut config = serde_json::Map::new();
    if let Some(table) = raw.config {
        spans.config = Some(table.span());
        for (key, value) in table.into_inner() {
            spans
                .config_keys
                .push((key.get_ref().clone(), key.span(), value.span()));
            config.insert(key.into_inner(), toml_to_json(value.into_inner()));
        }
    }
    Ok(StageDecl {
        name,
        plugin,
        version,
        enabled: raw.enabled.is_none_or(|e| *e.get_ref()),
        config,
        spans,
    })
}

/// TOML values as the JSON a plugin reads; dates and times become their TOML text.
fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => J::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}
