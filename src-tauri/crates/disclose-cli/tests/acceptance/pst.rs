//! Outlook mailboxes (`.pst`): a self-made mailbox of a landlord's housing
//! team, written by the fixture generator, imported through the CLI. Every
//! kind of item, every field the issue names (attached messages inside
//! attached messages included), the folder path, a
//! password-protected and a damaged mailbox, and a killed import that
//! resumes. libpff's `pffexport`, when installed, checks independently that
//! the fixture is a real PST.

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use disclose_fixtures::pst::*;
use disclose_fixtures::{disclose, Disclose};
use serde_json::Value;

/// 4 March 2024, 09:00 UTC.
const MARCH_4_2024: i64 = 1_709_542_800;

fn person(name: &str, address: &str) -> (String, String) {
    (name.to_string(), address.to_string())
}

fn housing_mailbox() -> Mailbox {
    let tenant = person("Daniel Okoro", "daniel.okoro@example.net");
    let officer = person("Priya Shah", "p.shah@riverside-homes.org.uk");
    let repairs = Mail {
        subject: "Damp and mould at 14 Elm Road".into(),
        from: officer.clone(),
        to: vec![tenant.clone()],
        cc: vec![person("Repairs Team", "repairs@riverside-homes.org.uk")],
        bcc: vec![person("Tom Reilly", "t.reilly@riverside-homes.org.uk")],
        sent: MARCH_4_2024,
        message_id: "<repairs-1@riverside-homes.org.uk>".into(),
        body: Body::Html(
            "<html><body><p>Dear Mr Okoro,</p><p>Our surveyor found <b>black mould</b> \
             in bedroom two (quillfeather).</p></body></html>"
                .into(),
        ),
        ..Default::default()
    };
    let reply = Mail {
        subject: "RE: Damp and mould at 14 Elm Road".into(),
        from: tenant.clone(),
        to: vec![officer.clone()],
        sent: MARCH_4_2024 + 3_600,
        message_id: "<reply-1@example.net>".into(),
        in_reply_to: "<repairs-1@riverside-homes.org.uk>".into(),
        body: Body::Plain("Thank you, the children are coughing at night (marigoldvane).".into()),
        ..Default::default()
    };
    let statement = Mail {
        subject: "Your rent statement".into(),
        from: person("Rent Team", "rents@riverside-homes.org.uk"),
        to: vec![tenant.clone()],
        sent: MARCH_4_2024 + 86_400,
        body: Body::Rtf(
            r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0 Arrears of \'a3312.40 (tangerinequill)\par}"
                .into(),
        ),
        ..Default::default()
    };
    let inner = Mail {
        subject: "Neighbour complaint".into(),
        from: person("Sarah Bell", "sarah.bell@example.org"),
        to: vec![officer.clone()],
        sent: 1_700_000_000,
        cc: vec![person("Mark Bell", "mark.bell@example.org")],
        body: Body::Plain("Noise from flat 3 every night (hazelbramble).".into()),
        attachments: vec![Attachment::File {
            name: "noise-log.txt".into(),
            data: b"Noise diary: 23:40 loud music (pebblecomet).".to_vec(),
        }],
        ..Default::default()
    };
    let with_files = Mail {
        subject: "Inspection notes".into(),
        from: officer.clone(),
        to: vec![person("Repairs Team", "repairs@riverside-homes.org.uk")],
        sent: MARCH_4_2024 + 7_200,
        body: Body::Plain("Notes attached.".into()),
        attachments: vec![
            Attachment::File {
                name: "inspection-notes.txt".into(),
                data: b"Inspector saw mould behind the wardrobe (copperlantern).".to_vec(),
            },
            Attachment::Message {
                name: "Neighbour complaint".into(),
                mail: Box::new(inner),
            },
        ],
        ..Default::default()
    };
    Mailbox {
        display_name: "Housing team".into(),
        password: None,
        folders: vec![
            Folder {
                name: "Inbox".into(),
                items: vec![Item::Mail(reply)],
                folders: vec![Folder {
                    name: "Repairs".into(),
                    items: vec![Item::Mail(repairs), Item::Mail(with_files)],
                    folders: vec![],
                }],
            },
            Folder {
                name: "Sent Items".into(),
                items: vec![Item::Mail(statement)],
                folders: vec![],
            },
            Folder {
                name: "Calendar".into(),
                items: vec![Item::Appointment(Appointment {
                    subject: "Gas safety check".into(),
                    location: "Flat 3, 14 Elm Road (saffronkettle)".into(),
                    start: 1_710_000_000,
                    end: 1_710_003_600,
                    body: "Engineer to bring the landlord certificate.".into(),
                })],
                folders: vec![],
            },
            Folder {
                name: "Contacts".into(),
                items: vec![Item::Contact(Contact {
                    display_name: "Daniel Okoro".into(),
                    given_name: "Daniel".into(),
                    surname: "Okoro".into(),
                    email: "daniel.okoro@example.net".into(),
                    phone: "07700 900123".into(),
                    home_address: "14 Elm Road, Leeds LS1 4AB".into(),
                    company: "Tenant (emberfinch)".into(),
                })],
                folders: vec![],
            },
            Folder {
                name: "Tasks".into(),
                items: vec![Item::Task(Task {
                    subject: "Chase the damp contractor".into(),
                    due: 1_710_086_400,
                    body: "Call before Friday (velvetanchor).".into(),
                })],
                folders: vec![],
            },
        ],
    }
}

fn items(d: &Disclose, case: &str) -> Vec<Value> {
    d.json(&["items", "--case", case])
        .as_array()
        .unwrap()
        .clone()
}

fn item_at<'a>(items: &'a [Value], suffix: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with(suffix))
        .unwrap_or_else(|| panic!("no item ending {suffix} in {items:#?}"))
}

fn detail(d: &Disclose, case: &str, item: &Value) -> Value {
    d.json(&["item", "--case", case, &item["id"].to_string()])
}

fn hit_paths(d: &Disclose, case: &str, query: &str) -> Vec<String> {
    d.json(&["search", "--case", case, query, "--limit", "50"])["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_mailbox_is_read_item_by_item_with_every_field() {
    let d = disclose!();
    d.new_case("PST");
    let dir = tempfile::tempdir().unwrap();
    let pst = dir.path().join("housing.pst");
    fs::write(&pst, write_pst(&housing_mailbox())).unwrap();
    let summary = d.json(&["import", "--case", "PST", pst.to_str().unwrap()]);
    assert_eq!(summary["failed"], 0, "{summary:#}");
    let items = items(&d, "PST");

    let mailbox = item_at(&items, "housing.pst");
    assert_eq!(mailbox["type"], "pst");
    assert_eq!(mailbox["status"], "ok", "{mailbox:#}");
    assert_eq!(mailbox["metadata"]["title"], "Housing team");
    assert_eq!(mailbox["metadata"]["pst-format"], "unicode");
    let listing = detail(&d, "PST", mailbox)["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(listing.contains("Inbox/Repairs (2)"), "{listing}");
    assert!(listing.contains("Name: Housing team"), "{listing}");

    let repairs = item_at(
        &items,
        "housing.pst/Inbox/Repairs/Damp and mould at 14 Elm Road.eml",
    );
    assert_eq!(repairs["type"], "email");
    let repairs = detail(&d, "PST", repairs);
    let meta = &repairs["metadata"];
    assert_eq!(meta["folder"], "Inbox/Repairs");
    assert_eq!(meta["from"], "Priya Shah <p.shah@riverside-homes.org.uk>");
    assert_eq!(meta["to"], "Daniel Okoro <daniel.okoro@example.net>");
    assert_eq!(meta["cc"], "Repairs Team <repairs@riverside-homes.org.uk>");
    assert_eq!(meta["bcc"], "Tom Reilly <t.reilly@riverside-homes.org.uk>");
    assert_eq!(meta["subject"], "Damp and mould at 14 Elm Road");
    assert_eq!(repairs["date"], "2024-03-04T09:00:00+00:00");
    assert!(
        repairs["text"].as_str().unwrap().contains("black mould"),
        "HTML body as text: {repairs:#}"
    );

    let statement = detail(
        &d,
        "PST",
        item_at(&items, "housing.pst/Sent Items/Your rent statement.eml"),
    );
    assert!(
        statement["text"].as_str().unwrap().contains("£312.40"),
        "compressed RTF body as text: {statement:#}"
    );

    // The reply threads with the message it answers, across folders.
    let reply = item_at(
        &items,
        "housing.pst/Inbox/RE: Damp and mould at 14 Elm Road.eml",
    );
    assert_eq!(reply["thread_id"], repairs["thread_id"]);

    // A file attachment is a child item; so is an attached message, with
    // its own sender, recipients and attachments, recursively.
    let notes = item_at(&items, "Inspection notes.eml/inspection-notes.txt");
    assert_eq!(notes["type"], "text");
    let with_files = item_at(&items, "housing.pst/Inbox/Repairs/Inspection notes.eml");
    assert_eq!(with_files["status"], "ok", "{with_files:#}");
    let attached = item_at(&items, "Inspection notes.eml/Neighbour complaint.eml");
    assert_eq!(attached["type"], "email");
    assert_eq!(attached["parent"], with_files["id"]);
    let attached = detail(&d, "PST", attached);
    assert_eq!(
        attached["metadata"]["from"],
        "Sarah Bell <sarah.bell@example.org>"
    );
    assert_eq!(
        attached["metadata"]["to"],
        "Priya Shah <p.shah@riverside-homes.org.uk>"
    );
    assert_eq!(
        attached["metadata"]["cc"],
        "Mark Bell <mark.bell@example.org>"
    );
    let log = item_at(&items, "Neighbour complaint.eml/noise-log.txt");
    assert_eq!(log["type"], "text");

    let appointment = item_at(&items, "housing.pst/Calendar/Gas safety check.ics");
    assert_eq!(appointment["type"], "calendar");
    let appointment = detail(&d, "PST", appointment);
    let text = appointment["text"].as_str().unwrap();
    assert!(text.contains("Starts: 2024-03-09T16:00:00+00:00"), "{text}");
    assert!(text.contains("Location: Flat 3, 14 Elm Road"), "{text}");

    let contact = item_at(&items, "housing.pst/Contacts/Daniel Okoro.vcf");
    assert_eq!(contact["type"], "contact");
    let text = detail(&d, "PST", contact)["text"]
        .as_str()
        .unwrap()
        .to_string();
    for expected in [
        "Name: Daniel Okoro",
        "Email: daniel.okoro@example.net",
        "07700 900123",
        "14 Elm Road, Leeds LS1 4AB",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }

    let task = item_at(&items, "housing.pst/Tasks/Chase the damp contractor.ics");
    assert_eq!(task["type"], "task");

    for (word, suffix) in [
        ("quillfeather", "Damp and mould at 14 Elm Road.eml"),
        ("marigoldvane", "RE: Damp and mould at 14 Elm Road.eml"),
        ("tangerinequill", "Your rent statement.eml"),
        ("copperlantern", "inspection-notes.txt"),
        ("hazelbramble", "Neighbour complaint.eml"),
        ("pebblecomet", "noise-log.txt"),
        ("saffronkettle", "Gas safety check.ics"),
        ("emberfinch", "Daniel Okoro.vcf"),
        ("velvetanchor", "Chase the damp contractor.ics"),
    ] {
        let paths = hit_paths(&d, "PST", word);
        assert!(
            paths.iter().any(|p| p.ends_with(suffix)),
            "{word} should find {suffix}: {paths:?}"
        );
    }

    // Importing the same mailbox again reads nothing twice.
    let again = d.json(&["import", "--case", "PST", pst.to_str().unwrap()]);
    assert_eq!(again["already_imported"], 1, "{again:#}");
    assert_eq!(again["items"], 0);
}

#[test]
fn libpff_reads_the_fixture_mailbox_too() {
    let available = Command::new("pffexport").arg("-h").output().is_ok();
    if !available {
        eprintln!("NOTICE: pffexport (Debian pff-tools) is not installed; the independent check of the PST fixture is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pst = dir.path().join("housing.pst");
    fs::write(&pst, write_pst(&housing_mailbox())).unwrap();
    let target = dir.path().join("out");
    let out = Command::new("pffexport")
        .args(["-q", "-t"])
        .arg(&target)
        .arg(&pst)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let exported = dir.path().join("out.export/Top of Personal Folders");
    let repairs = fs::read_dir(exported.join("Inbox/Repairs"))
        .unwrap()
        .count();
    assert_eq!(repairs, 2, "two messages in Inbox/Repairs");
    assert!(exported.join("Calendar").is_dir());
    assert!(exported.join("Contacts").is_dir());
}

#[test]
fn a_password_protected_or_damaged_mailbox_fails_clearly_and_the_rest_imports() {
    let d = disclose!();
    d.new_case("BAD");
    let dir = tempfile::tempdir().unwrap();
    let mut locked = housing_mailbox();
    locked.password = Some("letmein".into());
    fs::write(dir.path().join("locked.pst"), write_pst(&locked)).unwrap();
    let whole = write_pst(&housing_mailbox());
    fs::write(dir.path().join("cut.pst"), &whole[..whole.len() * 2 / 3]).unwrap();
    fs::write(dir.path().join("header-only.pst"), &whole[..600]).unwrap();
    // Scratch the block holding one message's body.
    let mut scratched = whole.clone();
    let marker: Vec<u8> = "marigoldvane"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let at = whole
        .windows(marker.len())
        .position(|w| w == marker.as_slice())
        .expect("the reply's body is in the file");
    scratched[at..at + marker.len()].fill(0xAA);
    fs::write(dir.path().join("scratched.pst"), &scratched).unwrap();
    fs::write(dir.path().join("note.txt"), "an ordinary note (plumquartz)").unwrap();

    let summary = d.json(&["import", "--case", "BAD", dir.path().to_str().unwrap()]);
    assert_eq!(summary["inputs"], 5, "{summary:#}");
    let items = items(&d, "BAD");
    let locked = item_at(&items, "locked.pst");
    assert_eq!(locked["status"], "failed");
    assert!(
        locked["reason"]
            .as_str()
            .unwrap()
            .contains("password-protected"),
        "{locked:#}"
    );
    let header_only = item_at(&items, "header-only.pst");
    assert_eq!(header_only["status"], "failed");
    assert!(!header_only["reason"].as_str().unwrap().is_empty());
    // A cut mailbox keeps what could be read, and says what could not.
    let cut = item_at(&items, "cut.pst");
    eprintln!("cut mailbox: {} {}", cut["status"], cut["reason"]);
    assert_ne!(cut["status"], "ok", "{cut:#}");
    assert!(!cut["reason"].as_str().unwrap().is_empty(), "{cut:#}");
    // A mailbox damaged in the middle keeps every item that can be read
    // and names the ones that cannot.
    let scratched = item_at(&items, "scratched.pst");
    eprintln!(
        "scratched mailbox: {} {}",
        scratched["status"], scratched["reason"]
    );
    assert_eq!(scratched["status"], "partial", "{scratched:#}");
    assert!(scratched["reason"]
        .as_str()
        .unwrap()
        .contains("could not be read"));
    let kept = items
        .iter()
        .filter(|i| i["parent"] == scratched["id"])
        .count();
    assert!(kept >= 3, "items kept from the damaged mailbox: {kept}");
    assert_eq!(hit_paths(&d, "BAD", "plumquartz").len(), 1);
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        count_files(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn bulk_mailbox(messages: usize) -> Mailbox {
    let folders = (0..messages.div_ceil(250))
        .map(|f| Folder {
            name: format!("Archive {f:02}"),
            items: (f * 250..messages.min((f + 1) * 250))
                .map(|i| {
                    Item::Mail(Mail {
                        subject: format!("Case note {i:05}"),
                        from: person("Priya Shah", "p.shah@riverside-homes.org.uk"),
                        to: vec![person("Daniel Okoro", "daniel.okoro@example.net")],
                        sent: 1_600_000_000 + i as i64 * 600,
                        message_id: format!("<note-{i}@riverside-homes.org.uk>"),
                        body: Body::Plain(format!(
                            "Case note token{i:05}x. {}",
                            "Filler. ".repeat(40)
                        )),
                        ..Default::default()
                    })
                })
                .collect(),
            folders: vec![],
        })
        .collect();
    Mailbox {
        display_name: "Archive".into(),
        folders,
        password: None,
    }
}

#[test]
fn a_killed_mailbox_import_carries_on_where_it_stopped() {
    const MESSAGES: usize = 3000;
    let d = disclose!();
    d.new_case("KILL");
    let dir = tempfile::tempdir().unwrap();
    let pst = dir.path().join("archive.pst");
    fs::write(&pst, write_pst(&bulk_mailbox(MESSAGES))).unwrap();
    let originals = d.case_dir("KILL").join("originals");
    let mut child = d
        .command()
        .args(["import", "--case", "KILL", pst.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while count_files(&originals) < 300 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let half = items(&d, "KILL");
    eprintln!("killed after {} of {} items", half.len(), MESSAGES + 1);
    if let Some(mailbox) = half.iter().find(|i| i["type"] == "pst") {
        if half.len() < MESSAGES + 1 {
            assert_eq!(mailbox["status"], "partial", "{mailbox:#}");
            assert!(mailbox["reason"]
                .as_str()
                .unwrap()
                .contains("import it again"));
        }
    }

    let summary = d.json(&["import", "--case", "KILL", pst.to_str().unwrap()]);
    assert_eq!(summary["failed"], 0, "{summary:#}");
    let all = items(&d, "KILL");
    let messages: Vec<&Value> = all.iter().filter(|i| i["type"] == "email").collect();
    assert_eq!(messages.len(), MESSAGES, "every message once");
    let paths: HashSet<&str> = messages
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), MESSAGES, "no message stored twice");
    let mailbox = all.iter().find(|i| i["type"] == "pst").unwrap();
    assert_eq!(mailbox["status"], "ok", "{mailbox:#}");
    assert_eq!(all.iter().filter(|i| i["type"] == "pst").count(), 1);
    assert_eq!(hit_paths(&d, "KILL", "token02999x").len(), 1);
}

/// Mailboxes with bytes flipped at random (seeded) places: each is an item
/// with a status, and the import finishes.
#[test]
fn mailboxes_with_random_damage_never_stop_the_import() {
    let d = disclose!();
    d.new_case("FUZZ");
    let dir = tempfile::tempdir().unwrap();
    let whole = write_pst(&housing_mailbox());
    let mut seed: u64 = 0x005e_ed0f_d15c_105e;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    const COPIES: usize = 24;
    for copy in 0..COPIES {
        let mut damaged = whole.clone();
        for _ in 0..(1 + copy % 8) * 4 {
            let at = next() % damaged.len();
            damaged[at] ^= 1 << (next() % 8);
        }
        fs::write(dir.path().join(format!("damaged-{copy:02}.pst")), damaged).unwrap();
    }
    let run = d.run(&[
        "--json",
        "import",
        "--case",
        "FUZZ",
        dir.path().to_str().unwrap(),
    ]);
    assert!(!run.stderr.contains("panicked at"), "{}", run.stderr);
    let summary: Value = serde_json::from_str(&run.stdout).expect("the import finished");
    assert_eq!(summary["inputs"], COPIES, "{summary:#}");
    let items = items(&d, "FUZZ");
    let mailboxes: Vec<&Value> = items.iter().filter(|i| i["parent"].is_null()).collect();
    assert_eq!(mailboxes.len(), COPIES);
    for mailbox in mailboxes {
        let reason = mailbox["reason"].as_str().unwrap_or("");
        assert!(!reason.contains("not read to the end"), "{mailbox:#}");
        if mailbox["status"] != "ok" {
            assert!(!reason.is_empty(), "{mailbox:#}");
        }
    }
}
