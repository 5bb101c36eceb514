//! "Redact everywhere" knows what a term is: a phone written three ways,
//! a name broken across a quoted reply, and HTML that encodes a name with
//! character entities, joins a double-barrelled name with a non-breaking
//! hyphen and hides an address in a `mailto:` link are all found, marked
//! and gone from the renditions — checked with `pdftotext`.

use disclose_fixtures::{disclose, Disclose};

use crate::leaks::case_with;
use disclose_fixtures::tools::tool;

/// The text of every rendition of the case, read by poppler.
fn renditions_text(d: &Disclose, reference: &str) -> String {
    let dir = d.case_dir(reference).join("renditions");
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf") {
            all.push_str(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
        }
    }
    all
}

fn render_and_verify(d: &Disclose, reference: &str) -> String {
    d.disclose_all(reference);
    let rendered = d.json(&["render", "--case", reference]);
    assert_eq!(
        rendered["failures"].as_array().unwrap().len(),
        0,
        "{rendered}"
    );
    let verified = d.json(&["verify", "--case", reference]);
    assert_eq!(verified["clean"], true, "{verified}");
    renditions_text(d, reference)
}

#[test]
fn a_phone_is_found_however_it_is_written() {
    let d = disclose!();
    let _input = case_with(
        &d,
        "E-1",
        &[
            ("note.txt", "The neighbour rang from 0113 496 0123 at night.\n"),
            (
                "contacts.csv",
                "name,phone,notes\nneighbour,+44 113 496 0123,rang twice\nlandlord office,01134960123,day line\n",
            ),
        ],
    );
    let dry = d.json(&[
        "redact",
        "--case",
        "E-1",
        "--term",
        "0113 496 0123",
        "--everywhere",
        "--reason",
        "third-party",
        "--dry-run",
    ]);
    let texts: Vec<&str> = dry["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["text"].as_str().unwrap())
        .collect();
    for form in ["0113 496 0123", "+44 113 496 0123", "01134960123"] {
        assert!(texts.contains(&form), "{form} not found: {dry}");
    }
    assert!(d.redact_everywhere("E-1", "0113 496 0123") >= 3);
    let text = render_and_verify(&d, "E-1");
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    assert!(!digits.contains("1134960123"), "{text}");
    assert!(
        text.contains("rang twice") && text.contains("at night"),
        "{text}"
    );
}

#[test]
fn a_name_broken_across_a_quoted_reply_is_redacted() {
    let d = disclose!();
    let mail = "From: officer@landlord.example\r\nTo: tenant@example.com\r\nSubject: Re: noise\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThanks, noted.\r\n\r\n> On Monday you wrote: the noise comes from Tiffany\r\n> Okonjo at number 8, every night.\r\n";
    let _input = case_with(&d, "E-2", &[("reply.eml", mail)]);
    assert_eq!(d.redact_everywhere("E-2", "Tiffany Okonjo"), 1);
    let text = render_and_verify(&d, "E-2");
    let lower = text.to_lowercase();
    assert!(
        !lower.contains("tiffany") && !lower.contains("okonjo"),
        "{text}"
    );
    assert!(text.contains("at number 8"), "{text}");
}

#[test]
fn html_entities_a_non_breaking_hyphen_and_a_mailto_link_are_redacted() {
    let d = disclose!();
    let html = "<html><head><title>Portal note</title></head><body>\
<p>Reported by &#84;iff&#97;ny&nbsp;O&#x6B;on&shy;jo of number 8.</p>\
<p>Witness: Anne&#8209;Marie Fairbairn, next door &mdash; ask first.</p>\
<p>Write to <a href=\"mailto:a.fairbairn%40example.org\">her</a> or \
<a href=\"mailto:tiffany.okonjo@example.org\">Tiffany</a>.</p>\
<p>Split: Fair<b>bairn</b> signed.</p>\
</body></html>";
    let _input = case_with(&d, "E-3", &[("note.html", html)]);
    for term in [
        "Tiffany Okonjo",
        "Anne-Marie Fairbairn",
        "Fairbairn",
        "a.fairbairn@example.org",
        "tiffany.okonjo@example.org",
        "Tiffany",
    ] {
        d.redact_everywhere("E-3", term);
    }
    let text = render_and_verify(&d, "E-3");
    let lower = text.to_lowercase();
    for gone in [
        "tiffany",
        "okonjo",
        "fairbairn",
        "bairn",
        "anne",
        "marie",
        "example.org",
    ] {
        assert!(!lower.contains(gone), "{gone} survived:\n{text}");
    }
    assert!(
        text.contains("next door — ask"),
        "a dash prints as written:\n{text}"
    );
    assert!(
        text.contains("next door") && text.contains("signed"),
        "{text}"
    );
}

#[test]
fn every_form_of_a_name_the_sweep_finds_is_redacted_everywhere() {
    let d = disclose!();
    let _input = case_with(
        &d,
        "E-5",
        &[(
            "note.txt",
            "Dear Mrs Smith,\nre: Smith, Jane. SMITH Jane rang; J. Smith called; Jane A. Smith \
             signed; Jane Smith wrote; Ms. Smith and Dr Smith were told. Jane Anne Smith.\n",
        )],
    );
    let sweep = d.json(&["sweep", "--case", "E-5"]);
    let mut swept = Vec::new();
    for id in sweep["identifiers"].as_array().unwrap() {
        if id["kind"] != "name" {
            continue;
        }
        for item in id["items"].as_array().unwrap() {
            for at in item["locations"].as_array().unwrap() {
                swept.push((
                    item["item"].as_i64().unwrap(),
                    at[0].as_u64().unwrap(),
                    at[1].as_u64().unwrap(),
                ));
            }
        }
    }
    assert!(swept.len() >= 8, "the sweep found too little: {sweep:#}");
    let dry = d.json(&[
        "redact",
        "--case",
        "E-5",
        "--term",
        "Jane Anne Smith",
        "--everywhere",
        "--reason",
        "third-party",
        "--dry-run",
    ]);
    let marked: Vec<(i64, u64, u64)> = dry["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["item_id"].as_i64().unwrap(),
                o["start"].as_u64().unwrap(),
                o["end"].as_u64().unwrap(),
            )
        })
        .collect();
    // The sweep joins forms that touch ("Smith, Jane. SMITH Jane"), so
    // each of its letters, not each of its ranges, must be under a mark.
    for (item, start, end) in swept {
        let text = d.json(&["item", "--case", "E-5", &item.to_string()])["text"]
            .as_str()
            .unwrap()
            .to_string();
        for (at, c) in text[start as usize..end as usize].char_indices() {
            let at = start + at as u64;
            assert!(
                !c.is_alphanumeric()
                    || marked
                        .iter()
                        .any(|&(i, s, e)| i == item && s <= at && at < e),
                "the sweep found {:?} in item {item}, which redact everywhere leaves: {dry:#}",
                &text[start as usize..end as usize]
            );
        }
    }
}
