//! A neighbour's home in the ways landlords' texts give it (issue 16,
//! twelfth round), through the real `disclose` binary, with texts written
//! afresh for these tests: a house or flat number just after a person's
//! name or alone in brackets, after "opposite," or after "perp"; a street
//! broken over two lines; a street ending "Bank"; a flat in a named block
//! with no street. A date before a line's capitalised word is no street.

use disclose_fixtures::disclose;

#[test]
fn house_numbers_after_a_name_in_brackets_and_after_a_comma() {
    let d = disclose!();
    let text = "Witness J. Okafor no 23 saw it too.\n\
                Reported by her neighbour Mr Tomasz Nowak (flat 4b).\n\
                The bungalow opposite, number 15, has a new tenant.\n\
                Alleged perp flat 7 was spoken to.\n";
    assert_eq!(
        d.detect_kind(text, "address_line"),
        ["no 23", "flat 4b", "number 15", "flat 7"]
    );
}

#[test]
fn streets_over_two_lines_banks_and_blocks() {
    let d = disclose!();
    let text = "Her ex now lives at Flat 12, Sefton House, Wavertree.\n\
                Her brother lives at 27 Priory\nGrove and works nights.\n\
                The lodger moved to 8 Foxhill Bank last spring.\n";
    assert_eq!(
        d.detect_kind(text, "address_line"),
        [
            "Flat 12, Sefton House, Wavertree",
            "27 Priory\nGrove",
            "8 Foxhill Bank"
        ]
    );
}

#[test]
fn a_date_before_a_capitalised_line_is_no_street() {
    let d = disclose!();
    let text = "The hearing is on 14 March\nCourt papers follow by post.\n";
    assert_eq!(d.detect_kind(text, "address_line"), Vec::<String>::new());
}
