//! Facets of a search: how the matching items split by type, sender and
//! month, so a reviewer can narrow a result list (each value comes with the
//! query clause that selects it).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::search::matching_ids;

/// One value of a facet and how many matching items have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
    /// What to add to the query to keep only these items.
    pub clause: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facets {
    pub types: Vec<FacetValue>,
    pub senders: Vec<FacetValue>,
    /// Months as YYYY-MM, newest first.
    pub months: Vec<FacetValue>,
}

/// The most values shown per facet.
const MAX_VALUES: usize = 12;

pub fn facets(folder: &CaseFolder, query: &str) -> Result<Facets> {
    let ids = matching_ids(folder, query)?;
    let mut types: BTreeMap<String, u64> = BTreeMap::new();
    let mut senders: BTreeMap<String, u64> = BTreeMap::new();
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for row in folder.store.facet_rows(&ids)? {
        *types.entry(row.file_type).or_default() += 1;
        if let Some(from) = row.from.filter(|f| !f.is_empty()) {
            *senders.entry(from).or_default() += 1;
        }
        if let Some(month) = row.date.and_then(|d| d.get(..7).map(String::from)) {
            *months.entry(month).or_default() += 1;
        }
    }
    Ok(Facets {
        types: top(types, |v| format!("type:{v}")),
        senders: top(senders, |v| format!("from:\"{}\"", v.replace('"', ""))),
        months: {
            let mut m: Vec<FacetValue> = months
                .into_iter()
                .map(|(value, count)| FacetValue {
                    clause: format!("date:{value}"),
                    value,
                    count,
                })
                .collect();
            m.reverse();
            m.truncate(MAX_VALUES);
            m
        },
    })
}

/// The most frequent values first, ties by value.
fn top(counts: BTreeMap<String, u64>, clause: impl Fn(&str) -> String) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue {
            clause: clause(&value),
            value,
            count,
        })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(MAX_VALUES);
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Home;

    #[test]
    fn each_facet_value_narrows_to_its_count() {
        let dir = tempfile::tempdir().unwrap();
        let context =
            crate::context::at(&Home::new(dir.path()), "2026-11-02T10:00:00Z").acting_as("tester");
        let (folder, _) = crate::demo::create_demo(&context, "F-1").unwrap();
        let query = "smith";
        let all = matching_ids(&folder, query).unwrap().len() as u64;
        let f = facets(&folder, query).unwrap();
        assert_eq!(f.types.iter().map(|v| v.count).sum::<u64>(), all);
        assert!(f.types.iter().any(|v| v.value == "email"), "{f:?}");
        assert!(!f.senders.is_empty() && !f.months.is_empty(), "{f:?}");
        assert!(
            f.months.windows(2).all(|w| w[0].value > w[1].value),
            "newest month first"
        );
        for value in f.types.iter().chain(&f.months).chain(&f.senders) {
            let narrowed = matching_ids(&folder, &format!("{query} {}", value.clause)).unwrap();
            assert_eq!(narrowed.len() as u64, value.count, "{}", value.clause);
        }
    }
}
