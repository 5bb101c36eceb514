//! A command run under `/usr/bin/time` (Debian `time`): its wall and CPU
//! seconds and peak resident memory as the kernel accounted them to the
//! finished process — the largest of its own and of the children it
//! waited for (the import's and the export's worker processes).

use std::process::{Command, Output};

/// What the kernel counted for one finished run.
#[derive(Debug, Clone, Copy)]
pub struct Timed {
    pub wall: f64,
    /// User plus system seconds, children waited for included.
    pub cpu: f64,
    pub peak_kb: u64,
}

/// Runs `command` under `/usr/bin/time`; its output, and what it cost.
pub fn run(command: &Command) -> (Output, Timed) {
    let report = tempfile::NamedTempFile::new().expect("a file for the report");
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%e %U %S %M", "-o"])
        .arg(report.path())
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    let output = timed.output().expect("run a command under /usr/bin/time");
    let report = std::fs::read_to_string(report.path()).expect("the report of /usr/bin/time");
    // A failed command's report starts with a line of its own.
    let figures: Vec<f64> = report
        .lines()
        .next_back()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [wall, user, system, peak_kb] = figures[..] else {
        panic!("no figures in the report of /usr/bin/time: {report:?}");
    };
    (
        output,
        Timed {
            wall,
            cpu: user + system,
            peak_kb: peak_kb as u64,
        },
    )
}

/// A fresh `recollindex -z` over `dir` (the peer the imports are compared
/// with) under `/usr/bin/time`, if Recoll is installed and succeeds.
pub fn recollindex(dir: &std::path::Path) -> Option<Timed> {
    Command::new("recollindex").arg("-h").output().ok()?;
    let conf = tempfile::tempdir().ok()?;
    std::fs::write(
        conf.path().join("recoll.conf"),
        format!("topdirs = {}\n", dir.display()),
    )
    .ok()?;
    let mut index = Command::new("recollindex");
    index.arg("-c").arg(conf.path()).arg("-z");
    let (output, timed) = run(&index);
    output.status.success().then_some(timed)
}
