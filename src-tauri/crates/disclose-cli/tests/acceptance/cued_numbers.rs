//! Numbers that are a third party's by the words before them (issue 16,
//! eighteenth round), through the real `disclose` binary, with texts
//! written afresh for these tests: a payment card's last four digits, a
//! year of birth alone and an NI number whose letters no NI number has but
//! which the text calls one; a year that is no birth and a card's four
//! digits with nothing before them are left.

use disclose_fixtures::disclose;

#[test]
fn a_cards_last_digits_a_year_of_birth_and_a_cued_ni_number() {
    let d = disclose!();
    let text = "Paid from the card of Mrs Agnes Reid, card ending 4471, by phone.\n\
                Instalment paid by Wang X - card ending in 8823.\n\
                Partner not on the tenancy, DOB approx 1994. Mother born 1951.\n\
                Husband Tariq (joint tenant) NI QR 98 76 54 B, works part time.\n\
                Moved in 2019. Code 4471 opens the key safe.\n";
    assert_eq!(d.detect_kind(text, "card_number"), ["4471", "8823"]);
    assert_eq!(d.detect_kind(text, "date_of_birth"), ["1994", "1951"]);
    assert_eq!(d.detect_kind(text, "ni_number"), ["QR 98 76 54 B"]);
}
