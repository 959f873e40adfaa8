//! The article's totals from its claims: one conservative rule.
//!
//! - Only claims about the article's event(s) count: status `reported` or `confirmed`,
//!   outside boilerplate. Cumulative and background tolls, hypotheticals and denials do
//!   not.
//! - A claim's value is its low end: `min` of the number ("at least 20", "more than 20",
//!   "nearly 20" and "20-30" all give 20; "dozens" 12, "scores" 20, "hundreds" 100).
//! - The claims of one outcome are grouped by who the victims are: civilians (women and
//!   children included), each combatant side (government, opposition, jihadist, foreign,
//!   side unknown), and people not characterised. Within a group the first figure in
//!   text order stands (the headline or lead, which news writes as the event's toll): a
//!   figure repeated in headline and body counts once, a break-down never adds to its
//!   total, and other sources' higher figures further down do not raise it. A specific
//!   number beats a vague word ("dozens") for the same group; a person counted without
//!   a number ("he died", "a fatal shooting") only sets a floor of one.
//! - Groups that do not overlap add up: civilians plus each combatant side. The
//!   uncharacterised figure is the total when it is at least that sum (it is the
//!   article's overall toll); otherwise the sum is.
//! - `killed_civilians` and `killed_noncivilians` are given when the article
//!   characterises the dead: a group's figure, or 0 when every death counted belongs to
//!   the other side of the split. Parts ("including four children") count for their
//!   group, never on top of their whole.
//! - Injured: the same rule over injury claims; people "shot" with their fate unstated
//!   count as injured less the dead of the same article.
//! - Null when no claim of the outcome counts.

use newsproc_layers::casualties::{Claim, ClaimStatus, Outcome, Side, Totals, VictimGroup};

const CIVILIANS: usize = 0;
const UNCHARACTERISED: usize = 6;
const GROUPS: usize = 7;

/// Which group of [`GROUPS`] a claim's victims fall in.
fn group_of(claim: &Claim) -> usize {
    let Some(v) = &claim.victims else {
        return UNCHARACTERISED;
    };
    match v.group {
        VictimGroup::Civilians | VictimGroup::Children | VictimGroup::Women => CIVILIANS,
        VictimGroup::Combatants => match v.side {
            Some(Side::Government) => 1,
            Some(Side::Opposition) => 2,
            Some(Side::Jihadist) => 3,
            Some(Side::Foreign) => 4,
            None => 5,
        },
        VictimGroup::Unknown => UNCHARACTERISED,
    }
}

/// Whether a claim is about the article's event(s).
pub fn countable(claim: &Claim) -> bool {
    matches!(claim.status, ClaimStatus::Reported | ClaimStatus::Confirmed) && !claim.in_boilerplate
}

/// The figure per group for one outcome.
struct Groups {
    best: [Option<u64>; GROUPS],
}

impl Groups {
    fn of(claims: &[Claim], outcome: Outcome) -> Groups {
        let mut specific = [None; GROUPS];
        let mut vague = [None; GROUPS];
        let mut floor = [None; GROUPS];
        for c in claims
            .iter()
            .filter(|c| c.outcome == outcome && countable(c))
        {
            let g = group_of(c);
            // A part that says nothing of who they were adds nothing.
            if c.part_of.is_some() && g == UNCHARACTERISED {
                continue;
            }
            let v = c.number.min;
            let slot: &mut Option<u64> = if c.number.implicit {
                let f = &mut floor[g];
                *f = Some(f.map_or(v, |b: u64| b.max(v)));
                continue;
            } else if c.number.vague.is_some() {
                &mut vague[g]
            } else {
                &mut specific[g]
            };
            slot.get_or_insert(v);
        }
        let mut best = [None; GROUPS];
        for g in 0..GROUPS {
            best[g] = match (specific[g].or(vague[g]), floor[g]) {
                (Some(v), Some(f)) => Some(v.max(f)),
                (v, f) => v.or(f),
            };
        }
        Groups { best }
    }

    fn civilians(&self) -> Option<u64> {
        self.best[CIVILIANS]
    }

    fn noncivilians(&self) -> Option<u64> {
        sum(self.best[1..UNCHARACTERISED].iter().copied())
    }

    fn uncharacterised(&self) -> Option<u64> {
        self.best[UNCHARACTERISED]
    }

    /// The total, and whether it is the uncharacterised figure.
    fn total(&self) -> Option<(u64, bool)> {
        let specific = sum([self.civilians(), self.noncivilians()]);
        match (self.uncharacterised(), specific) {
            (Some(u), Some(s)) if u >= s => Some((u, true)),
            (_, Some(s)) => Some((s, false)),
            (Some(u), None) => Some((u, true)),
            (None, None) => None,
        }
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

/// The totals, and each claim's `counted` flag set.
pub fn totals(claims: &mut [Claim]) -> Totals {
    let killed = Groups::of(claims, Outcome::Killed);
    let injured = Groups::of(claims, Outcome::Injured);
    let shot = Groups::of(claims, Outcome::Shot);

    let killed_total = killed.total();
    let (civilians, noncivilians) = match killed_total {
        None => (None, None),
        Some((total, _)) => {
            let civ = killed.civilians();
            let non = killed.noncivilians();
            (
                civ.or_else(|| non.filter(|&n| n >= total).map(|_| 0)),
                non.or_else(|| civ.filter(|&c| c >= total).map(|_| 0)),
            )
        }
    };
    let killed_n = killed_total.map(|(t, _)| t);
    let shot_alive = shot
        .total()
        .map(|(s, _)| s.saturating_sub(killed_n.unwrap_or(0)));
    let injured_total = match (injured.total().map(|(t, _)| t), shot_alive) {
        (Some(i), Some(s)) => Some(i.max(s)),
        (i, s) => i.or(s),
    };

    for c in claims.iter_mut() {
        let groups = match c.outcome {
            Outcome::Killed => &killed,
            Outcome::Injured => &injured,
            Outcome::Shot => &shot,
            _ => {
                c.counted = false;
                continue;
            }
        };
        let g = group_of(c);
        c.counted = countable(c) && c.part_of.is_none() && groups.best[g] == Some(c.number.min);
    }

    Totals {
        killed: killed_n,
        injured: injured_total,
        killed_civilians: civilians,
        killed_noncivilians: noncivilians,
    }
}
