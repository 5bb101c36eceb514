//! Conversation threads and near-duplicates, computed over a whole case
//! after each import.
//!
//! **Threads.** Emails are joined by Message-ID, In-Reply-To and References;
//! messages with no such links fall back to the normalised subject ("Re:",
//! "Fwd:" removed) plus the same set of participants. Within a thread a
//! message is **inclusive** unless its body is wholly quoted in a later
//! message and it has no attachments — so a reviewer can read the inclusive
//! ones and have seen everything.
//!
//! **Near-duplicates.** Documents (not emails or containers) whose words
//! overlap almost entirely — the same letter saved as DOCX and as PDF — are
//! grouped: MinHash signatures over 5-word shingles, candidate pairs from
//! locality-sensitive banding, kept when the estimated Jaccard similarity
//! is at least [`NEAR_DUP_THRESHOLD`].

use std::collections::{BTreeMap, HashMap};

use rusqlite::params;
use serde::Serialize;

use crate::error::Result;
use crate::store::Store;

pub const NEAR_DUP_THRESHOLD: f64 = 0.85;
const SHINGLE: usize = 5;
const HASHES: usize = 64;
const BANDS: usize = 16;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GroupingSummary {
    pub threads: u64,
    pub emails: u64,
    pub inclusive: u64,
    pub near_duplicate_groups: u64,
    pub near_duplicates: u64,
}

/// Union-find over item ids.
#[derive(Default)]
struct Groups {
    parent: HashMap<i64, i64>,
}

impl Groups {
    fn find(&mut self, x: i64) -> i64 {
        let p = *self.parent.entry(x).or_insert(x);
        if p == x {
            return x;
        }
        let root = self.find(p);
        self.parent.insert(x, root);
        root
    }

    fn union(&mut self, a: i64, b: i64) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller id is the group's name, so it is stable.
            let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(drop, keep);
        }
    }
}

struct Email {
    id: i64,
    date: String,
    message_id: Option<String>,
    links: Vec<String>,
    subject_key: String,
    has_attachments: bool,
}

/// Recomputes threads, inclusive flags and near-duplicate groups.
pub fn regroup(store: &mut Store) -> Result<GroupingSummary> {
    let emails = load_emails(store)?;
    let mut groups = Groups::default();
    let mut by_message_id: HashMap<String, i64> = HashMap::new();
    for e in &emails {
        groups.find(e.id);
        if let Some(mid) = &e.message_id {
            by_message_id.entry(mid.clone()).or_insert(e.id);
        }
    }
    let mut by_subject: HashMap<&str, i64> = HashMap::new();
    for e in &emails {
        let mut linked = false;
        for link in &e.links {
            if let Some(&other) = by_message_id.get(link) {
                groups.union(e.id, other);
                linked = true;
            }
        }
        if !linked && !e.subject_key.is_empty() {
            match by_subject.get(e.subject_key.as_str()) {
                Some(&other) => groups.union(e.id, other),
                None => {
                    by_subject.insert(&e.subject_key, e.id);
                }
            }
        }
    }
    let mut threads: BTreeMap<i64, Vec<&Email>> = BTreeMap::new();
    for e in &emails {
        threads.entry(groups.find(e.id)).or_default().push(e);
    }
    let mut summary = GroupingSummary {
        threads: threads.len() as u64,
        emails: emails.len() as u64,
        ..Default::default()
    };
    let mut rows: Vec<(i64, i64, bool)> = Vec::new();
    for (thread, mut messages) in threads {
        messages.sort_by(|a, b| (a.date.as_str(), a.id).cmp(&(b.date.as_str(), b.id)));
        // Bodies are read one thread at a time, so memory follows the
        // largest thread, not the whole case.
        let bodies: Vec<String> = if messages.len() > 1 {
            messages
                .iter()
                .map(|m| store.text(m.id).map(|t| quotable_body(&t)))
                .collect::<Result<_>>()?
        } else {
            Vec::new()
        };
        for (i, m) in messages.iter().enumerate() {
            let quoted_later = bodies.get(i).is_some_and(|body| {
                !body.is_empty() && bodies[i + 1..].iter().any(|later| later.contains(body))
            });
            let inclusive = m.has_attachments || !quoted_later;
            summary.inclusive += inclusive as u64;
            rows.push((m.id, thread, inclusive));
        }
    }
    let near = near_duplicates(store)?;
    summary.near_duplicate_groups = {
        let mut roots: Vec<i64> = near.values().copied().collect();
        roots.sort_unstable();
        roots.dedup();
        roots.len() as u64
    };
    summary.near_duplicates = near.iter().filter(|(id, root)| id != root).count() as u64;
    store.transaction(|s| {
        s.conn.execute(
            "UPDATE items SET thread_id = NULL, inclusive = NULL, near_dup_of = NULL",
            [],
        )?;
        let mut stmt = s
            .conn
            .prepare("UPDATE items SET thread_id = ?2, inclusive = ?3 WHERE id = ?1")?;
        for (id, thread, inclusive) in &rows {
            stmt.execute(params![id, thread, *inclusive as i64])?;
        }
        let mut stmt = s
            .conn
            .prepare("UPDATE items SET near_dup_of = ?2 WHERE id = ?1")?;
        for (id, root) in &near {
            if id != root {
                stmt.execute(params![id, root])?;
            }
        }
        Ok(())
    })?;
    Ok(summary)
}

fn load_emails(store: &Store) -> Result<Vec<Email>> {
    let mut stmt = store.conn.prepare(
        "SELECT i.id, COALESCE(i.date, ''), i.message_id, i.metadata,
                EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id)
         FROM items i
         WHERE i.type IN ('email', 'msg') AND i.duplicate_of IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, bool>(4)?,
        ))
    })?;
    let mut emails = Vec::new();
    for row in rows {
        let (id, date, message_id, metadata, has_attachments) = row?;
        let meta: BTreeMap<String, String> = serde_json::from_str(&metadata).unwrap_or_default();
        let links = ["in-reply-to", "references"]
            .iter()
            .filter_map(|k| meta.get(*k))
            .flat_map(|v| {
                v.split_whitespace()
                    .map(|s| s.trim_matches(['<', '>']).to_string())
            })
            .collect();
        let mut participants: Vec<String> = ["from", "to", "cc"]
            .iter()
            .filter_map(|k| meta.get(*k))
            .flat_map(|v| addresses(v))
            .collect();
        participants.sort();
        participants.dedup();
        let subject = normalise_subject(meta.get("subject").map(String::as_str).unwrap_or(""));
        let subject_key = if subject.is_empty() {
            String::new()
        } else {
            format!("{subject}|{}", participants.join(","))
        };
        emails.push(Email {
            id,
            date,
            message_id,
            links,
            subject_key,
            has_attachments,
        });
    }
    Ok(emails)
}

/// "RE: Fwd: Damp in the bedroom" → "damp in the bedroom".
pub fn normalise_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let stripped = ["re:", "fw:", "fwd:", "aw:", "sv:"]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| s[p.len()..].trim_start()));
        match stripped {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Email addresses in a header value, lower-cased.
fn addresses(value: &str) -> Vec<String> {
    crate::identifiers::find_all(value)
        .into_iter()
        .filter(|f| f.kind == crate::identifiers::IdKind::Email)
        .map(|f| f.normal)
        .collect()
}

/// The body of an email item's text (after the header block), with quote
/// markers and spacing removed, so a quoted copy matches its original.
fn quotable_body(text: &str) -> String {
    let body = text.split_once("\n\n").map(|(_, b)| b).unwrap_or("");
    body.lines()
        .map(|l| l.trim_start_matches(|c: char| c == '>' || c.is_whitespace()))
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Near-duplicate groups: item id → group root (the smallest id).
fn near_duplicates(store: &Store) -> Result<HashMap<i64, i64>> {
    let mut stmt = store.conn.prepare(
        "SELECT i.id, t.text FROM items i JOIN item_text t ON t.item_id = i.id
         WHERE i.type NOT IN ('email', 'msg', 'mbox', 'zip', 'pst') AND i.duplicate_of IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut signatures: Vec<(i64, [u64; HASHES])> = Vec::new();
    for row in rows {
        let (id, text) = row?;
        if let Some(sig) = minhash(&text) {
            signatures.push((id, sig));
        }
    }
    let rows_per_band = HASHES / BANDS;
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (index, (_, sig)) in signatures.iter().enumerate() {
        for band in 0..BANDS {
            let key = fnv(sig[band * rows_per_band..(band + 1) * rows_per_band]
                .iter()
                .flat_map(|h| h.to_le_bytes()));
            buckets.entry((band, key)).or_default().push(index);
        }
    }
    let mut groups = Groups::default();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let (sa, sb) = (&signatures[a].1, &signatures[b].1);
                let same = sa.iter().zip(sb).filter(|(x, y)| x == y).count() as f64 / HASHES as f64;
                if same >= NEAR_DUP_THRESHOLD {
                    groups.union(signatures[a].0, signatures[b].0);
                }
            }
        }
    }
    let ids: Vec<i64> = groups.parent.keys().copied().collect();
    Ok(ids.into_iter().map(|id| (id, groups.find(id))).collect())
}

fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// MinHash of the text's 5-word shingles; `None` for texts too short to
/// compare (fewer than 20 words).
fn minhash(text: &str) -> Option<[u64; HASHES]> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 20 {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for shingle in words.windows(SHINGLE) {
        let base = fnv(shingle.join(" ").bytes());
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (base ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
                .wrapping_mul(0xBF58_476D_1CE4_E5B9);
            let h = h ^ (h >> 31);
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_reply_prefixes() {
        assert_eq!(
            normalise_subject("RE: Fwd:  Damp in the  Bedroom"),
            "damp in the bedroom"
        );
        assert_eq!(normalise_subject("Re:"), "");
    }

    #[test]
    fn quoted_bodies_match_their_originals() {
        let original = "From: a\nTo: b\n\nThe boiler is broken.\nPlease fix it.";
        let reply = "From: b\nTo: a\n\nWe will come on Monday.\n\n> The boiler is broken.\n> Please fix it.";
        assert!(quotable_body(reply).contains(&quotable_body(original)));
    }

    #[test]
    fn near_identical_texts_share_most_minhashes() {
        let letter = "Dear Mrs Smith, thank you for your letter about the damp in the back bedroom of your home. \
                      Our surveyor will visit on Monday to inspect the gutter and the wall, and we will write again.";
        let a = minhash(letter).unwrap();
        let b = minhash(&format!("{letter} Yours sincerely")).unwrap();
        let c = minhash("Completely different words about rent arrears and the payment plan agreed in February, \
                         which runs for twelve weeks from the ninth of the month at twenty pounds a week").unwrap();
        let same =
            |x: &[u64; HASHES], y: &[u64; HASHES]| x.iter().zip(y).filter(|(p, q)| p == q).count();
        assert!(same(&a, &b) as f64 / HASHES as f64 >= NEAR_DUP_THRESHOLD);
        assert!(same(&a, &c) < 10);
    }

    #[test]
    fn shingles_ignore_letter_case_and_punctuation_but_not_word_breaks() {
        let text = "Dear Ms Ólafsdóttir, the repair to the boiler at the flat is booked for Tuesday morning \
                    between eight and twelve, and the engineer will call before arriving.";
        let shouted = text.to_uppercase().replace(',', " ;");
        assert_eq!(minhash(text), minhash(&shouted));
        let joined = text.replace("the boiler", "theboiler");
        assert_ne!(minhash(text), minhash(&joined));
    }
}
