//! A scanned letter read by OCR, with "1" for "l" and "0" for "O" inside its
//! words (issue 16, fourteenth round), through the real `disclose` binary,
//! with a text written afresh for this test: its names are found as
//! written, and its misread words are no postcodes.

use disclose_fixtures::disclose;

#[test]
fn names_with_misread_digits_are_found_as_written() {
    let d = disclose!();
    let text = "Dear Sir / Madarn\n\
                I arn writing about rny neighbour Mrs Ange1a Fie1ding at nurnber 4.\n\
                My grand-daughter Ho11y typed this and the 0live tree is hers.\n\
                She ca11ed the office. Pass to J. Ba1ogun p1ease.\n\
                1 Wi11ow Way, Leeds LS6 2NN\n";
    let names = d.detect_kind(text, "person_name");
    for name in ["Ange1a Fie1ding", "Ho11y", "J. Ba1ogun"] {
        assert!(
            names.iter().any(|n| n.contains(name)),
            "{name} in {names:?}"
        );
    }
    assert_eq!(d.detect_kind(text, "postcode"), ["LS6 2NN"]);
}
