//! The due date each case last recorded, and re-checking it. When bank
//! holidays are imported, or a new release computes deadlines differently,
//! every open case's due date is computed again and compared with the one
//! it recorded; a date that moved is recorded with before and after, in the
//! case (`moves`, shown with the case) and in its audit trail.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::CaseFolder;
use crate::clock::calendar::{self, HolidaysFile};
use crate::clock::{v1, Calendar};
use crate::context::Context;
use crate::error::Result;
use crate::store::Store;

crate::vocab::vocabulary! {
    /// Why a due date was recorded.
    pub enum Cause ("cause") {
        /// The case was created.
        Created = "created",
        /// Someone paused the clock or changed the extension.
        Changed = "changed",
        /// A bank-holidays file was imported.
        Holidays = "holidays",
        /// The deadline rules (or built-in holidays) of this release differ.
        Rules = "rules",
    }
}

impl Cause {
    fn describe(self) -> &'static str {
        match self {
            Cause::Holidays => "bank holidays were imported",
            Cause::Rules => "Disclose's deadline rules or built-in bank holidays changed",
            Cause::Changed => "the clock was paused or the extension changed",
            Cause::Created => "the case was created",
        }
    }
}

/// A due date that moved without anyone changing the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueMove {
    pub reference: String,
    pub before: NaiveDate,
    pub after: NaiveDate,
    /// `holidays` or `rules`.
    pub cause: Cause,
    /// Why, in words.
    pub why: String,
    /// When it was noticed (RFC 3339).
    pub at: String,
}

/// Records `due` as the case's due date.
pub fn record(
    store: &Store,
    due: NaiveDate,
    previous: Option<NaiveDate>,
    cause: Cause,
    at: &str,
) -> Result<()> {
    store.conn.execute(
        "INSERT INTO due_dates (at, due, previous, cause) VALUES (?1, ?2, ?3, ?4)",
        params![
            at,
            due.to_string(),
            previous.map(|d| d.to_string()),
            cause.as_str()
        ],
    )?;
    Ok(())
}

/// The due date last recorded, if any was.
pub fn last_recorded(store: &Store) -> Result<Option<NaiveDate>> {
    let due: Option<String> = store
        .conn
        .query_row(
            "SELECT due FROM due_dates ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(due.and_then(|d| d.parse().ok()))
}

/// Every move of the due date found by a re-check, oldest first.
pub fn moves(store: &Store, reference: &str) -> Result<Vec<DueMove>> {
    let mut stmt = store.conn.prepare(
        "SELECT at, due, previous, cause FROM due_dates
         WHERE previous IS NOT NULL AND cause IN ('holidays', 'rules') ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Cause>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, after, before, cause) = row?;
        if let (Ok(before), Ok(after)) = (before.parse(), after.parse()) {
            out.push(DueMove {
                reference: reference.to_string(),
                before,
                after,
                why: cause.describe().to_string(),
                cause,
                at,
            });
        }
    }
    Ok(out)
}

/// Computes an open case's due date again with `calendar`; if it differs
/// from the one recorded, records the move (and audits it). A case recorded
/// before due dates were kept is compared with what the previous rules gave
/// it. Closed cases are left alone.
pub fn recheck(folder: &CaseFolder, calendar: &Calendar, cause: Cause) -> Result<Option<DueMove>> {
    let now = &folder.now();
    if crate::retention::closure(folder)?.is_some() {
        return Ok(None);
    }
    let case = folder.case()?;
    let due = case.deadline(calendar)?.due;
    let before = match last_recorded(&folder.store)? {
        Some(recorded) => recorded,
        None => match v1::due(&case.deadline_input()) {
            Some(old) => old,
            None => due,
        },
    };
    if before == due {
        if last_recorded(&folder.store)?.is_none() {
            record(&folder.store, due, None, cause, now)?;
        }
        return Ok(None);
    }
    record(&folder.store, due, Some(before), cause, now)?;
    let why = cause.describe();
    folder.store.audit(
        now,
        folder.actor(),
        crate::audit::Action::DeadlineMoved,
        &serde_json::json!({ "due_before": before, "due_after": due, "cause": cause.as_str(), "why": why }),
    )?;
    Ok(Some(DueMove {
        reference: case.reference,
        before,
        after: due,
        cause,
        why: why.to_string(),
        at: now.to_string(),
    }))
}

/// Re-checks every open case in `home`; returns the due dates that moved.
pub fn recheck_all(context: &Context, cause: Cause) -> Result<Vec<DueMove>> {
    let home = context.home();
    let calendar = Calendar::load(home)?;
    let mut moved = Vec::new();
    for reference in home.case_references()? {
        let folder = CaseFolder::open(context, &reference)?;
        moved.extend(recheck(&folder, &calendar, cause)?);
    }
    Ok(moved)
}

/// What importing a bank-holidays file did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HolidaysImport {
    pub file: HolidaysFile,
    /// Open cases whose due date moved.
    pub moved: Vec<DueMove>,
}

/// Imports a GOV.UK bank-holidays file into `home` and re-checks every
/// open case against it.
pub fn import_holidays(context: &Context, file: &std::path::Path) -> Result<HolidaysImport> {
    let file = calendar::import(context.home(), file)?;
    let moved = recheck_all(context, Cause::Holidays)?;
    Ok(HolidaysImport { file, moved })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Case, Home};
    use crate::clock::Region;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn scottish_case(home: &Home, reference: &str, received: &str) -> CaseFolder {
        let mut case = Case::new(reference, "A Person", d(received)).unwrap();
        case.region = Region::Scotland;
        CaseFolder::create(&crate::context::at(home, "2026-05-20T10:00:00Z"), &case).unwrap()
    }

    #[test]
    fn a_case_from_before_the_fix_says_its_date_moved() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        let folder = scottish_case(&home, "OLD", "2026-05-15");
        // As if made by the previous release: no due date recorded.
        folder
            .store
            .conn
            .execute("DELETE FROM due_dates", [])
            .unwrap();
        let moved = recheck_all(
            &crate::context::at(&home, "2026-05-21T09:00:00Z"),
            Cause::Rules,
        )
        .unwrap();
        assert_eq!(moved.len(), 1);
        assert_eq!(
            (moved[0].before, moved[0].after),
            (d("2026-06-15"), d("2026-06-16"))
        );
        assert_eq!(moves(&folder.store, "OLD").unwrap(), moved);
        let audit = folder.store.audit_entries().unwrap();
        let last = audit.last().unwrap();
        assert_eq!(last.action, "deadline-moved");
        assert_eq!(last.detail["due_before"], "2026-06-15");
        assert_eq!(last.detail["due_after"], "2026-06-16");
        // Nothing moves twice.
        assert!(recheck_all(
            &crate::context::at(&home, "2026-05-22T09:00:00Z"),
            Cause::Rules
        )
        .unwrap()
        .is_empty());
    }

    #[test]
    fn an_unmoved_case_and_a_closed_case_record_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        let open = scottish_case(&home, "OPEN", "2026-03-02");
        let mut closed = scottish_case(&home, "CLOSED", "2026-05-15");
        crate::retention::close(&mut closed, "responded", d("2026-06-01")).unwrap();
        closed
            .store
            .conn
            .execute("DELETE FROM due_dates", [])
            .unwrap();
        let entries = |f: &CaseFolder| f.store.audit_entries().unwrap().len();
        let (open_before, closed_before) = (entries(&open), entries(&closed));
        assert!(recheck_all(
            &crate::context::at(&home, "2026-06-02T09:00:00Z"),
            Cause::Rules
        )
        .unwrap()
        .is_empty());
        assert_eq!(entries(&open), open_before);
        assert_eq!(entries(&closed), closed_before);
        assert!(moves(&open.store, "OPEN").unwrap().is_empty());
    }
}
