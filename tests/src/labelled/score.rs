//! Scoring a recogniser against labelled documents: per-kind precision and
//! recall, the share of other people's names and identifiers left
//! uncovered (the leak rates), and how much of the subject's own data was
//! found.

use std::collections::BTreeMap;
use std::fmt;

use super::{Document, Span, Whose};
use disclose_core::detect::Finding;

/// Counts for one kind.
#[derive(Debug, Clone, Default)]
pub struct KindScore {
    pub findings: usize,
    /// Findings that overlap a gold span of their kind.
    pub true_findings: usize,
    pub gold: usize,
    /// Gold spans wholly covered by findings of their kind.
    pub found_gold: usize,
}

impl KindScore {
    pub fn precision(&self) -> f64 {
        ratio(self.true_findings, self.findings)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found_gold, self.gold)
    }
}

/// How a recogniser did on a set of labelled documents.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub kinds: BTreeMap<&'static str, KindScore>,
    /// Other people's (household, staff, third party) name spans: total and
    /// not wholly covered by any finding.
    pub names: (usize, usize),
    /// The same for their structured identifiers (everything but names).
    pub identifiers: (usize, usize),
    /// The subject's spans: total and wholly covered by some finding.
    pub subject: (usize, usize),
}

impl Report {
    pub fn name_leak_rate(&self) -> f64 {
        ratio(self.names.1, self.names.0)
    }

    pub fn identifier_leak_rate(&self) -> f64 {
        ratio(self.identifiers.1, self.identifiers.0)
    }

    pub fn subject_recall(&self) -> f64 {
        ratio(self.subject.1, self.subject.0)
    }

    /// Precision over all kinds together.
    pub fn precision(&self) -> f64 {
        let (t, f) = self
            .kinds
            .values()
            .fold((0, 0), |(t, f), k| (t + k.true_findings, f + k.findings));
        ratio(t, f)
    }

    pub fn min_precision(&self) -> f64 {
        self.kinds
            .values()
            .filter(|k| k.findings > 0)
            .map(KindScore::precision)
            .fold(1.0, f64::min)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `find` on `docs`.
pub fn score(docs: &[Document], find: impl Fn(&str) -> Vec<Finding>) -> Report {
    let mut r = Report::default();
    for doc in docs {
        let found = find(&doc.text);
        let covered = |s: &Span, kind: Option<&str>| {
            (s.start..s.end).all(|i| {
                found
                    .iter()
                    .any(|f| f.start <= i && i < f.end && kind.is_none_or(|k| f.kind == k))
            })
        };
        for s in &doc.spans {
            let k = r.kinds.entry(s.kind).or_default();
            k.gold += 1;
            k.found_gold += usize::from(covered(s, Some(s.kind)));
            let whole = covered(s, None);
            match s.whose {
                Whose::Subject => {
                    r.subject.0 += 1;
                    r.subject.1 += usize::from(whole);
                }
                Whose::None => {}
                _ => {
                    let tally = if s.kind == "person_name" {
                        &mut r.names
                    } else {
                        &mut r.identifiers
                    };
                    tally.0 += 1;
                    tally.1 += usize::from(!whole);
                }
            }
        }
        for f in &found {
            let k = r.kinds.entry(f.kind.as_str()).or_default();
            k.findings += 1;
            let right = doc
                .spans
                .iter()
                .any(|s| f.kind == s.kind && s.start < f.end && f.start < s.end);
            k.true_findings += usize::from(right);
        }
    }
    r
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<16} {:>6} {:>6} {:>9} {:>7}",
            "kind", "gold", "found", "precision", "recall"
        )?;
        for (kind, k) in &self.kinds {
            writeln!(
                f,
                "{kind:<16} {:>6} {:>6} {:>9.3} {:>7.3}",
                k.gold,
                k.findings,
                k.precision(),
                k.recall()
            )?;
        }
        writeln!(f, "precision, all kinds: {:.3}", self.precision())?;
        writeln!(
            f,
            "name leak rate (household, staff, third party): {:.2}% of {}",
            100.0 * self.name_leak_rate(),
            self.names.0
        )?;
        writeln!(
            f,
            "identifier leak rate (household, staff, third party): {:.2}% of {}",
            100.0 * self.identifier_leak_rate(),
            self.identifiers.0
        )?;
        write!(
            f,
            "subject spans covered: {:.2}% of {}",
            100.0 * self.subject_recall(),
            self.subject.0
        )
    }
}
