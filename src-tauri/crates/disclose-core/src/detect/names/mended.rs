//! Scanned letters read by OCR write "l" as "1" and "O" as "0" inside
//! words ("Mrs Pear1 Haigh", "Marcus Ba1four", "0live"). Names are looked
//! for in a copy of such a text with those digits read as the letters
//! they stand for; the copy has the same length, so what is found there
//! is found at the same bytes of the text.

/// Words with a misread digit a text needs before it is mended: one such
/// word may be a code ("Win10"), a scanned page has them everywhere.
const MISREAD_WORDS: usize = 3;

/// The text with its misread digits read as letters, or `None` when it
/// shows too few of them to be OCR's.
pub(super) fn mended(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let letter = |j: Option<usize>| {
        j.and_then(|j| bytes.get(j))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    // Only the words around a "0" or "1" beside a letter are looked at:
    // most texts have few.
    for (k, _) in bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'0' | b'1'))
    {
        if !letter(k.checked_sub(1)) && !letter(Some(k + 1))
            || runs.last().is_some_and(|r| r.contains(&k))
        {
            continue;
        }
        let start = bytes[..k]
            .iter()
            .rposition(|b| !b.is_ascii_alphanumeric())
            .map_or(0, |j| j + 1);
        let end = bytes[k..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |j| k + j);
        if misread(&bytes[start..end]) {
            runs.push(start..end);
        }
    }
    if runs.len() < MISREAD_WORDS {
        return None;
    }
    let mut out = bytes.to_vec();
    for run in runs {
        for k in run.clone() {
            let next_lower = out.get(k + 1).is_some_and(u8::is_ascii_lowercase);
            let prev_upper = k > run.start && out[k - 1].is_ascii_uppercase();
            out[k] = match out[k] {
                b'1' => b'l',
                // "0live", "C0UNCIL": a capital at a word's start or among
                // capitals, else a small letter ("Afo1abi", "n0t").
                b'0' if k == run.start || prev_upper && !next_lower => b'O',
                b'0' => b'o',
                b => b,
            };
        }
    }
    String::from_utf8(out).ok()
}

/// A word of letters with a "1" or "0" among them, at least two letters:
/// "Mu11ins", "wi11", "0live", "Pear1". Not a code of capitals and digits
/// ("LS1", "A10", "B1").
fn misread(word: &[u8]) -> bool {
    let letters = word.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let digits = word.len() - letters;
    let only_ones_and_noughts = word
        .iter()
        .all(|b| b.is_ascii_alphabetic() || matches!(b, b'0' | b'1'));
    let has_small = word.iter().any(u8::is_ascii_lowercase);
    letters >= 2 && digits >= 1 && only_ones_and_noughts && has_small
}

#[cfg(test)]
mod tests {
    use super::mended;

    #[test]
    fn misread_digits_are_read_as_letters_and_codes_are_left() {
        let text = "Mrs Pear1 Haigh and 0live wi11 ca11 at LS1 9BQ, ref A10.";
        assert_eq!(
            mended(text).as_deref(),
            Some("Mrs Pearl Haigh and Olive will call at LS1 9BQ, ref A10.")
        );
        assert_eq!(mended("Windows Win10 and Office 365"), None);
    }
}
