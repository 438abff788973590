//! The position prior: how much the order of the text says about importance.
//!
//! A news story puts its gist first; a review or a chapter does not. The text
//! itself decides which it is: when the opening sentences are among the most
//! central of the whole text, the text has a lead and early sentences get a
//! bonus; otherwise the ranking is left to the graph.

use crate::graph::Graph;
use crate::summarizer::Tuning;

/// How strongly the text puts its gist first, in 0..=1.
pub(crate) fn lead_strength(graph: &Graph, centrality: &[f64], tuning: &Tuning) -> f64 {
    let m = graph.len();
    if m < 2 {
        return 0.0;
    }
    // Centrality of the opening sentence relative to the mean (1 = average).
    let opening = centrality[0] * m as f64;
    (tuning.lead_floor + tuning.lead_gain * (opening - 1.0)).clamp(0.0, 1.0)
}

/// Prior weight of the k-th content sentence: 1 for the first, decaying.
pub(crate) fn prior(m: usize, decay: f64) -> Vec<f64> {
    (0..m)
        .map(|k| (-(k as f64) / decay.max(1e-9)).exp())
        .collect()
}
