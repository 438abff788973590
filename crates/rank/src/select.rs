//! Selection under a budget: the best sentences first, none that repeats a
//! chosen one, and of two that say the same the earlier.

use crate::budget::{Budget, Meter};
use crate::content::NotContent;
use crate::graph::Graph;
use crate::summary::Verdict;
use crate::terms::TermMatrix;

/// The verdict on every sentence: [`Verdict::Chosen`] for those that fill
/// `budget`, taken best first from the opening `window` of the graph's
/// nodes and then from the rest; a sentence whose cosine with a chosen one
/// exceeds `redundancy` is left out. The scores and the other per-sentence
/// slices are indexed by sentence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn select(
    sentences: &[&str],
    matrix: &TermMatrix,
    graph: &Graph,
    scores: &[f64],
    run_ons: &[usize],
    not_content: &[Option<NotContent>],
    repeats: &[Option<usize>],
    budget: Budget,
    redundancy: f64,
    window: usize,
    earlier_copy_score: f64,
) -> Vec<Verdict> {
    let n = sentences.len();
    let mut verdicts: Vec<Verdict> = (0..n)
        .map(|i| match (not_content[i], repeats[i]) {
            (_, Some(of)) => Verdict::Duplicate { of },
            (Some(why), None) if !graph.nodes.contains(&i) => Verdict::NotContent(why),
            _ => Verdict::LowScore,
        })
        .collect();
    // The opening window first (all nodes when there is no lead), each
    // part best first.
    let mut order: Vec<(bool, usize)> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(k, &i)| (k >= window, i))
        .collect();
    order.sort_by(|&(wa, a), &(wb, b)| {
        wa.cmp(&wb)
            .then(scores[b].total_cmp(&scores[a]))
            .then(a.cmp(&b))
    });
    let mut meter = Meter::new(budget, graph.len());
    let mut chosen: Vec<usize> = Vec::new();
    for (after_lead, i) in order {
        if chosen.contains(&i) {
            // Taken earlier in place of a later sentence that repeats it.
            continue;
        }
        if meter.is_full() {
            if after_lead {
                verdicts[i] = Verdict::AfterLead;
            }
            continue;
        }
        if let Some(&with) = chosen
            .iter()
            .find(|&&j| cosine(&matrix.rows[i], &matrix.rows[j]) > redundancy)
        {
            verdicts[i] = Verdict::Redundant { with };
            continue;
        }
        // Of two sentences that say the same, the earlier is the one to
        // show: a caption that repeats a lead and runs on into the next
        // sentence ranks higher than the lead it repeats, yet the lead
        // is the clean statement. The earlier one must be as clean (no
        // more caption marks) and still a statement of weight (a short
        // line such as "Here is how it worked:" overlaps much by chance).
        let i = graph
            .nodes
            .iter()
            .take_while(|&&h| h < i)
            .copied()
            .find(|&h| {
                matches!(verdicts[h], Verdict::LowScore)
                    && run_ons[h] <= run_ons[i]
                    && scores[h] >= earlier_copy_score * scores[i]
                    && cosine(&matrix.rows[h], &matrix.rows[i]) > redundancy
                    && !chosen
                        .iter()
                        .any(|&j| cosine(&matrix.rows[h], &matrix.rows[j]) > redundancy)
                    && meter.fits(sentences[h])
            })
            .map_or(i, |h| {
                verdicts[i] = Verdict::Redundant { with: h };
                h
            });
        if !meter.fits(sentences[i]) {
            verdicts[i] = Verdict::OverBudget;
            continue;
        }
        meter.take(sentences[i]);
        verdicts[i] = Verdict::Chosen;
        chosen.push(i);
    }
    verdicts
}

/// Cosine similarity of two term-count rows.
pub(crate) fn cosine(a: &[(u32, u32)], b: &[(u32, u32)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += (a[i].1 * b[j].1) as f64;
                i += 1;
                j += 1;
            }
        }
    }
    let norm = |r: &[(u32, u32)]| r.iter().map(|&(_, c)| (c * c) as f64).sum::<f64>().sqrt();
    let d = norm(a) * norm(b);
    if d == 0.0 { 0.0 } else { dot / d }
}
