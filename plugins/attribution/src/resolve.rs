//! From relations with token-level sources to the layer: mentions read, linked into
//! entities, pronouns resolved, spans and kinds computed.

use std::cell::OnceCell;
use std::ops::Range;

use newsproc_layers::attribution::{
    Attribution, AttributionKind, AttributionLayer, Conjunct, Cue, Source, SourceKind,
    SourceMention,
};
use newsproc_layers::source::OutsideBody;
use newsproc_sdk::Span;
use newsproc_text::{TokenKind, single_spaced};

use crate::doc::Doc;
use crate::entities::{
    MentionInfo, Namer, acronym, is_acronym_of, strip_possessive, surname, with_lowercase,
};
use crate::grammar::Grammar;
use crate::lexicons::{FastMap, Gender, NounKind, class};
use crate::relations::{Rel, SourceRef};

/// How far back (in units) a pronoun looks for its referent.
const PRONOUN_WINDOW: usize = 8;

struct Entity {
    name: String,
    kind: SourceKind,
    mentions: Vec<Span>,
    title: Option<String>,
    role: Option<String>,
    affiliation: Option<String>,
    gender: Gender,
    plural: bool,
    /// People: the surname, lowercased.
    surname: Option<String>,
    /// Head nouns and titles it was described by, lowercased ("official", "general").
    heads: Vec<String>,
    /// The unit of its latest mention.
    last_unit: usize,
    /// The first token of its latest mention.
    last_tok: usize,
    /// Described by a noun for a person ("the volunteer", "a senior official").
    person_noun: bool,
}

/// How many of the latest entities the scans that cannot use an index look at: an
/// organisation's short name, a description's head noun, `they` and `it`. Keeps the
/// work per mention bounded on texts with thousands of sources.
const RECENT: usize = 64;

/// The entities of one document, with indices by name and by surname.
#[derive(Default)]
struct Entities {
    list: Vec<Entity>,
    /// Every name an entity has had, lowercased.
    by_name: FastMap<String, usize>,
    /// People by surname, lowercased, in order of creation.
    by_surname: FastMap<String, Vec<usize>>,
}

impl Entities {
    fn push(&mut self, e: Entity) -> usize {
        let k = self.list.len();
        self.by_name.entry(e.name.to_lowercase()).or_insert(k);
        if let Some(s) = &e.surname {
            self.by_surname.entry(s.clone()).or_default().push(k);
        }
        self.list.push(e);
        k
    }

    fn rename(&mut self, k: usize, name: String) {
        self.by_name.entry(name.to_lowercase()).or_insert(k);
        self.list[k].name = name;
    }

    /// The first person entity with this surname (any case).
    fn person(&self, surname: &str) -> Option<usize> {
        let list = with_lowercase(surname, |s| self.by_surname.get(s))?;
        list.iter()
            .copied()
            .find(|&k| self.list[k].kind == SourceKind::Person)
    }

    /// The person entity of this surname and given name: one whose name starts with
    /// the given name, else one known by the surname alone. Without a given name, the
    /// first person of the surname.
    fn person_named(&self, surname: &str, given: Option<&str>) -> Option<usize> {
        let Some(given) = given else {
            return self.person(surname);
        };
        let list = with_lowercase(surname, |s| self.by_surname.get(s))?;
        let people = || {
            list.iter()
                .copied()
                .filter(|&k| self.list[k].kind == SourceKind::Person)
        };
        people()
            .find(|&k| {
                self.list[k]
                    .name
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(given))
            })
            .or_else(|| people().find(|&k| !self.list[k].name.contains(' ')))
    }

    /// The latest entities, newest first, with their indices.
    fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.list.iter().enumerate().rev().take(RECENT)
    }
}

/// A person named outside quotations, for pronoun resolution.
struct PersonName<'t> {
    tok: usize,
    unit: usize,
    /// The name as written, without title.
    name: Range<usize>,
    /// The surname as written (possessive aside): what links the mentions of one
    /// person; compared without regard to ASCII case.
    key: &'t str,
    /// The name opens its sentence (after a conjunction or adverb): its subject.
    subject: bool,
    /// The person's gender (of the person meant, not of everyone with the surname).
    gender: Gender,
    /// The given name of the person meant (`Keith` for a later `Scott` when Keith
    /// Scott was named first, not his wife Rakeyia Scott): what tells the entities of
    /// one surname apart.
    given: Option<&'t str>,
    /// The person's first mention, in full and with an appositive role (`Ana Ruiz,
    /// president of the Ashby council,`): news copy introduces someone so before
    /// quoting them.
    introduced: bool,
}

/// A capitalised name found in the text, before the people are told apart.
struct Found<'t> {
    tok: usize,
    unit: usize,
    name: Range<usize>,
    key: &'t str,
    subject: bool,
    /// Index of the person meant.
    person: usize,
    /// Given name and surname, then a comma and an appositive.
    with_role: bool,
}

/// One person of the text: a surname and, when one was written, the given name.
struct Person<'t> {
    key: &'t str,
    given: Option<&'t str>,
    gender: Gender,
    /// Named in full somewhere (a title, a given name, two words): a surname alone
    /// that no such name backs is no person.
    named: bool,
}

pub struct Resolver<'a, 't> {
    pub doc: &'a Doc<'t>,
    pub namer: &'a Namer<'a, 't>,
    pub grammar: &'a Grammar<'a, 't>,
}

impl<'t> Resolver<'_, 't> {
    pub fn layer(
        &self,
        rels: &[Rel],
        source: Option<&OutsideBody>,
        drop_boilerplate: bool,
    ) -> AttributionLayer {
        let d = self.doc;
        // Only a pronoun source needs the people of the text, and about half of all
        // documents have none: they are found on first use.
        let people: OnceCell<Vec<PersonName<'t>>> = OnceCell::new();
        let mut entities = Entities::default();
        // Attributions with the index of their source's mention in `mentions`, and the
        // start of their content (the order of the layer). A mention is stored once and
        // handed out at the end: cloned for all but its last user.
        let mut out: Vec<(Attribution, Option<usize>, usize)> = Vec::with_capacity(rels.len());
        let mut mentions: Vec<Option<SourceMention>> = Vec::with_capacity(rels.len());
        // Per relation: the mention its source is.
        let mut mention_of: Vec<Option<usize>> = Vec::with_capacity(rels.len());
        let outside_body = source.map(OutsideBody::index);

        for r in rels {
            let unit = r.unit;
            let mention = match &r.source {
                None => None,
                Some(SourceRef::SameAs(k)) => mention_of.get(*k).copied().flatten(),
                Some(SourceRef::Mention(m)) => {
                    let info = self.namer.analyse(m.toks.clone(), m.core.clone());
                    mentions.push(Some(self.mention(&info, unit, &people, &mut entities)));
                    Some(mentions.len() - 1)
                }
            };
            mention_of.push(mention);
            let content = self.content_spans(r);
            if content.is_empty() {
                continue;
            }
            let kind = self.kind_of(&content);
            let cue_span = d.span_of(r.cue.clone());
            let in_boilerplate = outside_body.as_ref().is_some_and(|outside| {
                let first = content[0];
                let hull = Span::new(first.start, content.last().map_or(first.end, |c| c.end));
                outside.contains(hull)
            });
            if in_boilerplate && drop_boilerplate {
                continue;
            }
            let first_start = content[0].start;
            out.push((
                Attribution {
                    kind,
                    content,
                    source: None,
                    cue: Some(Cue {
                        span: cue_span,
                        text: cue_span.of(d.text).to_owned(),
                        lemma: String::from(&*r.lemma),
                    }),
                    in_boilerplate,
                },
                mention,
                first_start,
            ));
        }
        out.sort_by_key(|&(_, _, s)| s);
        let mut users = vec![0usize; mentions.len()];
        for &(_, m, _) in &out {
            if let Some(m) = m {
                users[m] += 1;
            }
        }
        AttributionLayer {
            attributions: out
                .into_iter()
                .map(|(mut a, m, _)| {
                    if let Some(m) = m {
                        users[m] -= 1;
                        a.source = if users[m] == 0 {
                            mentions[m].take()
                        } else {
                            mentions[m].clone()
                        };
                    }
                    a
                })
                .collect(),
            sources: entities
                .list
                .into_iter()
                .map(|e| Source {
                    name: e.name,
                    kind: e.kind,
                    mentions: e.mentions,
                    title: e.title,
                    role: e.role,
                    affiliation: e.affiliation,
                })
                .collect(),
        }
    }

    /// Token ranges to byte spans. A range never cuts a top-level quotation: one that
    /// starts or ends inside a quotation is widened to the whole quotation (all its
    /// paragraphs).
    fn content_spans(&self, r: &Rel) -> Vec<Span> {
        let d = self.doc;
        let mut spans: Vec<Span> = Vec::with_capacity(r.content.len());
        for range in &r.content {
            if range.is_empty() || range.end > d.toks.len() {
                continue;
            }
            let mut s = d.toks[range.start].span.start;
            let mut e = d.toks[range.end - 1].span.end;
            // A transcript's turn lies inside the marks that quote the whole transcript.
            if !r.turn {
                if let Some(q) = d.quote(range.start) {
                    s = s.min(d.quotes[q].span.start);
                }
                if let Some(q) = d.quote(range.end - 1) {
                    e = e.max(d.quotes[q].span.end);
                }
            }
            spans.push(Span::new(s, e));
        }
        spans.sort_unstable();
        // Overlapping and touching spans merged in place.
        let mut kept = 0;
        for k in 0..spans.len() {
            let s = spans[k];
            if kept > 0 && s.start <= spans[kept - 1].end {
                spans[kept - 1].end = spans[kept - 1].end.max(s.end);
            } else {
                spans[kept] = s;
                kept += 1;
            }
        }
        spans.truncate(kept);
        spans
    }

    /// Direct when every word of the content is inside quotation marks that open within
    /// it; marks that open before the content (those around a whole transcript, of
    /// which the content is one turn) do not make it a quotation, but a quotation
    /// inside them that opens within the content does.
    fn kind_of(&self, content: &[Span]) -> AttributionKind {
        let d = self.doc;
        let (mut quoted, mut plain) = (0usize, 0usize);
        for s in content {
            let lo = d.toks.partition_point(|t| t.span.start < s.start);
            for i in lo..d.toks.len() {
                let t = &d.toks[i];
                if t.span.start >= s.end {
                    break;
                }
                if !t.is_wordlike() {
                    continue;
                }
                if d.quoted_from(i, s.start) {
                    quoted += 1;
                } else {
                    plain += 1;
                }
            }
        }
        match (quoted, plain) {
            (0, _) => AttributionKind::Indirect,
            (_, 0) => AttributionKind::Direct,
            _ => AttributionKind::Mixed,
        }
    }

    /// People named outside quotations, in text order. A name is a person's when it has
    /// a title, a known given name, or two words or more (and is no place or
    /// organisation); a single word only when it is the surname of such a name somewhere
    /// in the text ("Abdulrahman" after "Rami Abdulrahman"), so that "Republican" or
    /// "Friday" never stand for a person.
    fn person_names(&self) -> Vec<PersonName<'t>> {
        let d = self.doc;
        let mut found: Vec<Found<'t>> = Vec::new();
        // The people of the text, told apart by surname and given name.
        let mut persons: Vec<Person<'t>> = Vec::new();
        // A headline before the dateline belongs to no unit, but the people it names
        // in full (`Hillary Clinton Goes After ...`) are the ones the body then calls
        // by surname alone. In title case only a known given name followed by another
        // capitalised word is taken for a name.
        let body = d.units.first().map_or(0, |u| u.toks.start);
        for i in 0..body.saturating_sub(1) {
            let w = d.words[i];
            if !(w.is(class::FIRST_NAME) && d.is_cap(i) && d.is_cap(i + 1))
                || d.has(i + 1, class::FIRST_NAME | class::TITLE | class::FUNCTION)
                || d.toks[i + 1].kind != TokenKind::Word
            {
                continue;
            }
            let key = surname_key(d, i + 1..i + 2);
            if !persons.iter().any(|p| p.key.eq_ignore_ascii_case(key)) {
                persons.push(Person {
                    key,
                    given: Some(d.tok_text(i)),
                    gender: w.gender,
                    named: true,
                });
            }
        }
        let mut chunks = Vec::new();
        for (u, unit) in d.units.iter().enumerate() {
            // The subject: the first noun phrase of the sentence, after conjunctions,
            // adverbs and determiners.
            let mut first_np = unit.toks.start;
            while first_np < unit.toks.end
                && (d.has(first_np, class::CONJ | class::ADV | class::DET) || d.is_dash(first_np))
            {
                first_np += 1;
            }
            chunks.clear();
            self.namer
                .name_chunks_into(unit.toks.clone(), true, &mut chunks);
            for c in &chunks {
                // `in Um Keddada`, `from El Fasher`: a name after a preposition of
                // place is a place.
                let locative = c.start > 0
                    && [
                        "in", "at", "from", "near", "outside", "to", "into", "across", "toward",
                    ]
                    .iter()
                    .any(|w| d.lower_is(c.start - 1, w));
                if locative {
                    continue;
                }
                let (title, name) = self.split(c.clone());
                if name.is_empty() {
                    continue;
                }
                let titled = !title.is_empty();
                if self.namer.name_kind(name.clone(), titled) != SourceKind::Person {
                    continue;
                }
                let mut gender = Gender::Unknown;
                for i in title.clone() {
                    let w = d.words[i];
                    if w.is(class::TITLE) && w.gender != Gender::Unknown {
                        gender = w.gender;
                    }
                }
                let w = d.words[name.start];
                let given = w.is(class::FIRST_NAME) && name.len() > 1;
                if gender == Gender::Unknown && given {
                    gender = w.gender;
                }
                if gender == Gender::Unknown {
                    gender = described_gender(d, c.start, c.end, unit.toks.end);
                }
                let key = surname_key(d, name.clone());
                // A given name alone ("Melanie") names a person too.
                let full = titled || given || name.len() > 1 || w.is(class::FIRST_NAME);
                // Who is meant: a name with a given name is that person; a surname alone
                // (`Scott`, `Mrs. Clinton`) the first person of that surname named, of the
                // title's gender when it has one: news copy names the main person by
                // surname and their relatives in full (`his wife, Heidi Cruz`).
                let first = (name.len() > 1).then(|| d.tok_text(name.start));
                let same = |p: &Person<'_>| p.key.eq_ignore_ascii_case(key);
                let person = match first {
                    Some(f) => persons
                        .iter()
                        .position(|p| same(p) && p.given == Some(f))
                        .or_else(|| {
                            // `Scott` named first, `Rakeyia Scott` later: one person
                            // while no other Scott has a given name.
                            persons.iter().position(|p| same(p) && p.given.is_none())
                        }),
                    None => {
                        let agrees = |p: &Person<'_>| {
                            gender == Gender::Unknown
                                || p.gender == Gender::Unknown
                                || p.gender == gender
                        };
                        let first_named = |ok: &dyn Fn(&Person<'_>) -> bool| {
                            persons.iter().position(|p| same(p) && ok(p))
                        };
                        first_named(&agrees).or_else(|| first_named(&|_| true))
                    }
                };
                let person = person.unwrap_or_else(|| {
                    persons.push(Person {
                        key,
                        given: None,
                        gender: Gender::Unknown,
                        named: false,
                    });
                    persons.len() - 1
                });
                let p = &mut persons[person];
                if first.is_some() && p.given.is_none() {
                    p.given = first;
                }
                if full {
                    p.named = true;
                    if p.gender == Gender::Unknown {
                        p.gender = gender;
                    }
                }
                let with_role = name.len() > 1
                    && d.is_punct(c.end, ",")
                    && (d.has(c.end + 1, class::DET | class::POSS | class::TITLE)
                        || d.words.get(c.end + 1).and_then(|w| w.noun) == Some(NounKind::Person));
                found.push(Found {
                    tok: c.start,
                    unit: u,
                    name,
                    key,
                    subject: c.start <= first_np,
                    person,
                    with_role,
                });
            }
        }
        // A subject whose gender no title, given name or noun tells takes it from `he`
        // or `she` later in its sentence, before anyone else is named ("Obama said he
        // would veto it"); quotations aside, where `he` may be anyone.
        for (k, f) in found.iter().enumerate() {
            let p = &persons[f.person];
            if !f.subject || !p.named || p.gender != Gender::Unknown {
                continue;
            }
            let next = found
                .get(k + 1)
                .filter(|g| g.unit == f.unit)
                .map_or(d.units[f.unit].toks.end, |g| g.tok);
            let g = (f.name.end..next)
                .find(|&i| {
                    d.has(i, class::PRON | class::POSS)
                        && !d.in_quote(i)
                        && d.words[i].gender != Gender::Unknown
                })
                .map_or(Gender::Unknown, |i| d.words[i].gender);
            persons[f.person].gender = g;
        }
        let mut seen = vec![false; persons.len()];
        found
            .into_iter()
            .filter_map(|f| {
                let p = &persons[f.person];
                let first = !std::mem::replace(&mut seen[f.person], true);
                // A single word that no full name backs ("Republican", "Friday").
                if !p.named {
                    return None;
                }
                Some(PersonName {
                    tok: f.tok,
                    unit: f.unit,
                    name: f.name,
                    key: f.key,
                    subject: f.subject,
                    gender: p.gender,
                    given: p.given,
                    introduced: first && f.with_role,
                })
            })
            .collect()
    }

    fn split(&self, c: Range<usize>) -> (Range<usize>, Range<usize>) {
        self.namer.split_title(c)
    }

    /// Reads a mention, links it to an entity (creating one when new) and returns the
    /// layer's mention.
    fn mention(
        &self,
        info: &MentionInfo,
        unit: usize,
        people: &OnceCell<Vec<PersonName<'t>>>,
        entities: &mut Entities,
    ) -> SourceMention {
        let d = self.doc;
        let span = trim_mention(d, info.toks.clone());
        let text = span.of(d.text).to_owned();
        let mut all = Vec::new();
        let mut conjuncts = Vec::new();
        if info.pronoun {
            let people = people.get_or_init(|| self.person_names());
            all.extend(self.resolve_pronoun(info, unit, people, entities));
        } else if info.relative {
            all.extend(self.resolve_relative(info, unit, entities));
        } else {
            // `the Observatory and a rebel fighting there`: two sources for one claim.
            let parts = self.conjuncts(info.core.clone());
            if parts.len() > 1 {
                for part in parts {
                    let sub = self.namer.analyse(part.clone(), part.clone());
                    let e = self.link(&sub, unit, entities);
                    let span = trim_mention(d, part);
                    conjuncts.push(Conjunct {
                        span,
                        text: span.of(d.text).to_owned(),
                        entity: Some(e),
                    });
                    all.push(e);
                }
                all.dedup();
            } else {
                all.push(self.link(info, unit, entities));
            }
        }
        for &e in &all {
            let ent = &mut entities.list[e];
            ent.mentions.push(span);
            ent.last_unit = ent.last_unit.max(unit);
            ent.last_tok = ent.last_tok.max(info.toks.start);
        }
        let entity = all.first().copied();
        let name = match all.len() {
            0 if info.pronoun || info.relative => None,
            0 => Some(text.clone()),
            1 => Some(entities.list[all[0]].name.clone()),
            _ => Some(
                all.iter()
                    .map(|&e| entities.list[e].name.as_str())
                    .collect::<Vec<_>>()
                    .join(" and "),
            ),
        };
        SourceMention {
            span,
            text,
            name,
            title: info.title.clone(),
            role: info.role.clone(),
            entity,
            conjuncts,
        }
    }

    /// The conjuncts of a coordinated noun phrase that names several sources: each
    /// opens with a determiner, a possessive or a name (`the Britain-based Syrian
    /// Observatory for Human Rights and a rebel fighting there`, `Clinton and Sanders`).
    /// A coordination of bare nouns is one group (`rebels and witnesses`), and an `and`
    /// inside a name (`Human Rights Watch`) splits nothing. One range when there is no
    /// such coordination.
    fn conjuncts(&self, core: Range<usize>) -> Vec<Range<usize>> {
        let d = self.doc;
        let chunks = self.namer.name_chunks(core.clone());
        let mut parts = Vec::new();
        let mut start = core.start;
        for i in core.clone() {
            let in_name = chunks.iter().any(|c| c.start < i && i < c.end);
            if (d.lower_is(i, "and") || d.is_punct(i, "&")) && !in_name && i > start {
                parts.push(start..i);
                start = i + 1;
            }
        }
        parts.push(start..core.end);
        let opens = |r: &Range<usize>| {
            !r.is_empty()
                && (d.has(r.start, class::DET | class::POSS)
                    || chunks.iter().any(|c| c.start == r.start))
        };
        if parts.len() < 2 || !parts.iter().all(opens) {
            return vec![core];
        }
        parts
    }

    /// The entity a non-pronoun mention refers to.
    fn link(&self, info: &MentionInfo, unit: usize, entities: &mut Entities) -> usize {
        let d = self.doc;
        let name = info.name.clone().map(|r| clean_name(d.text_of(r)));
        let found = match &name {
            Some(n) => self.find_by_name(n, info.kind, entities),
            None if info.definite => info.head.as_deref().and_then(|h| {
                entities
                    .recent()
                    .find(|(_, e)| {
                        // "the official" ← "a senior army official"; "the ministry" ←
                        // "the Interior Ministry"; "the general" ← "Lt. Gen. X".
                        e.heads.iter().any(|x| x == h)
                            || e.kind != SourceKind::Person
                                && e.name
                                    .rsplit(' ')
                                    .next()
                                    .is_some_and(|w| w.eq_ignore_ascii_case(h))
                    })
                    .map(|(k, _)| k)
            }),
            None => None,
        };
        if let Some(k) = found {
            // Keep the fullest name and fill what the entity lacked.
            if let Some(n) = &name {
                let e = &entities.list[k];
                if n.len() > e.name.len() && e.kind == info.kind {
                    entities.rename(k, n.clone());
                }
            }
            let e = &mut entities.list[k];
            if e.title.is_none() {
                e.title = info.title.clone();
            }
            if e.role.is_none() {
                e.role = info.role.clone();
            }
            if e.affiliation.is_none() {
                e.affiliation = info.affiliation.clone();
            }
            if e.gender == Gender::Unknown {
                e.gender = info.gender;
            }
            if let Some(h) = &info.head {
                if !e.heads.contains(h) {
                    e.heads.push(h.clone());
                }
            }
            return k;
        }
        let display = match &name {
            Some(n) => n.clone(),
            None => describe(d, info),
        };
        let mut heads = Vec::new();
        if let Some(h) = &info.head {
            heads.push(h.clone());
        }
        if let Some(t) = &info.title {
            for w in t.split([' ', '.', '-']).filter(|w| !w.is_empty()) {
                heads.push(w.to_lowercase());
            }
        }
        entities.push(Entity {
            surname: (info.kind == SourceKind::Person && name.is_some()).then(|| surname(&display)),
            name: display,
            kind: info.kind,
            mentions: Vec::new(),
            title: info.title.clone(),
            role: info.role.clone(),
            affiliation: info.affiliation.clone(),
            gender: info.gender,
            plural: info.plural,
            heads,
            last_unit: unit,
            last_tok: info.toks.start,
            person_noun: info.person_noun,
        })
    }

    fn find_by_name(&self, name: &str, kind: SourceKind, entities: &Entities) -> Option<usize> {
        if let Some(&k) = with_lowercase(name, |n| entities.by_name.get(n)) {
            return Some(k);
        }
        match kind {
            SourceKind::Person => {
                let s = surname(name);
                let first = name.split_whitespace().next().unwrap_or("");
                let same = entities.by_surname.get(&s).and_then(|list| {
                    list.iter().copied().find(|&k| {
                        let e = &entities.list[k];
                        e.kind == SourceKind::Person
                            && (!name.contains(' ')
                                || !e.name.contains(' ')
                                || e.name.split_whitespace().next() == Some(first))
                    })
                });
                if same.is_some() || name.contains(' ') {
                    return same;
                }
                // A surname alone that no one has, one letter off a recent person's
                // (`Wines` after `Leslie Wimes`): the same person, misspelt.
                entities
                    .recent()
                    .find(|(_, e)| {
                        e.kind == SourceKind::Person
                            && e.surname
                                .as_deref()
                                .is_some_and(|x| spelling_variant(x, &s))
                    })
                    .map(|(k, _)| k)
            }
            _ => {
                let single = !name.contains(' ');
                let own_acronym = acronym(name);
                entities
                    .recent()
                    .find(|(_, e)| {
                        if e.kind == SourceKind::Person || e.kind == SourceKind::Anonymous {
                            return false;
                        }
                        let en = e.name.as_str();
                        (single && name.len() >= 2 && is_acronym_of(name, en))
                            || (single && en.split_whitespace().any(|w| w == name))
                            || (en.ends_with(name) && en.len() > name.len())
                            || (own_acronym == en && en.len() >= 2)
                    })
                    .map(|(k, _)| k)
            }
        }
    }

    /// `X, who said`: the noun phrase before `who`.
    fn resolve_relative(
        &self,
        info: &MentionInfo,
        unit: usize,
        entities: &mut Entities,
    ) -> Option<usize> {
        let d = self.doc;
        let w = info.core.start;
        let lo = d.units.get(unit).map_or(0, |u| u.toks.start);
        let mut end = w.checked_sub(1)?;
        if d.is_punct(end, ",") {
            end = end.checked_sub(1)?;
        }
        let start = self.grammar.np_left(end, lo)?;
        let ante = self.namer.analyse(start..end + 1, start..end + 1);
        if ante.pronoun {
            return None;
        }
        Some(self.link(&ante, unit, entities))
    }

    fn resolve_pronoun(
        &self,
        info: &MentionInfo,
        unit: usize,
        people: &[PersonName],
        entities: &mut Entities,
    ) -> Option<usize> {
        let d = self.doc;
        let tok = info.core.start;
        // `he's`, `they’re`: the pronoun without its auxiliary.
        let text = d.tok_text(tok);
        let word = text[..text.find(['\'', '\u{2019}']).unwrap_or(text.len())].to_lowercase();
        let from_unit = unit.saturating_sub(PRONOUN_WINDOW);
        match word.as_str() {
            "he" | "she" => {
                let want = info.gender;
                // Candidates: people named before the pronoun (outside quotations). A
                // person who has spoken recently, the subject of a sentence, and a close
                // mention are preferred; a known gender must agree.
                let mut best: Option<(f32, usize)> = None;
                let first = people.partition_point(|p| p.unit < from_unit);
                for (k, p) in people.iter().enumerate().skip(first) {
                    if p.tok >= tok {
                        break;
                    }
                    let known = entities.person_named(p.key, p.given);
                    let mut g = p.gender;
                    if g == Gender::Unknown {
                        g = known.map_or(Gender::Unknown, |e| entities.list[e].gender);
                    }
                    if want != Gender::Unknown && g != Gender::Unknown && g != want {
                        continue;
                    }
                    let dist = (unit - p.unit) as f32;
                    let mut score = -1.5 * dist;
                    if p.subject {
                        score += 1.5;
                        // The subject of the pronoun's own sentence: `House Speaker Paul
                        // Ryan, despite ..., said he does believe`.
                        if p.unit == unit {
                            score += 1.5;
                        }
                    }
                    // A person who has spoken recently.
                    if known.is_some_and(|e| entities.list[e].last_unit + PRONOUN_WINDOW >= unit) {
                        score += 2.5;
                    }
                    // Introduced with a role in the sentence before, and nobody named or
                    // cited since: about to be quoted.
                    let intervened = || {
                        people[k + 1..]
                            .iter()
                            .take_while(|q| q.tok < tok)
                            // Names in the introduction's own role do not count.
                            .any(|q| {
                                (q.unit > p.unit || q.subject) && !q.key.eq_ignore_ascii_case(p.key)
                            })
                            || entities.recent().any(|(_, e)| {
                                e.last_tok > p.tok
                                    && e.last_tok < tok
                                    && e.surname
                                        .as_deref()
                                        .is_some_and(|s| !s.eq_ignore_ascii_case(p.key))
                            })
                    };
                    if p.introduced && unit - p.unit <= 1 && !intervened() {
                        score += 3.0;
                    }
                    if g == Gender::Unknown && want != Gender::Unknown {
                        score -= 2.0;
                    }
                    if best.is_none_or(|(s, _)| score >= s) {
                        best = Some((score, k));
                    }
                }
                // Unnamed people who spoke ("The volunteer, who asked that his name not be
                // used, said ... "...," he said").
                let mut described: Option<(f32, usize)> = None;
                for (k, e) in entities.recent() {
                    // Named speakers whose name the text-wide scan missed count too.
                    let candidate = (e.surname.is_none() && e.person_noun || e.surname.is_some())
                        && !e.plural
                        && matches!(e.kind, SourceKind::Anonymous | SourceKind::Person)
                        && e.last_tok < tok
                        && e.last_unit + 1 >= unit;
                    if !candidate
                        || want != Gender::Unknown
                            && e.gender != Gender::Unknown
                            && e.gender != want
                    {
                        continue;
                    }
                    let mut score = -1.5 * (unit - e.last_unit) as f32 + 1.5 + 2.5;
                    if e.gender == Gender::Unknown && want != Gender::Unknown {
                        score -= 2.0;
                    }
                    if described.is_none_or(|(s, _)| score > s) {
                        described = Some((score, k));
                    }
                }
                if let Some((score, e)) = described {
                    if best.is_none_or(|(s, _)| score > s) {
                        if entities.list[e].gender == Gender::Unknown {
                            entities.list[e].gender = want;
                        }
                        return Some(e);
                    }
                }
                let (_, k) = best?;
                let p = &people[k];
                if let Some(e) = entities.person_named(p.key, p.given) {
                    if entities.list[e].gender == Gender::Unknown {
                        entities.list[e].gender = want;
                    }
                    return Some(e);
                }
                // A person named but not yet a source: make them one.
                let info = self.namer.analyse(p.name.clone(), p.name.clone());
                let e = self.link(&info, unit, entities);
                if entities.list[e].gender == Gender::Unknown {
                    entities.list[e].gender = want;
                }
                Some(e)
            }
            // `they` and `it`: the latest-mentioned fitting source (not the latest
            // created: `the Times` named first, then `the article`, then `the Times
            // wrote` again makes `it` the Times).
            "they" => entities
                .recent()
                .filter(|(_, e)| e.last_unit >= from_unit && e.last_unit <= unit)
                .filter(|(_, e)| {
                    e.plural
                        || matches!(
                            e.kind,
                            SourceKind::Group | SourceKind::Organization | SourceKind::Government
                        )
                })
                .max_by_key(|(k, e)| (e.last_tok, *k))
                .map(|(k, _)| k),
            "it" => entities
                .recent()
                .filter(|(_, e)| e.last_unit >= from_unit && e.last_unit <= unit)
                .filter(|(_, e)| {
                    !e.plural
                        && matches!(
                            e.kind,
                            SourceKind::Organization
                                | SourceKind::Government
                                | SourceKind::Document
                        )
                })
                .max_by_key(|(k, e)| (e.last_tok, *k))
                .map(|(k, _)| k),
            _ => None,
        }
    }
}

/// How many words an appositive may run before its head noun: `Terry Strada, a 9/11
/// widow` finds `widow`; a longer phrase is more likely about someone else.
const APPOSITIVE_WORDS: usize = 4;

/// The gender a gendered noun for a person gives the name in tokens `start..end`: the
/// noun right before it (`widow Terry Strada`, `Republican congresswoman Jane Doe`) or
/// the head of an appositive after it (`Jane Doe, a mother of three,`). Nouns for
/// people carry their gender in `nouns.txt`; a name whose given name is unknown to
/// `first-names.txt` gets one for pronoun resolution this way.
fn described_gender(d: &Doc<'_>, start: usize, end: usize, unit_end: usize) -> Gender {
    let person = |i: usize| {
        d.words
            .get(i)
            .filter(|w| w.noun == Some(NounKind::Person))
            .map_or(Gender::Unknown, |w| w.gender)
    };
    if let Some(before) = start.checked_sub(1) {
        let g = person(before);
        if g != Gender::Unknown {
            return g;
        }
    }
    // `, a|an|the ... NOUN`: the first gendered person noun within a few words, before
    // any punctuation ends the appositive.
    if !d.is_punct(end, ",") || !d.has(end + 1, class::DET) {
        return Gender::Unknown;
    }
    for i in (end + 2..unit_end).take(APPOSITIVE_WORDS) {
        if !d.is_word(i) {
            break;
        }
        let g = person(i);
        if g != Gender::Unknown {
            return g;
        }
    }
    Gender::Unknown
}

/// The surname of a name, from its tokens: the last word, possessive aside (`Clinton’s`
/// → `Clinton`); `Jr.` and the like are skipped.
fn surname_key<'t>(d: &Doc<'t>, name: Range<usize>) -> &'t str {
    let mut k = name.end;
    while k > name.start + 1 {
        let w = d.tok_text(k - 1);
        if d.is_punct(k - 1, ".") || matches!(w, "Jr" | "Sr" | "II" | "III" | "IV") {
            k -= 1;
        } else {
            break;
        }
    }
    let w = d.tok_text(k.saturating_sub(1).max(name.start));
    strip_possessive(w)
}

/// A mention's span without the commas and dashes around it.
fn trim_mention(d: &Doc<'_>, mut r: Range<usize>) -> Span {
    while r.start < r.end && (d.is_punct(r.start, ",") || d.toks[r.start].kind == TokenKind::Dash) {
        r.start += 1;
    }
    while r.end > r.start
        && (d.is_punct(r.end - 1, ",") || d.toks[r.end - 1].kind == TokenKind::Dash)
    {
        r.end -= 1;
    }
    d.span_of(r)
}

/// A name as it should be displayed: one space between words, no possessive ending.
fn clean_name(s: &str) -> String {
    let mut out = single_spaced(s);
    let last = out.rsplit(' ').next().unwrap_or("");
    let cut = last.len() - strip_possessive(last).len();
    out.truncate(out.len() - cut);
    out
}

/// The display name of a description: the core phrase as written.
fn describe(d: &Doc<'_>, info: &MentionInfo) -> String {
    single_spaced(trim_mention(d, info.core.clone()).of(d.text))
}

/// Whether two surnames (lowercased) are one misspelt for the other: five letters or
/// more each, the same first letter, and one edit apart (a letter changed, added,
/// dropped, or two neighbours swapped). A plural (`Clinton`, `Clintons`) is no
/// misspelling.
fn spelling_variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 5 || b.len() < 5 || a == b || a[0] != b[0] || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() > short.len() && long.last() == Some(&'s') && long[..short.len()] == short[..] {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        let s = a.len()
            - a.iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count();
        // One letter changed, or two neighbours swapped.
        s == p + 1 || s == p + 2 && a[p] == b[p + 1] && a[p + 1] == b[p]
    } else {
        // One letter added: the rest after the first difference matches shifted.
        short[p..] == long[p + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::{clean_name, spelling_variant};
    use crate::entities::with_lowercase;

    #[test]
    fn lowercasing_on_the_stack_is_lowercasing() {
        let long = "A".repeat(65);
        for s in [
            "Rami Abdulrahman",
            "",
            "ÉLYSÉE Palace",
            "x",
            long.as_str(),
            &long[..64],
        ] {
            assert_eq!(with_lowercase(s, str::to_owned), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn a_clean_name_is_single_spaced_without_its_possessive() {
        assert_eq!(clean_name("  Rami \n Abdulrahman's "), "Rami Abdulrahman");
        assert_eq!(clean_name("the army\u{2019}s"), "the army");
        assert_eq!(clean_name("Ana Ruiz"), "Ana Ruiz");
        assert_eq!(clean_name(""), "");
    }

    #[test]
    fn spelling_variants_are_one_edit_apart() {
        assert!(spelling_variant("wimes", "wines"));
        assert!(spelling_variant("mcclenney", "mclenney"));
        assert!(spelling_variant("mclenney", "mcclenney"));
        assert!(spelling_variant("harbin", "harbni"));
        assert!(!spelling_variant("mcclenney", "mclenny"));
        assert!(!spelling_variant("clinton", "clintons"));
        assert!(!spelling_variant("cohen", "cohn"));
        assert!(!spelling_variant("smith", "smith"));
        assert!(!spelling_variant("baker", "faker"));
        assert!(!spelling_variant("", "a"));
    }
}
