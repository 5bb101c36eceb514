//! Text no tenant wrote: the wording of a landlord's privacy notice, where
//! organisations, roles, laws and places look like names and are not
//! (issue 16, fourth round), through the real `disclose` binary. Texts
//! written for these tests, one for each pattern the seeds' privacy notices
//! showed; a person named in the same words is still found.

use disclose_fixtures::disclose;

use crate::assert_names;

/// The person names `disclose detect FILE --json` finds in `text`.
fn names(text: &str) -> Vec<String> {
    disclose!().detect_kind(text, "person_name")
}

fn assert_no_names(text: &str) {
    assert_eq!(names(text), Vec::<String>::new(), "in {text:?}");
}

#[test]
fn an_abbreviation_spelled_out_once_is_no_name_anywhere() {
    assert_no_names(
        "We have a Data Protection Officer (DPO) to check our work. \
         The DPO is the Head of Governance.",
    );
}

#[test]
fn a_role_of_two_words_is_not_one_word_of_it() {
    assert_no_names("We may tell Local Authorities, Social Services and the Police.");
}

#[test]
fn the_plural_of_an_ordinary_word() {
    assert_no_names("Reports go to the Authorities, police or council.");
}

#[test]
fn nationalities_and_languages() {
    assert_no_names("We follow English Data Protection law and send letters in Welsh on request.");
}

#[test]
fn towns_on_rivers() {
    assert_no_names("Our offices are in Stoke on Trent and Burton upon Trent.");
}

#[test]
fn saints_with_a_full_stop() {
    assert_no_names("Our head office is at 1 St. Peter's Square, the other on St. Mary's Street.");
}

#[test]
fn words_run_together_by_pdf_extraction() {
    assert_no_names(
        "By post:The Lettings TeamRiverside9 Edward StreetAshbyGreater ManchesterSK2 4XY",
    );
}

#[test]
fn a_job_title_after_a_cue_word() {
    assert_no_names("If you are a tenant Liaison Officer, tell us.");
}

#[test]
fn a_person_in_the_same_words_is_still_found() {
    assert_eq!(
        names("Our Data Protection Officer (DPO), Gwendolyn Ashcroft, reads every request. Mr English wrote."),
        ["Gwendolyn Ashcroft", "Mr English"]
    );
}

#[test]
fn a_holiday_a_county_street_and_a_carers_firm_are_no_names() {
    assert_names(
        "Her nephew Kofi has stayed since Easter. The shop on Yorkshire Hill shut.\n\
         Visit walk: Cheshire Green, 4 April\n\
         Raised by: Dana Whitfield (support worker, Caring Angels)\n",
        &["Kofi", "Dana Whitfield"],
    );
}

/// A building's or an institution's name whose words the name lists hold as
/// surnames ("Center", "Blood", "Health") is no person: "the Brinnington
/// Health Center", "Heald Green Medical Centre", "the Mossley Road Library".
#[test]
fn an_institutions_name_ending_in_a_buildings_word_is_no_name() {
    assert_no_names(
        "Bring it to the Hollins Health Center or the Walker Blood Center North entrance.\n\
         The Brady Medical Centre and the Foster Library open at nine.\n",
    );
    assert_names("Ann Foster rang from the Foster Library.", &["Ann Foster"]);
}

/// A school, a residents' group, a pub or a shop named with a given name or
/// a surname, the organisation's word one or two words after it: "Lum Head
/// Primary", "Arden Residents Association", "the Hollins Arms Hotel". A
/// person before the same words is still a person.
#[test]
fn a_school_a_residents_group_or_a_pub_named_after_someone_is_no_name() {
    assert_no_names(
        "Her boys go to Brindle Head Primary. Marlow Residents Association sent a petition. \
         They drink in the Hollins Arms Hotel and shop at Kershaw Food Stores.",
    );
    assert_names(
        "Brenda Hollins rang about the Kershaw Food Stores van.",
        &["Brenda Hollins"],
    );
}

/// A form's heading of words joined by a hyphen is no name: "SIGN-UP
/// CHECKLIST", "CHECK-IN FORM"; a double-barrelled name still is.
#[test]
fn a_headings_hyphenated_words_are_no_name() {
    assert_no_names("SIGN-UP CHECKLIST\nCHECK-IN FORM\nMOVE-OUT INSPECTION\n");
    assert_names(
        "SIGN-UP CHECKLIST\nTenant: Aisha Brook-Okafor\n",
        &["Aisha Brook-Okafor"],
    );
}

/// Countries, nationalities in lower case and days in the plural are no
/// names ("moved back to Poland", "her polish mate", "on Fridays"); a
/// country next to a given name is a surname ("Chris England",
/// "England, Chris").
#[test]
fn countries_lower_case_nationalities_and_plural_days_are_no_names() {
    assert_no_names("She moved back to Poland. her polish mate comes on Fridays. soo tired.");
    assert_names(
        "Chris England rang. From: England, Chris\n",
        &["Chris England", "England, Chris"],
    );
}

#[test]
fn us_street_and_building_abbreviations_name_places() {
    let d = disclose!();
    let text = "Directions: take the Jesse Rayburn Hwy north, exit at Kirby Pkwy; the Tanner \
                Bldg is on the left, past Dawson Blvd.\n";
    assert_eq!(d.detect_kind(text, "person_name"), Vec::<String>::new());
}
