//! Identical and near-identical sentences, so that they count once.

use crate::terms::TermMatrix;
use std::collections::HashMap;

/// Two sentences whose term sets have at least this Jaccard similarity are
/// near-identical.
pub(crate) const NEAR_IDENTICAL: f64 = 0.8;

/// How many earlier sentences sharing a rare term are compared.
const CANDIDATES_PER_TERM: usize = 64;

fn jaccard(a: &[(u32, u32)], b: &[(u32, u32)]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

/// For each sentence in `among` (indices, in document order): the earlier
/// sentence of `among` it repeats, if any. Sentences without terms are
/// compared by their text with whitespace and case folded.
pub(crate) fn find(sentences: &[&str], matrix: &TermMatrix, among: &[usize]) -> Vec<Option<usize>> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    let mut found = vec![None; sentences.len()];
    for &i in among {
        let row = &matrix.rows[i];
        if row.is_empty() {
            let key: String = sentences[i]
                .split_whitespace()
                .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']))
                .collect();
            match by_text.get(&key) {
                Some(&j) => found[i] = Some(j),
                None => {
                    by_text.insert(key, i);
                }
            }
            continue;
        }
        // The two rarest terms: any near-identical sentence holds one of them
        // unless the two differ in both.
        let mut rare: Vec<u32> = row.iter().map(|&(t, _)| t).collect();
        rare.sort_by_key(|&t| matrix.document_frequency[t as usize]);
        rare.truncate(2);
        let mut best: Option<usize> = None;
        'terms: for t in &rare {
            if let Some(list) = postings.get(t) {
                for &j in list.iter().rev().take(CANDIDATES_PER_TERM) {
                    if jaccard(row, &matrix.rows[j]) >= NEAR_IDENTICAL {
                        best = Some(found[j].unwrap_or(j));
                        break 'terms;
                    }
                }
            }
        }
        found[i] = best;
        if best.is_none() {
            for &(t, _) in row {
                postings.entry(t).or_default().push(i);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn repeats_point_to_the_first_occurrence() {
        let s = [
            "The ferry left the island at dawn.",
            "Fishing boats stayed in port.",
            "The ferry left the island at dawn!",
            "the ferry LEFT the island, at dawn",
            "A ferry left the island at dawn on Sunday with cars.",
        ];
        let m = TermMatrix::build(&s, &Language::new("en"));
        let d = find(&s, &m, &[0, 1, 2, 3, 4]);
        assert_eq!(d, vec![None, None, Some(0), Some(0), None]);
    }

    #[test]
    fn termless_lines_compare_by_text() {
        let s = ["* * *", "Text here.", "*  *  *"];
        let m = TermMatrix::build(&s, &Language::new("en"));
        assert_eq!(find(&s, &m, &[0, 1, 2]), vec![None, None, Some(0)]);
    }
}
