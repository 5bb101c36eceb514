//! A synthetic case of any size for the scale benchmark, built from the
//! shared corpus: e-mails whose bodies are the corpus's own, with varied
//! senders, recipients, dates and tenants, a fifth of them carrying one of
//! the corpus's documents as an attachment; plain and HTML documents;
//! rent statements as CSV; and scanned PDFs. Deterministic for a seed.
//! PDFs get a distinct comment after their end, so copies are not all
//! duplicates of one another.

use disclose_core::demo::rng::Rng as Dice;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

const FIRST_NAMES: &[&str] = &[
    "Aisha", "Callum", "Bernice", "Darren", "Eleni", "Farhan", "Gemma", "Hamza", "Imogen", "Jamal",
    "Kerry", "Leon", "Mairead", "Nikhil", "Olwen", "Priya", "Rhys", "Shona", "Tariq", "Una",
    "Vikram", "Wendy", "Yusuf", "Zara", "Graham", "Leanne", "Kieran", "Bronwen", "Declan",
    "Fatima",
];
const SURNAMES: &[&str] = &[
    "Okafor",
    "Whitlock",
    "Pryce",
    "Nowak",
    "Marsh",
    "Fields",
    "Begum",
    "Campbell",
    "Dawson",
    "Evans",
    "Fitzgerald",
    "Gallagher",
    "Hussain",
    "Iqbal",
    "Jenkins",
    "Kowalski",
    "Lloyd",
    "McAllister",
    "Nguyen",
    "O'Brien",
    "Patel",
    "Quinn",
    "Rahman",
    "Sandhu",
    "Thompson",
    "Uddin",
    "Vaughan",
    "Williams",
    "Yates",
    "Zielinski",
];
const STREETS: &[&str] = &[
    "Acacia Avenue",
    "Mill Lane",
    "Station Road",
    "Hollin Close",
    "Wharf Street",
    "Beech Grove",
];

/// What [`generate`] wrote.
pub struct Generated {
    pub files: usize,
    pub bytes: u64,
    /// Items the import should hold: files plus attachments.
    pub items: usize,
}

/// The corpus material the generator draws from.
pub struct Sources {
    bodies: Vec<String>,
    attachments: Vec<(String, Vec<u8>)>,
    scans: Vec<Vec<u8>>,
}

impl Sources {
    /// Reads the e-mail bodies and documents of `corpus/freeeed/mixed` and
    /// the scans of `corpus/freeeed/scans`; `None` if the corpus is absent.
    pub fn read(corpus: &Path) -> Option<Sources> {
        let mixed = corpus.join("freeeed/mixed");
        let mut bodies = Vec::new();
        let mut attachments = Vec::new();
        let mut names: Vec<PathBuf> = fs::read_dir(&mixed)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        for path in names {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let Ok(bytes) = fs::read(&path) else { continue };
            match ext.as_str() {
                "eml" => bodies.push(body_of(&bytes)),
                "pdf" | "doc" | "xls" | "ppt" | "rtf" if bytes.len() < 2_000_000 => {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    attachments.push((name.into_owned(), bytes));
                }
                _ => {}
            }
        }
        let scans = fs::read_dir(corpus.join("freeeed/scans"))
            .map(|dir| {
                dir.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                    .filter_map(|e| fs::read(e.path()).ok())
                    .filter(|b| b.len() < 2_000_000)
                    .collect()
            })
            .unwrap_or_default();
        (!bodies.is_empty() && !attachments.is_empty()).then_some(Sources {
            bodies,
            attachments,
            scans,
        })
    }
}

/// The text after a message's headers, at most 4 KB of it.
fn body_of(eml: &[u8]) -> String {
    let text = String::from_utf8_lossy(eml);
    let body = text
        .split_once("\r\n\r\n")
        .or_else(|| text.split_once("\n\n"))
        .map(|(_, body)| body)
        .unwrap_or(&text);
    body.chars().take(4_000).collect()
}

/// A name from the fixtures' lists.
fn person(dice: &mut Dice) -> String {
    format!("{} {}", dice.pick(FIRST_NAMES), dice.pick(SURNAMES))
}

/// Writes files under `out` until they hold about `items` items.
pub fn generate(sources: &Sources, out: &Path, items: usize, seed: u64) -> Generated {
    let mut dice = Dice::new(seed);
    let mut made = Generated {
        files: 0,
        bytes: 0,
        items: 0,
    };
    while made.items < items {
        let n = made.files;
        let dir = out.join(format!("{:03}", n / 1_000));
        fs::create_dir_all(&dir).expect("scale folder");
        let roll = dice.next_u64() % 100;
        let (name, bytes, count) = match roll {
            0..=69 => email(sources, &mut dice, n),
            70..=84 => (format!("{n:06}-note.txt"), note(sources, &mut dice, n), 1),
            85..=89 => (format!("{n:06}-page.html"), html(&mut dice, n), 1),
            90..=94 => (format!("{n:06}-rent.csv"), rent_csv(&mut dice, n), 1),
            _ if !sources.scans.is_empty() => {
                let scan = dice.pick_ref(&sources.scans);
                (format!("{n:06}-scan.pdf"), varied_pdf(scan, n), 1)
            }
            _ => (format!("{n:06}-note.txt"), note(sources, &mut dice, n), 1),
        };
        fs::write(dir.join(&name), &bytes).expect("scale file");
        made.files += 1;
        made.bytes += bytes.len() as u64;
        made.items += count;
    }
    made
}

fn date(dice: &mut Dice, n: usize) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("date")
        + chrono::Days::new((n as u64 * 7 + dice.next_u64() % 7) % 2_500);
    format!("{} 09:{:02}:00 +0000", day.format("%a, %d %b %Y"), n % 60)
}

fn tenant_line(dice: &mut Dice, n: usize) -> String {
    format!(
        "Tenant: {}, {} {}, ref HR-{n:06}.",
        person(dice),
        1 + dice.next_u64() % 120,
        dice.pick(STREETS)
    )
}

/// `(file name, bytes, items)` of one e-mail.
fn email(sources: &Sources, dice: &mut Dice, n: usize) -> (String, Vec<u8>, usize) {
    let from = person(dice);
    let to = person(dice);
    let address = |name: &str| name.to_lowercase().replace([' ', '\''], ".");
    let body = format!(
        "{}\n\n{}\n",
        tenant_line(dice, n),
        dice.pick_ref(&sources.bodies)
    );
    let mut out = format!(
        "Message-ID: <scale-{n}@disclose.example>\r\nDate: {}\r\nFrom: {from} <{}@northgate-homes.example>\r\nTo: {to} <{}@example.com>\r\nSubject: Housing file HR-{n:06}\r\nMIME-Version: 1.0\r\n",
        date(dice, n),
        address(&from),
        address(&to),
    );
    if !n.is_multiple_of(5) {
        out.push_str("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        out.push_str(&body);
        return (format!("{n:06}-mail.eml"), out.into_bytes(), 1);
    }
    let (attachment_name, attachment) = dice.pick_ref(&sources.attachments);
    let attachment = if attachment_name.to_lowercase().ends_with(".pdf") {
        varied_pdf(attachment, n)
    } else {
        attachment.clone()
    };
    out.push_str("Content-Type: multipart/mixed; boundary=\"scale-boundary\"\r\n\r\n");
    out.push_str("--scale-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    out.push_str(&body);
    out.push_str(&format!(
        "\r\n--scale-boundary\r\nContent-Type: application/octet-stream; name=\"{attachment_name}\"\r\nContent-Disposition: attachment; filename=\"{attachment_name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    ));
    out.push_str(&base64_lines(&attachment));
    out.push_str("\r\n--scale-boundary--\r\n");
    (format!("{n:06}-mail.eml"), out.into_bytes(), 2)
}

fn note(sources: &Sources, dice: &mut Dice, n: usize) -> Vec<u8> {
    format!(
        "Case note {n}\n{}\nVisited with {}. {}\n",
        tenant_line(dice, n),
        person(dice),
        dice.pick_ref(&sources.bodies)
    )
    .into_bytes()
}

fn html(dice: &mut Dice, n: usize) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><title>Repair {n}</title></head><body><h1>Repair order {n}</h1><p>{}</p><p>Operative: {}</p></body></html>",
        tenant_line(dice, n),
        person(dice)
    )
    .into_bytes()
}

fn rent_csv(dice: &mut Dice, n: usize) -> Vec<u8> {
    let mut out = String::from("Week,Tenant,Paid,Balance\n");
    for week in 1..=20 {
        out.push_str(&format!(
            "{week},{},{}.00,{}.{:02}\n",
            person(dice),
            dice.next_u64() % 200,
            dice.next_u64() % 900,
            n % 100
        ));
    }
    out.into_bytes()
}

/// `pdf` with a comment after its end that makes this copy distinct.
fn varied_pdf(pdf: &[u8], n: usize) -> Vec<u8> {
    let mut out = pdf.to_vec();
    write!(out, "\n% copy {n}\n").expect("write to a vector");
    out
}

/// Base64 in lines of 76 characters, as mail carries it.
fn base64_lines(bytes: &[u8]) -> String {
    let flat = disclose_core::extract::text::base64(bytes);
    let lines: Vec<&str> = flat
        .as_bytes()
        .chunks(76)
        .map(|line| std::str::from_utf8(line).expect("base64 is ASCII"))
        .collect();
    lines.join("\r\n")
}
