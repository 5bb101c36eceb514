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

/// Nineteenth round, written afresh: an NHS number mistyped (its check
/// digit wrong) is still one when the text calls it so, grouped as NHS
/// numbers are; a date of birth a scan misread ("l2/O4/2OO9"); a tenancy's
/// or a rent account's reference after the words that name it, whoever
/// holds it. A job's reference with the same digits, a misread word that
/// holds "acc" and a date that is no birth stay clean.
#[test]
fn a_mistyped_nhs_number_a_misread_birth_date_and_a_tenancy_reference() {
    let d = disclose!();
    let text = "Son: Ellis Ward, NHS 612 448 9031, attends Millbrook.\n\
                Job ref 612 448 9031 raised for the bath.\n\
                Grandson Leo Ward DOB l2/O4/2OO9 per the scanned form.\n\
                Visit booked l2/O4/2O24.\n\
                Former tenancy ref: WH/22/10457. Rent account 4410-2291-B.\n\
                We wr0te t0 y0ur acc0unt h0lder.\n";
    assert_eq!(d.detect_kind(text, "nhs_number"), ["612 448 9031"]);
    assert_eq!(d.detect_kind(text, "date_of_birth"), ["l2/O4/2OO9"]);
    assert_eq!(
        d.detect_kind(text, "register_number"),
        ["WH/22/10457", "4410-2291-B"]
    );
}

#[test]
fn a_birth_date_in_brackets_after_a_relation_and_a_name() {
    // Twenty-first round: a household told in running text, each date in
    // brackets after the relation and the name or after the relation in
    // the brackets; a referral's date after an officer's name stays clean.
    let text = "Household: wife Oksana Melnyk (03/09/1987), stepdaughter Dasha (17/01/2011) \
                and Pavlo Melnyk (son, 28/06/2015).\n\
                Referred by Officer Dan Pryor (11/03/2026).\n";
    assert_eq!(
        disclose!().detect_kind(text, "date_of_birth"),
        ["03/09/1987", "17/01/2011", "28/06/2015"]
    );
}

#[test]
fn a_tenancys_code_after_a_bracket_or_a_verb_and_a_police_computer_id() {
    // Twenty-first round: a tenancy's reference with a bracket or "was"
    // before it, or its code straight after the word; a Police National
    // Computer ID after "PNC". A tenancy's type and a year stay clean.
    let text = "Tenancy ref (joint): KH-0042117. Her tenancy number was LV-T-88301.\n\
                Former partner (14 Ash Row, tenancy WCH-T-30917). Tenancy Agreement 2019.\n\
                Name: Dean Colley   PNC: 09/772104K\n";
    assert_eq!(
        disclose!().detect_kind(text, "register_number"),
        ["KH-0042117", "LV-T-88301", "WCH-T-30917", "09/772104K"]
    );
}

#[test]
fn only_the_dates_under_a_tables_birth_column_are_births() {
    // Twenty-third round, written afresh: an export whose header names a
    // "dob" column and a "start_date" column; only the dates under "dob"
    // are births.
    let text = "person_id,forename,surname,dob,start_date\n\
                P31,\"Lena\",\"Voss\",1974-02-11,2020-09-01\n\
                P32,\"Ivo\",\"Voss\",2009-06-30,2021-01-15\n";
    assert_eq!(
        disclose!().detect_kind(text, "date_of_birth"),
        ["1974-02-11", "2009-06-30"]
    );
}

#[test]
fn a_share_code_a_visa_number_and_an_old_registration() {
    // Twenty-fifth round, written afresh: a right to rent's share code, a
    // visa application's GWF number and a car of the prefix format; a road
    // and a word in capitals are no car.
    let d = disclose!();
    let text = "Right to rent: share code seen - K4T 7RM 2QX, valid.\n\
                Her mother's visa ref GWF061234567 (Homes for Ukraine).\n\
                Garage G4: Tony Hale, P512 KLR.\n\
                TAKE THE M62 NOW AND EXIT AT J24.\n";
    let numbers = d.detect_kind(text, "register_number");
    assert!(numbers.iter().any(|n| n == "K4T 7RM 2QX"), "{numbers:?}");
    assert!(numbers.iter().any(|n| n == "GWF061234567"), "{numbers:?}");
    assert_eq!(d.detect_kind(text, "vehicle_reg"), ["P512 KLR"]);
}

/// Thirtieth round, written afresh: a date of birth on the line after
/// "DOB", a month and a year after "born", a sort code with the account
/// number after a slash (no date of birth), and a house number after "re"
/// or with a letter in brackets after a name.
#[test]
fn a_birth_date_on_the_next_line_a_sort_code_and_its_account_and_lettered_houses() {
    let d = disclose!();
    let text = "Child in foster care, Tyler Breen, DOB\n\
                14/08/2011, placed nearby.\n\
                Her youngest, Amara Breen, born 03/2022, lives with her.\n\
                Refund to his mother (Irene Breen, 40-11-32 / 71200458).\n\
                Complaint re no 14 again.\n\
                Witnesses: Mr Hamish Dunn (7B); Lorna Pryde (7D).\n";
    assert_eq!(
        d.detect_kind(text, "date_of_birth"),
        ["14/08/2011", "03/2022"]
    );
    assert_eq!(d.detect_kind(text, "sort_code"), ["40-11-32"]);
    assert_eq!(d.detect_kind(text, "account_number"), ["71200458"]);
    assert_eq!(d.detect_kind(text, "address_line"), ["no 14", "7B", "7D"]);
}

/// Thirtieth round, written afresh: numbers dialled abroad on ranges a UK
/// service number starts with ("+353 …", "+91 …") are someone's phones; a
/// Northern Ireland registration after "car"; a residence permit's number
/// after "BRP"; a directory's "employeeID". A change's and a job's
/// reference hold no name.
#[test]
fn phones_abroad_a_northern_irish_car_a_residence_permit_and_an_employee_id() {
    let d = disclose!();
    let text = "Her son is in Cork - ring him on +353 21 496 0288 after six.\n\
                His cousin in Pune: +91 98450 12345.\n\
                Scratch on Mr Magee's car (KIZ 7731) reported.\n\
                He showed his BRP, number ZR4419023, at the office.\n\
                employeeID: WVH-00418\n\
                Change CHG0031870 approved; job EGL880213 closed.\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["+353 21 496 0288", "+91 98450 12345"]
    );
    assert_eq!(d.detect_kind(text, "vehicle_reg"), ["KIZ 7731"]);
    assert_eq!(d.detect_kind(text, "passport_number"), ["ZR4419023"]);
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["Mr Magee", "employeeID: WVH-00418"]
    );
}
