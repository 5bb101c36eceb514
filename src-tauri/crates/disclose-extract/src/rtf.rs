//! RTF to text.
//!
//! A small converter over the RTF token stream: groups are tracked on an
//! explicit stack (past [`MAX_GROUP_DEPTH`] groups only their count is kept,
//! so 100,000 nested braces cost nothing), `\'hh` bytes are decoded with the
//! document's `\ansicpg` or the current font's `\fcharset`, and `\uN` with
//! its `\ucN` fallback skip. Font, colour and style tables, pictures, field
//! instructions and other non-text destinations are skipped; headers,
//! footers, footnotes and annotations (comments) are kept as titled
//! sections, and the `\info` group gives title, author and dates.

mod parser;

use parser::Parser;
pub use parser::MAX_GROUP_DEPTH;

use super::{ExtractError, Extracted, Limits};

pub fn extract_rtf(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let start = data
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(data.len());
    if !data[start..].starts_with(b"{\\rtf") {
        return Err(ExtractError::Corrupt(
            "the file does not start with an RTF header".into(),
        ));
    }
    let mut parser = Parser::new(limits.max_text_bytes);
    parser.run(&data[start..]);
    Ok(parser.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rtf(s: &[u8]) -> Extracted {
        extract_rtf(s, &Limits::default()).unwrap()
    }

    #[test]
    fn text_escapes_unicode_and_destinations() {
        let out = rtf(br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\fcharset204 Times;}}{\colortbl;\red0\green0\blue0;}
{\stylesheet{\s0 Normal;}}{\info{\title Rent review}{\author Mia Clerk}{\operator Ola Editor}{\creatim\yr2023\mo5\dy6\hr7\min8}{\revtim\yr2024\mo1\dy2\hr3\min4}}
{\header \pard Housing Office\par}
\pard\plain Arrears of \'a3120 owed by {\b Ren\'e9e} {\i nested {\ul deeply}} here\par
Dash\u8212? and euro\u8364\'80 and smile\u-10179?\u-8694?\par
Cyrillic {\f1 \'cf\'f0\'e8\'e2\'e5\'f2}\par
A\tab B\line C\~D\par
{\*\unknowndest secret junk}{\pict\wmetafile8 0102abcdef}
\trowd\cellx1000\cellx2000 Name\cell Ref\cell\row
Comment here{\*\atnid JS}{\*\atnauthor Jo Surveyor}\chatn{\*\annotation \pard Check damp\par}
Field {\field{\*\fldinst HYPERLINK "mailto:x@y"}{\fldrslt link text}} end\par
Literal \{ braces \} and \\ slash\par
}"#);
        let text = &out.text;
        for needle in [
            "Arrears of £120 owed by Renée nested deeply here",
            "Dash— and euro€ and smile😊",
            "Cyrillic Привет",
            "A\tB\nC\u{a0}D",
            "Name\tRef\n",
            "link text end",
            "Literal { braces } and \\ slash",
            "[Header]\nHousing Office",
            "[Comments]\nJo Surveyor: Check damp",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        for absent in [
            "Arial",
            "Normal",
            "secret junk",
            "0102abcdef",
            "HYPERLINK",
            "red0",
            "Rent review",
            "?",
        ] {
            assert!(!text.contains(absent), "unexpected {absent:?} in:\n{text}");
        }
        assert_eq!(
            out.metadata.get("title").map(String::as_str),
            Some("Rent review")
        );
        assert_eq!(
            out.metadata.get("author").map(String::as_str),
            Some("Mia Clerk")
        );
        assert_eq!(
            out.metadata.get("last-modified-by").map(String::as_str),
            Some("Ola Editor")
        );
        assert_eq!(
            out.metadata.get("created").map(String::as_str),
            Some("2023-05-06T07:08:00Z")
        );
        assert_eq!(
            out.date.map(|d| d.to_rfc3339()),
            Some("2024-01-02T03:04:00+00:00".into())
        );
        assert_eq!(
            out.metadata.get("has-comments").map(String::as_str),
            Some("1")
        );
    }

    #[test]
    fn brace_bomb_and_broken_input_do_not_crash() {
        let mut bomb = b"{\\rtf1 start ".to_vec();
        bomb.extend(std::iter::repeat_n(b'{', 100_000));
        bomb.extend_from_slice(b"inner text");
        bomb.extend(std::iter::repeat_n(b'}', 100_000));
        bomb.extend_from_slice(b" after}");
        let out = rtf(&bomb);
        assert!(out.text.contains("start inner text after"), "{}", out.text);
        assert!(!out.warnings.is_empty());

        for hostile in [
            &b"{\\rtf1 \\'"[..],
            b"{\\rtf1 \\'zz \\u",
            b"{\\rtf1 \\u99999999999999999999 x",
            b"{\\rtf1 \\bin999999999999 abc}",
            b"{\\rtf1 \\uc999999 \\u65 abc}",
            b"{\\rtf1 }}}}}} tail",
            b"{\\rtf1 \\aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-123456789012345 x",
            b"{\\rtf1 \\",
        ] {
            let _ = rtf(hostile);
        }
        assert!(matches!(
            extract_rtf(b"plain text", &Limits::default()),
            Err(ExtractError::Corrupt(_))
        ));
    }

    #[test]
    fn uc_skip_counts_are_honoured() {
        let out = rtf(br"{\rtf1 {\uc2 a\u8212\'97\'97b}{\uc0 c\u8212 d}}");
        assert_eq!(out.text, "a—bc—d");
    }
}
