//! Printing results: JSON for programs, text for people, errors as
//! `{"error": {"code", "message"}}` or `error: message`.

use serde::Serialize;

#[derive(Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or runs `human` to print it for people.
    pub fn print<T: Serialize>(&self, value: &T, human: impl FnOnce(&T)) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).expect("serialisable output")
            );
        } else {
            human(value);
        }
    }

    pub fn error(&self, e: &anyhow::Error) {
        let code = e
            .downcast_ref::<disclose_core::Error>()
            .map(|e| e.code())
            .unwrap_or("invalid");
        if self.json {
            let v = serde_json::json!({ "error": { "code": code, "message": format!("{e:#}") } });
            println!("{v}");
        } else {
            eprintln!("error: {e:#}");
        }
    }
}
