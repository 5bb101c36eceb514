//! The engine checked against an independent calendar: `crosscheck/
//! deadlines.py`, which takes its bank holidays from the Python `holidays`
//! package and does its own date arithmetic. Thousands of generated cases
//! — every day of 2019 to 2031 in every region, with and without an
//! extension, and random pauses that cross month ends, holidays and each
//! other — must agree exactly. Without that Python (`$DISCLOSE_PYTHON`,
//! else `~/.cache/disclose-venv/bin/python`, with `holidays` installed)
//! the check says so and is skipped; CI has it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{Days, NaiveDate};

use super::{compute, Calendar, DeadlineInput, Pause, Region};

const FIRST_YEAR: i32 = 2019;
const LAST_YEAR: i32 = 2031;

fn python() -> Option<PathBuf> {
    let python = std::env::var_os("DISCLOSE_PYTHON")
        .map(PathBuf::from)
        .or_else(|| dirs::cache_dir().map(|c| c.join("disclose-venv/bin/python")))?;
    let works = Command::new(&python)
        .args(["-c", "import holidays"])
        .output()
        .is_ok_and(|o| o.status.success());
    if works {
        Some(python)
    } else {
        eprintln!(
            "SKIPPED: the deadline cross-check needs a Python with the `holidays` package \
             ({} has none; see install_python_tools in .ci/packages.sh)",
            python.display()
        );
        None
    }
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crosscheck/deadlines.py")
}

fn run(python: &Path, args: &[&str], input: &str) -> String {
    let mut child = Command::new(python)
        .arg(script())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("python runs");
    writer.join().expect("writer").expect("input written");
    assert!(out.status.success(), "deadlines.py failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn cases() -> Vec<DeadlineInput> {
    let mut out = Vec::new();
    let mut random = Random(0x5eed_2026);
    for region in Region::ALL {
        for year in FIRST_YEAR..=LAST_YEAR {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January");
            let next = NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("1 January");
            for offset in 0..(next - first).num_days() as u64 {
                let received = first + Days::new(offset);
                for extended in [false, true] {
                    out.push(DeadlineInput {
                        received,
                        region,
                        pauses: Vec::new(),
                        extended,
                    });
                }
                // Every fourth day also gets one to three pauses, which
                // may overlap.
                if offset % 4 == 0 {
                    let pauses = (0..1 + random.below(3))
                        .map(|_| {
                            let from = received + Days::new(random.below(28));
                            Pause {
                                from,
                                to: from + Days::new(random.below(21)),
                            }
                        })
                        .collect();
                    out.push(DeadlineInput {
                        received,
                        region,
                        pauses,
                        extended: random.below(2) == 1,
                    });
                }
            }
        }
    }
    out
}

#[test]
fn bank_holidays_agree_with_the_python_holidays_package() {
    let Some(python) = python() else { return };
    let last = LAST_YEAR + 1;
    let theirs: serde_json::Value = serde_json::from_str(&run(
        &python,
        &["holidays", &FIRST_YEAR.to_string(), &last.to_string()],
        "",
    ))
    .expect("JSON");
    let calendar = Calendar::built_in();
    let mut differences = Vec::new();
    for region in Region::ALL {
        let theirs: Vec<String> = theirs[region.as_str()]
            .as_array()
            .expect("a list per region")
            .iter()
            .map(|d| d.as_str().expect("a date").to_string())
            .collect();
        let ours: Vec<String> = (FIRST_YEAR..=last)
            .flat_map(|y| calendar.holidays(region, y))
            .map(|h| h.date.to_string())
            .collect();
        for d in &ours {
            if !theirs.contains(d) {
                differences.push(format!("{region}: {d} only in Disclose"));
            }
        }
        for d in &theirs {
            if !ours.contains(d) {
                differences.push(format!("{region}: {d} only in `holidays`"));
            }
        }
    }
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}

#[test]
fn deadlines_agree_with_an_independent_calendar() {
    let Some(python) = python() else { return };
    let cases = cases();
    assert!(cases.len() > 30_000, "{} cases", cases.len());
    let input: String = cases
        .iter()
        .map(|c| {
            let pauses: Vec<[String; 2]> = c
                .pauses
                .iter()
                .map(|p| [p.from.to_string(), p.to.to_string()])
                .collect();
            serde_json::json!({
                "received": c.received, "region": c.region, "pauses": pauses, "extended": c.extended,
            })
            .to_string()
                + "\n"
        })
        .collect();
    let answers = run(&python, &["due"], &input);
    let answers: Vec<serde_json::Value> = answers
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON answer"))
        .collect();
    assert_eq!(answers.len(), cases.len());
    let calendar = Calendar::built_in();
    let mut differences = Vec::new();
    for (case, theirs) in cases.iter().zip(&answers) {
        let ours = compute(case, &calendar).expect("a valid case");
        let (due, notice) = (ours.due.to_string(), ours.extension_notice_by.to_string());
        if theirs["due"] != due.as_str() || theirs["notice_by"] != notice.as_str() {
            differences.push(format!(
                "{case:?}: Disclose due {due}, notify by {notice}; independent {theirs}"
            ));
        }
    }
    let agree = cases.len() - differences.len();
    eprintln!(
        "deadline cross-check: {agree} of {} cases agree ({:.1}%)",
        cases.len(),
        100.0 * agree as f64 / cases.len() as f64
    );
    differences.truncate(20);
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}
