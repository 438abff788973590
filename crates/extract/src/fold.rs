//! Near-duplicate folding: a paragraph that repeats an earlier one (or the
//! title), up to case, punctuation and spacing, is shown once.

use std::collections::HashSet;

/// The comparison key of a text: its letters and digits, lower-cased.
pub(crate) fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `paragraphs` without those whose key repeats an earlier paragraph's or
/// the title's.
pub(crate) fn fold(title: Option<&str>, paragraphs: Vec<String>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    if let Some(title) = title {
        seen.insert(key(title));
    }
    paragraphs
        .into_iter()
        .filter(|p| {
            let k = key(p);
            k.is_empty() || seen.insert(k)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_of_paragraphs_and_the_title_are_dropped() {
        let got = fold(
            Some("Dam breaks"),
            vec![
                "DAM BREAKS!".into(),
                "Water reached the town.".into(),
                "Water  reached the town".into(),
                "Nobody was hurt.".into(),
            ],
        );
        assert_eq!(got, vec!["Water reached the town.", "Nobody was hurt."]);
    }
}
