//! Names given as nicknames and in brackets after a relation (issue 16,
//! fourteenth round), through the real `disclose` binary, with texts
//! written afresh for these tests: a second nickname in quotes after "or",
//! a nickname after "the others call" or opening a sentence with "Known
//! locally as", a quoted nickname the brackets after it explain, a name in
//! brackets after a relation. A quoted word the brackets do not call a
//! nickname, and a word in brackets after a relation that no list holds as
//! a name, are no names.

use disclose_fixtures::disclose;

fn names(text: &str) -> Vec<String> {
    disclose!().detect_kind(text, "person_name")
}

#[test]
fn nicknames_in_quotes() {
    let text = "The lad I know as \"Tiggs\" or \"Bramble\" was there again.\n\
                Another one the others call \"Gonzo\".\n\
                Known locally as \"Whizzer\".\n\
                A third, \"Dibsy\" (believed Dean Ibbotson), ran off.\n";
    assert_eq!(
        names(text),
        [
            "Tiggs",
            "Bramble",
            "Gonzo",
            "Whizzer",
            "Dibsy",
            "Dean Ibbotson"
        ]
    );
    let words = "She said \"Brilliant\" (known to be sarcastic) and left.\n";
    assert!(names(words).is_empty());
}

#[test]
fn a_name_in_brackets_after_a_relation() {
    let text = "Benefits stopped when his wife (Ifrah) found work.\n\
                She asked that her ex-partner (Zoltan Farkas) is not told.\n";
    assert_eq!(names(text), ["Ifrah", "Zoltan Farkas"]);
    let words = "The tenant (Deceased) had no next of kin.\n";
    assert!(names(words).is_empty());
}

#[test]
fn a_given_name_after_a_word_that_nicknames_someone() {
    // Fifteenth round, texts written afresh: "big dave", "Big Lou", "lil
    // kyle" and "mad Tony" name someone; a word-name in lower case after
    // the word stays a word, as does the word after "a" or "the".
    let text = "seen big kev and lil kyle by the bins again\n\
                Big Lou said mad Tony done it.\n\
                she has a little faith left and the big will to carry on\n";
    assert_eq!(names(text), ["big kev", "lil kyle", "Big Lou", "mad Tony"]);
}

#[test]
fn the_name_someone_goes_by_in_brackets_after_their_name() {
    // Written afresh for the sixteenth round: a short name in brackets
    // after a full name ("Mr Haddad (Sami)", "Abimbola Bello (Bola)") is
    // that person's, and found again; a role, a language, a town and a
    // chatbot speaking are not.
    let text = "Complaint about Mr Haddad (Sami) and the bins.\n\
                Sami says the bins are not his.\n\
                Present: Abimbola Bello (Bola), Harriet Lowe (Chair), Anh Tran (Vietnamese), \
                Peter Shaw (London).\n\
                Bot: Please describe the repair.\n";
    assert_eq!(
        names(text),
        [
            "Mr Haddad",
            "Sami",
            "Sami",
            "Abimbola Bello",
            "Bola",
            "Harriet Lowe",
            "Anh Tran",
            "Peter Shaw"
        ]
    );
}

/// Nineteenth round, written afresh: the given name and the surname
/// around a nickname in quotes, even a given name that is a word ("Rob").
#[test]
fn the_given_name_and_surname_around_a_quoted_nickname() {
    assert_eq!(
        names("Seen by Rob \"Robbo\" Kinsella and Patrick \"Paddy\" Flynn.\n"),
        ["Rob", "Robbo", "Kinsella", "Patrick", "Paddy", "Flynn"]
    );
}

#[test]
fn a_nickname_in_quotes_and_brackets_after_a_name_found() {
    // Twenty-third round, written afresh: a nickname in quotes and
    // brackets just after a name found is hers, even one that is a word
    // ("Chi").
    let text = "Partner present: Mrs Chiamaka Eze (\"Chi\"), and the client.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Mrs Chiamaka Eze", "Chi"]
    );
}

#[test]
fn a_nickname_in_single_quotes_or_brackets_inside_a_name() {
    // Thirtieth round, written afresh: the surname after a nickname in
    // single quotes, and a nickname in brackets and quotes, belong to the
    // name around them.
    assert_eq!(
        names("Visitors: Gareth 'Gaz' Pennock and Chidi ('Chi-Chi') Obiora.\n"),
        ["Gareth", "Gaz", "Pennock", "Chidi", "Chi-Chi", "Obiora"]
    );
}
