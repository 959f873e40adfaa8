//! Checks of a pipeline against the manifests of its plugins, before any document runs.

use newsproc_sdk::Manifest;
use newsproc_sdk::suggest::did_you_mean;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::file::{PipelineFile, StageDecl};

/// What is known of each declared stage's plugin, in file order.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'m> {
    /// Its plugin loaded and this is its manifest.
    Loaded(&'m Manifest),
    /// Its plugin could not be loaded; that was already reported.
    Failed,
}

/// Checks what can only be checked once the plugins are loaded: version requirements,
/// configuration keys, and that every required layer comes from an earlier enabled stage.
///
/// `resolved` is index-aligned with `file.stages`; disabled stages may be resolved too,
/// which lets the check say "enable it" instead of "add one". `providers` names the
/// plugins on the search path that provide a layer, to suggest one; it is only called for a
/// layer that is missing, since finding them means loading every plugin.
pub fn check_stages(
    file: &PipelineFile,
    resolved: &[Resolved<'_>],
    providers: &dyn Fn(&str) -> Vec<String>,
) -> Diagnostics {
    assert_eq!(
        resolved.len(),
        file.stages.len(),
        "one resolution per declared stage"
    );
    let mut problems = Diagnostics::default();
    let manifest_of = |i: usize| match resolved[i] {
        Resolved::Loaded(m) => Some(m),
        Resolved::Failed => None,
    };
    for (i, stage) in file.stages.iter().enumerate() {
        if !stage.enabled {
            continue;
        }
        let Some(manifest) = manifest_of(i) else {
            continue;
        };
        check_version(file, stage, manifest, &mut problems);
        check_config_keys(file, stage, manifest, &mut problems);
        check_provides_once(file, i, manifest, &manifest_of, &mut problems);
        for layer in &manifest.requires {
            if let Some(d) = missing_layer(file, i, layer, &manifest_of, providers) {
                problems.push(d);
            }
        }
    }
    problems
}

fn check_version(
    file: &PipelineFile,
    stage: &StageDecl,
    manifest: &Manifest,
    problems: &mut Diagnostics,
) {
    let (Some(req), Some(span)) = (&stage.version, &stage.spans.version) else {
        return;
    };
    match semver::Version::parse(&manifest.version) {
        Ok(v) if req.matches(&v) => {}
        Ok(v) => problems.push(
            Diagnostic::new(format!(
                "plugin `{}` is version {v}, which does not meet the requirement `{req}`",
                stage.plugin
            ))
            .at(&file.source, span.clone())
            .in_stage(&stage.name)
            .help(format!(
                "install a matching build of the plugin, or change the requirement (for example to \"^{}.{}\")",
                v.major, v.minor
            )),
        ),
        Err(e) => problems.push(
            Diagnostic::new(format!(
                "plugin `{}` reports version `{}`, which is not semver ({e}), so the requirement `{req}` cannot be checked",
                stage.plugin, manifest.version
            ))
            .at(&file.source, span.clone())
            .in_stage(&stage.name)
            .help("remove the `version` line, or rebuild the plugin with a semver version"),
        ),
    }
}

fn check_config_keys(
    file: &PipelineFile,
    stage: &StageDecl,
    manifest: &Manifest,
    problems: &mut Diagnostics,
) {
    let known: Vec<&str> = manifest.config.iter().map(|k| k.key.as_str()).collect();
    for (key, key_span, _) in &stage.spans.config_keys {
        if manifest.config_key(key).is_some() {
            continue;
        }
        let help = if known.is_empty() {
            format!(
                "stage `{}` takes no configuration: remove the `[stage.config]` table",
                manifest.name
            )
        } else {
            format!(
                "the keys of `{}` are: {}{}",
                manifest.name,
                known.join(", "),
                did_you_mean(key, known.iter().copied())
            )
        };
        problems.push(
            Diagnostic::new(format!("unknown configuration key `{key}`"))
                .at(&file.source, key_span.clone())
                .in_stage(&stage.name)
                .help(help),
        );
    }
}

fn check_provides_once<'m>(
    file: &PipelineFile,
    i: usize,
    manifest: &Manifest,
    manifest_of: &impl Fn(usize) -> Option<&'m Manifest>,
    problems: &mut Diagnostics,
) {
    let stage = &file.stages[i];
    let earlier = (0..i).find(|&j| {
        file.stages[j].enabled && manifest_of(j).is_some_and(|m| m.provides == manifest.provides)
    });
    if let Some(j) = earlier {
        let (line, _) = file.source.line_col(file.stages[j].spans.name.start);
        problems.push(
            Diagnostic::new(format!(
                "layer `{}` is already provided by stage `{}` (line {line})",
                manifest.provides, file.stages[j].name
            ))
            .at(&file.source, stage.spans.name.clone())
            .in_stage(&stage.name)
            .help("a layer comes from one stage only: disable one of them with `enabled = false`"),
        );
    }
}

fn missing_layer<'m>(
    file: &PipelineFile,
    i: usize,
    layer: &str,
    manifest_of: &impl Fn(usize) -> Option<&'m Manifest>,
    providers: &dyn Fn(&str) -> Vec<String>,
) -> Option<Diagnostic> {
    let stage = &file.stages[i];
    let provides = |j: usize| manifest_of(j).is_some_and(|m| m.provides == layer);
    let enabled_before = (0..i).any(|j| file.stages[j].enabled && provides(j));
    // A provider that failed to load was reported already; do not pile on.
    let unresolved_before = (0..i).any(|j| {
        file.stages[j].enabled && manifest_of(j).is_none() && plugin_name_is(&file.stages[j], layer)
    });
    if enabled_before || unresolved_before {
        return None;
    }
    let line_of = |j: usize| file.source.line_col(file.stages[j].spans.name.start).0;
    let base = Diagnostic::new(format!(
        "requires layer `{layer}`, which no earlier stage provides"
    ))
    .at(&file.source, stage.spans.name.clone())
    .in_stage(&stage.name);
    if let Some(j) = (0..i).find(|&j| !file.stages[j].enabled && provides(j)) {
        return Some(base.help(format!(
            "stage `{}` (line {}) provides `{layer}` but is disabled: set `enabled = true` on it, or disable `{}` as well",
            file.stages[j].name,
            line_of(j),
            stage.name
        )));
    }
    if let Some(j) = (i + 1..file.stages.len()).find(|&j| file.stages[j].enabled && provides(j)) {
        return Some(base.help(format!(
            "stage `{}` (line {}) provides `{layer}` but runs later: move its `[[stage]]` section above `{}`",
            file.stages[j].name,
            line_of(j),
            stage.name
        )));
    }
    let providers = providers(layer);
    Some(if providers.is_empty() {
        base.help(format!(
            "no plugin on the search path provides `{layer}`; add a stage whose plugin does, above `{}`",
            stage.name
        ))
    } else {
        base.help(format!(
            "add a stage above `{}` with `plugin = \"{}\"`, which provides `{layer}`",
            stage.name, providers[0]
        ))
    })
}

fn plugin_name_is(stage: &StageDecl, name: &str) -> bool {
    matches!(&stage.plugin, crate::file::PluginRef::Name(n) if n == name)
}
