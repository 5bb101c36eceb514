//! Ordinary English words, so the leak check can tell a piece of a name
//! that happens to be a word ("any" from "Tiffany", "fair" from
//! "Fairbairn") from a piece that points at the person. The list is
//! SCOWL's small British word list (lower-case entries only, so it holds
//! no proper names), kept beside this module.

use std::collections::HashSet;
use std::sync::LazyLock;

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("english_words.txt")
        .lines()
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

#[cfg(test)]
mod tests {
    use super::*;

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
