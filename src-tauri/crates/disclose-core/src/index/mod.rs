//! The full-text index (tantivy) of a case: its schema, the writer the
//! import feeds, and the reader searches use. SQLite stays the source of
//! truth; the index only holds what is needed to find items and can be
//! rebuilt from the store at any time. An index that cannot be opened is
//! replaced by an empty one in memory and marked faulty; so is one found
//! to hold fewer items than the store says it should. A faulty index
//! refuses to search (never an empty result in silence) until it is
//! rebuilt (`CaseFolder::reindex`).
//!
//! The body and subject are indexed twice: as written (for quoted phrases,
//! `exact:` and the sweep) and stemmed in English, so that a plain word
//! finds its inflected forms ("complaint" finds "complaints"). The words
//! of the fields a plain search looks in are also indexed in adjacent
//! pairs, so that a two-word phrase is one term (see [`pairs`]). An index
//! of an older schema is replaced by an empty one, to be filled again.

mod pairs;
pub(crate) mod private_dir;
mod query;

use std::path::Path;

use tantivy::directory::error::LockError;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

pub use query::{parse_query, parse_query_as_written, QUERY_HELP};

use crate::error::Result;

/// Name of the tokenizer every text field uses: words split on
/// non-alphanumerics, lower-cased, accents folded ("Renée" finds "Renee").
pub const TOKENIZER: &str = "disclose";

/// Name of the tokenizer of the stemmed fields: [`TOKENIZER`]'s words,
/// reduced to their English stem ("complaints" and "complained" become
/// "complain").
pub const STEMMED_TOKENIZER: &str = "disclose-stemmed";

/// Name of the tokenizer of the word-pair field: [`TOKENIZER`]'s words,
/// each joined to the next.
pub const PAIRS_TOKENIZER: &str = "disclose-pairs";

/// Handles to the fields of the schema.
#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub text: Field,
    pub subject: Field,
    /// `text` and `subject`, stemmed.
    pub text_stemmed: Field,
    pub subject_stemmed: Field,
    /// Adjacent words of `text`, `subject`, `from`, `to` and `name`, as
    /// written, joined in pairs: a two-word phrase is one term here
    /// (words that look like references excepted, see [`pairs`]).
    pub pairs: Field,
    pub from: Field,
    pub to: Field,
    pub name: Field,
    pub path: Field,
    pub file_type: Field,
    pub date: Field,
    pub ids: Field,
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed_by = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let text_opts = analysed_by(TOKENIZER);
    let stemmed_opts = analysed_by(STEMMED_TOKENIZER);
    let fields = Fields {
        id: b.add_u64_field("id", INDEXED | STORED | FAST),
        text: b.add_text_field("text", text_opts.clone()),
        subject: b.add_text_field("subject", text_opts.clone()),
        text_stemmed: b.add_text_field("text-stemmed", stemmed_opts.clone()),
        subject_stemmed: b.add_text_field("subject-stemmed", stemmed_opts),
        pairs: b.add_text_field(
            "pairs",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(PAIRS_TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqs)
                    // No lengths: ranking a pair by the item's length is
                    // not worth what it costs the commit per distinct pair.
                    .set_fieldnorms(false),
            ),
        ),
        from: b.add_text_field("from", text_opts.clone()),
        to: b.add_text_field("to", text_opts.clone()),
        name: b.add_text_field("name", text_opts.clone()),
        path: b.add_text_field("path", text_opts),
        file_type: b.add_text_field("type", STRING),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        ids: b.add_text_field("ids", STRING),
    };
    (b.build(), fields)
}

/// One item's searchable content.
#[derive(Debug, Default)]
pub struct IndexDoc<'a> {
    pub id: i64,
    pub text: &'a str,
    pub subject: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub name: &'a str,
    pub path: &'a str,
    pub file_type: &'a str,
    pub date: Option<chrono::DateTime<chrono::Utc>>,
}

/// Past this many segments, an import merges them all whatever it added.
const MAX_SEGMENTS: usize = 8;

/// A case's index.
pub struct CaseIndex {
    pub index: Index,
    pub fields: Fields,
    reader: IndexReader,
    /// Why the index cannot be trusted, in words for the user.
    fault: Option<String>,
    /// An empty stand-in held in memory for an index that could not be
    /// opened: nothing may be written to it.
    in_memory: bool,
    /// The folder held an index of an older schema, which was replaced by
    /// an empty one: every item must be indexed again.
    pub replaced_older: bool,
}

/// The index's files in `dir`: private always, and sealed in an encrypted
/// home.
fn directory(dir: &Path) -> Result<Box<dyn tantivy::Directory>> {
    // HOOK (encryption at rest): every index file sealed in an encrypted home.
    Ok(match crate::crypt::EncryptedDirectory::for_path(dir)? {
        Some(sealed) => Box::new(sealed),
        None => Box::new(private_dir::PrivateDirectory::open(dir)?),
    })
}

impl CaseIndex {
    /// Opens the index in `dir`, creating it when absent. One that cannot
    /// be opened is replaced by an empty stand-in in memory, marked faulty.
    /// One written by an earlier version of Disclose, with other fields, is
    /// replaced by an empty one and [`CaseIndex::replaced_older`] says so.
    pub fn open(dir: &Path) -> Result<CaseIndex> {
        crate::private::make_dir(dir)?;
        let (schema, _) = build_schema();
        // Opened once when it is there (the common case), then wrapped.
        let opened = Index::open(directory(dir)?);
        let older = matches!(&opened, Ok(existing) if existing.schema() != schema);
        let index = match opened {
            Ok(existing) if !older => CaseIndex::wrap(existing),
            _ => {
                drop(opened);
                if older {
                    std::fs::remove_dir_all(dir)?;
                    crate::private::make_dir(dir)?;
                }
                CaseIndex::open_on_disk(dir)
            }
        };
        match index {
            Ok(mut index) => {
                index.replaced_older = older;
                Ok(index)
            }
            Err(e) => CaseIndex::stand_in(format!("is damaged ({e})")),
        }
    }

    /// An empty index in memory, faulty for the reason given: nothing can
    /// be searched in it or written to it.
    pub fn stand_in(fault: String) -> Result<CaseIndex> {
        let (schema, _) = build_schema();
        let mut index = CaseIndex::wrap(Index::create_in_ram(schema))?;
        index.in_memory = true;
        index.fault = Some(fault);
        Ok(index)
    }

    fn open_on_disk(dir: &Path) -> Result<CaseIndex> {
        let (schema, _) = build_schema();
        CaseIndex::wrap(Index::open_or_create(directory(dir)?, schema)?)
    }

    fn wrap(index: Index) -> Result<CaseIndex> {
        let (_, fields) = build_schema();
        let words = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(60))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
        };
        index.tokenizers().register(TOKENIZER, words().build());
        index.tokenizers().register(
            STEMMED_TOKENIZER,
            words().filter(Stemmer::new(Language::English)).build(),
        );
        index
            .tokenizers()
            .register(PAIRS_TOKENIZER, words().filter(pairs::WordPairs).build());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(CaseIndex {
            index,
            fields,
            reader,
            fault: None,
            in_memory: false,
            replaced_older: false,
        })
    }

    /// Why the index cannot be trusted, if it cannot.
    pub fn fault(&self) -> Option<&str> {
        self.fault.as_deref()
    }

    /// Marks the index as not to be trusted, saying why and what to do.
    pub fn set_fault(&mut self, why: String) {
        self.fault = Some(why);
    }

    /// A writer with a bounded memory budget (the import's largest single
    /// allocation).
    pub fn writer(&self) -> Result<IndexWriter> {
        if self.in_memory {
            return Err(self.refusal());
        }
        // The writer's lock is a lock on an open file. A process this one
        // is starting at that moment (a worker, pdftotext) holds a copy of
        // every open file until it runs its program, so a writer just
        // dropped can still look held for an instant: asked again, briefly.
        let mut tries = 0;
        loop {
            match self.index.writer_with_num_threads(1, 64 << 20) {
                Err(tantivy::TantivyError::LockFailure(LockError::LockBusy, _)) if tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return Ok(other?),
            }
        }
    }

    /// Merges the index's segments into one when an import (or a rebuild)
    /// that added `added` documents has ended, if it added a tenth of them or more,
    /// or if the segments have grown past [`MAX_SEGMENTS`]; then waits
    /// for the writer's work to end. Every search opens every segment and
    /// looks its words up in each, so one segment makes every search
    /// cheaper; the merge's cost stays in proportion to what imports add.
    pub fn merge_when_done(&self, mut writer: IndexWriter, added: u64) -> Result<()> {
        // Read from the last commit, without opening its segments.
        let metas = self.index.searchable_segment_metas()?;
        let documents: u64 = metas.iter().map(|meta| u64::from(meta.num_docs())).sum();
        let segments: Vec<_> = metas.iter().map(|meta| meta.id()).collect();
        // A segment's files are kept while anything holds its metadata.
        drop(metas);
        if segments.len() > 1 && (added * 10 >= documents || segments.len() > MAX_SEGMENTS) {
            writer.merge(&segments).wait()?;
            // The reader lets go of the merged-away segments, whose files
            // are then deleted now rather than at some later commit.
            self.reader.reload()?;
            writer.garbage_collect_files().wait()?;
        }
        writer.wait_merging_threads()?;
        Ok(())
    }

    fn refusal(&self) -> crate::Error {
        crate::Error::Integrity(format!(
            "the search index {}",
            self.fault.as_deref().unwrap_or("is damaged")
        ))
    }

    /// Replaces the item's document (so re-indexing after a crash, or after
    /// OCR, never duplicates it).
    pub fn replace(&self, writer: &IndexWriter, doc: &IndexDoc) -> Result<()> {
        writer.delete_term(Term::from_field_u64(self.fields.id, doc.id as u64));
        self.add(writer, doc)
    }

    /// Adds the document of an item just stored. Items are never deleted
    /// and reach the index only once stored, so a new item cannot have a
    /// document yet: no delete is queued (tantivy keeps each one until it
    /// is applied, which made memory grow with the size of an import).
    pub fn add(&self, writer: &IndexWriter, doc: &IndexDoc) -> Result<()> {
        let f = &self.fields;
        let mut d = doc!(
            f.id => doc.id as u64,
            f.text => doc.text,
            f.subject => doc.subject,
            f.text_stemmed => doc.text,
            f.subject_stemmed => doc.subject,
            f.from => doc.from,
            f.to => doc.to,
            f.name => doc.name,
            f.path => doc.path,
            f.file_type => doc.file_type,
        );
        for value in [doc.text, doc.subject, doc.from, doc.to, doc.name] {
            d.add_text(f.pairs, value);
        }
        if let Some(date) = doc.date {
            d.add_date(
                f.date,
                tantivy::DateTime::from_timestamp_secs(date.timestamp()),
            );
        }
        let mut tokens: Vec<String> = crate::identifiers::find_all(doc.text)
            .iter()
            .map(|found| found.token())
            .collect();
        for header in [doc.from, doc.to] {
            tokens.extend(
                crate::identifiers::find_all(header)
                    .iter()
                    .map(|found| found.token()),
            );
        }
        tokens.sort();
        tokens.dedup();
        for token in tokens {
            d.add_text(f.ids, token);
        }
        writer.add_document(d)?;
        Ok(())
    }

    /// The reader searches use; refused while the index is faulty.
    pub fn reader(&self) -> Result<&IndexReader> {
        if self.fault.is_some() {
            return Err(self.refusal());
        }
        self.refresh()?;
        Ok(&self.reader)
    }

    /// Brings the reader up to the index's last commit. Its segments are
    /// opened again only when that commit changed them: reopening every
    /// segment is most of what opening an index costs, and a short command
    /// (one search) would otherwise pay it three times.
    fn refresh(&self) -> Result<()> {
        let committed = self.index.searchable_segment_metas()?;
        let searcher = self.reader.searcher();
        let open = searcher.segment_readers();
        let current = committed.len() == open.len()
            && committed.iter().zip(open).all(|(meta, reader)| {
                meta.id() == reader.segment_id() && meta.delete_opstamp() == reader.delete_opstamp()
            });
        if !current {
            self.reader.reload()?;
        }
        Ok(())
    }

    /// How many items the index holds (even when faulty).
    pub fn num_docs(&self) -> Result<u64> {
        self.refresh()?;
        Ok(self.reader.searcher().num_docs())
    }

    /// The item ids the index holds (even when faulty).
    pub fn item_ids(&self) -> Result<std::collections::HashSet<i64>> {
        self.refresh()?;
        let searcher = self.reader.searcher();
        let mut ids = std::collections::HashSet::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("id")?;
            for doc in segment.doc_ids_alive() {
                if let Some(id) = column.first(doc) {
                    ids.insert(id as i64);
                }
            }
        }
        Ok(ids)
    }

    /// Files of the index whose checksums do not match.
    pub fn corrupted_files(&self) -> Result<Vec<String>> {
        let mut files: Vec<String> = self
            .index
            .validate_checksum()?
            .into_iter()
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_of_an_older_schema_is_replaced_and_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut older = Schema::builder();
        older.add_text_field("text", tantivy::schema::TEXT);
        Index::create_in_dir(dir.path(), older.build()).unwrap();

        let index = CaseIndex::open(dir.path()).unwrap();
        assert!(index.replaced_older);
        assert!(index.index.schema().get_field("text-stemmed").is_ok());

        drop(index);
        assert!(!CaseIndex::open(dir.path()).unwrap().replaced_older);
    }

    /// Each term of `query` with whether its positions are read.
    fn terms_of(query: &dyn tantivy::query::Query) -> Vec<(String, String, bool)> {
        let schema = build_schema().0;
        let mut terms = Vec::new();
        query.query_terms(&mut |term, positions| {
            terms.push((
                schema.get_field_name(term.field()).to_string(),
                term.value().as_str().unwrap_or_default().to_string(),
                positions,
            ))
        });
        terms.sort();
        terms
    }

    #[test]
    fn a_two_word_phrase_is_searched_as_one_pair_term_and_highlighted_as_its_words() {
        let dir = tempfile::tempdir().unwrap();
        let index = CaseIndex::open(dir.path()).unwrap();
        let pair = |field: &str| (field.to_string(), "housing file".to_string(), false);
        for query in ["\"Housing File\"", "exact:\"housing file\""] {
            let searched = parse_query(&index, query).unwrap();
            assert_eq!(terms_of(&*searched), [pair("pairs")], "{query}");
        }
        let as_written = parse_query_as_written(&index, "\"housing file\"").unwrap();
        let words = terms_of(&*as_written);
        assert!(words.contains(&("text".into(), "housing".into(), true)));
        assert!(words.contains(&("text".into(), "file".into(), true)));
        // Three words, a proximity, a named field or a word that looks like
        // a reference keep the positions.
        for query in [
            "\"housing file note\"",
            "\"order ab1234\"",
            "\"0412345 closed\"",
            "\"housing file\"~2",
            "subject:\"housing file\"",
        ] {
            let searched = parse_query(&index, query).unwrap();
            assert!(
                terms_of(&*searched)
                    .iter()
                    .all(|(f, _, positions)| f != "pairs" && *positions),
                "{query}"
            );
        }
    }

    fn doc(id: i64, text: &str) -> IndexDoc<'_> {
        IndexDoc {
            id,
            text,
            subject: "",
            from: "",
            to: "",
            name: "",
            path: "",
            file_type: "txt",
            date: None,
        }
    }

    /// A writer that never merges segments, so a commit that only deletes
    /// leaves every segment's id as it was.
    fn unmerged(index: &CaseIndex) -> IndexWriter {
        let writer = index.writer().unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        writer
    }

    #[test]
    fn the_reader_follows_every_commit_of_its_own_writer_and_of_another_opening() {
        let dir = tempfile::tempdir().unwrap();
        let index = CaseIndex::open(dir.path()).unwrap();
        assert_eq!(index.num_docs().unwrap(), 0);

        let mut writer = unmerged(&index);
        index.add(&writer, &doc(1, "first")).unwrap();
        index.add(&writer, &doc(2, "second")).unwrap();
        index.add(&writer, &doc(3, "third")).unwrap();
        writer.commit().unwrap();
        assert_eq!(index.num_docs().unwrap(), 3);

        // A replacement deletes in a segment the reader already has open.
        index.replace(&writer, &doc(1, "first again")).unwrap();
        writer.commit().unwrap();
        drop(writer);
        assert_eq!(index.num_docs().unwrap(), 3);
        let searcher = index.reader().unwrap().searcher();
        let again = Term::from_field_text(index.fields.text, "again");
        assert_eq!(searcher.doc_freq(&again).unwrap(), 1);

        // A commit that only deletes keeps the same segments (the first
        // still holds an item).
        let mut writer = unmerged(&index);
        writer.delete_term(Term::from_field_u64(index.fields.id, 2));
        writer.commit().unwrap();
        drop(writer);
        assert_eq!(ids(&index), vec![1, 3]);

        // Another opening of the same folder (another process) commits.
        let other = CaseIndex::open(dir.path()).unwrap();
        let mut writer = unmerged(&other);
        other.add(&writer, &doc(4, "fourth")).unwrap();
        writer.commit().unwrap();
        assert_eq!(ids(&index), vec![1, 3, 4]);
    }

    /// The items the index holds, as a search sees them.
    fn ids(index: &CaseIndex) -> Vec<i64> {
        let mut ids: Vec<i64> = index.item_ids().unwrap().into_iter().collect();
        ids.sort();
        ids
    }

    /// Commits one document at a time: a segment each.
    fn commit_each(index: &CaseIndex, writer: &mut IndexWriter, ids: std::ops::Range<i64>) {
        for id in ids {
            index.add(writer, &doc(id, "words")).unwrap();
            writer.commit().unwrap();
        }
    }

    #[test]
    fn the_files_of_merged_segments_are_deleted_even_when_a_search_had_them_open() {
        let dir = tempfile::tempdir().unwrap();
        let index = CaseIndex::open(dir.path()).unwrap();
        let mut writer = unmerged(&index);
        commit_each(&index, &mut writer, 0..3);
        drop(writer);
        // A search reads the three segments before the next import.
        assert_eq!(ids(&index), vec![0, 1, 2]);
        let mut writer = unmerged(&index);
        commit_each(&index, &mut writer, 3..6);
        index.merge_when_done(writer, 3).unwrap();
        let kept = index.index.searchable_segment_ids().unwrap();
        assert_eq!(kept.len(), 1);
        let segment = kept[0].uuid_string();
        let strays: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.ends_with(".json") && !name.ends_with(".lock"))
            .filter(|name| !name.starts_with(&segment))
            .collect();
        assert!(
            strays.is_empty(),
            "files of merged-away segments: {strays:?}"
        );
        assert_eq!(ids(&index), (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn a_writer_let_go_of_a_moment_later_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let index = CaseIndex::open(dir.path()).unwrap();
        let held = index.writer().unwrap();
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            drop(held);
        });
        assert!(index.writer().is_ok());
        letting_go.join().unwrap();
    }

    #[test]
    fn an_import_merges_the_segments_when_it_added_a_tenth_or_they_grew_many() {
        let dir = tempfile::tempdir().unwrap();
        let index = CaseIndex::open(dir.path()).unwrap();
        let segments = |index: &CaseIndex| index.index.searchable_segment_ids().unwrap().len();

        let mut writer = unmerged(&index);
        commit_each(&index, &mut writer, 0..20);
        assert_eq!(segments(&index), 20);
        index.merge_when_done(writer, 20).unwrap();
        assert_eq!(segments(&index), 1);

        // One document added to twenty: left as it is, two segments.
        let mut writer = unmerged(&index);
        commit_each(&index, &mut writer, 20..21);
        index.merge_when_done(writer, 1).unwrap();
        assert_eq!(segments(&index), 2);

        // Small imports again, until the segments pass the limit.
        for id in 21..21 + MAX_SEGMENTS as i64 - 2 {
            let mut writer = unmerged(&index);
            commit_each(&index, &mut writer, id..id + 1);
            index.merge_when_done(writer, 1).unwrap();
        }
        assert_eq!(segments(&index), MAX_SEGMENTS);
        let mut writer = unmerged(&index);
        commit_each(&index, &mut writer, 100..101);
        index.merge_when_done(writer, 1).unwrap();
        assert_eq!(segments(&index), 1);
        assert_eq!(index.num_docs().unwrap(), 21 + MAX_SEGMENTS as u64 - 1);
    }
}
