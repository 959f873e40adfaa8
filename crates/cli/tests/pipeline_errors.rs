//! A wrong pipeline is refused before any document runs (exit 2), with the file, line and
//! column, the stage, and the fix.

mod support;

use support::*;

fn check(name: &str, pipeline: &str) -> (Option<i32>, String) {
    let dir = scratch(name);
    let path = dir.join("pipeline.toml");
    std::fs::write(&path, pipeline).unwrap();
    let out = newsproc(&["check", "--pipeline", path.to_str().unwrap()]);
    (out.status.code(), stderr(&out) + &stdout(&out))
}

/// The platform's file name for the library of crate `stem` in `dir`
/// (`dir/lib<stem>.so` on Linux).
fn library(dir: &std::path::Path, stem: &str) -> std::path::PathBuf {
    dir.join(format!(
        "{}{stem}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ))
}

/// Checks a pipeline of one stage, `name`, loaded from the library at `plugin`.
fn check_plugin(check_name: &str, name: &str, plugin: &std::path::Path) -> (Option<i32>, String) {
    check(
        check_name,
        &format!(
            "[[stage]]\nname = \"{name}\"\nplugin = \"{}\"\n",
            plugin.display()
        ),
    )
}

#[test]
fn the_default_pipeline_checks_and_shows_its_table() {
    let out = newsproc(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table.contains("stage") && table.contains("provides"),
        "{table}"
    );
    for stage in ["source", "attribution", "quotes", "casualties"] {
        assert!(table.contains(stage), "{table}");
    }
}

#[test]
fn a_misspelt_stage_name_is_pointed_at_with_a_suggestion() {
    let (code, msg) = check(
        "misspelt",
        "[[stage]]\nname = \"source\"\n\n[[stage]]\nname = \"atribution\"\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("no plugin named `atribution`; did you mean `attribution`?"),
        "{msg}"
    );
    assert!(msg.contains("pipeline.toml:5:8"), "{msg}");
    assert!(msg.contains("looked for"), "{msg}");
}

#[test]
fn a_missing_required_layer_names_the_line_and_the_fix() {
    let (code, msg) = check("layer", "[[stage]]\nname = \"quotes\"\n");
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("error in stage `quotes`: requires layer `source`"),
        "{msg}"
    );
    assert!(msg.contains("pipeline.toml:2:8"), "{msg}");
    assert!(
        msg.contains("help: add a stage above `quotes` with `plugin = \"source\"`"),
        "{msg}"
    );
}

#[test]
fn an_unknown_config_key_names_the_line_and_the_known_keys() {
    let (code, msg) = check(
        "config-key",
        "[[stage]]\nname = \"faulty\"\n[stage.config]\npanic_onn = \"X\"\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("unknown configuration key `panic_onn`"),
        "{msg}"
    );
    assert!(msg.contains("pipeline.toml:4:1"), "{msg}");
    assert!(msg.contains("did you mean `panic_on`?"), "{msg}");
}

#[test]
fn a_config_value_of_the_wrong_type_is_pointed_at() {
    let (code, msg) = check(
        "config-type",
        "[[stage]]\nname = \"faulty\"\n[stage.config]\npanic_on = 3\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("invalid type: integer `3`, expected a string"),
        "{msg}"
    );
    assert!(msg.contains("pipeline.toml:4:12"), "{msg}");
}

#[test]
fn a_stage_that_panics_while_starting_is_a_pipeline_error() {
    let (code, msg) = check(
        "start-panic",
        "[[stage]]\nname = \"faulty\"\n[stage.config]\npanic_on_start = true\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("panicked while starting: asked to panic while starting"),
        "{msg}"
    );
}

#[test]
fn a_file_that_is_not_a_plugin_is_refused() {
    let dir = scratch("not-a-plugin");
    let fake = library(&dir, "newsproc_stage_fake");
    std::fs::write(&fake, "this is text, not a library").unwrap();
    let (code, msg) = check_plugin("not-a-plugin-check", "fake", &fake);
    assert_eq!(code, Some(2));
    assert!(msg.contains("is not a loadable library"), "{msg}");
    assert!(msg.contains("pipeline.toml:3:10"), "{msg}");
}

#[test]
fn a_plugin_of_another_abi_version_is_refused() {
    let foreign = library(plugin_dir(), "newsproc_stage_foreign");
    let (code, msg) = check_plugin("abi-v3", "foreign", &foreign);
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("built for plugin ABI v3, and this newsproc speaks v2"),
        "{msg}"
    );
    assert!(msg.contains("or upgrade newsproc"), "{msg}");

    // Under another name, the library is a stage built before this ABI.
    let dir = scratch("abi-stale");
    let stale = library(&dir, "newsproc_stage_stale");
    std::fs::copy(&foreign, &stale).unwrap();
    let (code, msg) = check_plugin("abi-v1", "s", &stale);
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("built for plugin ABI v1, and this newsproc speaks v2: rebuild the plugin"),
        "{msg}"
    );
    assert!(!msg.contains("upgrade newsproc"), "{msg}");

    // Under a third name it exports a v2 symbol whose header says v7.
    let dir = scratch("abi-mislabelled");
    let mislabelled = library(&dir, "newsproc_stage_mislabelled");
    std::fs::copy(&foreign, &mislabelled).unwrap();
    let (code, msg) = check_plugin("abi-v7", "m", &mislabelled);
    assert_eq!(code, Some(2));
    assert!(msg.contains("built for plugin ABI v7"), "{msg}");
}

#[test]
fn a_library_that_is_not_a_stage_is_refused() {
    // The faulty stage's library under a name whose entry symbol it does not export.
    let faulty = library(plugin_dir(), "newsproc_stage_faulty");
    let renamed = library(&scratch("renamed"), "other");
    std::fs::copy(&faulty, &renamed).unwrap();
    let (code, msg) = check_plugin("renamed-check", "x", &renamed);
    assert_eq!(code, Some(2));
    assert!(
        msg.contains(
            "it is not a newsproc stage: it has no entry symbol `newsproc_stage_abi_v2_other`"
        ),
        "{msg}"
    );
}

#[test]
fn a_disabled_stage_is_skipped_and_its_dependants_are_flagged() {
    let (code, msg) = check(
        "disabled",
        "[[stage]]\nname = \"source\"\nenabled = false\n\n[[stage]]\nname = \"attribution\"\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("stage `source` (line 2) provides `source` but is disabled"),
        "{msg}"
    );

    let (code, msg) = check(
        "disabled-ok",
        "[[stage]]\nname = \"source\"\n\n[[stage]]\nname = \"ghost\"\nenabled = false\n",
    );
    assert_eq!(
        code,
        Some(0),
        "a disabled stage's plugin need not exist: {msg}"
    );
    assert!(msg.contains("disabled: ghost"), "{msg}");
}

#[test]
fn a_version_requirement_is_checked() {
    let (code, msg) = check(
        "version",
        "[[stage]]\nname = \"source\"\nversion = \">=9\"\n",
    );
    assert_eq!(code, Some(2));
    assert!(msg.contains("does not meet the requirement `>=9`"), "{msg}");
    assert!(msg.contains("pipeline.toml:3:11"), "{msg}");
}

#[test]
fn stages_lists_what_each_plugin_provides() {
    let out = newsproc(&["stages"]);
    assert_eq!(out.status.code(), Some(0));
    let listing = stdout(&out);
    assert!(
        listing.contains("attribution 0.1.0  provides `attribution`"),
        "{listing}"
    );
    assert!(listing.contains("requires: source"), "{listing}");
    assert!(listing.contains("config panic_on = \"PANIC\""), "{listing}");
    assert!(
        listing.contains("not usable"),
        "the foreign library is listed as unusable: {listing}"
    );
}
