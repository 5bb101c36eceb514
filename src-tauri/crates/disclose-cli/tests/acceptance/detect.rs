//! `disclose detect`: the stateless contract other tools rely on — one JSON
//! object per file and line, byte offsets into the extracted text.

use std::fs;

use disclose_fixtures::{disclose, fixtures};
use serde_json::Value;

#[test]
fn one_json_line_per_file_with_byte_offsets() {
    let d = disclose!();
    let dir = tempfile::tempdir().unwrap();
    let note = "Zoë Okafor, NHS 943 476 5919, rang from 0161 496 0000 about flat 3, M14 5RT.\n";
    fs::write(dir.path().join("note.txt"), note).unwrap();
    fs::write(
        dir.path().join("letter.pdf"),
        fixtures::pdf(&[&["Card ending 4111 1111 1111 1111 was refunded."]]),
    )
    .unwrap();
    fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 not really").unwrap();
    let files: Vec<String> = ["note.txt", "letter.pdf", "broken.docx"]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    let mut args = vec!["--json", "detect"];
    args.extend(files.iter().map(String::as_str));
    let run = d.run(&args);
    assert_eq!(
        run.code, 2,
        "an unreadable file makes the run partial: {run:?}"
    );
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);

    assert_eq!(lines[0]["file"], files[0]);
    let kinds: Vec<&str> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["person_name", "nhs_number", "phone", "postcode"]);
    assert_eq!(lines[0]["findings"][0]["text"], "Zoë Okafor");
    for f in lines[0]["findings"].as_array().unwrap() {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &note[start..end],
            f["text"].as_str().unwrap(),
            "byte offsets into the text"
        );
        assert!(f["confidence"].as_f64().unwrap() > 0.5);
    }
    assert_eq!(lines[1]["findings"][0]["kind"], "card_number");
    assert!(lines[2]["error"].is_string(), "{}", lines[2]);
    assert!(lines[2].get("findings").is_none());
}

/// Files are read and searched several at once, over the cores; the lines
/// still come in the order the files were given, each with its own file's
/// findings, however uneven the files.
#[test]
fn many_files_answer_in_the_order_given() {
    let d = disclose!();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for n in 0..75 {
        if n == 40 {
            let broken = dir.path().join("broken.docx");
            fs::write(&broken, b"PK\x03\x04 not really").unwrap();
            files.push(broken);
            continue;
        }
        let path = dir.path().join(format!("note-{n:02}.txt"));
        // Every seventh file is long, so threads finish out of turn.
        let filler =
            "The repair was booked for Tuesday. ".repeat(if n % 7 == 0 { 3000 } else { 1 });
        fs::write(&path, format!("{filler}Ring 0161 496 {:04} about it.\n", n)).unwrap();
        files.push(path);
    }
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["--json", "detect"];
    args.extend(names.iter().map(String::as_str));
    let run = d.run(&args);
    assert_eq!(run.code, 2, "one unreadable file makes the run partial");
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 75);
    for (n, line) in lines.iter().enumerate() {
        assert_eq!(line["file"], names[n], "line {n} is file {n}");
        if n == 40 {
            assert!(line["error"].is_string(), "{line}");
            continue;
        }
        let phones: Vec<&str> = line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "phone")
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            phones,
            [format!("0161 496 {n:04}")],
            "file {n}'s own number"
        );
    }
}

#[test]
fn passport_and_driving_licence_numbers_from_an_id_check() {
    let d = disclose!();
    let text = "Right to rent check, ID seen:\n\
                Passport number: 925076473 (expires 2031)\n\
                Partner: passport no. C01X00T47; Irish passport PA1234567\n\
                Driving licence MORGA753116SM9IJ, LEE99662054J99AB and WOODS 862054 JW9AB for her brother\n\
                Not a licence: ABCDE123456AB1CD, ORDER2024051234AB; not a passport: passport photos 123456.\n";
    assert_eq!(
        d.detect_kind(text, "passport_number"),
        ["925076473", "C01X00T47", "PA1234567"]
    );
    assert_eq!(
        d.detect_kind(text, "driving_licence"),
        ["MORGA753116SM9IJ", "LEE99662054J99AB", "WOODS 862054 JW9AB"]
    );
}

/// A household list dates its people's births without saying "DOB" on
/// each line: after the person's relation, after a name alone opening the
/// line, or under a column headed "Date of birth". Dates elsewhere (a
/// visit, a heading's date) stay dates.
#[test]
fn dates_of_birth_in_a_household_list_without_the_word_on_each_line() {
    let d = disclose!();
    let text = "Household at sign-up (visit 02/06/2025)\n\
                Roisin Garvey - partner - 19/10/1991\n\
                Teodor Garvey, stepson, 3.4.2012\n\
                Orla Brennan, 27/05/1964\n\
                \n\
                Name              Relationship    Date of birth\n\
                Cian Garvey       son             08/12/2016\n\
                Niamh Garvey      daughter        21/02/2020\n\
                \n\
                Case Note - 14/07/2025\n\
                Home visit booked for 21/07/2025 with Orla.\n";
    assert_eq!(
        d.detect_kind(text, "date_of_birth"),
        [
            "19/10/1991",
            "3.4.2012",
            "27/05/1964",
            "08/12/2016",
            "21/02/2020"
        ]
    );
}

/// A voicemail's note writes the caller's number and e-mail address as
/// they were said: "oh seven seven double oh, nine double oh, four five
/// six", "kath dot ogden at gmail dot com". A few number words are no phone
/// ("one or two visits", "at ten past nine").
#[test]
fn a_phone_number_and_an_email_address_said_in_words() {
    let d = disclose!();
    let text =
        "Voicemail: call me back on oh seven seven double oh, nine double oh, four five six \
                or email kath dot ogden at gmail dot com. We had one or two visits at ten past \
                nine. Look at this dot point.\n";
    assert_eq!(
        d.detect_kind(text, "phone"),
        ["oh seven seven double oh, nine double oh, four five six"]
    );
    assert_eq!(
        d.detect_kind(text, "email"),
        ["kath dot ogden at gmail dot com"]
    );
}

/// A tenant types a registration in lower case after the word for it ("the
/// reg is ma19 kxo", "number plate: Yk68pzt"); without that word a lower-case
/// run of letters and digits is no registration.
#[test]
fn a_vehicle_registration_in_lower_case_after_the_word_for_it() {
    let d = disclose!();
    let text = "The van's reg is ma19 kxo and the car's number plate: Yk68pzt. \
                Use code ma19 kxo at checkout.\n";
    assert_eq!(d.detect_kind(text, "vehicle_reg"), ["ma19 kxo", "Yk68pzt"]);
}

/// A date of birth with its month in words and a two-digit year after the
/// word for it ("DOB 3 May 90", "dob 4th june 88"); the same date with no
/// such word is no date of birth ("3 May 90 minutes").
#[test]
fn a_date_of_birth_with_a_two_digit_year_and_its_month_in_words() {
    let d = disclose!();
    let text = "Tenant DOB 3 May 90, partner dob 4th june 88. The meeting on 3 May 90 minutes.\n";
    assert_eq!(
        d.detect_kind(text, "date_of_birth"),
        ["3 May 90", "4th june 88"]
    );
}

#[test]
fn a_date_of_birth_in_a_feeds_field_and_an_accounts_last_digits() {
    // Twenty-ninth round, written afresh: a date of birth as the value of
    // a field whose name runs its words together ("DateOfBirth",
    // "birth_date"), not a field of another date; a bank account's last
    // four digits after "account ending", not a statement's year.
    let d = disclose!();
    let text = "<Member relationship=\"son\"><Name>Kai Brook</Name><DateOfBirth>2018-04-09</DateOfBirth></Member>\n\
                {\"birth_date\": \"14/02/1990\", \"visit_date\": \"03/03/2024\"}\n\
                Paid from his account ending 6620 (sort code 30-91-47); statement ending 2023.\n";
    assert_eq!(
        d.detect_kind(text, "date_of_birth"),
        ["2018-04-09", "14/02/1990"]
    );
    assert_eq!(d.detect_kind(text, "account_number"), ["6620"]);
}
