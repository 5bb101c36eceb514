//! Emails, records, office files and text rendered as clean A4 pages: the
//! item's extracted text (for emails: headers, body and the attachment
//! list), wrapped, with each redacted span replaced by a black bar carrying
//! its reason code. The bar has the width of its label, not of the text it
//! hides, so its size gives nothing away; the redacted text is never
//! written.

use super::writer::{split_to_fit, text_width, Flow, Mark, OutPage};

/// A redacted byte range of the text and the label its bar shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const SIZE: f32 = 10.0;
const LEADING: f32 = 13.0;
const TITLE_SIZE: f32 = 12.0;
const LABEL_SIZE: f32 = 7.0;

enum Token {
    Word(String),
    Bar(String),
    LineBreak,
}

/// A4 pages showing `title` and then `text` with `redactions` barred.
/// `redactions` must not overlap (see `marks::merge_ranges`).
pub fn pages(title: &str, text: &str, redactions: &[Span]) -> Vec<OutPage> {
    let mut layout = Layout::new();
    layout.line(vec![Mark::Text {
        x: MARGIN,
        y: 0.0,
        size: TITLE_SIZE,
        text: title.to_string(),
        bold: true,
        fit_width: None,
        invisible: false,
    }]);
    layout.blank();
    layout.flow(tokens(text, redactions));
    layout.finish()
}

fn tokens(text: &str, redactions: &[Span]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    let plain = |out: &mut Vec<Token>, piece: &str| {
        for (index, line) in piece.split('\n').enumerate() {
            if index > 0 {
                out.push(Token::LineBreak);
            }
            let line = line.replace('\t', "    ").replace('\r', "");
            out.extend(
                line.split_inclusive(' ')
                    .map(|w| Token::Word(w.to_string())),
            );
        }
    };
    for span in redactions {
        let (start, end) = (span.start.min(text.len()), span.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        plain(&mut out, &text[at..start]);
        out.push(Token::Bar(span.label.clone()));
        at = end;
    }
    plain(&mut out, &text[at..]);
    out
}

fn bar_width(label: &str) -> f32 {
    (text_width(label, LABEL_SIZE) + 6.0).max(36.0)
}

/// Places lines top to bottom, starting new pages as they fill.
struct Layout {
    flow: Flow,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            flow: Flow::new(WIDTH, HEIGHT, MARGIN),
        }
    }

    fn blank(&mut self) {
        self.flow.next_baseline(LEADING);
    }

    /// One line of marks whose `y` is relative (replaced by the baseline).
    fn line(&mut self, marks: Vec<Mark>) {
        let baseline = self.flow.next_baseline(LEADING);
        self.flow.place(marks, 0.0, baseline, SIZE);
    }

    fn flow(&mut self, tokens: Vec<Token>) {
        let right = WIDTH - MARGIN;
        let mut line: Vec<Mark> = Vec::new();
        let mut run = String::new();
        let mut run_x = MARGIN;
        let mut x = MARGIN;
        let flush_run = |line: &mut Vec<Mark>, run: &mut String, run_x: f32| {
            if !run.trim().is_empty() {
                line.push(Mark::text(run_x, &std::mem::take(run), SIZE, false));
            }
            run.clear();
        };
        for token in tokens {
            match token {
                Token::LineBreak => {
                    flush_run(&mut line, &mut run, run_x);
                    self.line(std::mem::take(&mut line));
                    x = MARGIN;
                    run_x = MARGIN;
                }
                Token::Word(word) => {
                    for piece in split_to_fit(&word, right - MARGIN, SIZE) {
                        let width = text_width(&piece, SIZE);
                        if x + text_width(piece.trim_end(), SIZE) > right && x > MARGIN {
                            flush_run(&mut line, &mut run, run_x);
                            self.line(std::mem::take(&mut line));
                            x = MARGIN;
                            run_x = MARGIN;
                        }
                        if run.is_empty() {
                            run_x = x;
                        }
                        run.push_str(&piece);
                        x += width;
                    }
                }
                Token::Bar(label) => {
                    let width = bar_width(&label);
                    if x + width > right && x > MARGIN {
                        flush_run(&mut line, &mut run, run_x);
                        self.line(std::mem::take(&mut line));
                        x = MARGIN;
                    }
                    flush_run(&mut line, &mut run, run_x);
                    line.push(Mark::Bar {
                        rect: [x, 0.0, x + width, 0.0],
                        label,
                    });
                    x += width + 2.0;
                    run_x = x;
                }
            }
        }
        flush_run(&mut line, &mut run, run_x);
        if !line.is_empty() {
            self.line(line);
        }
    }

    fn finish(self) -> Vec<OutPage> {
        self.flow.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::writer::tests::texts;

    #[test]
    fn redacted_text_is_replaced_by_a_bar_and_never_written() {
        let text = "Complaint from John Smith about noise.\nSecond line.";
        let start = text.find("John").unwrap();
        let spans = [Span {
            start,
            end: start + "John Smith".len(),
            label: "third-party".into(),
        }];
        let all = texts(&pages("Item 1", text, &spans));
        assert!(!all.contains("John") && !all.contains("Smith"), "{all}");
        assert!(
            all.contains("Complaint from |[third-party]| about noise."),
            "{all}"
        );
        assert!(all.contains("Second line."));
    }

    #[test]
    fn long_text_flows_onto_more_pages() {
        let text = "word ".repeat(20_000);
        let out = pages("Item 2", &text, &[]);
        assert!(out.len() > 10, "{} pages", out.len());
        assert!(texts(&out).matches("word").count() == 20_000);
    }
}
