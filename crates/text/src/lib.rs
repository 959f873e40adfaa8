//! Shared text analysis for newsproc stages: what every stage needs from English news
//! copy, done once, fast, and the same way for all of them.
//!
//! | module | what | main entry points |
//! |---|---|---|
//! | [`tokens`] | tokenizer: words, numbers, punctuation, quote marks, dashes | [`tokenize`], [`Tokens`], [`token_at`], [`stripped_apostrophe`] |
//! | [`paragraphs`](mod@paragraphs) | non-empty lines, trimmed | [`paragraphs()`], [`paragraph_at`] |
//! | [`sentences`](mod@sentences) | rule-based sentence splitting | [`sentences()`], [`sentences_with_paragraphs`] |
//! | [`quotes`] | quotation-mark pairing | [`Quotes`], [`quotations`], [`quote_at`] |
//! | [`numbers`] | number expressions and what they count | [`quantities`], [`Quantity`], [`classify_number`] |
//! | [`lexicon`] | word lists in data files, phrase matching | [`Lexicon`], [`PhraseMatcher`] |
//! | [`normalize`] | folding quotes, dashes and spaces, keeping offsets | [`fold`] |
//! | [`util`] | small helpers | [`context`], [`trim_span`], [`words_in`], [`is_capitalised`] |
//!
//! ```
//! use newsproc_text::{Lexicon, NumberRole, Quotes, quantities, sentences};
//!
//! let text = "BEIRUT (Reuters) - At least 13 people were killed, a monitor said.\n\
//!             \"We counted dozens of wounded,\" Mr. Haddad said. Gen. Ali denied it.";
//! assert_eq!(sentences(text).len(), 3);
//!
//! let quotes = Quotes::new(text);
//! let counts: Vec<_> = quantities(text)
//!     .into_iter()
//!     .filter(|q| q.role == NumberRole::Count)
//!     .map(|q| (q.span.of(text), q.min, quotes.is_quoted(q.span.start)))
//!     .collect();
//! assert_eq!(counts, [("At least 13", 13.0, false), ("dozens", 12.0, true)]);
//!
//! // Stages keep word lists in data files: `include_str!("groups.txt")` plus user files.
//! let matcher = Lexicon::load("groups.txt", "Reuters\tagency\nmonitor\n", &[] as &[&str])?
//!     .into_matcher();
//! let found: Vec<_> = matcher.find_all(text).iter().map(|m| m.entry.canonical()).collect();
//! assert_eq!(found, ["agency", "monitor"]);
//! # Ok::<(), newsproc_text::LexiconError>(())
//! ```
//!
//! # Design
//!
//! - **Offsets, not copies.** Everything takes `&str` and returns
//!   [`Span`](newsproc_sdk::Span)s: UTF-8 byte offsets into the text, end exclusive,
//!   always on character boundaries. Nothing allocates per token; tokens are small `Copy`
//!   values. Functions that take a span clamp it to the text instead of panicking, and
//!   no function panics on any input (a randomized test runs every public function on
//!   arbitrary strings and checks every span it returns).
//! - **Paragraph = line.** News copy never wraps a paragraph, so every line break ends a
//!   paragraph and a sentence. Sentences and quotations never cross one (except a
//!   quotation that explicitly continues, below).
//! - **Hyphenated words are one token** (`Iranian-backed`, `al-Qaeda`, `twenty-three`,
//!   `20-30`), with [`Token::parts`] for the pieces; words with internal apostrophes
//!   too (`don't`, `Assad’s`). An en dash is not a hyphen (`20–30` is three tokens).
//! - **Apostrophe or quotation mark?** A `'` / `’` between letters or digits is an
//!   apostrophe; so is one that opens a decade or a known elision (`’90s`, `’em`, rock
//!   `’n’` roll), and one that would close a single quotation when none is open
//!   (`officials’ cars`). Everything else pairs by context (what is before and after the
//!   mark), not by alternation, with curly glyphs trusted unless the context clearly
//!   contradicts them. See [`quotes`] for the full rule, including wire-style quotations
//!   that run over several paragraphs (an opening mark on each, a closing mark only on
//!   the last: one [`Quotation`] with `paragraphs > 1`) and unclosed quotations (closed at
//!   the paragraph end with `closed: false`).
//! - **Vague numbers are conservative.** `dozens` is `min: 12`, `hundreds` 100, `tens of
//!   thousands` 10,000, `several` 3, with `max: None` and a [`VagueKind`]; never a
//!   midpoint guess. Qualifiers (`at least`, `nearly`) are reported, not applied; see
//!   [`numbers`] for the table and [`Qualifier::bound`].
//! - **Knowledge in data files.** Word lists live in text files that stages embed with
//!   `include_str!` and users extend from the pipeline configuration
//!   ([`Lexicon::load`]); matching folds typographic variants so lists stay ASCII.
//!
//! Stripped-punctuation copy (one corpus wrote `army s`, `Shi ite`, `Syrias`) is
//! recognised where it is unambiguous: [`stripped_apostrophe`] reads `army s` as a
//! possessive and `don t` as a contraction; `Syrias` is left alone.

mod chars;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod paragraphs;
pub mod pieces;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub mod util;

pub use lexicon::{Entry, LazyMatcher, Lexicon, LexiconError, PhraseMatch, PhraseMatcher};
pub use normalize::{Folded, fold};
pub use numbers::{
    Bound, NumberRole, Qualifier, Quantity, QuantityOptions, VagueKind, classify_number,
    parse_number, quantities, quantities_in,
};
pub use paragraphs::{paragraph_at, paragraphs};
pub use pieces::{PieceMatcher, Pieces};
pub use quotes::{Mark, MarkRole, Quotation, QuoteStyle, Quotes, is_quoted, quotations, quote_at};
pub use sentences::{Sentence, sentence_at, sentences, sentences_with_paragraphs};
pub use tokens::{
    Flags, Stripped, Token, TokenKind, Tokens, is_stripped_possessive, possessive_stem,
    stripped_apostrophe, token_at, tokenize, tokens_in,
};
pub use util::{
    clamp_span, context, context_marked, is_all_caps, is_capitalised, is_headline_case,
    is_title_case, is_word_boundary, single_spaced, trim_span, trim_whitespace, words_in,
};
