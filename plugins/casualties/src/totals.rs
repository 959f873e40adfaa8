//! The article's totals from its claims: one conservative rule.
//!
//! 1. **What counts.** Claims of people killed, injured, or shot with their fate
//!    unstated, with status `reported` or `confirmed`, outside boilerplate. Running tolls
//!    (`cumulative`), earlier events given as context (`background`), hypotheticals and
//!    denials do not. The article's news days are the days of the week named in the
//!    sentence of the first countable claim that names one, and the day before and after
//!    each (news is often published the day after, and follows its wounded the day
//!    after); a claim whose sentence names only other days is
//!    background, and so is one whose sentence gives only dates more than two days
//!    before the article's own (the first date in its opening).
//! 2. **A claim's value** is its low end: `min` of the number ("at least 20", "more than
//!    20", "nearly 20" and "20-30" give 20; "dozens" 12, "scores" 20, "hundreds" 100).
//! 3. **Events.** Claims are read in text order, each about the current event, except:
//!    a part ("including four children", or told before its whole: "six civilians were
//!    among 22 people killed") belongs to its whole's event, read right after it; a
//!    claim whose
//!    sentence reports another event ("elsewhere", "in a separate attack") opens a new
//!    one, unless its figure repeats one of an event already open (then it is about that
//!    event). Claims of one sentence, and people counted without a number, stay with the
//!    current event.
//! 4. **An event's figures.** For each outcome the event has an overall figure, read
//!    from its claims that are not parts, and a figure per victim group (civilians, with
//!    women and children; each combatant side: government, opposition, jihadist,
//!    foreign, side not stated), read from the claims of that group, parts included
//!    (combatants of no stated side that are a part of one side's are of that side).
//!    Each figure is the first one given, then for each later claim: a whole figure
//!    replaces one made only of parts, a whole one of whose parts gives the figure
//!    replaces it ("58 civilians killed", then "82 people including 58 civilians": a
//!    fuller count of the same people), so does a larger figure of civilians killed
//!    after one only of children or women ("nine children killed", then "23 civilians
//!    killed": the wider group holds them), and a part never changes a whole (parts listed
//!    together add up among themselves only), nor counts at all when its whole is a
//!    larger figure the event set aside ("58 killed", then another source's "100
//!    killed, including 25 children": no children's figure); counts listed
//!    together ("12 soldiers and one civilian") add, and so does a count that says it
//!    adds ("six more") to the count right before it when that count made the figure
//!    ("another six" does not: after a toll it goes on breaking the toll down), except
//!    that counts listed
//!    together in a later sentence which add up exactly to the figure are a break-down
//!    of it ("five officers killed", then "one transit officer and four police
//!    officers"), not more people, and counts listed together in a later sentence
//!    which add up to more than the figure (overall, or of their victim group) are a
//!    fuller count of the same dead ("five killed", then "three soldiers and three
//!    civilians"; "a woman killed", then "a woman and a child"): they replace it, and
//!    those which add up to fewer, not said to be more ("also", "more"), name some of
//!    the same dead ("57 killed", then "a man and his wife were killed"); a
//!    person listed by role beside a count ("Father and two children found dead")
//!    is one more, and most often the attacker of a family killing; a person counted
//!    without a
//!    number ("he died", "a fatal shooting") only sets a floor, and adds only beside
//!    written counts ("killed four classmates and then himself"), and not after a
//!    count that says it holds the attacker ("five dead, including the gunman"), or
//!    that names no killer and so counts all the dead ("four dead in murder-suicide",
//!    "five people found dead"; not "he shot two men dead"); a
//!    specific number
//!    replaces a vague word and a vague word never replaces a number; the same figure
//!    is a repeat and counts once; a new figure in a sentence that updates a toll ("rose
//!    to") replaces it; a lower figure for the same victims from another claimant (as the
//!    attribution layer names them) replaces it, sources that disagree giving the lowest,
//!    when it is at least half the figure (a much lower one is more often a part of the
//!    toll, one place or one group, than another count of it);
//!    combatants given the exact figure another side's slot (or the side-not-stated
//!    slot) already holds are the same people named again ("nine IS fighters", then
//!    "the nine fighters"), unless listed beside them; any other
//!    figure leaves it as it is (the first figure, usually the headline's or the lead's,
//!    stands).
//! 5. **An event's totals.** Killed: the overall figure, or the groups' sum when that
//!    is more, but not more than twice a written overall figure of people of no one
//!    group: groups that add up to more count other dead (a running toll or a battle
//!    given as context, "12 killed at the market", then "the battle has claimed the
//!    lives of 129 soldiers"), and a group's figure above the overall one is left out.
//!    Civilians and non-civilians: the groups' figures (0 for a side when the
//!    event's dead all belong to the other). Injured: the injury figure, or the people
//!    shot less the event's dead when that is more (people shot "besides" those counted
//!    before, "four others were shot", are none of the dead: they are injured); an injury figure made only of
//!    people named without a number ("he", "the victim", a name), whose death is told
//!    right after ("suffered a gunshot wound ... and died"), counts less the dead too.
//!    A run of two or more events whose dead add up exactly to an earlier event's is a
//!    break-down of it ("32 killed across the country", then 15, 6 and 11 in three
//!    towns), not more dead.
//! 6. **Article totals**: each figure summed over the events; null where no event has
//!    one.

use newsproc_layers::casualties::{Claim, ClaimStatus, Event, Outcome, Side, Totals, VictimGroup};

use crate::setting::{Date, Setting, recent};

/// Slots of one outcome in an event: civilians, the five combatant sides (government,
/// opposition, jihadist, foreign, side not stated), and the overall figure.
const CIVILIANS: usize = 0;
const SIDES: std::ops::Range<usize> = 1..6;
const SIDE_NOT_STATED: usize = 5;
const OVERALL: usize = 6;
const SLOTS: usize = 7;
/// Outcomes with figures: killed, injured, shot.
const KILLED: usize = 0;
const INJURED: usize = 1;
const SHOT: usize = 2;
const OUTCOMES: usize = 3;

/// The victim-group slot a claim's victims give, if any.
fn group_of(claim: &Claim) -> Option<usize> {
    let v = claim.victims.as_ref()?;
    match v.group {
        VictimGroup::Civilians | VictimGroup::Children | VictimGroup::Women => Some(CIVILIANS),
        VictimGroup::Combatants => Some(match v.side {
            Some(Side::Government) => 1,
            Some(Side::Opposition) => 2,
            Some(Side::Jihadist) => 3,
            Some(Side::Foreign) => 4,
            None => SIDE_NOT_STATED,
        }),
        VictimGroup::Unknown => None,
    }
}

fn outcome_index(o: Outcome) -> Option<usize> {
    match o {
        Outcome::Killed => Some(KILLED),
        Outcome::Injured => Some(INJURED),
        Outcome::Shot => Some(SHOT),
        _ => None,
    }
}

/// Whether a claim's status and place let it count.
pub fn countable(claim: &Claim) -> bool {
    matches!(claim.status, ClaimStatus::Reported | ClaimStatus::Confirmed)
        && !claim.in_boilerplate
        && outcome_index(claim.outcome).is_some()
}

/// Who a claim comes from, when the attribution layer says.
fn claimant(claim: &Claim) -> Option<&str> {
    claim.claimant.as_ref()?.name.as_deref()
}

/// How a claim reads into a slot.
#[derive(Clone, Copy, Debug, Default)]
struct Reading {
    /// Its count adds to the slot's ("12 soldiers and one civilian", "five more").
    adds: bool,
    /// It comes from another claimant than the slot's figure.
    disagrees: bool,
    /// It is a part of a claim before it ("including four children").
    part: bool,
    /// Its sentence updates a toll ("rose to").
    update: bool,
    /// One of its parts gives the slot's figure: a fuller count of the same people
    /// ("58 civilians killed", then "82 people including 58 civilians").
    contains: bool,
}

/// One event's figure for one outcome and slot, and the claims that make it.
#[derive(Clone, Debug, Default)]
struct Slot {
    value: u64,
    vague: bool,
    implicit: bool,
    /// Made only of parts: a whole figure for the same people replaces it.
    parts: bool,
    claims: Vec<usize>,
}

impl Slot {
    /// Reads one more claim about the same people of the same event (step 4).
    fn read(&mut self, i: usize, claim: &Claim, how: Reading) {
        let n = &claim.number;
        let (v, vague, implicit) = (n.min, n.vague.is_some(), n.implicit);
        let replace = |slot: &mut Slot, value| {
            *slot = Slot {
                value,
                vague,
                implicit,
                parts: how.part,
                claims: vec![i],
            }
        };
        let fuller = how.contains && !vague && !implicit && v > self.value;
        if self.claims.is_empty() || fuller {
            replace(self, v);
        } else if how.part && !self.parts {
            // A break-down of a whole already given.
        } else if self.parts && !how.part {
            replace(self, v);
        } else if how.adds && implicit && self.implicit && self.value >= 2 {
            // "A murder-suicide" already counts the attacker "who killed himself".
            self.claims.push(i);
        } else if how.adds && !(vague || self.vague) {
            self.value = self.value.saturating_add(v);
            self.implicit &= implicit;
            self.claims.push(i);
        } else if implicit {
            if self.implicit && self.value < v {
                replace(self, v);
            } else if self.value <= v {
                self.claims.push(i);
            }
        } else if self.implicit {
            replace(self, v.max(self.value));
        } else if self.vague != vague {
            if self.vague {
                replace(self, v);
            }
        } else if v == self.value {
            self.claims.push(i);
        } else if how.update
            || (how.disagrees && v < self.value && v.saturating_mul(2) >= self.value)
        {
            replace(self, v);
        }
    }
}

/// An event being read: its claims and its slots.
#[derive(Clone, Debug, Default)]
struct EventSlots {
    claims: Vec<usize>,
    /// Whether a claim has already counted the attacker's own death.
    attacker: bool,
    slots: [[Option<Slot>; SLOTS]; OUTCOMES],
}

impl EventSlots {
    fn value(&self, outcome: usize, slot: usize) -> Option<u64> {
        self.slots[outcome][slot].as_ref().map(|s| s.value)
    }

    /// Whether the claim's figure is already one of this event's, for any victims.
    fn repeats(&self, claim: &Claim) -> bool {
        !claim.number.implicit
            && outcome_index(claim.outcome)
                .is_some_and(|o| (0..SLOTS).any(|g| self.value(o, g) == Some(claim.number.min)))
    }

    /// The event's figure for an outcome: the total, civilians, non-civilians (step 5).
    fn figure(&self, claims: &[Claim], outcome: usize) -> (Option<u64>, Option<u64>, Option<u64>) {
        let civ = self.value(outcome, CIVILIANS);
        let non = sum(SIDES.map(|g| self.value(outcome, g)));
        // A written number of people of no one group, not a vague word or a floor ("a
        // fighter was killed"), nor one group's figure ("nine children killed", which
        // other groups' figures add to).
        let exact = self.slots[outcome][OVERALL].as_ref().is_some_and(|s| {
            !s.implicit
                && !s.vague
                && s.value >= 2
                && s.claims.iter().any(|&i| group_of(&claims[i]).is_none())
        });
        let total = match (self.value(outcome, OVERALL), sum([civ, non])) {
            // The groups' figures are a fuller count of the event's dead when they add
            // up to somewhat more than its overall figure; when they come to more than
            // twice a written one, they count other dead (a running toll, a battle given
            // as context): the groups that exceed the overall figure are left out, and
            // the other group is no sign that the event had none of theirs.
            (Some(t), Some(s)) if exact && s > t.saturating_mul(2) => {
                return (Some(t), civ.filter(|&c| c <= t), non.filter(|&n| n <= t));
            }
            (Some(t), Some(s)) => t.max(s),
            (t, s) => match t.or(s) {
                Some(t) => t,
                None => return (None, None, None),
            },
        };
        (
            Some(total),
            civ.or_else(|| non.filter(|&n| n >= total).map(|_| 0)),
            non.or_else(|| civ.filter(|&c| c >= total).map(|_| 0)),
        )
    }

    fn figures(&self, claims: &[Claim], settings: &[Setting]) -> Totals {
        let (killed, civilians, noncivilians) = self.figure(claims, KILLED);
        // Injured people named only without a number ("he suffered a gunshot wound",
        // "the victim was wounded"), beside a death told right after, are most often
        // the dead told before they died: like people shot, they count less the dead.
        let unnamed = self.slots[INJURED][OVERALL].as_ref().is_some_and(|s| {
            s.implicit
                && s.claims.iter().all(|&i| {
                    // ... and the death of one so named is told after it, in the
                    // same sentence or the next ("he suffered a gunshot wound to the
                    // head and was pronounced dead"), not the attacker's own.
                    let at = settings[i].sentence;
                    one_named(&claims[i])
                        && claims.iter().zip(settings).skip(i + 1).any(|(c, st)| {
                            c.outcome == Outcome::Killed
                                && countable(c)
                                && one_named(c)
                                && !st.attacker
                                && (at..=at + 1).contains(&st.sentence)
                        })
                })
        });
        let injured = self.figure(claims, INJURED).0.map(|i| {
            if unnamed {
                i.saturating_sub(killed.unwrap_or(0))
            } else {
                i
            }
        });
        let shot_alive = self
            .figure(claims, SHOT)
            .0
            .map(|s| s.saturating_sub(killed.unwrap_or(0)));
        Totals {
            killed,
            injured: match (injured, shot_alive) {
                (Some(i), Some(s)) => Some(i.max(s)),
                (i, s) => i.or(s),
            },
            killed_civilians: civilians,
            killed_noncivilians: noncivilians,
        }
    }
}

/// A person counted without a number by a pronoun, "the" and a noun, or a name ("he",
/// "the victim", "Jane Doe"): someone already named, who may be one of the dead. Not
/// "another", "his brother", "a man": those name someone else.
fn one_named(claim: &Claim) -> bool {
    let first = claim.number.text.split(' ').next().unwrap_or("");
    match first.to_ascii_lowercase().as_str() {
        "he" | "she" | "him" | "the" => true,
        "his" | "her" | "their" | "its" | "another" | "a" | "an" | "one" => false,
        _ => claim.victims.is_none() && first.starts_with(|c: char| c.is_uppercase()),
    }
}

fn sum(values: impl IntoIterator<Item = Option<u64>>) -> Option<u64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<u64>, v| {
            Some(acc.unwrap_or(0).saturating_add(v))
        })
}

/// For each event, the earlier event it breaks down, if any: the first run of two or
/// more events from it whose dead add up exactly to an earlier event's.
fn breakdowns(figures: &[Totals]) -> Vec<Option<usize>> {
    let mut parent = vec![None; figures.len()];
    let mut j = 1;
    while j < figures.len() {
        let mut found = None;
        for (i, whole) in figures[..j].iter().enumerate() {
            let Some(target) = whole.killed.filter(|_| parent[i].is_none()) else {
                continue;
            };
            let mut total = 0u64;
            for (k, part) in figures.iter().enumerate().skip(j) {
                total = total.saturating_add(part.killed.unwrap_or(0));
                if total >= target {
                    if total == target && k > j {
                        found = Some((i, k));
                    }
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        match found {
            Some((i, k)) => {
                for p in &mut parent[j..=k] {
                    *p = Some(i);
                }
                j = k + 1;
            }
            None => j += 1,
        }
    }
    parent
}

/// The events and the totals; each claim's `event` and `counted` set, and its
/// `status` for claims about another day. `settings` line up with `claims`.
pub fn totals(
    claims: &mut [Claim],
    settings: &[Setting],
    article_date: Option<Date>,
) -> (Vec<Event>, Totals) {
    // Step 1: the news days, and claims about other days or earlier dates.
    let news_days = claims
        .iter()
        .zip(settings)
        .find(|(c, s)| countable(c) && s.days != 0)
        .map_or(0, |(_, s)| s.days);
    let news_days = news_days
        | (news_days >> 1)
        | ((news_days & 1) << 6)
        | ((news_days << 1) & 0x7f)
        | (news_days >> 6);
    for (c, s) in claims.iter_mut().zip(settings) {
        let other_day = news_days != 0 && s.days != 0 && s.days & news_days == 0;
        let earlier_date = article_date
            .is_some_and(|a| !s.dates.is_empty() && !s.dates.iter().any(|&d| recent(d, a)));
        if (other_day || earlier_date) && countable(c) {
            c.status = ClaimStatus::Background;
        }
    }

    // Steps 3 and 4.
    // (whole, figure) of each exact part: "82 people including 58 civilians".
    let part_figures: Vec<(usize, u64)> = claims
        .iter()
        .filter(|c| countable(c) && !c.number.implicit && c.number.vague.is_none())
        .filter_map(|c| Some((c.part_of?, c.number.min)))
        .collect();
    let mut events: Vec<EventSlots> = Vec::new();
    let mut event_of: Vec<Option<usize>> = vec![None; claims.len()];
    let mut last_sentence = None;
    let mut last_outcome = None;
    // The claim read before, of any outcome.
    let mut last_claim: Option<usize> = None;
    // (sentence, outcome, slot) whose listed counts repeat a figure given before.
    let mut repeated_lists: Vec<(usize, usize, usize)> = Vec::new();
    // Text order, except that a part told before its whole ("six civilians were among
    // 22 people killed") is read right after it.
    // (whole, part) of each part told before its whole, by whole: few or none.
    let mut early: Vec<(usize, usize)> = (0..claims.len())
        .filter_map(|p| claims[p].part_of.filter(|&w| w > p).map(|w| (w, p)))
        .collect();
    early.sort_unstable();
    let mut order = Vec::with_capacity(claims.len());
    for (i, claim) in claims.iter().enumerate() {
        if claim.part_of.is_some_and(|w| w > i) {
            continue;
        }
        order.push(i);
        let from = early.partition_point(|&(w, _)| w < i);
        order.extend(
            early[from..]
                .iter()
                .take_while(|&&(w, _)| w == i)
                .map(|&(_, p)| p),
        );
    }
    for i in order {
        let (claim, setting) = (&claims[i], &settings[i]);
        let Some(mut o) = outcome_index(claim.outcome).filter(|_| countable(claim)) else {
            continue;
        };
        // People shot besides those counted before ("one man was killed and four others
        // were shot") are not among the dead: they count as injured. (Listed beside
        // another count, "he and three others were shot", they are besides that one.)
        if o == SHOT && setting.beside && !setting.coordinated {
            o = INJURED;
        }
        // A sentence told again word for word is no news.
        if setting.repeated {
            continue;
        }
        let e = if let Some(whole) = claim.part_of {
            match event_of.get(whole).copied().flatten() {
                Some(e) => e,
                None => continue,
            }
        } else {
            let stays = last_sentence == Some(setting.sentence) || claim.number.implicit;
            match events.len().checked_sub(1) {
                Some(e) if stays || !setting.separate => e,
                _ => match events.iter().position(|ev| ev.repeats(claim)) {
                    Some(e) => e,
                    None => {
                        events.push(EventSlots::default());
                        events.len() - 1
                    }
                },
            }
        };
        event_of[i] = Some(e);
        last_sentence = Some(setting.sentence);
        let ev = &mut events[e];
        // A part of a larger figure the event set aside, in none of its slots (another
        // source's higher toll, a running toll), is set aside with it: "100 killed, including 25 children" after
        // "58 killed" gives no children's figure either. (The parts of a smaller one,
        // "25 killed on Tuesday, including seven women" after "50 killed in two days",
        // are parts of the figure too.)
        let set_aside = claim.part_of.is_some_and(|w| {
            outcome_index(claims[w].outcome).is_some_and(|wo| {
                let slots = &ev.slots[wo];
                let used = slots.iter().flatten().any(|s| s.claims.contains(&w));
                !used
                    && slots[OVERALL]
                        .as_ref()
                        .is_some_and(|s| claims[w].number.min > s.value)
            })
        });
        if set_aside {
            continue;
        }
        ev.claims.push(i);
        let part = claim.part_of.is_some();
        // The attacker's death adds once: told again ("he then turned the gun on
        // himself"), it is the same death.
        let repeated_attacker = setting.attacker && std::mem::replace(&mut ev.attacker, true);
        // "Five dead, including the gunman": a whole count that holds his death.
        if setting.includes_attacker && !part {
            ev.attacker = true;
        }
        let more = !repeated_attacker && setting.additive && last_outcome == Some(o);
        let adds = !repeated_attacker && setting.coordinated;
        // Combatants of no stated side among a whole's of one side are of that side
        // ("40 rebel fighters including seven commanders").
        let group = match (group_of(claim), claim.part_of.map(|w| group_of(&claims[w]))) {
            (Some(SIDE_NOT_STATED), Some(Some(w))) if SIDES.contains(&w) => Some(w),
            (g, _) => g,
        };
        for g in [Some(OVERALL).filter(|_| !part), group]
            .into_iter()
            .flatten()
        {
            // Combatants already counted under another side (or none) with the same
            // figure: the same people named again ("9 IS fighters", then "the 9
            // fighters"), unless listed beside them.
            let exact = !claim.number.implicit && claim.number.vague.is_none();
            if SIDES.contains(&g) && exact && !(adds || more) {
                let same = SIDES.filter(|&h| h != g).find(|&h| {
                    ev.slots[o][h].as_ref().is_some_and(|s| {
                        s.value == claim.number.min && !s.vague && !s.implicit && !s.parts
                    })
                });
                if let Some(h) = same {
                    if let Some(s) = ev.slots[o][h].as_mut() {
                        s.claims.push(i);
                    }
                    continue;
                }
            }
            let slot = ev.slots[o][g].get_or_insert_with(Slot::default);
            // Counts listed together that add up to the figure an earlier sentence gave
            // ("five officers killed", then "one DART officer and four police officers
            // were killed"): the same people, broken down.
            let key = (setting.sentence, o, g);
            if adds && setting.coordinated && !repeated_lists.contains(&key) {
                let earlier = !slot.claims.is_empty()
                    && slot
                        .claims
                        .iter()
                        .all(|&j| settings[j].sentence != setting.sentence);
                if earlier {
                    // The listed counts of this slot, and those of them that are no
                    // part of another count (only those read into the slot as more
                    // people).
                    let (listed, wholes) = claims
                        .iter()
                        .zip(settings)
                        .filter(|(c, st)| {
                            st.sentence == setting.sentence
                                && st.coordinated
                                && c.outcome == claim.outcome
                                && countable(c)
                                && if g == OVERALL {
                                    c.part_of.is_none()
                                } else {
                                    group_of(c) == Some(g)
                                }
                        })
                        .fold((0u64, 0u64), |(all, wholes), (c, _)| {
                            let n = c.number.min;
                            let whole = if c.part_of.is_none() { n } else { 0 };
                            (all.saturating_add(n), wholes.saturating_add(whole))
                        });
                    // Fewer than the figure, and not said to be more ("57 killed", then
                    // "a man and his wife were killed"; not "two soldiers were also
                    // killed"): some of the same dead, named. (Nor the attacker's own
                    // death listed after his victims: "killed her two daughters before
                    // killing herself" is one more.)
                    let fewer = listed < slot.value
                        && !more
                        && !setting.also
                        && !slot.vague
                        && !setting.attacker;
                    if listed == slot.value || fewer {
                        repeated_lists.push(key);
                    } else if !part && wholes > slot.value && !slot.vague && !more {
                        // A fuller list of the same dead ("20 killed", then "his son
                        // and 20 other fighters were killed"; "a man was killed", then
                        // "a woman and a child were killed"): it replaces the figure,
                        // of all the dead and of each group.
                        slot.value = 0;
                        slot.implicit = false;
                    }
                }
            }
            if repeated_lists.contains(&key) {
                slot.claims.push(i);
                continue;
            }
            // Another claimant's figure for the same people.
            let disagrees = claimant(claim).is_some_and(|name| {
                slot.claims.iter().all(|&j| {
                    group_of(&claims[j]) == group_of(claim)
                        && claimant(&claims[j]).is_some_and(|other| other != name)
                })
            });
            // Whether one of the claim's parts repeats the figure the slot holds.
            let contains = !slot.vague
                && !slot.implicit
                && !slot.claims.is_empty()
                && part_figures
                    .iter()
                    .any(|&(whole, v)| whole == i && v == slot.value);
            // Civilians after a figure only of children or women: the wider group,
            // which holds them ("nine children killed", then "23 civilians killed").
            let wider = g == CIVILIANS
                && o == KILLED
                && claim
                    .victims
                    .as_ref()
                    .is_some_and(|v| v.group == VictimGroup::Civilians)
                && !slot.claims.is_empty()
                && slot.claims.iter().all(|&j| {
                    claims[j].victims.as_ref().is_some_and(|v| {
                        matches!(v.group, VictimGroup::Children | VictimGroup::Women)
                    })
                });
            // "Six more" adds to the count right before it when that count made the
            // figure ("10 killed ... five more died"); after a count the figure left
            // aside, the two are a break-down of it ("21 killed: 15 in the city, six
            // more in a village").
            let more = more && last_claim.is_some_and(|p| slot.claims.contains(&p));
            let how = Reading {
                adds: adds || more,
                disagrees,
                part,
                update: setting.update,
                contains: contains || wider,
            };
            slot.read(i, claim, how);
        }
        last_outcome = Some(o);
        last_claim = Some(i);
    }

    // Steps 5 and 6.
    let figures: Vec<Totals> = events
        .iter()
        .map(|ev| ev.figures(claims, settings))
        .collect();
    let parent = breakdowns(&figures);
    let mut index = vec![0; events.len()];
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for (e, ev) in events.iter().enumerate() {
        if let Some(p) = parent[e] {
            index[e] = index[p];
            out[index[e]].mentions += ev.claims.len();
            continue;
        }
        index[e] = out.len();
        out.push(Event {
            mentions: ev.claims.len(),
            first: ev.claims.first().copied().unwrap_or(0),
            figures: figures[e],
        });
    }
    let mut totals = Totals::default();
    let add = |acc: &mut Option<u64>, v: Option<u64>| {
        if let Some(v) = v {
            *acc = Some(acc.unwrap_or(0).saturating_add(v));
        }
    };
    for f in out.iter().map(|e| &e.figures) {
        add(&mut totals.killed, f.killed);
        add(&mut totals.injured, f.injured);
        add(&mut totals.killed_civilians, f.killed_civilians);
        add(&mut totals.killed_noncivilians, f.killed_noncivilians);
    }
    for (i, c) in claims.iter_mut().enumerate() {
        c.event = event_of[i].map(|e| index[e]);
        c.counted = event_of[i].is_some_and(|e| {
            parent[e].is_none()
                && events[e]
                    .slots
                    .iter()
                    .flatten()
                    .flatten()
                    .any(|s| s.claims.contains(&i))
        });
    }
    (out, totals)
}
