//! Words that stand where a name goes but name no one, and names that are
//! words (issue 16, twelfth round), through the real `disclose` binary, with
//! texts written afresh for these tests.

use crate::assert_names;

#[test]
fn cries_groups_and_roles_after_a_cue_are_no_names() {
    assert_names(
        "CALLER: Thanks. Oh - and the lad next door is back.\nDear Sirs\nThank you God it was quiet.\n",
        &[],
    );
    assert_names(
        "My constituent has asked me to write. The complainant says her son Callum sed he saw it.\n",
        &["Callum"],
    );
    assert_names(
        "RENT ACCOUNT - HOUSEHOLD COMPOSITION CHECKLIST\nLady from the office rang.\n",
        &[],
    );
}

#[test]
fn a_surname_that_is_a_word_after_a_title() {
    assert_names(
        "Mr Marsh refused entry again. Mrs Doreen Field rang to complain and Miss Hunt took the call.\n",
        &["Mr Marsh", "Mrs Doreen Field", "Miss Hunt"],
    );
    // After a rank, a word no name list holds names no one.
    assert_names("Book it with the PC Repairs desk on Monday.\n", &[]);
}

#[test]
fn nicknames_in_quotes_beside_a_name() {
    assert_names(
        "The visitor is Callum Rigby, known as \"Ghost\". Later Ghost came back.\n",
        &["Callum Rigby", "Ghost", "Ghost"],
    );
    assert_names(
        "Two lads, one I only know as\n\"Beans\" (Liam Dunphy), were on the stairs.\n",
        &["Beans", "Liam Dunphy"],
    );
    assert_names(
        "SUSPECT: \"TANK\" - HEIGHT 6FT\n  \"Sparky\" - believed Nathan Orr, Flat 9\n",
        &["TANK", "Sparky", "Nathan Orr"],
    );
    // A building known by a name in quotes is no person.
    assert_names(
        "The old depot, known as \"the Sheds\", is boarded up.\n",
        &[],
    );
}

#[test]
fn a_relation_at_a_lines_end_and_a_childs_date_of_birth() {
    assert_names(
        "She called round with her nephew\nOsagie, who is staying for the summer.\n",
        &["Osagie"],
    );
    assert_names(
        "The household is the tenant and her two children, Ife (DOB 03/05/2016) and Tolu (DOB 11/01/2019).\n",
        &["Ife", "Tolu"],
    );
    // "our partner" at a line's end in a firm's letter names no one.
    assert_names(
        "We have appointed our partner\nNorthern Roofing Services to do the work.\n",
        &[],
    );
}

#[test]
fn chat_headings_contacts_and_note_initials() {
    // A chat export heads each message with the name and the time; a
    // contact saved with a house number or a relation speaks too.
    assert_names(
        "Priya Lakhani 10:02\nwho is on call tonight?\nOwen Tasker 10:04\nme\n",
        &["Priya Lakhani", "Owen Tasker"],
    );
    assert_names(
        "[03/02/26, 21:15] Shaz No.14: they are at it again\n[03/02/26, 21:17] Nanna Rose: ring the police love\n",
        &["Shaz", "Nanna Rose"],
    );
    // A note's date, the writer's initials and a dash; not an abbreviation.
    assert_names(
        "12/01  KT - Visited, no answer.\n19/01  KT - Tenant rang back.\n26/01  ASB - Case reviewed.\n",
        &["KT", "KT"],
    );
    // A line with a day or a meeting and a time names no one.
    assert_names("Monday 09:30\nTeam Meeting 10:00\n", &[]);
}

#[test]
fn surnames_with_particles() {
    assert_names(
        "Notes\nCopy to Maria dos Santos and Lucas de Oliveira.\n",
        &["Maria dos Santos", "Lucas de Oliveira"],
    );
    // "de" between other words names no one.
    assert_names("The Rue de la Paix office is closed.\n", &[]);
}

#[test]
fn a_surname_alone_after_in_or_near_is_a_town_and_a_contraction_closes_no_name() {
    assert_names(
        "Her mother lives in Ashworth and the family would like to be there.\n",
        &[],
    );
    // A person in a place is still found with a title or a given name.
    assert_names(
        "She stays with Mrs Ashworth in Halifax.\n",
        &["Mrs Ashworth"],
    );
    assert_names("Tell Marcia I'm sorry about the noise.\n", &["Marcia"]);
}

#[test]
fn a_name_that_is_a_word_speaking_on_two_lines_of_a_text_log() {
    assert_names(
        "04/03 10:02 Grace: Hi Tom, its Grace from Holmfield. Is Friday ok?\n\
         04/03 10:20 Tom: yeh fine\n\
         04/03 10:31 Grace: Great, see you then\n",
        &["Grace", "Tom", "Grace", "Tom", "Grace"],
    );
    // Once only, a word before a colon is a label.
    assert_names("04/03 10:02 Hope: the boiler is fixed\n", &[]);
}

#[test]
fn a_possessive_without_its_apostrophe_a_pet_and_a_nickname_known_locally() {
    assert_names(
        "he keeps parking in Ritas bay and his lad kicks Gemmas door.\n",
        &["Ritas", "Gemmas"],
    );
    assert_names("they park in Tescos car park all night\n", &[]);
    assert_names(
        "A male known locally as \"Stretch\" has been seen. Their dog called Bella barks.\n",
        &["Stretch"],
    );
    assert_names("a girl called Bella was crying\n", &["Bella"]);
}

#[test]
fn a_babys_age_a_name_beside_the_person_and_a_name_before_a_house_number() {
    assert_names(
        "She has three children, Ayla (4), Mikey (2) and Jonah (10 months).\n",
        &["Ayla", "Mikey", "Jonah"],
    );
    assert_names("Section (6 months) of the lease.\n", &[]);
    assert_names(
        "He was shouting at the lad, Tyler. Later I saw Tyler at the shop.\n",
        &["Tyler", "Tyler"],
    );
    assert_names("Complaint passed to the team, Housing said no.\n", &[]);
    let d = disclose_fixtures::disclose!();
    let text = "Neighbours: says Grace at 14 has been helping him.\n";
    assert_eq!(d.detect_kind(text, "person_name"), ["Grace"]);
    assert_eq!(d.detect_kind(text, "address_line"), ["14"]);
    assert_names("She saw Grace at 3 pm and again at 12 o'clock.\n", &[]);
}

#[test]
fn a_child_after_a_parent_of_a_surname_in_its_town_and_a_worker_from_the_team() {
    assert_names(
        "Children: Ruby Hale, Mason Hale.\nMr Pratt is the father of Mason.\n",
        &["Ruby Hale", "Mason Hale", "Mr Pratt", "Mason"],
    );
    assert_names(
        "Her boyfriend Ashley Preston lived in Preston until May.\n",
        &["Ashley Preston"],
    );
    assert_names(
        "I'll be with Tolu from the estates team. Tolu will ring you.\n",
        &["Tolu", "Tolu"],
    );
    assert_names("Passed to Northmere from the Estates Team.\n", &[]);
}

#[test]
fn a_nickname_word_before_a_name_and_organisations_named_after_people_or_places() {
    assert_names(
        "Big Dave was on the landing again. Little Chris ran off.\n",
        &["Big Dave", "Little Chris"],
    );
    assert_names(
        "GP: Dr Hassan Iqbal, Dr Patel's Surgery, Mill Road. Referral to Age UK Rochdale and \
         Citizens Advice Bury. He works for Frost & Walker Roofing. Claimant: Holme Lane \
         Housing Co-operative. My GP says it is stress; the MARAC and MASH were told.\n",
        &["Dr Hassan Iqbal"],
    );
    // A person's own possessive before a home is still theirs.
    assert_names(
        "We met at Dr Patel's house. Age UK helped.\n",
        &["Dr Patel"],
    );
}

#[test]
fn cars_by_make_and_model_are_no_names() {
    assert_names(
        "He drives a white Mercedes van and parks a Kia Ceed and a silver Toyota Yaris on the \
         verge.\nVEHICLE: BLUE VAUXHALL CORSA\n",
        &[],
    );
    // A person named like a make is still a person.
    assert_names(
        "Mercedes Ortiz rang about the noise; Kia said the same.\n",
        &["Mercedes Ortiz", "Kia"],
    );
}

#[test]
fn the_person_a_note_is_left_for() {
    assert_names(
        "02/12 [no NOSP] Note for Grace: please hold the letters.\nFAO Will - call the tenant back.\n",
        &["Grace", "Will"],
    );
    // A month or a word of time after the cue is no one.
    assert_names(
        "Note for May: rent review. A reminder for Monday, and one for Housing.\n",
        &[],
    );
}

#[test]
fn conditions_welsh_months_a_cars_make_and_a_chats_me_are_no_one() {
    // Twenty-first round: a condition named after a doctor, Welsh months
    // and a letter's Welsh "Dear", a car's make after its form's label and
    // "ME" writing in a chat are no one; a title keeps a name a name, and
    // a language that is also a given name before a surname is a name.
    assert_names(
        "History: Alzheimer's since 2021 and Parkinson's (dx 2019). Mr Parkinson's dog barked.\n",
        &["Mr Parkinson"],
    );
    assert_names(
        "Annwyl Mrs Pugh,\nDyddiad: 4 Tachwedd 2025. Cyfeiriwyd at 29 Hydref.\n",
        &["Mrs Pugh"],
    );
    assert_names("Vehicle reg: YK21 ABC   Make: Skoda Fabia (red)\n", &[]);
    assert_names("12/05 09:10 ME: Hi Keisha, I'll call at 10.\n", &["Keisha"]);
    assert_names(
        "Statements from Shona Kirkwood and Irish neighbours.\n",
        &["Shona Kirkwood"],
    );
}

#[test]
fn a_surname_after_its_forms_label_and_a_given_name_then_hope() {
    // Twenty-first round: a known surname or given names in capitals
    // after their form's labels; "Hope" as a surname after a given name.
    assert_names(
        "SURNAME: HOPE    FORENAMES: GARY MARTIN\nReferred to his supervisor Craig Hope. We hope to hear soon.\n",
        &["HOPE", "GARY MARTIN", "Craig Hope"],
    );
}

#[test]
fn a_trade_an_interpreters_label_and_a_power_of_attorney_are_no_one() {
    // Twenty-second round, written afresh: a job sheet's trade, an
    // interview's "Interp:" speaker and a "LPA" in capitals name no one;
    // the operative and the writer's initials still do.
    let text = "Trade:      Joiner / Plasterer\n\
                Operative: Carl Hepworth (Joiner)\n\
                14:06 Interp: He says he was not at home.\n\
                Daughter holds LPA for finance. Copy of LPA requested. JKW\n";
    assert_names(text, &["Carl Hepworth", "JKW"]);
}

#[test]
fn the_occupier_is_no_name() {
    // Twenty-third round, written afresh: an electrician's notes call the
    // tenant "the occupier", at a line's start and before a possessive.
    assert_names(
        "- Occupier rang back 12:10, asked for works after 3pm.\n\
         - occupier's son Rhodri answered the door.\n",
        &["Rhodri"],
    );
}

#[test]
fn urdu_words_quoted_in_latin_letters_are_no_names() {
    // Twenty-third round, written afresh: a visit note quoting Urdu in
    // Latin letters; its verbs and its words for kin said in respect are
    // no one, the people it names are.
    assert_names(
        "Nasreen said: \"Beta, mera ghutna dard karta hai.\"\n\
         Her daughter Sadia said \"Ammi ke saath Imran rehta hai\" (Chacha comes Sundays).\n",
        &["Nasreen", "Sadia", "Imran"],
    );
}

#[test]
fn a_registers_columns_and_a_landlords_teams_are_no_names() {
    // Twenty-fifth round, written afresh: a register's "UPRN", "PROP" and
    // "RES" columns, a debt relief order, "MS Teams", "Resident Liaison",
    // "Engagement" and an insurer are no one; the people beside them are.
    assert_names(
        "UPRN 100023998812   PROP 14   RES   Joyce Adair\n\
         DRO approved 12/01 - adviser Femi Cole. Meeting on MS Teams with Resident Liaison.\n\
         Engagement Strategy sent. Claim passed to Zurich by Owen Pryce.\n",
        &["Joyce Adair", "Femi Cole", "Owen Pryce"],
    );
}

#[test]
fn a_vets_a_letting_agent_a_fellowship_and_a_research_firm_are_no_one() {
    // Twenty-fifth round, written afresh: a firm named with a word that is
    // a given name before "Vets", "Lets", "Fellowship" or "Research" is no
    // person; the people beside them are.
    assert_names(
        "Vet: Shirley Vets. Agent: Clifton Lets (contact Becky Marsh).\n\
         Hall booked by Grace Fellowship; survey by Acuity Research for Nadia Kerr.\n",
        &["Becky Marsh", "Nadia Kerr"],
    );
}

#[test]
fn a_surname_that_is_a_word_after_a_title_and_an_initial() {
    // Twenty-fifth round, written afresh: "Mrs J Fields" in a CSV row and
    // "Mr T. Marsh" in a note, the initial between the title and a surname
    // that is a word.
    assert_names(
        "14 Ash Row,Mrs J Fields,,Oak,Beige\nSpoke to Mr T. Marsh about the fence.\n",
        &["Mrs J Fields", "Mr T. Marsh"],
    );
}

#[test]
fn a_courtesy_title_and_one_letter_for_the_surname() {
    // Twenty-seventh round, written afresh: a neighbour called by a title
    // and one capital ("Mrs T", "\"Mr K\"", "spoke to Mr G.") is a person;
    // a title before initials and a surname stays one name, and a title
    // run into a code ("Mr B/C") is none.
    assert_names(
        "Mrs T downstairs says it was the lad.\nHe calls himself \"Mr K\" on the app.\nI spoke to Mr G. He was fine.\n",
        &["Mrs T", "Mr K", "Mr G."],
    );
    assert_names(
        "Letter to Mr R J Okonjo.\nSee grid Mr B/C.\n",
        &["Mr R J Okonjo"],
    );
}

#[test]
fn laws_streets_firms_and_references_are_no_names() {
    // Thirtieth round, written afresh: "Act" of a law, a "Walk" after a
    // name that is a street, a firm named after a surname and its trade
    // ("Consulting", "Architects"), and the letters of a job's reference
    // in a timesheet's column, are no one's names.
    assert_names(
        "under section 11 of the Landlord and Tenant Act 1985 the repair is ours.\n\
         Leaflets left by the bins on Ashton Walk.\n\
         Survey by Mensah Consulting; Pryce Tandy Architects drew it.\n",
        &[],
    );
    assert_names(
        "Day | Job              | Address          | Tenant\n\
         TUE | KPH-RW-330187    | 19 Moss Lane     | Mrs Ada Kinsella\n\
         WED | KPH-RW-330201    | 3 Birch Close    | Mr Tom Reilly\n",
        &["Mrs Ada Kinsella", "Mr Tom Reilly"],
    );
}

#[test]
fn a_given_name_before_lets_or_one_that_is_a_language() {
    // Thirtieth round, written afresh: "lets" in small letters after a
    // given name is the verb, no letting agent's name; "Shona", a language
    // and a given name, is a person after a cue or after another given
    // name and "and", and a language after a label. A place before
    // "estate" stays a place.
    assert_names(
        "Her son Declan lets the gas man in.\n\
         Our neighbour Shona complained; later Callum and Shona left.\n\
         Interpreter booked: Shona. Lads from the Parkside estate again.\n",
        &["Declan", "Shona", "Callum", "Shona"],
    );
}

#[test]
fn a_role_before_a_name_stays_out_of_it() {
    // Thirtieth round, written afresh: a job's word before a name ("Team
    // Leader", "Paramedics") is no part of the name.
    assert_names(
        "Viewed with Team Leader Gwen Bhogal.\nParamedics Craig and Shona arrived.\n",
        &["Gwen Bhogal", "Craig", "Shona"],
    );
}

#[test]
fn names_in_no_list_after_a_role_a_label_or_a_given_name() {
    // Thirty-first round, written afresh: a note taker's label, a
    // transcript's speaker whose surname is a word, a crew's leader and a
    // caretaker, a name signed off by, an Irish "Mc" written apart, a form's
    // surname in capitals after a title and a given name; an interviewer's
    // "ID" is no one's initials.
    assert_names(
        "Note taker: Suki Ladle\n\
         [00:03:12] Suki Ladle: Noted, thanks.\n\
         The hedge was cut by crew leader Marek Oddie, checked by caretaker Jonah Birtle.\n\
         Works completed by Jonty Ashbrook.\n\
         | Social worker | Gráinne Mc Closkey | Western Trust |\n\
         Booked in by Ms Hollie FIELDS; interviewer ID QA-3310.\n",
        &[
            "Suki Ladle",
            "Suki Ladle",
            "Marek Oddie",
            "Jonah Birtle",
            "Jonty Ashbrook",
            "Gráinne Mc Closkey",
            "Ms Hollie FIELDS",
        ],
    );
}

#[test]
fn a_name_in_no_list_between_two_names_of_a_list() {
    // Thirty-first round, written afresh: a list of people parted by
    // commas; the one whose given name is a word and whose surname no list
    // holds is a person too. Towns and a team in such a list stay out.
    assert_names(
        "Crew on the day: R. Duthie, Ally Brankin, Morag Hendry, Lewis (labourer).\n\
         Areas: Leeds, Bradford, Wakefield.\n",
        &["R. Duthie", "Ally Brankin", "Morag Hendry", "Lewis"],
    );
}

#[test]
fn a_forms_label_aligned_with_spaces_before_the_name() {
    // Thirty-first round, written afresh: a form's labels padded to line
    // up their values; the name after "Witness:" is a person though both
    // its words are words.
    assert_names(
        "Tenant:     refused works\nWitness:    Rob Feather (site manager)\n",
        &["Rob Feather"],
    );
}

#[test]
fn a_nominee_a_surname_and_its_initial_and_a_surname_that_is_a_word_in_capitals() {
    // Thirty-second round, written afresh: "Nominee" opening a line is no
    // given name; a surname and an initial before a dash's next field; a
    // surname that is a word in capitals before a given name in capitals,
    // in a column aligned with spaces.
    assert_names("Nominee Rennie was shortlisted.\n", &["Rennie"]);
    assert_names("Rennie, D. - emp no 4410 - Plumber.\n", &["Rennie, D."]);
    assert_names(
        "REF     ADDRESS                 TENANT             VISIT\n\
         5501    4 OAK ROW BD7 2QT       FIELDS, IRENE      02/10 OK\n",
        &["FIELDS, IRENE"],
    );
}
