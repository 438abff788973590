//! TextRank keyphrases: a graph of words that occur near each other, ranked
//! by PageRank; neighbouring top words are joined into phrases.

use crate::content;
use crate::language::Language;
use crate::terms::{Token, for_each_token, is_cjk};
use std::collections::HashMap;

/// A keyphrase of the text and its score.
///
/// ```
/// use excerpt_rank::Keyword;
/// let k = Keyword { text: "night bus".to_string(), score: 1.5 };
/// assert_eq!(k.text, "night bus");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The phrase as it first appears in the text.
    pub text: String,
    /// The sum of its words' TextRank scores (the best word scores 1).
    pub score: f64,
}

/// Words closer than this (in tokens) are linked.
const WINDOW: usize = 3;
/// Longest phrase, in words.
const MAX_PHRASE: usize = 4;

/// One candidate word occurrence.
struct Occurrence {
    sentence: usize,
    /// Position among all tokens of its sentence.
    position: usize,
    start: usize,
    end: usize,
    node: usize,
}

/// The `n` best keyphrases of `sentences` in `lang`, best first.
pub(crate) fn keywords(sentences: &[&str], lang: &Language, n: usize) -> Vec<Keyword> {
    if n == 0 || sentences.is_empty() {
        return Vec::new();
    }
    let cjk: Vec<bool> = sentences
        .iter()
        .map(|s| lang.uses_character_bigrams() || s.chars().any(is_cjk))
        .collect();
    let verdicts = content::classify(sentences, &cjk);

    let mut nodes: HashMap<String, usize> = HashMap::new();
    let mut occurrences: Vec<Occurrence> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        if verdicts[s].is_some() {
            continue;
        }
        let mut position = 0;
        for_each_token(sentence, lang, |token: Token| {
            position += 1;
            let letters = token.lower.chars().filter(|c| c.is_alphabetic()).count();
            if token.stop || letters < 2 {
                return;
            }
            let stem = lang.stem(token.lower).into_owned();
            let next = nodes.len();
            let node = *nodes.entry(stem).or_insert(next);
            occurrences.push(Occurrence {
                sentence: s,
                position,
                start: token.start,
                end: token.end,
                node,
            });
        });
    }
    let v = nodes.len();
    if v == 0 {
        return Vec::new();
    }

    // Co-occurrence edges within the window, in both directions.
    let mut edges: HashMap<(usize, usize), f64> = HashMap::new();
    for (a, occ) in occurrences.iter().enumerate() {
        for other in &occurrences[a + 1..] {
            if other.sentence != occ.sentence || other.position - occ.position >= WINDOW {
                break;
            }
            if other.node != occ.node {
                *edges.entry((occ.node, other.node)).or_default() += 1.0;
                *edges.entry((other.node, occ.node)).or_default() += 1.0;
            }
        }
    }
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); v];
    for (&(a, b), &w) in &edges {
        adjacency[a].push((b, w));
    }
    let degree: Vec<f64> = adjacency
        .iter()
        .map(|l| l.iter().map(|e| e.1).sum())
        .collect();
    let mut rank = vec![1.0 / v as f64; v];
    for _ in 0..100 {
        let mut next = vec![0.15 / v as f64; v];
        let mut dangling = 0.0;
        for a in 0..v {
            if degree[a] == 0.0 {
                dangling += rank[a];
                continue;
            }
            for &(b, w) in &adjacency[a] {
                next[b] += 0.85 * rank[a] * w / degree[a];
            }
        }
        let change: f64 = next
            .iter_mut()
            .zip(&rank)
            .map(|(x, r)| {
                *x += 0.85 * dangling / v as f64;
                (*x - r).abs()
            })
            .sum();
        rank = next;
        if change < 1e-8 {
            break;
        }
    }
    let best = rank.iter().cloned().fold(0.0, f64::max);
    let score: Vec<f64> = rank.iter().map(|r| r / best).collect();

    // The top third of the words (at least n) may form phrases; more when
    // that yields fewer than n phrases.
    let mut order: Vec<usize> = (0..v).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    let mut keep = (v / 3).max(n).min(v);
    loop {
        let found = phrases(sentences, &occurrences, &order[..keep], &score, n);
        if found.len() >= n || keep == v {
            return found;
        }
        keep = (keep * 2).min(v);
    }
}

/// The `n` best phrases made of the words `top` only.
fn phrases(
    sentences: &[&str],
    occurrences: &[Occurrence],
    top: &[usize],
    score: &[f64],
    n: usize,
) -> Vec<Keyword> {
    let mut is_top = vec![false; score.len()];
    for &w in top {
        is_top[w] = true;
    }
    // Phrases: runs of top words separated only by spaces or hyphens.
    let mut phrases: HashMap<Vec<usize>, (String, f64, usize)> = HashMap::new();
    let mut i = 0;
    while i < occurrences.len() {
        if !is_top[occurrences[i].node] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < occurrences.len()
            && j - i < MAX_PHRASE
            && is_top[occurrences[j].node]
            && occurrences[j].sentence == occurrences[i].sentence
            && occurrences[j].position == occurrences[j - 1].position + 1
            && sentences[occurrences[j].sentence][occurrences[j - 1].end..occurrences[j].start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        {
            j += 1;
        }
        let key: Vec<usize> = occurrences[i..j].iter().map(|o| o.node).collect();
        let text =
            &sentences[occurrences[i].sentence][occurrences[i].start..occurrences[j - 1].end];
        let total: f64 = key.iter().map(|&w| score[w]).sum();
        phrases
            .entry(key)
            .or_insert_with(|| (text.to_string(), total, i));
        i = j;
    }
    let mut ranked: Vec<(Vec<usize>, String, f64, usize)> = phrases
        .into_iter()
        .map(|(k, (t, s, first))| (k, t, s, first))
        .collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.3.cmp(&b.3)));
    let mut out: Vec<(Vec<usize>, Keyword)> = Vec::new();
    for (key, text, score, _) in ranked {
        if out.len() == n {
            break;
        }
        // A phrase whose words all belong to a better phrase adds nothing.
        if out.iter().any(|(k, _)| key.iter().all(|w| k.contains(w))) {
            continue;
        }
        out.push((key, Keyword { text, score }));
    }
    out.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: [&str; 5] = [
        "The night bus network grows again this winter.",
        "Each night bus stops at the central station.",
        "Riders asked for a night bus to the airport.",
        "The central station gets new lifts.",
        "Tickets cost the same at night.",
    ];

    #[test]
    fn repeated_neighbours_form_the_top_phrase() {
        let k = keywords(&TEXT, &Language::new("en"), 3);
        assert_eq!(k.len(), 3);
        assert_eq!(k[0].text, "night bus", "{k:?}");
        assert!(k.iter().any(|k| k.text == "central station"), "{k:?}");
        assert!(k.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn words_of_a_better_phrase_are_not_repeated_alone() {
        let k = keywords(&TEXT, &Language::new("en"), 5);
        assert!(!k.iter().any(|k| k.text == "bus"), "{k:?}");
    }

    #[test]
    fn no_keywords_from_nothing() {
        assert!(keywords(&[], &Language::new("en"), 5).is_empty());
        assert!(keywords(&TEXT, &Language::new("en"), 0).is_empty());
    }
}
