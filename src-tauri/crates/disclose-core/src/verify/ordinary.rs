//! Ordinary English words, so the leak check can tell a piece of a name
//! that happens to be a word ("any" from "Tiffany", "fair" from
//! "Fairbairn") from a piece that points at the person. The list is
//! SCOWL's small British word list (lower-case entries only, so it holds
//! no proper names), kept beside this module.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The list: a comment, then one word a line, in byte order.
const LIST: &str = include_str!("english_words.txt");

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Every word of the list (lower case).
pub fn words() -> impl Iterator<Item = &'static str> {
    WORDS.iter().copied()
}

/// Whether `word` (lower case) is an ordinary English word.
pub fn is_ordinary(word: &str) -> bool {
    WORDS.contains(word)
}

/// Whether `word` (lower case) is on the list, found by halving the
/// sorted list itself. No table is built, which costs a process that asks
/// about one or two words (a search) more than its answers: building
/// [`is_ordinary`]'s takes about 4 ms.
pub fn is_ordinary_uncached(word: &str) -> bool {
    let bytes = LIST.as_bytes();
    let comment_end = LIST
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.len() + 1)
        .sum::<usize>();
    // [lo, hi) holds whole lines, each ending in a newline (the last may
    // end the text instead).
    let (mut lo, mut hi) = (comment_end, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = bytes[mid..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| mid + i);
        match bytes[start..end].trim_ascii().cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_halved_and_the_table_agree_on_every_word_and_on_others() {
        for word in words() {
            assert!(is_ordinary_uncached(word), "{word}");
        }
        for other in [
            "",
            "a",
            "aa",
            "aardvarks",
            "zzz",
            "zzzz",
            "okafor",
            "mrs",
            "ref",
            "tiffany",
            "#",
        ] {
            assert_eq!(is_ordinary_uncached(other), is_ordinary(other), "{other}");
        }
        for word in ["aardvark", "the", "road", "rent", "housing", "file"] {
            assert!(is_ordinary_uncached(word), "{word}");
        }
    }

    #[test]
    fn everyday_words_are_ordinary_and_names_are_not() {
        for word in ["any", "fair", "road", "the"] {
            assert!(is_ordinary(word), "{word}");
        }
        for name in ["tiffany", "fairbairn", "okafor", "ffany"] {
            assert!(!is_ordinary(name), "{name}");
        }
    }
}
