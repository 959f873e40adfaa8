//! Unit tests for the claim patterns and the totals rule, on sentences written for them.

use super::*;

fn stage() -> CasualtiesStage {
    CasualtiesStage::new(Config::default()).unwrap()
}

fn layer(text: &str) -> CasualtyLayer {
    stage().layer(text, None, None)
}

/// (outcome, min, victims text) of each claim.
fn claims(text: &str) -> Vec<(Outcome, u64, String)> {
    layer(text)
        .claims
        .iter()
        .map(|c| {
            (
                c.outcome,
                c.number.min,
                c.victims.as_ref().map_or(String::new(), |v| v.text.clone()),
            )
        })
        .collect()
}

#[test]
fn passive_and_active() {
    assert_eq!(
        claims("Thirteen regime forces were killed on Monday."),
        [(Outcome::Killed, 13, "regime forces".to_string())]
    );
    assert_eq!(
        claims("The blast killed at least 31 civilians in the town."),
        [(Outcome::Killed, 31, "civilians".to_string())]
    );
}
