//! From a pipeline file to a checked, runnable chain of loaded stages.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsproc_pipeline::{
    Diagnostic, Diagnostics, PipelineFile, PluginRef, Resolved, StageDecl, check_stages,
};
use newsproc_sdk::suggest::did_you_mean;
use newsproc_sdk::{Chain, ChainStage, DynStage, Manifest};

use crate::loader::{self, LoadError, Plugin};
use crate::search::SearchPath;

/// A pipeline ready to run: every plugin found and of this ABI, every configuration
/// accepted, every required layer provided by an earlier stage.
pub struct Pipeline {
    pub file: PipelineFile,
    pub search: SearchPath,
    pub chain: Chain,
    /// The enabled stages, in order.
    pub stages: Vec<ResolvedStage>,
}

/// One enabled stage as it will run.
#[derive(Debug, Clone)]
pub struct ResolvedStage {
    pub name: String,
    pub path: PathBuf,
    pub manifest: Manifest,
}

/// Options that do not come from the pipeline file.
#[derive(Debug, Clone, Default)]
pub struct AssembleOptions {
    /// `--plugin-dir`, searched first.
    pub plugin_dirs: Vec<PathBuf>,
    /// Do not look next to the executable (for tests that must not pick up stray builds).
    pub skip_executable_dir: bool,
}

impl Pipeline {
    /// Loads every plugin of `file` and checks the whole pipeline, reporting every
    /// problem found rather than the first.
    pub fn assemble(
        file: PipelineFile,
        options: &AssembleOptions,
    ) -> Result<Pipeline, Diagnostics> {
        let search = SearchPath::new(
            &options.plugin_dirs,
            &file.plugin_dirs,
            !options.skip_executable_dir,
        );
        let mut problems = Diagnostics::default();

        let plugins: Vec<Option<&'static Plugin>> = file
            .stages
            .iter()
            .map(|stage| match locate_and_load(stage, &search) {
                Ok(plugin) => Some(plugin),
                Err(d) => {
                    // A disabled stage's plugin may legitimately be absent.
                    if stage.enabled {
                        problems.push(d.at(&file.source, stage.spans.plugin.clone()));
                    }
                    None
                }
            })
            .collect();
        let resolved: Vec<Resolved> = plugins
            .iter()
            .map(|p| p.map_or(Resolved::Failed, |p| Resolved::Loaded(&p.manifest)))
            .collect();
        let providers = |layer: &str| {
            let mut names: Vec<String> = search
                .candidates()
                .into_iter()
                .filter_map(|c| loader::load(&c.path).ok())
                .filter(|p| p.manifest.provides == layer)
                .map(|p| p.manifest.name.clone())
                .collect();
            names.dedup();
            names
        };
        let stage_problems = check_stages(&file, &resolved, &providers);
        let key_problem_stages: Vec<&str> = stage_problems
            .iter()
            .filter_map(|d| d.stage.as_deref())
            .collect();

        let to_create: Vec<(&StageDecl, &'static Plugin)> = file
            .stages
            .iter()
            .zip(&plugins)
            .filter_map(|(stage, plugin)| match (stage.enabled, plugin) {
                (true, Some(plugin)) => Some((stage, *plugin)),
                _ => None,
            })
            .filter(|(stage, _)| !key_problem_stages.contains(&stage.name.as_str()))
            .collect();
        // Stages compile their lexicons when created, most of the start-up: create them
        // side by side, and take the results in pipeline order.
        let created: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = to_create
                .iter()
                .map(|(stage, plugin)| scope.spawn(|| plugin.instantiate(&stage.config)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .expect("creating a stage is guarded against panics")
                })
                .collect()
        });
        let mut chain_stages = Vec::new();
        let mut stages = Vec::new();
        for ((stage, plugin), instance) in to_create.into_iter().zip(created) {
            match instance {
                Ok(instance) => {
                    chain_stages.push(ChainStage {
                        id: stage.name.clone(),
                        stage: Arc::new(instance) as Arc<dyn DynStage>,
                    });
                    stages.push(ResolvedStage {
                        name: stage.name.clone(),
                        path: plugin.path.clone(),
                        manifest: plugin.manifest.clone(),
                    });
                }
                Err(e) => problems.push(
                    Diagnostic::new(format!("invalid configuration: {e}"))
                        .at(&file.source, file.config_span(stage, e.key.as_deref()))
                        .in_stage(&stage.name)
                        .help(format!(
                            "`newsproc stages` lists the keys of `{}` with their defaults",
                            plugin.manifest.name
                        )),
                ),
            }
        }
        for d in stage_problems.0 {
            problems.push(d);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let chain =
            Chain::new(chain_stages).map_err(|e| Diagnostic::new(e).at(&file.source, 0..0))?;
        Ok(Pipeline {
            file,
            search,
            chain,
            stages,
        })
    }
}

fn locate_and_load(stage: &StageDecl, search: &SearchPath) -> Result<&'static Plugin, Diagnostic> {
    let path = match &stage.plugin {
        PluginRef::Path(path) => path.clone(),
        PluginRef::Name(name) => search
            .find(name)
            .ok_or_else(|| not_found(stage, name, search))?,
    };
    let plugin = loader::load(&path).map_err(|e| {
        let d = Diagnostic::new(format!("cannot use {} as plugin `{}`: {e}", path.display(), stage.plugin))
            .in_stage(&stage.name);
        match e {
            LoadError::Missing => d.help("check the path; relative paths are taken from the pipeline file's directory"),
            LoadError::OtherAbi { .. } => d.help("rebuild the plugin (`cargo build --release -p <its crate>`) or remove the stale library"),
            _ => d.help("name a library built from a newsproc stage crate"),
        }
    })?;
    if let PluginRef::Name(name) = &stage.plugin
        && plugin.manifest.name.replace('-', "_") != name.replace('-', "_")
    {
        return Err(Diagnostic::new(format!(
            "{} holds stage `{}`, not `{name}`",
            path.display(),
            plugin.manifest.name
        ))
        .in_stage(&stage.name)
        .help("a stage library keeps the file name cargo gives it; rebuild it rather than renaming files"));
    }
    Ok(plugin)
}

fn not_found(stage: &StageDecl, name: &str, search: &SearchPath) -> Diagnostic {
    let candidates = search.candidates();
    let suggestion = did_you_mean(name, candidates.iter().map(|c| c.name.as_str()));
    let mut d = Diagnostic::new(format!("no plugin named `{name}`{suggestion}"))
        .in_stage(&stage.name)
        .help(format!(
            "looked for {} in: {}",
            SearchPath::library_file_name(name),
            search.describe()
        ));
    d = if candidates.is_empty() {
        d.help("no plugins were found at all: build them with `cargo build --release` (or `cargo xtask dist`), or pass --plugin-dir")
    } else {
        d.help(format!(
            "plugins found: {}",
            candidates
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    d
}

/// The plugins on a search path, loaded, with the error of each that would not load.
pub fn discover(search: &SearchPath) -> Vec<(PathBuf, Result<&'static Plugin, LoadError>)> {
    search
        .candidates()
        .into_iter()
        .map(|c| {
            let loaded = loader::load(&c.path);
            (c.path, loaded)
        })
        .collect()
}

/// Shown as a path relative to the working directory when it is below it.
pub fn display_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
