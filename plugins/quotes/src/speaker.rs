//! Speakers of the speech quotations no attribution relation covers. The attribution
//! layer misses some relations (a cue after a long appositive, a lead-in it does not
//! read, a signature line), and a speech quotation without a speaker does not tell the
//! reader who spoke. This module looks next to such a quotation for the mention of its
//! speaker, in this order:
//! - a signature: a dash and a name right after it, on its line or the next
//!   (`"…" ― Jane Doe`, `- Sanders.`);
//! - after it, in its sentence: `," he said`, `," said Will Doyle, a professor …`,
//!   `," Sen. Jane Doe (D-Ore.) said Tuesday`;
//! - before it, a lead-in of the same sentence: `He continued, "`, `Said Comey, "`,
//!   `the senator told reporters: "`, `Trump, who …, said in a statement: "`.
//!
//! Who the mention stands for (`he` → the person meant) is decided in `lib.rs`, from the
//! attribution layer's resolved mentions and the speakers before it.

use newsproc_sdk::Span;
use newsproc_text::{Flags, Token, TokenKind};

use crate::features::{Context, Lead, ends_attribution, is_comma, is_possessive};
use crate::lexicons::Roles;

/// How far (bytes) to look after a closing mark: `," Daryl Kimball, executive director
/// of the Arms Control Association in Washington, said`.
const AFTER: usize = 180;
/// How far (bytes) to look before an opening mark: `Trump, who has told aides he sees
/// the issues as interconnected, said in his formal statement: "`.
const BEFORE: usize = 120;
/// The most words of a speaker mention (`Sen. Chuck Schumer`, `a strategist for`).
const MAX_NAME_WORDS: usize = 6;
/// The most words between a verb of saying and the opening mark it introduces
/// (`said in a statement on Monday: "`).
const MAX_GAP: usize = 7;
/// The most words of an appositive or relative clause between a name and its verb.
const MAX_APPOSITIVE_WORDS: usize = 24;

impl Context<'_> {
    /// The mention of who said the speech quotation `span` (marks included), found next to
    /// it. `lead` is what precedes it; `closed`, whether it has a closing mark.
    pub fn speaker_mention(
        &self,
        span: Span,
        lead: Lead,
        closed: bool,
        tokens: &mut Vec<Token>,
    ) -> Option<Span> {
        if closed {
            self.tokens_into(Span::new(span.end, span.end.saturating_add(AFTER)), tokens);
            if let Some(m) = self
                .signature(tokens)
                .or_else(|| self.mention_after(tokens))
            {
                return Some(m);
            }
        }
        if matches!(lead, Lead::Comma | Lead::Colon | Lead::Dash) {
            self.tokens_into(
                Span::new(span.start.saturating_sub(BEFORE), span.start),
                tokens,
            );
            return self.mention_before(tokens);
        }
        None
    }

    /// `"…" ― Jane Doe` or, on the next line, `- Sanders.`: a dash, then a capitalised
    /// name ending its line (a comma and a place may follow).
    fn signature(&self, after: &[Token]) -> Option<Span> {
        let dash = after.first()?;
        if dash.kind != TokenKind::Dash {
            return None;
        }
        let name = self.name_at(after, 1, true)?;
        let end = after.iter().position(|t| t.span.start >= name.end);
        let line_ends = end.is_none_or(|i| {
            let t = &after[i];
            t.has(Flags::LINE_BEFORE) || matches!(t.text(self.text), "." | ",")
        });
        line_ends.then_some(name)
    }

    /// `," he said`, `," said Mr. Smith`, `," Daryl Kimball, director of …, said`: the
    /// mention of an attribution after the closing mark, in its sentence.
    fn mention_after(&self, after: &[Token]) -> Option<Span> {
        let text = self.text;
        // The sentence after the mark: up to its end, the line's end or another mark.
        let end = (0..after.len())
            .find(|&i| ends_attribution(text, &after[i]) && !self.inner_dot(after, i))
            .unwrap_or(after.len());
        let sentence = &after[..end];
        let first = sentence
            .iter()
            .position(|t| !is_comma(text, t) && t.kind != TokenKind::Dash)?;
        if !sentence[first].is_wordlike() {
            return None;
        }
        let reach = sentence.last()?.span.end;
        let markers = self.markers_in(Span::new(sentence[first].span.start, reach));
        let verb = markers
            .iter()
            .find(|m| m.roles.has(Roles::SPEECH) && self.is_verb_use(m.span, sentence))?;
        // `," saying …` opens a clause about what follows.
        let at = sentence.partition_point(|t| t.span.start < verb.span.start);
        if at == first {
            if verb.span.of(text).ends_with("ing") {
                return None;
            }
            let next = sentence.partition_point(|t| t.span.start < verb.span.end);
            return self.name_at(sentence, next, false);
        }
        // A name, perhaps an appositive after it, then the verb.
        let name = self.name_at(&sentence[..at], first, false)?;
        let rest = &sentence[sentence.partition_point(|t| t.span.start < name.end)..at];
        let words = rest.iter().filter(|t| t.is_wordlike()).count();
        let fits = match rest.first() {
            None => true,
            Some(t) if is_comma(text, t) || t.text(text) == "(" => words <= MAX_APPOSITIVE_WORDS,
            Some(_) => rest
                .iter()
                .filter(|t| t.is_wordlike())
                .all(|t| self.is_filler(t)),
        };
        fits.then_some(name)
    }

    /// `He continued, "`, `Said Comey, "`, `the senator told reporters: "`: the subject of
    /// the verb of saying that introduces the quotation, in the same sentence.
    fn mention_before(&self, before: &[Token]) -> Option<Span> {
        let text = self.text;
        // The sentence before the mark: after the last line break or sentence end.
        let boundary = (0..before.len()).rev().find(|&i| {
            let t = &before[i];
            t.has(Flags::LINE_BEFORE)
                || (matches!(t.text(text), "." | "!" | "?" | ";") && !self.inner_dot(before, i))
                || t.kind == TokenKind::QuoteMark
        });
        let start = boundary.map_or(0, |i| {
            if before[i].has(Flags::LINE_BEFORE) && before[i].kind != TokenKind::QuoteMark {
                i
            } else {
                i + 1
            }
        });
        let sentence = &before[start..];
        let first = sentence.first()?;
        let markers = self.markers_in(Span::new(first.span.start, sentence.last()?.span.end));
        let verb = markers
            .iter()
            .rev()
            .find(|m| m.roles.has(Roles::SPEECH) && self.is_verb_use(m.span, sentence))?;
        let at = sentence.partition_point(|t| t.span.start < verb.span.start);
        let next = sentence.partition_point(|t| t.span.start < verb.span.end);
        let gap = sentence[next..].iter().filter(|t| t.is_wordlike()).count();
        // `a rare note of …`: a noun.
        if gap > MAX_GAP || sentence.get(next).is_some_and(|t| t.is(text, "of")) {
            return None;
        }
        // `Trump was asked, "`: the one asked is not the speaker.
        if verb.roles.has(Roles::ADDRESSEE)
            && at
                .checked_sub(1)
                .is_some_and(|j| self.lexicons.words.passive.contains(sentence[j].text(text)))
        {
            return None;
        }
        // `Said Comey, "`: the verb opens the sentence, the speaker follows it.
        if at == 0 {
            return self.name_at(sentence, next, false);
        }
        // `She then urges him to stop and repeatedly says, "`, `Protesters marched
        // while chanting, "`: no subject right before the verb, the sentence's own (when
        // the whole sentence is in view).
        self.subject_before(sentence, at).or_else(|| {
            boundary
                .is_some()
                .then(|| self.name_at(&sentence[..at], 0, false))
                .flatten()
        })
    }

    /// The subject ending right before token `at` (a verb): a pronoun, a run of
    /// capitalised words (`Sen. Jane Doe`), a determiner and a noun (`the senator`), or
    /// any of these before a comma-delimited appositive or relative clause.
    fn subject_before(&self, tokens: &[Token], at: usize) -> Option<Span> {
        let text = self.text;
        let mut i = at;
        // `he also said`, `Smith had told`.
        while i > 0 && tokens[i - 1].is_wordlike() && self.is_filler(&tokens[i - 1]) {
            i -= 1;
        }
        let last = i.checked_sub(1)?;
        let t = &tokens[last];
        // `Trump, who has told aides …, said`: the name before the clause.
        if is_comma(text, t) {
            let open = (0..last).rev().find(|&j| is_comma(text, &tokens[j]))?;
            let words = tokens[open..last]
                .iter()
                .filter(|t| t.is_wordlike())
                .count();
            if words > MAX_APPOSITIVE_WORDS || open == 0 {
                return None;
            }
            let end = open - 1;
            return self.name_ending_at(tokens, end).filter(|_| {
                // The clause must be one about the name: `who`, `a …`, `the …`.
                tokens.get(open + 1).is_some_and(|t| {
                    let w = t.text(text);
                    self.lexicons.words.opener.contains(w)
                        || self.lexicons.words.determiner.contains(w)
                        || t.is_capitalised()
                })
            });
        }
        if !t.is_wordlike() {
            return None;
        }
        self.name_ending_at(tokens, last)
    }

    /// The name whose last word is token `last`: a pronoun, capitalised words, or a
    /// determiner and up to three lower-case words.
    fn name_ending_at(&self, tokens: &[Token], last: usize) -> Option<Span> {
        let text = self.text;
        let t = &tokens[last];
        if !t.is_wordlike() {
            return None;
        }
        let w = t.text(text);
        if self.lexicons.words.pronoun.contains(w) {
            return Some(t.span);
        }
        if t.is_capitalised() {
            let mut first = last;
            let mut words = 1;
            while first > 0 && words < MAX_NAME_WORDS {
                let p = &tokens[first - 1];
                let dot = p.text(text) == "." && self.abbreviation_dot(tokens, first - 1);
                if (p.is_wordlike() && p.is_capitalised() && !is_possessive(p.text(text))) || dot {
                    first -= 1;
                    words += usize::from(!dot);
                } else {
                    break;
                }
            }
            return Some(Span::new(tokens[first].span.start, t.span.end));
        }
        // `the senator`, `a top GOP strategist`: no function word in the noun phrase.
        let words = &self.lexicons.words;
        let function_word = |t: &Token| {
            let w = t.text(text);
            words.preposition.contains(w) || words.opener.contains(w) || words.clause.contains(w)
        };
        if function_word(t) {
            return None;
        }
        let from = last.saturating_sub(4);
        (from..last)
            .rev()
            .take_while(|&j| tokens[j].is_wordlike())
            .take_while(|&j| {
                !function_word(&tokens[j]) || words.article.contains(tokens[j].text(text))
            })
            .find(|&j| words.article.contains(tokens[j].text(text)))
            .map(|j| Span::new(tokens[j].span.start, t.span.end))
    }

    /// The name starting at token `i`: a pronoun, or a run of words opened by a capital or
    /// a determiner, up to a comma, a bracket, the sentence's end, a preposition or another
    /// clause. `capitals_only`: every word capitalised (a signature).
    fn name_at(&self, tokens: &[Token], i: usize, capitals_only: bool) -> Option<Span> {
        let text = self.text;
        let first = tokens.get(i)?;
        if !first.is_wordlike() || first.has(Flags::LINE_BEFORE) && !capitals_only {
            return None;
        }
        let w = first.text(text);
        let words = &self.lexicons.words;
        if !capitals_only && words.pronoun.contains(w) {
            return Some(first.span);
        }
        let determined =
            !capitals_only && words.determiner.contains(w) && !words.clause.contains(w);
        let opens = first.is_capitalised() || determined;
        // A name is capitalised throughout; `a spokesman`, `The mayor` are not.
        let capitals_only = capitals_only || !determined;
        if !opens || words.opener.contains(w) || words.preposition.contains(w) {
            return None;
        }
        let mut end = first.span.end;
        let mut count = 1;
        for j in i + 1..tokens.len() {
            let t = &tokens[j];
            if t.has(Flags::LINE_BEFORE) {
                break;
            }
            if t.text(text) == "." && self.abbreviation_dot(tokens, j) {
                continue;
            }
            if !t.is_wordlike() || count == MAX_NAME_WORDS {
                break;
            }
            let w = t.text(text);
            if !t.is_capitalised()
                && (capitals_only
                    || words.preposition.contains(w)
                    || words.opener.contains(w)
                    || words.clause.contains(w)
                    || self.lexicons.is_speech_verb(w))
            {
                break;
            }
            end = t.span.end;
            count += 1;
        }
        Some(Span::new(first.span.start, end))
    }

    /// Whether token `i` is the dot of an abbreviated title before a name (`Sen.`,
    /// `Mr.`, `Gov.`): a capitalised word of at most four letters before it, a
    /// capitalised word after it.
    fn abbreviation_dot(&self, tokens: &[Token], i: usize) -> bool {
        let text = self.text;
        let is_dot = tokens[i].text(text) == ".";
        let short_title = i.checked_sub(1).is_some_and(|j| {
            let p = &tokens[j];
            p.kind == TokenKind::Word
                && p.is_capitalised()
                && p.span.end == tokens[i].span.start
                && p.text(text).chars().count() <= 4
        });
        let name_follows = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_capitalised() && n.is_wordlike() && !n.has(Flags::LINE_BEFORE));
        is_dot && short_title && name_follows
    }

    /// Whether token `i`, a dot, ends no sentence: a title's (`Sen. Jane Doe`) or one
    /// inside brackets or before a comma (`(D-Ore.)`, `Inc.,`).
    fn inner_dot(&self, tokens: &[Token], i: usize) -> bool {
        tokens[i].text(self.text) == "."
            && (self.abbreviation_dot(tokens, i)
                || tokens
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text(self.text), ")" | ",")))
    }

    /// A word between a speaker and the verb: `also`, `had`, an adverb in `-ly`.
    fn is_filler(&self, t: &Token) -> bool {
        let w = t.text(self.text);
        !t.is_capitalised() && (self.lexicons.words.filler.contains(w) || w.ends_with("ly"))
    }
}

#[cfg(test)]
mod tests {
    use newsproc_text::Quotes;

    use super::*;
    use crate::Config;
    use crate::features::Scratch;
    use crate::lexicons::Lexicons;

    /// The speaker mention found for the first quotation of `text`, as text.
    fn mention(text: &str) -> Option<String> {
        let lexicons = Lexicons::load(&Config::default()).unwrap();
        let ctx = Context::new(text, &lexicons);
        let pairs = Quotes::new(text);
        let q = &pairs.quotations()[0];
        let f = ctx.features(q, &mut Scratch::default(), true);
        ctx.speaker_mention(q.span, f.lead, q.closed, &mut Vec::new())
            .map(|m| m.of(text).to_owned())
    }

    #[test]
    fn after_the_quotation() {
        for (text, who) in [
            ("\"We will stay,\" he said.", "he"),
            ("\"We will stay,\" she later told reporters.", "she"),
            (
                "\"We will stay,\" said Nadia Haddad, a spokeswoman for the council.",
                "Nadia Haddad",
            ),
            (
                "\"We will stay,\" Sen. Ada Park (D-Ore.) said on Tuesday.",
                "Sen. Ada Park",
            ),
            (
                "\"We will stay,\" Omar Farid, who heads the northern relief committee, said.",
                "Omar Farid",
            ),
            (
                "\"We will stay,\" said a spokesman for the council.",
                "a spokesman",
            ),
        ] {
            assert_eq!(mention(text).as_deref(), Some(who), "{text}");
        }
        // A multi-word verb after a name that runs into it: no panic, a name or none.
        for text in [
            "\"We will stay,\" Nadia Haddad according to the council.",
            "\"We will stay,\" Nadia Point Out the facts.",
            "\"We will stay,\" Sen.",
        ] {
            let _ = mention(text);
        }
        // A participle opens a new clause; a noun is not a verb.
        assert_eq!(mention("\"We will stay,\" saying it twice."), None);
        assert_eq!(
            mention("\"We will stay.\" The statement ended there."),
            None
        );
    }

    #[test]
    fn before_the_quotation() {
        for (text, who) in [
            ("He continued, \"We will stay.\"", "He"),
            ("Said Ms. Farid, \"We will stay.\"", "Ms. Farid"),
            ("The mayor told reporters: \"We will stay.\"", "The mayor"),
            (
                "Farid, who has led the council since May, said in a statement: \"We will stay.\"",
                "Farid",
            ),
        ] {
            assert_eq!(mention(text).as_deref(), Some(who), "{text}");
        }
        // Only a lead-in of the same sentence counts.
        assert_eq!(mention("Farid spoke. \"We will stay.\""), None);
        // A participle or a verb with no subject before it: the sentence's subject.
        assert_eq!(
            mention("Rain fell. Marchers crossed the bridge while chanting, \"We will stay.\"")
                .as_deref(),
            Some("Marchers")
        );
        assert_eq!(
            mention("Rain fell. She waved and then repeatedly said, \"We will stay.\"").as_deref(),
            Some("She")
        );
        // The one asked does not speak.
        assert_eq!(
            mention("Rain fell. Farid was asked, \"Will you stay?\""),
            None
        );
    }

    #[test]
    fn signatures() {
        assert_eq!(
            mention("\"We will stay.\" ― Lena Ortiz\nNext").as_deref(),
            Some("Lena Ortiz")
        );
        assert_eq!(
            mention("\"We will stay.\"\n\n- Ortiz.\n\nNext").as_deref(),
            Some("Ortiz")
        );
        // A dash that carries the sentence on is no signature.
        assert_eq!(
            mention("\"We will stay\" — the words of a tired man.").as_deref(),
            None
        );
    }
}
