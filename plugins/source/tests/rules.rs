//! One test per rule of the stage, on sentences written for these tests.

use std::path::PathBuf;

use newsproc_layers::source::{BoilerplateKind, CreditRole, OutletEvidenceKind, SourceLayer};
use newsproc_sdk::Stage;
use newsproc_stage_source::{Config, SourceStage};

/// The stage with the built-in lists, built once for all tests.
fn stage() -> &'static SourceStage {
    static STAGE: std::sync::OnceLock<SourceStage> = std::sync::OnceLock::new();
    STAGE.get_or_init(|| SourceStage::new(Config::default()).unwrap())
}

fn layer(text: &str) -> SourceLayer {
    stage().layer(text)
}

/// Each credit's role and names, in order.
fn credit_names(l: &SourceLayer) -> Vec<(CreditRole, Vec<String>)> {
    l.credits
        .iter()
        .map(|c| (c.role, c.names.clone()))
        .collect()
}

fn dateline(text: &str) -> Option<(String, Option<String>)> {
    layer(text)
        .dateline
        .map(|d| (d.span.of(text).to_owned(), d.place))
}

fn boilerplate(text: &str) -> Vec<(BoilerplateKind, String)> {
    layer(text)
        .boilerplate
        .iter()
        .map(|b| (b.kind, b.span.of(text).to_owned()))
        .collect()
}

const BODY: &str = "The council voted on Tuesday to reopen the bridge, officials said.";

// ---- Datelines -------------------------------------------------------------------------

#[test]
fn dateline_house_styles() {
    let cases = [
        ("LIMA (Reuters) - ", "LIMA (Reuters) -", Some("LIMA")),
        (
            "OSLO/BERGEN (Reuters) - ",
            "OSLO/BERGEN (Reuters) -",
            Some("OSLO/BERGEN"),
        ),
        (
            "FRESNO, Calif. (AP) — ",
            "FRESNO, Calif. (AP) —",
            Some("FRESNO"),
        ),
        (
            "LONDON, Jan. 9 (UPI) — ",
            "LONDON, Jan. 9 (UPI) —",
            Some("LONDON"),
        ),
        ("Denver (CNN) – ", "Denver (CNN) –", Some("Denver")),
        ("MADRID -- ", "MADRID --", Some("MADRID")),
        ("Homs SANA- ", "Homs SANA-", Some("Homs")),
        // After a headline, a place the lists know, in title case.
        (
            "Shells hit the city 6 October 2016 Homs SANA-",
            "Homs SANA-",
            Some("Homs"),
        ),
        (
            "KIEV, May 2. /TASS/. ",
            "KIEV, May 2. /TASS/.",
            Some("KIEV"),
        ),
        ("TOPEKA, Kan. — ", "TOPEKA, Kan. —", Some("TOPEKA")),
        ("CAIRO—", "CAIRO—", Some("CAIRO")),
        ("(Reuters) - ", "(Reuters) -", None),
    ];
    for (head, span, place) in cases {
        let text = format!("{head}{BODY}");
        assert_eq!(
            dateline(&text),
            Some((span.to_owned(), place.map(str::to_owned))),
            "{text}"
        );
    }
}

#[test]
fn dateline_region_and_date_fields() {
    let text = format!("LONDON, Jan. 9 (UPI) — {BODY}");
    let d = layer(&text).dateline.unwrap();
    assert_eq!(d.date.as_deref(), Some("Jan. 9"));
    assert_eq!(d.agency.as_deref(), Some("UPI"));
    let text = format!("SEOUL, South Korea (AP) — {BODY}");
    let d = layer(&text).dateline.unwrap();
    assert_eq!(d.region.as_deref(), Some("South Korea"));
    assert_eq!(d.agency.as_deref(), Some("Associated Press"));
}

#[test]
fn stripped_copy_dateline_after_a_headline() {
    // Copy without punctuation or line breaks: headline, then the dateline, no dash.
    let text = "Rockets Hit Market in Idlib MOSCOW (Sputnik) According to the ministry three \
                people were hurt in the attack on Monday.";
    assert_eq!(
        dateline(text),
        Some(("MOSCOW (Sputnik)".into(), Some("MOSCOW".into())))
    );
}

#[test]
fn kickers_and_credits_are_not_datelines() {
    for text in [
        format!("FLOODS RETURN — {BODY}"),
        format!("PARTY TIME FOR ALL — {BODY}"),
        // A bracketed credit after a caption, inside the text.
        format!("{BODY} A man walks past the wreck. (AFP) The mayor said more was needed."),
        // A senator's party, not a source.
        format!("Sen. Jane Roe (D-N.Y.) — {BODY}"),
    ] {
        assert_eq!(dateline(&text), None, "{text}");
    }
}

#[test]
fn unlisted_place_needs_a_region_or_a_source() {
    assert_eq!(dateline(&format!("SMALLVILLE — {BODY}")), None);
    assert!(dateline(&format!("SMALLVILLE, Kan. — {BODY}")).is_some());
    assert!(dateline(&format!("SMALLVILLE (Reuters) - {BODY}")).is_some());
}

#[test]
fn byline_before_a_placeless_dateline() {
    let text = format!("By Jane Roe (Reuters) - {BODY}");
    let l = layer(&text);
    assert_eq!(l.dateline.unwrap().span.of(&text), "(Reuters) -");
    assert_eq!(l.credits[0].role, CreditRole::Byline);
    assert_eq!(l.credits[0].names, ["Jane Roe"]);
}

#[test]
fn dateline_after_header_lines() {
    let text = format!("Jane Roe and John Doe\nUSA TODAY\nBOSTON — {BODY}");
    let l = layer(&text);
    assert_eq!(l.dateline.unwrap().place.as_deref(), Some("BOSTON"));
    assert_eq!(l.outlet.as_deref(), Some("USA TODAY"));
    assert_eq!(l.credits[0].names, ["Jane Roe", "John Doe"]);
}

// ---- Wire agencies ------------------------------------------------------------------------

#[test]
fn agencies_from_datelines_sign_offs_credits_and_copyright() {
    let cases = [
        (format!("LIMA (Reuters) - {BODY}"), vec!["Reuters"]),
        (format!("{BODY}\n--AFP"), vec!["AFP"]),
        (format!("{BODY} - REUTERS"), vec!["Reuters"]),
        (
            format!("{BODY}\nThe Associated Press contributed to this report."),
            vec!["Associated Press"],
        ),
        (
            format!("{BODY}\nContributing: The Associated Press"),
            vec!["Associated Press"],
        ),
        (
            format!("{BODY}\nCopyright 2030 The Associated Press. All rights reserved."),
            vec!["Associated Press"],
        ),
        (format!("{BODY}\nSource: AFP"), vec!["AFP"]),
        (
            format!("{BODY} (With AFP and Reuters)"),
            vec!["AFP", "Reuters"],
        ),
        (
            format!("{BODY}\n(Reporting by Reuters staff; Editing by Jane Roe)"),
            vec!["Reuters"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(layer(&text).wire_agencies, want, "{text}");
    }
}

#[test]
fn reporting_by_an_agency_is_not_its_copy() {
    let text = format!("{BODY} A witness told Reuters the blast shook the street.");
    assert!(layer(&text).wire_agencies.is_empty());
    // Nor is a photo credit.
    let text = format!("{BODY}\nA man walks past the wreck. (AP Photo/Jane Roe)");
    assert!(layer(&text).wire_agencies.is_empty());
}

// ---- Outlet -----------------------------------------------------------------------------

#[test]
fn outlet_from_its_own_matter() {
    let cases = [
        (
            format!("{BODY}\nCopyright © 2030 The Washington Times, LLC."),
            "The Washington Times",
        ),
        (format!("{BODY}\nSign up for Slate's newsletter."), "Slate"),
        (format!("Washington (CNN) – {BODY}"), "CNN"),
        (
            format!("{BODY} Politico has learned that the vote was moved."),
            "Politico",
        ),
        (
            format!("{BODY} The mayor did not respond to Axios' request for comment."),
            "Axios",
        ),
        (
            format!("{BODY}\nPhotographer: Jane Roe/Bloomberg"),
            "Bloomberg",
        ),
        (
            format!("{BODY}\nVisit Business Insider's homepage for more stories."),
            "Business Insider",
        ),
        // Chrome glued to the line before it in copy that lost its line breaks.
        (
            format!("{BODY} Talk about this story with others. ShareComment via Al Jazeera"),
            "Al Jazeera",
        ),
        (
            format!("{BODY} The map shows the new lines, as CNN said.\nIllustration by Vox"),
            "Vox",
        ),
        // A broadcast naming itself, and a source answering the outlet (with another
        // outlet named, so that neither is the only one).
        (
            format!(
                "{BODY}\nThis is Democracy Now!, the news hour. We turn now to the port, first shown on CNN."
            ),
            "Democracy Now",
        ),
        (
            format!(
                "{BODY} In response to an inquiry from The Washington Post, the agency said it would reopen, as CNN said."
            ),
            "Washington Post",
        ),
        // The outlet's own briefings named in its related links.
        (
            format!(
                "{BODY} Lawmakers return The Hill's Morning Report - Senate votes today MORE said, as CNN said."
            ),
            "The Hill",
        ),
        // Its correspondent on location, its podcast's sign-on, its author speaking of
        // it as their house, its attempts to reach people (each with another outlet
        // named, so that neither is the only one).
        (
            format!(
                "{BODY} Al Jazeera's Jane Roe, reporting from Lima, said the talks stalled, as CNN said."
            ),
            "Al Jazeera",
        ),
        (
            format!(
                "From The New York Times, I\u{2019}m Jane Roe. This is the show.\n{BODY} CNN said so."
            ),
            "The New York Times",
        ),
        (
            format!("{BODY} As I wrote for Politico last year, the vote was close, CNN said."),
            "Politico",
        ),
        (
            format!("{BODY} She was my colleague at National Review, as CNN said."),
            "National Review",
        ),
        (
            format!(
                "{BODY} Neither responded to messages left by The Washington Post, as CNN said."
            ),
            "Washington Post",
        ),
        (
            format!(
                "{BODY} The ministry said in a statement to Axios that it would wait, CNN said."
            ),
            "Axios",
        ),
        // Its graphics desk, and the note on how it did the study it reports.
        (
            format!("{BODY}\nData: the census; Chart: Axios Visuals\n{BODY} CNN said so."),
            "Axios",
        ),
        (
            format!(
                "{BODY}\nMethodology\nMedia Matters searched the transcripts of CNN and MSNBC."
            ),
            "Media Matters",
        ),
        // Its source line for copy compiled from the wires.
        (
            format!("{BODY} (TRT World and Agencies) The talks stalled, CNN said."),
            "TRT World",
        ),
        // An agency's masthead: a date after the headline, then its name.
        (
            format!(
                "Shells hit the old city 6 October 2016 SANA Members of the council met. {BODY}"
            ),
            "SANA",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(layer(&text).outlet.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn wire_copy_is_the_agency_s_unless_a_publisher_says_otherwise() {
    let text = format!("LIMA (Reuters) - {BODY}");
    assert_eq!(layer(&text).outlet.as_deref(), Some("Reuters"));
    let text = format!(
        "LIMA (Reuters) - {BODY}\nA Message from The Moscow Times:\nPlease support us.\nRemind me later."
    );
    assert_eq!(layer(&text).outlet.as_deref(), Some("The Moscow Times"));
}

#[test]
fn citations_do_not_name_the_publisher() {
    for text in [
        // Reporting by an agency says nothing of who published the text.
        format!("{BODY} A witness told Reuters the blast shook the street. - REUTERS"),
        // One outlet cited among others.
        format!("{BODY} The mayor told CNN on Sunday he would resign, The New York Times said."),
        // A photo credit of an agency.
        format!("{BODY}\nThe square at night. Photographer: Jane Roe/AFP via Getty Images"),
        // Another outlet's photographer, the photo bought from a distributor.
        format!("{BODY}\nThe square at night. (Jane Roe/Bloomberg via Getty Images)"),
        // A distributor of columns.
        format!("{BODY}\n© 2030 King Features Syndicate"),
        format!("{BODY}\n© 2030, The Washington Post Writers Group"),
        // The first publisher of a republished text.
        format!("{BODY}\nThis article originally appeared on Slate."),
        format!("{BODY}\nIt was republished with the permission of Salon.com."),
        // Every outlet a republication note names.
        format!(
            "Editor's note: The following column first appeared in The Hill newspaper and on TheHill.com.\n{BODY}"
        ),
        // A date line opening the text, then a headline that names an agency.
        format!("6 October 2016 SANA Reporter Wins Prize\n{BODY}"),
        // A person.
        format!("{BODY} Former mayor Michael Bloomberg said it was a mistake."),
        // Other outlets' named reporters, polls and interviews.
        format!(
            "{BODY} CNN reporter Jane Roe asked first. CNN reporter John Doe asked too, Fox News said."
        ),
        format!(
            "{BODY} A CNN poll found support. He said in an interview with CNN that it was close, Fox News said."
        ),
    ] {
        assert_eq!(layer(&text).outlet, None, "{text}");
    }
}

#[test]
fn a_paragraph_led_by_a_staff_report_is_the_outlet_s() {
    for text in [
        format!(
            "{BODY}\nNPR's Jane Roe reports that the bridge will stay shut until spring.\n{BODY}"
        ),
        format!(
            "{BODY}\nNPR correspondent Jane Roe reports that the bridge will stay shut.\n{BODY}"
        ),
    ] {
        assert_eq!(layer(&text).outlet.as_deref(), Some("NPR"), "{text}");
    }
    // Told in the past, or inside the writer's own sentence, the report is cited.
    for text in [
        format!("{BODY}\nNPR's Jane Roe reported that the bridge will stay shut.\n{BODY}"),
        format!("{BODY}\nAs NPR's Jane Roe reports, the bridge will stay shut.\n{BODY}"),
        format!("{BODY} The bridge will stay shut, NPR's Jane Roe reports that officials said."),
    ] {
        assert_eq!(layer(&text).outlet, None, "{text}");
    }
}

#[test]
fn the_author_s_colleagues_at_the_outlet() {
    for text in [
        format!("{BODY} As my Vox colleague Jane Roe has argued, the vote was late."),
        format!("{BODY}\nOur Vox colleagues have mapped every closed bridge."),
    ] {
        assert_eq!(layer(&text).outlet.as_deref(), Some("Vox"), "{text}");
    }
    let text = format!("{BODY} As my former Vox colleague Jane Roe has argued, it was late.");
    assert_eq!(layer(&text).outlet, None);
}

#[test]
fn a_signed_column_is_its_author_s() {
    let cases = [
        // A syndicate's copyright line after the author's note.
        format!(
            "{BODY}\n\u{2014} Maria Okafor is a senior fellow at the Harbour Institute.\n© 2030 King Features Syndicate"
        ),
        // The editor's note opening a commentary, with its disclaimer; the dateline
        // names only the house that runs this copy.
        format!(
            "Editor\u{2019}s note: Sen. Maria Okafor is a member of the transport committee. The opinions expressed in this commentary are her own.\n\nWashington (CNN) \u{2013} {BODY}"
        ),
        // A contact note and a syndicated columnist.
        format!(
            "{BODY}\nMaria Okafor's email address is maria@example.org. She is a syndicated columnist."
        ),
        // An age in apposition.
        format!(
            "{BODY}\nMaria Okafor, 52, is the author of six books.\n© 2030 Tribune Content Agency, LLC"
        ),
    ];
    for text in cases {
        let l = layer(&text);
        assert_eq!(l.outlet.as_deref(), Some("Maria Okafor"), "{text}");
        assert!(
            l.outlet_evidence
                .iter()
                .all(|e| e.how == OutletEvidenceKind::SignedColumn),
            "{text}"
        );
    }
    // The house's own copyright line names the publisher; a body paragraph before a
    // syndicate's line is no author's note; a syndicate's line alone names no author.
    let house = format!(
        "{BODY}\nMaria Okafor is a senior fellow at the Harbour Institute. The views expressed are her own.\nCopyright © 2030 The Washington Times, LLC."
    );
    assert_eq!(
        layer(&house).outlet.as_deref(),
        Some("The Washington Times")
    );
    for text in [
        format!(
            "{BODY}\nWhat Maria Okafor's plan suggests is a longer wait.\n© 2030 King Features Syndicate"
        ),
        format!(
            "{BODY}\nThe Harbour Council, like every council, is in recess.\n© 2030 King Features Syndicate"
        ),
        format!("{BODY}\n© 2030 King Features Syndicate"),
    ] {
        assert_eq!(layer(&text).outlet, None, "{text}");
    }
}

#[test]
fn an_unlisted_outlet_named_in_its_appeal() {
    let text = format!(
        "{BODY}\nA Message from The Harbour Ledger:\nDear readers, we need your help.\nRemind me later."
    );
    assert_eq!(layer(&text).outlet.as_deref(), Some("The Harbour Ledger"));
}

// ---- Boilerplate ------------------------------------------------------------------------

#[test]
fn boilerplate_kinds() {
    use BoilerplateKind::*;
    let cases = [
        ("Advertisement", Advertisement),
        ("Story continues below advertisement", Advertisement),
        ("Read more: The long road home", Links),
        ("Share this article: Facebook Twitter Email", Links),
        ("You can follow me on Twitter at @janeroe.", Links),
        ("Become a member for as little as $5 a month.", Appeal),
        ("From The Example Review; reprinted with permission.", Note),
        (
            "Sign up for our daily newsletter, delivered to your inbox.",
            Newsletter,
        ),
        (
            "Copyright 2030 Example Media. All rights reserved.",
            Copyright,
        ),
        ("© 2030 Example Media", Copyright),
        (
            "Correction: An earlier version of this story misspelled a name.",
            Correction,
        ),
        ("The views expressed are the author's own.", Note),
        ("This story is being updated.", Note),
        ("Support independent journalism: chip in $5 today.", Appeal),
        (
            "Harbour Trips Be the first to hear about our reader voyages.",
            Newsletter,
        ),
        ("Further reading:", Links),
        // Publishing-system placeholders and section labels.
        ("[pullquote]", Advertisement),
        ("Opinion", Header),
        ("Series: The Long Drought", Header),
        ("What's next", Header),
        (
            "A lightly edited transcript of our conversation follows.",
            Note,
        ),
        (
            "This article is based in part on wire service reports.",
            Trailer,
        ),
        (
            "The opinions in this column are solely those of the author.",
            Note,
        ),
        (
            "This report contains material from the Associated Press",
            Trailer,
        ),
    ];
    for (line, kind) in cases {
        let text = format!("{BODY}\n{line}\n{BODY}");
        assert_eq!(boilerplate(&text), [(kind, line.to_owned())], "{line}");
    }
}

#[test]
fn an_outlet_describing_itself_is_a_note_and_its_news_is_not() {
    let note = "ProPublica is a nonprofit newsroom that investigates abuses of power.";
    let text = format!("{BODY}\n{note}");
    assert_eq!(
        boilerplate(&text),
        [(BoilerplateKind::Note, note.to_owned())]
    );
    let text = format!("{BODY}\nProPublica is looking to grow its newsroom next year.\n{BODY}");
    assert_eq!(boilerplate(&text), []);
}

#[test]
fn a_note_ends_where_a_lost_paragraph_break_follows() {
    let note = "The statements below were posted online. The opinions expressed are his own. The Daily Meridian has not edited them.";
    let text = format!(
        "{note}  @mayor : - We will reopen the bridge on Monday and repair the road by June, and nobody will stop us."
    );
    assert_eq!(
        boilerplate(&text),
        [(BoilerplateKind::Note, note.to_owned())]
    );
}

#[test]
fn captions_are_neither_boilerplate_nor_body() {
    for line in [
        "A crowd gathers outside the court. (AP Photo/Jane Roe)",
        "Photo: Jane Roe for The Example",
        "The bridge at dawn. Jane Roe/Getty Images",
    ] {
        let text = format!("{BODY}\n{line}\n{BODY}");
        let l = layer(&text);
        assert!(l.boilerplate.is_empty(), "{line}");
        let got: Vec<&str> = l.captions.iter().map(|c| c.of(&text)).collect();
        assert_eq!(got, [line]);
        assert_eq!(l.body.len(), 2, "{line}");
        assert!(l.outside_body(l.captions[0]));
    }
}

#[test]
fn body_paragraphs_that_mention_cues_stay() {
    for line in [
        "Residents can sign up for the program at city hall until Friday, the mayor said.",
        "The senator said the bill was not a bargaining chip in the budget talks.",
        "Police said the suspect sent a message from a prepaid phone before the attack.",
        "He said the campaign would support candidates who back the measure.",
        "— Jane Roe, The Example Review",
        "The clip spread on Facebook before it was shared on Twitter and on Instagram.",
        "On Twitter, it is mostly reporters and sources I follow for my beat.",
        "The logs are kept for as little as a day before they are deleted, the audit found.",
        "In a letter to me (reprinted with permission), the mayor wrote that she would stay.",
    ] {
        let text = format!("{BODY}\n{line}\n{BODY}");
        assert!(boilerplate(&text).is_empty(), "{line}");
    }
}

#[test]
fn an_appeal_runs_from_opener_to_closer() {
    let text = format!(
        "{BODY}\nA Message from The Example:\nDear readers,\nWe face hard times. Our reporters need you.\nRemind me later.\n{BODY}"
    );
    let b = boilerplate(&text);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].0, BoilerplateKind::Appeal);
    assert!(b[0].1.starts_with("A Message from") && b[0].1.ends_with("Remind me later."));
    // The body is the rest, and a span in the appeal is in boilerplate.
    let l = layer(&text);
    assert_eq!(l.body.len(), 2);
    let claim = text.find("Our reporters").unwrap();
    assert!(l.in_boilerplate(newsproc_sdk::Span::new(claim, claim + 13)));
}

#[test]
fn run_on_copy_gets_spans_inside_its_one_paragraph() {
    let body = BODY.repeat(12);
    let text = format!(
        "(Corrects the name of the minister in paragraph 2) LIMA (Reuters) - {body} Reporting by Jane Roe Editing by John Doe Our Standards: The Example Trust Principles."
    );
    let b = boilerplate(&text);
    let kinds: Vec<BoilerplateKind> = b.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [BoilerplateKind::Correction, BoilerplateKind::Copyright]
    );
    // The credit line between them is a credit, outside the body.
    let l = layer(&text);
    assert_eq!(l.credits.len(), 2);
    let credits_end = l.credits[1].span.end;
    assert!(
        l.body
            .iter()
            .all(|s| s.end <= l.credits[0].span.start || s.start >= credits_end)
    );
    assert!(b[0].1.starts_with("(Corrects") && b[0].1.ends_with("paragraph 2)"));
    assert_eq!(
        layer(&text).dateline.unwrap().span.of(&text),
        "LIMA (Reuters) -"
    );
}

// ---- Credits ----------------------------------------------------------------------------

#[test]
fn desk_credits() {
    let text = format!(
        "{BODY}\nReporting by Jane Roe in Lima and John Doe in Quito; Additional reporting by Ann Lee; Editing by Bo Chan"
    );
    let l = layer(&text);
    let got = credit_names(&l);
    assert_eq!(
        got,
        [
            (
                CreditRole::Reporting,
                vec!["Jane Roe".to_owned(), "John Doe".to_owned()]
            ),
            (CreditRole::AdditionalReporting, vec!["Ann Lee".to_owned()]),
            (CreditRole::Editing, vec!["Bo Chan".to_owned()]),
        ]
    );
    // Credit lines are the article's own: not boilerplate, not body.
    assert!(l.boilerplate.is_empty());
    assert_eq!(l.body.len(), 1);
    // A dash may open the line; an outlet's staff member names the outlet.
    let text = format!("{BODY}\n\u{2014} Additional reporting by CNBC's Ann Lee.");
    let l = layer(&text);
    assert_eq!(
        credit_names(&l),
        [(CreditRole::AdditionalReporting, vec!["Ann Lee".to_owned()])]
    );
    assert_eq!(l.outlet.as_deref(), Some("CNBC"));
}

#[test]
fn contributions_after_a_dash_and_with_initials() {
    let text = format!("{BODY}\n\u{2014}Jane Roe and M.J. Lee contributed to this article.");
    let l = layer(&text);
    let got = credit_names(&l);
    assert_eq!(
        got,
        [(
            CreditRole::Contributed,
            vec!["Jane Roe".to_owned(), "M.J. Lee".to_owned()]
        )]
    );
    assert!(l.boilerplate.is_empty(), "{:?}", l.boilerplate);
}

#[test]
fn contact_lines_are_credits() {
    let text = format!(
        "{BODY}\nWrite to Jane Roe at jane.roe@example.com and John Doe at john.doe@example.com"
    );
    let l = layer(&text);
    let got = credit_names(&l);
    assert_eq!(
        got,
        [(
            CreditRole::Contact,
            vec!["Jane Roe".to_owned(), "John Doe".to_owned()]
        )]
    );
    assert!(l.boilerplate.is_empty());
    assert_eq!(l.body.len(), 1);

    let text = format!(
        "{BODY}\nAnn Lee can be reached at ann.lee@example.org. Bo Chan can be reached at bo@example.org."
    );
    let l = layer(&text);
    let names: Vec<&str> = l
        .credits
        .iter()
        .flat_map(|c| &c.names)
        .map(|n| n.as_str())
        .collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan"]);

    // A staff address names the publisher.
    let text = format!("{BODY}\nWrite to Jane Roe at jane.roe@wsj.com");
    assert_eq!(
        layer(&text).outlet.as_deref(),
        Some("The Wall Street Journal")
    );

    // A pronoun names no one.
    let text = format!("{BODY}\nShe can be reached at ann.lee@example.org.");
    assert!(layer(&text).credits.is_empty());
    let text = format!("{BODY}\nWrite to Jane Roe and John Doe at desk@example.com");
    let names: Vec<String> = layer(&text)
        .credits
        .iter()
        .flat_map(|c| c.names.clone())
        .collect();
    assert_eq!(names, ["Jane Roe", "John Doe"]);

    // A sentence that only mentions an address is no contact line.
    let text = format!("{BODY}\nTips can be sent to tips@example.com, the council said.");
    assert!(layer(&text).credits.is_empty());
}

#[test]
fn a_role_phrase_without_names_is_no_credit() {
    let text = format!("{BODY}\nReporting by the agency found that the figures were wrong.");
    let l = layer(&text);
    assert!(l.credits.is_empty());
    assert!(l.boilerplate.is_empty());
}

#[test]
fn contributors_without_their_employer() {
    let text = format!(
        "{BODY}\nExample News' Jane Roe and Associated Press writer John Doe contributed to this report."
    );
    let l = layer(&text);
    assert_eq!(l.credits[0].role, CreditRole::Contributed);
    assert_eq!(l.credits[0].names, ["Jane Roe", "John Doe"]);
    assert_eq!(l.credits[0].agency.as_deref(), Some("Associated Press"));
}

#[test]
fn initials_and_author_notes() {
    let text = format!("{BODY}\n{BODY}\nJ. Roe / K. Doe");
    assert_eq!(layer(&text).credits[0].names, ["J. Roe", "K. Doe"]);
    let text = format!("{BODY}\n{BODY}\nJane Roe is a staff writer at The Example.");
    let l = layer(&text);
    assert_eq!(l.credits[0].names, ["Jane Roe"]);
    assert!(l.boilerplate.is_empty());
    assert_eq!(l.body.len(), 2);
    // A closing sentence about someone who is not a journalist stays in the body.
    let text = format!("{BODY}\n{BODY}\nJane Roe is the mayor of the town.");
    assert!(layer(&text).boilerplate.is_empty());
}

#[test]
fn desk_signature_run_into_the_last_sentence() {
    // Copy that lost its line breaks: the signature follows the last sentence.
    let long = BODY.repeat(12);
    let text = format!(
        "{long} A police source told SANA reporter the road was shut. R. Haddad/ Lina Saleh"
    );
    let l = layer(&text);
    let credit = l.credits.last().unwrap();
    assert_eq!(credit.span.of(&text), "R. Haddad/ Lina Saleh");
    assert_eq!(credit.names, ["R. Haddad", "Lina Saleh"]);
    // Signed copy is the agency's own: its reporter's cue names it as the publisher.
    assert_eq!(l.outlet.as_deref(), Some("SANA"));
    // The same copy unsigned is a republication: `told SANA reporter` names no publisher.
    let text = format!("{long} A police source told SANA reporter the road was shut.");
    assert_eq!(layer(&text).outlet, None);
    // A particle joined to a name is part of it; initials after a sentence's end are not
    // a sentence end themselves.
    let text = format!("{long} The road was shut. M. al-Haddad/H. Saleh/Omar");
    assert_eq!(
        layer(&text).credits.last().unwrap().names,
        ["M. al-Haddad", "H. Saleh", "Omar"]
    );
    // A poll's sponsors, lowercase words or a sentence are no signature.
    for tail in [
        "The poll was run by Reuters/Ipsos",
        "Data came from the city. Roe/Smith and others",
        "He said the road was shut. Day/night shifts",
    ] {
        let text = format!("{long} {tail}");
        assert!(
            layer(&text)
                .credits
                .iter()
                .all(|c| c.role != CreditRole::Reporting),
            "{tail}"
        );
    }
}

#[test]
fn a_broadcast_host_speaking_of_the_show() {
    let text = format!("{BODY}\n\nWe welcome you both to Democracy Now! Let us begin with you.");
    assert_eq!(layer(&text).outlet.as_deref(), Some("Democracy Now"));
    let text = format!(
        "{BODY}\n\n\"It is over,\" she told us on the \u{201C}Democracy Now!\u{201D} news hour."
    );
    assert_eq!(layer(&text).outlet.as_deref(), Some("Democracy Now"));
    // Others reporting what a guest said on the show name no publisher.
    let text = format!("{BODY}\n\n\"It is over,\" she said on Democracy Now! last week.");
    assert_eq!(layer(&text).outlet, None);
}

#[test]
fn the_outlet_trying_to_reach_people() {
    for cue in [
        "When reached for comment by The Intercept, the director declined.",
        "The mayor could not be immediately reached by BuzzFeed News.",
        "Officials declined to make her available for an interview with The Intercept.",
    ] {
        let text = format!("{BODY}\n\n{cue}");
        assert!(layer(&text).outlet.is_some(), "{cue}");
    }
    // What someone told an outlet is cited everywhere (one outlet named alone may be
    // the publisher's report; two are cited).
    let text = format!("{BODY}\n\nThe director told The Intercept and Vox she would stay.");
    assert_eq!(layer(&text).outlet, None);
}

#[test]
fn photographers_credits_opening_a_caption() {
    let outlet = |line: &str| layer(&format!("{BODY}\n\n{line}\n\n{BODY}")).outlet;
    assert_eq!(
        outlet("Jane Roe/The Christian Science Monitor The mayor speaks at a rally.").as_deref(),
        Some("Christian Science Monitor")
    );
    assert_eq!(
        outlet("Jane Roe / for NBC News").as_deref(),
        Some("NBC News")
    );
    // A photo bought from the outlet, and a poll's sponsors, are not its.
    assert_eq!(
        outlet("Jane Roe/The Christian Science Monitor via Getty Images The mayor speaks."),
        None
    );
    // (The poll is the only outlet's report: weak evidence, not a credit.)
    let text = format!("{BODY}\n\nThe Journal/NBC News poll surveyed 900 voters.");
    let evidence = layer(&text).outlet_evidence;
    assert!(
        evidence
            .iter()
            .all(|e| e.how == OutletEvidenceKind::Reporting)
    );
}

#[test]
fn the_outlet_in_the_first_person() {
    let text = format!("{BODY}\n\nWe at NewsBusters found the clip first.");
    assert_eq!(layer(&text).outlet.as_deref(), Some("NewsBusters"));
}

#[test]
fn columns_of_an_outlet_with_an_opinion_section() {
    let news = format!("{BODY}\n\nCLICK HERE TO GET THE FOX NEWS APP\n\n{BODY}");
    assert_eq!(layer(&news).outlet.as_deref(), Some("Fox News"));
    // A link to more of the columnist's work makes the text a column.
    let column = format!("{news}\n\nCLICK HERE TO READ MORE FROM JANE ROE");
    assert_eq!(layer(&column).outlet.as_deref(), Some("Fox News Opinion"));
    let column = format!("{news}\n\nClick here for more from Jane Roe.");
    assert_eq!(layer(&column).outlet.as_deref(), Some("Fox News Opinion"));
    // A link to more of the outlet's own stories does not.
    let more = format!("{news}\n\nCLICK HERE TO READ MORE FROM FOX NEWS");
    assert_eq!(layer(&more).outlet.as_deref(), Some("Fox News"));
}

// ---- Configuration ----------------------------------------------------------------------

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsproc-source-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn user_files_extend_the_lists() {
    let outlets = temp_file(
        "outlets.txt",
        "The Harbour Ledger\nLedger\tThe Harbour Ledger\n",
    );
    let places = temp_file("places.txt", "Smallville\n");
    let stage = SourceStage::new(Config {
        outlet_files: vec![outlets],
        place_files: vec![places],
        ..Config::default()
    })
    .unwrap();
    let text = format!("SMALLVILLE — {BODY} The Ledger has learned the vote was moved.");
    let l = stage.layer(&text);
    assert_eq!(l.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(l.dateline.unwrap().place.as_deref(), Some("SMALLVILLE"));
}

#[test]
fn user_files_remove_and_match_case() {
    // `!Politico` removes a built-in name; a case-sensitive file adds `HL` with exact case.
    let outlets = temp_file(
        "cased.txt",
        "#!case-sensitive\nHL\tThe Harbour Ledger\n!Politico\n",
    );
    let stage = SourceStage::new(Config {
        outlet_files: vec![outlets],
        ..Config::default()
    })
    .unwrap();
    let text = format!("{BODY} Politico has learned that the vote was moved.");
    assert_eq!(stage.layer(&text).outlet, None);
    let text = format!("{BODY} HL has learned that the vote was moved.");
    assert_eq!(
        stage.layer(&text).outlet.as_deref(),
        Some("The Harbour Ledger")
    );
    let text = format!("{BODY} Hl has learned that the vote was moved.");
    assert_eq!(stage.layer(&text).outlet, None);
}

#[test]
fn bad_user_files_are_errors_naming_the_key_file_and_line() {
    let cues = temp_file("cues.txt", "told _\tweak\ntold\tstrong\n");
    let err = SourceStage::new(Config {
        outlet_cue_files: vec![cues],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert_eq!(err.key.as_deref(), Some("outlet_cue_files"));
    assert!(err.message.contains("cues.txt:2"), "{}", err.message);
    let missing = SourceStage::new(Config {
        place_files: vec![PathBuf::from("/nonexistent/places.txt")],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert_eq!(missing.key.as_deref(), Some("place_files"));
    let kinds = temp_file("bp.txt", "Foo bar\tadverts\tline\n");
    let err = SourceStage::new(Config {
        boilerplate_files: vec![kinds],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert!(
        err.message.contains("unknown boilerplate kind"),
        "{}",
        err.message
    );
    let flags = temp_file("flags.txt", "_ staffer\tweak\tnamed\n");
    let err = SourceStage::new(Config {
        outlet_cue_files: vec![flags],
        ..Config::default()
    })
    .err()
    .unwrap();
    assert!(err.message.contains("flags.txt:1"), "{}", err.message);
}

#[test]
fn a_title_is_not_an_outlet() {
    // `Vice` (the outlet) as the first word of a title, in chrome and in the text: the
    // only outlet the text names is the one the mayor spoke to.
    let text = format!(
        "{BODY} The mayor told Politico he would meet Vice President Jane Roe.\nCorrection: An earlier version misspelled the name of Vice Admiral John Doe."
    );
    assert_eq!(layer(&text).outlet.as_deref(), Some("Politico"));
}
