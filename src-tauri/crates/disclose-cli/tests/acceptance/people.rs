//! Other people in the forms a landlord's documents write them (issue 16),
//! through the real `disclose` binary, on texts written for these tests:
//! given names alone, lower case, capitals in forms, surnames that are
//! words, household lists, professionals, neighbours' house numbers; names
//! carried across a case and learned from review.

use std::fs;

use disclose_fixtures::{disclose, Disclose};
use serde_json::Value;

/// The findings of `disclose detect FILE --json` for one text.
fn detect(d: &Disclose, text: &str) -> Vec<(String, String)> {
    d.detect_text(text)
}

fn of_kind(found: &[(String, String)], kind: &str) -> Vec<String> {
    found
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| t.clone())
        .collect()
}

fn assert_names(text: &str, want: &[&str]) {
    let d = disclose!();
    let names = of_kind(&detect(&d, text), "person_name");
    assert_eq!(names, want, "in {text:?}");
}

#[test]
fn given_names_alone_in_a_narrative() {
    assert_names(
        "Heard a man's voice threatening Bernice again. Later Raymond knocked.",
        &["Bernice", "Raymond"],
    );
}

#[test]
fn names_written_in_lower_case() {
    assert_names(
        "kelly and shane were shouting at 2am. i spoke to pc dawson about it.",
        &["kelly", "shane", "pc dawson"],
    );
    assert_names("then jordan whitfield came out", &["jordan whitfield"]);
}

#[test]
fn names_in_capitals_on_forms() {
    assert_names(
        "Alleged perpetrator: GRAHAM WHITLOCK\nVictim: SHARON OYELARAN\n",
        &["GRAHAM WHITLOCK", "SHARON OYELARAN"],
    );
}

#[test]
fn surnames_that_are_words() {
    assert_names(
        "Trevor Marsh and Leanne Fields came round. Leanne said the bins at Mill Fields were full.",
        &["Trevor Marsh", "Leanne Fields", "Leanne"],
    );
}

#[test]
fn household_lists() {
    let d = disclose!();
    let found = detect(
        &d,
        "Household members:\nKieran Moss - son - DOB 12/03/2009\nTAMSIN ORRELL (partner)\n",
    );
    assert_eq!(
        of_kind(&found, "person_name"),
        ["Kieran Moss", "TAMSIN ORRELL"]
    );
    assert_eq!(of_kind(&found, "date_of_birth"), ["12/03/2009"]);
}

#[test]
fn professionals_named_with_their_role() {
    assert_names(
        "Derek Pryce (Police Community Support Officer) attended with Anwen Tudge, social worker.",
        &["Derek Pryce", "Anwen Tudge"],
    );
}

#[test]
fn a_name_found_once_is_found_again_in_any_letter_case() {
    assert_names(
        "My neighbour Marek Quinlan shouted. MAREK then left, and marek came back at 4.",
        &["Marek Quinlan", "MAREK", "marek"],
    );
}

#[test]
fn house_references_of_neighbours_and_not_other_numbers() {
    let d = disclose!();
    let found = detect(
        &d,
        "The kids from no. 21 and number 47 were banging on the door of Flat 3.\nSee Tab No. 4 and invoice number 12.\n",
    );
    assert_eq!(
        of_kind(&found, "address_line"),
        ["no. 21", "number 47", "Flat 3"]
    );
}

/// Imports `files` (name, text) into the case and runs detection over it.
fn import_and_detect(d: &Disclose, case: &str, files: &[(&str, &str)]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    d.json(&["import", "--case", case, dir.path().to_str().unwrap()]);
    d.json(&["detect", "--case", case])
}

/// The suggested or accepted name marks of the item imported from `file`.
fn names_marked_in(d: &Disclose, case: &str, file: &str) -> Vec<(String, String)> {
    let items = d.json(&["items", "--case", case]);
    let id = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"].as_str().unwrap_or_default().ends_with(file))
        .unwrap_or_else(|| panic!("no {file} in {items}"))["id"]
        .as_i64()
        .unwrap();
    let marks = d.json(&[
        "redact",
        "--case",
        case,
        "--list",
        "--item",
        &id.to_string(),
    ]);
    marks["marks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "person_name" || m["source"] == "everywhere")
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["whose"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_name_found_with_a_cue_is_found_everywhere_in_the_case() {
    let d = disclose!();
    d.new_case("P-1");
    import_and_detect(
        &d,
        "P-1",
        &[
            (
                "visit.txt",
                "PC Ravensworth attended the block on Friday.\n",
            ),
            (
                "diary.txt",
                "ravensworth was rude to me again, and number 12 heard it.\n",
            ),
        ],
    );
    assert_eq!(
        names_marked_in(&d, "P-1", "diary.txt"),
        [("ravensworth".to_string(), "third_party".to_string())],
        "the officer named with a title in one item is found in the other"
    );
    // Number 12 is the subject's own house (12 Acacia Avenue): not suggested.
    let marks = d.json(&["redact", "--case", "P-1", "--list"]);
    assert!(
        !marks["marks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"] == "number 12"),
        "{marks}"
    );
}

#[test]
fn review_teaches_later_detection_runs() {
    let d = disclose!();
    d.new_case("P-2");
    let first = import_and_detect(
        &d,
        "P-2",
        &[(
            "complaint.txt",
            "My neighbour Ysolde Pentreath plays music all night. Tiggy barks.\n",
        )],
    );
    assert!(first["suggested"].as_u64().unwrap() > 0, "{first}");
    // "Accept for this person" and "Redact everywhere".
    let accepted = d.json(&[
        "redact",
        "--case",
        "P-2",
        "--accept-suggestions",
        "--person",
        "ysolde pentreath",
    ]);
    assert_eq!(accepted["count"], 1, "{accepted}");
    let everywhere = d.json(&[
        "redact",
        "--case",
        "P-2",
        "--term",
        "Tiggy",
        "--everywhere",
        "--reason",
        "third-party",
    ]);
    assert_eq!(everywhere["count"], 1, "{everywhere}");

    // Without the case, these words are no one's name.
    let later = "ysolde pentreath and tiggy were outside again.\n";
    assert!(of_kind(&detect(&d, later), "person_name").is_empty());

    // After a new import, the case's detection run finds both in it.
    let rerun = import_and_detect(&d, "P-2", &[("later.txt", later)]);
    assert_eq!(rerun["suggested"], 2, "{rerun}");
    let found: Vec<String> = names_marked_in(&d, "P-2", "later.txt")
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(found, ["ysolde pentreath", "tiggy"]);
}

#[test]
fn a_given_name_with_a_bare_initial_and_its_full_stop() {
    // Twenty-second round, written afresh: "Night shift: Tunde B." and an
    // operative's "Kieran W." before the note goes on.
    let text = "Night shift: Tunde B.\n\
                Operative Kieran W. Called tenant - no reply.\n";
    let names = disclose!().detect_kind(text, "person_name");
    assert!(names.iter().any(|f| f == "Tunde B."), "{names:?}");
    assert!(names.iter().any(|f| f == "Kieran W."), "{names:?}");
}

/// Twenty-fourth round, written afresh: a child named with "aged" after
/// the name, though the name is also a place; a couple under two titles;
/// a family by its surname in the plural, after "the" or of a surname
/// found in the text. A plural of a given name found ("Marks & Spencer"
/// of a "Mark") stays clean.
#[test]
fn a_child_aged_a_couple_under_two_titles_and_a_family_in_the_plural() {
    assert_names(
        "Household: Jodie Kerr (tenant); Tyler, aged 9; Skye, aged 3.\n",
        &["Jodie Kerr", "Tyler", "Skye"],
    );
    assert_names(
        "Complaint from Mr & Mrs Ashdown of no. 4 and Mr and Mrs Quigley.\n",
        &["Mr & Mrs Ashdown", "Mr and Mrs Quigley"],
    );
    assert_names(
        "Mrs Pendlebury rang. The Pendleburys want a reply; the Okonkwos too.\n\
         Mark said he shops at Marks & Spencer.\n",
        &["Mrs Pendlebury", "Pendleburys", "Okonkwos", "Mark"],
    );
}

/// Twenty-fourth round, written afresh: an initial before a surname found
/// alone is part of the name ("R Hussain witnessed", a table's "| T
/// Abubakar |"); "A" opening a sentence is the article. A foodbank, a
/// tenants' and residents' association ("TRA") and "Hosp No" are no one.
#[test]
fn an_initial_before_a_surname_and_words_that_are_no_one() {
    assert_names(
        "Tenant refused to sign, R Hussain witnessed.\n\
         | 4 | Broken bench  | T Abubakar   | Parks team |\n",
        &["R Hussain", "T Abubakar"],
    );
    assert_names(
        "Voucher for Swindon Foodbank. Chair of the Oakfield TRA rang. Hosp No: S4410921.\n",
        &[],
    );
}

/// Twenty-eighth round, written afresh: an initial and a surname that is
/// also a word, in a slot a list or a note gives a person ("(W. Marsh)",
/// "approval: D Rice 14/06/2024", a table's cell, "- G. Fields" closing a
/// quote); a letter and a part of a building ("(B Wing)") are no one.
#[test]
fn an_initial_and_a_word_surname_in_a_slot_of_their_own() {
    assert_names(
        "Garage dispute - 4 Kiln Lane (W. Marsh).\n\
         Manager approval: D Rice 14/06/2024. Approved.\n\
         Key holder:  Y. Fields (caretaker)\n\
         \"Bins left out every night\" - G. Church\n\
         Decant to the ground floor (B Wing) agreed.\n",
        &["W. Marsh", "D Rice", "Y. Fields", "G. Church"],
    );
}
