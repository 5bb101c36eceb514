//! What every form of a term must contain, so that many terms can be
//! looked for in one pass (see [`super::VariantSet`]).
//!
//! A text is *folded* ([`fold`]): ASCII letters and digits lower-cased,
//! every other character that is not a letter or digit left out, and a
//! letter or digit beyond ASCII made a break. Everything a term's pattern
//! allows between the letters of a word or the words of a name (spaces,
//! line breaks, quote markers, hyphens, soft hyphens, apostrophes, an
//! identifier's separators) is then gone, so each form of the term leaves
//! an unbroken run of its own letters and digits in the folded text. A
//! term's *literals* ([`Literals`]) are such runs: every match of its
//! pattern contains one of them once folded, so a text whose folded form
//! holds none of them cannot match and its pattern need not be run.

/// A character as the folded text has it: `None` when it is left out,
/// `Some(BREAK)` for a letter or digit beyond ASCII. The only characters
/// beyond ASCII that a case-insensitive ASCII letter matches are the long
/// s and the Kelvin sign, folded as the letters they are.
fn fold_char(c: char) -> Option<char> {
    match c {
        c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
        '\u{17F}' => Some('s'),
        '\u{212A}' => Some('k'),
        c if c.is_alphanumeric() => Some(BREAK),
        _ => None,
    }
}

/// What stands in the folded text for a letter or digit beyond ASCII: no
/// literal holds it.
const BREAK: char = ' ';

/// `text` folded (see the module's header).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().filter_map(fold_char));
    out
}

/// The longest unbroken run of `text` folded, or `None` when it has none
/// as long as [`SHORTEST`].
fn longest_run(text: &str) -> Option<String> {
    fold(text)
        .split(BREAK)
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= SHORTEST)
        .map(str::to_string)
}

/// A literal shorter than this would be found in nearly every text.
const SHORTEST: usize = 2;

/// What every match of a term's pattern holds once folded: one of
/// `any`. `None` when some form has no run long enough to be worth
/// looking for, so the pattern is run on every text.
pub type Literals = Option<Vec<String>>;

/// Literals for a pattern every match of which holds `piece` (its
/// characters with nothing but left-out characters between them).
pub fn holding(piece: &str) -> Literals {
    longest_run(piece).map(|run| vec![run])
}

/// Literals for a pattern made of `forms`, each of which holds every
/// string of its list (as [`holding`] says).
pub fn any_form(forms: &[Vec<String>]) -> Literals {
    let mut out = Vec::new();
    for pieces in forms {
        let best = pieces
            .iter()
            .filter_map(|p| longest_run(p))
            .max_by_key(|run| run.len())?;
        out.push(best);
    }
    out.sort();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_letters_and_digits_and_breaks_beyond_ascii() {
        assert_eq!(fold("Fair-\n> bairn's 12/3"), "fairbairns123");
        assert_eq!(fold("Zoë\u{AD}Ok"), "zo ok");
        assert_eq!(fold("\u{17F}mith \u{212A}ay"), "smithkay");
    }

    #[test]
    fn an_ascii_letter_or_digit_matches_only_what_folds_to_it() {
        // Every character that a case-insensitive pattern of an ASCII
        // letter or digit matches folds to that letter or digit, so a
        // form of a term always folds to the term's own run.
        for c in ('a'..='z').chain('0'..='9') {
            let one = regex::RegexBuilder::new(&format!("^{c}$"))
                .case_insensitive(true)
                .build()
                .unwrap();
            for other in (0..=0x10FFFF).filter_map(char::from_u32) {
                if one.is_match(other.encode_utf8(&mut [0; 4])) {
                    assert_eq!(fold_char(other), Some(c), "{other:?} matches {c:?}");
                }
            }
        }
    }

    #[test]
    fn literals_are_the_longest_runs() {
        assert_eq!(holding("Zoë Okafor"), Some(vec!["okafor".to_string()]));
        assert_eq!(holding("Ł"), None);
        assert_eq!(
            any_form(&[
                vec!["Jo Smith".into()],
                vec!["Smith".into(), "Jo".into()],
                vec!["J".into()]
            ]),
            None
        );
    }
}
