//! Learning abbreviations and sentence starters from the text itself, in
//! the manner of Punkt (Kiss & Strunk 2006), with simple counts instead of
//! likelihood ratios.
//!
//! - A short word is learned as an abbreviation when it is seen at least
//!   twice with a period before a lower-case word, at least as often as
//!   before a capitalised word, and not more often without the period.
//! - A word is learned as a sentence starter when it is seen capitalised at
//!   least twice right after a clear sentence end (`?`, `!`, or a period
//!   after a long ordinary word) and also in lower case elsewhere (so it is
//!   a common word, not a name).

use std::collections::HashMap;

use crate::abbrev::WordLists;
use crate::chars;
use crate::profile::Profile;

#[derive(Default)]
struct Counts {
    before_lower: u32,
    before_upper: u32,
}

/// Learns from `text`; the result extends the language's lists.
pub(crate) fn learn(text: &str, profile: &Profile) -> WordLists {
    let mut abbrev: HashMap<String, Counts> = HashMap::new();
    let mut plain: HashMap<String, u32> = HashMap::new();
    let mut after_end: HashMap<String, u32> = HashMap::new();
    let mut lower_seen: HashMap<String, u32> = HashMap::new();
    let mut prev: Option<&str> = None;
    for tok in text.split_whitespace() {
        let core = tok.trim_start_matches(chars::is_opener);
        let first = core.chars().next();
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
                let clear_end = w.chars().count() >= 5
                    && w.chars().all(char::is_alphabetic)
                    && !w.chars().any(chars::is_upper);
                if clear_end {
                    note_start(core, &mut after_end);
                }
            } else if p.ends_with(['?', '!']) {
                note_start(core, &mut after_end);
            }
        }
        let bare = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.len() == core.len() && !bare.is_empty() {
            *plain.entry(bare.to_lowercase()).or_default() += 1;
        }
        if first.is_some_and(chars::is_lower)
            && bare.chars().all(char::is_alphabetic)
            && !bare.is_empty()
        {
            *lower_seen.entry(bare.to_string()).or_default() += 1;
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
    for (w, n) in after_end {
        let lower = w.to_lowercase();
        if n >= 2 && lower_seen.get(&lower).copied().unwrap_or(0) >= 1 {
            out.starters.insert(lower);
        }
    }
    out
}

/// A word that could be an abbreviation: short, letters and inner periods.
fn is_candidate(w: &str) -> bool {
    let n = w.chars().count();
    (1..=6).contains(&n)
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
        && w.chars().next().is_some_and(char::is_alphabetic)
}

fn note_start(core: &str, after_end: &mut HashMap<String, u32>) {
    let word: String = core.chars().take_while(|c| c.is_alphabetic()).collect();
    if word.chars().next().is_some_and(chars::is_upper) && word.chars().count() >= 2 {
        *after_end.entry(word).or_default() += 1;
    }
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
    fn learns_starters_that_are_common_words() {
        let text = "Is it late? Perhaps not. We walked home. Why? Perhaps the rain. It was perhaps too cold.";
        let learned = learn(text, &Profile::new("xx"));
        assert!(learned.starters.contains("perhaps"));
    }
}
