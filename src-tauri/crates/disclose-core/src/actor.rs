//! Who acts: the person's name, set once per machine (`disclose whoami
//! --set "Priya Khan"`, or the desktop's first-run dialog), together with
//! the operating-system account the program runs under, read from the
//! system (user id and its account name), not from `$USER`, which anyone
//! can set. The names live in the home's `people.json`, keyed by user id,
//! so people sharing a home each keep their own.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::Home;
use crate::error::{Error, Result};

const PEOPLE: &str = "people.json";

/// The person at the keyboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Actor {
    /// The name set with `whoami --set`, if any.
    pub name: Option<String>,
    /// The operating-system account, as the system names it.
    pub account: String,
    /// Its user id (Unix), if the system has one.
    pub uid: Option<u32>,
}

impl Actor {
    /// The person and account running this process, in `home`.
    pub fn current(home: &Home) -> Actor {
        let (account, uid) = os_account();
        let name = uid
            .map(|u| u.to_string())
            .or_else(|| Some(account.clone()))
            .and_then(|key| people(home).ok()?.remove(&key));
        Actor { name, account, uid }
    }

    /// How the audit trail and the chain of custody record them:
    /// `Priya Khan (account priya, uid 1000)`, or without a name set
    /// `priya (uid 1000)`.
    pub fn label(&self) -> String {
        let uid = self.uid.map(|u| format!(", uid {u}")).unwrap_or_default();
        match &self.name {
            Some(name) => format!("{name} (account {}{uid})", self.account),
            None if uid.is_empty() => self.account.clone(),
            None => format!("{} ({})", self.account, &uid[2..]),
        }
    }
}

/// Sets the name of the person using this account on this machine.
pub fn set_name(home: &Home, name: &str) -> Result<Actor> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(Error::Invalid(
            "give a name of 1 to 100 characters, e.g. --set \"Priya Khan\"".into(),
        ));
    }
    let (account, uid) = os_account();
    let key = uid
        .map(|u| u.to_string())
        .unwrap_or_else(|| account.clone());
    let mut all = people(home)?;
    all.insert(key, name.to_string());
    let json = serde_json::to_string_pretty(&all).map_err(|e| Error::Invalid(e.to_string()))?;
    crate::private::write_file(&home.root().join(PEOPLE), json.as_bytes())?;
    Ok(Actor::current(home))
}

fn people(home: &Home) -> Result<BTreeMap<String, String>> {
    let path = home.root().join(PEOPLE);
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    serde_json::from_str(&std::fs::read_to_string(&path)?)
        .map_err(|e| Error::Invalid(format!("{} is unreadable: {e}", path.display())))
}

/// The account this process runs under, from the system: its name and
/// user id. Falls back to the environment only where the system cannot
/// say (no Unix user database entry; other systems).
pub fn os_account() -> (String, Option<u32>) {
    #[cfg(unix)]
    {
        let uid = nix::unistd::getuid();
        let name = nix::unistd::User::from_uid(uid)
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_else(|| format!("uid-{uid}"));
        (name, Some(uid.as_raw()))
    }
    #[cfg(not(unix))]
    {
        let name = std::env::var("USERNAME")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "unknown".into());
        (name, None)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_account_comes_from_the_system_and_the_name_from_the_home() {
        let tmp = tempfile::tempdir().unwrap();
        let home = Home::new(tmp.path());
        let before = Actor::current(&home);
        assert_eq!(before.name, None);
        assert_eq!(before.uid, Some(nix::unistd::getuid().as_raw()));
        assert!(!before.label().is_empty());
        assert!(set_name(&home, "  ").is_err());
        let after = set_name(&home, "Priya Khan").unwrap();
        assert_eq!(after.name.as_deref(), Some("Priya Khan"));
        assert!(
            after.label().starts_with("Priya Khan (account "),
            "{}",
            after.label()
        );
        assert!(after
            .label()
            .contains(&format!("uid {}", after.uid.unwrap())));
    }
}
