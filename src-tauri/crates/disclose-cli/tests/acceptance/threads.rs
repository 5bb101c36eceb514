//! Conversation threads, inclusive messages and near-duplicate documents.

use std::fs;

use disclose_fixtures::{disclose, fixtures};
use serde_json::Value;

#[test]
fn threads_and_inclusive_messages() {
    let d = disclose!();
    d.new_case("T");
    let input = tempfile::tempdir().unwrap();
    let w = |name: &str, data: Vec<u8>| fs::write(input.path().join(name), data).unwrap();
    let jane = "jane.smith@example.com";
    let sam = "sam.officer@northgate-homes.example";
    w(
        "1.eml",
        fixtures::eml(
            "a@x",
            jane,
            sam,
            "Boiler",
            "Mon, 5 Jan 2026 09:00:00 +0000",
            "The boiler is broken.\r\nPlease send someone.",
        ),
    );
    w(
        "2.eml",
        fixtures::reply(
            "b@x",
            "a@x",
            sam,
            jane,
            "RE: Boiler",
            "Mon, 5 Jan 2026 10:00:00 +0000",
            "An engineer comes Tuesday.\r\n\r\n> The boiler is broken.\r\n> Please send someone.",
        ),
    );
    w("3.eml", fixtures::reply("c@x", "b@x", jane, sam, "Re: RE: Boiler", "Mon, 5 Jan 2026 11:00:00 +0000", "Thank you.\r\n\r\n> An engineer comes Tuesday.\r\n> > The boiler is broken.\r\n> > Please send someone."));
    // No Message-ID links: joined by subject and participants.
    w(
        "4.eml",
        fixtures::eml(
            "d@x",
            sam,
            jane,
            "Fwd: Boiler",
            "Tue, 6 Jan 2026 08:00:00 +0000",
            "Engineer confirmed for today.",
        ),
    );
    w(
        "5.eml",
        fixtures::eml(
            "e@x",
            "someone@example.org",
            sam,
            "Garden",
            "Tue, 6 Jan 2026 08:00:00 +0000",
            "Unrelated.",
        ),
    );
    let summary = d.json(&["import", "--case", "T", input.path().to_str().unwrap()]);
    assert_eq!(summary["grouping"]["threads"], 2, "{summary:#}");

    let threads = d.json(&["threads", "--case", "T"]);
    let threads = threads.as_array().unwrap();
    let boiler = threads
        .iter()
        .find(|t| t["messages"].as_array().unwrap().len() == 4)
        .expect("the boiler thread");
    let inclusive: Vec<(String, bool)> = boiler["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                m["inclusive"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        inclusive,
        [
            ("1.eml".into(), false),
            ("2.eml".into(), false),
            ("3.eml".into(), true),
            ("4.eml".into(), true)
        ],
        "1 and 2 are wholly quoted in later messages"
    );
}

#[test]
fn the_same_letter_as_docx_and_pdf_is_a_near_duplicate() {
    let d = disclose!();
    d.new_case("N");
    let input = tempfile::tempdir().unwrap();
    let lines = [
        "Dear Mrs Smith,",
        "Thank you for reporting the damp in the back bedroom of your home at 12 Acacia Avenue.",
        "Our surveyor will visit on Monday to inspect the gutter and the outside wall.",
        "We will write to you again once the repair has been completed.",
        "Yours sincerely, Repairs Team",
    ];
    fs::write(input.path().join("letter.pdf"), fixtures::pdf(&[&lines])).unwrap();
    fs::write(
        input.path().join("letter.docx"),
        fixtures::docx(&lines, "", "", "", ""),
    )
    .unwrap();
    fs::write(input.path().join("other.txt"), "A different letter entirely, about rent arrears and a payment plan agreed for twelve weeks at twenty pounds from the ninth of February.").unwrap();
    let summary = d.json(&["import", "--case", "N", input.path().to_str().unwrap()]);
    assert_eq!(summary["grouping"]["near_duplicates"], 1, "{summary:#}");
    let items = d.json(&["items", "--case", "N"]);
    let by_name = |n: &str| -> Value {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == n)
            .unwrap()
            .clone()
    };
    let (docx, pdf, other) = (
        by_name("letter.docx"),
        by_name("letter.pdf"),
        by_name("other.txt"),
    );
    assert_eq!(pdf["near_dup_of"], docx["id"]);
    assert_eq!(other["near_dup_of"], Value::Null);
}
