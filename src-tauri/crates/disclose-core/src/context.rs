//! Who acts, where, and when: the one [`Context`] every use case runs in.
//! A shell makes one per run (the CLI) or per window (the desktop) and opens
//! cases with it; the engine reads the time, the person and the home from
//! it and from nowhere else, so both shells stamp the same way and a test
//! can fix the clock.
//!
//! Every timestamp the engine writes is [`stamp`]ed: RFC 3339 in UTC to the
//! second, `2026-03-03T10:00:00Z`. Case folders written before one format
//! was chosen also hold the desktop's local stamps with an offset
//! (`2026-03-03T11:00:00+01:00`); [`read_stamp`] reads both.

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

use crate::actor::Actor;
use crate::case::Home;

/// Where the time comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Clock {
    /// The system clock, read at each use.
    System,
    /// Always this instant (tests, fixtures).
    Fixed(DateTime<Utc>),
}

/// The home, the person acting and the clock.
#[derive(Debug, Clone)]
pub struct Context {
    home: Home,
    actor: String,
    clock: Clock,
}

impl Context {
    /// Acting in `home` as the person at this machine's account (the name
    /// set with `whoami --set`, and the account), by the system clock.
    pub fn new(home: Home) -> Context {
        let actor = Actor::current(&home).label();
        Context {
            home,
            actor,
            clock: Clock::System,
        }
    }

    /// The same, acting as `actor` (a batch job's name, a test's officer).
    pub fn acting_as(mut self, actor: &str) -> Context {
        self.actor = actor.to_string();
        self
    }

    /// The same, with the clock stopped at `at` (an RFC 3339 stamp).
    pub fn at(mut self, at: &str) -> crate::Result<Context> {
        let at = read_stamp(at)
            .ok_or_else(|| crate::Error::Invalid(format!("{at:?} is not an RFC 3339 time")))?;
        self.clock = Clock::Fixed(at);
        Ok(self)
    }

    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Who is acting, as the audit trail and the chain of custody record
    /// them.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Now, as the engine records it (see [`stamp`]).
    pub fn now(&self) -> String {
        stamp(self.instant())
    }

    /// Today's date where the user is (deadlines count calendar days).
    pub fn today(&self) -> NaiveDate {
        self.instant().with_timezone(&Local).date_naive()
    }

    fn instant(&self) -> DateTime<Utc> {
        match self.clock {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

/// The one format of the engine's timestamps: RFC 3339, UTC, seconds.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored timestamp in either format found in case folders (UTC with
/// `Z`, or local time with an offset), as a UTC instant.
pub fn read_stamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A context in `home` with the clock stopped at `at`, for the engine's
/// tests.
#[cfg(test)]
pub(crate) fn at(home: &Home, at: &str) -> Context {
    Context::new(home.clone()).at(at).expect("an RFC 3339 time")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_and_old_local_stamps_read_as_the_same_instant() {
        let ctx = Context::new(Home::new("/nonexistent"))
            .acting_as("officer")
            .at("2026-03-03T11:00:00+01:00")
            .unwrap();
        assert_eq!(ctx.now(), "2026-03-03T10:00:00Z");
        assert_eq!(ctx.actor(), "officer");
        assert_eq!(
            read_stamp("2026-03-03T11:00:00+01:00"),
            read_stamp("2026-03-03T10:00:00Z")
        );
        assert!(read_stamp("yesterday").is_none());
        assert!(Context::new(Home::new("/x")).at("soon").is_err());
    }
}
