//! Redaction marks: the parts of an item that must not reach the requester.
//! A mark is either a text range (bytes of the item's extracted text) or an
//! area (a rectangle on a page, in the item's page coordinates: points for
//! PDFs, pixels of the upright image for images). Each carries a reason
//! code citing the law, whose data it is, and a status:
//!
//! - `suggested`: found by detection, waiting for a reviewer;
//! - `accepted`: a redaction (marks made by hand start here);
//! - `rejected`: a suggestion the reviewer turned down;
//! - `removed`: a redaction taken back ("unredact").
//!
//! Nothing is deleted: who marked, accepted or removed what, and when, stays
//! in the table and in the audit trail.

use std::collections::BTreeSet;
use std::ops::Range;

use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::Action;
use crate::case::CaseFolder;
pub use crate::detect::DataKind;
use crate::error::{Error, Result};
use crate::review;
use crate::store::Store;
pub use crate::variants::Variants;
pub use actions::{
    decide, redact_place, redact_term, suggestion_groups, Selection, SuggestionGroup,
};

mod actions;

/// Where a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Target {
    /// Bytes `start..end` of the item's extracted text.
    Text { start: usize, end: usize },
    /// `[x0, y0, x1, y1]` on a 1-based page, origin top-left, y down.
    Area { page: u32, rect: [f32; 4] },
}

crate::vocab::vocabulary! {
    /// A mark's place in review.
    pub enum MarkStatus ("mark status") {
        Suggested = "suggested",
        Accepted = "accepted",
        Rejected = "rejected",
        Removed = "removed",
    }
}

crate::vocab::vocabulary! {
    /// Whose personal data a mark covers.
    pub enum Whose ("owner") {
        Subject = "subject",
        Household = "household",
        Staff = "staff",
        Organisation = "organisation",
        ThirdParty = "third_party",
        Unknown = "unknown",
    }
}

crate::vocab::vocabulary! {
    /// Where a mark came from.
    pub enum MarkSource ("mark source") {
        /// Suggested by detection.
        Detect = "detect",
        /// Drawn or selected by a reviewer.
        Manual = "manual",
        /// "Redact this everywhere in the case".
        Everywhere = "everywhere",
    }
}

/// A mark as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Mark {
    pub id: i64,
    pub item_id: i64,
    pub target: Target,
    /// The text under the mark (for areas, the words inside it, if known).
    pub text: String,
    /// What was found (`person_name`, `phone`, ...), or `manual` / `term`.
    pub kind: DataKind,
    pub whose: Whose,
    /// A key grouping the marks of one person (empty when not a person).
    pub person: String,
    pub reason: String,
    pub confidence: Option<f32>,
    pub source: MarkSource,
    pub status: MarkStatus,
    pub created_at: String,
    pub created_by: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    /// Where the mark sits on the item's pages (PDFs and OCR'd images):
    /// its area, or the boxes of the words under its text. Filled in by
    /// [`Store::place`]; empty otherwise.
    pub boxes: Vec<PageBox>,
}

/// A rectangle on a page, in the page's units, origin top-left.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PageBox {
    pub page: u32,
    pub rect: [f32; 4],
}

/// A mark to add.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMark {
    pub item_id: i64,
    pub target: Target,
    pub text: String,
    pub kind: DataKind,
    pub whose: Whose,
    pub person: String,
    pub reason: String,
    pub confidence: Option<f32>,
    pub source: MarkSource,
}

impl NewMark {
    /// A redaction of a text range made by a person, not by detection.
    pub fn manual(item_id: i64, target: Target, text: &str, reason: &str) -> NewMark {
        NewMark {
            item_id,
            target,
            text: text.to_string(),
            kind: DataKind::Manual,
            whose: Whose::Unknown,
            person: String::new(),
            reason: reason.to_string(),
            confidence: None,
            source: MarkSource::Manual,
        }
    }
}

/// Adds `marks` with `status`, skipping any that repeat a live mark (same
/// item and target, suggested or accepted) — except that adding an accepted
/// mark where one was suggested accepts the suggestion. Returns the ids of
/// the marks added or accepted.
pub fn add(folder: &mut CaseFolder, marks: &[NewMark], status: MarkStatus) -> Result<Vec<i64>> {
    let now = &folder.now();
    let actor = folder.actor().to_string();
    let reasons = folder.reasons()?;
    folder.store.transaction(|store| {
        let mut added = Vec::new();
        // Marks come grouped by item (detection adds thousands at once), so
        // each item's text and live marks are read once, not once a mark.
        let mut item: Option<ItemMarks> = None;
        for mark in marks {
            if item.as_ref().map(|i| i.id) != Some(mark.item_id) {
                item = Some(ItemMarks::load(store, mark.item_id)?);
            }
            let Some(item) = item.as_mut() else {
                continue;
            };
            validate(store, mark, &reasons, item)?;
            if let Some(live) = item.live.iter_mut().find(|(_, t, _)| *t == mark.target) {
                // Redacting what was only suggested accepts the suggestion.
                if live.2 == MarkStatus::Suggested && status == MarkStatus::Accepted {
                    store.conn.execute(
                        "UPDATE marks SET status = 'accepted', decided_at = ?1, decided_by = ?2 WHERE id = ?3",
                        params![now, actor, live.0],
                    )?;
                    live.2 = MarkStatus::Accepted;
                    added.push(live.0);
                }
                continue;
            }
            let mut mark = mark.clone();
            if let Target::Area { page, rect } = mark.target {
                // A face is blurred for who it shows, not for words that
                // happen to lie in its box (a video's clock), which stay
                // readable elsewhere and are no redacted text.
                if mark.text.is_empty() && mark.kind != crate::cctv::FACE {
                    mark.text = store.words_in_area(mark.item_id, page, rect)?;
                }
            }
            let id = store.insert_mark(&mark, status, now, &actor)?;
            item.live.push((id, mark.target, status));
            added.push(id);
        }
        if !added.is_empty() {
            store.audit(
                now,
                &actor,
                Action::Mark,
                &serde_json::json!({ "status": status.as_str(), "marks": added }),
            )?;
        }
        Ok(added)
    })
}

/// Moves marks to `status` (accept or reject suggestions, remove a
/// redaction), unchecked: callers go through [`decide`], which checks each
/// step. Returns the ids that changed.
fn set_status(
    folder: &mut CaseFolder,
    ids: &[i64],
    status: MarkStatus,
    now: &str,
) -> Result<Vec<i64>> {
    let actor = folder.actor().to_string();
    folder.store.transaction(|store| {
        let mut changed = Vec::new();
        for &id in ids {
            let n = store.conn.execute(
                "UPDATE marks SET status = ?1, decided_at = ?2, decided_by = ?3
                 WHERE id = ?4 AND status != ?1",
                params![status.as_str(), now, actor, id],
            )?;
            if n == 1 {
                changed.push(id);
            }
        }
        if !changed.is_empty() {
            let action = match status {
                MarkStatus::Accepted => Action::MarkAccept,
                MarkStatus::Rejected => Action::MarkReject,
                MarkStatus::Removed => Action::Unredact,
                MarkStatus::Suggested => Action::MarkReopen,
            };
            store.audit(
                now,
                &actor,
                action,
                &serde_json::json!({ "marks": changed }),
            )?;
        }
        Ok(changed)
    })
}

/// Which marks a bulk action applies to. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct MarkFilter {
    pub item: Option<i64>,
    pub status: Option<MarkStatus>,
    pub kind: Option<DataKind>,
    pub person: Option<String>,
    pub whose: Option<Whose>,
}

/// One item's live (suggested or accepted) marks, and its text once a text
/// mark needs it.
struct ItemMarks {
    id: i64,
    text: Option<String>,
    live: Vec<(i64, Target, MarkStatus)>,
}

impl ItemMarks {
    fn load(store: &Store, id: i64) -> Result<ItemMarks> {
        let live = store
            .marks_of(Some(id))?
            .into_iter()
            .filter(|m| matches!(m.status, MarkStatus::Suggested | MarkStatus::Accepted))
            .map(|m| (m.id, m.target, m.status))
            .collect();
        Ok(ItemMarks {
            id,
            text: None,
            live,
        })
    }
}

fn validate(
    store: &Store,
    mark: &NewMark,
    reasons: &[review::Reason],
    item: &mut ItemMarks,
) -> Result<()> {
    review::find_reason(reasons, &mark.reason)?;
    match mark.target {
        Target::Text { start, end } => {
            if item.text.is_none() {
                item.text = Some(store.text(mark.item_id)?);
            }
            let text = item.text.as_deref().unwrap_or_default();
            if start >= end
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                return Err(Error::Invalid(format!(
                    "range {start}..{end} is not a span of item {}'s text ({} bytes)",
                    mark.item_id,
                    text.len()
                )));
            }
        }
        Target::Area { page, rect } => {
            store.item(mark.item_id)?;
            let [x0, y0, x1, y1] = rect;
            if page == 0 || !(x0 < x1 && y0 < y1) || rect.iter().any(|v| !v.is_finite()) {
                return Err(Error::Invalid(format!(
                    "area on page {page} must have x0 < x1 and y0 < y1"
                )));
            }
        }
    }
    Ok(())
}

impl Store {
    fn insert_mark(
        &self,
        mark: &NewMark,
        status: MarkStatus,
        now: &str,
        actor: &str,
    ) -> Result<i64> {
        let (start, end, page, rect) = match mark.target {
            Target::Text { start, end } => (Some(start as i64), Some(end as i64), None, None),
            Target::Area { page, rect } => (None, None, Some(page), Some(rect)),
        };
        let decided = (status != MarkStatus::Suggested).then_some(now);
        self.conn.execute(
            "INSERT INTO marks (item_id, start, end, page, x0, y0, x1, y1, text, kind, whose, person,
                reason, confidence, source, status, created_at, created_by, decided_at, decided_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            params![
                mark.item_id,
                start,
                end,
                page,
                rect.map(|r| r[0]),
                rect.map(|r| r[1]),
                rect.map(|r| r[2]),
                rect.map(|r| r[3]),
                mark.text,
                mark.kind,
                mark.whose,
                mark.person,
                mark.reason,
                mark.confidence,
                mark.source,
                status.as_str(),
                now,
                actor,
                decided,
                decided.map(|_| actor),
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The text ranges of the words whose middle lies inside `rect` on
    /// `page`: what an area mark hides.
    pub fn area_word_ranges(
        &self,
        item: i64,
        page: u32,
        rect: [f32; 4],
    ) -> Result<Vec<Range<usize>>> {
        Ok(self
            .pages(item)?
            .iter()
            .filter(|p| p.number == page)
            .flat_map(|p| &p.words)
            .filter(|w| {
                let (cx, cy) = ((w.bbox[0] + w.bbox[2]) / 2.0, (w.bbox[1] + w.bbox[3]) / 2.0);
                rect[0] <= cx && cx <= rect[2] && rect[1] <= cy && cy <= rect[3]
            })
            .map(|w| w.start..w.end)
            .collect())
    }

    /// The words an area mark hides, so the leak check can look for them.
    fn words_in_area(&self, item: i64, page: u32, rect: [f32; 4]) -> Result<String> {
        let text = self.text(item)?;
        let words: Vec<&str> = self
            .area_word_ranges(item, page, rect)?
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        Ok(words.join(" "))
    }

    /// The text ranges a mark hides: its own, or the words under its area.
    pub fn hidden_ranges(&self, mark: &Mark) -> Result<Vec<Range<usize>>> {
        match mark.target {
            Target::Text { start, end } => Ok(std::iter::once(start..end).collect()),
            Target::Area { page, rect } => self.area_word_ranges(mark.item_id, page, rect),
        }
    }

    /// Marks of one item, or of the whole case, in item and text order.
    pub fn marks_of(&self, item: Option<i64>) -> Result<Vec<Mark>> {
        self.marks(&MarkFilter {
            item,
            ..MarkFilter::default()
        })
    }

    /// Marks matching `filter`, in item and text order. The filter is
    /// SQL's, so a bulk action on one person reads that person's marks,
    /// not the case's.
    pub fn marks(&self, filter: &MarkFilter) -> Result<Vec<Mark>> {
        use rusqlite::types::Value;
        let text = |s: &str| Value::Text(s.to_owned());
        let wanted = [
            ("item_id = ?", filter.item.map(Value::Integer)),
            ("status = ?", filter.status.map(|s| text(s.as_str()))),
            ("kind = ?", filter.kind.map(|k| text(k.as_str()))),
            ("person = ?", filter.person.as_deref().map(text)),
            ("whose = ?", filter.whose.map(|w| text(w.as_str()))),
        ];
        let (conditions, values): (Vec<&str>, Vec<Value>) = wanted
            .into_iter()
            .filter_map(|(sql, value)| Some((sql, value?)))
            .unzip();
        let sql = format!(
            "SELECT {MARK_COLUMNS} FROM marks {} {} ORDER BY item_id, page, start, id",
            if conditions.is_empty() { "" } else { "WHERE" },
            conditions.join(" AND ")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), mark_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The case's redactions, in item and text order.
    pub fn accepted_marks(&self) -> Result<Vec<Mark>> {
        self.marks(&MarkFilter {
            status: Some(MarkStatus::Accepted),
            ..MarkFilter::default()
        })
    }

    /// The marks of the items of type `file_type`, in item and text order.
    pub fn marks_of_type(&self, file_type: crate::extract::FileType) -> Result<Vec<Mark>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {MARK_COLUMNS} FROM marks
             WHERE item_id IN (SELECT id FROM items WHERE type = ?1)
             ORDER BY item_id, page, start, id"
        ))?;
        let rows = stmt.query_map([file_type.as_str()], mark_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The marks of `ids` that exist, in id order.
    pub fn marks_by_id(&self, ids: &BTreeSet<i64>) -> Result<Vec<Mark>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {MARK_COLUMNS} FROM marks WHERE id = ?1"))?;
        let mut found = Vec::new();
        for id in ids {
            found.extend(stmt.query_row([id], mark_from_row).optional()?);
        }
        Ok(found)
    }

    /// `marks` with their boxes on the pages of their items.
    pub fn place(&self, mut marks: Vec<Mark>) -> Result<Vec<Mark>> {
        let mut pages: std::collections::HashMap<i64, Vec<crate::extract::Page>> =
            std::collections::HashMap::new();
        for mark in &mut marks {
            if let std::collections::hash_map::Entry::Vacant(slot) = pages.entry(mark.item_id) {
                slot.insert(self.pages(mark.item_id)?);
            }
            mark.boxes = match mark.target {
                Target::Area { page, rect } => vec![PageBox { page, rect }],
                Target::Text { start, end } => pages[&mark.item_id]
                    .iter()
                    .flat_map(|p| {
                        p.words
                            .iter()
                            .filter(move |w| w.start < end && start < w.end)
                            .map(|w| PageBox {
                                page: p.number,
                                rect: w.bbox,
                            })
                    })
                    .collect(),
            };
        }
        Ok(marks)
    }

    /// The accepted marks of every item, by item, read at once (for work
    /// over a whole case, where [`Store::redactions`] item by item costs a
    /// query each).
    pub fn redactions_by_item(&self) -> Result<std::collections::HashMap<i64, Vec<Mark>>> {
        let mut out: std::collections::HashMap<i64, Vec<Mark>> = std::collections::HashMap::new();
        for mark in self.accepted_marks()? {
            out.entry(mark.item_id).or_default().push(mark);
        }
        Ok(out)
    }

    /// The accepted marks of an item: what its rendition must remove.
    pub fn redactions(&self, item: i64) -> Result<Vec<Mark>> {
        self.marks(&MarkFilter {
            item: Some(item),
            status: Some(MarkStatus::Accepted),
            ..MarkFilter::default()
        })
    }
}

const MARK_COLUMNS: &str =
    "id, item_id, start, end, page, x0, y0, x1, y1, text, kind, whose, person, \
     reason, confidence, source, status, created_at, created_by, decided_at, decided_by";

fn mark_from_row(r: &Row) -> rusqlite::Result<Mark> {
    let start: Option<i64> = r.get(2)?;
    let end: Option<i64> = r.get(3)?;
    let target = match (start, end) {
        (Some(start), Some(end)) => Target::Text {
            start: start as usize,
            end: end as usize,
        },
        _ => Target::Area {
            page: r.get::<_, i64>(4)? as u32,
            rect: [r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?],
        },
    };
    Ok(Mark {
        id: r.get(0)?,
        item_id: r.get(1)?,
        target,
        text: r.get(9)?,
        kind: r.get(10)?,
        whose: r.get(11)?,
        person: r.get(12)?,
        reason: r.get(13)?,
        confidence: r.get(14)?,
        source: r.get(15)?,
        status: r.get(16)?,
        created_at: r.get(17)?,
        created_by: r.get(18)?,
        decided_at: r.get(19)?,
        decided_by: r.get(20)?,
        boxes: Vec::new(),
    })
}

/// A fingerprint of an item's redactions, so a rendition made before the
/// marks changed is known to be stale.
pub fn fingerprint(redactions: &[Mark]) -> String {
    let mut ids: Vec<String> = redactions
        .iter()
        .map(|m| format!("{}:{:?}:{}", m.id, m.target, m.reason))
        .collect();
    ids.sort();
    hex::encode(Sha256::digest(ids.join("\n").as_bytes()))
}

/// Sorts ranges and merges the ones that overlap or touch.
pub fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// One place a term occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Occurrence {
    pub item_id: i64,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Accepted redactions of `occurrences` of a term, with `reason`.
pub fn term_marks(occurrences: &[Occurrence], reason: &str) -> Vec<NewMark> {
    occurrences
        .iter()
        .map(|o| NewMark {
            kind: DataKind::Term,
            source: MarkSource::Everywhere,
            ..NewMark::manual(
                o.item_id,
                Target::Text {
                    start: o.start,
                    end: o.end,
                },
                &o.text,
                reason,
            )
        })
        .collect()
}

/// Every occurrence of `term` (and its variants) in the case's texts.
pub fn occurrences(store: &Store, term: &str) -> Result<Vec<Occurrence>> {
    let variants = Variants::everywhere(term)?;
    let mut out = Vec::new();
    for item in store.items(None)? {
        let text = store.text(item.id)?;
        for found in variants.find_iter(&text) {
            let start = found.start;
            let end = possessive_trimmed(&text, found);
            out.push(Occurrence {
                item_id: item.id,
                start,
                end,
                text: text[start..end].to_string(),
            });
        }
    }
    Ok(out)
}

/// A match without its possessive "'s": the name is redacted, the grammar
/// stays.
fn possessive_trimmed(text: &str, range: Range<usize>) -> usize {
    let found = &text[range.clone()];
    for suffix in ["'s", "’s", "'S", "’S"] {
        if found.ends_with(suffix) {
            return range.end - suffix.len();
        }
    }
    range.end
}

/// The item ids that have live (suggested or accepted) marks.
pub fn items_with_marks(store: &Store) -> Result<BTreeSet<i64>> {
    Ok(store
        .marks_of(None)?
        .into_iter()
        .filter(|m| matches!(m.status, MarkStatus::Suggested | MarkStatus::Accepted))
        .map(|m| m.item_id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_when_they_overlap_or_touch() {
        assert_eq!(
            merge_ranges(vec![8..10, 0..3, 2..5, 5..6, 12..12, 20..25]),
            vec![0..6, 8..10, 20..25]
        );
        assert!(merge_ranges(vec![]).is_empty());
    }

    #[test]
    fn possessive_is_left_outside_the_mark() {
        let text = "Mrs Okafor's car";
        assert_eq!(possessive_trimmed(text, 4..12), 10);
        assert_eq!(possessive_trimmed(text, 4..10), 10);
    }
}
