use newsproc_pipeline::{PipelineFile, PluginRef, Resolved, SourceFile, check_stages};
use newsproc_sdk::{ConfigKey, Manifest};

fn parse(text: &str) -> PipelineFile {
    PipelineFile::parse(SourceFile::new("dir/p.toml", text)).unwrap_or_else(|e| panic!("{e}"))
}

fn parse_err(text: &str) -> String {
    match PipelineFile::parse(SourceFile::new("dir/p.toml", text)) {
        Ok(_) => panic!("the pipeline should be refused"),
        Err(diagnostic) => diagnostic.to_string(),
    }
}

fn manifest(name: &str, provides: &str, requires: &[&str], keys: &[&str]) -> Manifest {
    Manifest {
        name: name.into(),
        version: "0.1.2".into(),
        description: String::new(),
        provides: provides.into(),
        requires: requires.iter().map(|s| (*s).into()).collect(),
        uses: vec![],
        config: keys
            .iter()
            .map(|k| ConfigKey {
                key: (*k).into(),
                default: serde_json::Value::Null,
                doc: String::new(),
            })
            .collect(),
    }
}

fn none(_: &str) -> Vec<String> {
    Vec::new()
}

const FOUR: &str = r#"
[[stage]]
name = "source"

[[stage]]
name = "attribution"

[[stage]]
name = "quotes"
plugin = "../plugins/libnewsproc_stage_quotes.so"
version = "^0.1"
[stage.config]
min_words = 3
lexicon = { extra = ["a"] }
"#;

#[test]
fn parses_stages_in_order_with_their_parts() {
    let p = parse(FOUR);
    let names: Vec<_> = p.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["source", "attribution", "quotes"]);
    assert_eq!(p.stages[0].plugin, PluginRef::Name("source".into()));
    assert_eq!(
        p.stages[2].plugin,
        PluginRef::Path("dir/../plugins/libnewsproc_stage_quotes.so".into())
    );
    assert_eq!(p.stages[2].config["min_words"], 3);
    assert_eq!(p.stages[2].config["lexicon"]["extra"][0], "a");
    assert!(p.stages.iter().all(|s| s.enabled));
    let span = p.config_span(&p.stages[2], Some("min_words"));
    assert_eq!(&p.source.text[span], "3");
}

#[test]
fn syntax_errors_point_at_the_line() {
    let e = parse_err("[[stage]]\nname = \"source\"\nenabeld = false\n");
    assert!(e.contains("unknown field `enabeld`"), "{e}");
    assert!(e.contains("dir/p.toml:3:1"), "{e}");
    let e = parse_err("[[stage]]\nname = \"source\"\nversion = \"banana\"\n");
    assert!(e.contains("not a version requirement"), "{e}");
    assert!(e.contains("dir/p.toml:3:11"), "{e}");
    let e = parse_err("[[stage]]\nname = \"a\"\n[[stage]]\nname = \"a\"\n");
    assert!(e.contains("declared twice") && e.contains("line 2"), "{e}");
    assert!(parse_err("").contains("no stages"));
}

#[test]
fn a_missing_layer_says_where_it_could_come_from() {
    let p = parse("[[stage]]\nname = \"quotes\"\n\n[[stage]]\nname = \"attribution\"\n");
    let q = manifest("quotes", "quotes", &["attribution"], &[]);
    let a = manifest("attribution", "attribution", &[], &[]);
    let d = check_stages(&p, &[Resolved::Loaded(&q), Resolved::Loaded(&a)], &none).to_string();
    assert!(
        d.contains(
            "error in stage `quotes`: requires layer `attribution`, which no earlier stage provides"
        ),
        "{d}"
    );
    assert!(d.contains("dir/p.toml:2:8"), "{d}");
    assert!(
        d.contains("runs later: move its `[[stage]]` section above `quotes`"),
        "{d}"
    );

    let p = parse(
        "[[stage]]\nname = \"attribution\"\nenabled = false\n\n[[stage]]\nname = \"quotes\"\n",
    );
    let d = check_stages(&p, &[Resolved::Loaded(&a), Resolved::Loaded(&q)], &none).to_string();
    assert!(d.contains("is disabled: set `enabled = true`"), "{d}");

    let p = parse("[[stage]]\nname = \"quotes\"\n");
    let d = check_stages(&p, &[Resolved::Loaded(&q)], &|layer| {
        if layer == "attribution" {
            vec![a.name.clone()]
        } else {
            vec![]
        }
    })
    .to_string();
    assert!(d.contains("with `plugin = \"attribution\"`"), "{d}");
}

#[test]
fn unknown_config_keys_are_pointed_at_with_a_suggestion() {
    let p = parse("[[stage]]\nname = \"quotes\"\n[stage.config]\nmin_wrods = 3\n");
    let q = manifest("quotes", "quotes", &[], &["min_words", "max_words"]);
    let d = check_stages(&p, &[Resolved::Loaded(&q)], &none).to_string();
    assert!(d.contains("unknown configuration key `min_wrods`"), "{d}");
    assert!(d.contains("dir/p.toml:4:1"), "{d}");
    assert!(d.contains("did you mean `min_words`?"), "{d}");
}

#[test]
fn version_requirements_are_checked() {
    let p = parse("[[stage]]\nname = \"quotes\"\nversion = \"^0.2\"\n");
    let q = manifest("quotes", "quotes", &[], &[]);
    let d = check_stages(&p, &[Resolved::Loaded(&q)], &none).to_string();
    assert!(
        d.contains("version 0.1.2, which does not meet the requirement `^0.2`"),
        "{d}"
    );
    assert!(d.contains("dir/p.toml:3:11"), "{d}");
}

#[test]
fn a_layer_is_provided_once() {
    let p = parse("[[stage]]\nname = \"a\"\n[[stage]]\nname = \"b\"\n");
    let a = manifest("a", "x", &[], &[]);
    let b = manifest("b", "x", &[], &[]);
    let d = check_stages(&p, &[Resolved::Loaded(&a), Resolved::Loaded(&b)], &none).to_string();
    assert!(d.contains("already provided by stage `a` (line 2)"), "{d}");
}

#[test]
fn a_failed_plugin_is_not_reported_again_as_a_missing_layer() {
    let p = parse("[[stage]]\nname = \"attribution\"\n[[stage]]\nname = \"quotes\"\n");
    let q = manifest("quotes", "quotes", &["attribution"], &[]);
    let d = check_stages(&p, &[Resolved::Failed, Resolved::Loaded(&q)], &none);
    assert!(d.is_empty(), "{d}");
}
