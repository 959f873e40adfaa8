//! The article's totals from its claims: one conservative rule.
//!
//! 1. **What counts.** Claims of people killed, injured, or shot with their fate unstated,
//!    with status `reported` or `confirmed`, outside boilerplate. Running tolls
//!    (`cumulative`), earlier events given as context (`background`), hypotheticals and
//!    denials do not. The article's news days are the days of the week named in the
//!    sentence of the first countable claim that names one, and the day before each; a
//!    claim whose sentence names only other days is background.
//! 2. **A claim's value** is its low end: `min` of the number ("at least 20", "more than
//!    20", "nearly 20" and "20-30" give 20; "dozens" 12, "scores" 20, "hundreds" 100).
//! 3. **Events.** Claims are read in text order. A part ("including four children")
//!    belongs to its whole's event. A claim opens a new event when its sentence reports
//!    another event ("elsewhere", "meanwhile", "in a separate attack") or names a place
//!    the current event has not named, unless it repeats a figure already given for the
//!    same victims; otherwise it is about the current event.
//! 4. **An event's figure for one victim group** (civilians, with women and children;
//!    each combatant side; people not characterised): the first figure, then for each
//!    later one: the same figure is a repeat and counts once; a specific number beats a
//!    vague word; a count in the same sentence, or one that says it adds ("another six",
//!    "six more"), adds; a new figure for a toll ("rose to") replaces it; otherwise
//!    sources disagree and the lowest stands. A person counted without a number ("he
//!    died", "a fatal shooting") only sets a floor of one. Parts never add to their whole.
//! 5. **An event's figure for one outcome**: civilians plus each combatant side; the
//!    uncharacterised figure instead when it is at least that sum (it is the event's
//!    overall toll). Injured: the injury figure, or the people shot less the event's
//!    dead when that is more.
//! 6. **Totals**: each figure summed over the events. `killed_civilians` and
//!    `killed_noncivilians` sum the events that characterise their dead: a group's
//!    figure, or 0 when the event's dead all belong to the other side; null when no
//!    event says. Null where no claim of the outcome counts.

use newsproc_layers::casualties::{
    Claim, ClaimStatus, Event, Outcome, Phrase, Side, Totals, VictimGroup,
};

use crate::setting::Setting;

/// Slots of one outcome in an event: civilians, the five combatant sides (government,
/// opposition, jihadist, foreign, side not stated), and the overall figure.
const CIVILIANS: usize = 0;
const SIDES: std::ops::Range<usize> = 1..6;
const TOTAL: usize = 6;
const SLOTS: usize = 7;
/// Outcomes with figures: killed, injured, shot.
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
            None => 5,
        }),
        VictimGroup::Unknown => None,
    }
}

fn outcome_index(o: Outcome) -> Option<usize> {
    match o {
        Outcome::Killed => Some(0),
        Outcome::Injured => Some(1),
        Outcome::Shot => Some(2),
        _ => None,
    }
}

/// Whether a claim's status and place let it count.
pub fn countable(claim: &Claim) -> bool {
    matches!(claim.status, ClaimStatus::Reported | ClaimStatus::Confirmed)
        && !claim.in_boilerplate
        && outcome_index(claim.outcome).is_some()
}

/// How a claim reads into a slot.
#[derive(Clone, Copy, Debug, Default)]
struct Reading {
    /// Its count adds to the slot's ("12 soldiers and one civilian", "another six").
    adds: bool,
    /// It comes from another source than the slot's figure.
    disagrees: bool,
    /// It is a part of a claim before it ("including four children").
    part: bool,
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
    fn read(&mut self, i: usize, claim: &Claim, setting: &Setting, how: Reading) {
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
        if self.claims.is_empty() {
            replace(self, v);
        } else if how.part && !self.parts && !how.adds {
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
            // One person counted without a number: a floor, usually one already counted.
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
        } else if setting.update || (how.disagrees && v < self.value) {
            replace(self, v);
        }
    }
}

#[derive(Clone, Debug, Default)]
struct EventSlots {
    claims: Vec<usize>,
    places: Vec<String>,
    place: Option<Phrase>,
    slots: [[Option<Slot>; SLOTS]; OUTCOMES],
}

impl EventSlots {
    fn value(&self, outcome: usize, slot: usize) -> Option<u64> {
        self.slots[outcome][slot].as_ref().map(|s| s.value)
    }

    /// Whether the claim's figure is already one of this event's, for any victims (step
    /// 3: a repeat).
    fn repeats(&self, claim: &Claim) -> bool {
        !claim.number.implicit
            && outcome_index(claim.outcome)
                .is_some_and(|o| (0..SLOTS).any(|g| self.value(o, g) == Some(claim.number.min)))
    }

    /// The event's figure for an outcome (step 5): the total, civilians, non-civilians.
    fn figure(&self, outcome: usize) -> (Option<u64>, Option<u64>, Option<u64>) {
        let civ = self.value(outcome, CIVILIANS);
        let non = sum(SIDES.map(|g| self.value(outcome, g)));
        let total = match (self.value(outcome, TOTAL), sum([civ, non])) {
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

    fn figures(&self) -> Totals {
        let (killed, civilians, noncivilians) = self.figure(0);
        let injured = self.figure(1).0;
        let shot_alive = self
            .figure(2)
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

/// For each event, the earlier event it is a part of: a run of two or more events
/// whose dead add up exactly to an earlier event's.
fn breakdowns(figures: &[Totals]) -> Vec<Option<usize>> {
    let mut parent = vec![None; figures.len()];
    let mut j = 1;
    while j < figures.len() {
        let mut found = None;
        for (i, whole) in figures[..j].iter().enumerate() {
            let Some(target) = whole.killed.filter(|_| parent[i].is_none()) else {
                continue;
            };
            let mut sum = 0u64;
            for (k, part) in figures.iter().enumerate().skip(j) {
                sum = sum.saturating_add(part.killed.unwrap_or(0));
                if sum >= target {
                    if sum == target && k > j {
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

/// Who a claim comes from, when the attribution layer says.
fn claimant(claim: &Claim) -> Option<&str> {
    claim.claimant.as_ref()?.name.as_deref()
}

fn sum(values: impl IntoIterator<Item = Option<u64>>) -> Option<u64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<u64>, v| {
            Some(acc.unwrap_or(0).saturating_add(v))
        })
}

/// The events and the totals; each claim's `event`, `counted` and (for claims about
/// another day) `status` set. `settings` line up with `claims`.
pub fn totals(claims: &mut [Claim], settings: &[Setting]) -> (Vec<Event>, Totals) {
    // Step 1: the news day, and claims about other days.
    let news_days = claims
        .iter()
        .zip(settings)
        .find(|(c, s)| countable(c) && s.days != 0)
        .map_or(0, |(_, s)| s.days);
    // News is often published the day after: "said on Saturday" of Friday's strikes.
    let news_days = news_days | (news_days >> 1) | ((news_days & 1) << 6);
    for (c, s) in claims.iter_mut().zip(settings) {
        if news_days != 0 && s.days != 0 && s.days & news_days == 0 && countable(c) {
            c.status = ClaimStatus::Background;
        }
    }

    // Step 3: events.
    let mut events: Vec<EventSlots> = Vec::new();
    let mut event_of: Vec<Option<usize>> = vec![None; claims.len()];
    let mut last_sentence = None;
    let mut last_outcome = None;
    for i in 0..claims.len() {
        let (claim, setting) = (&claims[i], &settings[i]);
        if !countable(claim) {
            continue;
        }
        let e = if let Some(whole) = claim.part_of {
            match event_of.get(whole).copied().flatten() {
                Some(e) => e,
                None => continue,
            }
        } else {
            let current = events.len().checked_sub(1);
            // Counts in one sentence are about one event ("killed 30 soldiers and 50
            // rebels", "killed six and wounded 33").
            let same_sentence = last_sentence == Some(setting.sentence);
            // A new place opens an event for a toll of several dead ("In Jassem 15
            // civilians were killed"), not for one person or the wounded, most often
            // part of the same event ("taken to a hospital in X, where he died").
            let toll = claim.outcome == Outcome::Killed && claim.number.min >= 2 && false;
            let new_place = toll
                && current.is_some_and(|e| {
                    let ev = &events[e];
                    !setting.places.is_empty()
                        && !ev.places.is_empty()
                        && !setting.places.iter().any(|p| ev.places.contains(p))
                });
            // A person counted without a number is one already counted, as a rule.
            match current {
                Some(e) if same_sentence || claim.number.implicit => e,
                Some(e) if !(setting.separate || new_place) => e,
                _ => match events.iter().position(|ev| ev.repeats(claim)) {
                    Some(e) => e,
                    None => {
                        events.push(EventSlots {
                            place: setting.place_span.map(|span| Phrase {
                                span,
                                text: String::new(),
                            }),
                            ..EventSlots::default()
                        });
                        events.len() - 1
                    }
                },
            }
        };
        event_of[i] = Some(e);
        last_sentence = Some(setting.sentence);
        let ev = &mut events[e];
        ev.claims.push(i);
        for p in &setting.places {
            if !ev.places.contains(p) {
                ev.places.push(p.clone());
            }
        }
        if ev.place.is_none() {
            ev.place = setting.place_span.map(|span| Phrase {
                span,
                text: String::new(),
            });
        }
        // Step 4: the overall figure, and the victims' group. A part counts for its
        // group ("including four children"), never on top of its whole.
        if let Some(o) = outcome_index(claim.outcome) {
            // "Another six", "six more" add to the count before them when it is of the
            // same outcome ("killed 15 and wounded dozens more" does not).
            let adds = setting.coordinated || (setting.additive && last_outcome == Some(o));
            let part = claim.part_of.is_some();
            for g in [Some(TOTAL).filter(|_| !part), group_of(claim)]
                .into_iter()
                .flatten()
            {
                let slot = ev.slots[o][g].get_or_insert_with(Slot::default);
                // Another source's figure: a claimant named, and none of the figure's own.
                let disagrees = claimant(claim).is_some_and(|name| {
                    slot.claims
                        .iter()
                        .all(|&j| claimant(&claims[j]).is_some_and(|other| other != name))
                });
                let how = Reading {
                    adds,
                    disagrees,
                    part,
                };
                slot.read(i, claim, setting, how);
            }
            last_outcome = Some(o);
        }
    }

    // Step 5: each event's figures; events that break down one before them ("32 killed
    // across the country" then 15, 6 and 11 in three towns) are parts of it.
    let figures: Vec<Totals> = events.iter().map(EventSlots::figures).collect();
    let parent = breakdowns(&figures);
    let mut index = vec![0; events.len()];
    let mut out = Vec::with_capacity(events.len());
    for (e, ev) in events.iter().enumerate() {
        if let Some(p) = parent[e] {
            index[e] = index[p];
            continue;
        }
        index[e] = out.len();
        out.push(Event {
            mentions: ev.claims.len(),
            place: ev.place.clone(),
            figures: figures[e],
        });
    }
    for e in 0..events.len() {
        if parent[e].is_some() {
            out[index[e]].mentions += events[e].claims.len();
        }
    }

    // Step 6.
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
