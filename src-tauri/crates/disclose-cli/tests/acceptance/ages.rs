//! A person's age or birth year beside their name (issue 16, thirty-second
//! round), through the real `disclose` binary, with texts written afresh
//! for these tests. An age tells when someone was born, so it is reported
//! as a `date_of_birth`; a count, a house number or a lettered flat in
//! brackets is none.

use disclose_fixtures::disclose;

fn ages(text: &str) -> Vec<String> {
    disclose!().detect_kind(text, "date_of_birth")
}

#[test]
fn ages_in_brackets_and_after_a_comma() {
    let text = "Household: partner Tomasz Wisniewski, children Ola (11), \
                Kacper (about 6) and Zuzia (18 mths).\n\
                Her grandad (Reginald Tapper, 87) sleeps downstairs.\n\
                Witness Courtney Ibbotson, aged 16, saw the car.\n";
    assert_eq!(ages(text), ["11", "about 6", "18 mths", "87", "aged 16"]);
}

#[test]
fn a_birth_year_in_a_family_tree() {
    let text = "Norah Quayle (b. 1948, d. 2019) = Vincent Quayle\n\
                \x20 +-- Bryony Quayle (b. 1975)\n";
    assert_eq!(ages(text), ["1948", "1975"]);
}

#[test]
fn a_count_a_house_or_a_lettered_flat_is_no_age() {
    let d = disclose!();
    let text = "Mrs Fenwick (14) complained again.\n\
                Dean Sowerby (3 children) applied in May.\n\
                Imogen Platt (12B) saw it.\n";
    assert!(d.detect_kind(text, "date_of_birth").is_empty());
    assert_eq!(d.detect_kind(text, "address_line"), ["14", "12B"]);
}
