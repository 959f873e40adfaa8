//! The contract a stage gets from the SDK, exercised through in-process stages.

use std::sync::Arc;

use newsproc_sdk::{
    Chain, ConfigError, Document, DynStage, FailureKind, Instance, Span, Stage, StageError,
    in_process, manifest_of, parse_config,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct WordsConfig {
    min_len: usize,
    stop_words: Vec<String>,
}

impl Default for WordsConfig {
    fn default() -> Self {
        WordsConfig {
            min_len: 1,
            stop_words: vec!["the".into()],
        }
    }
}

/// Provides `words`: the span of every word of at least `min_len` bytes.
struct Words {
    config: WordsConfig,
}

#[derive(Serialize)]
struct WordsLayer {
    words: Vec<Span>,
}

impl Stage for Words {
    const NAME: &'static str = "words";
    const VERSION: &'static str = "1.2.3";
    const DESCRIPTION: &'static str = "Every word.";
    const PROVIDES: &'static str = "words";
    type Config = WordsConfig;
    type Output = WordsLayer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[("min_len", "shortest word kept, in bytes")]
    }

    fn new(config: WordsConfig) -> Result<Self, ConfigError> {
        if config.min_len == 0 {
            return Err(ConfigError::at_key("min_len", "must be at least 1"));
        }
        Ok(Words { config })
    }

    fn process(&self, doc: &Document) -> Result<WordsLayer, StageError> {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in doc.text.char_indices().chain([(doc.text.len(), ' ')]) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let w = &doc.text[s..i];
                    if w.len() >= self.config.min_len
                        && !self
                            .config
                            .stop_words
                            .iter()
                            .any(|x| x.eq_ignore_ascii_case(w))
                    {
                        words.push(Span::new(s, i));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        Ok(WordsLayer { words })
    }
}

/// Requires `words`; counts them, panics on "boom", fails on "fail", and returns a bad span
/// on "badspan".
struct Count;

#[derive(Serialize)]
struct CountLayer {
    count: usize,
    first: Option<Span>,
}

#[derive(Deserialize)]
struct WordsIn {
    words: Vec<Span>,
}

impl Stage for Count {
    const NAME: &'static str = "count";
    const VERSION: &'static str = "0.1.0";
    const DESCRIPTION: &'static str = "Counts words.";
    const PROVIDES: &'static str = "count";
    const REQUIRES: &'static [&'static str] = &["words"];
    type Config = ();
    type Output = CountLayer;

    fn new(_: ()) -> Result<Self, ConfigError> {
        Ok(Count)
    }

    fn process(&self, doc: &Document) -> Result<CountLayer, StageError> {
        let words: WordsIn = doc.required_layer("words")?;
        match &*doc.text {
            t if t.contains("boom") => panic!("asked to explode"),
            t if t.contains("fail") => Err(StageError::new("asked to fail")),
            t if t.contains("badspan") => Ok(CountLayer {
                count: 0,
                first: Some(Span::new(0, t.len() + 5)),
            }),
            _ => Ok(CountLayer {
                count: words.words.len(),
                first: words.words.first().copied(),
            }),
        }
    }
}

#[test]
fn manifest_lists_config_keys_with_defaults_and_docs() {
    let m = manifest_of::<Words>();
    assert_eq!(m.name, "words");
    assert_eq!(m.version, "1.2.3");
    let keys: Vec<_> = m.config.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(keys, ["min_len", "stop_words"]);
    assert_eq!(m.config_key("min_len").unwrap().default, 1);
    assert_eq!(
        m.config_key("min_len").unwrap().doc,
        "shortest word kept, in bytes"
    );
    assert!(manifest_of::<Count>().config.is_empty());
}

#[test]
fn config_takes_defaults_for_missing_keys() {
    let c = parse_config::<Words>(br#"{"min_len": 3}"#).unwrap();
    assert_eq!(c.min_len, 3);
    assert_eq!(c.stop_words, ["the"]);
    assert_eq!(parse_config::<Words>(b"").unwrap(), WordsConfig::default());
}

#[test]
fn config_rejects_unknown_keys_with_a_suggestion() {
    let e = parse_config::<Words>(br#"{"min_lenght": 3}"#).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("min_lenght"));
    assert!(
        e.message.contains("did you mean `min_len`"),
        "{}",
        e.message
    );
    assert!(e.message.contains("min_len, stop_words"), "{}", e.message);
    let e = parse_config::<Count>(br#"{"x": 1}"#).unwrap_err();
    assert!(
        e.message.contains("takes no configuration"),
        "{}",
        e.message
    );
}

#[test]
fn config_type_errors_name_the_key() {
    let e = parse_config::<Words>(br#"{"stop_words": ["a", 3]}"#).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("stop_words[1]"));
    let e = parse_config::<Words>(br#"{"min_len": "three"}"#).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("min_len"));
    assert!(e.message.contains("invalid type"), "{}", e.message);
    let e = Instance::<Words>::from_config_json(br#"{"min_len": 0}"#)
        .err()
        .unwrap();
    assert_eq!(e.key.as_deref(), Some("min_len"));
}

fn chain() -> Chain {
    Chain::of([
        in_process::<Words>().unwrap(),
        in_process::<Count>().unwrap(),
    ])
    .unwrap()
}

#[test]
fn chain_passes_layers_forward() {
    let out = chain().run("d1", "The cat sat — on the mat.", false);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let count = out.layer_value("count").unwrap();
    assert_eq!(count["count"], 4);
    assert_eq!(count["first"], serde_json::json!([4, 7]));
}

#[test]
fn chain_refuses_a_stage_without_its_required_layer() {
    let err = Chain::of([in_process::<Count>().unwrap()]).err().unwrap();
    assert!(err.contains("requires layer `words`"), "{err}");
    let twice = Chain::of([
        in_process::<Words>().unwrap(),
        in_process::<Words>().unwrap(),
    ]);
    assert!(twice.err().unwrap().contains("both provide layer `words`"));
}

#[test]
fn a_panic_is_an_error_for_that_document_only() {
    let chain = chain();
    let out = chain.run("d1", "boom goes the stage", false);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].kind, FailureKind::Panic);
    assert_eq!(out.errors[0].stage.as_deref(), Some("count"));
    assert!(out.errors[0].message.contains("asked to explode"));
    assert!(out.layer("words").is_some(), "the earlier layer survives");
    let next = chain.run("d2", "all is well", false);
    assert!(next.errors.is_empty());
}

#[test]
fn a_stage_error_and_a_bad_span_are_reported() {
    let chain = chain();
    let out = chain.run("d", "please fail", false);
    assert_eq!(out.errors[0].kind, FailureKind::Stage);
    assert_eq!(out.errors[0].message, "asked to fail");
    let out = chain.run("d", "a badspan here", false);
    assert_eq!(out.errors[0].kind, FailureKind::InvalidOutput);
    assert!(
        out.errors[0].message.contains("first"),
        "{}",
        out.errors[0].message
    );
    assert!(out.layer("count").is_none(), "an invalid layer is dropped");
}

#[test]
fn a_stage_after_a_failed_one_is_skipped_with_a_reason() {
    struct Failing;
    impl Stage for Failing {
        const NAME: &'static str = "words";
        const VERSION: &'static str = "0.0.0";
        const DESCRIPTION: &'static str = "";
        const PROVIDES: &'static str = "words";
        type Config = ();
        type Output = ();
        fn new(_: ()) -> Result<Self, ConfigError> {
            Ok(Failing)
        }
        fn process(&self, _: &Document) -> Result<(), StageError> {
            Err(StageError::new("no words today"))
        }
    }
    let chain = Chain::of([
        Arc::new(Instance::<Failing>::with_defaults().unwrap()) as Arc<dyn DynStage>,
        in_process::<Count>().unwrap(),
    ])
    .unwrap();
    let out = chain.run("d", "text", false);
    assert_eq!(out.errors.len(), 2);
    assert_eq!(out.errors[1].kind, FailureKind::Skipped);
    assert!(out.errors[1].message.contains("requires layer `words`"));
}

#[test]
fn report_is_produced_only_when_asked() {
    let chain = chain();
    assert!(
        chain
            .run("d", "a b", false)
            .layer("count")
            .unwrap()
            .report
            .is_none()
    );
    let report = chain
        .run("d", "a b", true)
        .layer("count")
        .unwrap()
        .report
        .clone();
    assert!(report.unwrap().contains("\"count\": 2"));
}

/// Through the exported vtable, as the host calls a loaded library: the document crosses
/// as a `DocumentRef`, and what the stage cannot read is an error, never undefined
/// behaviour.
#[test]
fn the_exported_vtable_reads_a_lent_document() {
    use newsproc_sdk::abi::{self, DocumentRef, LayerRef, OwnedBuf, StrRef};
    use newsproc_sdk::ffi::{ExportedVTable, entry};
    use std::sync::OnceLock;

    static SLOT: OnceLock<ExportedVTable> = OnceLock::new();
    // SAFETY: `entry` returns a pointer into SLOT, which lives for the whole test.
    let vtable = unsafe { &*entry::<Count>(&SLOT) };
    assert_eq!(vtable.abi_version, abi::ABI_VERSION);
    let config = b"{}";
    let mut instance = std::ptr::null_mut();
    let mut error = OwnedBuf::EMPTY;
    // SAFETY: valid pointers for the call.
    let status =
        unsafe { (vtable.create)(config.as_ptr(), config.len(), &mut instance, &mut error) };
    assert_eq!(status, abi::STATUS_OK);

    let call = |text: &[u8], layers: &[LayerRef]| -> (i32, String) {
        let lent = DocumentRef {
            id: StrRef::lend(b"doc-1"),
            text: StrRef::lend(text),
            layers: if layers.is_empty() {
                std::ptr::null()
            } else {
                layers.as_ptr()
            },
            layer_count: layers.len(),
            want_report: 0,
        };
        let mut output = OwnedBuf::EMPTY;
        // SAFETY: the instance is alive and everything lent outlives the call.
        let status = unsafe { (vtable.process)(instance, &lent, &mut output) };
        // SAFETY: filled by the call and given back once, below.
        let bytes = String::from_utf8_lossy(unsafe { output.as_bytes() }).into_owned();
        // SAFETY: as above.
        unsafe { (vtable.free)(&mut output) };
        (status, bytes)
    };
    let words = LayerRef {
        name: StrRef::lend(b"words"),
        json: StrRef::lend(br#"{"words":[[0,3],[4,8]]}"#),
    };
    let (status, out) = call("She said\n\"no\"".as_bytes(), &[words]);
    assert_eq!(status, abi::STATUS_OK, "{out}");
    assert_eq!(out, r#"{"layer":{"count":2,"first":[0,3]}}"#);

    let (status, out) = call(b"caf\xC3", &[words]);
    assert_eq!(status, abi::STATUS_INVALID_INPUT);
    assert!(out.contains("text that is not UTF-8"), "{out}");

    let (status, out) = call(b"text", &[]);
    assert_eq!(status, abi::STATUS_INVALID_INPUT);
    assert!(out.contains("requires layer `words`"), "{out}");

    let (status, out) = call(b"boom", &[words]);
    assert_eq!(status, abi::STATUS_PANIC);
    assert!(out.contains("asked to explode"), "{out}");

    // SAFETY: made by this vtable's `create`, destroyed once.
    unsafe { (vtable.destroy)(instance) };
}
