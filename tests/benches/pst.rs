//! Outlook mailbox import benchmark: self-made mailboxes of three sizes
//! (every tenth message with an attachment), written by a child process,
//! then imported and indexed. Prints messages/s, MB/s and the import's peak
//! memory for each size — how it grows, or not, with the mailbox — and,
//! when libpff's `pffexport` is installed, its time to export the same file
//! as a reference.
//!
//! Run: `cargo bench -p disclose-acceptance --bench pst`

use std::process::Command;
use std::time::Instant;

use disclose_core::case::Home;
use disclose_fixtures::pst::*;
use disclose_fixtures::{bench_import, peak_rss_kb};

const SIZES: [usize; 3] = [5_000, 20_000, 40_000];
const PER_FOLDER: usize = 400;

fn mailbox(messages: usize) -> Mailbox {
    let names = ["Priya Shah", "Daniel Okoro", "Sarah Bell", "Tom Reilly"];
    let address = |name: &str| {
        (
            name.to_string(),
            format!(
                "{}@riverside-homes.org.uk",
                name.to_lowercase().replace(' ', ".")
            ),
        )
    };
    let folders = (0..messages.div_ceil(PER_FOLDER))
        .map(|f| Folder {
            name: format!("Archive {f:03}"),
            items: (f * PER_FOLDER..messages.min((f + 1) * PER_FOLDER))
                .map(|i| {
                    let sender = names[i % names.len()];
                    Item::Mail(Mail {
                        subject: format!("Repair job {i:06}"),
                        from: address(sender),
                        to: vec![address(names[(i + 1) % names.len()])],
                        cc: vec![address(names[(i + 2) % names.len()])],
                        sent: 1_600_000_000 + i as i64 * 300,
                        message_id: format!("<job-{i}@riverside-homes.org.uk>"),
                        body: Body::Plain(
                            format!("Job {i}: the tenant reports a leak under the sink. ")
                                .repeat(2 + i % 30),
                        ),
                        attachments: if i % 10 == 0 {
                            vec![Attachment::File {
                                name: format!("job-{i}.txt"),
                                data: format!("Contractor notes for job {i}. ")
                                    .repeat(40 + i % 200)
                                    .into_bytes(),
                            }]
                        } else {
                            vec![]
                        },
                        ..Default::default()
                    })
                })
                .collect(),
            folders: vec![],
        })
        .collect();
    Mailbox {
        display_name: "Repairs archive".into(),
        folders,
        password: None,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, messages, path, ..] = args.as_slice() {
        let messages: usize = messages.parse().expect("message count");
        let path = std::path::Path::new(path);
        match flag.as_str() {
            "--write-mailbox" => {
                std::fs::write(path, write_pst(&mailbox(messages))).expect("write the mailbox");
                return;
            }
            "--import" => return import(messages, path),
            _ => {}
        }
    }
    // Each mailbox is written, then imported, by a process of its own, so
    // each peak is that one import's.
    for messages in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let pst = dir.path().join("archive.pst");
        for step in ["--write-mailbox", "--import"] {
            let status = Command::new(&args[0])
                .arg(step)
                .arg(messages.to_string())
                .arg(&pst)
                .status()
                .expect("run the benchmark step");
            assert!(status.success(), "{step} failed");
        }
        match pffexport_seconds(&pst, dir.path()) {
            Some(s) => println!(
                "  pffexport (libpff) on the same file: {s:.2} s, {:.0} messages/s",
                messages as f64 / s
            ),
            None => println!("  pffexport: not installed (Debian pff-tools), no reference"),
        }
    }
}

fn import(messages: usize, pst: &std::path::Path) {
    let size = std::fs::metadata(pst).expect("the mailbox").len() as f64;
    let dir = tempfile::tempdir().expect("temp dir");
    let home = Home::new(dir.path());
    let (_folder, summary, seconds) = bench_import(&home, "PSTBENCH", &[pst.to_path_buf()]);
    println!(
        "{messages} messages ({:.1} MB PST): import + index {seconds:.2} s, {:.0} messages/s, {:.1} MB/s, {} items (failed {}), peak RSS {:.0} MB",
        size / 1e6,
        messages as f64 / seconds,
        size / 1e6 / seconds,
        summary.items,
        summary.failed,
        peak_rss_kb() as f64 / 1024.0
    );
}

fn pffexport_seconds(pst: &std::path::Path, dir: &std::path::Path) -> Option<f64> {
    Command::new("pffexport").arg("-h").output().ok()?;
    let start = Instant::now();
    let status = Command::new("pffexport")
        .args(["-q", "-t"])
        .arg(dir.join("pffexport"))
        .arg(pst)
        .output()
        .ok()?
        .status;
    status.success().then(|| start.elapsed().as_secs_f64())
}
