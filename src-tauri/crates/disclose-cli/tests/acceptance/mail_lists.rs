//! People in e-mail address lists and contact details in signatures (issue
//! 16, third round), through the real `disclose` binary, in texts written
//! for these tests: Outlook display names surname first with the comma lost
//! ("Quarmby  Oswin T."), a forwarded message's header block ("To:\tMarsh,
//! Ida; Penhallow, Kit J."), a lower-case entry, mailboxes that are no
//! person, internal extensions, street addresses with a suite, and a
//! lower-case sign-off.

use disclose_fixtures::disclose;

#[test]
fn outlook_names_surname_first_with_the_comma_lost() {
    let d = disclose!();
    let text = "From: Quarmby  Oswin T. <oswin.quarmby@example.com>\n\
                To: Van Tassel  Dorcas <dorcas.vantassel@example.com>, Hallworth  Bryn <b.hallworth@example.com>\n\
                Cc: Estates General Announcements <news@example.com>\n\
                Subject: rota for the estate walkabout\n\n\
                Oswin, the rota is attached.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "Quarmby  Oswin T.",
            "Van Tassel  Dorcas",
            "Hallworth  Bryn",
            "Oswin"
        ]
    );
    assert_eq!(d.detect_kind(text, "email").len(), 4);
}

#[test]
fn a_forwarded_header_block_names_everyone_but_the_team_mailboxes() {
    let d = disclose!();
    let text = "-----Original Message-----\n\
                From: \tTresize, Philippa  \n\
                Sent:\tMonday, 3 March 2025 09:12\n\
                To:\tMarsh, Ida; Penhallow, Kit J.; Housing Options Team\n\
                Cc:\tgracie wetherall; Facilities\n\
                Subject:\tRepairs at the flats\n\n\
                Ida, can you pick this up?\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "Tresize, Philippa",
            "Marsh, Ida",
            "Penhallow, Kit J.",
            "gracie wetherall",
            "Ida"
        ]
    );
}

#[test]
fn extensions_and_suites_are_contact_details() {
    let d = disclose!();
    let text = "Please ring Oswin on x30569 or ext. 5-3861, or call 5-3862.\n\
                Post to 1301 Fannin St #2400, or 12 Ash Grove, Suite 4B.\n\
                Rooms 3x3 and 4-1234 are booked; see Box 1-2345-6.\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["x30569", "ext. 5-3861", "5-3862"]
    );
    assert_eq!(
        d.detect_kind(text, "address_line"),
        ["1301 Fannin St #2400", "12 Ash Grove, Suite 4B"]
    );
}

#[test]
fn american_streets_with_a_direction_or_a_number() {
    let d = disclose!();
    let text = "Flowers can go to him at the rehab unit:\n\
                2240 W. 31st Street\n\
                Tulsa, OK  74107\n\
                or to his sister at 88 N. Elm Ave., Boise.\n";
    assert_eq!(
        d.detect_kind(text, "address_line"),
        ["2240 W. 31st Street", "88 N. Elm Ave"]
    );
}

#[test]
fn a_lower_case_sign_off_and_a_possessive_in_capitals() {
    let d = disclose!();
    assert_eq!(
        d.detect_kind("I will be back on Monday.  Thanks  bob\n", "person_name"),
        ["bob"]
    );
    assert_eq!(
        d.detect_kind(
            "PLEASE PASS THIS TO DWAYNE FOTHERGILL'S TEAM\n",
            "person_name"
        ),
        ["DWAYNE FOTHERGILL"]
    );
}

#[test]
fn a_short_extension_alone_under_a_signature() {
    let d = disclose!();
    let text = "The rent statement is attached.\n\nKind regards,\nMarcia Oyelaran\n4-7720\n\n\
                Table 2\n3-1120\n";
    assert_eq!(d.detect_kind(text, "phone"), ["4-7720"]);
}

#[test]
fn a_surname_with_st_in_an_address_list() {
    let d = disclose!();
    let text = "To: Ruth Okafor, Colin St John, Ama Boateng\nSubject: Void keys\n\n\
                The keys are at 4 Colin St in the office.\n";
    assert_eq!(
        crate::names(&d, text),
        ["Ruth Okafor", "Colin St John", "Ama Boateng"]
    );
}

#[test]
fn a_name_an_email_address_spells_is_found_where_it_stands_alone() {
    let d = disclose!();
    let text = "EPC in the supply chain\nZennor Pellowe\nDirector, Estates\n\n\
                Contact information\nZennor Pellowe\n0161 496 0123\n\
                Zennor.Pellowe@example.org\nhousing.options@example.org\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["Zennor Pellowe", "Zennor Pellowe"]
    );
}
