//! An organisation's own ways in are not a third party's data (issue 16,
//! twelfth round), through the real `disclose` binary, with texts written
//! afresh for these tests: non-geographic service numbers (0300, 0800,
//! 0345 …) and role or team mailboxes ("repairs@", "asb.team@",
//! "customerservices@") are left alone, while a person's mobile, direct
//! line and own work address beside them are still found.

use disclose_fixtures::disclose;

#[test]
fn service_numbers_are_left_and_a_persons_lines_found() {
    let d = disclose!();
    let text =
        "For out-of-hours repairs ring 0300 456 7788 or the gas emergency line 0800 222 333.\n\
                Our contact centre is on 0345 612 9090.\n\
                Gemma Ruddock, Income Officer | Direct 0161 496 0512 | Mobile 07700 900 773\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["0161 496 0512", "07700 900 773"]
    );
}

#[test]
fn role_mailboxes_are_left_and_a_persons_address_found() {
    let d = disclose!();
    let text = "Please send photos to repairs@brookvalehomes.example or copy in \
                asb.team@brookvalehomes.example and customerservices@brookvalehomes.example.\n\
                My own address is gemma.ruddock@brookvalehomes.example; the tenant wrote from \
                dean.oyelowo77@webmail.example.\n";
    assert_eq!(
        d.detect_kind(text, "email"),
        [
            "gemma.ruddock@brookvalehomes.example",
            "dean.oyelowo77@webmail.example"
        ]
    );
}
