//! Running the outside programs Disclose relies on (Tesseract,
//! `heif-convert`) with a time limit, so one stuck file cannot stall a run.

use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

/// Waits for `child`, killing it after `limit`. The error says which
/// program failed and how.
pub fn wait_with_timeout(
    mut child: Child,
    program: &str,
    limit: Duration,
) -> Result<ExitStatus, String> {
    let started = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(status),
            Some(status) => return Err(format!("{program} failed ({status})")),
            None if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{program} took longer than {} s", limit.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}
