//! HTML to text.
//!
//! The charset comes from a byte-order mark, then a `<meta charset>`, then
//! detection. The document is tokenised by html5ever (so every character
//! reference is decoded as a browser would) and turned into text without a
//! DOM: scripts and styles are dropped, but everything a recipient could find
//! is kept, not only what a browser paints: the title, alt text, form values,
//! elements hidden with CSS or `hidden` (counted in `has-hidden-elements`),
//! mailto/tel link targets and HTML comments. Metadata: title, author,
//! description, keywords.

use std::cell::RefCell;
use std::collections::BTreeSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::office::package::push_section;
use super::text::{decode, decode_with_label, normalise_newlines};
use super::{ExtractError, Extracted, Limits};

/// Bytes searched for a `<meta charset>` declaration, as browsers do.
const CHARSET_PRESCAN_BYTES: usize = 4096;

pub fn extract_html(data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    let (source, encoding) = decode_html(data);
    let sink = HtmlSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(normalise_newlines(&source)));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();

    let mut out = Extracted::default();
    out.metadata.insert("encoding".into(), encoding);
    let title = collapse(&state.title);
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
        out.metadata.insert("title".into(), title);
    }
    text.push_str(&tidy_lines(&state.body));
    let links: Vec<&str> = state.links.iter().map(String::as_str).collect();
    push_section(&mut text, "Links", &links.join("\n"));
    push_section(&mut text, "HTML comments", &state.comments.join("\n"));
    out.text = text.trim().to_string();
    for (key, value) in state.meta {
        out.metadata.entry(key).or_insert(value);
    }
    if state.hidden_elements > 0 {
        out.metadata.insert(
            "has-hidden-elements".into(),
            state.hidden_elements.to_string(),
        );
    }
    Ok(out)
}

/// Decodes HTML bytes, honouring a declared charset unless the bytes are
/// valid UTF-8 (a common mislabelling that browsers would show as mojibake
/// but the author meant as UTF-8).
fn decode_html(data: &[u8]) -> (String, String) {
    if encoding_rs::Encoding::for_bom(data).is_some() || std::str::from_utf8(data).is_ok() {
        let (text, encoding) = decode(data);
        return (text, encoding.to_string());
    }
    let head = String::from_utf8_lossy(&data[..data.len().min(CHARSET_PRESCAN_BYTES)])
        .to_ascii_lowercase();
    let label = declared_charset(&head);
    let known = label
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    match known {
        Some(encoding) => (
            decode_with_label(data, label.as_deref()),
            encoding.name().to_string(),
        ),
        None => {
            let (text, encoding) = decode(data);
            (text, encoding.to_string())
        }
    }
}

/// The charset named by a `<meta charset=...>` or `<meta http-equiv ...
/// content="...; charset=...">` in lower-cased `head`.
fn declared_charset(head: &str) -> Option<String> {
    let mut rest = head;
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
        rest = &rest[tag_end.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
    }
    None
}

#[derive(Default)]
struct HtmlSink {
    state: RefCell<State>,
}

/// Elements whose content is not text for the reader.
#[derive(Clone, Copy, PartialEq)]
enum Raw {
    Script,
    Style,
    Title,
}

#[derive(Default)]
struct State {
    body: String,
    title: String,
    raw: Option<Raw>,
    pre_depth: usize,
    pending_space: bool,
    links: BTreeSet<String>,
    comments: Vec<String>,
    meta: Vec<(String, String)>,
    hidden_elements: usize,
}

impl TokenSink for HtmlSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag),
            Token::CharacterTokens(text) => match state.raw {
                Some(Raw::Title) => state.title.push_str(&text),
                Some(Raw::Script | Raw::Style) => {}
                None => state.push_text(&text),
            },
            Token::CommentToken(comment) => state.comment(&comment),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "form"
            | "fieldset"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "caption"
            | "center"
            | "body"
            | "html"
            | "option"
            | "legend"
            | "noscript"
            | "iframe"
            | "object"
            | "title"
    )
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let attr = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.to_string())
        };
        if tag.kind == TagKind::EndTag {
            match name {
                "script" | "style" | "title" => self.raw = None,
                "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
                "td" | "th" => self.pending_space = true,
                _ => {}
            }
            if is_block(name) {
                self.newline();
            }
            return TokenSinkResult::Continue;
        }
        if is_block(name) {
            self.newline();
        }
        if is_hidden(tag, &attr) {
            self.hidden_elements += 1;
        }
        match name {
            "script" if !tag.self_closing => {
                self.raw = Some(Raw::Script);
                return TokenSinkResult::RawData(RawKind::ScriptData);
            }
            "style" if !tag.self_closing => {
                self.raw = Some(Raw::Style);
                return TokenSinkResult::RawData(RawKind::Rawtext);
            }
            "title" if !tag.self_closing => {
                self.raw = Some(Raw::Title);
                return TokenSinkResult::RawData(RawKind::Rcdata);
            }
            "textarea" if !tag.self_closing => return TokenSinkResult::RawData(RawKind::Rcdata),
            "xmp" | "noembed" | "noframes" if !tag.self_closing => {
                return TokenSinkResult::RawData(RawKind::Rawtext);
            }
            "pre" => self.pre_depth += 1,
            "br" => {
                self.trim_spaces();
                self.body.push('\n');
                self.pending_space = false;
            }
            "td" | "th" => {
                self.trim_spaces();
                if !self.body.is_empty() && !self.body.ends_with('\n') {
                    self.body.push('\t');
                }
                self.pending_space = false;
            }
            "img" | "area" => {
                if let Some(alt) = attr("alt")
                    .or_else(|| attr("title"))
                    .filter(|a| !a.trim().is_empty())
                {
                    self.push_text(&format!(" [image: {}] ", alt.trim()));
                }
            }
            "input" => {
                let kind = attr("type").unwrap_or_default().to_ascii_lowercase();
                if !matches!(
                    kind.as_str(),
                    "password" | "submit" | "button" | "reset" | "image"
                ) {
                    if let Some(value) = attr("value").filter(|v| !v.trim().is_empty()) {
                        self.push_text(&format!(" {} ", value.trim()));
                    }
                }
            }
            "a" => {
                if let Some(href) = attr("href") {
                    let href = href.trim();
                    let lower = href.to_ascii_lowercase();
                    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
                        self.links.insert(href.to_string());
                    }
                }
            }
            "meta" => {
                let key = attr("name")
                    .or_else(|| attr("property"))
                    .map(|n| n.to_ascii_lowercase());
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    let key = match key.as_str() {
                        "author" | "description" | "keywords" | "generator" => key,
                        _ => return TokenSinkResult::Continue,
                    };
                    if !content.trim().is_empty() {
                        self.meta.push((key, content.trim().to_string()));
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn push_text(&mut self, s: &str) {
        if self.pre_depth > 0 {
            self.body.push_str(s);
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.pending_space = true;
                continue;
            }
            if self.pending_space
                && !self.body.is_empty()
                && !self.body.ends_with([' ', '\n', '\t'])
            {
                self.body.push(' ');
            }
            self.pending_space = false;
            self.body.push(c);
        }
    }

    fn trim_spaces(&mut self) {
        while self.body.ends_with(' ') {
            self.body.pop();
        }
    }

    fn newline(&mut self) {
        self.trim_spaces();
        if !self.body.is_empty() && !self.body.ends_with('\n') {
            self.body.push('\n');
        }
        self.pending_space = false;
    }

    fn comment(&mut self, comment: &str) {
        let text = collapse(comment);
        let conditional =
            text.starts_with("[if") || text.starts_with("<![endif") || text.starts_with("[endif");
        if !text.is_empty() && !conditional {
            self.comments.push(text);
        }
    }
}

/// Whether an element is hidden from view but present in the file.
fn is_hidden(tag: &Tag, attr: &dyn Fn(&str) -> Option<String>) -> bool {
    if tag.attrs.iter().any(|a| &*a.name.local == "hidden") {
        return true;
    }
    if &*tag.name == "input" && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) {
        return true;
    }
    attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trims each line and keeps at most one blank line in a row.
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &[u8]) -> Extracted {
        extract_html(s, &Limits::default()).unwrap()
    }

    #[test]
    fn scripts_dropped_hidden_text_and_entities_kept() {
        let out = html(
            br#"<!DOCTYPE html><html><head><title>Case &amp; notes</title>
<meta name="author" content="Dana Officer"><meta name="description" content="ASB diary">
<style>body { color: red } .x:after { content: "STYLE TEXT" }</style>
<script>var secret = "SCRIPT TEXT"; if (a < b) { document.write("</p>"); }</script></head>
<body><h1>Diary</h1><p>Caf&eacute; visit on 3&nbsp;May &mdash; rent &pound;50 &#8212; ok &#x263A;</p>
<div style="display: none">Reported by neighbour Mrs Green</div>
<p hidden>Also hidden</p>
<img src="x.png" alt="Photo of Flat 2 door">
<p>Contact <a href="mailto:john.doe@example.org">John</a> or <a href="https://example.org">site</a></p>
<table><tr><td>Name</td><td>Ref</td></tr><tr><td>Jane</td><td>T-1</td></tr></table>
<!-- reviewed by Carl, do not send -->
<!--[if mso]><style>.x{}</style><![endif]-->
<input type="hidden" name="case" value="CASE-991">
</body></html>"#,
        );
        let text = &out.text;
        assert!(text.starts_with("Case & notes\n"), "{text}");
        assert!(
            !text.contains("SCRIPT TEXT")
                && !text.contains("STYLE TEXT")
                && !text.contains("color"),
            "{text}"
        );
        assert!(
            text.contains("Café visit on 3\u{a0}May — rent £50 — ok ☺"),
            "{text}"
        );
        assert!(text.contains("Reported by neighbour Mrs Green"), "{text}");
        assert!(text.contains("Also hidden"));
        assert!(text.contains("[image: Photo of Flat 2 door]"));
        assert!(text.contains("Contact John or site"));
        assert!(text.contains("Name\tRef\nJane\tT-1"), "{text}");
        assert!(text.contains("[Links]\nmailto:john.doe@example.org"));
        assert!(text.contains("[HTML comments]\nreviewed by Carl, do not send"));
        assert!(!text.contains("[if mso]"));
        assert!(text.contains("CASE-991"));
        assert_eq!(
            out.metadata.get("title").map(String::as_str),
            Some("Case & notes")
        );
        assert_eq!(
            out.metadata.get("author").map(String::as_str),
            Some("Dana Officer")
        );
        assert_eq!(
            out.metadata.get("description").map(String::as_str),
            Some("ASB diary")
        );
        assert_eq!(
            out.metadata.get("has-hidden-elements").map(String::as_str),
            Some("3")
        );
    }

    #[test]
    fn declared_legacy_charset_is_used() {
        let out = html(b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>Rent \xa3120 for Ren\xe9e</body></html>");
        assert!(out.text.contains("Rent £120 for Renée"), "{}", out.text);
        assert_eq!(
            out.metadata.get("encoding").map(String::as_str),
            Some("windows-1252")
        );
        let out = html("<meta charset=\"iso-8859-1\"><p>Zoë</p>".as_bytes());
        assert!(
            out.text.contains("Zoë"),
            "valid UTF-8 wins over a wrong label: {}",
            out.text
        );
    }

    #[test]
    fn hostile_html_does_not_break() {
        let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(10);
        assert!(html(deep.as_bytes()).text.contains("deep text"));
        let out = html(b"<p>unterminated <b attr=\"x");
        assert!(out.text.contains("unterminated"));
        assert!(html(b"").text.is_empty());
        assert!(html(b"<script>never closed").text.is_empty());
    }
}
