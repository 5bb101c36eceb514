//! A case at a glance: its fields, its deadline and days left, and what it
//! holds (items by status and type). The CLI's `case show`/`case list` and
//! the desktop's cases and overview screens all show this.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Case, CaseFolder, Home};
use crate::clock::{self, Deadline};
use crate::error::Result;
use crate::review::ReviewProgress;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseOverview {
    pub case: Case,
    pub deadline: Deadline,
    /// Days until the due date; negative when overdue.
    pub days_left: i64,
    pub folder: String,
    pub items: u64,
    pub by_status: BTreeMap<String, u64>,
    pub by_type: BTreeMap<String, u64>,
    pub duplicates: u64,
    pub review: ReviewProgress,
}

impl CaseOverview {
    pub fn of(folder: &CaseFolder, today: NaiveDate) -> Result<CaseOverview> {
        let by_status = folder.store.status_counts()?;
        let case = folder.case()?;
        let deadline = case.deadline()?;
        Ok(CaseOverview {
            days_left: clock::days_left(&deadline, today),
            deadline,
            case,
            folder: folder.dir().display().to_string(),
            items: by_status.values().sum(),
            by_status,
            by_type: folder.store.type_counts()?,
            duplicates: folder.store.duplicate_count()?,
            review: folder.store.review_progress()?,
        })
    }
}

/// Every case in `home`, most urgent first (overdue cases lead).
pub fn all_cases(home: &Home, today: NaiveDate) -> Result<Vec<CaseOverview>> {
    let mut cases = Vec::new();
    for reference in home.case_references()? {
        cases.push(CaseOverview::of(
            &CaseFolder::open(home, &reference)?,
            today,
        )?);
    }
    cases.sort_by_key(|c| (c.days_left, c.case.reference.clone()));
    Ok(cases)
}
