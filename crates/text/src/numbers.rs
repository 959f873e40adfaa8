//! Number expressions: digits, number words, ranges, vague quantities and the qualifiers
//! in front of them, plus what a number is a number *of* (a count, a year, an age, ...).
//!
//! [`quantities`] finds every number expression in a text and returns a [`Quantity`] for
//! each: its value as `min` / `max`, the qualifier (`at least`, `nearly`, ...), the vague
//! kind (`dozens`) and a [`NumberRole`] guessed from the neighbouring tokens. Stages that
//! count things keep the quantities whose role is [`NumberRole::Count`].
//!
//! **Values.** `min` is always set; `max` is `Some` for exact numbers (equal to `min`)
//! and ranges, `None` when open-ended (vague quantities). Values are `f64`: exact for
//! integers below 2^53, and `3.5 million` needs the fraction.
//!
//! **The vague-number convention.** A vague quantity is reported with a conservative low
//! value in `min`, `max: None` and its [`VagueKind`]; never a midpoint guess:
//!
//! | words | kind | `min` |
//! |---|---|---|
//! | a couple (of) | `Couple` | 2 |
//! | a few | `Few` | 2 |
//! | a handful | `Handful` | 2 |
//! | several | `Several` | 3 |
//! | tens of | `Tens` | 10 |
//! | dozens | `Dozens` | 12 |
//! | scores of | `Scores` | 20 |
//! | hundreds | `Hundreds` | 100 |
//! | thousands | `Thousands` | 1,000 |
//! | tens of thousands | `TensOfThousands` | 10,000 |
//! | hundreds of thousands | `HundredsOfThousands` | 100,000 |
//! | millions | `Millions` | 1,000,000 |
//!
//! `several hundred`, `a few dozen`, `several thousand` multiply (300, 24, 3,000; kind of
//! the first word). `tens` and `scores` count only before `of` (`test scores` is not a
//! number); `a`/`an` count as 1 only when [`QuantityOptions::articles`] is set, except
//! before a scale (`a hundred`, `a dozen`, always read).
//!
//! **Not counts.** Times with a colon (`10:30`) and slashed forms (`9/11`, `24/7`) are
//! not quantities at all; everything else is returned with a role: four-digit numbers
//! from 1900 to 2039 without a qualifier are [`NumberRole::Year`] (news style writes
//! counts of a thousand and more with a comma), `8-year-old` / `aged 8` / `Smith, 45,`
//! are ages, `5 p.m.` / `1400 GMT` times, `Brigade 17` / `Route 66` designators, and so
//! on; see [`classify_number`] for a token that is not part of a quantity.

use std::ops::Range;

use newsproc_sdk::Span;

use crate::tokens::{Flags, Token, TokenKind, Tokens, tokenize};

/// A vague quantity word; see the module docs for the conservative values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VagueKind {
    Couple,
    Few,
    Handful,
    Several,
    Tens,
    Dozens,
    Scores,
    Hundreds,
    Thousands,
    TensOfThousands,
    HundredsOfThousands,
    Millions,
}

impl VagueKind {
    /// The conservative low value.
    pub fn low(self) -> f64 {
        match self {
            VagueKind::Couple | VagueKind::Few | VagueKind::Handful => 2.0,
            VagueKind::Several => 3.0,
            VagueKind::Tens => 10.0,
            VagueKind::Dozens => 12.0,
            VagueKind::Scores => 20.0,
            VagueKind::Hundreds => 100.0,
            VagueKind::Thousands => 1_000.0,
            VagueKind::TensOfThousands => 10_000.0,
            VagueKind::HundredsOfThousands => 100_000.0,
            VagueKind::Millions => 1_000_000.0,
        }
    }
}

/// A word or phrase before (or, for `OrMore` / `OrSo`, after) a number that says how the
/// number relates to the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// at least, no fewer than, no less than
    AtLeast,
    /// more than, upwards of, in excess of
    MoreThan,
    /// over, well over, just over
    Over,
    /// at most, no more than
    AtMost,
    /// up to
    UpTo,
    /// as many as
    AsManyAs,
    /// fewer than
    FewerThan,
    /// less than
    LessThan,
    /// under, just under
    Under,
    /// nearly
    Nearly,
    /// almost
    Almost,
    /// close to
    CloseTo,
    /// about
    About,
    /// around
    Around,
    /// some (`some 20 people`)
    Some,
    /// roughly
    Roughly,
    /// approximately, approx.
    Approximately,
    /// an estimated, estimated
    Estimated,
    /// `or more`, `-plus`, `+` after the number
    OrMore,
    /// `or so` after the number
    OrSo,
}

/// Which side of the true value a qualified number is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// The true value is at least (or above) the number: `at least 20`.
    Lower,
    /// The true value is at most (or below) the number: `up to 20`, `nearly 20`.
    Upper,
    /// The number is an approximation: `about 20`.
    Approximate,
}

impl Qualifier {
    pub fn bound(self) -> Bound {
        use Qualifier::*;
        match self {
            AtLeast | MoreThan | Over | OrMore => Bound::Lower,
            AtMost | UpTo | AsManyAs | FewerThan | LessThan | Under | Nearly | Almost | CloseTo => {
                Bound::Upper
            }
            About | Around | Some | Roughly | Approximately | Estimated | OrSo => {
                Bound::Approximate
            }
        }
    }
}

/// What a number counts or measures, from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberRole {
    /// A count of things: the default.
    Count,
    /// `in 2015`
    Year,
    /// `17th`, `first`
    Ordinal,
    /// `8-year-old`, `aged 8`, `8 years old`, `John Smith, 45,`
    Age,
    /// `10:30`, `5 p.m.`, `1400 GMT`
    Time,
    /// `Jan. 5`, `5 March`
    Date,
    /// `20%`, `20 percent`
    Percent,
    /// `$2`, `2 million dollars`
    Money,
    /// `10 km`, `48 hours`, `a two-day truce`
    Measure,
    /// `Brigade 17`, `Route 66`, `Resolution 2254`, `No. 5`
    Designator,
    /// A score (`3-1`), a fraction, a slashed date: a number, but of nothing countable.
    Other,
}

/// One number expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The whole expression: qualifier, currency sign, number, scale, range,
    /// `of thousands`, postfix `or more`.
    pub span: Span,
    /// Just the number (first to last number word or digit group, scale included).
    pub number_span: Span,
    pub min: f64,
    /// `Some(min)` for an exact number, `Some(high)` for a range, `None` when vague.
    pub max: Option<f64>,
    pub vague: Option<VagueKind>,
    pub qualifier: Option<Qualifier>,
    pub qualifier_span: Option<Span>,
    /// Written in words (`thirteen`, `a dozen`, `dozens`) rather than digits.
    pub words: bool,
    pub role: NumberRole,
    /// The tokens the expression covers (indices into the token slice it was parsed
    /// from); `tokens.end` is the token after it.
    pub tokens: Range<usize>,
}

impl Quantity {
    /// Whether this is a range (`10 to 15`, `20-30`, `between 10 and 15`).
    pub fn is_range(&self) -> bool {
        self.max.is_some_and(|m| m != self.min)
    }

    /// The value as a whole count when it is an exact, non-negative integer.
    pub fn exact_count(&self) -> Option<u64> {
        let exact = self.vague.is_none() && self.max == Some(self.min);
        (exact && self.min >= 0.0 && self.min.fract() == 0.0 && self.min < 9.0e15)
            .then_some(self.min as u64)
    }
}

/// Options for [`quantities_in`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuantityOptions {
    /// Read a lone `a` / `an` as 1 (`an attack killed ...`). Off by default.
    pub articles: bool,
    /// Report vague quantities (`dozens`, `several`). On by default.
    pub vague: bool,
}

impl Default for QuantityOptions {
    fn default() -> Self {
        QuantityOptions {
            articles: false,
            vague: true,
        }
    }
}

/// All number expressions of `text`, with default options.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let tokens = tokenize(text);
    quantities_in(text, &tokens, QuantityOptions::default())
}

/// All number expressions in `tokens` (the tokens of `text`).
pub fn quantities_in(text: &str, tokens: &[Token], opts: QuantityOptions) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match quantity_at(text, tokens, i, opts) {
            Some(mut q) => {
                i = q.tokens.end.max(i + 1);
                if let Some(prev) = out.last() {
                    inherit_list_role(text, tokens, prev, &mut q);
                }
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

/// In a list (`ages 13, 17 and 19`), a plain count after an age or a year takes its
/// role: only commas, `and`, `or` between them.
fn inherit_list_role(text: &str, tokens: &[Token], prev: &Quantity, q: &mut Quantity) {
    if q.role != NumberRole::Count
        || !matches!(prev.role, NumberRole::Age | NumberRole::Year)
        || q.qualifier.is_some()
        || q.words != prev.words
    {
        return;
    }
    let between = tokens.get(prev.tokens.end..q.tokens.start).unwrap_or(&[]);
    let joined = !between.is_empty()
        && between.len() <= 2
        && between.iter().all(|t| {
            !t.has(Flags::LINE_BEFORE) && matches!(t.text(text), "," | "and" | "or" | "&")
        });
    if joined {
        q.role = prev.role;
    }
}

/// Parses a whole string as one number expression: `"1,500"`, `"twenty-three"`,
/// `"one hundred and five"`, `"3.5 million"`, `"a dozen"`. `None` unless the whole
/// string (trimmed) is one number (qualifiers and vague words included: `min` is given).
pub fn parse_number(s: &str) -> Option<f64> {
    let tokens: Vec<Token> = Tokens::new(s).collect();
    let q = quantity_at(
        s,
        &tokens,
        0,
        QuantityOptions {
            articles: true,
            vague: true,
        },
    )?;
    (q.tokens.end == tokens.len() && q.span.end == tokens.last()?.span.end).then_some(q.min)
}

/// The number expression starting at token `i`, if any.
pub fn quantity_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    opts: QuantityOptions,
) -> Option<Quantity> {
    let p = Parser { text, tokens, opts };
    p.quantity(i)
}

/// The role of token `i` (a number, a number word or a mix such as `17th`) from its
/// context. Useful for numbers [`quantities`] does not return (`17th`, `10:30`, `9/11`).
pub fn classify_number(text: &str, tokens: &[Token], i: usize) -> NumberRole {
    let Some(tok) = tokens.get(i) else {
        return NumberRole::Other;
    };
    let t = tok.text(text);
    if tok.kind == TokenKind::Number && t.contains(':') {
        return NumberRole::Time;
    }
    if tok.kind == TokenKind::Number && t.contains('/') {
        return NumberRole::Other;
    }
    if is_ordinal(t) {
        return NumberRole::Ordinal;
    }
    let p = Parser {
        text,
        tokens,
        opts: QuantityOptions {
            articles: true,
            vague: true,
        },
    };
    match p.quantity(i) {
        Some(q) if q.tokens.start == i => q.role,
        _ => p.role(i, i + 1, parse_digits(t), false, false),
    }
}

/// `17th`, `1st`, `first`, `twentieth`, ...
pub fn is_ordinal(word: &str) -> bool {
    let lower = Lower::new(word);
    let w = lower.as_str();
    if w.is_empty() {
        return false;
    }
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return matches!(&w[digits..], "st" | "nd" | "rd" | "th");
    }
    ORDINAL_WORDS.contains(&w)
}

const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
    "thousandth",
    "millionth",
];

/// An ASCII-lowercased copy of a short word on the stack (longer words are not number
/// words, so they come out empty).
struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    fn new(s: &str) -> Lower {
        let mut buf = [0u8; 24];
        let len = if s.len() <= buf.len() && s.is_ascii() {
            for (d, b) in buf.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            s.len()
        } else {
            0
        };
        Lower { buf, len }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The value of a digit string: `1,500`, `3.5`, `13`. `None` for anything else.
pub fn parse_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let mut int: f64 = 0.0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => int = int * 10.0 + f64::from(d - b'0'),
            b',' => {}
            b'.' => break,
            _ => return None,
        }
        i += 1;
    }
    if i < b.len() {
        // Fraction after the point.
        let mut scale = 0.1;
        let mut frac = 0.0;
        for &d in &b[i + 1..] {
            if !d.is_ascii_digit() {
                return None;
            }
            frac += f64::from(d - b'0') * scale;
            scale /= 10.0;
        }
        if i + 1 == b.len() {
            return None;
        }
        int += frac;
    }
    Some(int)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
}

fn number_word(w: &str) -> Option<(WordKind, f64)> {
    use WordKind::*;
    Some(match w {
        "zero" => (Unit, 0.0),
        "one" => (Unit, 1.0),
        "two" => (Unit, 2.0),
        "three" => (Unit, 3.0),
        "four" => (Unit, 4.0),
        "five" => (Unit, 5.0),
        "six" => (Unit, 6.0),
        "seven" => (Unit, 7.0),
        "eight" => (Unit, 8.0),
        "nine" => (Unit, 9.0),
        "ten" => (Teen, 10.0),
        "eleven" => (Teen, 11.0),
        "twelve" => (Teen, 12.0),
        "thirteen" => (Teen, 13.0),
        "fourteen" => (Teen, 14.0),
        "fifteen" => (Teen, 15.0),
        "sixteen" => (Teen, 16.0),
        "seventeen" => (Teen, 17.0),
        "eighteen" => (Teen, 18.0),
        "nineteen" => (Teen, 19.0),
        "twenty" => (Tens, 20.0),
        "thirty" => (Tens, 30.0),
        "forty" => (Tens, 40.0),
        "fourty" => (Tens, 40.0),
        "fifty" => (Tens, 50.0),
        "sixty" => (Tens, 60.0),
        "seventy" => (Tens, 70.0),
        "eighty" => (Tens, 80.0),
        "ninety" => (Tens, 90.0),
        "hundred" => (Hundred, 100.0),
        "thousand" => (Scale, 1e3),
        "million" => (Scale, 1e6),
        "billion" => (Scale, 1e9),
        "trillion" => (Scale, 1e12),
        "dozen" => (Dozen, 12.0),
        _ => return None,
    })
}

/// Scale words and abbreviations after digits: `3.5 million`, `2 bn`.
fn scale_after_digits(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Suffixes glued to digits: `2.5m`, `3bn`, `10k`.
fn glued_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn vague_word(w: &str) -> Option<VagueKind> {
    Some(match w {
        "dozens" => VagueKind::Dozens,
        "scores" => VagueKind::Scores,
        "hundreds" => VagueKind::Hundreds,
        "thousands" => VagueKind::Thousands,
        "millions" => VagueKind::Millions,
        "tens" => VagueKind::Tens,
        "several" => VagueKind::Several,
        _ => return None,
    })
}

type QualifierPhrase = (&'static [&'static str], Qualifier);

/// Ordered so that [`qualifiers_starting`] can slice it by first word.
const QUALIFIERS: &[QualifierPhrase] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["as", "many", "as"], Qualifier::AsManyAs),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["more", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["just", "under"], Qualifier::Under),
    (&["up", "to"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::FewerThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["close", "to"], Qualifier::CloseTo),
    (&["an", "estimated"], Qualifier::Estimated),
    (&["over"], Qualifier::Over),
    (&["under"], Qualifier::Under),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Almost),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::Around),
    (&["some"], Qualifier::Some),
    (&["roughly"], Qualifier::Roughly),
    (&["approximately"], Qualifier::Approximately),
    (&["approx"], Qualifier::Approximately),
    (&["estimated"], Qualifier::Estimated),
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "rouble",
    "roubles", "ruble", "rubles", "riyal", "riyals", "rial", "rials", "lira", "liras", "lire",
    "dinar", "dinars", "dirham", "dirhams", "rupee", "rupees", "francs", "usd", "eur", "gbp",
    "cents", "shekels", "pence",
];

const PERCENT_WORDS: &[&str] = &["percent", "pct", "percentage"];

const TIME_WORDS: &[&str] = &[
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "gmt",
    "utc",
    "edt",
    "est",
    "cet",
    "cest",
    "bst",
    "o'clock",
    "o’clock",
    "hrs",
    "local",
];

const UNIT_WORDS: &[&str] = &[
    "km",
    "kms",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "mile",
    "miles",
    "meters",
    "metres",
    "meter",
    "metre",
    "feet",
    "foot",
    "ft",
    "yards",
    "inches",
    "inch",
    "cm",
    "mm",
    "kg",
    "kgs",
    "kilograms",
    "kilos",
    "grams",
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "lbs",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "minutes",
    "minute",
    "mins",
    "seconds",
    "second",
    "decades",
    "decade",
    "centuries",
    "nights",
    "night",
    "degrees",
    "degree",
    "acres",
    "hectares",
    "hectare",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "mph",
    "kph",
    "sq",
    "square",
    "times",
    "calibre",
    "caliber",
    "megawatts",
    "mw",
    "storey",
    "storeys",
    "floors",
];

const DESIGNATORS: &[&str] = &[
    "brigade",
    "division",
    "battalion",
    "regiment",
    "corps",
    "squadron",
    "fleet",
    "army",
    "route",
    "highway",
    "road",
    "street",
    "resolution",
    "flight",
    "article",
    "chapter",
    "section",
    "room",
    "apartment",
    "building",
    "gate",
    "unit",
    "level",
    "phase",
    "platform",
    "number",
    "no",
    "no.",
    "nos",
    "page",
    "sector",
    "zone",
    "district",
    "ward",
    "precinct",
    "channel",
    "proposition",
    "prop",
    "amendment",
    "paragraph",
    "item",
    "block",
    "checkpoint",
    "hill",
    "station",
    "terminal",
    "line",
    "bus",
    "train",
    "model",
    "mk",
    "camp",
    "base",
    "group",
    "team",
    "lot",
    "tower",
    "pier",
    "berth",
    "bay",
    "exit",
    "junction",
    "grade",
    "class",
    "vol",
    "volume",
    "act",
    "bill",
    "code",
    "hangar",
    "cell",
    "wing",
    "floor",
];

const AGE_BEFORE: &[&str] = &["aged", "age", "ages"];

/// Every word [`could_start`] accepts, for the prefilter below.
const STARTER_WORDS: &[&str] = &[
    "no",
    "in",
    "as",
    "at",
    "more",
    "upwards",
    "well",
    "just",
    "up",
    "fewer",
    "less",
    "close",
    "an",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "approx",
    "estimated",
    "between",
    "from",
    "a",
    "half",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "tens",
    "several",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
];

/// For each first and second letter, a bit per length of the starter words beginning
/// with them: most words are rejected on these three facts without being lowercased.
static STARTER_MASK: [[u16; 26]; 26] = {
    let mut mask = [[0u16; 26]; 26];
    let mut k = 0;
    while k < STARTER_WORDS.len() {
        let w = STARTER_WORDS[k].as_bytes();
        if w.len() >= 2 {
            mask[(w[0] - b'a') as usize][(w[1] - b'a') as usize] |= 1 << w.len();
        }
        k += 1;
    }
    mask
};

/// [`could_start`] for a token's raw text, rejecting most words on their first byte and
/// length before lowercasing anything.
#[inline]
fn could_start_token(t: &str) -> bool {
    let b = t.as_bytes();
    let head_len = b.iter().position(|&c| c == b'-').unwrap_or(b.len());
    if head_len <= 1 {
        return head_len == 1 && (b[0] == b'a' || b[0] == b'A');
    }
    // The longest starter is "approximately" (13 bytes).
    if head_len > 13 || !b[0].is_ascii_alphabetic() || !b[1].is_ascii_alphabetic() {
        return false;
    }
    let (f, s) = (
        (b[0].to_ascii_lowercase() - b'a') as usize,
        (b[1].to_ascii_lowercase() - b'a') as usize,
    );
    if STARTER_MASK[f][s] & (1 << head_len) == 0 {
        return false;
    }
    let mut buf = [0u8; 13];
    for (d, s) in buf.iter_mut().zip(&b[..head_len]) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..head_len]).is_ok_and(could_start)
}

/// Whether a (lowercased) word can begin a number expression: a qualifier's first word,
/// `between`, `from`, an article, `half`, a vague word or a number word. Most words
/// cannot, and these few `match`es are all they cost.
fn could_start(w: &str) -> bool {
    !qualifiers_starting(w).is_empty()
        || matches!(w, "between" | "from" | "a" | "an" | "half")
        || vague_word(w).is_some()
        || number_word(w).is_some()
}

/// The entries of [`QUALIFIERS`] whose first word is `w` (lowercase), longest first.
fn qualifiers_starting(w: &str) -> &'static [QualifierPhrase] {
    let range = match w {
        "no" => 0..3,
        "in" => 3..4,
        "as" => 4..5,
        "at" => 5..7,
        "more" => 7..8,
        "upwards" => 8..9,
        "well" => 9..10,
        "just" => 10..12,
        "up" => 12..13,
        "fewer" => 13..14,
        "less" => 14..15,
        "close" => 15..16,
        "an" => 16..17,
        "over" => 17..18,
        "under" => 18..19,
        "nearly" => 19..20,
        "almost" => 20..21,
        "about" => 21..22,
        "around" => 22..23,
        "some" => 23..24,
        "roughly" => 24..25,
        "approximately" => 25..26,
        "approx" => 26..27,
        "estimated" => 27..28,
        _ => 0..0,
    };
    &QUALIFIERS[range]
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn is_currency_symbol(s: &str) -> bool {
    matches!(
        s,
        "$" | "€" | "£" | "¥" | "₹" | "₽" | "₺" | "₪" | "US$" | "A$" | "C$"
    )
}

/// A parsed number value before the qualifier and role are attached.
#[derive(Clone, Copy, Debug)]
struct Val {
    min: f64,
    max: Option<f64>,
    vague: Option<VagueKind>,
    /// Token index after the value.
    end: usize,
    /// Byte span of the number.
    span: Span,
    words: bool,
    /// A scale word ended the number (`3 million`).
    scaled: Option<f64>,
    /// The role fixed by a hyphenated modifier (`8-year-old`, `two-day`).
    fixed_role: Option<NumberRole>,
}

struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    opts: QuantityOptions,
}

impl Parser<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    fn text_of(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn lower(&self, i: usize) -> Lower {
        Lower::new(self.text_of(i))
    }

    /// Token `i` exists, is on the same line as token `i - 1`, and is `word` (any case).
    fn is_word(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            !t.has(Flags::LINE_BEFORE) && t.text(self.text).eq_ignore_ascii_case(word)
        })
    }

    /// Token `i` continues the line.
    fn same_line(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.has(Flags::LINE_BEFORE))
    }

    fn quantity(&self, i: usize) -> Option<Quantity> {
        let first = self.tok(i)?;
        // Cheap exit for the common case: a lowercase-led word that cannot start anything.
        if first.kind == TokenKind::Punct || first.kind == TokenKind::QuoteMark {
            return None;
        }
        if first.kind == TokenKind::Word && !could_start_token(first.text(self.text)) {
            return None;
        }
        let first_lower = self.lower(i);
        let head = first_lower.as_str();
        let head = head
            .bytes()
            .position(|b| b == b'-')
            .map_or(head, |k| &head[..k]);
        let mut j = i;
        let mut qualifier = None;
        let mut qualifier_span = None;
        // Qualifier.
        if first.kind == TokenKind::Word {
            for (words, q) in qualifiers_starting(head) {
                if words[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.is_word(i + 1 + k, w))
                {
                    let n = words.len();
                    // `approx.` carries its period.
                    let mut end_tok = i + n;
                    if *q == Qualifier::Approximately && self.text_of(end_tok) == "." {
                        end_tok += 1;
                    }
                    qualifier = Some(*q);
                    qualifier_span = Some(Span::new(
                        first.span.start,
                        self.tokens[end_tok - 1].span.end,
                    ));
                    j = end_tok;
                    break;
                }
            }
        }
        // Range syntax: between X and Y, from X to Y.
        let range_word = if qualifier.is_none() && matches!(head, "between" | "from") {
            j = i + 1;
            Some(if head == "between" { "and" } else { "to" })
        } else {
            None
        };
        // Currency sign.
        let mut money = false;
        if j > i && !self.same_line(j) {
            return None;
        }
        if self
            .tok(j)
            .is_some_and(|t| t.kind == TokenKind::Symbol && is_currency_symbol(t.text(self.text)))
        {
            money = true;
            j += 1;
            if !self.same_line(j) {
                return None;
            }
        }
        let v = self.value(j)?;
        let mut end = v.end;
        let mut min = v.min;
        let mut max = v.max;
        let mut span_end = v.span.end;
        let mut number_end = v.span.end;
        let mut words = v.words;
        // Ranges.
        if let Some(joiner) = range_word {
            if !self.is_word(end, joiner) {
                return None;
            }
            let v2 = self.value(end + 1)?;
            if v2.vague.is_some() || v.vague.is_some() {
                return None;
            }
            let (lo, hi) = scaled_range(&v, &v2);
            min = lo;
            max = Some(hi);
            end = v2.end;
            span_end = v2.span.end;
            number_end = v2.span.end;
            words |= v2.words;
        } else if v.vague.is_none() && v.max == Some(v.min) && v.fixed_role.is_none() {
            let joiner = self.text_of(end);
            let is_joiner = self.same_line(end)
                && (joiner.eq_ignore_ascii_case("to")
                    || joiner.eq_ignore_ascii_case("or")
                    || self
                        .tok(end)
                        .is_some_and(|t| t.kind == TokenKind::Dash && t.text(self.text) != "--"));
            if is_joiner && !self.is_word(end + 1, "so") && !self.is_word(end + 1, "more") {
                if let Some(v2) = self.value(end + 1) {
                    let (lo, hi) = scaled_range(&v, &v2);
                    if v2.vague.is_none() && v2.fixed_role.is_none() && hi > lo {
                        min = lo;
                        max = Some(hi);
                        end = v2.end;
                        span_end = v2.span.end;
                        number_end = v2.span.end;
                        words |= v2.words;
                    }
                }
            }
        }
        // Postfix qualifiers: or more, or so, +.
        if qualifier.is_none() {
            if self.is_word(end, "or")
                && (self.is_word(end + 1, "more") || self.is_word(end + 1, "so"))
            {
                qualifier = Some(if self.is_word(end + 1, "so") {
                    Qualifier::OrSo
                } else {
                    Qualifier::OrMore
                });
                qualifier_span = Some(Span::new(
                    self.tokens[end].span.start,
                    self.tokens[end + 1].span.end,
                ));
                span_end = self.tokens[end + 1].span.end;
                end += 2;
            } else if self.text_of(end) == "+" && self.tok(end).is_some_and(|t| !t.space_before()) {
                qualifier = Some(Qualifier::OrMore);
                qualifier_span = Some(self.tokens[end].span);
                span_end = self.tokens[end].span.end;
                end += 1;
            } else if v.fixed_role.is_none()
                && ends_with_ignore_case(self.text_of(v.end - 1), "-plus")
            {
                qualifier = Some(Qualifier::OrMore);
                qualifier_span = Some(Span::new(v.span.end, self.tokens[v.end - 1].span.end));
            }
        }
        // The expression covers its tokens whole: "8-year-old" although the number is
        // just the "8".
        let span_end = span_end.max(self.tokens[end - 1].span.end);
        let start_byte = self.tokens[i].span.start;
        let role = if money {
            NumberRole::Money
        } else if v.fixed_role == Some(NumberRole::Measure) && self.age_unit_before_old(v.end) {
            // "12-year old"
            NumberRole::Age
        } else if let Some(r) = v.fixed_role {
            r
        } else {
            self.role(
                i,
                end,
                Some(min),
                qualifier.is_some() || range_word.is_some(),
                words,
            )
        };
        Some(Quantity {
            span: Span::new(start_byte, span_end),
            number_span: Span::new(v.span.start, number_end),
            min,
            max,
            vague: v.vague,
            qualifier,
            qualifier_span,
            words,
            role,
            tokens: i..end,
        })
    }

    /// Token `end - 1` ends in `-year` / `-month` / ... and `old` follows.
    fn age_unit_before_old(&self, end: usize) -> bool {
        let Some(last) = end.checked_sub(1) else {
            return false;
        };
        let t = self.text_of(last);
        [
            "-year", "-years", "-month", "-months", "-week", "-weeks", "-day", "-days",
        ]
        .iter()
        .any(|u| ends_with_ignore_case(t, u))
            && (self.is_word(end, "old") || self.is_word(end, "olds"))
    }

    /// A number value at token `i`.
    fn value(&self, i: usize) -> Option<Val> {
        let tok = *self.tok(i)?;
        match tok.kind {
            TokenKind::Number => self.digits_value(i, tok),
            TokenKind::Alnum => self.alnum_value(i, tok),
            TokenKind::Word => self.word_value(i),
            _ => None,
        }
    }

    fn digits_value(&self, i: usize, tok: Token) -> Option<Val> {
        let t = tok.text(self.text);
        if t.contains([':', '/']) {
            return None;
        }
        if tok.has(Flags::HYPHENATED) {
            // 20-30: a range; 3-1: a score.
            let mut parts = tok.parts(self.text);
            let a = parts.next()?;
            let b = parts.next()?;
            if parts.next().is_some() {
                return None;
            }
            let (lo, hi) = (
                parse_digits(a.of(self.text))?,
                parse_digits(b.of(self.text))?,
            );
            if hi <= lo {
                return None;
            }
            return Some(Val {
                min: lo,
                max: Some(hi),
                vague: None,
                end: i + 1,
                span: tok.span,
                words: false,
                scaled: None,
                fixed_role: None,
            });
        }
        let mut v = parse_digits(t)?;
        let mut end = i + 1;
        let mut span = tok.span;
        let mut scaled = None;
        if self.same_line(end) {
            if let Some(s) = scale_after_digits(self.lower(end).as_str()) {
                v *= s;
                scaled = Some(s);
                span.end = self.tokens[end].span.end;
                end += 1;
            }
        }
        Some(Val {
            min: v,
            max: Some(v),
            vague: None,
            end,
            span,
            words: false,
            scaled,
            fixed_role: None,
        })
    }

    /// `2.5m`, `10k`, `8-year-old`, `20-plus`, `17th` (not a value).
    fn alnum_value(&self, i: usize, tok: Token) -> Option<Val> {
        let t = tok.text(self.text);
        if tok.has(Flags::HYPHENATED) {
            let mut parts = tok.parts(self.text);
            let first = parts.next()?;
            let v = parse_digits(first.of(self.text))?;
            let hyphen = self.text[first.end..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            let rest = Span::new((first.end + hyphen).min(tok.span.end), tok.span.end);
            let rest_lower = rest.of(self.text).to_ascii_lowercase();
            let role = modifier_role(&rest_lower);
            return Some(Val {
                min: v,
                max: Some(v),
                vague: None,
                end: i + 1,
                span: first,
                words: false,
                scaled: None,
                fixed_role: role,
            });
        }
        let digits_len = t
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
            .count();
        let v = parse_digits(&t[..digits_len])?;
        let s = glued_scale(Lower::new(&t[digits_len..]).as_str())?;
        Some(Val {
            min: v * s,
            max: Some(v * s),
            vague: None,
            end: i + 1,
            span: tok.span,
            words: false,
            scaled: Some(s),
            fixed_role: None,
        })
    }

    fn word_value(&self, i: usize) -> Option<Val> {
        let tok = self.tokens[i];
        let lower = self.lower(i);
        let w = lower.as_str();
        if w.is_empty() {
            return None;
        }
        // Articles and "half a dozen".
        if w == "a" || w == "an" {
            return self.article_value(i);
        }
        // "half a dozen", "half a million": half the multiplier after the article.
        if w == "half"
            && self.is_word(i + 1, "a")
            && let Some(m) = self.multiplier_at(i + 2)
        {
            return Some(Val {
                min: m / 2.0,
                max: Some(m / 2.0),
                vague: None,
                end: i + 3,
                span: Span::new(tok.span.start, self.tokens[i + 2].span.end),
                words: true,
                scaled: None,
                fixed_role: None,
            });
        }
        if let Some(kind) = vague_word(w) {
            return self.vague_value(i, kind, tok.span.start);
        }
        self.words_number(i, false)
    }

    fn article_value(&self, i: usize) -> Option<Val> {
        let start = self.tokens[i].span.start;
        if !self.same_line(i + 1) {
            return self.lone_article(i);
        }
        let next = self.lower(i + 1);
        let next = next.as_str();
        let vague = match next {
            "few" => Some(VagueKind::Few),
            "handful" => Some(VagueKind::Handful),
            "couple" => Some(VagueKind::Couple),
            _ => None,
        };
        if let Some(kind) = vague {
            if !self.opts.vague {
                return None;
            }
            // "a few hundred", "a couple of dozen"
            let mut k = i + 2;
            if kind == VagueKind::Couple
                && self.is_word(k, "of")
                && self.multiplier_at(k + 1).is_some()
            {
                k += 1;
            }
            if kind == VagueKind::Handful && !self.is_word(k, "of") {
                return None;
            }
            return self.vague_value(k - 1, kind, start).map(|mut v| {
                v.span.start = start;
                v
            });
        }
        match number_word(next) {
            Some((WordKind::Hundred | WordKind::Scale | WordKind::Dozen, _)) => {
                let mut v = self.words_number(i + 1, true)?;
                v.span.start = start;
                v.words = true;
                Some(v)
            }
            _ => self.lone_article(i),
        }
    }

    fn lone_article(&self, i: usize) -> Option<Val> {
        if !self.opts.articles {
            return None;
        }
        Some(Val {
            min: 1.0,
            max: Some(1.0),
            vague: None,
            end: i + 1,
            span: self.tokens[i].span,
            words: true,
            scaled: None,
            fixed_role: None,
        })
    }

    /// A multiplier after "several" / "a few": hundred, thousand, dozen, million.
    fn multiplier_at(&self, i: usize) -> Option<f64> {
        if !self.same_line(i) {
            return None;
        }
        match number_word(self.lower(i).as_str()) {
            Some((WordKind::Hundred | WordKind::Scale | WordKind::Dozen, v)) => Some(v),
            _ => None,
        }
    }

    /// A vague word at token `i` (`dozens`, `several`, or the noun after `a`).
    fn vague_value(&self, i: usize, kind: VagueKind, start: usize) -> Option<Val> {
        if !self.opts.vague {
            return None;
        }
        let tok = self.tokens[i];
        let mut end = i + 1;
        let mut kind = kind;
        let mut min = kind.low();
        let mut span = Span::new(start, tok.span.end);
        match kind {
            VagueKind::Several | VagueKind::Few | VagueKind::Couple | VagueKind::Handful => {
                if let Some(m) = self.multiplier_at(end) {
                    min *= m;
                    span.end = self.tokens[end].span.end;
                    end += 1;
                }
            }
            VagueKind::Tens | VagueKind::Hundreds | VagueKind::Dozens | VagueKind::Thousands => {
                // "tens of thousands", "hundreds of thousands", "hundreds of millions"
                if self.is_word(end, "of") {
                    let next = self.lower(end + 1);
                    let bigger = match (kind, next.as_str()) {
                        (VagueKind::Tens, "thousands") => Some(VagueKind::TensOfThousands),
                        (VagueKind::Hundreds, "thousands") => Some(VagueKind::HundredsOfThousands),
                        (VagueKind::Tens | VagueKind::Hundreds, "millions") => {
                            Some(VagueKind::Millions)
                        }
                        _ => None,
                    };
                    if let Some(b) = bigger {
                        if self.same_line(end + 1) {
                            min = match (kind, b) {
                                (VagueKind::Tens, VagueKind::Millions) => 1e7,
                                (VagueKind::Hundreds, VagueKind::Millions) => 1e8,
                                _ => b.low(),
                            };
                            kind = b;
                            span.end = self.tokens[end + 1].span.end;
                            end += 2;
                        }
                    }
                }
                if kind == VagueKind::Tens && !self.is_word(end, "of") {
                    return None;
                }
            }
            VagueKind::Scores if !self.is_word(end, "of") => return None,
            _ => {}
        }
        Some(Val {
            min,
            max: None,
            vague: Some(kind),
            end,
            span,
            words: true,
            scaled: None,
            fixed_role: None,
        })
    }

    /// Number words: `thirteen`, `twenty-three`, `twenty three`, `one hundred and five`,
    /// `two thousand`, `fifteen hundred`, `two dozen`, `three-year-old`. A leading
    /// `hundred` / `thousand` / `dozen` is only accepted after `a` (`scale_first`).
    fn words_number(&self, i: usize, scale_first: bool) -> Option<Val> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last: Option<WordKind> = None;
        let mut k = i;
        let mut span_end = 0;
        let mut fixed_role = None;
        let mut scaled = None;
        let start = self.tokens[i].span.start;
        'tokens: while let Some(tok) = self.tok(k) {
            if k > i && tok.has(Flags::LINE_BEFORE) {
                break;
            }
            if tok.kind != TokenKind::Word {
                break;
            }
            // "one hundred and five": `and` only between a hundred/scale and more.
            if last.is_some() && tok.text(self.text).eq_ignore_ascii_case("and") {
                if matches!(last, Some(WordKind::Hundred | WordKind::Scale))
                    && self.same_line(k + 1)
                    && matches!(
                        number_word(self.lower(k + 1).as_str()),
                        Some((WordKind::Unit | WordKind::Teen | WordKind::Tens, _))
                    )
                {
                    k += 1;
                    continue;
                }
                break;
            }
            let mut consumed_all = true;
            let mut any = false;
            for part in tok.parts(self.text) {
                let lower = Lower::new(part.of(self.text));
                let Some((kind, v)) = number_word(lower.as_str()) else {
                    if any {
                        // "three-year-old": the rest of the token modifies the number.
                        let rest = Span::new(part.start, tok.span.end)
                            .of(self.text)
                            .to_ascii_lowercase();
                        fixed_role = modifier_role(&rest);
                        consumed_all = false;
                        break;
                    }
                    break 'tokens;
                };
                let ok = match (last, kind) {
                    (None, WordKind::Hundred | WordKind::Scale | WordKind::Dozen) => scale_first,
                    (None, _) => true,
                    (Some(WordKind::Unit), WordKind::Unit | WordKind::Teen | WordKind::Tens) => {
                        false
                    }
                    (Some(WordKind::Teen), WordKind::Unit | WordKind::Teen | WordKind::Tens) => {
                        false
                    }
                    (Some(WordKind::Tens), WordKind::Unit) => true,
                    (Some(WordKind::Tens), WordKind::Teen | WordKind::Tens) => false,
                    (Some(WordKind::Hundred), WordKind::Hundred | WordKind::Dozen) => false,
                    (Some(WordKind::Scale), WordKind::Hundred | WordKind::Dozen) => false,
                    (Some(WordKind::Dozen), _) => false,
                    (Some(WordKind::Tens), WordKind::Dozen) => false,
                    (Some(WordKind::Scale), WordKind::Scale) => false,
                    _ => true,
                };
                if !ok {
                    if any {
                        // A second number inside one token ("one-two"): not a number.
                        return None;
                    }
                    break 'tokens;
                }
                match kind {
                    WordKind::Unit | WordKind::Teen | WordKind::Tens => current += v,
                    WordKind::Hundred => {
                        current = if current == 0.0 { 1.0 } else { current } * 100.0;
                        scaled = Some(100.0);
                    }
                    WordKind::Dozen => {
                        current = if current == 0.0 { 1.0 } else { current } * 12.0;
                        scaled = Some(12.0);
                    }
                    WordKind::Scale => {
                        total += if current == 0.0 { 1.0 } else { current } * v;
                        current = 0.0;
                        scaled = Some(v);
                    }
                }
                last = Some(kind);
                any = true;
                span_end = part.end;
            }
            k += 1;
            if !consumed_all || fixed_role.is_some() {
                break;
            }
        }
        last?;
        let v = total + current;
        Some(Val {
            min: v,
            max: Some(v),
            vague: None,
            end: k,
            span: Span::new(start, span_end),
            words: true,
            scaled,
            fixed_role,
        })
    }

    /// The role of a number covering tokens `start..end` (qualifier included when
    /// `start` points at it), with value `v`.
    fn role(
        &self,
        start: usize,
        end: usize,
        v: Option<f64>,
        qualified: bool,
        words: bool,
    ) -> NumberRole {
        let prev = start
            .checked_sub(1)
            .filter(|_| self.tok(start).is_some_and(|t| !t.has(Flags::LINE_BEFORE)));
        // "Jan. 5", "No. 5": read the abbreviation before the period.
        let prev = match prev {
            Some(p)
                if p > 0
                    && self.text_of(p) == "."
                    && self.tok(p).is_some_and(|t| !t.space_before()) =>
            {
                Some(p - 1)
            }
            other => other,
        };
        let prev_lower = prev.map(|p| self.lower(p));
        let prev_w = prev_lower.as_ref().map_or("", |l| l.as_str());
        let prev_raw = prev.map_or("", |p| self.text_of(p));
        let next_lower = if self.same_line(end) {
            self.lower(end)
        } else {
            Lower::new("")
        };
        let next_w = next_lower.as_str();
        let next_raw = if self.same_line(end) {
            self.text_of(end)
        } else {
            ""
        };
        let next2 = if self.same_line(end) && self.same_line(end + 1) {
            self.lower(end + 1)
        } else {
            Lower::new("")
        };

        if next_raw == "%"
            || in_list(PERCENT_WORDS, next_w)
            || (next_w == "per" && next2.as_str() == "cent")
        {
            return NumberRole::Percent;
        }
        if is_currency_symbol(prev_raw) || in_list(CURRENCY_WORDS, next_w) {
            return NumberRole::Money;
        }
        let int = v.filter(|v| v.fract() == 0.0);
        let single_token = end == start + 1;
        let digits_tok = self.tok(start).is_some_and(|t| t.kind == TokenKind::Number);
        if in_list(TIME_WORDS, next_w) {
            return NumberRole::Time;
        }
        // Part of a web address or a hashtag: "wral.com/13334346".
        let glued_prev = self.tok(start).is_some_and(|t| !t.space_before());
        if glued_prev && matches!(prev_raw, "/" | "#" | "@" | "=" | "_") {
            return NumberRole::Other;
        }
        // Military time: "at 0914".
        let raw_first = self.text_of(start);
        if single_token
            && digits_tok
            && raw_first.len() == 4
            && raw_first.starts_with('0')
            && matches!(prev_w, "at" | "by" | "until" | "from" | "since")
        {
            return NumberRole::Time;
        }
        if (next_w == "years" || next_w == "year") && matches!(next2.as_str(), "old" | "olds") {
            return NumberRole::Age;
        }
        if in_list(AGE_BEFORE, prev_w) {
            return NumberRole::Age;
        }
        // "John Smith, 45, said", "Dustin Grey, 21 and Danny Scott, 18."
        let name_follows = next_raw.eq_ignore_ascii_case("and")
            && self.same_line(end + 1)
            && self.tok(end + 1).is_some_and(Token::is_capitalised);
        if prev_raw == ","
            && (matches!(next_raw, "," | ")" | "." | ";" | "") || name_follows)
            && digits_tok
            && single_token
            && !qualified
        {
            if let (Some(pp), Some(n)) = (prev.and_then(|p| p.checked_sub(1)), int) {
                if self
                    .tok(pp)
                    .is_some_and(|t| t.is_capitalised() && t.kind == TokenKind::Word)
                    && (1.0..=115.0).contains(&n)
                {
                    return NumberRole::Age;
                }
            }
        }
        if let Some(n) = int {
            let day = (1.0..=31.0).contains(&n) && single_token && digits_tok;
            let prev_month = in_list(MONTHS, prev_w.trim_end_matches('.'))
                && prev_raw.chars().next().is_some_and(char::is_uppercase);
            let next_month = in_list(MONTHS, next_w.trim_end_matches('.'))
                && next_raw.chars().next().is_some_and(char::is_uppercase);
            if day && (prev_month || next_month) {
                return NumberRole::Date;
            }
            let raw = self.text_of(start);
            if single_token
                && digits_tok
                && !qualified
                && raw.len() == 4
                && (1900.0..=2039.0).contains(&n)
            {
                return NumberRole::Year;
            }
            if prev_month && digits_tok && single_token && (1900.0..=2039.0).contains(&n) {
                return NumberRole::Year;
            }
        }
        if !qualified && !words && prev.is_some() {
            let p = prev_w.trim_end_matches('.');
            if in_list(DESIGNATORS, p)
                && prev
                    .and_then(|p| self.tok(p))
                    .is_some_and(|t| t.is_capitalised() || t.text(self.text).starts_with("no"))
            {
                return NumberRole::Designator;
            }
        }
        if in_list(UNIT_WORDS, next_w) && next_w != "second" {
            return NumberRole::Measure;
        }
        NumberRole::Count
    }
}

/// The role a hyphenated modifier gives its number: `year-old` → age, `day` → measure.
fn modifier_role(rest: &str) -> Option<NumberRole> {
    let first = rest.split('-').next().unwrap_or("");
    if rest.starts_with("year-old")
        || rest.starts_with("month-old")
        || rest.starts_with("week-old")
        || rest.starts_with("day-old")
    {
        return Some(NumberRole::Age);
    }
    if first == "plus" {
        return None;
    }
    if matches!(
        first,
        "half" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
    ) || is_ordinal(first)
    {
        return Some(NumberRole::Other);
    }
    if first == "percent" {
        return Some(NumberRole::Percent);
    }
    Some(NumberRole::Measure)
}

/// `2 to 3 million`: a scale on the second number applies to a small first number too.
fn scaled_range(a: &Val, b: &Val) -> (f64, f64) {
    let lo = match (a.scaled, b.scaled) {
        (None, Some(s)) if a.min < s && a.min * s <= b.min => a.min * s,
        _ => a.min,
    };
    (lo, b.max.unwrap_or(b.min))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the quantities found.
    fn q(text: &str) -> Vec<&str> {
        quantities(text).iter().map(|x| x.span.of(text)).collect()
    }

    fn one(text: &str) -> Quantity {
        let all = quantities(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    use NumberRole::*;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,500"), Some(1500.0));
        assert_eq!(parse_digits("3.5"), Some(3.5));
        assert_eq!(parse_digits("13"), Some(13.0));
        assert_eq!(parse_digits("3."), None);
        assert_eq!(parse_digits("x3"), None);
        assert_eq!(parse_digits(""), None);
        let x = one("killed 1,500 people");
        assert_eq!((x.min, x.max, x.role), (1500.0, Some(1500.0), Count));
        assert_eq!(x.exact_count(), Some(1500));
        assert_eq!(x.number_span.of("killed 1,500 people"), "1,500");
        let text = "3.5 million people fled";
        let x = one(text);
        assert_eq!((x.min, x.span.of(text)), (3_500_000.0, "3.5 million"));
        assert_eq!(one("a 2.5m deal").min, 2_500_000.0);
        assert_eq!(one("$3bn").min, 3e9);
        assert_eq!(one("$3bn").role, Money);
    }

    #[test]
    fn words() {
        for (text, v) in [
            ("Thirteen", 13.0),
            ("twenty-three", 23.0),
            ("twenty three", 23.0),
            ("one hundred and five", 105.0),
            ("a dozen", 12.0),
            ("half a dozen", 6.0),
            ("half a million", 500_000.0),
            ("half a hundred", 50.0),
            ("two dozen", 24.0),
            ("two", 2.0),
            ("a hundred", 100.0),
            ("two thousand three hundred", 2300.0),
            ("fifteen hundred", 1500.0),
            ("three million", 3e6),
            ("1,500", 1500.0),
        ] {
            assert_eq!(parse_number(text), Some(v), "{text}");
        }
        assert_eq!(parse_number("two three"), None);
        assert_eq!(parse_number("hundred"), None);
        assert_eq!(parse_number("people"), None);
        assert_eq!(parse_number("a"), Some(1.0));
        let text = "Two soldiers and one civilian died";
        assert_eq!(q(text), ["Two", "one"]);
        assert!(one("Thirteen people").words);
    }

    #[test]
    fn articles_only_when_asked() {
        let text = "an attack killed a man";
        assert!(quantities(text).is_empty());
        let t = tokenize(text);
        let opts = QuantityOptions {
            articles: true,
            ..Default::default()
        };
        let got: Vec<&str> = quantities_in(text, &t, opts)
            .iter()
            .map(|x| x.span.of(text))
            .collect();
        assert_eq!(got, ["an", "a"]);
    }

    #[test]
    fn ranges() {
        for (text, lo, hi) in [
            ("between 10 and 15 people", 10.0, 15.0),
            ("10 to 15 people", 10.0, 15.0),
            ("20-30 people", 20.0, 30.0),
            ("20–30 people", 20.0, 30.0),
            ("10 or 12 people", 10.0, 12.0),
            ("one or two people", 1.0, 2.0),
            ("from 5 to 7", 5.0, 7.0),
            ("2 to 3 million", 2e6, 3e6),
            ("between two and three thousand", 2000.0, 3000.0),
        ] {
            let x = one(text);
            assert_eq!((x.min, x.max), (lo, Some(hi)), "{text}");
            assert!(x.is_range());
            assert_eq!(x.exact_count(), None);
        }
        // Not ranges.
        assert_eq!(q("won 3-1 at home").len(), 0);
        assert_eq!(q("voted 52 to 48").len(), 2);
        assert_eq!(one("10 or so people").qualifier, Some(Qualifier::OrSo));
        assert_eq!(one("10 or more people").qualifier, Some(Qualifier::OrMore));
        assert_eq!(one("50+ dead").qualifier, Some(Qualifier::OrMore));
        let text = "a 20-plus strong force";
        let x = one(text);
        assert_eq!(x.qualifier, Some(Qualifier::OrMore));
        assert_eq!(x.qualifier_span.map(|s| s.of(text)), Some("-plus"));
        assert_eq!((x.span.of(text), x.number_span.of(text)), ("20-plus", "20"));
        let text = "a 17-year-old boy";
        let x = one(text);
        assert_eq!(
            (x.span.of(text), x.number_span.of(text)),
            ("17-year-old", "17")
        );
    }

    #[test]
    fn vague() {
        use VagueKind::*;
        for (text, kind, low, span) in [
            ("dozens of civilians", Dozens, 12.0, "dozens"),
            ("Scores of people", Scores, 20.0, "Scores"),
            ("hundreds fled", Hundreds, 100.0, "hundreds"),
            ("thousands fled", Thousands, 1000.0, "thousands"),
            ("tens of people", Tens, 10.0, "tens"),
            (
                "tens of thousands of people",
                TensOfThousands,
                10_000.0,
                "tens of thousands",
            ),
            (
                "hundreds of thousands fled",
                HundredsOfThousands,
                100_000.0,
                "hundreds of thousands",
            ),
            ("millions", Millions, 1e6, "millions"),
            ("several people", Several, 3.0, "several"),
            ("a few people", Few, 2.0, "a few"),
            ("a handful of people", Handful, 2.0, "a handful"),
            ("a couple of people", Couple, 2.0, "a couple"),
            ("several hundred people", Several, 300.0, "several hundred"),
            ("a few dozen people", Few, 24.0, "a few dozen"),
        ] {
            let x = one(text);
            assert_eq!(
                (x.vague, x.min, x.max, x.span.of(text)),
                (Some(kind), low, None, span),
                "{text}"
            );
        }
        assert!(quantities("test scores rose").is_empty());
        assert!(quantities("in the tens").is_empty());
        let t = tokenize("dozens died");
        let opts = QuantityOptions {
            vague: false,
            ..Default::default()
        };
        assert!(quantities_in("dozens died", &t, opts).is_empty());
    }

    #[test]
    fn qualifiers() {
        use Qualifier::*;
        for (text, qual, span) in [
            ("at least 20 people", AtLeast, "at least 20"),
            ("More than 20", MoreThan, "More than 20"),
            ("over 20", Over, "over 20"),
            ("nearly 20", Nearly, "nearly 20"),
            ("almost 20", Almost, "almost 20"),
            ("about 20", About, "about 20"),
            ("around 20", Around, "around 20"),
            ("some 20 people", Some, "some 20"),
            ("up to 20", UpTo, "up to 20"),
            ("as many as 20", AsManyAs, "as many as 20"),
            ("fewer than 20", FewerThan, "fewer than 20"),
            ("less than 20", LessThan, "less than 20"),
            ("roughly 20", Roughly, "roughly 20"),
            ("approximately 20", Approximately, "approximately 20"),
            ("an estimated 20", Estimated, "an estimated 20"),
            ("no fewer than 20", AtLeast, "no fewer than 20"),
            ("at least two dozen", AtLeast, "at least two dozen"),
            ("at least dozens", AtLeast, "at least dozens"),
            ("about $2 million", About, "about $2 million"),
        ] {
            let x = one(text);
            assert_eq!(
                (x.qualifier, x.span.of(text)),
                (Option::Some(qual), span),
                "{text}"
            );
            assert_eq!(
                x.qualifier_span.map(|s| s.start),
                Option::Some(x.span.start)
            );
        }
        assert_eq!(Qualifier::AtLeast.bound(), Bound::Lower);
        assert_eq!(Qualifier::UpTo.bound(), Bound::Upper);
        assert_eq!(Qualifier::About.bound(), Bound::Approximate);
        // A qualifier without a number is nothing.
        assert!(quantities("about the war, over there, some people").is_empty());
        // An estimated 2000 is a count, not a year.
        assert_eq!(one("an estimated 2000 fighters").role, Count);
    }

    #[test]
    fn roles() {
        let cases = [
            ("in 2015 the war", Year),
            ("2015 was bad", Year),
            ("killed 13 people", Count),
            ("a 17-year-old boy", Age),
            ("a three-year-old girl", Age),
            ("aged 8", Age),
            ("8 years old", Age),
            ("John Smith, 45, said", Age),
            ("said Dustin Grey, 21.", Age),
            ("her 12-year old brother", Age),
            ("at 0914 the", Time),
            ("see wral.com/13334346", Other),
            ("at 5 p.m. local", Time),
            ("at 1400 GMT", Time),
            ("20 percent", Percent),
            ("20%", Percent),
            ("20 per cent", Percent),
            ("$2", Money),
            ("2 million dollars", Money),
            ("10 km away", Measure),
            ("48 hours", Measure),
            ("a two-day truce", Measure),
            ("Brigade 17", Designator),
            ("Route 66", Designator),
            ("Resolution 2254", Designator),
            ("No. 5", Designator),
            ("the brigade 17 men", Count),
            ("on Jan. 5", Date),
            ("on 5 March", Date),
            ("March 2015", Year),
        ];
        for (text, role) in cases {
            let all = quantities(text);
            assert_eq!(all.len(), 1, "{text}: {all:?}");
            assert_eq!(all[0].role, role, "{text}");
        }
        let text = "the 17th attack at 10:30 on 9/11 and 13 dead";
        let t = tokenize(text);
        let idx = |w: &str| t.iter().position(|x| x.text(text) == w).unwrap();
        assert_eq!(classify_number(text, &t, idx("17th")), Ordinal);
        assert_eq!(classify_number(text, &t, idx("10:30")), Time);
        assert_eq!(classify_number(text, &t, idx("9/11")), Other);
        assert_eq!(classify_number(text, &t, idx("13")), Count);
        assert_eq!(classify_number(text, &t, 999), Other);
        assert!(is_ordinal("first"));
        assert!(is_ordinal("3rd"));
        assert!(!is_ordinal("3"));
        // Times and fractions are not quantities.
        assert_eq!(q(text), ["13"]);
    }

    #[test]
    fn starter_prefilter_agrees() {
        let words = [
            "approximately",
            "Approximately",
            "twenty-three",
            "Thirteen",
            "a",
            "An",
            "dozens",
            "between",
            "half",
            "zero",
            "Several",
            "thousand",
            "Hundreds",
        ];
        for w in words {
            assert!(could_start_token(w), "{w}");
        }
        for w in [
            "people",
            "killed",
            "Gaza",
            "",
            "-",
            "1",
            "approximatelyx",
            "year-old",
        ] {
            assert!(!could_start_token(w), "{w}");
        }
        // The prefilter lets every starter through, and the list is complete.
        for w in STARTER_WORDS {
            assert!(could_start(w), "{w}");
            assert!(could_start_token(w), "{w}");
        }
        for (words, _) in QUALIFIERS {
            assert!(STARTER_WORDS.contains(&words[0]), "{}", words[0]);
        }
        for w in [
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "tens",
            "several",
        ] {
            assert!(vague_word(w).is_some() && STARTER_WORDS.contains(&w));
        }
        for w in [
            "one", "nineteen", "fourty", "ninety", "trillion", "dozen", "zero",
        ] {
            assert!(number_word(w).is_some() && STARTER_WORDS.contains(&w));
        }
    }

    #[test]
    fn qualifier_index_is_consistent() {
        for (k, (words, _)) in QUALIFIERS.iter().enumerate() {
            assert!(could_start(words[0]), "{}", words[0]);
            let slice = qualifiers_starting(words[0]);
            assert!(slice.iter().any(|(w, _)| *w == *words), "{words:?}");
            assert!(slice.iter().all(|(w, _)| w[0] == words[0]), "{words:?}");
            let _ = k;
        }
        let total: usize = QUALIFIERS
            .iter()
            .map(|(w, _)| w[0])
            .collect::<std::collections::BTreeSet<_>>()
            .iter()
            .map(|w| qualifiers_starting(w).len())
            .sum();
        assert_eq!(total, QUALIFIERS.len());
    }

    #[test]
    fn lists_share_roles() {
        let text = "victims, ages 13, 17 and 19, and in 2014 and 2015, killed 5 and 6";
        let roles: Vec<NumberRole> = quantities(text).iter().map(|x| x.role).collect();
        assert_eq!(roles, [Age, Age, Age, Year, Year, Count, Count]);
        let text = "Dustin Grey, 21 and Danny Scott, 18.";
        let roles: Vec<NumberRole> = quantities(text).iter().map(|x| x.role).collect();
        assert_eq!(roles, [Age, Age]);
    }

    #[test]
    fn tokens_and_lines() {
        let text = "killed 13\npeople and twenty\nthree more";
        let got: Vec<&str> = quantities(text).iter().map(|x| x.span.of(text)).collect();
        assert_eq!(got, ["13", "twenty", "three"]);
        let t = tokenize("at least 20 people");
        let x = &quantities_in("at least 20 people", &t, QuantityOptions::default())[0];
        assert_eq!(x.tokens, 0..3);
        assert_eq!(t[x.tokens.end].text("at least 20 people"), "people");
    }
}
