//! Login names through the real `disclose` binary (issue 16): the user's
//! folder in a file path, the value after "Username:" or "Login:", and the
//! mailbox of an Exchange address are found as person names; shared
//! accounts and ordinary words after a label are not. Texts written for
//! these tests.

use disclose_fixtures::disclose;

/// The person names `disclose detect FILE --json` finds in `text`.
fn names(text: &str) -> Vec<String> {
    disclose!().detect_kind(text, "person_name")
}

#[test]
fn the_user_folder_of_a_file_path() {
    assert_eq!(
        names("Saved to C:\\Users\\jsmith\\Documents\\ASB\\diary.docx on the shared PC."),
        ["jsmith"]
    );
    assert_eq!(
        names("Attachment path: /home/kdawson/exports/case-114.csv"),
        ["kdawson"]
    );
    assert_eq!(
        names("Found under C:\\Documents and Settings\\pbrennan\\Desktop\\notes.txt"),
        ["pbrennan"]
    );
}

#[test]
fn a_folder_named_like_a_login_in_any_path() {
    assert_eq!(
        names("Draft saved as P:\\Housing\\Tmcgrath\\Leases\\renewal v3.doc by the clerk"),
        ["Tmcgrath"]
    );
    assert_eq!(
        names("Copy in \\\\fileserver2\\teams\\rokonkwo\\asb log.xls"),
        ["rokonkwo"]
    );
    // Folders that are words, or a letter and a word, are not logins.
    assert!(names("See P:\\Housing\\Tenancy\\Agreements\\Sgreen\\Bwalker2\\x.doc").is_empty());
}

#[test]
fn a_login_after_its_label() {
    assert_eq!(
        names("Audit trail\nUsername: mwhitlock\nAction: viewed rent account\n"),
        ["mwhitlock"]
    );
    assert_eq!(names("User name: HOUSING\\t.okafor\n"), ["t.okafor"]);
    assert_eq!(
        names("Login: dpryce2 (locked after three tries)"),
        ["dpryce2"]
    );
}

#[test]
fn the_mailbox_of_an_exchange_address() {
    let found = disclose!().detect_text(
        "From: Housing Officer </O=LANDLORD/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JSMITH>\n",
    );
    assert!(
        found.contains(&("person_name".to_string(), "JSMITH".to_string())),
        "{found:?}"
    );
}

#[test]
fn shared_accounts_and_ordinary_words_are_not_logins() {
    assert!(
        names("Copied to C:\\Users\\Public\\Documents\\forms and /home/shared/templates")
            .is_empty()
    );
    assert!(names("Username: required\nLogin: administrator\n").is_empty());
    assert!(names("See https://example.org/users/profile for help.").is_empty());
}

#[test]
fn a_login_in_brackets_signing_a_note() {
    assert_eq!(
        names("12/02/25 [tmorrell2] Rang tenant, no answer.\n14/02/25 [dnorris] Letter sent.\n"),
        ["tmorrell2", "dnorris"]
    );
    // Beside the name it is made of, even when the surname is a word.
    assert_eq!(
        names("Handled by: Carys Baker (cbaker)\n"),
        ["Carys Baker", "cbaker"]
    );
    // Words and abbreviations in brackets are no logins.
    assert!(names("The boiler (serviced) was fine [sic] and she said (thanks) twice.").is_empty());
    assert!(names("Paid by card (visa) (ref abc123).").is_empty());
}

#[test]
fn logins_spelt_from_a_name_in_the_text_wherever_they_stand() {
    let text = "Staff users: tnorbury (Tessa Norbury)\n\
                2026-02-03 10:14 OUT tnorbury: Hi, it's Tessa.\n\
                Agent: Callum Pryde (agent ID cpryde02)\n";
    let found = disclose!().detect_kind(text, "person_name");
    assert_eq!(
        found,
        [
            "tnorbury",
            "Tessa Norbury",
            "tnorbury",
            "Tessa",
            "Callum Pryde",
            "cpryde02"
        ]
    );
}

/// Twenty-fourth round, written afresh: a login spelt from a name in
/// capitals, as a housing system's log column signs each line; behind a
/// team's letters and an underscore; surname before initial; the initial
/// and the surname's first letters. A spelling that is an English word
/// ("MASH" of Mark Ash) is none.
#[test]
fn logins_spelt_from_a_name_in_capitals_behind_a_team_or_cut_short() {
    let log = "Officer: Bronwen Tait (Income Officer)\n\
               12/03/24 10:02  BTAIT2   Rang tenant, no answer.\n\
               14/03/24 15:40  BTAIT2   Letter A2 sent.\n";
    assert_eq!(names(log), ["Bronwen Tait", "BTAIT2", "BTAIT2"]);
    let audit = "2024-02-11 08:01:13  INC_OADEYEMI  Adeyemi, Olu   Income Team  VIEW\n";
    assert_eq!(names(audit), ["INC_OADEYEMI", "Adeyemi, Olu"]);
    assert_eq!(
        names("Alert raised by PARKERJ (Jo Parker), reviewed by u_hmoss (Hannah Moss)."),
        ["PARKERJ", "Jo Parker", "u_hmoss", "Hannah Moss"]
    );
    assert_eq!(
        names("Surveyor: Gwen Lindqvist (GLIND2) inspected; Mark Ash signed off, see MASH notes."),
        ["Gwen Lindqvist", "GLIND2", "Mark Ash"]
    );
}

/// Twenty-fourth round, written afresh: a login after the word "user",
/// in capitals, with digits or an underscore; a word after "user" is none.
#[test]
fn a_login_after_the_word_user() {
    assert_eq!(
        names("Advice logged by user TQ77; escalated (user HWANJIRU) and closed by user jdoe_2."),
        ["TQ77", "HWANJIRU", "jdoe_2"]
    );
    assert!(names("See the USER GUIDE; every user account is locked.").is_empty());
}

/// Nineteenth round, written afresh: a login after "Printed by" or
/// "prepared by", as a system's report signs its footer; an ordinary word
/// after "by" is none.
#[test]
fn a_login_after_printed_by_or_prepared_by() {
    assert_eq!(
        names("Printed by rkhan 03/03/2025 for SAR-2025-014\nPrepared by the income team.\n"),
        ["rkhan"]
    );
    assert_eq!(
        names("Report exported 02/03/2025 by dmorris2 from the CRM."),
        ["dmorris2"]
    );
}

/// Twenty-second round, written afresh: a login alone in a table's cell,
/// as a CRM export lists its staff user; a word alone in a cell is none.
#[test]
fn a_login_alone_in_a_tables_cell() {
    let text = "contact_id,date,staff_user,category\n\
                C-11,2024-01-04,kmcbride,Repairs\n\
                C-12,2024-01-05,rtorres2,Rent\n\
                | C-13 | 2024-01-06 | visits | dfletcher |\n";
    assert_eq!(names(text), ["kmcbride", "rtorres2", "dfletcher"]);
}

/// Twenty-fifth round, written afresh: a login behind its domain and a
/// backslash, found with the domain, and again where it stands alone in
/// an operator's column; a network path's folders are not.
#[test]
fn a_login_behind_its_domain_and_again_alone() {
    let text = "CALL REPORT   Printed by: HX21\\OKAFOR.B   01/03/2024\n\
                C1001    02/01/24    PENDANT    OKAFOR.B    Client asked for a call back.\n\
                C1002    03/01/24    ADMIN      OKAFOR.B    Responder list updated.\n\
                Exported by user NHT\\pdevlin3 for the SAR.\n";
    assert_eq!(
        names(text),
        ["HX21\\OKAFOR.B", "OKAFOR.B", "OKAFOR.B", "NHT\\pdevlin3"]
    );
}

/// Twenty-sixth round, written afresh: handles of a given name, or of an
/// initial and a surname, joined to more by a full stop or an underscore,
/// as a team's chat and a ticket's history print them; a file's name, a
/// web address and an e-mail address are none.
#[test]
fn handles_joined_by_a_full_stop_or_an_underscore() {
    let chat = "2025-02-03 08:12  megan.tully: anyone near Larkspur Walk?\n\
                2025-02-03 08:14  oskar.b: me, after the void at 9\n\
                2025-02-03 08:20  tkhan_gas: cap is off, card left\n\
                See photos.zip on www.larkspur.example or write to megan.tully@larkspur.example\n";
    assert_eq!(names(chat), ["megan.tully", "oskar.b", "tkhan_gas"]);
}

/// Twenty-sixth round, written afresh: an initial run into a capitalised
/// surname ("RBhatti"), as a system prints who took a photo or who is on a
/// chat; a shifted capital ("DEvelopment") or a brand ("BGas") is none.
#[test]
fn an_initial_run_into_a_surname() {
    let text = "Photo 3 taken RBhatti 11/03/25. Teams chat RBhatti/FMcGrath about the \
                DEvelopment plan; BGas to quote.\n";
    assert_eq!(names(text), ["RBhatti", "RBhatti", "FMcGrath"]);
}

/// Twenty-sixth round, written afresh: the login a case log writes in a
/// column after the date (and time): small letters with digits or none,
/// capitals spelling an initial and a surname, or one space before the
/// note if it spells initials and a surname; the note's first word
/// ("VISIT", "Phoned") and a login in capitals that is no surname are none.
#[test]
fn a_login_in_a_logs_column_after_the_date() {
    let log = "11/02/25 hnoakes2   Rang tenant re arrears.\n\
                12/02/25 09:40 cdrummond   Letter A1 sent.\n\
                13/02/25 RMCALLISTER  Visit booked.\n\
                14/02/25 VISIT  No answer.\n\
                15/02/25 QWXZT  System note.\n\
                16/02/25 10:05 mpkershaw Referral made to floating support.\n\
                17/02/25 Phoned Tenant about the rent.\n";
    assert_eq!(
        names(log),
        ["hnoakes2", "cdrummond", "RMCALLISTER", "mpkershaw"]
    );
}

/// Twenty-sixth round, written afresh: the value of a key naming who did
/// a thing in a system's export, found again where it stands alone; a
/// service's account ("svc_backup", "system") is no one's.
#[test]
fn the_value_of_a_key_naming_who_did_it() {
    let export = "{\"raised_by\": \"jkowalczyk.orbit\", \"user_id\": \"staff:apatterson\"}\n\
                  {\"closed_by\": \"svc_backup\", \"updated_by\": \"system\", \"user\": \"t-55c0a1\"}\n\
                  # t-55c0a1 is another tenant's portal account\n";
    assert_eq!(
        names(export),
        ["jkowalczyk.orbit", "apatterson", "t-55c0a1", "t-55c0a1"]
    );
}

/// Twenty-sixth round, written afresh: a login alone in a quoted CSV
/// cell, and one whose surname the lists hold with a Welsh "s" after it;
/// a login after a word of recording and "by" ("transcribed by").
#[test]
fn a_login_in_a_quoted_cell_and_a_welsh_surname() {
    let csv = "\"date\",\"by\",\"note\"\n\"04/03/2025\",\"gpowells\",\"card left\"\n";
    assert_eq!(names(csv), ["gpowells"]);
    let note = "Letter scanned 02/04/2025, transcribed by kthornton2) and filed.";
    assert_eq!(names(note), ["kthornton2"]);
}

/// Twenty-eighth round, written afresh: a login of an initial, a full
/// stop and a surname after a word of recording and "by", and a login
/// after "Raised:" and its time; a role after "by" is no one.
#[test]
fn a_dotted_login_and_one_after_a_time_are_found() {
    let note = "# exported by m.haworth 03/06/2025 for SAR-25-077\n\
                Raised: 14/10/2024 10:12 by kpatel (contact centre)\n\
                Photos uploaded by s.mensah-boateng from a tablet; concern raised by tenant.\n";
    assert_eq!(names(note), ["m.haworth", "kpatel", "s.mensah-boateng"]);
}

#[test]
fn a_login_after_a_log_lines_iso_date_or_a_report_run_from_a_system() {
    // Thirtieth round, written afresh: a login in the column after an ISO
    // date and a time (with seconds or without), and after "exported from
    // <system> <date> by".
    assert_eq!(
        names(
            "Repairs log - exported from Orchard 02/01/2024 by hpatel\n\
             2023-11-14 16:05  tkowalski   closed the repair\n\
             2023-11-14 16:07:45  bosei   reopened it\n"
        ),
        ["hpatel", "tkowalski", "bosei"]
    );
}

#[test]
fn dotted_logins_of_staff_named_in_the_text() {
    // Thirtieth round, written afresh: the initial, a full stop and the
    // surname of someone the text names ("m.pellow" of Marcus Pellow),
    // wherever it stands; not in an e-mail address.
    assert_eq!(
        names(
            "Caseworker: Marcus Pellow. Typed by m.pellow 03/03/2024.\n\
             Copy to m.pellow@example.org.uk\n"
        ),
        ["Marcus Pellow", "m.pellow"]
    );
}

#[test]
fn a_login_after_a_commented_log_date_or_spelt_from_an_accented_name() {
    // Thirtieth round, written afresh: a log's line after a comment's "#",
    // and the login of a name written with accents ("Ewa Wróbel" is
    // "ewrobel"), wherever it stands again.
    assert_eq!(
        names(
            "# 2024-06-11 10:02  tgallacher   closed the alert\n\
             Call taken by agent ewrobel (Ewa Wróbel); ewrobel rang back.\n"
        ),
        ["tgallacher", "ewrobel", "Ewa Wróbel", "ewrobel"]
    );
}
