//! Review decisions: what happens to each item in the response — disclose
//! it, disclose it with redactions, withhold it under an exemption, leave
//! it out as not relevant, or treat it as a duplicate. Every decision is
//! kept (the newest is current) and written to the audit trail, so who
//! decided what, when and why can always be shown.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::store::{item_from_row, ItemRow, Store, ITEM_COLUMNS};

crate::vocab::vocabulary! {
    /// What to do with an item.
    pub enum Decision ("decision") {
        Disclose = "disclose",
        /// Disclose with the marked parts redacted.
        Redact = "redact",
        /// Withhold entirely, under an exemption (a reason is required).
        Withhold = "withhold",
        NotRelevant = "not-relevant",
        Duplicate = "duplicate",
    }
}

/// A reason for withholding or redacting, citing the law that allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reason {
    pub code: String,
    pub label: String,
    pub citation: String,
}

/// The default reasons (UK GDPR and the Data Protection Act 2018): code,
/// label, citation.
pub const DEFAULT_REASONS: &[(&str, &str, &str)] = &[
    (
        "third-party",
        "Another person's information",
        "DPA 2018 Sch. 2 Pt 3 para 16",
    ),
    ("crime", "Crime and taxation", "DPA 2018 Sch. 2 Pt 1 para 2"),
    (
        "legal-privilege",
        "Legal professional privilege",
        "DPA 2018 Sch. 2 Pt 4 para 19",
    ),
    (
        "management-forecast",
        "Management forecasting or planning",
        "DPA 2018 Sch. 2 Pt 4 para 22",
    ),
    (
        "negotiations",
        "Negotiations with the requester",
        "DPA 2018 Sch. 2 Pt 4 para 23",
    ),
    (
        "confidential-reference",
        "Confidential reference",
        "DPA 2018 Sch. 2 Pt 4 para 24",
    ),
    (
        "serious-harm",
        "Health or social work data: serious harm",
        "DPA 2018 Sch. 3 Pts 2 and 3",
    ),
    (
        "not-requester-data",
        "Not the requester's personal data",
        "UK GDPR Art. 15(1)",
    ),
];

const REASONS_FILE: &str = "reasons.json";

/// The reasons in use: the defaults, then `reasons.json` in the Disclose
/// home (`[{"code", "label", "citation"}]`), whose entries add reasons or
/// reword a default with the same code.
pub fn reasons(home_root: &Path) -> Result<Vec<Reason>> {
    let mut list: Vec<Reason> = DEFAULT_REASONS
        .iter()
        .map(|(code, label, citation)| Reason {
            code: code.to_string(),
            label: label.to_string(),
            citation: citation.to_string(),
        })
        .collect();
    let path = home_root.join(REASONS_FILE);
    if path.exists() {
        let extra: Vec<Reason> = serde_json::from_str(&std::fs::read_to_string(&path)?)
            .map_err(|e| Error::Invalid(format!("{} is unreadable: {e}", path.display())))?;
        for reason in extra {
            let valid_code = !reason.code.is_empty()
                && reason
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid_code || reason.label.trim().is_empty() {
                return Err(Error::Invalid(format!(
                    "{}: each reason needs a code of lower-case letters, digits and hyphens, and a label",
                    path.display()
                )));
            }
            match list.iter_mut().find(|r| r.code == reason.code) {
                Some(existing) => *existing = reason,
                None => list.push(reason),
            }
        }
    }
    Ok(list)
}

/// The reason with `code`, or an error naming the codes there are.
pub fn find_reason<'a>(reasons: &'a [Reason], code: &str) -> Result<&'a Reason> {
    reasons.iter().find(|r| r.code == code).ok_or_else(|| {
        let codes: Vec<&str> = reasons.iter().map(|r| r.code.as_str()).collect();
        Error::Invalid(format!(
            "unknown reason {code:?}: use one of {}",
            codes.join(", ")
        ))
    })
}

/// An item's current decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DecisionRecord {
    pub item_id: i64,
    pub decision: Decision,
    pub reason: Option<String>,
    pub note: String,
    pub decided_at: String,
    pub decided_by: String,
}

/// How far the review has got.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReviewProgress {
    /// Items to review: everything imported.
    pub total: u64,
    pub decided: u64,
    /// Current decisions by kind.
    pub by_decision: BTreeMap<Decision, u64>,
}

/// One page of the review queue: the case's items in id order (all, or
/// only those not yet decided), each with its current decision, and the
/// counts a reviewer sees beside it. A page costs the same wherever it
/// starts, so a list of 100,000 items is read as it is scrolled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewPage {
    /// Items in the case.
    pub total: u64,
    /// Items with a decision.
    pub decided: u64,
    /// Items in the list asked for: every item, or the undecided ones.
    pub listed: u64,
    /// Where in that list the first undecided item is, if there is one.
    pub first_undecided: Option<u64>,
    /// Where in that list `rows` start.
    pub offset: u64,
    pub rows: Vec<ReviewEntry>,
}

/// An item in the review queue with its current decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewEntry {
    pub item: ItemRow,
    pub decision: Option<DecisionRecord>,
}

/// Records `decision` for each of `items`, with the reason it needs.
pub fn decide(
    folder: &mut CaseFolder,
    items: &[i64],
    decision: Decision,
    reason: Option<&str>,
    note: &str,
) -> Result<Vec<DecisionRecord>> {
    let now = &folder.now();
    if items.is_empty() {
        return Err(Error::Invalid("no items to decide".into()));
    }
    let known = folder.reasons()?;
    let reason = reason
        .filter(|r| !r.is_empty())
        .map(|code| find_reason(&known, code))
        .transpose()?;
    if decision == Decision::Withhold && reason.is_none() {
        return Err(Error::Invalid(
            "withholding needs a reason (the exemption relied on)".into(),
        ));
    }
    let actor = folder.actor().to_string();
    let code = reason.map(|r| r.code.clone());
    folder.store.transaction(|store| {
        let mut records = Vec::new();
        for &item in items {
            store.item(item)?;
            store.conn.execute(
                "INSERT INTO decisions (item_id, decision, reason, note, decided_at, decided_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![item, decision.as_str(), code, note, now, actor],
            )?;
            records.push(DecisionRecord {
                item_id: item,
                decision,
                reason: code.clone(),
                note: note.to_string(),
                decided_at: now.to_string(),
                decided_by: actor.clone(),
            });
        }
        store.audit(
            now,
            &actor,
            crate::audit::Action::Decide,
            &serde_json::json!({
                "items": items,
                "decision": decision.as_str(),
                "reason": code,
                "note": note,
            }),
        )?;
        Ok(records)
    })
}

impl Store {
    /// The current decision for an item, if any.
    pub fn decision(&self, item: i64) -> Result<Option<DecisionRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT item_id, decision, reason, note, decided_at, decided_by
                 FROM decisions WHERE item_id = ?1 ORDER BY id DESC LIMIT 1",
                [item],
                read_record,
            )
            .optional()?)
    }

    /// The current decision of every decided item.
    pub fn decisions(&self) -> Result<BTreeMap<i64, DecisionRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT item_id, decision, reason, note, decided_at, decided_by
             FROM decisions WHERE id IN (SELECT MAX(id) FROM decisions GROUP BY item_id)",
        )?;
        let rows = stmt.query_map([], read_record)?;
        let mut out = BTreeMap::new();
        for row in rows {
            let record = row?;
            out.insert(record.item_id, record);
        }
        Ok(out)
    }

    /// Rows `offset..offset + limit` (to the end without a limit) of the
    /// review queue, only the undecided items if `only_undecided`. The
    /// filter, the counts and the page are each one query over the indexes
    /// (`decisions_item`, the items' ids), not a read of every row.
    pub fn review_page(
        &self,
        only_undecided: bool,
        offset: u64,
        limit: Option<u64>,
    ) -> Result<ReviewPage> {
        const UNDECIDED: &str = "id NOT IN (SELECT item_id FROM decisions)";
        let number = |sql: &str, values: &[i64]| -> Result<Option<i64>> {
            let values = rusqlite::params_from_iter(values);
            Ok(self.conn.query_row(sql, values, |r| r.get(0))?)
        };
        let total = number("SELECT COUNT(*) FROM items", &[])?.unwrap_or(0) as u64;
        let decided =
            number("SELECT COUNT(DISTINCT item_id) FROM decisions", &[])?.unwrap_or(0) as u64;
        // A decision is only ever recorded for an item of the case.
        let undecided = total.saturating_sub(decided);
        let listed = if only_undecided { undecided } else { total };
        // Looking for the first undecided item reads every item before it:
        // skipped when the counts already say where it is.
        let first_undecided = if undecided == 0 {
            None
        } else if only_undecided || decided == 0 {
            Some(0)
        } else {
            let sql = format!("SELECT MIN(id) FROM items WHERE {UNDECIDED}");
            match number(&sql, &[])? {
                Some(id) => number("SELECT COUNT(*) FROM items WHERE id < ?1", &[id])?,
                None => None,
            }
            .map(|n| n as u64)
        };
        let filter = if only_undecided { UNDECIDED } else { "1" };
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id FROM items WHERE {filter} ORDER BY id LIMIT ?1 OFFSET ?2"
            ))?;
            let limit = limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64);
            let rows = stmt.query_map(params![limit, offset as i64], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let json = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        let mut decisions: BTreeMap<i64, DecisionRecord> = {
            let mut stmt = self.conn.prepare(
                "SELECT item_id, decision, reason, note, decided_at, decided_by FROM decisions
                 WHERE id IN (SELECT MAX(id) FROM decisions
                     WHERE item_id IN (SELECT value FROM json_each(?1)) GROUP BY item_id)",
            )?;
            let rows = stmt.query_map([&json], read_record)?;
            rows.map(|r| r.map(|d| (d.item_id, d)))
                .collect::<Result<_, _>>()?
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM items
             WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"
        ))?;
        let rows = stmt
            .query_map([&json], item_from_row)?
            .map(|item| {
                item.map(|item| ReviewEntry {
                    decision: decisions.remove(&item.id),
                    item,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(ReviewPage {
            total,
            decided,
            listed,
            first_undecided,
            offset,
            rows,
        })
    }

    pub fn review_progress(&self) -> Result<ReviewProgress> {
        let total: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM items", [], |r| r.get(0))?;
        let mut progress = ReviewProgress {
            total: total as u64,
            ..ReviewProgress::default()
        };
        for record in self.decisions()?.values() {
            progress.decided += 1;
            *progress.by_decision.entry(record.decision).or_default() += 1;
        }
        Ok(progress)
    }
}

fn read_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<DecisionRecord> {
    Ok(DecisionRecord {
        item_id: r.get(0)?,
        decision: r.get(1)?,
        reason: r.get(2)?,
        note: r.get(3)?,
        decided_at: r.get(4)?,
        decided_by: r.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Home;

    fn demo_folder() -> (tempfile::TempDir, CaseFolder) {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        let context = crate::context::at(&home, "2026-11-02T10:00:00Z").acting_as("tester");
        let (folder, _) = crate::demo::create_demo(&context, "R-1").unwrap();
        (dir, folder)
    }

    #[test]
    fn the_newest_decision_counts_and_every_one_is_audited() {
        let (_dir, mut folder) = demo_folder();
        let before = folder.store.audit_entries().unwrap().len();
        decide(&mut folder, &[1, 2], Decision::Disclose, None, "").unwrap();
        decide(
            &mut folder,
            &[2],
            Decision::Withhold,
            Some("legal-privilege"),
            "advice from our solicitor",
        )
        .unwrap();
        let current = folder.store.decision(2).unwrap().unwrap();
        assert_eq!(current.decision, Decision::Withhold);
        assert_eq!(current.reason.as_deref(), Some("legal-privilege"));
        assert_eq!(current.decided_by, "tester");
        let progress = folder.store.review_progress().unwrap();
        assert_eq!(progress.decided, 2);
        assert_eq!(progress.by_decision[&Decision::Disclose], 1);
        assert_eq!(progress.by_decision[&Decision::Withhold], 1);
        assert!(progress.total > 2);
        let audit = folder.store.audit_entries().unwrap();
        assert_eq!(audit.len(), before + 2);
        assert_eq!(audit.last().unwrap().action, "decide");
        assert!(folder.store.verify_audit().unwrap().intact);
    }

    #[test]
    fn withholding_needs_a_known_reason_and_items_must_exist() {
        let (_dir, mut folder) = demo_folder();
        let err = decide(&mut folder, &[1], Decision::Withhold, None, "").unwrap_err();
        assert!(err.to_string().contains("needs a reason"), "{err}");
        let err = decide(&mut folder, &[1], Decision::Redact, Some("because"), "").unwrap_err();
        assert!(err.to_string().contains("unknown reason"), "{err}");
        assert!(decide(&mut folder, &[999_999], Decision::Disclose, None, "").is_err());
        assert_eq!(folder.store.review_progress().unwrap().decided, 0);
    }

    fn page(folder: &CaseFolder, undecided: bool, offset: u64, limit: u64) -> ReviewPage {
        folder.review_page(undecided, offset, Some(limit)).unwrap()
    }

    #[test]
    fn pages_of_the_queue_join_up_to_the_whole_list_with_its_counts() {
        let (_dir, mut folder) = demo_folder();
        let items: Vec<i64> = folder.items(None).unwrap().iter().map(|i| i.id).collect();
        assert!(items.len() > 10, "the demo has enough items to page");
        assert_eq!(page(&folder, false, 0, 5).first_undecided, Some(0));

        let chosen = [items[0], items[1], items[4], items[7]];
        decide(&mut folder, &chosen, Decision::Disclose, None, "").unwrap();
        decide(&mut folder, &[items[4]], Decision::NotRelevant, None, "").unwrap();
        let decisions = folder.decisions().unwrap();
        let progress = folder.review_progress().unwrap();

        for undecided in [false, true] {
            let expected: Vec<i64> = items
                .iter()
                .copied()
                .filter(|id| !undecided || !decisions.contains_key(id))
                .collect();
            let mut seen = Vec::new();
            let mut offset = 0;
            loop {
                let p = page(&folder, undecided, offset, 3);
                assert_eq!((p.total, p.decided), (progress.total, progress.decided));
                assert_eq!(p.listed, expected.len() as u64);
                assert_eq!(p.offset, offset);
                if p.rows.is_empty() {
                    break;
                }
                for row in &p.rows {
                    let current = decisions.get(&row.item.id);
                    assert_eq!(row.decision.as_ref(), current, "item {}", row.item.id);
                    assert_eq!(row.item, folder.item(row.item.id).unwrap());
                }
                seen.extend(p.rows.iter().map(|r| r.item.id));
                offset += 3;
            }
            assert_eq!(seen, expected, "undecided only: {undecided}");
            let whole = folder.review_page(undecided, 0, None).unwrap();
            assert_eq!(whole.rows.len(), expected.len());
        }
        let first = page(&folder, false, 0, 1);
        assert_eq!(first.first_undecided, Some(2), "items 0 and 1 are decided");
        assert_eq!(
            first.rows[0].decision.as_ref().unwrap().decision,
            Decision::Disclose
        );
        assert_eq!(page(&folder, true, 0, 1).first_undecided, Some(0));
        let fifth = page(&folder, false, 4, 1).rows[0].decision.clone().unwrap();
        assert_eq!(
            fifth.decision,
            Decision::NotRelevant,
            "the newest decision counts"
        );

        decide(&mut folder, &items, Decision::NotRelevant, None, "").unwrap();
        assert_eq!(page(&folder, false, 0, 1).first_undecided, None);
        let none = page(&folder, true, 0, 1);
        assert_eq!((none.listed, none.first_undecided), (0, None));
        assert!(none.rows.is_empty());
    }

    #[test]
    fn decisions_parse_from_their_names() {
        for d in Decision::ALL {
            assert_eq!(d.as_str().parse::<Decision>().unwrap(), *d);
        }
        assert!("maybe".parse::<Decision>().is_err());
    }
}
