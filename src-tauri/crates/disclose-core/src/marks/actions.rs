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
use crate::store::Store;

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
            let found = folder.store.marks_by_id(&wanted)?;
            let have: BTreeSet<i64> = found.iter().map(|m| m.id).collect();
            if let Some(missing) = wanted.difference(&have).next() {
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

/// The waiting suggestions grouped, largest group first, each with the
/// first three texts found for it. Counted in SQL over the index of
/// waiting suggestions: a case of 100,000 items can wait with a million
/// of them.
pub fn suggestion_groups(folder: &CaseFolder) -> Result<Vec<SuggestionGroup>> {
    folder.store.suggestion_groups()
}

impl Store {
    fn suggestion_groups(&self) -> Result<Vec<SuggestionGroup>> {
        let mut groups: Vec<SuggestionGroup> = self
            .conn
            .prepare(
                "SELECT person, kind, whose, COUNT(*), COUNT(DISTINCT item_id) FROM marks
                 WHERE status = 'suggested' GROUP BY kind, person, whose",
            )?
            .query_map([], |r| {
                Ok(SuggestionGroup {
                    person: r.get(0)?,
                    kind: r.get(1)?,
                    whose: r.get(2)?,
                    count: r.get(3)?,
                    items: r.get(4)?,
                    examples: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let places: HashMap<(DataKind, String, Whose), usize> = groups
            .iter()
            .enumerate()
            .map(|(place, g)| ((g.kind, g.person.clone(), g.whose), place))
            .collect();
        let mut stmt = self.conn.prepare(
            "SELECT person, kind, whose, text FROM (
                 SELECT person, kind, whose, text, ROW_NUMBER() OVER (
                     PARTITION BY kind, person, whose ORDER BY first) AS n
                 FROM (SELECT person, kind, whose, text, MIN(id) AS first FROM marks
                       WHERE status = 'suggested' GROUP BY kind, person, whose, text))
             WHERE n <= 3 ORDER BY kind, person, whose, n",
        )?;
        let examples = stmt.query_map([], |r| {
            Ok((
                (
                    r.get::<_, DataKind>(1)?,
                    r.get::<_, String>(0)?,
                    r.get::<_, Whose>(2)?,
                ),
                r.get::<_, String>(3)?,
            ))
        })?;
        for example in examples {
            let (key, text) = example?;
            if let Some(place) = places.get(&key) {
                groups[*place].examples.push(text);
            }
        }
        groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.person.cmp(&b.person)));
        Ok(groups)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Home;

    /// The demo case after detection, with some suggestions decided.
    fn detected_demo() -> (tempfile::TempDir, CaseFolder) {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        let context = crate::context::at(&home, "2026-11-02T10:00:00Z").acting_as("tester");
        let (mut folder, _) = crate::demo::create_demo(&context, "R-1").unwrap();
        crate::suggest::run(&mut folder, &[], None).unwrap();
        (dir, folder)
    }

    /// A group as person, kind, whose, count, items and examples.
    type Row<Items> = (String, DataKind, Whose, u64, Items, Vec<String>);

    /// The groups as the whole list of marks gives them: each group's
    /// count, its items and its first three different texts.
    fn grouped_by_hand(marks: &[Mark]) -> Vec<Row<u64>> {
        let mut groups: Vec<Row<BTreeSet<i64>>> = Vec::new();
        let mut by_id: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.status == MarkStatus::Suggested)
            .collect();
        by_id.sort_by_key(|m| m.id);
        for mark in by_id {
            let place = groups
                .iter()
                .position(|g| (&g.0, g.1, g.2) == (&mark.person, mark.kind, mark.whose))
                .unwrap_or_else(|| {
                    groups.push((
                        mark.person.clone(),
                        mark.kind,
                        mark.whose,
                        0,
                        BTreeSet::new(),
                        Vec::new(),
                    ));
                    groups.len() - 1
                });
            let group = &mut groups[place];
            group.3 += 1;
            group.4.insert(mark.item_id);
            if group.5.len() < 3 && !group.5.contains(&mark.text) {
                group.5.push(mark.text.clone());
            }
        }
        let mut out: Vec<_> = groups
            .into_iter()
            .map(|(person, kind, whose, count, items, examples)| {
                (person, kind, whose, count, items.len() as u64, examples)
            })
            .collect();
        out.sort_by(|a, b| (a.1, &a.0, a.2).cmp(&(b.1, &b.0, b.2)));
        out
    }

    #[test]
    fn suggestion_groups_count_what_waits_as_the_marks_themselves_do() {
        let (_dir, mut folder) = detected_demo();
        let marks = folder.store.marks_of(None).unwrap();
        let first = marks
            .iter()
            .find(|m| m.status == MarkStatus::Suggested)
            .expect("the demo has suggestions")
            .clone();
        decide(
            &mut folder,
            &Selection::Marks(vec![first.id]),
            MarkStatus::Accepted,
            false,
        )
        .unwrap();
        let marks = folder.store.marks_of(None).unwrap();
        let groups = suggestion_groups(&folder).unwrap();
        assert!(groups.len() > 2, "{groups:?}");
        assert!(groups.windows(2).all(|w| w[0].count >= w[1].count));
        let mut got: Vec<_> = groups
            .into_iter()
            .map(|g| (g.person, g.kind, g.whose, g.count, g.items, g.examples))
            .collect();
        got.sort_by(|a, b| (a.1, &a.0, a.2).cmp(&(b.1, &b.0, b.2)));
        assert_eq!(got, grouped_by_hand(&marks));
    }

    #[test]
    fn a_filter_picks_the_marks_it_names_and_unknown_ids_are_refused() {
        let (_dir, mut folder) = detected_demo();
        let all = folder.store.marks_of(None).unwrap();
        let person = all
            .iter()
            .find(|m| !m.person.is_empty())
            .expect("a person's mark")
            .clone();
        let filter = MarkFilter {
            item: None,
            status: Some(MarkStatus::Suggested),
            kind: Some(person.kind),
            person: Some(person.person.clone()),
            whose: Some(person.whose),
        };
        let expected: Vec<&Mark> = all
            .iter()
            .filter(|m| {
                m.status == MarkStatus::Suggested
                    && m.kind == person.kind
                    && m.person == person.person
                    && m.whose == person.whose
            })
            .collect();
        let found = folder.store.marks(&filter).unwrap();
        assert_eq!(found.iter().collect::<Vec<_>>(), expected);
        let of_item = folder
            .store
            .marks(&MarkFilter {
                item: Some(person.item_id),
                ..MarkFilter::default()
            })
            .unwrap();
        assert!(!of_item.is_empty() && of_item.iter().all(|m| m.item_id == person.item_id));
        assert!(of_item.len() < all.len());

        let err = decide(
            &mut folder,
            &Selection::Marks(vec![person.id, 999_999]),
            MarkStatus::Accepted,
            false,
        )
        .unwrap_err();
        assert!(err.to_string().contains("there is no mark 999999"), "{err}");
        assert_eq!(folder.store.marks_of(None).unwrap(), all);
    }

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
