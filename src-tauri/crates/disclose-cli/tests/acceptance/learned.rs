//! What the name model beside the rules adds (issue 16), through the real
//! `disclose detect --json`, on texts written for these tests: names that
//! no list holds and no cue announces, a given name found again after the
//! full name in any letter case, given names that are words left alone
//! where they are words, and identifiers written loosely.

use disclose_fixtures::disclose;

/// (kind, text) of each finding of `disclose detect FILE --json`.
fn detect(text: &str) -> Vec<(String, String)> {
    disclose!().detect_text(text)
}

fn names(text: &str) -> Vec<String> {
    detect(text)
        .into_iter()
        .filter(|(k, _)| k == "person_name")
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn names_in_no_list_and_without_a_cue() {
    assert_eq!(
        names("I left the keys with Tavishka on Tuesday and she never gave them back."),
        ["Tavishka"]
    );
    assert_eq!(
        names("Spoke with Oluwaseun about the arrears at the office."),
        ["Oluwaseun"]
    );
}

#[test]
fn a_given_name_is_found_again_after_the_full_name_in_any_case() {
    assert_eq!(
        names("Grace Ollerenshaw reported the noise. Grace said it was every night. GRACE rang again on Monday."),
        ["Grace Ollerenshaw", "Grace", "GRACE"]
    );
}

#[test]
fn given_names_that_are_words_stay_words_where_they_are_words() {
    assert!(names(
        "Please mark the form and will you send the bill to the office. There is a grace period. Hope this helps."
    )
    .is_empty());
}

#[test]
fn addresses_broken_by_a_space_and_numbers_without_separators() {
    let found = detect("email: jo.ward@ example.org\nfax: 7135550199\nBatch 4135550199 posted.\n");
    assert_eq!(
        found,
        [
            ("email".to_string(), "jo.ward@ example.org".to_string()),
            ("phone".to_string(), "7135550199".to_string()),
        ]
    );
}
