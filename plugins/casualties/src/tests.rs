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

fn totals(text: &str) -> Totals {
    layer(text).totals
}

fn killed(n: u64, victims: &str) -> (Outcome, u64, String) {
    (Outcome::Killed, n, victims.to_string())
}

use newsproc_layers::casualties::{Side, Totals};
use newsproc_sdk::Span;

#[test]
fn passive_and_active() {
    assert_eq!(
        claims("Thirteen regime forces were killed on Monday."),
        [killed(13, "regime forces")]
    );
    assert_eq!(
        claims("The blast killed at least 31 civilians in the town."),
        [killed(31, "civilians")]
    );
    assert_eq!(
        claims("Nine people died in the fire."),
        [killed(9, "people")]
    );
}

#[test]
fn an_active_subject_is_not_the_victim() {
    // "two gunmen" did the killing.
    assert_eq!(
        claims("Two gunmen killed four guards at the gate."),
        [killed(4, "guards")]
    );
}

#[test]
fn numbers_in_words_and_vague_numbers() {
    let l = layer("Twenty-three villagers were wounded and dozens of people were killed.");
    let got: Vec<_> = l
        .claims
        .iter()
        .map(|c| (c.outcome, c.number.min, c.number.vague.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Outcome::Injured, 23, None),
            (Outcome::Killed, 12, Some("dozens".to_string()))
        ]
    );
}

#[test]
fn ranges_and_qualifiers() {
    let l = layer("The raid killed between 10 and 15 militants. More than 40 others were hurt.");
    let c = &l.claims[0];
    assert_eq!((c.number.min, c.number.max), (10, Some(15)));
    assert_eq!(c.number.qualifier.as_deref(), Some("between"));
    let c = &l.claims[1];
    assert_eq!(c.outcome, Outcome::Injured);
    assert_eq!(c.number.qualifier.as_deref(), Some("more than"));
    assert_eq!(l.totals.killed, Some(10));
    assert_eq!(l.totals.injured, Some(40));
}

#[test]
fn not_casualties() {
    for text in [
        "Jets carried out dozens of air strikes on the town.",
        "Rebels fired 60 missiles at Brigade 17 in 2020.",
        "A 12-year-old boy sold bread at the market.",
        "The agency released $2 million for tents.",
    ] {
        assert!(claims(text).is_empty(), "{text}");
    }
}

#[test]
fn displaced_is_not_killed() {
    let l = layer("More than 1,500 families had been displaced from the villages.");
    assert!(l.claims.iter().all(|c| c.outcome != Outcome::Killed));
    assert_eq!(l.totals.killed, None);
}

#[test]
fn sides_of_combatants() {
    let l = layer("Thirteen regime forces were killed. Seven rebel fighters were also killed.");
    let sides: Vec<_> = l
        .claims
        .iter()
        .map(|c| c.victims.as_ref().and_then(|v| v.side))
        .collect();
    assert_eq!(sides, [Some(Side::Government), Some(Side::Opposition)]);
    // Different sides add up; none of them are civilians.
    assert_eq!(l.totals.killed, Some(20));
    assert_eq!(l.totals.killed_noncivilians, Some(20));
    assert_eq!(l.totals.killed_civilians, Some(0));
}

#[test]
fn parts_do_not_add_to_their_whole() {
    let l = layer("The strike killed 11 civilians, among them three children.");
    assert_eq!(l.claims.len(), 2);
    assert_eq!(l.claims[1].part_of, Some(0));
    assert_eq!(l.totals.killed, Some(11));
    assert_eq!(l.totals.killed_civilians, Some(11));
    let l = layer("At least 20 people, including four children, were killed.");
    assert_eq!(l.claims[0].number.min, 20);
    assert_eq!(l.claims[1].part_of, Some(0));
    assert_eq!(l.totals.killed, Some(20));
}

#[test]
fn coordinated_counts() {
    let l = layer("The attack killed 13 soldiers and seven militiamen on Sunday.");
    assert_eq!(
        claims("The attack killed 13 soldiers and seven militiamen on Sunday."),
        [killed(13, "soldiers"), killed(7, "militiamen")]
    );
    assert_eq!(l.totals.killed, Some(20));
}

#[test]
fn headline_and_body_count_once() {
    let t =
        totals("Five killed in market blast\nA blast killed five people at a market on Friday.");
    assert_eq!(t.killed, Some(5));
}

#[test]
fn cumulative_and_background_tolls_do_not_count() {
    let text = "A car bomb killed eight people on Tuesday.\n\
                The war has killed more than 300,000 people since it began.\n\
                Shelling in the past year has killed thousands of civilians.";
    let l = layer(text);
    let statuses: Vec<_> = l.claims.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [
            ClaimStatus::Reported,
            ClaimStatus::Cumulative,
            ClaimStatus::Cumulative
        ]
    );
    assert_eq!(l.totals.killed, Some(8));
    assert_eq!(l.totals.killed_civilians, None);
}

#[test]
fn hypothetical_and_denied() {
    let l = layer("Officials warned the storm could kill hundreds of people.");
    assert_eq!(l.claims[0].status, ClaimStatus::Hypothetical);
    assert_eq!(l.totals.killed, None);
    let l = layer("The army denied killing 40 civilians in the village.");
    assert_eq!(l.claims[0].status, ClaimStatus::Denied);
    assert_eq!(l.totals.killed, None);
}

#[test]
fn toll_updates() {
    let l = layer("The death toll rose to 31 on Tuesday evening.");
    assert_eq!(l.claims[0].number.min, 31);
    assert_eq!(l.totals.killed, Some(31));
}

#[test]
fn one_person_without_a_number() {
    assert_eq!(
        totals("A man was shot and killed outside a bar.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Police are investigating a fatal shooting on Elm Street.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Police said a double homicide occurred overnight.").killed,
        Some(2)
    );
    let t = totals("Teen killed in drive-by shooting\nThe victim died at the hospital.");
    assert_eq!(t.killed, Some(1));
}

#[test]
fn shot_counts_as_injured_less_the_dead() {
    let t = totals("Four people were shot outside a club. One of them died at the hospital.");
    assert_eq!(t.killed, Some(1));
    assert_eq!(t.injured, Some(3));
    let t = totals("Three men were shot on Main Street on Friday night.");
    assert_eq!(t.killed, None);
    assert_eq!(t.injured, Some(3));
}

#[test]
fn no_number_no_total() {
    let t = totals("The strike caused deaths, officials said.");
    assert_eq!(t, Totals::default());
}

#[test]
fn spans_are_valid() {
    let text = "Thirteen “regime” forces were killed — and 7 rebels — in Ḥamā, killing 3 more.";
    for span in spans(&layer(text)) {
        assert!(span.is_valid_for(text), "{span:?}");
    }
}

#[test]
fn report_quotes_the_text() {
    let text = "The blast killed at least 31 civilians in the town.";
    let r = report(text, &layer(text));
    assert!(r.contains("killed 31"), "{r}");
    assert!(r.contains("killed at least 31 civilians"), "{r}");
}

#[test]
fn separate_events_add_up() {
    let text = "A car bomb killed 12 people in Azaz on Monday. \
                Elsewhere, air strikes killed five civilians in Douma.";
    let l = layer(text);
    assert_eq!(l.events.len(), 2);
    assert_eq!(l.totals.killed, Some(17));
    assert_eq!(l.totals.killed_civilians, Some(5));
    // Another event's figure that repeats one already given is the same event.
    let text = "A car bomb killed 12 people in Azaz on Monday. \
                Elsewhere, the monitor said 12 people had died in the blast.";
    assert_eq!(totals(text).killed, Some(12));
}

#[test]
fn other_days_are_background() {
    let l =
        layer("Air strikes killed nine people on Tuesday. On Sunday shelling killed 14 people.");
    assert_eq!(l.claims[1].status, ClaimStatus::Background);
    assert_eq!(l.totals.killed, Some(9));
    // News of one day is often published the next: "said on Saturday" of Friday.
    let l = layer(
        "The monitor said on Saturday that strikes killed nine people. \
         On Friday shelling killed three soldiers.",
    );
    assert_eq!(l.claims[1].status, ClaimStatus::Reported);
}

#[test]
fn the_first_figure_stands_unless_updated_or_disputed() {
    // A different figure later in the article, with nothing to say why, does not
    // replace the lead's.
    let t = totals(
        "Air strikes killed 20 people in the town. Activists said 35 people died in the raids.",
    );
    assert_eq!(t.killed, Some(20));
    // An update replaces it.
    let t = totals("An air strike killed 12 people. The death toll later rose to 18.");
    assert_eq!(t.killed, Some(18));
}

#[test]
fn sources_that_disagree_give_the_lowest() {
    let text = "A bomb killed 12 people, state media said. Activists said nine people died.";
    let cut = text.find("Activists").unwrap();
    let item = |content: Span, name: &str| AttributionItem {
        content: vec![content],
        source: Some(SourceItem {
            span: Span::new(0, 1),
            text: name.to_string(),
            name: Some(name.to_string()),
        }),
        in_boilerplate: false,
    };
    let attribution = AttributionView {
        attributions: vec![
            item(Span::new(0, cut), "state media"),
            item(Span::new(cut, text.len()), "activists"),
        ],
    };
    let l = stage().layer(text, None, Some(&attribution));
    assert_eq!(l.totals.killed, Some(9));
}

#[test]
fn counts_that_add() {
    assert_eq!(
        totals("Air strikes killed 10 people in the town. Five more died in hospital.").killed,
        Some(15)
    );
    // After a toll, "another seven" and "six more" after a count the toll left aside
    // break the toll down.
    assert_eq!(
        totals(
            "Air strikes killed 21 civilians in the province on Monday. Fifteen people were \
             killed in the city. Six more people died in a nearby village. Another seven \
             people were killed in raids further north."
        )
        .killed,
        Some(21)
    );
    // "Others" after the dead are the wounded, not more dead.
    let t = totals("The blast killed 15 people and wounded 25 others.");
    assert_eq!((t.killed, t.injured), (Some(15), Some(25)));
    // Counts listed together are different people.
    assert_eq!(
        totals("Shots were fired into the crowd, injuring four men and two women.").injured,
        Some(6)
    );
    assert_eq!(
        totals("He and three others were shot on the court.").injured,
        Some(4)
    );
}

#[test]
fn a_break_down_is_not_more_dead() {
    let text = "Government air strikes killed 32 people across the country on Monday. \
                Elsewhere, 15 civilians were killed in Jassem. \
                Elsewhere, air strikes killed six civilians in Douma. \
                Elsewhere, 11 people were killed in Khan Sheikhun.";
    let l = layer(text);
    assert_eq!(l.totals.killed, Some(32));
    assert_eq!(l.events.len(), 1);
}

#[test]
fn the_attacker_who_kills_himself() {
    assert_eq!(
        totals("A gunman killed four classmates before killing himself.").killed,
        Some(5)
    );
    // A murder-suicide already counts him.
    assert_eq!(
        totals(
            "Police said it was a murder-suicide: the man killed his wife before killing himself."
        )
        .killed,
        Some(2)
    );
}

#[test]
fn a_hospital_counts_only_a_written_number() {
    assert_eq!(
        totals("Five people were taken to the hospital after the shooting.").injured,
        Some(5)
    );
    assert_eq!(
        totals("He was taken to the hospital, where he died.").injured,
        None
    );
}

#[test]
fn a_war_toll_in_the_perfect_is_cumulative() {
    let l = layer("More than 210,000 people have died in the Syrian conflict.");
    assert_eq!(l.claims[0].status, ClaimStatus::Cumulative);
    assert_eq!(l.totals.killed, None);
}

#[test]
fn a_charge_is_not_a_death() {
    assert_eq!(
        totals("The suspect was also wanted on a murder charge in another county.").killed,
        None
    );
}

#[test]
fn a_headline_without_punctuation() {
    let t = totals("At least 57 Civilians killed More than 150 Injured in Attacks on the City");
    assert_eq!((t.killed, t.injured), (Some(57), Some(150)));
}

#[test]
fn a_toll_over_a_week_or_a_month_is_cumulative() {
    for text in [
        "Over 500 civilians were killed in one week of bombing.",
        "The monitor said nearly 1,000 civilians were killed during the past month.",
    ] {
        assert_eq!(totals(text).killed, None, "{text}");
    }
}

#[test]
fn a_second_verb_shares_the_subject() {
    let t = totals("A teenager was shot in the chest and later died at the hospital.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(0)));
    let t = totals("Two men were shot and taken to a hospital.");
    assert_eq!(t.injured, Some(2));
    // A count after the second verb is its own object.
    let t = totals("The gunman killed three people and wounded five others.");
    assert_eq!((t.killed, t.injured), (Some(3), Some(5)));
    let t = totals("The gunman killed three people and injured others.");
    assert_eq!((t.killed, t.injured), (Some(3), None));
}

#[test]
fn killed_and_wounded_together_is_no_figure_for_either() {
    let t = totals("At least 40 people were killed and wounded in the attack.");
    assert_eq!((t.killed, t.injured), (None, None));
    let t = totals("Shelling left dozens dead or injured, activists said.");
    assert_eq!((t.killed, t.injured), (None, None));
}

#[test]
fn remained_is_an_auxiliary() {
    assert_eq!(
        totals("Seven young men remained hospitalized on Tuesday.").injured,
        Some(7)
    );
}

#[test]
fn combatants_named_again_without_their_side_count_once() {
    let t = totals(
        "Air strikes killed nine Islamic State fighters on Monday. \
         The army said the nine fighters were killed near the border.",
    );
    assert_eq!((t.killed, t.killed_noncivilians), (Some(9), Some(9)));
    // Listed beside each other, the same figure is two groups.
    let t = totals("The clashes killed 12 soldiers and 12 militants.");
    assert_eq!((t.killed, t.killed_noncivilians), (Some(24), Some(24)));
}

#[test]
fn parts_listed_together_never_add_to_their_whole() {
    let t = totals("At least 23 civilians among them eight children and six women were killed.");
    assert_eq!((t.killed, t.killed_civilians), (Some(23), Some(23)));
}

#[test]
fn civilian_roles_and_bodies_of_civilians() {
    let t = totals("Shelling on the market killed 12 residents and two patients.");
    assert_eq!((t.killed, t.killed_civilians), (Some(14), Some(14)));
    let t = totals("Activists said 40 bodies of civilians were found in the town.");
    assert_eq!((t.killed, t.killed_civilians), (Some(40), Some(40)));
}

#[test]
fn an_age_as_the_head_noun_is_one_person() {
    let t = totals("A 14-year-old was killed Wednesday.");
    assert_eq!((t.killed, t.killed_civilians), (Some(1), Some(1)));
    let t = totals("A 34-year-old was wounded in the leg.");
    assert_eq!(t.injured, Some(1));
}

#[test]
fn a_part_before_its_subgroup_words() {
    let t = totals("The raid killed 12 people, eight of them children.");
    assert_eq!((t.killed, t.killed_civilians), (Some(12), Some(8)));
    let t = totals("The raid killed 12 people eight of them children.");
    assert_eq!((t.killed, t.killed_civilians), (Some(12), Some(8)));
}

#[test]
fn a_name_before_an_intransitive_outcome() {
    assert_eq!(
        totals("Officer Thompson died at the scene.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Police said Garcia died at the hospital.").killed,
        Some(1)
    );
}

#[test]
fn a_count_of_relatives_is_no_victim_count() {
    assert_ne!(totals("Father of three killed in shooting").killed, Some(3));
    assert_ne!(
        totals("A mother of two was killed on Sunday.").killed,
        Some(2)
    );
}

#[test]
fn counts_listed_later_that_add_up_to_a_figure_break_it_down() {
    let t = totals(
        "Five officers were killed in the ambush on Thursday. \
         One transit officer and four city police officers were killed.",
    );
    assert_eq!(t.killed, Some(5));
    // Listed counts that do not add up to it are more people.
    let t = totals(
        "Five officers were killed in the ambush on Thursday. \
         Two soldiers and one civilian were also killed.",
    );
    assert_eq!(t.killed, Some(8));
}

#[test]
fn a_whole_that_includes_the_figure_given_before_replaces_it() {
    let t = totals(
        "A car bomb killed 12 civilians in the market on Monday. Medics later said at least \
         20 people including 12 civilians were killed in the blast.",
    );
    assert_eq!((t.killed, t.killed_civilians), (Some(20), Some(12)));
    // A whole whose parts do not repeat the figure leaves it as it is.
    let t = totals(
        "A car bomb killed 12 people in the market on Monday. Medics later said at least \
         20 people including five children were killed in the blast.",
    );
    assert_eq!(t.killed, Some(12));
}

#[test]
fn a_victim_word_modifying_a_thing_counts_no_one() {
    assert_eq!(
        totals(
            "The death toll of a terrorist attack near the port is rising. Officials said 30 \
             people were killed."
        )
        .killed,
        Some(30)
    );
    assert_eq!(
        claims("A rebel attack killed a soldier."),
        [killed(1, "soldier")]
    );
}

#[test]
fn civilians_after_children_are_the_wider_group() {
    let t = totals(
        "Nine children died when shells hit the school. The monitor said 23 civilians were \
         killed in the shelling.",
    );
    assert_eq!((t.killed, t.killed_civilians), (Some(23), Some(23)));
    // Fewer civilians than children leave the figure as it is.
    let t = totals(
        "Nine children died when shells hit the school. The monitor said five civilians were \
         killed in the shelling.",
    );
    assert_eq!(t.killed_civilians, Some(9));
}

#[test]
fn a_whole_that_includes_a_sides_figure_replaces_it() {
    let t = totals(
        "An air strike killed seven rebel fighters on Monday. The strike killed 40 rebel \
         fighters including seven commanders, the monitor said.",
    );
    assert_eq!((t.killed, t.killed_noncivilians), (Some(40), Some(40)));
}

#[test]
fn a_singular_noun_after_an_active_verb_is_one_victim() {
    assert_eq!(
        claims("The gun went off, killing the driver instantly."),
        [killed(1, "driver")]
    );
    // With the people listed beside it: one plus two.
    let t = totals("Police say the man shot and killed his wife and two children on Sunday.");
    assert_eq!(t.killed, Some(3));
}

#[test]
fn a_verb_after_to_or_nearly_names_no_event() {
    let t = totals("He had threatened to kill his neighbour before the fire.");
    assert_eq!(t.killed, None);
    let t = totals("The bullet nearly killed the guard, who was treated and released.");
    assert_eq!(t.killed, None);
    let t = totals("The bullet struck the driver in the head but not killing him.");
    assert_eq!(t.killed, None);
    // A noun after "not" is no verb: "charged with manslaughter and not murder".
    assert_eq!(totals("He was shot and killed on Sunday.").killed, Some(1));
    // "No one died": not a count of one.
    let t = totals("Three people were hurt in the crash. No one died.");
    assert_eq!((t.killed, t.injured), (None, Some(3)));
}

#[test]
fn two_verbs_joined_by_a_comma_share_their_subject() {
    let t = totals("Teenager shot, killed outside store");
    assert_eq!((t.killed, t.injured), (Some(1), Some(0)));
}

#[test]
fn counted_killings_and_multiple_homicides() {
    assert_eq!(
        totals("A man was charged in the four slayings.").killed,
        Some(4)
    );
    assert_eq!(
        totals("Police are still investigating the triple shooting.").injured,
        Some(3)
    );
    assert_eq!(
        totals("The gunman killed two clerks before fatally shooting himself.").killed,
        Some(3)
    );
}

#[test]
fn another_counts_one_more_person() {
    let t = totals("The crash left two people dead and another injured.");
    assert_eq!((t.killed, t.injured), (Some(2), Some(1)));
    let t = totals("The attacker killed three guards and wounded another before he fled.");
    assert_eq!((t.killed, t.injured), (Some(3), Some(1)));
    // "Another" before a number is no count of its own.
    let t = totals("Five people were killed and another 12 were wounded.");
    assert_eq!((t.killed, t.injured), (Some(5), Some(12)));
}

#[test]
fn adjectives_before_a_victim_noun_after_the_verb() {
    assert_eq!(
        claims("The raid killed 15 unarmed civilians in the market."),
        [killed(15, "unarmed civilians")]
    );
}

#[test]
fn aid_volunteers_are_civilians_and_mercenaries_combatants() {
    let t = totals("The strike on the convoy killed 12 volunteers and two drivers.");
    assert_eq!(t.killed_civilians, Some(12));
    let t = totals("The ministry said its jets killed 40 mercenaries near the border.");
    assert_eq!(
        (t.killed_civilians, t.killed_noncivilians),
        (Some(0), Some(40))
    );
}

#[test]
fn the_attackers_death_told_twice_counts_once() {
    let t = totals(
        "A man shot two neighbours dead before killing himself. \
         Police said the man then turned the gun on himself in the yard.",
    );
    assert_eq!(t.killed, Some(3));
}

#[test]
fn labels_and_ages_are_no_counts() {
    assert_eq!(
        totals("Image 9 of 9 A woman was found dead in her home.").killed,
        Some(1)
    );
    // The age is no count (the child before it is not read past the age: a gap).
    assert_eq!(
        totals("A child under the age of 10 was killed on Sunday.").killed,
        None
    );
    assert_eq!(
        totals("8 yo girl killed by gunfire near the highway").killed,
        Some(1)
    );
    // An article after a label word still counts its one person.
    assert_eq!(
        totals("Photo A man was killed in the crash.").killed,
        Some(1)
    );
}

#[test]
fn both_counts_two() {
    let t = totals("Both men were killed, and three others were injured.");
    assert_eq!((t.killed, t.injured), (Some(2), Some(3)));
    assert_eq!(
        totals("The gunman fired into the van, killing both.").killed,
        Some(2)
    );
    // "Both" beside a number is no count of its own.
    assert_eq!(totals("The two guards were both wounded.").injured, Some(2));
}

#[test]
fn a_headlines_last_week_dates_the_news() {
    let t = totals("Police name teen fatally shot last week\n\nThe family asked for privacy.");
    assert_eq!(t.killed, Some(1));
    // In the body, "last week" is an earlier event.
    let t = totals(
        "Police name suspect\n\nOfficers said a man was arrested. A teen was fatally shot last week.",
    );
    assert_eq!(t.killed, None);
}

#[test]
fn struck_and_killed() {
    assert_eq!(
        totals("The boy was struck and killed by a stray bullet.").killed,
        Some(1)
    );
}

#[test]
fn a_much_lower_figure_from_another_claimant_is_no_disagreement() {
    let view = |spans: &[(Span, &str)]| AttributionView {
        attributions: spans
            .iter()
            .map(|(s, name)| AttributionItem {
                content: vec![*s],
                source: Some(SourceItem {
                    span: Span::new(0, 1),
                    text: name.to_string(),
                    name: Some(name.to_string()),
                }),
                in_boilerplate: false,
            })
            .collect(),
    };
    let text = "The monitor said 40 people were killed in the strikes. \
                The governor said 30 people were killed. \
                A witness said 10 people were killed.";
    let first = text.find("The monitor").unwrap();
    let second = text.find("The governor").unwrap();
    let third = text.find("A witness").unwrap();
    let att = view(&[
        (Span::new(first, second), "monitor"),
        (Span::new(second, third), "governor"),
        (Span::new(third, text.len()), "witness"),
    ]);
    // 30 disagrees with 40 (the lowest stands); 10 is less than half of it: a part.
    let layer = stage().layer(text, None, Some(&att));
    assert_eq!(layer.totals.killed, Some(30));
}

#[test]
fn a_qualified_article_after_a_verb_is_no_count() {
    // "injured over a four-day stretch": "over a" is no count of the injured.
    let t = totals(
        "Officials said 84 people were killed and another 659 injured over a four-day stretch of fighting.",
    );
    assert_eq!((t.killed, t.injured), (Some(84), Some(659)));
}

#[test]
fn suffocation_and_injury_of() {
    let t = totals(
        "Three civilians were killed and more than twenty others suffered from suffocation.",
    );
    assert_eq!((t.killed, t.injured), (Some(3), Some(20)));
    let t = totals("The bomb led to the killing of one person and the injury of 40 others.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(40)));
}

#[test]
fn a_sentence_repeated_word_for_word_counts_once() {
    let text = "Five people were killed in the town on Monday.\n\n\
                Two more people died in hospital.\n\n\
                Two more people died in hospital.";
    assert_eq!(totals(text).killed, Some(7));
}

#[test]
fn a_toll_including_the_attacker_holds_his_death() {
    // His death told later is already in the count.
    let text = "Four people were dead, including the gunman, after the siege.\n\n\
                Police said he killed himself as officers closed in.";
    assert_eq!(totals(text).killed, Some(4));
    // Without "including", his death adds to the people he killed.
    let text = "The man killed three people at the store before killing himself.";
    assert_eq!(totals(text).killed, Some(4));
}

#[test]
fn an_emergency_line_number_is_no_count() {
    let t = totals("Officers found the 911 caller's brother dead in the kitchen.");
    assert_eq!(t.killed, Some(1));
    assert_eq!(
        totals("A 911 call came in after two men were shot.").injured,
        Some(2)
    );
}

#[test]
fn a_singular_victim_listed_beside_a_count_is_one_more() {
    assert_eq!(totals("Mother, 3 sons dead in house fire").killed, Some(4));
    assert_eq!(
        totals("Police: Grandfather and two children found dead in the car").killed,
        Some(3)
    );
    assert_eq!(
        totals("Investigators said his wife and four children were found dead.").killed,
        Some(5)
    );
    // A place or a time before the count is no person.
    assert_eq!(totals("In Dayton, two men were killed.").killed, Some(2));
}

#[test]
fn a_fuller_list_in_a_later_sentence_replaces_the_figure() {
    let text = "Five people were killed in the attack on Monday.\n\n\
                Three soldiers and three civilians were killed, the army said.";
    assert_eq!(totals(text).killed, Some(6));
    // A list that adds up to the figure breaks it down.
    let text = "Five people were killed in the attack on Monday.\n\n\
                Two soldiers and three civilians were killed, the army said.";
    assert_eq!(totals(text).killed, Some(5));
}

#[test]
fn a_relative_beside_fighters_is_no_civilian_victim() {
    let t = totals("The commander's son and 20 other fighters were killed in the raid.");
    assert_eq!(t.killed_civilians, Some(0));
}

#[test]
fn one_wounded_then_dead_counts_as_dead_only() {
    let t = totals("He suffered a gunshot wound to the head and died at the scene.");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
    // A death told before the wounded person is someone else's.
    let t = totals("A man was killed on the porch. The woman was wounded and is recovering.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(1)));
    // So is the attacker's.
    let t = totals("The officer was wounded in the leg. Police then killed the gunman.");
    assert_eq!(t.injured, Some(1));
}

#[test]
fn a_name_with_its_age_set_off_by_commas() {
    assert_eq!(totals("Marcus Lee, 24, died at the scene.").killed, Some(1));
    assert_eq!(
        totals("The driver, Ann Ortiz, 31, was shot and killed on the porch.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Dale Fenn, 19, was shot in the leg on Monday.").injured,
        Some(1)
    );
    // A list of people with their ages is no apposition.
    assert_eq!(totals("Police said 3, 4, 5 officers arrived.").killed, None);
}

#[test]
fn one_of_the_victims() {
    assert_eq!(
        totals("Four people were shot. One of the victims died at the hospital.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Four people were shot. One of them was killed.").killed,
        Some(1)
    );
    assert_eq!(
        totals("Four people were shot; two of the four victims later died.").killed,
        Some(2)
    );
    // With a participle the outcome is the inner count's.
    assert_eq!(
        totals("One of four victims killed in the ambush was a nurse.").killed,
        Some(4)
    );
    // A part of people named before only sets a floor.
    assert_eq!(
        totals("Dozens were treated, three of whom died. At least 40 people died in the attack.")
            .killed,
        Some(40)
    );
}

#[test]
fn a_gunshot_wound_leaves_the_fate_unstated() {
    let t = totals("Police found two men suffering from gunshot wounds. One of them died.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(1)));
}

#[test]
fn a_second_verb_after_a_short_phrase_shares_the_subject() {
    // (The one shot is the one dead: no one injured.)
    let t = totals("Toddler shot in the head, killed in Elm County");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
    let t = totals("A student who was shot at a party on Friday and died later was named.");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
}

#[test]
fn a_wounded_subject_who_died() {
    let t = totals("A man who was shot outside a bar on Friday has died.");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
    let t = totals("A woman wounded in the crossfire at the club died at the hospital.");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
}

#[test]
fn a_death_whose_subject_was_left_out() {
    let t = totals("He was taken to a hospital on Elm Street and later died.");
    assert_eq!(t.killed, Some(1));
    let t = totals("The woman was treated at the scene, but died an hour later.");
    assert_eq!(t.killed, Some(1));
    let t = totals("Ortiz was rushed to a hospital with a wound to the chest and died.");
    assert_eq!(t.killed, Some(1));
    // Not a person: no one counted.
    let t = totals("The case went to trial and died in committee.");
    assert_eq!(t.killed, None);
    let t = totals("His daughter had vowed to stay and die in the town.");
    assert_eq!(t.killed, None);
}

#[test]
fn a_video_playlist_is_no_news() {
    let text = "Two men were wounded on Elm Street on Friday.\n\n0:43 Man found dead in \
        park\n\n1:12 Council votes on budget\n2:05 Fatal crash closes road\n";
    let t = totals(text);
    assert_eq!((t.killed, t.injured), (None, Some(2)));
    // A clock time is no running time.
    let t = totals("9:30 PM A man was killed.\n10:15 PM Two others were shot.");
    assert_eq!(t.killed, Some(1));
}

#[test]
fn a_crime_named_as_a_category_or_intent_is_no_death() {
    assert_eq!(
        totals("The task force works to reduce homicide in the county.").killed,
        None
    );
    assert_eq!(
        totals("He faces two counts of assault with intent to commit murder.").killed,
        None
    );
    assert_eq!(
        totals("Tips about any unsolved homicide are welcome.").killed,
        None
    );
}

#[test]
fn animals_are_no_casualties() {
    let t = totals("The shot killed the boy and injured one of the family dogs.");
    assert_eq!((t.killed, t.injured), (Some(1), None));
}

#[test]
fn a_death_from_a_gunshot_wound() {
    let t = totals("Teen Dies From Gunshot Wound In Elm County");
    assert_eq!((t.killed, t.injured.unwrap_or(0)), (Some(1), 0));
}

#[test]
fn injuries_suffered_and_gunshot_wounds_found() {
    let t = totals("Officers found two men dead and three others with gunshot wounds.");
    assert_eq!((t.killed, t.injured), (Some(2), Some(3)));
    let t = totals("Two of the victims sustained non-life-threatening injuries.");
    assert_eq!(t.injured, Some(2));
    // A road's number is no count.
    let t = totals("A man was found in a trailer park on Hwy 150 with a gunshot wound.");
    assert!(t.injured.unwrap_or(0) <= 1);
}

#[test]
fn people_shot_besides_the_dead_are_injured() {
    let t = totals("One man was killed and four others were shot.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(4)));
    // Without "others" the dead may be among those shot.
    let t = totals("Five people were shot, one fatally.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(4)));
}

#[test]
fn a_partitive_subject_of_a_death_told_further_on() {
    let t =
        totals("One of the five people hospitalized after the shooting on Elm Street has died.");
    assert_eq!(t.killed, Some(1));
    let t = totals("One of five victims in Elm Street shooting dies");
    assert_eq!(t.killed, Some(1));
}

#[test]
fn parts_after_a_short_phrase() {
    let t = totals("At least 17 people were killed in the attack among them 13 police officers.");
    assert_eq!((t.killed, t.killed_noncivilians), (Some(17), Some(13)));
    let t = totals("Eight people were killed on Tuesday, among them four children.");
    assert_eq!((t.killed, t.killed_civilians), (Some(8), Some(4)));
}

#[test]
fn a_count_among_a_larger_toll_is_a_part() {
    let t = totals("Six civilians were among at least 22 people killed in the raids.");
    assert_eq!((t.killed, t.killed_civilians), (Some(22), Some(6)));
    let t = totals("Six civilians including a child were among 22 people killed in the raids.");
    assert_eq!((t.killed, t.killed_civilians), (Some(22), Some(6)));
}

#[test]
fn counts_among_the_dead_are_parts_of_the_toll() {
    let t = totals(
        "Air strikes killed 30 people in the town. Twelve children and 11 fighters were among the dead.",
    );
    assert_eq!(
        (t.killed, t.killed_civilians, t.killed_noncivilians),
        (Some(30), Some(12), Some(11))
    );
    // Without a toll before them, no claim.
    assert_eq!(totals("Four children were among the dead.").killed, None);
}

#[test]
fn an_age_written_apart_is_no_count() {
    assert_eq!(
        totals("A 12 year-old girl was killed in a hunting accident.").killed,
        Some(1)
    );
    assert_eq!(
        totals("A 16 year old boy was shot at a party.").injured,
        Some(1)
    );
    assert_eq!(
        totals("A 12-year-old girl was killed in the crash.").killed,
        Some(1)
    );
}

#[test]
fn another_in_critical_condition() {
    let t = totals("One dead, another in critical condition after shooting");
    assert_eq!((t.killed, t.injured), (Some(1), Some(1)));
}

#[test]
fn a_headline_drops_its_articles() {
    // A bare victim noun after a verb or after a preposition's participle is one person.
    let t = totals("Woman charged with fatally shooting toddler\n\nThe arrest came on Friday.");
    assert_eq!(t.killed, Some(1));
    let t = totals("Man kills neighbor after argument over fence\n\nNo one else was hurt.");
    assert_eq!(t.killed, Some(1));
    // A participle after a noun begins a compound: "shooting victim" tells no shooting.
    let t = totals("Oak Park shooting victim named by police\n\nHer family spoke on Sunday.");
    assert_eq!(t.injured, None);
    // The same words in the body, with no headline, count no one.
    let t = totals("Police said the woman was charged with fatally shooting toddler in the case.");
    assert_eq!(t.killed, None);
}

#[test]
fn a_bare_subject_opens_a_headline_clause() {
    // After a colon, a dash or a word that opens a clause.
    let t = totals("Sheriff: Boy shot, killed near a pond\n\nDeputies came at noon.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(0)));
    let t = totals("Town mourns after 9-year-old shot at a party\n\nThe girl is recovering.");
    assert_eq!(t.injured, Some(1));
    // A present tense is active: the deputy shot, the teenager was wounded.
    let t = totals("Report: Retired deputy shoots, wounds teenager\n\nThe teen is stable.");
    assert_eq!(t.injured, Some(1));
    // Title case is no name: "Dead From Gunshot Wound" is no subject of "Wound".
    let t = totals("Police: River Town Teen Dead From Gunshot Wound\n\nAn autopsy is planned.");
    assert_eq!((t.killed, t.injured), (Some(1), None));
}

#[test]
fn a_fuller_list_replaces_a_groups_figure_too() {
    // One person counted without a number, then a list of the dead in a later sentence:
    // the list is the fuller count, of all the dead and of the civilians alike.
    let t = totals(
        "Three held after shooting that killed woman\n\n\
         Police said a woman and a child were killed in the house on Friday.",
    );
    assert_eq!((t.killed, t.killed_civilians), (Some(2), Some(2)));
}

#[test]
fn a_toll_told_without_a_killer_holds_the_attackers_death() {
    // "Four dead", "found dead": all the dead, the man who then shot himself among them.
    let t = totals(
        "Four dead in apparent murder-suicide at a farmhouse\n\n\
         Deputies said the man shot three relatives before turning the gun on himself.",
    );
    assert_eq!(t.killed, Some(4));
    // "He killed three": his victims; his own death is one more.
    let t = totals("He killed three coworkers at the plant on Monday and then killed himself.");
    assert_eq!(t.killed, Some(4));
}

#[test]
fn the_parts_of_a_larger_figure_set_aside_are_set_aside() {
    // The first toll stands; the higher one and its children go together.
    let t = totals(
        "The strike killed 58 people in the town on Tuesday, the monitor said.\n\n\
         Activists said more than 100 people were killed, including 25 children.",
    );
    assert_eq!((t.killed, t.killed_civilians), (Some(58), None));
    // The parts of a smaller count are parts of the toll too.
    let t = totals(
        "Air strikes killed nearly 50 people in the town over two days.\n\n\
         On Tuesday 25 people including seven women were killed in the strikes.",
    );
    assert_eq!((t.killed, t.killed_civilians), (Some(50), Some(7)));
}

#[test]
fn groups_adding_up_to_far_more_than_the_toll_count_other_dead() {
    // The battle's toll is context, not a fuller count of the bombing's dead.
    let t = totals(
        "A car bomb killed 12 people at the market on Monday, the monitor said.\n\n\
         The battle for the city has claimed the lives of 129 soldiers, the army said.",
    );
    assert_eq!((t.killed, t.killed_noncivilians), (Some(12), None));
    // A little more than the toll is a fuller count of the same dead.
    let t = totals(
        "Five people were killed in the attack on Monday.\n\n\
         Three soldiers and three civilians were killed, the army said.",
    );
    assert_eq!(t.killed, Some(6));
}

#[test]
fn an_existentials_count_among_the_dead_is_a_part() {
    let t =
        totals("The monitor said 58 people were killed. There were 11 children among the dead.");
    assert_eq!((t.killed, t.killed_civilians), (Some(58), Some(11)));
}

#[test]
fn a_number_before_a_singular_verb_is_no_count() {
    // An age whose closing comma was dropped: "24 was shot" is one man.
    let t = totals(
        "Three men were wounded. Carl Ames, 24 was shot in the chest and Roy Poe, 26 was shot in the leg.",
    );
    assert_eq!(t.injured, Some(3));
    // "IS" in capitals names the group, not a verb.
    assert_eq!(
        totals("18 IS fighters were killed in the clashes.").killed,
        Some(18)
    );
}

#[test]
fn as_well_as_joins_counts() {
    let t = totals(
        "Fighting has also killed 30 regime fighters as well as 50 rebels, the monitor said.",
    );
    assert_eq!((t.killed, t.killed_noncivilians), (Some(80), Some(80)));
    // A count with an outcome word of its own is of that outcome, not more dead.
    let t = totals("The hospital received the bodies of 44 victims as well as 140 injured people.");
    assert_eq!(t.killed, Some(44));
}

#[test]
fn a_number_in_square_brackets_is_a_reference_mark() {
    let t = totals("Her sister hid in a closet;[11] Ana Ruiz was reportedly shot there.");
    assert_eq!(t.injured, Some(1));
}

#[test]
fn a_count_before_a_passive_outcome_is_its_subject() {
    // Past the auxiliaries, the count belongs to the outcome after it, not to "killed".
    let t = totals("Besides those killed, at least 160 people were injured, the monitor said.");
    assert_eq!((t.killed, t.injured), (None, Some(160)));
    // "Reported" between the auxiliary and the outcome.
    let t =
        totals("Three civilians were killed. Seven others were reported injured in the attack.");
    assert_eq!((t.killed, t.injured), (Some(3), Some(7)));
}

#[test]
fn an_acronym_names_a_group_only_in_capitals() {
    // The verb "is" is no "IS": the man is one person of no stated side.
    let l = layer("A 30-year-old man is dead after a shooting on Elm Street.");
    let v = l.claims[0].victims.as_ref().unwrap();
    assert_eq!(
        (v.text.as_str(), v.group),
        ("30-year-old man", VictimGroup::Unknown)
    );
    let t = totals("A 30-year-old man is dead after a shooting on Elm Street.");
    assert_eq!((t.killed, t.killed_noncivilians), (Some(1), None));
    // In capitals it still names the jihadists.
    let l = layer("Nine IS fighters were killed near the town.");
    let v = l.claims[0].victims.as_ref().unwrap();
    assert_eq!(
        (v.group, v.side),
        (VictimGroup::Combatants, Some(Side::Jihadist))
    );
}

#[test]
fn people_named_without_a_number_after_and() {
    // An object list: each person named by a determiner and a singular noun is one.
    let t = totals("Police said the man shot his 6-year-old niece and his 30-year-old cousin.");
    assert_eq!(t.injured, Some(2));
    let t = totals("Police said he wounded her and her teenage son at the house.");
    assert_eq!(t.injured, Some(2));
    // A subject list: "another" opens a list item, and an article after "and" names
    // another person (after a comma it may name the same one again).
    let t = totals("Another man and a woman were wounded at the gate.");
    assert_eq!(t.injured, Some(2));
    let t = totals("His brother and a woman were wounded by the gunfire.");
    assert_eq!(t.injured, Some(2));
    let t = totals("The gunman shot the clerk, a 40-year-old man, in the arm.");
    assert_eq!(t.injured, Some(1));
}

#[test]
fn a_shorter_list_later_names_some_of_the_dead() {
    // The lead's toll, then two of its dead named: still 40.
    let t = totals(
        "Forty civilians were killed in shelling on the city on Sunday.\n\n\
         The shells struck a market, killing a baker and his wife.",
    );
    assert_eq!(t.killed, Some(40));
    // The attacker's own death, listed after his victims, is one more.
    let t = totals(
        "Two children were shot dead in the house on Sunday.\n\n\
         Police said the gunman shot the boys before killing himself.",
    );
    assert_eq!(t.killed, Some(3));
}

#[test]
fn a_determiner_before_the_count() {
    assert_eq!(
        claims("Police said the man killed his three sons at the farm."),
        [killed(3, "sons")]
    );
    // An age after the determiner is no count: one person.
    assert_eq!(
        claims("Police said the man killed his 3-year-old son at the farm.")
            .iter()
            .map(|c| c.1)
            .collect::<Vec<_>>(),
        [1]
    );
}

#[test]
fn a_subject_that_opens_a_sentence_and_takes_an_object_is_the_attacker() {
    let l = layer("Violence on Elm Street\n\nThe gunman shot the guards at the gate.");
    assert!(
        l.claims.iter().all(|c| c
            .victims
            .as_ref()
            .is_none_or(|v| !v.text.contains("gunman"))),
        "{:?}",
        l.claims
    );
}

#[test]
fn scores_alone_beside_an_outcome_word_count_people() {
    let t = totals(
        "Eight civilians were killed in the raid and scores were injured, the monitor said.",
    );
    assert_eq!((t.killed, t.injured), (Some(8), Some(20)));
    let t = totals("The jets struck the market, killing eight civilians and wounding scores more.");
    assert_eq!(t.injured, Some(20));
    // Not a count of people elsewhere.
    let t = totals("Eight civilians were killed on Sunday as test scores were published.");
    assert_eq!(t.injured, None);
}

#[test]
fn people_treated_for_gas_are_injured() {
    let t = totals(
        "Two people died and 40 others were affected by the gas in the village, medics said.",
    );
    assert_eq!((t.killed, t.injured), (Some(2), Some(40)));
    let t = totals("The shells caused over 15 cases of asphyxiation among residents on Monday.");
    assert_eq!(t.injured, Some(15));
}

#[test]
fn the_shooting_that_wounded_someone_who_died_is_no_new_claim() {
    let t = totals("A man who was wounded in a drive-by shooting on Sunday has died, police said.");
    assert_eq!((t.killed, t.injured), (Some(1), None));
}

#[test]
fn a_day_is_no_name() {
    // "Sunday has died" names nobody: one man, counted once.
    let l = layer("A man who was wounded in a shooting on Sunday has died, police said.");
    assert_eq!(l.claims.len(), 1);
    assert_eq!(l.claims[0].outcome, Outcome::Killed);
}

#[test]
fn a_wounded_person_who_died_after_a_numbered_street() {
    let t = totals("A woman who was shot on 42nd Street on Friday has died, police said.");
    assert_eq!((t.killed, t.injured), (Some(1), None));
}

#[test]
fn struck_by_a_bullet_is_shot() {
    let t = totals("A 10-year-old girl was struck by a stray bullet while she slept, police said.");
    assert_eq!((t.killed, t.injured), (None, Some(1)));
}

#[test]
fn wounding_the_other_is_one_more() {
    let t = totals("The gunman fired on two guards, killing one and wounding the other.");
    assert_eq!((t.killed, t.injured), (Some(1), Some(1)));
    // "One shot the other": shot, and likely the dead person told before.
    let t = totals("A 6-year-old boy died on Sunday. Police believe one brother shot the other.");
    assert_eq!(t.injured, None);
}

#[test]
fn neither_nor_denies() {
    let t = totals(
        "The driver died at the scene. Neither the passenger nor the other driver was injured.",
    );
    assert_eq!((t.killed, t.injured), (Some(1), None));
}

#[test]
fn a_subject_before_a_phrase_set_off_by_commas() {
    let t = totals("One of them, identified as 30-year-old Jon Doe, died at a hospital.");
    assert_eq!(t.killed, Some(1));
    let t = totals("One man, a 45-year-old father of three, was pronounced dead at the scene.");
    assert_eq!(t.killed, Some(1));
    // A phrase with an outcome word of its own is a clause, not an apposition.
    let t = totals("The man, who was wounded, and his wife were taken away by police.");
    assert_eq!(t.killed, None);
}

#[test]
fn a_subject_before_a_phrase_set_off_by_dashes_or_brackets() {
    let t = totals("Three people -- including a 2-year-old girl -- were wounded in the shooting.");
    assert_eq!(t.injured, Some(3));
    let t = totals("Three people (one of them a teenager) were wounded in the shooting.");
    assert_eq!(t.injured, Some(3));
}

#[test]
fn did_not_survive_is_a_death() {
    let t = totals("The 17-year-old was rushed to a hospital but did not survive, police said.");
    assert_eq!(t.killed, Some(1));
    let t = totals("The girl was taken off life support on Sunday, her family said.");
    assert_eq!(t.killed, Some(1));
}

#[test]
fn mortally_wounded_is_killed_and_treated_and_released_is_injured() {
    let t = totals("A guard was mortally wounded in the attack on Sunday.");
    assert_eq!((t.killed, t.injured), (Some(1), None));
    let t = totals("Two bystanders were treated and released from a local hospital.");
    assert_eq!(t.injured, Some(2));
}

#[test]
fn people_with_injuries_are_injured() {
    let t = totals("Police found two men with serious injuries outside the bar.");
    assert_eq!(t.injured, Some(2));
    let t = totals("Officers found three men suffering gunshot wounds in the car.");
    assert_eq!(t.injured, Some(3));
}

#[test]
fn a_previous_shooting_is_background() {
    let t = totals(
        "Four people were wounded at the corner on Sunday. The victims were mourning a \
         friend who was killed in a previous shooting at the same spot.",
    );
    assert_eq!((t.killed, t.injured), (None, Some(4)));
}
