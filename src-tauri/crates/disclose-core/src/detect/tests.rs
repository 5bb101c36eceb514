//! Tests of the recognisers: each kind found, the hard negatives left alone,
//! the forms a name takes, grouping by person, and no panics on any input.

use super::*;

fn of_kind<'a>(text: &'a str, kind: &str) -> Vec<&'a str> {
    findings(text)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| &text[f.start..f.end])
        .collect()
}

fn names(text: &str) -> Vec<&str> {
    of_kind(text, "person_name")
}

#[test]
fn check_digits() {
    assert!(valid_nhs("943 476 5919"));
    assert!(!valid_nhs("943 476 5918"));
    assert!(!valid_nhs("000 000 0000"));
    assert!(luhn("4111 1111 1111 1111"));
    assert!(!luhn("4111 1111 1111 1112"));
}

#[test]
fn findings_carry_byte_ranges_of_the_text() {
    let text = "Zoë's NHS no. 943 476 5919, card 4111-1111-1111-1111, ring 07700 900123 or e-mail zoe@example.com. Job ref 123 456 7890.";
    let found = findings(text);
    let kinds: Vec<&str> = found.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["person_name", "nhs_number", "card_number", "phone", "email"],
        "{found:?}"
    );
    assert_eq!(found[0].text, "Zoë");
    for f in &found {
        assert_eq!(&text[f.start..f.end], f.text);
    }
}

#[test]
fn names_with_titles_and_initials() {
    assert_eq!(names("Spoke to Mrs Okafor today."), ["Mrs Okafor"]);
    assert_eq!(names("Letter to Mr J. Smith about rent."), ["Mr J. Smith"]);
    assert_eq!(names("Dr Patel wrote in."), ["Dr Patel"]);
    assert_eq!(names("Seen by Mr. Kowalski."), ["Mr. Kowalski"]);
    assert_eq!(names("Operative J. Smith attended."), ["J. Smith"]);
    assert_eq!(names("Operative J Smith attended."), ["J Smith"]);
    assert_eq!(names("DEAR MRS OKAFOR"), ["MRS OKAFOR"]);
}

#[test]
fn names_in_every_case_and_order() {
    assert_eq!(names("Tenant: Smith, John"), ["Smith, John"]);
    assert_eq!(names("RE: JOHN SMITH - noise"), ["JOHN SMITH"]);
    assert_eq!(names("i saw john smith again"), ["john smith"]);
    assert_eq!(names("Jane Anne Smith rang."), ["Jane Anne Smith"]);
    assert_eq!(names("Chidi Okafor rang."), ["Chidi Okafor"]);
    assert_eq!(names("Mark Jones attended."), ["Mark Jones"]);
    assert_eq!(names("She says Bill Quinlan shouted."), ["Bill Quinlan"]);
    assert_eq!(names("She says O Adeyinka shouted."), ["O Adeyinka"]);
    assert_eq!(names("enough of leanne patel and"), ["leanne patel"]);
    assert_eq!(names("Ask Smith-Jones."), ["Smith-Jones"]);
    assert!(names("Shares in Knight-Ridder rose.").is_empty());
    assert!(names("they bought fixed-price gas").is_empty());
}

#[test]
fn a_name_found_once_is_found_again() {
    let text = "Her son Temitope has asthma. Tariq shouted at Temitope.";
    assert_eq!(names(text), ["Temitope", "Tariq", "Temitope"]);
    let text = "Her daughter May came round. Rent is due in May. May 2026 is fine.";
    assert_eq!(names(text), ["May"]);
}

#[test]
fn all_caps_names_with_one_known_part() {
    assert_eq!(names("She says GARETH QUINLAN shouted"), ["GARETH QUINLAN"]);
    assert_eq!(names("She says OLUMIDE PATEL shouted"), ["OLUMIDE PATEL"]);
    assert!(names("NOTICE OF SEEKING POSSESSION").is_empty());
}

#[test]
fn possessives_leave_out_the_s() {
    assert_eq!(names("Mrs Okafor's dog barked."), ["Mrs Okafor"]);
    assert_eq!(names("It was Okafor's car."), ["Okafor"]);
    assert_eq!(names("Tariq’s van"), ["Tariq"]);
    assert_eq!(names("McDonald's and O'Brien's"), ["McDonald", "O'Brien"]);
    assert!(names("base64 MiA junk").is_empty());
}

#[test]
fn email_display_names_and_cues() {
    let text = "From: Jane Doe <jane@x.org>";
    assert_eq!(names(text), ["Jane Doe"]);
    assert_eq!(of_kind(text, "email"), ["jane@x.org"]);
    assert_eq!(names("To: \"Doe, Jane\" <jane@x.org>"), ["Doe, Jane"]);
    assert!(names("From: Repairs Team <repairs@x.org>").is_empty());
    assert_eq!(names("my neighbour Sam keeps a dog"), ["Sam"]);
    assert_eq!(names("her daughter Grace was there"), ["Grace"]);
    assert_eq!(names("Signed: Zebedee Quux"), ["Zebedee Quux"]);
    assert_eq!(
        names("Next of kin of the neighbour: Quux, Zebedee\n"),
        ["Quux, Zebedee"]
    );
    assert_eq!(names("my neighbour Zebedee, "), ["Zebedee"]);
    assert_eq!(
        names("Kind regards,\nPriya Khan\nASB Officer"),
        ["Priya Khan"]
    );
}

#[test]
fn places_organisations_and_words_are_not_names() {
    for text in [
        "The light is out on Victoria Road.",
        "Fans of Chelsea Avenue residents group.",
        "Keys left at Florence Court.",
        "St John's Close was gritted.",
        "Paid to Smith & Co Ltd.",
        "Payment via Barclays Bank.",
        "Jones Housing Association wrote.",
        "Patel Brothers Ltd quoted.",
        "Rent review in May; new charges from June.",
        "Will you please confirm? Hope this helps.",
        "A Grace period was agreed. Mark the case.",
        "Bill payments on Monday and Tuesday.",
        "A silver Ford Fiesta was parked there.",
        "Mary Seacole Close and Nelson Mandela House.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", findings(text));
    }
}

#[test]
fn bank_details_dates_of_birth_and_vehicles() {
    let text = "Sort code 12-34-56, account number 12345678; S/C 20 45 67 A/C 87654321.";
    assert_eq!(of_kind(text, "sort_code"), ["12-34-56", "20 45 67"]);
    assert_eq!(of_kind(text, "account_number"), ["12345678", "87654321"]);
    assert!(of_kind("We met on 12-34-56 and paid 12345678.", "sort_code").is_empty());
    let text =
        "DOB: 04/03/1985. Visited 12/01/2026. Born on 4th March 1985; date of birth 1985-03-04.";
    assert_eq!(
        of_kind(text, "date_of_birth"),
        ["04/03/1985", "4th March 1985", "1985-03-04"]
    );
    assert_eq!(
        of_kind("A car, reg AB12 CDE, and another, YT70ABC.", "vehicle_reg"),
        ["AB12 CDE", "YT70ABC"]
    );
}

#[test]
fn address_lines() {
    assert_eq!(
        of_kind(
            "She lives at 14 Victoria Road, Stockport SK1 2AB.",
            "address_line"
        ),
        ["14 Victoria Road, Stockport"]
    );
    assert_eq!(
        of_kind("Flat 3, 22 Mill Lane", "address_line"),
        ["Flat 3, 22 Mill Lane"]
    );
    assert!(of_kind("about flat 3, M14 5RT", "address_line").is_empty());
    assert_eq!(
        of_kind(
            "Victim: Flat 6 Ashworth Court. Post to Apartment 14, Quay House, 3 Quay Street.",
            "address_line"
        ),
        [
            "Flat 6 Ashworth Court",
            "Apartment 14, Quay House, 3 Quay Street"
        ]
    );
}

#[test]
fn references_are_not_phones_or_nhs_numbers() {
    for text in [
        "Job ref 123 456 7890.",
        "Ref: 0161 496 0000",
        "Invoice no. 943 476 5919",
        "Order 07700 900123 raised",
        "Order +44 (0)161 496 0054",
    ] {
        assert!(findings(text).is_empty(), "{text}: {:?}", findings(text));
    }
    assert_eq!(of_kind("Call 0161 496 0000.", "phone"), ["0161 496 0000"]);
    assert_eq!(
        of_kind("NHS number 0785171983", "nhs_number"),
        ["0785171983"],
        "a number called an NHS number is not a phone"
    );
}

#[test]
fn person_keys_group_the_ways_a_name_is_written() {
    let key = person_key("John Smith");
    assert_eq!(key, "john smith");
    assert_eq!(person_key("Smith, John"), key);
    assert_eq!(person_key("JOHN SMITH"), key);
    assert_eq!(person_key("Mr John Smith's"), key);
    assert_eq!(person_key("Mrs Okafor's"), "okafor");
    assert_eq!(person_key("Dr. Okafor"), "okafor");
}

#[test]
fn any_input_is_safe_and_ranges_lie_on_char_boundaries() {
    let mut state = 0x1234_5678_9ABC_DEF0_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = [
        "Mr",
        " ",
        ".",
        "'s",
        "’",
        "Zoë",
        "J",
        ",",
        "\n",
        "<",
        "a@b.co>",
        "0161",
        "-",
        "Road",
        "ß",
        "🙂",
        "Ω",
        "Smith",
        "DOB",
        "12",
        "/",
        "born",
        "é",
        "\u{301}",
        "&",
        "\"",
        "neighbour ",
        "Signed: ",
        ", ",
        "Mary",
        "Regards,\n",
        "Job ref ",
        "sort code ",
        "A",
        "McD",
        "O'",
    ];
    for _ in 0..5000 {
        let len = next() % 24;
        let text: String = (0..len)
            .map(|_| {
                let r = next();
                if r % 3 == 0 {
                    char::from_u32((r >> 8) as u32 % 0x11_0000)
                        .unwrap_or('x')
                        .to_string()
                } else {
                    pieces[(r >> 8) as usize % pieces.len()].to_string()
                }
            })
            .collect();
        for f in findings(&text) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(text[f.start..f.end], f.text);
        }
        let _ = person_key(&text);
    }
}

#[test]
fn foreign_phone_numbers_are_phones() {
    let text = "Call (713) 853-4737, 713-345-4666 or +49 221 7158195. Job ref 123 456 7890.";
    assert_eq!(
        of_kind(text, "phone"),
        ["(713) 853-4737", "713-345-4666", "+49 221 7158195"]
    );
}

#[test]
fn firms_named_after_people_are_not_names() {
    assert_eq!(
        names("Call Morgan Stanley Capital Group, Ernst/Young and Rand-Whitney today."),
        Vec::<&str>::new()
    );
    // The same words as a person's name still are one, and so are people
    // joined by "&".
    assert_eq!(names("Morgan Jones rang."), ["Morgan Jones"]);
    assert_eq!(names("Dear Dan & Leonard,"), ["Dan", "Leonard"]);
    assert_eq!(names("Smith & Co"), Vec::<&str>::new());
}

#[test]
fn surname_first_display_names_with_a_suffix() {
    assert_eq!(
        names("Cc: McMichael Jr., Ed; Okafor"),
        ["McMichael Jr., Ed", "Okafor"]
    );
    assert_eq!(
        names("To: Hearn III  Ed B. <e@x.org>"),
        ["Hearn III  Ed B."]
    );
}

#[test]
fn lower_case_given_names_in_informal_writing() {
    assert_eq!(names("I told darren twice"), ["darren"]);
    assert_eq!(names("It was him with lee again"), ["lee"]);
    assert_eq!(names("then gaz came out and shouted at me"), ["gaz"]);
    // A name that is also a word stays a word after a weak cue, and a lower
    // case name inside an ordinary sentence needs a cue.
    assert_eq!(names("We went to mark the day."), Vec::<&str>::new());
    assert_eq!(
        names("Sent from my phone. Regards, Dave. see darren.txt"),
        ["Dave"]
    );
}

#[test]
fn a_notes_initials_beside_letters_of_two_bytes_do_not_panic() {
    // "Note LM:" is looked for in the five bytes before the initials,
    // which may start inside "é".
    assert_eq!(names("xéote LM: rang"), Vec::<&str>::new());
    assert_eq!(names("[Note LM: rang]"), ["LM"]);
}
