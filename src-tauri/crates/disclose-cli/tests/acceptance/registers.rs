//! Numbers a register gives one person (issue 16, fifteenth round),
//! through the real `disclose` binary, with texts written afresh for these
//! tests: a fob or permit number in a register's row that names its holder,
//! in a table parted by "|", commas or aligned spaces, and the same number
//! said again later; a row whose holder is a firm, and a number in a table
//! with no holder's column, give nothing.

use disclose_fixtures::disclose;

fn numbers(text: &str) -> Vec<String> {
    disclose!().detect_kind(text, "register_number")
}

#[test]
fn a_fob_register_and_the_fob_said_again() {
    let text = "FOB REGISTER - Larch House\n\
                Fob no. | Flat | Holder\n\
                LH-1104 | 11   | Mrs Dorota Nowicka\n\
                LH-1105 | 11   | Piotr Nowicki\n\
                LH-C-02 | -    | Cleaning contractor\n\
                \n\
                02/03 23:40 Main door - fob LH-1105 - ACCESS GRANTED\n";
    assert_eq!(numbers(text), ["LH-1104", "LH-1105", "LH-1105"]);
}

#[test]
fn a_permit_list_in_aligned_columns_or_commas() {
    let text = "Permit number   Resident name       Bay\n\
                PK-0192         Gareth Lloyd        4\n\
                PK-0193         Amira Haddad        5\n\
                \n\
                permit,issued to,vehicle\n\
                PK-0201,Sian Pugh,CU19 XTR\n";
    assert_eq!(numbers(text), ["PK-0192", "PK-0193", "PK-0201"]);
}

#[test]
fn no_holder_column_gives_no_number() {
    let text = "Job no | Trade | Due\n\
                JB-4471 | Plumber | 03/03\n\
                Key safe 4417 fitted by Ray Dunn.\n";
    assert!(numbers(text).is_empty());
}

#[test]
fn a_surname_and_an_initial_as_a_log_lists_people() {
    // Written afresh for the sixteenth round: a fob log's or a register's
    // "HAMID A" or "GILL, M" before the row's next cell is a person; a
    // section's letter, a plan and a room are not.
    let d = disclose!();
    let text = "2025-03-02 21:14:05,REAR DOOR,FOB-7781-2,KOWALCZYK B,781,GRANTED\n\
                19:02  fob PT-0440  ASANTE, K  flat 44   bin store OPEN\n\
                Okafor, J | 12 | returned\n\
                See SECTION B, page 4. Plan A  approved. ROOM C,2\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["KOWALCZYK B", "ASANTE, K", "Okafor, J"]
    );
}

#[test]
fn a_surname_with_two_initials_or_a_word_surname_opening_a_cell() {
    // Twenty-eighth round, written afresh: a payment file's "ADEBAYO T K",
    // a payslip's "Employee:   OKORO J N   ", a CSV cell's "MARSH D &
    // MARSH R"; a block's letter ("BLOCK A & BLOCK B") is no one.
    let d = disclose!();
    let text = "TX4410,2025-02-03,FPS,120.00,RNT-0081,ADEBAYO T K,SETTLED\n\
                Employee:   OKORO J N          Emp No: 0071144\n\
                Beck Court,9,MARSH D & MARSH R,passed\n\
                BLOCK A & BLOCK B,inspected\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["ADEBAYO T K", "OKORO J N", "MARSH D", "MARSH R"]
    );
}

#[test]
fn an_access_control_exports_fob_column() {
    // Written afresh for the sixteenth round: an export's header writes its
    // columns with underscores ("fob_id", "registered_to"); the holder is a
    // surname and an initial.
    let text = "time,door,fob_id,registered_to,flat\n\
                2025-05-01 20:10:33,BIN STORE,FOB-3310-1,DUNMORE K,310,GRANTED\n\
                2025-05-01 20:12:01,BIN STORE,FOB-0000-0,CLEANING CONTRACTOR,-,GRANTED\n";
    assert_eq!(numbers(text), ["FOB-3310-1"]);
}

#[test]
fn the_flat_or_tenancy_a_list_gives_each_resident() {
    // Written afresh for the sixteenth round: an audit's "Flat" column and
    // an arrears list's "Tenancy" column beside each resident's name, and a
    // flat said again; an empty flat, an amount and a door's name are not.
    let text = "| Flat | Resident(s)          | Result |\n\
                | 501  | Adeyemi, Folake      | PASS   |\n\
                | 502  | VOID                 | PASS   |\n\
                | 503  | Brennan, Aoife       | FAIL   |\n\
                \n\
                Bikes stored outside 503. Charge of £503 raised.\n\
                \n\
                TENANCY\tNAME\tBALANCE\n\
                TN-77012\tOkoro, Chidi\t812.40\n";
    assert_eq!(numbers(text), ["501", "503", "503", "TN-77012"]);
}

#[test]
fn every_number_column_of_a_row_and_a_number_in_brackets_after_a_name() {
    // Written afresh for the eighteenth round: a permit register gives its
    // holder both a permit and a flat (the flat found again as a house
    // later); a student's room code in brackets after their name is
    // theirs, said again later; a school year in brackets is not.
    let d = disclose!();
    let text = "Permit | Flat | Holder | Vehicle\n\
                HG-0212 | 12 | PATEL, Hiren | Toyota Prius\n\
                HG-0213 | 14 | Bridget Flynn | Ford Fiesta\n\
                \n\
                Blue badge bay outside 14 - Bridget asked for it to be painted.\n\
                Flatmates: Oliver Brennan-Smith (B-0411), Sofia Ruiz (B-0413).\n\
                Noise from B-0411 again. Kobe Tembo (Y10) was not involved.\n";
    assert_eq!(
        d.detect_kind(text, "register_number"),
        ["HG-0212", "HG-0213", "B-0411", "B-0413", "B-0411"]
    );
    assert_eq!(d.detect_kind(text, "address_line"), ["12", "14", "14"]);
}

/// Nineteenth round, written afresh: a register whose fob column is
/// headed with a plural ("Fob no(s)") and a row holding two fobs parted by
/// a comma; staff's fobs in brackets after their names.
#[test]
fn fob_columns_headed_with_a_plural_and_two_fobs_in_a_cell() {
    let text = "Flat | Resident(s)              | Fob no(s)        | Notes\n\
                201  | Mrs Irene Castle         | 0071122          | pendant\n\
                202  | Tomasz and Ola Wrona     | 0071123, 0071124 |\n\
                \n\
                Staff fobs: Kwame Asante (0070001), Lucy Bright (0070002).\n";
    assert_eq!(
        numbers(text),
        ["0071122", "0071123", "0071124", "0070001", "0070002"]
    );
}

/// Nineteenth round, written afresh: a fob's, a permit's or a badge's
/// number after its word, in a log or a sentence, and an ID in brackets
/// after a person's name; a fob's count is no number of anyone's.
#[test]
fn a_fob_permit_or_badge_number_after_its_word_and_an_id_after_a_name() {
    let text = "19:04  fob KS-0412  MORRIS, D  flat 4   bin store OPEN\n\
                Her parking permit, number RP-1187, was not displayed.\n\
                Interpreter Ana Sousa (badge LX-2290) attended.\n\
                Engineer Paul Reddy (ID 5518203) fitted the valve.\n\
                We ordered 40 fobs for the block.\n";
    assert_eq!(numbers(text), ["KS-0412", "RP-1187", "LX-2290", "5518203"]);
}

#[test]
fn a_surname_in_capitals_before_a_given_name_in_a_registers_cell() {
    // Twentieth round: "SURNAME, Given" or "SURNAME Given" alone in a
    // cell, the given name known, in a table or a CSV row; a council in
    // capitals before its name's other words is no one.
    let text = "| Flat | Resident | Needs |\n\
                | 12 | OKORO, Blessing | Uses a wheelchair |\n\
                | 14 | HALLORAN, Grace | Hard of hearing |\n\
                G11,Ash Lane garages,PILKINGTON Maureen,22 Ash Lane\n\
                Contact: LEEDS City Council, ASB Team\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["OKORO, Blessing", "HALLORAN, Grace", "PILKINGTON Maureen"]
    );
}

#[test]
fn an_applications_number_and_a_code_in_brackets_after_a_name() {
    // Twentieth round: a housing application's number after "app" or
    // "Application no.", and a code of letters and digits in brackets
    // after a name; an application with no number gives nothing.
    let text = "Shortlist: 1. Kwame Asante, Band A, app HX-220417. 2. Lily Brennan, Band B, \
                Application no. HX/2025/0311.\n\
                Warning letter to Mr Terry Gough (WRK-4QT-018).\n\
                Her application was refused on 3 May.\n";
    assert_eq!(
        disclose!().detect_kind(text, "register_number"),
        ["HX-220417", "HX/2025/0311", "WRK-4QT-018"]
    );
}

#[test]
fn a_register_number_and_a_member_of_staffs_code_after_their_words() {
    // Twentieth round: "register no." before a housing register's number,
    // an agent's or interviewer's code.
    let text = "Household check: register no. HR-771204.\n\
                Agent: Tomasz (Agent ID CX-B-0417). Interviewer code: SRV-081 (L. Achebe)\n";
    assert_eq!(
        disclose!().detect_kind(text, "register_number"),
        ["HR-771204", "CX-B-0417", "SRV-081"]
    );
}

#[test]
fn a_surname_in_capitals_before_a_given_name_in_a_quoted_csv_cell() {
    // Twenty-first round: the same cell quoted in a CSV export, and two
    // people in one cell after a semicolon; a quoted street stays clean.
    let text = "\"Ref\",\"Reporter\",\"Alleged\",\"Address\"\n\
                \"N-0412\",\"DAWSON, Trevor\",\"MARLOW, Keith; MARLOW, Dean\",\"4 Pine View\"\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["DAWSON, Trevor", "MARLOW, Keith", "MARLOW, Dean"]
    );
}

#[test]
fn a_register_ruled_with_dashes_and_pluses_under_its_header() {
    // Twenty-second round, written afresh: a plain-text export rules its
    // header off with "-----+----"; the rows under it are still the
    // register's, and give their permits and flats.
    let text = "Permit | Flat | Permit holder     | Vehicle reg\n\
                -------+------+-------------------+------------\n\
                RP-201 | 12   | OKONJO Bisi       | MA19 TRE\n";
    let d = disclose!();
    assert_eq!(d.detect_kind(text, "register_number"), ["RP-201"]);
    assert_eq!(d.detect_kind(text, "address_line"), ["12"]);
}

#[test]
fn a_second_entry_joined_by_a_plus_or_an_ampersand() {
    // Twenty-second round, written afresh: a shortlist's joint applicants
    // "Surname, Given + Surname, Given", a register's "SURNAME, Given &
    // SURNAME, Given" (the second given name a word, "Summer").
    let d = disclose!();
    let text = "3    HR-55120   Hussain, Nadia + Ahmed, Bilal   2 bed\n\
                B6 | PRICE, Summer & OWUSU, Kojo | 0098818\n";
    let names = d.detect_kind(text, "person_name");
    for n in [
        "Hussain, Nadia",
        "Ahmed, Bilal",
        "PRICE, Summer",
        "OWUSU, Kojo",
    ] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
}

#[test]
fn a_household_listed_with_semicolons_along_from_one_entry_found() {
    // Twenty-third round, written afresh: an electoral roll's household
    // "SURNAME, Given; SURNAME, Given; …", where only one given name is in
    // the lists, is found entry by entry along the list, the surname
    // found alone giving way to the whole entry.
    let d = disclose!();
    let text = "22 Kestrel Way: ADEBAYO, Folasade; ADEBAYO, Michael; ADEBAYO, Temitope (attainer); ADEBAYO, Oluwadamilare.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "ADEBAYO, Folasade",
            "ADEBAYO, Michael",
            "ADEBAYO, Temitope",
            "ADEBAYO, Oluwadamilare"
        ]
    );
}

#[test]
fn names_in_an_exports_forename_and_surname_columns() {
    // Twenty-third round, written afresh: an export's "forename" and
    // "surname" columns give their names though no list holds them, a
    // quoted address's comma parting no column; "Vacant" there is no one.
    let d = disclose!();
    let text = "tenancy_ref,address,person_id,forename,surname,dob\n\
                \"TR-0012-01\",\"12 Alder Way, Barnsley S70 1AA\",P200121,\"Myroslava\",\"Hnatyuk\",1961-04-02\n\
                \"TR-0012-01\",\"12 Alder Way, Barnsley S70 1AA\",P200122,\"Vacant\",\"\",\n";
    let names = d.detect_kind(text, "person_name");
    assert_eq!(names, ["Myroslava", "Hnatyuk"]);
}

#[test]
fn a_quoted_exports_references_and_a_reference_of_lettered_parts() {
    // Twenty-sixth round, written afresh: a quoted CSV export's tenancy
    // references beside their holders' names, and a reference of lettered
    // parts in brackets after a name ("HX-T-40417") are those people's.
    let d = disclose!();
    let text = "\"row\",\"tenancy_ref\",\"policyholder\"\n\
                \"1\",\"BRH-0401127\",\"Mr Osei Boateng\"\n\
                \"2\",\"BRH-0401190\",\"Ms Carla Pinheiro\"\n\
                The other account is Wendell Achebe (HX-T-40417, Flat 2).\n";
    assert_eq!(
        d.detect_kind(text, "register_number"),
        ["BRH-0401127", "BRH-0401190", "HX-T-40417"]
    );
}

#[test]
fn the_parties_of_a_courts_list_and_a_surname_first_in_capitals() {
    // Twenty-seventh round, written afresh: after a landlord, a council or
    // a bank and "v", a court list's parties are people, their surnames
    // in capitals (and given names after a comma); "Persons Unknown" and
    // a firm are not. A surname no list holds, in capitals, before a given
    // name one does ("OYELOWO, Funmilayo") is a name in any table.
    let d = disclose!();
    let text = "  K2QZ1187  PENNINE VALE HOMES LTD v TRZASKOWSKI\n\
                  K2QZ1190  KIRKLEES COUNCIL v MAHONEY & O'LEARY\n\
                  K2QZ1193  LLOYDS BANK PLC v VASQUEZ-BELL, Ines\n\
                  K2QZ1201  PENNINE VALE HOMES LTD v PERSONS UNKNOWN\n\
                  K2QZ1204  PENNINE VALE HOMES LTD v Marks & Spencer plc\n\
                7  | SO | OYELOWO, Funmilayo | 2 bed\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "TRZASKOWSKI",
            "MAHONEY",
            "O'LEARY",
            "VASQUEZ-BELL, Ines",
            "OYELOWO, Funmilayo"
        ]
    );
}

#[test]
fn names_as_the_values_of_name_fields() {
    // Twenty-seventh round, written afresh: an XML element or a key whose
    // name says it holds a person's name gives the name, though no list
    // holds it; a key of a thing's name ("queue_name") and a value that is
    // no name ("Not Known") give nothing.
    let d = disclose!();
    let text = "<Member><FamilyName>TESFAMARIAM</FamilyName><GivenNames>Ruta Abeba</GivenNames></Member>\n\
                <ContactName>Not Known</ContactName>\n\
                ts=09:14 agent=3310 agent_name=\"Orla Devaney\" queue_name=\"Voids Team\"\n\
                {\"caller_name\": \"Kwabena Sarpong\", \"file_name\": \"Call.wav\"}\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "TESFAMARIAM",
            "Ruta Abeba",
            "Orla Devaney",
            "Kwabena Sarpong"
        ]
    );
}

#[test]
fn the_name_parts_of_a_vcard() {
    // Twenty-ninth round, written afresh: a contact card's "N:" line holds
    // the family, given and middle names, each found though the family
    // name is a word and the given name an initial; its title and the
    // card's organisation are no one.
    let d = disclose!();
    let text = "Cards copied from the officer's phone:\n\
                BEGIN:VCARD\nVERSION:3.0\nN:Church;Owen;;Mr;\nFN:Mr Owen Church\n\
                ORG:Tamesis Care\nTEL;TYPE=CELL:07700 900812\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nN:Marsh;K;;;\nFN:K Marsh\nEND:VCARD\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["Church", "Owen", "Mr Owen Church", "Marsh", "K", "K Marsh"]
    );
}

#[test]
fn a_housing_registers_and_a_waiting_lists_numbers() {
    // Twenty-ninth round, written afresh: the housing register's number in
    // a shortlist's "Reg no" column and a waiting list's "APP NO" are the
    // applicant's, in the rows whose name cell holds a person; a void's
    // row gives nothing.
    let text = "Pos | Applicant              | Reg no     | Band\n\
                1   | OYEBANJI, Temitope     | HR-0560213 | A\n\
                2   | Malcolm Dunstable      | HR-0561877 | B\n\
                3   | VOID                   | HR-0000000 | -\n\
                \n\
                POS  APP NO    NAME                  ADDED\n\
                1    WL-3307   Quigley, Aoibheann    03/02/2023\n\
                2    WL-3341   Tranter, Neville      27/01/2024\n";
    assert_eq!(
        numbers(text),
        ["HR-0560213", "HR-0561877", "WL-3307", "WL-3341"]
    );
}

#[test]
fn a_files_a_candidates_or_a_residents_number_column() {
    // Thirtieth round, written afresh: a column of numbers headed as a
    // record kept of one person ("File ref", "CAND. NO", "resident_id")
    // in a table with a column of the people, and the number said again.
    let text = "Box | File ref   | Former tenant(s)       | Ended\n\
                \x204  | FT-20117   | Gorman, Philippa       | 05/2015\n\
                \x204  | FT-20123   | Adeyemi, Tolu          | 07/2015\n\
                \n\
                CANDIDATE        | CAND. NO | SCORE\n\
                Roisin Gallagher | P-118    | 14\n\
                Marek Zielinski  | P-121    | 9\n\
                \n\
                log_date,resident_id,resident\n\
                2024-03-02,HR-0771,Callum Birnie\n\
                \n\
                Panel note: P-121 withdrew on 4 March.\n";
    assert_eq!(
        numbers(text),
        ["FT-20117", "FT-20123", "P-118", "P-121", "HR-0771", "P-121"]
    );
}

#[test]
fn a_workers_registration_in_brackets_after_their_name() {
    // Thirtieth round, written afresh: a certificate's, a Gas Safe or an
    // electrical body's registration in brackets just after a worker's
    // name is theirs.
    let text = "Boiler serviced by Neil Pratt (Gas Safe 417762).\n\
                Lights tested by Joe Keane (cert KX-EL-204); wiring signed off by\n\
                Aled Price (NICEIC reg 550318).\n";
    assert_eq!(numbers(text), ["417762", "KX-EL-204", "550318"]);
}

#[test]
fn a_tenement_positions_column_gives_each_owner_their_flat() {
    // Thirty-first round, written afresh: a factor's schedule lists each
    // flat of a close by its position ("0/1", "2/R") beside its owner.
    let text = "Position | Owner            | Share\n\
                0/1      | Mr Ruaridh Baird | 1/6\n\
                2/R      | Ms Eilidh Petrie | 1/6\n";
    assert_eq!(numbers(text), ["0/1", "2/R"]);
}

#[test]
fn a_payers_direct_debit_reference_rent_account_and_a_dbs_certificate() {
    // Thirty-first round, written afresh: columns of a direct debit
    // return and of a volunteers' list give each named row its numbers.
    let text = "Payer name       | DD ref      | Rent a/c | Amount\n\
                KOWALSKA E       | NHX0071236  | 071236   | 210.00\n\
                \n\
                Vol ID | Name           | DBS cert no.\n\
                V-2207 | Tegan Pritchard | 001774520193\n";
    assert_eq!(
        numbers(text),
        ["NHX0071236", "071236", "V-2207", "001774520193"]
    );
}

#[test]
fn a_reference_column_after_a_date_and_a_homes_reference() {
    // Thirty-second round, written afresh: the holder's column need not be
    // the first a holder's word heads ("issued" holds dates here); a
    // tenancy's, a property's and a UPRN column give each named row its
    // number, and so does a column headed "Ref" alone.
    let text = "voucher,issued,tenancy_ref,tenant\n\
                DV-881,02/05/2024,QRH-220417,Marisol Eady\n\
                \n\
                UPRN          PROPERTY REF   TENANT\n\
                100070214455  WKH-00912      Bernard Oyelaran\n\
                \n\
                REF         | HOUSEHOLD / PATIENT | NOTES\n\
                SHX-2-0041  | Lorraine Tapsell    | sharps\n";
    assert_eq!(
        numbers(text),
        ["QRH-220417", "100070214455", "WKH-00912", "SHX-2-0041"]
    );
}

#[test]
fn an_address_column_gives_each_named_row_its_home() {
    // Thirty-second round, written afresh: a register's column of
    // addresses beside a named holder is that person's home, whatever its
    // street word ("Coldwell Ho 14", "31 Deepcar"), up to its postcode; a
    // block alone, an office and a row with no one named give nothing.
    let d = disclose!();
    let text = "name                 address                  needs\n\
                Winifred Ashby       Coldwell Ho 14           walker\n\
                Osagie Bello         31 Deepcar               sight loss\n\
                VOID                 Coldwell Ho 2            -\n\
                \n\
                block,flat,resident\n\
                Harrier House,4,Jolene Pettit\n\
                \n\
                contact,address,role\n\
                PCSO Hana Kirby,Southfield NPT,officer\n\
                \n\
                premises,occupier\n\
                Pen y Bryn 2 Llanfair TR14 8QD,Gethin Moyle\n";
    assert_eq!(
        d.detect_kind(text, "address_line"),
        ["Coldwell Ho 14", "31 Deepcar", "Pen y Bryn 2 Llanfair"]
    );
}
