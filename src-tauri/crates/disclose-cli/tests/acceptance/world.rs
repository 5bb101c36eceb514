//! Given names of other countries (issue 16, sixteenth round on), through the
//! real `disclose` binary, with texts written afresh for these tests:
//! Polish, Romanian and Turkish given names alone in a narrative, with no
//! cue before them, found from the lists of other countries' names; a
//! surname of the lists here that is a given name abroad still closes a
//! name ("Mo Aziz"). A note's ordinary words stay clean.

use disclose_fixtures::disclose;

#[test]
fn given_names_of_other_countries_alone_in_a_narrative() {
    let text = "Left the spare keys with Bogdana as agreed.\n\
                Gulsen from the ground floor heard the row as well.\n\
                Dariusz and Mirela were both at the panel.\n\
                The Kemal family next door have complained too.\n\
                Thanks Radu, see you then.\n\
                Rent paid in full. Estate walkabout booked for Tuesday.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Bogdana", "Gulsen", "Dariusz", "Mirela", "Kemal", "Radu"]
    );
}

#[test]
fn a_surname_here_that_is_a_given_name_abroad_still_closes_a_name() {
    let text = "Regards\n\nMo Aziz\nIncome Officer\n";
    assert_eq!(disclose!().detect_kind(text, "person_name"), ["Mo Aziz"]);
}

#[test]
fn a_surname_written_first_in_capitals_then_the_given_name() {
    // Written afresh for the sixteenth round: a household export lists
    // Chinese names surname first ("WANG Ling"); a road, a trust and a
    // surname that is an English word in capitals stay as they were.
    let text = "ID,ROLE,NAME,RELATION\n\
                H-2201,HOUSEHOLD,WANG Ling,partner\n\
                H-2202,HOUSEHOLD,CHEN Wei,son\n\
                Letter to the NHS Trust about WANG Road.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["WANG Ling", "CHEN Wei"]
    );
}

#[test]
fn given_names_of_more_countries_alone_in_a_narrative() {
    // Seventeenth round, the lists from the PyPI package Faker too: Igbo,
    // Kenyan, Zulu, Lithuanian and Irish given names with no cue before
    // them; the note's ordinary words and a place stay clean.
    let text = "Chukwuemeka said the lift was out again.\n\
                Left a card for Wanjiru at the door.\n\
                Thandiwe and Jurgita both signed the petition.\n\
                Aongus rang the office about the bins.\n\
                Estate walkabout moved to Bradford Road on Tuesday.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Chukwuemeka", "Wanjiru", "Thandiwe", "Jurgita", "Aongus"]
    );
}

#[test]
fn names_the_new_lists_hold_in_a_narrative() {
    // Twentieth round: Zimbabwean, Somali and Kurdish given names and
    // surnames of Lancashire, Yorkshire and Zimbabwe.
    let text = "Farai rang about the boiler; Tsitsi Mpofu is the joint tenant.\n\
                Hibaq and Rojda came to the drop-in.\n\
                The letter was from Mr Murgatroyd, copied to Joan Tattersall.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        [
            "Farai",
            "Tsitsi Mpofu",
            "Hibaq",
            "Rojda",
            "Mr Murgatroyd",
            "Joan Tattersall"
        ]
    );
}

#[test]
fn an_irish_surname_with_its_particle() {
    // Twenty-first round: "Ó" and "Ní" inside an Irish surname, after a
    // known given name.
    let text = "Met Aoife Ní Bhriain and her uncle Seán Ó Briain at the office.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Aoife Ní Bhriain", "Seán Ó Briain"]
    );
}

#[test]
fn an_irish_particle_after_a_given_name_no_list_holds() {
    // Twenty-second round, written afresh: the particle says a name even
    // where the given name before it is in no list.
    let text = "Patch Manager: Tadhgán Ó Murchú.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Tadhgán Ó Murchú"]
    );
}

#[test]
fn a_vietnamese_name_family_name_first() {
    // Twenty-second round, written afresh: a Vietnamese family name, "Van"
    // or "Thi", and a given name, also in a CSV's capitals; a Dutch "van"
    // in small letters is another rule's.
    let text = "Her husband Pham Van Quang works nights.\n\
                G07,Ash Road garages,DO Thi Mai,Flat 3\n";
    let names = disclose!().detect_kind(text, "person_name");
    for n in ["Pham Van Quang", "DO Thi Mai"] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
}

#[test]
fn a_welsh_patronymic_and_initials_before_a_surname_or_its_particle() {
    // Twenty-third round, written afresh: "ap" or "ferch" between a given
    // name and a surname, or after initials; two initials each with its
    // full stop before a surname no list holds; two bare initials inside a
    // line, the first "A". "AB" in capitals stays a writer's initials.
    let text = "Electrician: Dafydd ap Hywel. Signed off by: D. ap Hywel\n\
                Witness: Gwen ferch Ifan\n\
                Checked by F. Z. Bennouna on the day.\n\
                Signed A J Morgan      Dated 3 May\n\
                rec'd by AB at the office.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        [
            "Dafydd ap Hywel",
            "D. ap Hywel",
            "Gwen ferch Ifan",
            "F. Z. Bennouna",
            "A J Morgan",
            "AB"
        ]
    );
}

#[test]
fn a_given_name_written_with_its_accents_is_the_listed_one() {
    // Twenty-third round, written afresh: a given name the lists hold
    // without accents, written with them, after a role's label; a
    // transliterated word in small letters stays clean.
    let text = "IDVA: Sinéad Cullinane, Haven Refuge - 07700 900777\n\
                Interpreter booked: Ayşe Korkmaz (Turkish)\n\
                He said mehmān, meaning guest.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Sinéad Cullinane", "Ayşe Korkmaz"]
    );
}

#[test]
fn welsh_and_gaelic_names_and_the_welsh_words_around_them() {
    // Twenty-seventh round, written afresh: Welsh and Scottish Gaelic given
    // names and surnames ("Heledd Rowlands", "Ieuan Prys", "Seonag
    // NicLeòid") are names; the Welsh words of a letter around them
    // ("Diolch am eich llythyr", "Dydd Gwener") are not.
    let d = disclose!();
    let text = "Annwyl Mr Hughes,\n\
                Diolch am eich llythyr. Rydym wedi cyfeirio at Heledd Rowlands.\n\
                Dydd Gwener, 12 Mehefin: ymweliad gan Ieuan Prys.\n\
                Seonag NicLeòid said the close was clean.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "Mr Hughes",
            "Heledd Rowlands",
            "Ieuan Prys",
            "Seonag NicLeòid"
        ]
    );
}

#[test]
fn scottish_and_cornish_names_alone_or_whole() {
    // Twenty-eighth round, written afresh: Scottish and Cornish given
    // names and Cornish surnames the lists lacked, a given name alone after
    // a verb and a whole name after "Signed:".
    let d = disclose!();
    let text = "Keys left with Ailsa at the factor's office; Elowen rang back.\n\
                Signed: Morwen Trelawney, Operations Manager.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["Ailsa", "Elowen", "Morwen Trelawney"]
    );
}

#[test]
fn a_welsh_landlords_name_and_a_forces_or_firms_name_are_no_one() {
    // Twenty-eighth round, written afresh: "Tai" (housing) opening a Welsh
    // landlord's name, the words after "Cymdeithas Tai" and "Swyddog Tai"
    // (Housing Officer) are no person; "Tai" before a surname is one. A
    // place or a surname before "Constabulary", "Advocacy" or "Fuels" is a
    // body's or a firm's name.
    let d = disclose!();
    let text = "TAI GLYNDWR - CHECKLIST
                Support from Tai Heulwen every fortnight (worker: Mererid Owen).
                Cymdeithas Tai Dyffryn Clwyd, Swyddog Tai / Housing Officer: Elin Pugh
                Referred by Dyfed-Powys Constabulary and Ceredigion Advocacy; oil from Pryce Fuels.
                Interpreter: Tai Nguyen
";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["Mererid Owen", "Elin Pugh", "Tai Nguyen"]
    );
}

#[test]
fn a_name_again_in_its_own_script_and_a_statements_declarant() {
    // Twenty-seventh round, written afresh: a translation's name followed
    // by the same name in Cyrillic or Greek, in brackets, is the person's
    // name twice; a statement's "I, …," names its maker though no list
    // holds the given name; "I, However," names no one.
    let d = disclose!();
    let text = "Mother: Zlatina Petkova Dimova (Златина Петкова Димова)\n\
                Witness: Eleni Papadaki (Ελένη Παπαδάκη)\n\
                I, Radomira Kostova-Hale, of Flat 2, declare that the translation is true.\n\
                I, However, Think otherwise.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "Zlatina Petkova Dimova",
            "Златина Петкова Димова",
            "Eleni Papadaki",
            "Ελένη Παπαδάκη",
            "Radomira Kostova-Hale"
        ]
    );
}

#[test]
fn somali_greek_cypriot_and_scottish_names_the_lists_lacked() {
    // Twenty-ninth round, written afresh: given names and surnames of the
    // UK's Somali and Greek Cypriot communities and of Scotland that the
    // lists lacked, whole and alone.
    let d = disclose!();
    let text = "Referred to adviser Graeme Menzies on 19/01. Euan rang back.\n\
                Children: Nimco Warsame (8) and Guled Dualeh (6); mum Fadumo Jama.\n\
                Witness: Yiannis Kyriacou of flat 4.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        [
            "Graeme Menzies",
            "Euan",
            "Nimco Warsame",
            "Guled Dualeh",
            "Fadumo Jama",
            "Yiannis Kyriacou"
        ]
    );
}

#[test]
fn punjabi_eritrean_and_yoruba_names_the_lists_lacked() {
    // Thirtieth round, written afresh: given names and surnames of the
    // UK's Punjabi, Eritrean and Yoruba communities in a note or in a
    // register's row; a virtue name that is a word stays a word in a
    // sentence.
    let text = "Viewed with Harjit Bhogal (team leader).\n\
                Visitor: Semere Kidane (brother).\n\
                Rivermead Court,4,Temperance Olaniyan,secure tenant\n\
                Thanks for your patience and comfort.\n";
    assert_eq!(
        disclose!().detect_kind(text, "person_name"),
        ["Harjit Bhogal", "Semere Kidane", "Temperance Olaniyan"]
    );
}
