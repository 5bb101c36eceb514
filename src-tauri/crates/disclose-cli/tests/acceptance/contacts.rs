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

#[test]
fn a_letterheads_number_and_postcode_are_the_offices() {
    let d = disclose!();
    let text = "MARSDEN CLEGG SOLICITORS\n\
                2nd Floor, Exchange Chambers, 8 Quay Street, Bristol BS1 4DJ\n\
                Tel: 0117 496 0321   Mobile: 07700 900 611\n\
                \n\
                Dear Sirs\n\
                Our client lives at 12 Kiln Lane, Bristol BS5 6QT. Her son's worker is on \
                0117 496 0788 (duty line), his own number 0117 496 0790.\n\
                \n\
                Kind regards,\n\
                Anita Morcombe\n\
                Marsden Clegg Solicitors\n\
                Tel: 0117 496 0344\n";
    assert_eq!(d.detect_kind(text, "postcode"), ["BS5 6QT"]);
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["07700 900 611", "0117 496 0790", "0117 496 0344"]
    );
}

#[test]
fn a_practices_letterhead_three_lines_deep_and_team_inboxes() {
    let d = disclose!();
    let text = "Brookfield Dental Practice\n\
                Orchard Way, Denton M34 3QP\n\
                Tel 0161 496 0872\n\
                \n\
                Dear Sir or Madam,\n\
                Mr Ellis lives at 4 Rook Street, Denton M34 2JB and his carer is on 0161 496 0213.\n\
                Team inbox: tenancysupport@brookfield.example\n\
                Contact: partnerships.hub@westshire.police.example, or me at dana.finch@brookfield.example\n";
    assert_eq!(d.detect_kind(text, "postcode"), ["M34 2JB"]);
    assert_eq!(d.detect_kind(text, "phone"), ["0161 496 0213"]);
    assert_eq!(
        d.detect_kind(text, "email"),
        ["dana.finch@brookfield.example"]
    );
    // A person's line under a letter's signature is still theirs.
    let signed = "Thanks for your help.\n\nKaren Holt\nDenton Medical Practice\nOrchard Way\nTel 0161 496 0555\n";
    assert_eq!(d.detect_kind(signed, "phone"), ["0161 496 0555"]);
}

#[test]
fn a_phone_number_said_in_words_over_a_lines_end() {
    let d = disclose!();
    let text = "\"Hiya it's Dot at forty, my number is oh one six one\nfour nine six, oh two double one. Ta.\"\n\
                \"ring me on seven seven double oh nine\nnine double oh three one two\"\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        [
            "oh one six one\nfour nine six, oh two double one",
            "seven seven double oh nine\nnine double oh three one two"
        ]
    );
    // Counting in words over two lines is no number.
    let counted = "We counted one two three four\nfive six and stopped.\n";
    assert!(d.detect_kind(counted, "phone").is_empty());
}

#[test]
fn an_offices_line_by_its_label_or_what_follows_it() {
    // Written afresh for the fourteenth round: a number after "Customer
    // Hub on", "out of hours call", "team number" or "contractor line", or
    // before "(main)", "option 2" or opening hours, is the office's; a
    // person's direct line and fax stay theirs.
    let d = disclose!();
    let text = "Please call our Customer Hub on 0113 496 0500 (8am-6pm Mon-Fri).\n\
                For emergencies out of hours call 0113 496 0501.\n\
                I gave her the lettings team number 0113 496 0502 instead.\n\
                Telephone: 0191 498 0503 (main)  Direct: 0191 498 0577\n\
                Ask for Dee on 0113 496 0504 option 2.\n\
                Fax: 0161 496 0578\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["0191 498 0577", "0161 496 0578"]
    );
}

#[test]
fn a_main_office_a_desk_phone_a_teams_line_and_a_schemes_mailbox() {
    // Written afresh for the fifteenth round: "Main office", "Desk phone",
    // a team's name or a careline before a number, a mailbox of a place and
    // a team's word ("northgate.office@") or of a role ("ceo@",
    // "casework@") are the organisation's; a person's line "(office)" in
    // a signature, a named officer's mailbox and a mobile stay theirs.
    let d = disclose!();
    let text = "Rang Bryn on his direct line 01632 960 411. Main office 01632 960 400.\n\
                Desk phone 01632 960 402 is staffed 24 hours.\n\
                Voicemail left on the Northgate Housing Team 01632 960 405.\n\
                Pendle Careline 01632 960 406 for alarms.\n\
                Copies to northgate.office@hollyvale.example, ceo@hollyvale.example,\n\
                casework@hollyvale.example and bryn.hughes@hollyvale.example.\n\
                Bryn Hughes\nEstates Officer\n01632 960 412 (office)\n07700 900 413\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["01632 960 411", "01632 960 412", "07700 900 413"]
    );
    assert_eq!(
        d.detect_kind(text, "email"),
        ["bryn.hughes@hollyvale.example"]
    );
}

#[test]
fn a_phone_number_with_a_digit_too_many_or_misread_and_shared_lines() {
    // Written afresh for the sixteenth round: a number grouped as a phone
    // number is written but with a digit too many ("01746 493 0728") is
    // still someone's line, as is a mobile OCR read with letters for
    // digits ("O77OO 9OO4l6"); a shared line, an out of hours line and
    // "our office no" are the organisation's. A job reference of the same
    // shape and a date stay clean.
    let d = disclose!();
    let text = "Rang Mr Pryce back on his direct line 01746 493 0728.\n\
                Contact (scanned): O77OO 9OO4l6\n\
                Estates shared line 01746 493 0700. Out of hours line 01746 493 0701.\n\
                I gave her our office no (01746 493 0702) as well.\n\
                Job ref 01746 493 0799 raised 01/12/2026.\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["01746 493 0728", "O77OO 9OO4l6"]
    );
}

#[test]
fn an_offices_line_after_other_words_or_by_what_follows_it_and_team_mailboxes() {
    // Eighteenth round: "Office:" after something else on its line, a
    // number followed by "(repairs line)" and "contact us … on" are the
    // organisation's, and so are the mailboxes of teams; "Office:" opening
    // a line under a person's name is their own.
    let d = disclose!();
    let text = "Scheme Manager: Pauline Frost   Office: 01792 960 100\n\
                Linh rang 0114 293 0000 (repairs line) about the cooker.\n\
                Please contact us immediately on 0117 922 2000.\n\
                Write to customer.relations@homes.example or housing.litigation@council.example.\n\
                Maribel Monterrey\n\
                Office: 0113 496 0412\n";
    assert_eq!(d.detect_kind(text, "phone"), ["0113 496 0412"]);
    assert!(d.detect_kind(text, "email").is_empty());
}

/// Nineteenth round, written afresh: the landline on the line under an
/// organisation's name that opens a letter is the office's, after the
/// office's address or without it; "Main:", "Mailbox: … Team" and "Repairs
/// line is" label an office's line. A professional's line after their name
/// and role in a referral's head is theirs.
#[test]
fn an_offices_number_under_its_name_and_a_professionals_line_after_name_and_role() {
    let d = disclose!();
    let letter = "Riverside Community Law Centre\n\
                  Advice Team, Quay House, Preston PR1 8BU  ·  01772 496 0210\n\
                  \n\
                  Dear Ms Okafor,\n\
                  Your caseworker Dan Whitby can be reached on 01772 496 0388.\n";
    assert_eq!(d.detect_kind(letter, "phone"), ["01772 496 0388"]);
    let labelled = "Direct: 0113 496 0412 | Main: 0113 496 0000\n\
                    Mailbox: Housing Team North 0113 496 0500\n\
                    Repairs line is 0113 496 0600 for anyone who needs it.\n";
    assert_eq!(d.detect_kind(labelled, "phone"), ["0113 496 0412"]);
    let referral = "HOUSING REFERRAL - duty to refer\n\
                    From: Abena Mensah, Discharge Coordinator, Ward 12   Tel 0113 496 0745\n";
    assert_eq!(d.detect_kind(referral, "phone"), ["0113 496 0745"]);
}

#[test]
fn an_offices_line_by_its_label_or_the_organisation_before_it() {
    // Twentieth round: "Reception is", "Scheme phone", an enquiry line, a
    // number in brackets or after a comma straight after an organisation's
    // name, and a fax at a letter's head are the office's; a person's name
    // and a comma before the organisation make the line theirs.
    let d = disclose!();
    let text = "THE BRAMBLE LANE SURGERY\n\
                Bramble Lane Medical Partnership\n\
                Tel 0113 496 0712  Fax 0113 496 0713\n\n\
                Reception is 0113 496 0770 if the door is locked.\n\
                Warden: Pat Ingle   Scheme phone 0114 496 0155\n\
                Parking contractor query line 0161 496 0881.\n\
                Ask the Local Government Ombudsman (0121 496 0600) or the Riverside \
                Practice, 0121 496 0601.\n\
                Social worker: Dean Okafor, Kirklees Council, 01484 496 022.\n";
    assert_eq!(d.detect_kind(text, "phone"), ["01484 496 022"]);
}

/// Twenty-fourth round, written afresh: a footer's landline beside a
/// team's mailbox or the web site is the office's; a mobile beside them,
/// a direct line, or a number beside a person's own mailbox is found.
#[test]
fn a_landline_beside_a_teams_mailbox_or_the_web_site_is_the_offices() {
    let d = disclose!();
    let text = "Neighbourhood Team | tenancy.support@brookvale.example.org.uk | 0114 496 0321\n\
                0114 496 0654 | www.brookvale.example.org.uk\n\
                Officer mobile 07700 900812 | www.brookvale.example.org.uk\n\
                Direct: 0114 496 0987 | www.brookvale.example.org.uk\n\
                Nadia Fenwick | nadia.fenwick@brookvale.example.org.uk | 0114 496 0444\n";
    let phones = d.detect_kind(text, "phone");
    assert_eq!(phones, ["07700 900812", "0114 496 0987", "0114 496 0444"]);
}

#[test]
fn a_review_a_leasehold_and_a_disclosure_units_mailbox_are_the_offices() {
    // Twenty-fifth round, written afresh: mailboxes made of the words for
    // reviews, leasehold, engagement and a disclosure unit are no one's; a
    // person's beside them is found.
    let d = disclose!();
    let text = "Ask for a review at homelessreviews@kirkvale.gov.example or write to \
                leasehold@kirkvale.example, engage@kirkvale.example and \
                disclosure.unit@northshire.police.example. \
                Officer: maya.lund@northshire.police.example\n";
    assert_eq!(
        d.detect_kind(text, "email"),
        ["maya.lund@northshire.police.example"]
    );
}

#[test]
fn a_logs_call_number_running_into_a_date_is_no_phone() {
    // Twenty-fifth round, written afresh: an out-of-hours log's call number
    // beside the date ("00918830 24/12/23") is no number dialled from abroad;
    // a number dialled to India is found.
    let d = disclose!();
    let text = "00918830 24/12/23 02:05 OP09  NO ELEC - TRIPPED\n\
                Her brother in Pune: 0091 98204 17733\n";
    assert_eq!(d.detect_kind(text, "phone"), ["0091 98204 17733"]);
}

#[test]
fn a_round_office_landline_is_no_ones() {
    // Twenty-sixth round, written afresh: a landline ending in "00" after
    // an organisation's name on its line is an office's switchboard; one
    // after a person's name, a "Direct:" line and one ending in "00" with
    // no organisation before it are found.
    let d = disclose!();
    let text = "Please ring Brookmere Housing Services on 0161 496 3000 if you need help.\n\
                Or contact Brookmere Homes on 0113 496 2200.\n\
                Neighbour: Mrs Edna Thorley, 0114 496 2300\n\
                Direct: 0115 496 4400\n\
                Her sister rang from 0116 496 7700.\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["0114 496 2300", "0115 496 4400", "0116 496 7700"]
    );
}

#[test]
fn a_functions_mailbox_of_english_words_and_peoples_beside_it() {
    // Twenty-seventh round, written afresh: at an organisation's domain, a
    // mailbox of ordinary words run together ("rechargeteam@",
    // "wastecollection@", "homeswapping@") is a function's; a person's
    // ("dawson@", "m.okafor@"), a post one person holds
    // ("executive_director@") and a word-like address at a mail service
    // people sign up to ("sunflowers@hotmail.co.uk") are still found.
    let d = disclose!();
    let text =
        "Queries to wastecollection@tamevalley.example or homeswapping@tamevalley.example.\n\
                Copy: dawson@tamevalley.example, m.okafor@tamevalley.example,\n\
                executive_director@tamevalley.example and sunflowers@hotmail.co.uk\n";
    assert_eq!(
        d.detect_kind(text, "email"),
        [
            "dawson@tamevalley.example",
            "m.okafor@tamevalley.example",
            "executive_director@tamevalley.example",
            "sunflowers@hotmail.co.uk"
        ]
    );
}

#[test]
fn an_organisations_street_address_in_its_letterhead() {
    // Twenty-seventh round, written afresh: a firm's or a court's street
    // address before its letterhead postcode is the organisation's; a
    // person's address on a line that names them, and one after a label,
    // are still found.
    let d = disclose!();
    let text = "Harrow & Pike Lettings | 7 Kirkgate, Otley LS21 3HJ\n\
                Bradford Family Justice Centre, 12 Manor Row, Bradford BD1 4PS\n\
                Mr Imran Zaheer, 41 Manor Row, Bradford BD1 4QE\n\
                Tenant's address: 9 Kirkgate, Otley LS21 3HP\n";
    assert_eq!(
        d.detect_kind(text, "address_line"),
        ["41 Manor Row", "9 Kirkgate, Otley"]
    );
}
