//! Learning abbreviations, sentence starters and names from the text
//! itself, in the manner of Punkt (Kiss & Strunk 2006), with simple counts
//! instead of likelihood ratios.
//!
//! - A short word is learned as an abbreviation when it is seen at least
//!   twice with a period before a lower-case word, at least as often as
//!   before a capitalised word, and not more often without the period.
//! - The orthographic context of each word is counted: seen in lower case,
//!   seen capitalised inside a sentence, seen capitalised after a sentence
//!   end. A word seen in lower case and capitalised only after sentence
//!   ends is a sentence starter; a word seen only capitalised, at least
//!   twice inside sentences, is a name. After an abbreviation or an
//!   initial, a starter makes a boundary and a name does not.

use std::collections::HashMap;

use crate::abbrev::WordLists;
use crate::chars;
use crate::profile::Profile;

#[derive(Default)]
struct Counts {
    before_lower: u32,
    before_upper: u32,
}

#[derive(Default)]
struct Ortho {
    lower: u32,
    upper_inside: u32,
    upper_after_end: u32,
}

/// Learns from `text`; the result extends the language's lists.
pub(crate) fn learn(text: &str, profile: &Profile) -> WordLists {
    let mut abbrev: HashMap<String, Counts> = HashMap::new();
    let mut plain: HashMap<String, u32> = HashMap::new();
    let mut ortho: HashMap<String, Ortho> = HashMap::new();
    let mut prev: Option<&str> = None;
    for tok in text.split_whitespace() {
        let core = tok.trim_start_matches(chars::is_opener);
        let first = core.chars().next();
        let word: &str = {
            let len = core
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(core.len(), |(o, _)| o);
            &core[..len]
        };
        if let Some(p) = prev {
            let p_core = p.trim_start_matches(chars::is_opener);
            if let Some(w) = p_core.strip_suffix('.').filter(|w| !w.ends_with('.')) {
                if is_candidate(w) {
                    let key = w.to_lowercase();
                    if profile.lists.kind(&key).is_none() {
                        let c = abbrev.entry(key).or_default();
                        match first {
                            Some(f) if chars::is_lower(f) => c.before_lower += 1,
                            Some(f) if chars::is_upper(f) => c.before_upper += 1,
                            _ => {}
                        }
                    }
                }
            }
        }
        if word.chars().count() >= 2 {
            let o = ortho.entry(word.to_lowercase()).or_default();
            if first.is_some_and(chars::is_lower) {
                o.lower += 1;
            } else if first.is_some_and(chars::is_upper) {
                if prev.is_none_or(ends_clearly) {
                    o.upper_after_end += 1;
                } else if prev.is_some_and(|p| !p.ends_with(['.', ':', '"', '\'', '”', '»', ')']))
                {
                    o.upper_inside += 1;
                }
            }
        }
        let bare = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.len() == core.len() && !bare.is_empty() {
            *plain.entry(bare.to_lowercase()).or_default() += 1;
        }
        prev = Some(tok);
    }
    let mut out = WordLists::default();
    for (w, c) in abbrev {
        let without = plain.get(&w).copied().unwrap_or(0);
        if c.before_lower >= 2 && c.before_lower >= c.before_upper && without <= c.before_lower {
            out.general.insert(w);
        }
    }
    for (w, o) in ortho {
        if o.lower >= 1 && o.upper_inside == 0 && o.upper_after_end >= 1 {
            out.starters.insert(w);
        } else if o.lower == 0 && o.upper_inside >= 2 {
            out.names.insert(w);
        }
    }
    out
}

/// A token that surely ends a sentence: `?` or `!`, or a period after a
/// long lower-case word (not an abbreviation).
fn ends_clearly(tok: &str) -> bool {
    let t = tok.trim_end_matches(|c: char| chars::is_quote(c) || chars::is_bracket_closer(c));
    if t.ends_with(['?', '!']) {
        return true;
    }
    t.strip_suffix('.').is_some_and(|w| {
        w.chars().count() >= 5 && w.chars().all(|c| c.is_alphabetic() && !chars::is_upper(c))
    })
}

/// A word that could be an abbreviation: short, letters and inner periods.
fn is_candidate(w: &str) -> bool {
    let n = w.chars().count();
    (1..=6).contains(&n)
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
        && w.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_an_abbreviation_seen_before_lower_case_words() {
        let text = "The dept. said so. Our dept. agreed. A dept. rejected it. Nothing else.";
        let learned = learn(text, &Profile::new("xx"));
        assert!(learned.general.contains("dept"));
        assert!(!learned.general.contains("so"));
    }

    #[test]
    fn learns_starters_and_names_from_their_case() {
        let text = "Is it late? Perhaps not. We met Lisa and Lisa left. Why? Perhaps the rain. It was perhaps too cold.";
        let learned = learn(text, &Profile::new("xx"));
        assert!(learned.starters.contains("perhaps"));
        assert!(learned.names.contains("lisa"));
        assert!(!learned.starters.contains("lisa"));
    }
}
