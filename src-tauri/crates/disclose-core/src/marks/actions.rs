//! What a reviewer does with marks, with the rules of review kept here
//! rather than in the shells: redact a place of an item (the text under it
//! is cut out here), redact a term in one item or everywhere, move marks to
//! a new status — only along the steps [`MarkStatus::may_become`] allows —
//! and see the suggestions waiting, grouped by person or kind. Each change
//! takes `dry_run`: what would change is worked out and checked, and
//! nothing is written.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::{
    add, set_status, validate, DataKind, ItemMarks, Mark, MarkFilter, MarkStatus, NewMark,
    Occurrence, Target, Whose,
};
use crate::case::CaseFolder;
use crate::error::{Error, Result};

impl MarkStatus {
    /// Whether a mark in this status may be moved to `next`: a suggestion
    /// is accepted or rejected, a rejected one reopened, and only an
    /// accepted mark (a redaction) can be taken back.
    pub fn may_become(self, next: MarkStatus) -> bool {
        use MarkStatus::*;
        matches!(
            (self, next),
            (Suggested, Accepted)
                | (Suggested, Rejected)
                | (Rejected, Suggested)
                | (Accepted, Removed)
        )
    }
}

/// The marks a change applies to.
#[derive(Debug, Clone)]
pub enum Selection {
    /// These marks, by id.
    Marks(Vec<i64>),
    /// The suggestions matching a filter (its status is ignored).
    Suggestions(MarkFilter),
}

/// Moves the selected marks to `status`, all or none: a mark that does not
/// exist, or whose status may not become `status`, refuses the whole
/// change. Returns the marks as they were before the change.
pub fn decide(
    folder: &mut CaseFolder,
    selection: &Selection,
    status: MarkStatus,
    dry_run: bool,
) -> Result<Vec<Mark>> {
    let now = &folder.now();
    let chosen: Vec<Mark> = match selection {
        Selection::Marks(ids) => {
            let wanted: BTreeSet<i64> = ids.iter().copied().collect();
            let found: Vec<Mark> = folder
                .store
                .marks_of(None)?
                .into_iter()
                .filter(|m| wanted.contains(&m.id))
                .collect();
            if let Some(missing) = wanted.iter().find(|id| !found.iter().any(|m| m.id == **id)) {
                return Err(Error::Invalid(format!(
                    "there is no mark {missing} in this case"
                )));
            }
            found
        }
        Selection::Suggestions(filter) => folder.store.marks(&MarkFilter {
            status: Some(MarkStatus::Suggested),
            ..filter.clone()
        })?,
    };
    if let Some(refused) = chosen.iter().find(|m| !m.status.may_become(status)) {
        return Err(Error::Invalid(refusal(refused, status)));
    }
    if !dry_run {
        let ids: Vec<i64> = chosen.iter().map(|m| m.id).collect();
        set_status(folder, &ids, status, now)?;
    }
    Ok(chosen)
}

fn refusal(mark: &Mark, next: MarkStatus) -> String {
    match next {
        MarkStatus::Removed => format!(
            "only accepted marks can be taken back: mark {} is {}",
            mark.id, mark.status
        ),
        _ => format!(
            "mark {} is {} and cannot become {next}",
            mark.id, mark.status
        ),
    }
}

/// Redacts a text range or an area of one item by hand (accepted at once,
/// with the text under it kept for the leak check). Returns the marks
/// added, or accepted where a suggestion covered the same place; none on
/// a dry run, which only checks the mark.
pub fn redact_place(
    folder: &mut CaseFolder,
    item: i64,
    target: Target,
    reason: &str,
    dry_run: bool,
) -> Result<Vec<Mark>> {
    let text = match target {
        Target::Text { start, end } => folder
            .store
            .text(item)?
            .get(start..end)
            .unwrap_or_default()
            .to_string(),
        Target::Area { .. } => String::new(),
    };
    let mark = NewMark::manual(item, target, &text, reason);
    if dry_run {
        let mut marks = ItemMarks::load(&folder.store, item)?;
        validate(&folder.store, &mark, &folder.reasons()?, &mut marks)?;
        return Ok(Vec::new());
    }
    let ids = add(folder, &[mark], MarkStatus::Accepted)?;
    Ok(folder
        .store
        .marks_of(Some(item))?
        .into_iter()
        .filter(|m| ids.contains(&m.id))
        .collect())
}

/// Redacts `term` in all its forms, in one item or (`item` = `None`) in
/// every item of the case. Returns where it was found and the ids of the
/// marks added or accepted (none on a dry run).
pub fn redact_term(
    folder: &mut CaseFolder,
    term: &str,
    item: Option<i64>,
    reason: &str,
    dry_run: bool,
) -> Result<(Vec<Occurrence>, Vec<i64>)> {
    crate::review::find_reason(&folder.reasons()?, reason)?;
    let found: Vec<Occurrence> = super::occurrences(&folder.store, term)?
        .into_iter()
        .filter(|o| item.is_none_or(|i| i == o.item_id))
        .collect();
    if dry_run {
        return Ok((found, Vec::new()));
    }
    let marked = add(
        folder,
        &super::term_marks(&found, reason),
        MarkStatus::Accepted,
    )?;
    Ok((found, marked))
}

/// The suggestions waiting in a case, one row per person (names) or kind
/// (other data).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestionGroup {
    /// The person's key, or empty for a group of one kind.
    pub person: String,
    pub kind: DataKind,
    pub whose: Whose,
    pub count: u64,
    pub items: u64,
    /// A few of the texts found, to recognise the group by.
    pub examples: Vec<String>,
}

/// The waiting suggestions grouped, largest group first.
pub fn suggestion_groups(folder: &CaseFolder) -> Result<Vec<SuggestionGroup>> {
    let waiting = folder.store.marks(&MarkFilter {
        status: Some(MarkStatus::Suggested),
        ..MarkFilter::default()
    })?;
    let mut out: Vec<SuggestionGroup> = Vec::new();
    let mut item_sets: Vec<BTreeSet<i64>> = Vec::new();
    // Each group's place in `out`, found by its key: a case of 30,000
    // items can wait with 300,000 suggestions in 2,700 groups, too many
    // to look through the groups for each suggestion.
    let mut places: HashMap<(DataKind, &str, Whose), usize> = HashMap::new();
    for mark in &waiting {
        let key = (mark.kind, mark.person.as_str(), mark.whose);
        let index = *places.entry(key).or_insert_with(|| {
            out.push(SuggestionGroup {
                person: mark.person.clone(),
                kind: mark.kind,
                whose: mark.whose,
                count: 0,
                items: 0,
                examples: Vec::new(),
            });
            item_sets.push(BTreeSet::new());
            out.len() - 1
        });
        let group = &mut out[index];
        group.count += 1;
        if group.examples.len() < 3 && !group.examples.contains(&mark.text) {
            group.examples.push(mark.text.clone());
        }
        item_sets[index].insert(mark.item_id);
        group.items = item_sets[index].len() as u64;
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.person.cmp(&b.person)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_steps_of_review_are_allowed() {
        use MarkStatus::*;
        let allowed: Vec<(MarkStatus, MarkStatus)> = MarkStatus::ALL
            .iter()
            .flat_map(|a| MarkStatus::ALL.iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| a.may_become(*b))
            .collect();
        assert_eq!(
            allowed,
            [
                (Suggested, Accepted),
                (Suggested, Rejected),
                (Accepted, Removed),
                (Rejected, Suggested)
            ]
        );
    }
}
