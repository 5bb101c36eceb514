//! Regex searches for numbers, line by line. The regex engine's fast
//! automaton gives up on text with non-ASCII characters (a curly quote, a
//! bullet) when a pattern holds a Unicode word boundary (`\b`), and its
//! slow fallback then runs from there to the end of the text, for every
//! search. For a pattern that needs a digit and can match neither a line
//! break nor `^` or `$`, every match lies within one line: searching only
//! the lines that hold a digit finds exactly the same matches, and only
//! those of them with a non-ASCII character take the slow path, each for
//! its own length. The detection patterns also write their word
//! boundaries as ASCII ones, `(?-u:\b)`, which the fast automaton runs on
//! any text (they differ from Unicode ones only beside a non-ASCII letter
//! or digit, as in "é12").

use regex::Regex;

/// A match: its byte range in the whole text and its text.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Hit<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'t str {
        self.text
    }
}

impl<'t> From<regex::Match<'t>> for Hit<'t> {
    fn from(m: regex::Match<'t>) -> Hit<'t> {
        Hit {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
        }
    }
}

/// The matches of `re` in `text`, in order: the same as
/// `re.find_iter(text)` for a pattern whose every match holds a decimal
/// digit and no line break, with no `^` or `$`. Runs of lines with a digit
/// and no non-ASCII character are searched in one go.
pub fn numeric_lines<'t>(re: &Regex, text: &'t str) -> Vec<Hit<'t>> {
    let mut out = Vec::new();
    // The run of lines to search next: its start and end.
    let mut run: Option<(usize, usize)> = None;
    let search = |from: usize, to: usize, out: &mut Vec<Hit<'t>>| {
        out.extend(re.find_iter(&text[from..to]).map(|m| Hit {
            start: from + m.start(),
            end: from + m.end(),
            text: m.as_str(),
        }));
    };
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let ascii = line.is_ascii();
        let digit = if ascii {
            line.bytes().any(|b| b.is_ascii_digit())
        } else {
            line.chars().any(char::is_numeric)
        };
        if digit && ascii {
            run = Some((run.map_or(start, |r| r.0), end));
        } else {
            if let Some((from, to)) = run.take() {
                search(from, to, &mut out);
            }
            if digit {
                search(start, end, &mut out);
            }
        }
        start = end + 1;
    }
    if let Some((from, to)) = run {
        search(from, to, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_matches_as_a_search_of_the_whole_text() {
        let re = Regex::new(r"\b\d{3}[ -]?\d{4}\b").expect("valid regex");
        let text = "call 123 4567 now\nno digits here\n“quoted” 765-4321 and é1234567\n\
                    ٣ 222 3333\nlast 999 8888";
        let whole: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let lines: Vec<(usize, usize)> = numeric_lines(&re, text)
            .iter()
            .map(|h| (h.start(), h.end()))
            .collect();
        assert_eq!(lines, whole);
        assert_eq!(whole.len(), 4);
    }
}
