//! `disclose home`: encryption at rest for the home. The passphrase comes
//! from `DISCLOSE_PASSPHRASE`, else from a prompt on the terminal; an
//! encrypted home is unlocked this way before any command that reads it.

use std::io::IsTerminal;

use clap::Subcommand;
use serde::Serialize;

use disclose_core::case::Home;
use disclose_core::crypt;

use super::Context;
use crate::Outcome;

/// The environment variable that carries the passphrase.
const PASSPHRASE_VAR: &str = "DISCLOSE_PASSPHRASE";

#[derive(Subcommand)]
pub enum HomeCommand {
    /// Turn on encryption at rest for a new home (no cases yet). The
    /// passphrase comes from DISCLOSE_PASSPHRASE or a prompt.
    Encrypt,
    /// Whether the home is encrypted, and where it is.
    Status,
}

#[derive(Serialize)]
struct Status {
    home: String,
    encrypted: bool,
}

pub fn run(ctx: &Context, command: HomeCommand) -> anyhow::Result<Outcome> {
    if let HomeCommand::Encrypt = command {
        let passphrase = passphrase(&ctx.home, true)?;
        crypt::enable(&ctx.home, &passphrase)?;
    }
    let status = Status {
        home: ctx.home.root().display().to_string(),
        encrypted: crypt::is_encrypted(&ctx.home),
    };
    ctx.out.print(&status, |s| {
        if s.encrypted {
            println!("{} is encrypted at rest", s.home);
        } else {
            println!("{} is not encrypted", s.home);
        }
    });
    Ok(Outcome::Ok)
}

/// Unlocks the home for this run when it is encrypted.
pub fn unlock_if_encrypted(home: &Home) -> anyhow::Result<()> {
    if crypt::is_encrypted(home) && !crypt::is_unlocked(home) {
        let passphrase = passphrase(home, false)?;
        crypt::unlock(home, &passphrase)?;
    }
    Ok(())
}

/// The passphrase: the environment variable, else asked on the terminal
/// (twice when it is being set).
fn passphrase(home: &Home, new: bool) -> anyhow::Result<String> {
    if let Some(p) = std::env::var(PASSPHRASE_VAR).ok().filter(|p| !p.is_empty()) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(disclose_core::Error::Locked(format!(
            "{} is encrypted: set {PASSPHRASE_VAR} or run in a terminal to be asked",
            home.root().display()
        ))
        .into());
    }
    let prompt = format!("Passphrase for {}: ", home.root().display());
    let first = rpassword::prompt_password(prompt)?;
    if new && rpassword::prompt_password("The same passphrase again: ")? != first {
        anyhow::bail!(disclose_core::Error::Invalid(
            "the two passphrases differ".into()
        ));
    }
    Ok(first)
}
