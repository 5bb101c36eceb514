//! Regex searches for numbers, line by line. For a pattern that needs a
//! digit and can match neither a line break nor `^` or `$`, every match
//! lies within one line: searching only the runs of lines that hold a digit
//! finds exactly the same matches as searching the whole text, and most
//! lines of prose hold none. The detection patterns write their word
//! boundaries as ASCII ones, `(?-u:\b)`: the regex engine's fast automaton
//! gives up on text with non-ASCII characters (a curly quote, a bullet)
//! when a pattern holds a Unicode word boundary, and its slow fallback
//! then runs to the end of the text, search after search (the two differ
//! only beside a non-ASCII letter or digit, as in "é12").

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

/// The runs of lines of a text that hold a digit: where every match of a
/// pattern that needs a digit and no line break lies. Found once for the
/// several patterns searched in a text.
pub struct DigitLines<'t> {
    text: &'t str,
    runs: Vec<(usize, usize)>,
}

impl<'t> DigitLines<'t> {
    pub fn new(text: &'t str) -> DigitLines<'t> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let digit = line.bytes().any(|b| b.is_ascii_digit())
                || !line.is_ascii() && line.chars().any(|c| !c.is_ascii() && c.is_numeric());
            if digit {
                match runs.last_mut() {
                    Some(run) if run.1 + 1 == start => run.1 = end,
                    _ => runs.push((start, end)),
                }
            }
            start = end + 1;
        }
        DigitLines { text, runs }
    }

    /// Whether `re` matches in these lines: the same as `re.is_match(text)`
    /// for a pattern whose every match holds a decimal digit and no line
    /// break, with no `^`, `$` or word boundary.
    pub fn is_match(&self, re: &Regex) -> bool {
        self.runs
            .iter()
            .any(|&(from, to)| re.is_match(&self.text[from..to]))
    }

    /// The matches of `re`, in order: the same as `re.find_iter(text)` for
    /// a pattern whose every match holds a decimal digit and no line
    /// break, with no `^` or `$`.
    pub fn find(&self, re: &Regex) -> Vec<Hit<'t>> {
        let mut out = Vec::new();
        for &(from, to) in &self.runs {
            out.extend(re.find_iter(&self.text[from..to]).map(|m| Hit {
                start: from + m.start(),
                end: from + m.end(),
                text: m.as_str(),
            }));
        }
        out
    }

    /// The first group of each match of `re`, in order, by its place in
    /// the whole text: for the same patterns as [`DigitLines::find`] whose
    /// finding is a part of the match ("card ending 4471").
    pub fn groups(&self, re: &Regex) -> Vec<Hit<'t>> {
        let mut out = Vec::new();
        for &(from, to) in &self.runs {
            out.extend(
                re.captures_iter(&self.text[from..to])
                    .filter_map(|c| c.get(1))
                    .map(|m| Hit {
                        start: from + m.start(),
                        end: from + m.end(),
                        text: m.as_str(),
                    }),
            );
        }
        out
    }
}

/// The matches of `re` in `text` (see [`DigitLines::find`]).
pub fn numeric_lines<'t>(re: &Regex, text: &'t str) -> Vec<Hit<'t>> {
    DigitLines::new(text).find(re)
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
