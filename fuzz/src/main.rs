//! AFL++ driver: `disclose-fuzz TARGET` fuzzes one reader (the targets are
//! in `disclose_fixtures::fuzz`), `disclose-fuzz seeds DIR` writes every
//! target's seed inputs to `DIR/TARGET/`, and `disclose-fuzz list` names
//! the targets.

use std::path::Path;

use disclose_fixtures::fuzz::{self, seeds::seeds, TARGETS};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["list"] => TARGETS.iter().for_each(|t| println!("{t}")),
        ["seeds", dir] => write_seeds(Path::new(dir)),
        [target] if TARGETS.contains(&target) => {
            let target = target.to_string();
            // No panic hook: a panic that a reader catches itself is
            // handled; one that escapes the reader aborts, which AFL
            // records as a crash.
            afl::fuzz_nohook!(|data: &[u8]| {
                fuzz::run(&target, data);
            });
        }
        _ => {
            eprintln!("usage: disclose-fuzz TARGET | seeds DIR | list");
            eprintln!("targets: {}", TARGETS.join(" "));
            std::process::exit(2);
        }
    }
}

fn write_seeds(dir: &Path) {
    for target in TARGETS {
        let folder = dir.join(target);
        std::fs::create_dir_all(&folder).expect("seed folder");
        for (name, data) in seeds(target) {
            std::fs::write(folder.join(name), data).expect("seed file");
        }
    }
}
