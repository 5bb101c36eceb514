//! Office Open XML and OpenDocument packages: DOCX, ODT and PPTX.
//!
//! Both are zip packages of XML parts. The text starts with the body as the
//! document shows it, then titled sections ("[Header]", "[Footnotes]",
//! "[Comments]", "[Tracked deletions]", "[Hidden text]", ...) for everything
//! else a recipient of the file could find in it.

mod docx;
mod odt;
pub(crate) mod package;
mod pptx;

pub use docx::extract_docx;
pub use odt::extract_odt;
pub use pptx::extract_pptx;

#[cfg(test)]
pub(crate) mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;

    use super::*;
    use crate::{ExtractError, Limits};

    pub(crate) fn build_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn sample_docx() -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:r><w:t>Complaint about Flat 4 &amp; noise.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Reported by </w:t></w:r><w:ins w:author="Officer Lee"><w:r><w:t>Mrs Dawson</w:t></w:r></w:ins><w:del w:author="Officer Lee"><w:r><w:delText>the neighbour at No. 6</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Secret informant: Mark Ellis</w:t></w:r><w:r><w:t>Visible again</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tenancy</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Jane Smith</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>T-1001</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>See note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:tab/><w:t>after tab</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>"#
        );
        let header =
            format!(r#"<w:hdr {W}><w:p><w:r><w:t>OFFICIAL SENSITIVE</w:t></w:r></w:p></w:hdr>"#);
        let footer = format!(
            r#"<w:ftr {W}><w:p><w:r><w:t>Page footer Housing Ltd</w:t></w:r></w:p></w:ftr>"#
        );
        let footnotes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Footnote citing PC Brown</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let comments = format!(
            r#"<w:comments {W}><w:comment w:id="0" w:author="Sam Reviewer" w:date="2024-02-01T10:00:00Z"><w:p><w:r><w:t>Check with legal first</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>ASB log</dc:title><dc:creator>Alice Author</dc:creator><cp:lastModifiedBy>Bob Editor</cp:lastModifiedBy><dcterms:created>2024-01-02T09:00:00Z</dcterms:created><dcterms:modified>2024-03-04T15:30:00Z</dcterms:modified></cp:coreProperties>"#;
        let app = r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Example Homes</Company></Properties>"#;
        build_zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", document.as_bytes()),
            ("word/header1.xml", header.as_bytes()),
            ("word/footer1.xml", footer.as_bytes()),
            ("word/footnotes.xml", footnotes.as_bytes()),
            ("word/comments.xml", comments.as_bytes()),
            ("docProps/core.xml", core.as_bytes()),
            ("docProps/app.xml", app.as_bytes()),
            ("word/embeddings/oleObject1.bin", b"embedded bytes"),
        ])
    }

    #[test]
    fn docx_finds_every_kind_of_text() {
        let out = extract_docx(&sample_docx(), &Limits::default()).unwrap();
        let text = &out.text;
        for needle in [
            "Complaint about Flat 4 & noise.",
            "Reported by Mrs Dawson",
            "Name\tTenancy\nJane Smith\tT-1001",
            "See note\tafter tab",
            "[Header]\nOFFICIAL SENSITIVE",
            "[Footer]\nPage footer Housing Ltd",
            "[Footnotes]\n[1] Footnote citing PC Brown",
            "[Comments]\nSam Reviewer (2024-02-01T10:00:00Z): Check with legal first",
            "[Text boxes]\nBox text",
            "[Tracked deletions]\nOfficer Lee: the neighbour at No. 6",
            "[Hidden text]\nSecret informant: Mark Ellis",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        // The fallback copy of the text box is not read twice, and deleted
        // or hidden text is not mixed into the visible body.
        assert_eq!(text.matches("Box text").count(), 1, "{text}");
        assert!(
            !text.starts_with("[") && text.find("the neighbour") > text.find("[Tracked deletions]")
        );
        assert!(text.contains("Secret informant: Mark Ellis\n") || text.ends_with("Mark Ellis"));
        assert!(text.contains("Visible again"));
        assert!(!text.contains("separator"));

        let m = &out.metadata;
        assert_eq!(m.get("author").map(String::as_str), Some("Alice Author"));
        assert_eq!(
            m.get("last-modified-by").map(String::as_str),
            Some("Bob Editor")
        );
        assert_eq!(m.get("title").map(String::as_str), Some("ASB log"));
        assert_eq!(
            m.get("modified").map(String::as_str),
            Some("2024-03-04T15:30:00Z")
        );
        assert_eq!(m.get("company").map(String::as_str), Some("Example Homes"));
        assert_eq!(m.get("has-comments").map(String::as_str), Some("1"));
        assert_eq!(m.get("has-tracked-changes").map(String::as_str), Some("2"));
        assert_eq!(m.get("has-hidden-text").map(String::as_str), Some("1"));
        assert_eq!(
            m.get("revision-authors").map(String::as_str),
            Some("Officer Lee")
        );
        assert_eq!(
            out.date.map(|d| d.to_rfc3339()),
            Some("2024-03-04T15:30:00+00:00".into())
        );
        assert_eq!(out.children.len(), 1);
        assert_eq!(out.children[0].name, "oleObject1.bin");
        assert_eq!(out.children[0].data, b"embedded bytes");
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn docx_without_document_part_is_corrupt() {
        let zip = build_zip(&[("word/styles.xml", b"<w:styles/>")]);
        assert!(matches!(
            extract_docx(&zip, &Limits::default()),
            Err(ExtractError::Corrupt(_))
        ));
        assert!(matches!(
            extract_docx(b"not a zip", &Limits::default()),
            Err(ExtractError::Corrupt(_))
        ));
    }

    #[test]
    fn docx_broken_xml_gives_partial_text_and_a_warning() {
        let document = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>Kept text</w:t></w:r></w:p><w:p><w:r><w:t a="1" a="2""#
        );
        let zip = build_zip(&[("word/document.xml", document.as_bytes())]);
        let out = extract_docx(&zip, &Limits::default()).unwrap();
        assert!(out.text.contains("Kept text"));
        assert!(!out.warnings.is_empty());
    }

    #[test]
    fn docx_oversized_parts_are_refused() {
        let limits = Limits {
            max_child_bytes: 100,
            ..Limits::default()
        };
        let big = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"#,
            "x".repeat(500)
        );
        let zip = build_zip(&[("word/document.xml", big.as_bytes())]);
        assert!(extract_docx(&zip, &limits).is_err());
    }

    #[test]
    fn odt_reads_body_notes_comments_changes_and_page_parts() {
        let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>Dee Editor</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info><text:p>Removed remark about Mr Patel</text:p></text:deletion></text:changed-region>
<text:changed-region text:id="c2"><text:insertion><office:change-info><dc:creator>Dee Editor</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>
<text:h>Repairs history</text:h>
<text:p>Damp reported<text:s text:c="2"/>by tenant<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Surveyor visit booked</text:p></text:note-body></text:note>.<office:annotation><dc:creator>Kim Officer</dc:creator><dc:date>2024-02-02T10:00:00</dc:date><text:p>Chase contractor</text:p></office:annotation></text:p>
<text:p>Hidden field <text:hidden-text text:condition="true" text:string-value="Informant: R. Jones" text:is-hidden="true"/></text:p>
<table:table><table:table-row><table:table-cell><text:p>Date</text:p></table:table-cell><table:table-cell><text:p>Job</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"#;
        let styles = r#"<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:styles><style:style style:name="Standard"/></office:styles><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Housing Services</text:p></style:header><style:footer><text:p>Confidential</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>"#;
        let meta = r#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:initial-creator>Olive Original</meta:initial-creator><dc:creator>Eve Later</dc:creator><dc:title>Repairs</dc:title><meta:creation-date>2023-05-06T07:08:09</meta:creation-date><dc:date>2024-06-07T08:09:10.5</dc:date></office:meta></office:document-meta>"#;
        let zip = build_zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content.as_bytes()),
            ("styles.xml", styles.as_bytes()),
            ("meta.xml", meta.as_bytes()),
        ]);
        let out = extract_odt(&zip, &Limits::default()).unwrap();
        let text = &out.text;
        for needle in [
            "Repairs history\nDamp reported  by tenant.",
            "Date\tJob",
            "[Header]\nHousing Services",
            "[Footer]\nConfidential",
            "[Footnotes]\n[1] Surveyor visit booked",
            "[Comments]\nKim Officer (2024-02-02T10:00:00): Chase contractor",
            "[Tracked deletions]\nDee Editor: Removed remark about Mr Patel",
            "[Hidden text]\nInformant: R. Jones",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        assert!(!text.starts_with("Removed"));
        let m = &out.metadata;
        assert_eq!(m.get("author").map(String::as_str), Some("Olive Original"));
        assert_eq!(
            m.get("last-modified-by").map(String::as_str),
            Some("Eve Later")
        );
        assert_eq!(
            m.get("modified").map(String::as_str),
            Some("2024-06-07T08:09:10Z")
        );
        assert_eq!(m.get("has-tracked-changes").map(String::as_str), Some("2"));
        assert_eq!(m.get("has-comments").map(String::as_str), Some("1"));
        assert!(out.date.is_some());
    }

    #[test]
    fn encrypted_odt_is_reported() {
        let manifest = br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#;
        let zip = build_zip(&[
            ("META-INF/manifest.xml", manifest),
            ("content.xml", b"\x00\x01garbage"),
        ]);
        assert!(matches!(
            extract_odt(&zip, &Limits::default()),
            Err(ExtractError::Encrypted(_))
        ));
    }
}
