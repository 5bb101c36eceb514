//! A case at a glance: its fields, its deadline and days left (or, once
//! closed, how and when it ended), due dates moved by a change of rules or
//! holidays, and what it holds (items by status and type). The CLI's `case
//! show`/`case list` and the desktop's cases and overview screens all show
//! this.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::due::{self, DueMove};
use super::{Case, CaseFolder, Home};
use crate::clock::{self, Calendar, Deadline};
use crate::context::Context;
use crate::error::Result;
use crate::extract::FileType;
use crate::retention::{self, Closure};
use crate::review::ReviewProgress;
use crate::store::Status;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseOverview {
    pub case: Case,
    pub deadline: Deadline,
    /// Days until the due date, negative when overdue; `None` once the
    /// case is closed (a closed case is not overdue).
    pub days_left: Option<i64>,
    /// How and when the case ended, once closed.
    pub closure: Option<Closure>,
    /// Due dates moved by imported holidays or changed rules, oldest first.
    pub due_moves: Vec<DueMove>,
    pub folder: String,
    pub items: u64,
    pub by_status: BTreeMap<Status, u64>,
    pub by_type: BTreeMap<FileType, u64>,
    pub duplicates: u64,
    pub review: ReviewProgress,
    /// A purge of the case is under way or was interrupted: it cannot be
    /// opened, and `disclose case purge` finishes it.
    pub purging: bool,
    /// What the user should hear about when opening the case (wide
    /// permissions, a missing or damaged index), in words.
    pub warnings: Vec<String>,
    /// Why the search index cannot be trusted, if it cannot: the window
    /// offers to rebuild it.
    pub index_problem: Option<String>,
}

impl CaseOverview {
    pub fn of(folder: &CaseFolder, today: NaiveDate) -> Result<CaseOverview> {
        CaseOverview::with_calendar(folder, &folder.calendar()?, today)
    }

    fn with_calendar(
        folder: &CaseFolder,
        calendar: &Calendar,
        today: NaiveDate,
    ) -> Result<CaseOverview> {
        let by_status = folder.store.status_counts()?;
        let case = folder.case()?;
        let deadline = case.deadline(calendar)?;
        let closure = retention::closure(folder)?;
        Ok(CaseOverview {
            days_left: closure
                .is_none()
                .then(|| clock::days_left(&deadline, today)),
            closure,
            due_moves: due::moves(&folder.store, &case.reference)?,
            deadline,
            case,
            folder: folder.dir().display().to_string(),
            items: by_status.values().sum(),
            by_status,
            by_type: folder.store.type_counts()?,
            duplicates: folder.store.duplicate_count()?,
            review: folder.store.review_progress()?,
            purging: false,
            warnings: folder.warnings(),
            index_problem: folder.index_problem(),
        })
    }

    /// A case whose purge is under way, from what its journal kept.
    fn purging(
        home: &Home,
        calendar: &Calendar,
        case: Case,
        items: u64,
        today: NaiveDate,
    ) -> Result<CaseOverview> {
        let deadline = case.deadline(calendar)?;
        let folder = home.case_dir(&case.reference);
        Ok(CaseOverview {
            days_left: Some(clock::days_left(&deadline, today)),
            closure: None,
            due_moves: Vec::new(),
            deadline,
            warnings: vec![format!(
                "this case is being purged: run `disclose case purge {}` to finish",
                case.reference
            )],
            case,
            folder: folder.display().to_string(),
            items,
            by_status: BTreeMap::new(),
            by_type: BTreeMap::new(),
            duplicates: 0,
            review: ReviewProgress::default(),
            purging: true,
            index_problem: None,
        })
    }
}

/// Every case in `home`: open cases most urgent first (overdue cases
/// lead), then closed cases, most recently closed first.
pub fn all_cases(context: &Context) -> Result<Vec<CaseOverview>> {
    let (home, today) = (context.home(), context.today());
    let calendar = Calendar::load(home)?;
    let mut cases = Vec::new();
    for reference in home.case_references()? {
        cases.push(CaseOverview::with_calendar(
            &CaseFolder::open(context, &reference)?,
            &calendar,
            today,
        )?);
    }
    for reference in retention::purging_references(home)? {
        if let Some((case, items)) = retention::purging_case(&home.case_dir(&reference)) {
            cases.push(CaseOverview::purging(home, &calendar, case, items, today)?);
        }
    }
    cases.sort_by_key(|c| {
        (
            c.closure.as_ref().map(|k| std::cmp::Reverse(k.closed_on)),
            c.days_left,
            c.case.reference.clone(),
        )
    });
    Ok(cases)
}
