//! One test per rule of the stage, on sentences written for these tests.

use newsproc_layers::attribution::{Attribution, AttributionKind, AttributionLayer, SourceKind};
use newsproc_layers::source::{Boilerplate, BoilerplateKind, OutsideBody, SourceLayer};
use newsproc_sdk::{Chain, Span, Stage, in_process};
use newsproc_stage_attribution::{AttributionStage, Config};
use newsproc_stage_source::SourceStage;

fn stage() -> AttributionStage {
    AttributionStage::new(Config::default()).unwrap()
}

fn layer(text: &str) -> AttributionLayer {
    stage().extract(text, None)
}

fn slice(text: &str, s: Span) -> &str {
    &text[s.range()]
}

/// (kind, content, source text, source name, cue) of every relation.
fn rows(text: &str) -> Vec<(AttributionKind, String, String, String, String)> {
    layer(text)
        .attributions
        .iter()
        .map(|a| row(text, a))
        .collect()
}

fn row(text: &str, a: &Attribution) -> (AttributionKind, String, String, String, String) {
    let content: Vec<&str> = a.content.iter().map(|&s| slice(text, s)).collect();
    let (src, name) = match &a.source {
        Some(s) => (s.text.clone(), s.name.clone().unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    let cue = a.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    (a.kind, content.join(" | "), src, name, cue)
}

/// The relation whose cue text is `cue` (the first one).
fn with_cue(text: &str, cue: &str) -> (AttributionKind, String, String, String, String) {
    rows(text)
        .into_iter()
        .find(|r| r.4 == cue)
        .unwrap_or_else(|| panic!("no relation with cue {cue:?} in {:?}", rows(text)))
}

use AttributionKind::*;

#[test]
fn subject_cue_that_clause() {
    let text = "The health minister said that the clinic in Ashwood would reopen on Monday.";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Indirect);
    assert_eq!(r.1, "that the clinic in Ashwood would reopen on Monday");
    assert_eq!(r.2, "The health minister");
}

#[test]
fn content_before_the_source() {
    let text = "Two bridges were closed overnight, a city engineer said.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "Two bridges were closed overnight");
    assert_eq!(r.2, "a city engineer");
    let l = layer(text);
    assert_eq!(l.sources[0].kind, SourceKind::Anonymous);
}

#[test]
fn inverted_cue_with_title_and_role() {
    let text = "The convoy turned back at the checkpoint, said Colonel Ivo Marten, a commander in the Northern Brigade.";
    let l = layer(text);
    let a = &l.attributions[0];
    let src = a.source.as_ref().unwrap();
    assert_eq!(
        slice(text, a.content[0]),
        "The convoy turned back at the checkpoint"
    );
    assert_eq!(
        src.text,
        "Colonel Ivo Marten, a commander in the Northern Brigade"
    );
    assert_eq!(src.name.as_deref(), Some("Ivo Marten"));
    assert_eq!(src.title.as_deref(), Some("Colonel"));
    assert_eq!(
        src.role.as_deref(),
        Some("a commander in the Northern Brigade")
    );
    let s = &l.sources[src.entity.unwrap()];
    assert_eq!(s.kind, SourceKind::Person);
    assert_eq!(s.affiliation.as_deref(), Some("Northern Brigade"));
}

#[test]
fn direct_quotation_before_and_after_the_cue() {
    let text = "\u{201C}We ran out of water,\u{201D} said Dr. Lena Okoro, a surgeon at the hospital. \u{201C}Then the power failed.\u{201D}";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert_eq!(
        r.1,
        "\u{201C}We ran out of water,\u{201D} | \u{201C}Then the power failed.\u{201D}"
    );
    assert_eq!(r.3, "Lena Okoro");
}

#[test]
fn straight_quotes_split_by_the_cue() {
    let text = "\"The road is open,\" the mayor said, \"but only for trucks.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"The road is open,\" | \"but only for trucks.\"");
    assert_eq!(r.2, "the mayor");
}

#[test]
fn mixed_quotation() {
    let text = "The governor said the plan was \"dead on arrival\" in the legislature.";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Mixed);
    assert_eq!(r.1, "the plan was \"dead on arrival\" in the legislature");
}

#[test]
fn appositive_subject_and_addressee() {
    let text = "Rana Haddad, director of the Lakeside Monitor, told reporters that three wells had been poisoned.";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "that three wells had been poisoned");
    assert_eq!(r.2, "Rana Haddad, director of the Lakeside Monitor");
    assert_eq!(r.3, "Rana Haddad");
}

#[test]
fn name_in_the_appositive_of_a_description() {
    let text = "A ministry spokesman, Tomas Ferreira, said the border would stay shut.";
    let l = layer(text);
    let src = l.attributions[0].source.as_ref().unwrap();
    assert_eq!(src.name.as_deref(), Some("Tomas Ferreira"));
    assert_eq!(src.role.as_deref(), Some("A ministry spokesman"));
}

#[test]
fn x_based_organisation_and_its_short_name() {
    let text = "Shelling hit the market, the London-based Coastal Observatory for Civil Rights said. \
                The Observatory said nine people died.";
    let l = layer(text);
    assert_eq!(l.sources.len(), 1, "{:?}", l.sources);
    assert_eq!(l.sources[0].name, "Coastal Observatory for Civil Rights");
    assert_eq!(l.sources[0].kind, SourceKind::Organization);
    assert_eq!(l.sources[0].mentions.len(), 2);
}

#[test]
fn acronyms_link_to_the_full_name() {
    let text = "The Western Relief Agency (WRA) said aid trucks were stuck. \
                The WRA said it would try again on Friday.";
    let l = layer(text);
    let names: Vec<&str> = l.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Western Relief Agency"], "{:?}", l.sources);
}

#[test]
fn pronouns_resolve_to_the_speaker_not_the_last_name() {
    let text = "Marta Lindqvist, the mayor, said the river had burst its banks near Holm. \
                Engineers from Vattenfall arrived at noon. \
                \"We have never seen it this high,\" she said.";
    let r = with_cue(text, "said");
    assert_eq!(r.3, "Marta Lindqvist");
    let last = rows(text).pop().unwrap();
    assert_eq!(last.2, "she");
    assert_eq!(last.3, "Marta Lindqvist");
}

#[test]
fn names_inside_quotations_are_not_antecedents() {
    let text = "Peter Novak said the talks had failed. \
                \"Maria Costa promised us a deal,\" he said.";
    let last = rows(text).pop().unwrap();
    assert_eq!(last.3, "Peter Novak");
}

#[test]
fn gender_decides_between_two_people() {
    let text = "Julia Brandt met Thomas Keller on Monday. \
                \"The border stays closed,\" she said.";
    let last = rows(text).pop().unwrap();
    assert_eq!(last.3, "Julia Brandt");
}

#[test]
fn gender_from_a_noun_before_the_name_or_in_its_appositive() {
    // Neither given name is in the list: "widow" before one name and "a father of
    // four" after the other tell the pronouns apart.
    let text = "The widow Quilla Vantrey met Doran Pelk, a father of four, on Monday. \
                \"Nobody listened to us,\" she said. \"The dam was weak,\" he said.";
    let all = rows(text);
    let she = all.iter().find(|r| r.2 == "she").unwrap();
    assert_eq!(she.3, "Quilla Vantrey");
    let he = all.iter().find(|r| r.2 == "he").unwrap();
    assert_eq!(he.3, "Doran Pelk");
}

#[test]
fn gender_from_a_pronoun_later_in_the_subjects_sentence() {
    // Neither given name is in the list; "she" after the first subject tells.
    let text = "Dr. Ardel Vantrey said she would not leave the valley. \
                Dr. Corin Pelk said the council had met twice. \
                \"We stay here,\" she said.";
    let last = rows(text).pop().unwrap();
    assert_eq!(last.2, "she");
    assert_eq!(last.3, "Ardel Vantrey");
}

#[test]
fn collective_and_anonymous_sources() {
    let text = "The town fell on Sunday, residents and witnesses said. \
                They said the shelling lasted all night. \
                The airport was hit, a security source said. \
                Officials who asked not to be named said the toll would rise.";
    let l = layer(text);
    let kinds: Vec<(String, SourceKind)> = l
        .attributions
        .iter()
        .map(|a| {
            let s = a.source.as_ref().unwrap();
            (s.text.clone(), l.sources[s.entity.unwrap()].kind)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("residents and witnesses".to_owned(), SourceKind::Group),
            ("They".to_owned(), SourceKind::Group),
            ("a security source".to_owned(), SourceKind::Anonymous),
            (
                "Officials who asked not to be named".to_owned(),
                SourceKind::Anonymous
            ),
        ]
    );
    // "They" is the residents and witnesses.
    let they = l.attributions[1].source.as_ref().unwrap();
    assert_eq!(they.name.as_deref(), Some("residents and witnesses"));
}

#[test]
fn two_sources_for_one_claim() {
    let text =
        "Troops entered the valley on Friday, the Harbor Monitor and a farmer living there said.";
    let l = layer(text);
    let src = l.attributions[0].source.as_ref().unwrap();
    assert_eq!(src.conjuncts.len(), 2);
    assert_eq!(src.conjuncts[0].text, "the Harbor Monitor");
    assert_eq!(src.conjuncts[1].text, "a farmer living there");
    assert_eq!(l.sources.len(), 2);
}

#[test]
fn according_to_in_three_places() {
    let front = "According to the fire service, two houses burned down.";
    assert_eq!(with_cue(front, "According to").1, "two houses burned down");
    assert_eq!(with_cue(front, "According to").2, "the fire service");
    let end = "Two houses burned down, according to the fire service.";
    assert_eq!(with_cue(end, "according to").1, "Two houses burned down");
    let middle = "Two houses, according to the fire service, burned down overnight.";
    assert_eq!(
        with_cue(middle, "according to").1,
        "Two houses | burned down overnight"
    );
}

#[test]
fn passive_without_a_source() {
    let text = "The ceasefire is expected to hold until the spring.";
    let l = layer(text);
    let a = &l.attributions[0];
    assert!(a.source.is_none());
    let content: Vec<&str> = a.content.iter().map(|&s| slice(text, s)).collect();
    assert_eq!(content, ["The ceasefire", "to hold until the spring"]);
}

#[test]
fn quotation_over_several_paragraphs() {
    let text =
        "\u{201C}We lost the harvest.\n\u{201C}Now we lose the village,\u{201D} the elder said.";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert!(r.1.starts_with("\u{201C}We lost the harvest."), "{}", r.1);
    assert!(r.1.ends_with("village,\u{201D}"), "{}", r.1);
}

#[test]
fn quotation_paragraphs_after_a_colon() {
    let text = "The statement read in full:\n\"We condemn the attack.\n\"We call for calm.\"\nThe council met later.";
    let l = layer(text);
    assert_eq!(l.attributions.len(), 1, "{:?}", rows(text));
    let a = &l.attributions[0];
    assert_eq!(a.kind, Direct);
    assert_eq!(a.source.as_ref().unwrap().text, "The statement");
}

#[test]
fn colon_and_dash_lead_ins() {
    let colon = "The commander put it plainly: \"No retreat.\"";
    let r = with_cue(colon, ":");
    assert_eq!(
        (r.0, r.1.as_str(), r.2.as_str()),
        (Direct, "\"No retreat.\"", "The commander")
    );
    let dash = "The statement from the ministry was blunt \u{2014} \"We will respond.\"";
    let r = with_cue(dash, "\u{2014}");
    assert_eq!(r.1, "\"We will respond.\"");
    assert_eq!(r.2, "The statement from the ministry");
}

#[test]
fn guillemets_and_unclosed_quotations() {
    let text = "A witness told the agency: \u{AB}The glass flew past me";
    let r = with_cue(text, "told");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\u{AB}The glass flew past me");
}

#[test]
fn stripped_apostrophes() {
    let text = "The army s spokesman said the Shi ite militias had withdrawn.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the Shi ite militias had withdrawn");
    assert_eq!(r.2, "The army s spokesman");
}

#[test]
fn coordinated_cue_shares_the_subject() {
    let text = "The ministry denied the report, saying that all offices were open.";
    let r = with_cue(text, "saying");
    assert_eq!(r.1, "that all offices were open");
    assert_eq!(r.2, "The ministry");
    let d = with_cue(text, "denied");
    assert_eq!(d.1, "the report");
}

#[test]
fn nouns_are_not_cues() {
    assert!(rows("He found the keys under the desk.").is_empty());
    assert!(rows("His claims drew a crowd as the so-called evidence grew.").is_empty());
    assert!(rows("A band called Greyhound played all night.").is_empty());
}

#[test]
fn relations_in_boilerplate_are_flagged_or_dropped() {
    let text = "The mayor said the bridge was safe.\nSupport our journalism, readers say.";
    let cut = text.find("Support").unwrap();
    let source = SourceLayer {
        boilerplate: vec![Boilerplate {
            span: Span::new(cut, text.len()),
            kind: BoilerplateKind::Appeal,
        }],
        ..SourceLayer::default()
    };
    let flagged = stage().extract(text, Some(&OutsideBody::from(&source)));
    let flags: Vec<bool> = flagged
        .attributions
        .iter()
        .map(|a| a.in_boilerplate)
        .collect();
    assert_eq!(flags, [false, true]);
    let dropping = AttributionStage::new(Config {
        boilerplate: "drop".into(),
        ..Config::default()
    })
    .unwrap();
    assert_eq!(
        dropping
            .extract(text, Some(&OutsideBody::from(&source)))
            .attributions
            .len(),
        1
    );
}

#[test]
fn relations_in_captions_are_flagged_as_outside_the_article() {
    let text = "The mayor said the bridge was safe.\nResidents say the river rose overnight. \
                (Photo: Lena Ortiz)";
    let cut = text.find("Residents").unwrap();
    let source = SourceLayer {
        captions: vec![Span::new(cut, text.len())],
        ..SourceLayer::default()
    };
    let flags: Vec<bool> = stage()
        .extract(text, Some(&OutsideBody::from(&source)))
        .attributions
        .iter()
        .map(|a| a.in_boilerplate)
        .collect();
    assert_eq!(flags, [false, true]);
}

#[test]
fn the_dateline_is_not_content() {
    let text = "LAKEVILLE (Newswire) - Two schools closed after the storm, officials said.";
    let end = text.find(" - ").unwrap() + 2;
    let source: SourceLayer = serde_json::from_value(serde_json::json!({
        "outlet": null,
        "wire_agencies": [],
        "dateline": {"span": [0, end], "place": "LAKEVILLE"},
        "boilerplate": [],
    }))
    .unwrap();
    let l = stage().extract(text, Some(&OutsideBody::from(&source)));
    assert_eq!(
        slice(text, l.attributions[0].content[0]),
        "Two schools closed after the storm"
    );
}

#[test]
fn cue_classes_and_bad_configuration() {
    let speech_only = AttributionStage::new(Config {
        cue_classes: vec!["speech".into()],
        ..Config::default()
    })
    .unwrap();
    let text = "Voters believe the vote was fair, the chairman said.";
    let cues: Vec<String> = speech_only
        .extract(text, None)
        .attributions
        .iter()
        .filter_map(|a| a.cue.as_ref().map(|c| c.text.clone()))
        .collect();
    assert_eq!(cues, ["said"]);
    let err = AttributionStage::new(Config {
        cue_classes: vec!["gossip".into()],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert_eq!(err.key.as_deref(), Some("cue_classes"));
    let err = AttributionStage::new(Config {
        boilerplate: "hide".into(),
        ..Config::default()
    })
    .err()
    .unwrap();
    assert_eq!(err.key.as_deref(), Some("boilerplate"));
}

#[test]
fn extra_lexicon_files_extend_and_report_errors() {
    let dir = std::env::temp_dir().join(format!("attribution-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("cues.txt");
    std::fs::write(&good, "opine\tspeech\tverb\topined, opines\n").unwrap();
    let with_extra = AttributionStage::new(Config {
        extra_cues: vec![good],
        ..Config::default()
    })
    .unwrap();
    let text = "The critic opined that the film was too long.";
    assert_eq!(with_extra.extract(text, None).attributions.len(), 1);
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "opine\tspeech\tsideways\topined\n").unwrap();
    let err = AttributionStage::new(Config {
        extra_cues: vec![bad.clone()],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert_eq!(err.key.as_deref(), Some("extra_cues"));
    assert!(err.message.contains("bad.txt:1"), "{}", err.message);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn coordinated_sources_pass_the_host_span_check() {
    // Two entity indices once looked like a span to the host: run through the protocol.
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
    ])
    .unwrap();
    let text = "Peace talks resumed, the Delta Council and a village elder said. \
                The Delta Council said so again, and the elder agreed.";
    let outcome = chain.run("t", text, false);
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
}

#[test]
fn a_circumstance_after_the_addressee_is_no_content() {
    let text = "“Nobody here wants another shutdown,” Sen. Thomas Whitfield, a Kansas \
                Republican who supports the aid, told CNN in a hallway interview.";
    let rows = rows(text);
    let told = rows
        .iter()
        .find(|r| r.4 == "told")
        .unwrap_or_else(|| panic!("no `told` relation in {rows:?}"));
    assert_eq!(told.1, "“Nobody here wants another shutdown,”");
    assert_eq!(told.3, "Thomas Whitfield");
}

#[test]
fn party_and_state_label_after_a_name() {
    // A bracketed party-and-state label closes the subject before the cue and is no
    // part of the name.
    let text = "\"The levy will not pass this year,\" Rep. Nora Quillfeather (D-Ore.) said.";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"The levy will not pass this year,\"");
    assert_eq!(r.2, "Rep. Nora Quillfeather (D-Ore.)");
    assert_eq!(r.3, "Nora Quillfeather");
    let text = "Sen. Amos Verlaine (R-N.M.) told reporters that the bridge bill was dead.";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "that the bridge bill was dead");
    assert_eq!(r.3, "Amos Verlaine");
}

#[test]
fn middle_initial_is_no_title() {
    let text = "Harriet K. Osgood said the library would stay open.";
    let l = layer(text);
    let src = l.attributions[0].source.as_ref().unwrap();
    assert_eq!(src.name.as_deref(), Some("Harriet K. Osgood"));
    assert_eq!(src.title, None);
}

#[test]
fn quotation_signed_with_a_dash() {
    let text = "Readers wrote in.\n\n\u{201c}The ferry was late again and nobody told us why.\u{201d} \u{2015} Tomas Ebbeling.\n\n\u{201c}I will keep walking to work.\u{201d}\u{2015} Ida K. Marr\n";
    let r = rows(text);
    let signed: Vec<_> = r.iter().filter(|r| r.4 == "\u{2015}").collect();
    assert_eq!(signed.len(), 2, "{r:?}");
    assert_eq!(signed[0].0, Direct);
    assert_eq!(
        signed[0].1,
        "\u{201c}The ferry was late again and nobody told us why.\u{201d}"
    );
    assert_eq!(signed[0].3, "Tomas Ebbeling");
    assert_eq!(signed[1].3, "Ida K. Marr");
    // A dash followed by a clause signs nothing.
    let text = "\u{201c}We stayed home.\u{201d} \u{2014} and the storm came anyway.";
    assert!(
        rows(text).iter().all(|r| r.4 != "\u{2014}"),
        "{:?}",
        rows(text)
    );
}

#[test]
fn quote_cue_with_a_comma_before_the_quotation() {
    let text = "The mayor spoke for an hour. She continued, \"The pool stays closed until May.\"";
    let r = with_cue(text, "continued");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"The pool stays closed until May.\"");
    assert_eq!(r.2, "She");
}

#[test]
fn naming_verb_with_an_object_pronoun() {
    // `a choir called Northsong` names; `a reporter called it ...` reports.
    let text = "A reporter at the harbour called it \"a total mess.\"";
    let r = with_cue(text, "called");
    assert_eq!(r.1, "it \"a total mess.\"");
    assert_eq!(r.2, "A reporter at the harbour");
    let text = "They hired a choir called Northsong for the evening.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
}

#[test]
fn participle_after_an_opening_phrase() {
    // The shared subject of `, saying` comes after an opening prepositional phrase.
    let text = "At the hearing, the fire chief asked for two more engines, saying, \"We cannot cover the valley.\"";
    let r = with_cue(text, "saying");
    assert_eq!(r.1, "\"We cannot cover the valley.\"");
    assert_eq!(r.2, "the fire chief");
}

#[test]
fn second_quotation_after_circumstance_or_conjunction() {
    let text =
        "\"The dam is sound,\" Pell told Radio Ashby on Friday, \"but the spillway is not.\"";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "\"The dam is sound,\" | \"but the spillway is not.\"");
    let text = "\"I admire the council,\" she said, but \"its budget is a fantasy.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Mixed);
    assert_eq!(
        r.1,
        "\"I admire the council,\" | but \"its budget is a fantasy.\""
    );
    // A quotation after the circumstance that another cue introduces is not this one's.
    let text = "\"We are done,\" Pell said at the meeting, where Ruiz replied, \"Not yet.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"We are done,\"");
}

#[test]
fn subject_with_appositive_is_not_inverted_content() {
    // `C, described X` would read the name before the comma as content; a name and its
    // appositive before the cue are its subject.
    let text = "Lorna Vasquez, a lecturer at Pellham College, described the plan as a gamble.";
    let r = with_cue(text, "described");
    assert_eq!(r.2, "Lorna Vasquez, a lecturer at Pellham College");
    assert_eq!(r.3, "Lorna Vasquez");
    // Inverted content is still read after a clause.
    let text = "The convoy turned back at the checkpoint, said Ivo Marten, a local commander.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "The convoy turned back at the checkpoint");
    assert_eq!(r.3, "Ivo Marten");
}

#[test]
fn long_addressee_runs_to_that() {
    let text = "Okafor told veteran radio host Lena Brandt on Monday that the depot would close.";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "that the depot would close");
    // Without `that`, the addressee ends where the clause starts.
    let text = "Okafor told reporters the depot would close.";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "the depot would close");
}

#[test]
fn referring_and_citing_take_an_object() {
    let text = "\"It could not get worse,\" said Dana Holt, a county clerk, referring to the flooded archive.";
    let r = with_cue(text, "referring to");
    assert_eq!(r.1, "the flooded archive");
    let text = "The council delayed the vote, citing the cost of the new bridge.";
    let r = with_cue(text, "citing");
    assert_eq!(r.1, "the cost of the new bridge");
    assert_eq!(r.2, "The council");
}

#[test]
fn opening_passive_participle_of_asking() {
    // The subject after the comma was asked; who asked is not said.
    let text = "Asked whether the ferry would run on Sunday, the harbour master shrugged.";
    let r = with_cue(text, "Asked");
    assert_eq!(r.1, "whether the ferry would run on Sunday");
    assert_eq!(r.2, "");
    let text = "When asked about the levy, Councillor Ames said it was fair.";
    let r = with_cue(text, "asked");
    assert_eq!(r.1, "about the levy");
    let r = with_cue(text, "said");
    assert_eq!(r.1, "it was fair");
}

#[test]
fn cues_of_raised_and_sung_voices() {
    let text = "\"Open the gate!\" the guard yelled. \"Now!\"";
    let r = with_cue(text, "yelled");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"Open the gate!\" | \"Now!\"");
    let text = "\"Home is where the harbour is,\" the sailors sang.";
    let r = with_cue(text, "sang");
    assert_eq!(r.2, "the sailors");
    // Without a quotation these verbs report nothing.
    assert!(rows("The children sang in the hall.").is_empty());
}

#[test]
fn long_title_with_of_before_a_name_with_an_initial() {
    let text = "Secretary of State Alma R. Fenwick said the bridge would stay shut. \
                \"We will not take that risk,\" she said.";
    let r = with_cue(text, "said");
    assert_eq!(r.3, "Alma R. Fenwick");
    let last = rows(text).pop().unwrap();
    assert_eq!(last.3, "Alma R. Fenwick");
}

#[test]
fn people_who_share_a_surname_stay_apart() {
    // "Mirela" is in no list and opens its sentence; "Dorran" is a name elsewhere.
    let text = "Keith Dorran, a 40-year-old teacher, was sitting in his car when the police \
                arrived. Mirela Dorran can be heard shouting that her husband had no gun. \
                \"Don't shoot him,\" she says.";
    let last = rows(text).pop().unwrap();
    assert_eq!(last.2, "she");
    assert_eq!(last.3, "Mirela Dorran");
}

#[test]
fn a_surname_alone_means_the_first_person_named_with_it() {
    // The senator is named first; his wife in full later. "Vell" alone is the senator.
    let text = "Senator Tomas Vell will vote for the bill. His wife, Ines Vell, was filmed \
                leaving the hall early. Delegates asked how Vell could change his mind. \
                \"The day that promise was broken, it became personal,\" he said.";
    let last = rows(text).pop().unwrap();
    assert_eq!(last.2, "he");
    // The pronoun goes to the person of the mention it was resolved through.
    assert!(last.3 == "Vell" || last.3 == "Tomas Vell", "{last:?}");
}

#[test]
fn sentence_opening_prepositions_are_not_given_names() {
    let text = "Marko Tiller spoke first. Unlike Tiller, the mayor said the dam would hold. \
                \"It will hold,\" he said.";
    for r in rows(text) {
        assert!(!r.3.contains("Unlike"), "{r:?}");
    }
}

#[test]
fn a_headline_before_the_dateline_names_the_people_of_the_body() {
    // The body calls her "Harlow" only; the headline names her in full.
    let text = "Helen Harlow Takes On The Port Authority\n\n\
                KESTON (Newswire) - On Monday night, Harlow attacked the port plan. \
                She spoke for an hour.\n\n\
                \"The port will flood,\" she said.";
    let end = text.find(" - ").unwrap() + 2;
    let source: SourceLayer = serde_json::from_value(serde_json::json!({
        "outlet": null,
        "wire_agencies": [],
        "dateline": {"span": [text.find("KESTON").unwrap(), end], "place": "KESTON"},
        "boilerplate": [],
    }))
    .unwrap();
    let l = stage().extract(text, Some(&OutsideBody::from(&source)));
    let last = l.attributions.last().unwrap();
    let name = last.source.as_ref().and_then(|s| s.name.clone());
    assert_eq!(name.as_deref(), Some("Harlow"));
}

#[test]
fn a_year_after_the_date_is_not_the_subject() {
    let text = "On July 6, 2015, Mayor Ana Ruiz made the following remark: \"We will rebuild.\"";
    let r = rows(text).pop().unwrap();
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn abbreviation_periods_inside_a_source_end_no_clause() {
    let text = "\"We will not back down,\" Orla T. Brennan, a writer for the Gazette, said. \
                \"The vote is close,\" Dan Moss, R-Ky., said Tuesday.";
    let all = rows(text);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].2, "Orla T. Brennan, a writer for the Gazette");
    assert_eq!(all[1].2, "Dan Moss, R-Ky.");
}

#[test]
fn people_close_to_a_pronoun_are_a_source() {
    let text = "Those close to him say that the governor will not run again.";
    let r = with_cue(text, "say");
    assert_eq!(r.2, "Those close to him");
    assert_eq!(r.1, "that the governor will not run again");
}

#[test]
fn a_pronoun_prefers_the_subject_of_its_own_sentence() {
    let text = "\"The bridge will hold,\" Mayor Peter Ines said on Monday. \
                Governor Karl Brandt, despite his doubts about the budget, said he does \
                believe the mayor is right.";
    let r = with_cue(text, "believe");
    assert_eq!(r.2, "he");
    assert_eq!(r.3, "Karl Brandt");
}

#[test]
fn a_participle_phrase_stays_with_its_noun() {
    let text = "Farmers marching through the town chanted \"No water, no bread.\"";
    let r = rows(text).pop().unwrap();
    assert_eq!(r.2, "Farmers marching through the town");
}

#[test]
fn delegate_is_a_title() {
    let text = "\"This is a waste of time,\" said Del. Ana Ruiz of the Virgin Islands.";
    let r = rows(text).pop().unwrap();
    assert_eq!(r.3, "Ana Ruiz");
    assert_eq!(r.2, "Del. Ana Ruiz of the Virgin Islands");
}

#[test]
fn what_a_speaker_reports_of_herself_is_one_relation() {
    let text = "Mira Olsen said she recalls the engineers being \"confused\" by the plan.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].4, "said");
    assert_eq!(
        all[0].1,
        "she recalls the engineers being \"confused\" by the plan"
    );
    // A belief reported at the head of the clause is part of the report too.
    let text = "Mira Olsen told reporters that the council expects the plan to fail.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].4, "told");
    // A quotation of someone else inside the report keeps its own speaker.
    let text = "Mira Olsen said the mayor told her: \"The plan will fail.\"";
    let all = rows(text);
    assert!(
        all.iter().any(|r| r.4 == "told" && r.2 == "the mayor"),
        "{all:?}"
    );
}

#[test]
fn source_phrase_keeps_its_name_when_the_object_after_a_preposition_is_none() {
    // `Morning` is a time word, not a noun: the source is still the name before `for`.
    let text = "\"Turnout will decide it,\" wrote Ana Ruiz for Morning Brief.";
    let r = with_cue(text, "wrote");
    assert_eq!(r.0, Direct);
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn quotation_after_a_circumstance_with_its_own_comma_goes_on() {
    let text = "\"The bridge will open in May,\" Ana Ruiz said at a meeting in Ashby, Kan., \"but the tolls are not settled.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert_eq!(
        r.1,
        "\"The bridge will open in May,\" | \"but the tolls are not settled.\""
    );
}

#[test]
fn transcript_turns() {
    let text = "The interview, in part:\n\n\"HOLM: Will the plant close?\n\n\"VARGA: Not this year. We have orders for \"two more years\" of work.\n\nAnd the union agrees.\n\n\"(LAUGHTER.)\n\n\"HOLM: And after that?\n\n\"VARGA: Nobody knows.\"";
    let all = rows(text);
    let turns: Vec<_> = all.iter().filter(|r| r.4 == ":").collect();
    assert_eq!(turns.len(), 4, "{all:?}");
    assert_eq!(turns[0].1, "Will the plant close?");
    assert_eq!(turns[0].2, "HOLM");
    assert_eq!(turns[0].0, Indirect);
    // The marks before each paragraph quote the transcript, not the turn; a quotation
    // inside the turn makes it mixed. A paragraph that does not open with a mark is no
    // part of the turn.
    assert_eq!(
        turns[1].1,
        "Not this year. We have orders for \"two more years\" of work."
    );
    assert_eq!(turns[1].0, Mixed);
    assert_eq!(turns[3].2, "VARGA");
    // No relation for the line that introduces the transcript.
    assert!(all.iter().all(|r| r.2 != "The interview"), "{all:?}");
}

#[test]
fn transcript_turn_goes_on_over_its_paragraphs_up_to_a_stage_direction() {
    let text = "HOLM: Will the plant close?\n\nVARGA: Not this year.\n\nWe have orders.\n\n(LAUGHTER)\n\nThen we will see.\n\nHOLM: And after that?";
    let all = rows(text);
    let varga = all
        .iter()
        .find(|r| r.2 == "VARGA")
        .expect("a turn of VARGA");
    assert_eq!(varga.1, "Not this year. | We have orders.");
}

#[test]
fn capitalised_labels_are_no_transcript() {
    // One label, or labels that never give the floor back, make no transcript.
    let text = "UPDATE: The plant closed on Friday.\n\nWASHINGTON: The talks resumed.\n\nCORRECTION: An earlier version misstated the date.\n\nUPDATE: The talks ended.";
    let all = rows(text);
    assert!(all.iter().all(|r| r.4 != ":"), "{all:?}");
}

#[test]
fn paragraph_after_a_cue_with_a_colon_is_a_block_quotation() {
    let text = "The mayor added:\n\nThe budget is balanced and the bridge will open in May.\n\nCouncil members disagreed.";
    let r = with_cue(text, "added");
    assert_eq!(r.0, Indirect);
    assert_eq!(
        r.1,
        "The budget is balanced and the bridge will open in May."
    );
    assert_eq!(r.2, "The mayor");
}

#[test]
fn a_number_word_after_of_ends_the_source() {
    let text = "Asked about it, the mother of three replied, \"It is meant to help every family.\"";
    let r = with_cue(text, "replied");
    assert_eq!(r.0, Direct);
    assert_eq!(r.2, "the mother of three");
}

#[test]
fn adverbs_between_the_conjunction_and_an_elided_subject_cue() {
    let text = "She then urges her brother to stay calm and repeatedly says, \"Do not do it.\"";
    let r = with_cue(text, "says");
    assert_eq!(r.1, "\"Do not do it.\"");
    assert_eq!(r.2, "She");
}

#[test]
fn signature_after_several_sentences_of_a_line() {
    let text = "Readers answered.\n\u{201c}The plan is bad. It costs too much.\u{201d} And that is all we get \u{201c}for our taxes.\u{201d} \u{2015} Mira Olsen\n";
    let r = with_cue(text, "\u{2015}");
    assert_eq!(r.0, Mixed);
    assert_eq!(r.3, "Mira Olsen");
    assert!(r.1.starts_with("\u{201c}The plan is bad."), "{r:?}");
}

#[test]
fn he_after_a_person_introduced_with_a_role() {
    // The person introduced with a role in the sentence before is the one quoted, not
    // the speaker of two sentences back.
    let text = "\"We will rebuild,\" said Tomas Brandt, the mayor.\n\nThe bridge has worried Ana Ruiz for years. That concerns Piet Varga, president of the Ashby Merchants Guild.\n\n\"Nobody is buying anything,\" he said.";
    let all = rows(text);
    let last = all.last().unwrap();
    assert_eq!(last.2, "he");
    assert_eq!(last.3, "Piet Varga", "{all:?}");
    // Someone named or cited in between takes the pronoun back.
    let text = "\"We will rebuild,\" said Tomas Brandt, the mayor.\n\nThat concerns Piet Varga, president of the Ashby Merchants Guild.\n\nBrandt dismissed what he called \"panic\" on Monday.\n\n\"Nobody is buying anything,\" he said.";
    let all = rows(text);
    let last = all.last().unwrap();
    assert_eq!(last.3, "Tomas Brandt", "{all:?}");
}

#[test]
fn it_is_the_latest_mentioned_organisation() {
    let text = "The Ashby Herald reported the closure on Monday. The article said the bridge was unsafe.\n\n\"The bridge will stay shut,\" the Herald wrote.\n\n\"Repairs have not begun,\" it added.";
    let r = with_cue(text, "added");
    assert_eq!(r.2, "it");
    assert_eq!(r.3, "Ashby Herald");
}

#[test]
fn a_verb_chain_in_ing_after_a_comma_shares_the_subject() {
    let text = "\"The tolls are too high,\" Ana Ruiz said, going on to say that the council \"never listened\" to drivers.";
    let r = with_cue(text, "say");
    assert_eq!(r.0, Mixed);
    assert_eq!(r.1, "that the council \"never listened\" to drivers");
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn a_participle_after_a_subordinator_shares_the_subject() {
    let text = "Small groups of strikers marched past the mill while chanting, \"Fair pay now.\"";
    let r = with_cue(text, "chanting");
    assert_eq!(r.1, "\"Fair pay now.\"");
    assert_eq!(r.2, "Small groups of strikers");
}

#[test]
fn a_participle_after_a_document_noun_reports_the_subject() {
    let text =
        "The council issued a statement calling the closure \"a clear mistake\" by the mayor.";
    let r = with_cue(text, "calling");
    assert_eq!(r.2, "The council");
    assert_eq!(r.1, "the closure \"a clear mistake\" by the mayor");
    let text = "Ana Ruiz posted tweets early Friday saying that the bridge was safe.";
    let r = with_cue(text, "saying");
    assert_eq!(r.2, "Ana Ruiz");
    assert_eq!(r.1, "that the bridge was safe");
}

#[test]
fn a_sentence_with_a_quotation_at_its_edge_goes_on_with_the_speaker() {
    let text = "\"The toll is fair,\" said Ana Ruiz, who runs the bridge. The mayor \"simply misread the figures.\" He has not replied.";
    let r = with_cue(text, "said");
    assert_eq!(
        r.1,
        "\"The toll is fair,\" | The mayor \"simply misread the figures.\""
    );
    assert_eq!(r.0, Mixed);
    // Not over a paragraph break, and not a sentence without a quotation at its edge.
    let text = "\"The toll is fair,\" said Ana Ruiz.\n\nThe mayor \"simply misread the figures.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"The toll is fair,\"");
    let text = "\"The toll is fair,\" said Ana Ruiz. The mayor called it \"unfair\" on Monday.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"The toll is fair,\"");
}

#[test]
fn a_long_opening_phrase_and_a_lead_in_after_it() {
    // The opening `With ...` phrase holds a relation of its own, ending at its comma;
    // the colon lead-in after it is the main clause's.
    let text = "With party leaders increasingly worried about a lack of passion for the mayor among young voters, President Ana Ruiz is rolling out a new and more personal message: \"It is about me.\"";
    let r = with_cue(text, "worried");
    assert_eq!(
        r.1,
        "about a lack of passion for the mayor among young voters"
    );
    let r = with_cue(text, ":");
    assert_eq!(r.0, Direct);
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn a_sentence_opening_cue_before_a_name_is_inverted() {
    let text = "The hearing ended early. Said Ruiz, \"We will appeal the ruling.\"";
    let r = with_cue(text, "Said");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"We will appeal the ruling.\"");
    assert_eq!(r.2, "Ruiz");
    let text = "Said Ana Ruiz, who grew up on the street, \"We were all so proud.\"";
    let r = with_cue(text, "Said");
    assert_eq!(r.1, "\"We were all so proud.\"");
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn verbs_of_manner_take_a_quotation() {
    let text = "\"They could have asked us first,\" Ana Ruiz fumed on Tuesday.";
    let r = with_cue(text, "fumed");
    assert_eq!(r.2, "Ana Ruiz");
    // Without a quotation the verb is no cue.
    assert!(rows("The engine fumed on Tuesday.").is_empty());
}

#[test]
fn a_participle_phrase_between_subject_and_cue() {
    let text =
        "Sen. Ana Ruiz (D-Ill.), noting the size of the crowd, said, \"This is a movement.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Direct);
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn the_one_a_recording_shows_saying_it() {
    let text = "The ad ends with footage of Ana Ruiz saying during the debate last week, \"That makes me smart.\"";
    let r = with_cue(text, "saying");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"That makes me smart.\"");
    assert_eq!(r.3, "Ana Ruiz");
    // Not a participle that modifies some other noun.
    assert!(rows("The ad ends with a picture of Ana Ruiz smiling.").is_empty());
}

#[test]
fn a_verb_of_manner_after_a_quotation_that_ended_its_sentence() {
    let text = "\"What a year for this town!\" Ana Ruiz shouted to the crowd.";
    let r = with_cue(text, "shouted");
    assert_eq!(r.0, Direct);
    assert_eq!(r.1, "\"What a year for this town!\"");
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn quotation_ending_on_a_word_goes_on_into_its_clause() {
    // The verb after a quoted fragment is the clause's own, not a second relation.
    let text = "The mayor said in a letter that the flyer \"falsely and knowingly\" suggests that the county backs the plan.";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Mixed);
    assert_eq!(
        r.1,
        "that the flyer \"falsely and knowingly\" suggests that the county backs the plan"
    );
}

#[test]
fn participle_after_a_relative_clause_takes_the_main_subject() {
    // `saying` hangs off the main clause (the governor), not off `who said`.
    let text = "Governor Ana Ruiz dismissed a contractor who said he was never paid, saying, \"The work was poor.\"";
    let r = with_cue(text, "saying");
    assert_eq!(r.1, "\"The work was poor.\"");
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn a_misspelt_surname_is_the_person_named_before() {
    // `Haverly` is one letter off `Haverley`: the same speaker, misspelt.
    let text = "\"The shelter is full,\" said Dana Haverley, who runs the refuge. Haverly said the town must open a second hall.";
    let r = &rows(text)[1];
    assert_eq!(r.2, "Haverly");
    assert_eq!(r.3, "Dana Haverley");
}

#[test]
fn signature_with_a_middle_initial() {
    let text = "\"The river came up in an hour and took the bridge with it.\" ― Maria A. Olsen";
    let r = with_cue(text, "―");
    assert_eq!(r.0, Direct);
    assert_eq!(r.2, "Maria A. Olsen");
}

#[test]
fn according_to_a_noun_that_is_a_cue_elsewhere() {
    // `show` is an evidence verb elsewhere; after `according to` it opens a noun phrase.
    let text = "The producer shouted at the crew every week, according to show insiders.";
    let r = with_cue(text, "according to");
    assert_eq!(r.1, "The producer shouted at the crew every week");
    assert_eq!(r.2, "show insiders");
}

#[test]
fn appositive_subject_after_an_opening_phrase_is_no_inverted_source() {
    let text = "With the vote a week away, Lena Park, an adviser to the governor, called the new poll \"a real warning\" for the party.";
    let r = with_cue(text, "called");
    assert_eq!(r.1, "the new poll \"a real warning\" for the party");
    assert_eq!(r.3, "Lena Park");
}

#[test]
fn a_year_between_the_source_and_the_cue() {
    let text = "Voters still remember the mayor, who in 2014 said the plant would close.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the plant would close");
    assert_eq!(r.2, "who");
}

#[test]
fn an_intensive_reflexive_between_source_and_cue() {
    let text = "The governor himself said on Friday that the dam would hold.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "that the dam would hold");
    assert_eq!(r.2, "The governor");
    let text = "Okafor, himself a former miner, said the pit should stay open.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the pit should stay open");
    assert_eq!(r.3, "Okafor");
}

#[test]
fn a_participle_inside_an_appositive_noun_phrase() {
    // `writing` is a cue elsewhere; in `a creative writing teacher` it is an adjective.
    let text = "Okafor, a creative writing teacher, said the library would close in May.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the library would close in May");
    assert_eq!(r.3, "Okafor");
}

#[test]
fn a_contrast_that_quotes_the_speaker_is_content() {
    let text = "Okafor said he had offers for the painting, but \"none of them were serious.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.0, Mixed);
    assert_eq!(
        r.1,
        "he had offers for the painting, but \"none of them were serious.\""
    );
    // Without a quotation the contrast is the writer's.
    let text = "Okafor said he had offers for the painting, but none came.";
    assert_eq!(with_cue(text, "said").1, "he had offers for the painting");
}

#[test]
fn a_relative_clause_appositive_may_hold_cues_of_its_own() {
    let text = "Okafor, who's thinking about running for mayor, said the budget was a mess.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the budget was a mess");
    assert_eq!(r.3, "Okafor");
}

#[test]
fn a_quantifier_stands_for_the_people_it_counts() {
    let text =
        "Voters in Ashby were asked about the bridge. Several said they would rather pay a toll.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "they would rather pay a toll");
    assert_eq!(r.2, "Several");
    // A quantifier floating off the subject of a passive is no source.
    let text = "Two men from Ashby are both charged with arson.";
    assert!(rows(text).iter().all(|r| r.2 != "both"), "{:?}", rows(text));
    // After an article the form is a noun.
    assert!(
        rows("The said bridge was closed.")
            .iter()
            .all(|r| r.4 != "said")
    );
}

#[test]
fn what_someone_called_inside_another_report_is_its_content() {
    // `what he called` lies inside the condemnation's content: one relation, not two.
    let text = "The mayor condemned what he called a \"reckless stunt\" by the council.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].4, "condemned");
    assert_eq!(
        all[0].1,
        "what he called a \"reckless stunt\" by the council"
    );
}

#[test]
fn a_belief_inside_reported_speech_is_part_of_it() {
    // `wants` lies inside what the senator said: one relation, not two.
    let text = "The senator said any candidate who wants to win the state must visit every county.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].4, "said");
    // Reported speech inside reported speech keeps its own relation when it quotes.
    let text = "The senator said the governor told him, \"The county will be fine.\"";
    assert!(rows(text).iter().any(|r| r.4 == "told"), "{:?}", rows(text));
}

#[test]
fn a_participle_keeps_the_subject_of_a_relation_removed_as_nested() {
    // `believes` goes (it is part of what she said); `adding` still has her as source.
    let text = "Sen. Ana Ruiz said she believes the plan will fail, adding that \"nobody asked the farmers.\"";
    let r = with_cue(text, "adding");
    assert_eq!(r.3, "Ana Ruiz");
}

#[test]
fn according_to_then_a_new_clause_of_the_writer() {
    let text = "Six people were hurt at the fair, according to local medics, and the mayor condemned the organisers as \"careless.\"";
    let r = with_cue(text, "according to");
    assert_eq!(r.1, "Six people were hurt at the fair");
    let r = with_cue(text, "condemned");
    assert_eq!(r.2, "the mayor");
}

#[test]
fn a_belief_inside_a_finding_is_part_of_it() {
    let text = "A county poll found that most residents want the old bridge rebuilt.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].4, "found");
}

#[test]
fn verbs_of_praise_blame_and_mention_are_cues() {
    let text = "The mayor decried the ruling as \"a gift to polluters.\" Her rival touted the new park. The senator likened the plan to \"a blank check.\"";
    let cues: Vec<String> = rows(text).into_iter().map(|r| r.4).collect();
    for cue in ["decried", "touted", "likened"] {
        assert!(cues.iter().any(|c| c == cue), "{cue} in {cues:?}");
    }
    // `thanks to` and an `encouraging` report are no relations.
    let text = "Turnout rose thanks to the new polling stations. The figures were encouraging for the mayor.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
}

#[test]
fn a_participle_opening_the_sentence_takes_the_subject_after_it() {
    let text = "Saying the dam had been neglected for years, the engineer resigned on Monday.";
    let r = with_cue(text, "Saying");
    assert_eq!(r.1, "the dam had been neglected for years");
    assert_eq!(r.2, "the engineer");
}

#[test]
fn a_relation_sharing_a_subordinate_subject_ends_with_its_clause() {
    // `added` shares `she` of the `Though` clause: its content ends at the comma.
    let text = "Though she said the fine was \"unfair\" and added that a review was due, the mayor signed the bill on Friday.";
    let r = with_cue(text, "added");
    assert_eq!(r.1, "that a review was due");
    assert_eq!(r.2, "she");
}

#[test]
fn a_dash_after_a_quotation_opens_the_writers_gloss() {
    let text =
        "The senator dismissed the plan as \"a blank check\" — a phrase she has used all year.";
    let r = with_cue(text, "dismissed");
    assert_eq!(r.1, "the plan as \"a blank check\"");
}

#[test]
fn a_pronoun_with_its_auxiliary_attached_is_a_source() {
    let text = "Ana Ruiz spoke on Monday. She’s claiming that the count was \"rigged.\"";
    let r = with_cue(text, "claiming");
    assert_eq!(r.1, "that the count was \"rigged.\"");
    assert_eq!(r.2, "She’s");
    assert_eq!(r.3, "Ana Ruiz");
    let text = "The farmers met in Ashby. They're saying the dam will not hold.";
    let r = with_cue(text, "saying");
    assert_eq!(r.1, "the dam will not hold");
    // `I'm told`: a passive, with no source.
    let text = "I'm told the dam will not hold.";
    assert!(
        rows(text).iter().all(|r| r.2.is_empty()),
        "{:?}",
        rows(text)
    );
}

#[test]
fn a_relative_clause_inside_reported_speech_is_part_of_it() {
    let text = "Ruiz mocked the rule, saying anybody who complains about it \"is not serious.\"";
    let cues: Vec<String> = rows(text).into_iter().map(|r| r.4).collect();
    assert!(cues.iter().any(|c| c == "saying"), "{cues:?}");
    assert!(!cues.iter().any(|c| c == "complains"), "{cues:?}");
}

#[test]
fn an_opening_phrase_with_amid_is_circumstance() {
    let text = "Amid the protests, the minister issued a statement calling the law \"necessary.\"";
    let r = with_cue(text, "calling");
    assert_eq!(r.2, "the minister");
}

#[test]
fn a_stance_verb_takes_its_infinitive_after_an_opening_phrase() {
    let text = "Through a spokeswoman, the mayor declined to comment on the audit.";
    let r = with_cue(text, "declined");
    assert_eq!(r.1, "to comment on the audit");
    assert_eq!(r.2, "the mayor");
    let text = "In March, the council voted to close the old bridge.";
    let r = with_cue(text, "voted");
    assert_eq!(r.1, "to close the old bridge");
    // A speech verb before `to` and a noun phrase: the circumstance of `C, X said`.
    let text = "The dam will hold, the engineer said to reporters.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "The dam will hold");
}

#[test]
fn a_stance_verb_that_measures_a_quantity_is_no_relation() {
    let text = "Support for the levy declined sharply from 58 percent to 51 percent.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
    let text = "The ministry declined to give figures.";
    assert_eq!(with_cue(text, "declined").1, "to give figures");
}

#[test]
fn a_naming_verb_ends_its_content_with_the_quoted_name() {
    // The rest of the sentence around a free relative is the writer's.
    let text = "What critics have called a \"land grab\" was approved on Monday.";
    assert_eq!(with_cue(text, "called").1, "a \"land grab\"");
    // A passive's agent, a parenthesis: the writer's.
    let text = "The minister labeled the files \"secret\" by mistake.";
    assert_eq!(with_cue(text, "labeled").1, "the files \"secret\"");
    let text = "Ruiz called the plan \"a disgrace\" (it passed anyway).";
    assert_eq!(with_cue(text, "called").1, "the plan \"a disgrace\"");
    // Joined quotations go with it; a quotation ending on a word modifies a noun.
    let text = "The senator called the budget \"weak\" and \"dishonest\" (twice).";
    assert_eq!(
        with_cue(text, "called").1,
        "the budget \"weak\" and \"dishonest\""
    );
    // A phrase of its own after the name stays.
    let text = "Ruiz called the flood \"a lesson\" about the need to plan ahead.";
    assert_eq!(
        with_cue(text, "called").1,
        "the flood \"a lesson\" about the need to plan ahead"
    );
}

#[test]
fn a_name_in_apposition_after_according_to_is_the_source() {
    let text =
        "The bridge is gone, according to a local farmer, Ana Ruiz, who said she saw it fall.";
    let r = with_cue(text, "according to");
    assert_eq!(r.1, "The bridge is gone");
    assert_eq!(r.2, "a local farmer, Ana Ruiz");
    assert_eq!(with_cue(text, "said").3, "Ana Ruiz");
    // After a document, the name opens the content.
    let text = "According to the audit summary, Ana Ruiz, an aide, kept the files.";
    let r = with_cue(text, "According to");
    assert_eq!(r.2, "the audit summary");
    assert_eq!(r.1, "Ana Ruiz, an aide, kept the files");
}

#[test]
fn a_stance_verb_coordinated_after_a_quotation_is_a_relation_of_its_own() {
    let text = "Ruiz said the audit was \"not a priority\" and declined to give a date.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the audit was \"not a priority\"");
    let r = with_cue(text, "declined");
    assert_eq!(r.1, "to give a date");
    assert_eq!(r.3, "Ruiz");
    // Without a quotation to close what was said, the verb may be the reported clause's.
    let text = "Ruiz said the army had advanced and refused to retreat.";
    assert_eq!(
        with_cue(text, "said").1,
        "the army had advanced and refused to retreat"
    );
}

#[test]
fn a_contrast_that_quotes_the_speakers_own_belief_is_still_what_was_said() {
    let text = "Ruiz says she hopes to win the seat, but she knows that \"the farmers decide.\"";
    let r = with_cue(text, "says");
    assert_eq!(
        r.1,
        "she hopes to win the seat, but she knows that \"the farmers decide.\""
    );
    assert!(
        rows(text).iter().all(|r| r.4 != "knows"),
        "{:?}",
        rows(text)
    );
}

#[test]
fn a_relative_clause_that_goes_on_to_quote_the_speaker_is_what_was_said() {
    let text = "Ruiz said she hoped for a large turnout, which \"will decide the seat.\"";
    assert_eq!(
        with_cue(text, "said").1,
        "she hoped for a large turnout, which \"will decide the seat.\""
    );
    // Without a quotation, the non-restrictive clause is the writer's.
    let text = "Ruiz said she hoped for a large turnout, which pleased her staff.";
    assert_eq!(with_cue(text, "said").1, "she hoped for a large turnout");
}

#[test]
fn a_report_retold_by_a_later_source_is_that_sources_content() {
    let text = "\"The levy is fair,\" Ruiz said, according to an account by the mayor's office.";
    let cues: Vec<String> = rows(text).into_iter().map(|r| r.4).collect();
    assert_eq!(cues, ["according to"], "{:?}", rows(text));
    assert_eq!(
        with_cue(text, "according to").1,
        "\"The levy is fair,\" Ruiz said"
    );
    let text = "Ruiz said the levy \"would never pass,\" the farmer recalled.";
    let cues: Vec<String> = rows(text).into_iter().map(|r| r.4).collect();
    assert_eq!(cues, ["recalled"], "{:?}", rows(text));
}

#[test]
fn a_measure_of_time_after_the_cue_is_circumstance() {
    let text = "The bridge will reopen in May, the ministry said on Friday, a day after a storm closed it.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "The bridge will reopen in May");
    // So a later `according to` takes the storm, and the ministry keeps its relation.
    let text = "The bridge will reopen in May, the ministry said, a day after a storm closed it, according to the police.";
    assert_eq!(with_cue(text, "said").1, "The bridge will reopen in May");
}

#[test]
fn a_quoted_phrase_that_opens_a_coordinated_subject_goes_on() {
    let text = "He said \"budget cuts\" and new fees would pay for the bridge.";
    assert_eq!(
        with_cue(text, "said").1,
        "\"budget cuts\" and new fees would pay for the bridge"
    );
    // A quotation that closes on its own punctuation ends there.
    let text = "He said: \"We will pay for it,\" and the crowd cheered.";
    assert_eq!(with_cue(text, "said").1, "\"We will pay for it,\"");
}

#[test]
fn an_opening_participle_phrase_is_circumstance_before_the_subject() {
    let text =
        "Following a late meeting, the council issued a statement calling the vote \"a mistake.\"";
    let r = with_cue(text, "calling");
    assert_eq!(r.2, "the council");
}

#[test]
fn a_given_name_that_is_also_a_modal_is_a_name_after_a_cue() {
    let text = "\"The model is expensive,\" said Will Danner, a professor of economics.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"The model is expensive,\"");
    assert_eq!(r.3, "Will Danner");
}

#[test]
fn an_inverted_source_may_be_followed_by_a_clause_of_circumstance() {
    let text = "\"We won the vote,\" said Ana Ruiz as she left the hall.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"We won the vote,\"");
    assert_eq!(r.2, "Ana Ruiz");
    // A lowercase adverb after the cue is no inverted source.
    let text = "\"We won the vote,\" Ana Ruiz said matter-of-factly as she left.";
    assert_eq!(with_cue(text, "said").2, "Ana Ruiz");
}

#[test]
fn a_time_clause_after_the_cue_leaves_the_previous_quotation_as_content() {
    let text = "\"We won the vote!\" Ana Ruiz said as she left the hall.";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "\"We won the vote!\"");
    assert_eq!(r.2, "Ana Ruiz");
}

#[test]
fn a_title_case_headline_reports_with_its_present_tense_cue() {
    let text = "Mayor Ana Ruiz Says The Bridge Will Reopen In May\n\nThe mayor spoke on Monday.";
    let r = with_cue(text, "Says");
    assert_eq!(r.1, "The Bridge Will Reopen In May");
    assert_eq!(r.2, "Mayor Ana Ruiz");
    // A capitalised cue in running text is still a name or a title.
    let text = "The ministry's Media Says program reached the United States last year.";
    assert!(rows(text).iter().all(|r| r.4 != "Says"), "{:?}", rows(text));
}

#[test]
fn a_naming_verb_ends_before_a_participle_or_new_clause_after_the_name() {
    let text = "Ruiz called the levy \"a disgrace,\" linking to a report on farm incomes.";
    assert_eq!(with_cue(text, "called").1, "the levy \"a disgrace,\"");
    let text = "Ruiz called the levy \"unfair,\" and her party has vowed to repeal it.";
    assert_eq!(with_cue(text, "called").1, "the levy \"unfair,\"");
    // A reason given for the name is part of it.
    let text = "Ruiz called the levy \"a mistake\" because few farmers can pay it.";
    assert_eq!(
        with_cue(text, "called").1,
        "the levy \"a mistake\" because few farmers can pay it"
    );
}

#[test]
fn a_retold_report_hands_its_next_quotations_to_the_teller() {
    let text = "\"The levy is fair,\" Ruiz said, according to the radio station. \"It will pass.\"";
    let cues: Vec<String> = rows(text).into_iter().map(|r| r.4).collect();
    assert_eq!(cues, ["according to"], "{:?}", rows(text));
    assert_eq!(
        with_cue(text, "according to").1,
        "\"The levy is fair,\" Ruiz said | \"It will pass.\""
    );
}

#[test]
fn an_opening_participle_cue_without_a_phrase_leaves_the_clause_its_own_cue() {
    let text = "Lashing out, Ruiz said the audit was \"a farce.\"";
    let r = with_cue(text, "said");
    assert_eq!(r.1, "the audit was \"a farce.\"");
    assert_eq!(r.2, "Ruiz");
}

#[test]
fn a_name_ending_like_a_participle_still_opens_the_subject() {
    // `Beijing` is capitalised mid-sentence too: a name, not an opening participle.
    let text = "Officials in Beijing were silent. Beijing, long wary of the talks, issued a statement calling the vote \"a provocation.\"";
    let r = with_cue(text, "calling");
    assert!(r.2.starts_with("Beijing"), "{r:?}");
}

#[test]
fn a_programme_title_after_told_is_the_addressee() {
    let text = "\"The levy is fair game,\" Ruiz told \"Morning Farm Report,\" adding nothing more.";
    let r = with_cue(text, "told");
    assert_eq!(r.1, "\"The levy is fair game,\"");
    // A quotation that is a sentence is what was told.
    let text = "Ruiz told the crowd: \"We Will Win.\"";
    assert_eq!(with_cue(text, "told").1, "\"We Will Win.\"");
}
