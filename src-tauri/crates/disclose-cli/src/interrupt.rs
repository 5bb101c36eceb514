//! Long work on the command line — rendering many items, `detect --case` —
//! with a progress bar on a terminal and Ctrl-C as its cancel: the first
//! SIGINT asks the engine to stop after the item in hand, keeping
//! everything finished (a re-run carries on from there); a second one
//! ends the program at once. `import` has the same cancel
//! ([`cancel_on_ctrl_c`]) with its own bar.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

use disclose_core::verify::{CheckProgress, Watch};

static CANCEL: AtomicBool = AtomicBool::new(false);

/// Makes the first Ctrl-C set the returned switch (saying `message`) and
/// a second one end the program.
pub fn cancel_on_ctrl_c(message: &'static str) -> &'static AtomicBool {
    // Only one handler may be set per process; a second call keeps it.
    let _ = ctrlc::set_handler(move || {
        if CANCEL.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\n{message}");
    });
    &CANCEL
}

/// Runs `work` with a watch whose cancel is Ctrl-C and whose progress is
/// a bar on stderr (when stderr is a terminal and the output is not
/// JSON) labelled `what`.
pub fn watched<T>(what: &str, json: bool, work: impl FnOnce(&Watch) -> T) -> T {
    let cancel = cancel_on_ctrl_c(
        "Stopping after the item in hand; what is finished is kept (Ctrl-C again to quit now).",
    );
    let bar = (!json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{what} {{bar:30}} {{pos}}/{{len}}  {{elapsed_precise}}"
        )) {
            bar.set_style(style);
        }
        bar
    });
    let progress = |p: CheckProgress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total);
            bar.set_position(p.done);
        }
    };
    let watch = Watch {
        progress: &progress,
        cancel,
    };
    let out = work(&watch);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    out
}
