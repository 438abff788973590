//! The position prior: how much the order of the text says about importance.
//!
//! A news story puts its gist first; a review or a chapter does not. The text
//! itself decides which it is: when its opening sentence is at least about as
//! central as the average sentence, the text is gist-first. A short summary of
//! a gist-first text is then taken from its opening (the budget plus a couple of
//! sentences), ranked by the graph; any other summary is left to the graph,
//! with the opening window's sentences weighted up in proportion to how
//! nearly the text and the budget called for lead mode (a continuous prior,
//! not a switch).

use crate::budget::{Budget, word_count};
use crate::tuning::Tuning;

/// How many sentences `budget` asks for, estimated from the mean length of the
/// sentences `nodes` when the budget counts words or characters.
pub(crate) fn wanted_sentences(budget: Budget, sentences: &[&str], nodes: &[usize]) -> f64 {
    let m = nodes.len().max(1) as f64;
    match budget {
        Budget::Words(w) => {
            let mean = nodes
                .iter()
                .map(|&i| word_count(sentences[i]))
                .sum::<usize>() as f64
                / m;
            w as f64 / mean.max(1.0)
        }
        Budget::Chars(c) => {
            let mean = nodes
                .iter()
                .map(|&i| sentences[i].chars().count())
                .sum::<usize>() as f64
                / m;
            c as f64 / mean.max(1.0)
        }
        _ => budget.sentence_limit(nodes.len()).unwrap_or(0) as f64,
    }
}

/// How strongly a summary of `wanted` sentences should come from the opening,
/// in 0..=1 (0.5 and above: lead mode). It is the lesser of two measures: how
/// high the opening sentence ranks by `centrality` (over the nodes in document
/// order), and how small the summary is next to the text.
pub(crate) fn lead_strength(centrality: &[f64], wanted: f64, tuning: &Tuning) -> f64 {
    let m = centrality.len();
    if m < 2 {
        return 0.0;
    }
    // Share of the sentences at least as central as the opening one.
    let above = centrality[1..]
        .iter()
        .filter(|&&c| c >= centrality[0])
        .count() as f64
        / m as f64;
    let gist_first = (0.5 + (tuning.lead_opening - above) / 0.5).clamp(0.0, 1.0);
    let fraction = wanted / m as f64;
    let short = (0.5 + 0.5 * (tuning.lead_fraction - fraction) / tuning.lead_fraction_width)
        .clamp(0.0, 1.0);
    gist_first.min(short)
}

/// How far a text of `words` words (its ranked sentences) can be gist-first
/// as a whole, in 0..=1: a lead opens an article; a story, a paper or a book
/// is far longer than what one lead can announce, and its summary should
/// cover it from start to end.
pub(crate) fn article_sized(words: usize, tuning: &Tuning) -> f64 {
    let (full, none) = (tuning.article_words, tuning.long_text_words);
    ((none - words as f64) / (none - full).max(1.0)).clamp(0.0, 1.0)
}

/// Whether a text laid out in paragraphs opens with a lead: 1 when it does,
/// or when its layout is unknown (`paragraphs` empty) or too small to say (fewer
/// than three paragraphs with ranked sentences); 0 when the first paragraph
/// with a ranked sentence holds more ranked sentences than a lead paragraph
/// does (`lead_paragraph_sentences`). A headline or a line of page furniture
/// before it is not ranked, so it does not count.
pub(crate) fn opening_paragraph(paragraphs: &[usize], nodes: &[usize], tuning: &Tuning) -> f64 {
    if paragraphs.len() <= nodes.iter().copied().max().unwrap_or(0) {
        return 1.0;
    }
    let mut sizes: Vec<usize> = Vec::new();
    let mut last = None;
    for &i in nodes {
        if last == Some(paragraphs[i]) {
            *sizes.last_mut().expect("a paragraph was started") += 1;
        } else {
            sizes.push(1);
            last = Some(paragraphs[i]);
        }
    }
    if sizes.len() < 3 || sizes[0] as f64 <= tuning.lead_paragraph_sentences {
        1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_opening_and_short_budget_mean_lead_mode() {
        let t = Tuning::default();
        let mut c: Vec<f64> = (0..20).map(|i| 0.05 + 0.001 * i as f64).collect();
        c[0] = 0.1; // the most central
        assert!(lead_strength(&c, 3.0, &t) >= 0.5);
        // A long summary is left to the graph.
        assert!(lead_strength(&c, 10.0, &t) < 0.5);
        // An opening below average is not a lead.
        c[0] = 0.01;
        assert!(lead_strength(&c, 3.0, &t) < 0.5);
    }

    #[test]
    fn a_quarter_of_the_text_states_its_gist_and_a_third_condenses_it() {
        let t = Tuning::default();
        let mut c = vec![0.05; 12];
        c[0] = 0.1; // a gist-first text of twelve sentences
        assert!(lead_strength(&c, 3.0, &t) > 0.99);
        assert_eq!(lead_strength(&c, 5.0, &t), 0.0);
        let between = lead_strength(&c, 3.6, &t);
        assert!(between > 0.4 && between < 0.6, "{between}");
    }

    #[test]
    fn long_texts_have_no_single_lead() {
        let t = Tuning::default();
        assert_eq!(article_sized(600, &t), 1.0);
        assert_eq!(article_sized(20_000, &t), 0.0);
        let mid = article_sized(((t.article_words + t.long_text_words) / 2.0) as usize, &t);
        assert!(mid > 0.4 && mid < 0.6, "{mid}");
    }

    #[test]
    fn a_long_opening_paragraph_is_not_a_lead() {
        let t = Tuning::default();
        let nodes: Vec<usize> = (0..12).collect();
        // A pile of four-sentence pieces.
        let pieces = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
        assert_eq!(opening_paragraph(&pieces, &nodes, &t), 0.0);
        // A one-sentence lead, then body paragraphs.
        let story = [0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3];
        assert_eq!(opening_paragraph(&story, &nodes, &t), 1.0);
        // A headline paragraph that is not ranked does not count.
        let headed = [0, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4];
        assert_eq!(opening_paragraph(&headed, &nodes[1..], &t), 1.0);
        // Unknown layout, or too few paragraphs to tell.
        assert_eq!(opening_paragraph(&[], &nodes, &t), 1.0);
        let two = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        assert_eq!(opening_paragraph(&two, &nodes, &t), 1.0);
    }

    #[test]
    fn word_budgets_are_turned_into_sentences() {
        let s = ["one two three four", "five six seven eight"];
        assert_eq!(wanted_sentences(Budget::Words(8), &s, &[0, 1]), 2.0);
        assert_eq!(wanted_sentences(Budget::Sentences(1), &s, &[0, 1]), 1.0);
    }
}
