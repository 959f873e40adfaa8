//! `cargo xtask new-stage NAME`: a stage crate that builds, loads through the real loader
//! and passes its own snapshot test, to start from.

use std::path::Path;

use crate::{Result, cargo, run};

pub fn scaffold(root: &Path, name: &str) -> Result {
    validate(name)?;
    let dir = root.join("plugins").join(name);
    if dir.exists() {
        return Err(format!("{} already exists", dir.display()));
    }
    let type_name = format!("{}Stage", camel_case(name));
    let layer = name.replace('-', "_");
    let files = [
        ("Cargo.toml", CARGO_TOML.to_owned()),
        ("src/lib.rs", LIB_RS.replace("{TYPE}", &type_name)),
        ("tests/fixtures.rs", TEST_RS.replace("{TYPE}", &type_name)),
    ];
    for (path, template) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("files have a directory"))
            .map_err(|e| e.to_string())?;
        let text = template.replace("{NAME}", name).replace("{LAYER}", &layer);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let krate = format!("newsproc-stage-{name}");
    println!("created {}", dir.display());

    // It builds and loads through the real loader...
    run(cargo().args(["build", "-p", &krate, "-p", "newsproc"]))?;
    let pipeline = std::env::temp_dir().join(format!("newsproc-new-stage-{name}.toml"));
    std::fs::write(&pipeline, format!("[[stage]]\nname = \"{name}\"\n"))
        .map_err(|e| e.to_string())?;
    let checked = run(cargo()
        .args([
            "run",
            "--quiet",
            "-p",
            "newsproc",
            "--",
            "check",
            "--pipeline",
        ])
        .arg(&pipeline));
    let _ = std::fs::remove_file(&pipeline);
    checked?;

    // ...and its snapshot test records what it says about each fixture, then passes.
    run(cargo()
        .args(["test", "-p", &krate])
        .env("INSTA_UPDATE", "always"))?;
    run(cargo()
        .args(["test", "-p", &krate])
        .env("INSTA_UPDATE", "no")
        .env("CI", "true"))?;
    println!(
        "\nplugins/{name} is ready. Read its snapshots in plugins/{name}/tests/snapshots/: they state \
         what the stage claims about each fixture article. Then implement `process` in \
         plugins/{name}/src/lib.rs, and add it to a pipeline with:\n\n  [[stage]]\n  name = \"{name}\"\n"
    );
    Ok(())
}

fn validate(name: &str) -> Result {
    let ok = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{name}` cannot name a stage: use lowercase letters, digits and hyphens, starting with a letter (e.g. `place-names`)"
        ))
    }
}

fn camel_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

const CARGO_TOML: &str = r#"[package]
name = "newsproc-stage-{NAME}"
description = "newsproc stage: {NAME}."
version.workspace = true
edition.workspace = true
rust-version.workspace = true
license.workspace = true
publish.workspace = true

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
newsproc-sdk.workspace = true
newsproc-text.workspace = true
serde.workspace = true

[dev-dependencies]
insta.workspace = true

[lints]
workspace = true
"#;

const LIB_RS: &str = r#"//! The `{NAME}` stage.
//!
//! As scaffolded it lists the article's paragraphs with their word counts: replace
//! `process` with what the stage is for, and its output type with the layer it adds.

use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};
use serde::{Deserialize, Serialize};

pub struct {TYPE} {
    config: Config,
}

/// The stage's configuration: every field is a key a pipeline may set in
/// `[stage.config]`, and `Default` gives its default.
#[derive(Debug, Serialize, Deserialize)]
pub struct Config {
    /// Paragraphs with fewer words are left out.
    pub min_words: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { min_words: 1 }
    }
}

/// The layer this stage adds to each document.
#[derive(Debug, Serialize)]
pub struct Layer {
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub words: usize,
}

impl Stage for {TYPE} {
    const NAME: &'static str = "{NAME}";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Lists paragraphs with their word counts.";
    const PROVIDES: &'static str = "{LAYER}";
    type Config = Config;
    type Output = Layer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[("min_words", "paragraphs with fewer words are left out")]
    }

    fn new(config: Config) -> Result<Self, ConfigError> {
        Ok({TYPE} { config })
    }

    fn process(&self, doc: &Document) -> Result<Layer, StageError> {
        let paragraphs = newsproc_text::paragraphs(&doc.text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                words: span.of(&doc.text).split_whitespace().count(),
            })
            .filter(|p| p.words >= self.config.min_words)
            .collect();
        Ok(Layer { paragraphs })
    }

    fn report(&self, doc: &Document, layer: &Layer) -> String {
        layer
            .paragraphs
            .iter()
            .map(|p| {
                let text = p.span.of(&doc.text);
                let opening: String = text.chars().take(60).collect();
                format!("{:>4} words  {opening}…\n", p.words)
            })
            .collect()
    }
}

newsproc_sdk::export_stage!({TYPE});
"#;

const TEST_RS: &str = r#"//! What the stage says about each fixture article. Read a new or changed snapshot
//! against its article before accepting it.

use newsproc_sdk::{Chain, in_process};
use newsproc_stage_{LAYER}::{TYPE};

#[test]
fn fixture_articles() {
    let chain = Chain::of([in_process::<{TYPE}>().unwrap()]).unwrap();
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let outcome = chain.run("fixture", &text, true);
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        let layer = outcome.layer("{LAYER}").unwrap();
        insta::assert_snapshot!("report", layer.report.clone().unwrap_or_default());
        insta::assert_json_snapshot!("layer", outcome.layer_value("{LAYER}").unwrap());
    });
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(camel_case("place-names"), "PlaceNames");
        assert!(validate("place-names").is_ok());
        assert!(validate("Place").is_err());
        assert!(validate("9lives").is_err());
        assert!(validate("a_b").is_err());
        assert!(validate("").is_err());
    }
}
