//! Passphrases for encrypted bundles: eight words drawn uniformly from a
//! list of 268 short, distinct English words (about 64 bits), read aloud
//! or typed easily, shown once and never stored.

use crate::error::{Error, Result};

const WORDS: &str = include_str!("words.txt");
const LENGTH: usize = 8;

fn words() -> Vec<&'static str> {
    WORDS.split_whitespace().collect()
}

/// A new passphrase from the operating system's random source.
pub fn generate() -> Result<String> {
    let list = words();
    let n = list.len() as u32;
    // Rejecting values past the last whole multiple of n keeps every word
    // equally likely.
    let limit = u32::MAX - u32::MAX % n;
    let mut chosen = Vec::with_capacity(LENGTH);
    while chosen.len() < LENGTH {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes)
            .map_err(|e| Error::Invalid(format!("no random numbers from the system: {e}")))?;
        let value = u32::from_le_bytes(bytes);
        if value < limit {
            chosen.push(list[(value % n) as usize]);
        }
    }
    Ok(chosen.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrases_are_eight_listed_words_and_differ() {
        let list = words();
        let distinct: std::collections::HashSet<_> = list.iter().collect();
        assert_eq!(distinct.len(), list.len(), "the word list has no repeats");
        let a = generate().unwrap();
        let b = generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.split('-').count(), 8);
        assert!(a.split('-').all(|w| list.contains(&w)));
    }
}
