//! The sentence graph and its ranking.
//!
//! The similarity of two sentences is a sum over the terms they share, so the
//! matrix of all similarities factorises as `W = Q · Dᵀ`, where the rows of `Q`
//! (the sentence as a query) and `D` (the sentence as a document) are sparse
//! term vectors. Weighted PageRank then needs only products with `Q` and `D`:
//! each power iteration costs time linear in the number of (sentence, term)
//! pairs, and no n-by-n matrix is ever built, however long the text.

use crate::terms::TermMatrix;
use rayon::prelude::*;

/// Sentences with at least this many nodes are ranked with rayon.
const PARALLEL_NODES: usize = 2048;

/// A sparse row: (term id, weight), sorted by term id.
pub(crate) type SparseRow = Vec<(u32, f64)>;

/// How edge weights are computed from shared terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum EdgeWeights {
    /// TextRank's overlap: shared terms over the (geometric) log-lengths.
    Overlap,
    /// Okapi BM25 with Lucene's always-positive idf: `k1`, `b`.
    Bm25 { k1: f64, b: f64 },
    /// Cosine of the term-count vectors.
    Cosine,
}

/// The factorised similarity graph over a subset of the sentences.
#[derive(Clone, Debug)]
pub(crate) struct Graph {
    /// Sentence index of every node.
    pub nodes: Vec<usize>,
    /// Query vectors (rows of Q).
    pub query: Vec<SparseRow>,
    /// Document vectors (rows of D).
    pub document: Vec<SparseRow>,
    vocabulary: usize,
}

/// The length norm of TextRank's overlap for a sentence with `terms`
/// distinct terms, `√ln(1 + terms)`: each of its terms weighs one over it,
/// so an edge weighs the shared terms over the geometric mean of the two
/// sentences' log-lengths.
pub(crate) fn overlap_norm(terms: usize) -> f64 {
    (1.0 + terms as f64).ln().max(f64::MIN_POSITIVE).sqrt()
}

/// Okapi BM25's idf in Lucene's always-positive form, for a term found in
/// `df` of `n` sentences.
pub(crate) fn bm25_idf(n: f64, df: f64) -> f64 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

pub(crate) fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl Graph {
    /// The graph over the sentences `nodes` of `matrix`.
    pub fn build(matrix: &TermMatrix, nodes: Vec<usize>, weights: EdgeWeights) -> Graph {
        let vocabulary = matrix.vocabulary_size();
        let (query, document) = match weights {
            EdgeWeights::Overlap => {
                let rows: Vec<SparseRow> = nodes
                    .iter()
                    .map(|&i| {
                        let w = 1.0 / overlap_norm(matrix.rows[i].len());
                        matrix.rows[i].iter().map(|&(t, _)| (t, w)).collect()
                    })
                    .collect();
                (rows.clone(), rows)
            }
            EdgeWeights::Cosine => {
                let rows: Vec<SparseRow> = nodes
                    .iter()
                    .map(|&i| {
                        let row = &matrix.rows[i];
                        let norm = row
                            .iter()
                            .map(|&(_, c)| f64::from(c) * f64::from(c))
                            .sum::<f64>()
                            .sqrt()
                            .max(f64::MIN_POSITIVE);
                        row.iter().map(|&(t, c)| (t, f64::from(c) / norm)).collect()
                    })
                    .collect();
                (rows.clone(), rows)
            }
            EdgeWeights::Bm25 { k1, b } => {
                let n = nodes.len() as f64;
                let mut df = vec![0u32; vocabulary];
                for &i in &nodes {
                    for &(t, _) in &matrix.rows[i] {
                        df[t as usize] += 1;
                    }
                }
                let total: f64 = nodes.iter().map(|&i| matrix.lengths[i] as f64).sum();
                let average = (total / n.max(1.0)).max(1.0);
                let query = nodes
                    .iter()
                    .map(|&i| {
                        matrix.rows[i]
                            .iter()
                            .map(|&(t, _)| (t, bm25_idf(n, df[t as usize] as f64)))
                            .collect()
                    })
                    .collect();
                let document = nodes
                    .iter()
                    .map(|&i| {
                        let norm = k1 * (1.0 - b + b * matrix.lengths[i] as f64 / average);
                        matrix.rows[i]
                            .iter()
                            .map(|&(t, tf)| {
                                let tf = tf as f64;
                                (t, tf * (k1 + 1.0) / (tf + norm))
                            })
                            .collect()
                    })
                    .collect();
                (query, document)
            }
        };
        Graph {
            nodes,
            query,
            document,
            vocabulary,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The weight of the edge from node `a` to node `b` (0 for a = b).
    #[cfg(test)]
    pub fn weight(&self, a: usize, b: usize) -> f64 {
        if a == b {
            0.0
        } else {
            dot(&self.query[a], &self.document[b])
        }
    }

    /// Σ over nodes of their document vectors.
    fn document_sum(&self) -> Vec<f64> {
        let mut sum = vec![0.0; self.vocabulary];
        for row in &self.document {
            for &(t, w) in row {
                sum[t as usize] += w;
            }
        }
        sum
    }

    /// Weighted PageRank with teleport distribution `teleport` (sums to 1),
    /// damping `damping`; returns one score per node, summing to 1.
    pub fn pagerank(&self, teleport: &[f64], damping: f64) -> Vec<f64> {
        self.pagerank_on(teleport, damping, self.len() >= PARALLEL_NODES)
    }

    fn pagerank_on(&self, teleport: &[f64], damping: f64, parallel: bool) -> Vec<f64> {
        let m = self.len();
        if m == 0 {
            return Vec::new();
        }
        let total = self.document_sum();
        let self_weight: Vec<f64> =
            map_nodes(parallel, m, |i| dot(&self.query[i], &self.document[i]));
        // Out-degree of node i: Σ_j≠i q_i·d_j.
        let degree: Vec<f64> = map_nodes(parallel, m, |i| {
            let out: f64 = self.query[i]
                .iter()
                .map(|&(t, w)| w * total[t as usize])
                .sum();
            (out - self_weight[i]).max(0.0)
        });
        let mut rank = teleport.to_vec();
        let mut flow = vec![0.0; m];
        let mut spread = vec![0.0; self.vocabulary];
        for _ in 0..200 {
            let mut dangling = 0.0;
            for i in 0..m {
                if degree[i] > 1e-12 {
                    flow[i] = rank[i] / degree[i];
                } else {
                    flow[i] = 0.0;
                    dangling += rank[i];
                }
            }
            // y = Qᵀ · flow, a vector over terms.
            if parallel {
                spread = self
                    .query
                    .par_iter()
                    .zip(flow.par_iter())
                    .with_min_len(256)
                    .fold(
                        || vec![0.0; self.vocabulary],
                        |mut acc, (row, &f)| {
                            add_row(&mut acc, row, f);
                            acc
                        },
                    )
                    .reduce(
                        || vec![0.0; self.vocabulary],
                        |mut a, b| {
                            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                            a
                        },
                    );
            } else {
                spread.iter_mut().for_each(|x| *x = 0.0);
                for (row, &f) in self.query.iter().zip(&flow) {
                    add_row(&mut spread, row, f);
                }
            }
            let next: Vec<f64> = map_nodes(parallel, m, |i| {
                let incoming: f64 = self.document[i]
                    .iter()
                    .map(|&(t, w)| w * spread[t as usize])
                    .sum::<f64>()
                    - self_weight[i] * flow[i];
                (1.0 - damping + damping * dangling) * teleport[i] + damping * incoming.max(0.0)
            });
            let sum: f64 = next.iter().sum();
            let mut change = 0.0;
            for i in 0..m {
                let v = next[i] / sum;
                change += (v - rank[i]).abs();
                rank[i] = v;
            }
            if change < 1e-7 {
                break;
            }
        }
        rank
    }
}

fn add_row(acc: &mut [f64], row: &[(u32, f64)], f: f64) {
    if f != 0.0 {
        for &(t, w) in row {
            acc[t as usize] += w * f;
        }
    }
}

fn map_nodes(parallel: bool, m: usize, f: impl Fn(usize) -> f64 + Sync + Send) -> Vec<f64> {
    if parallel {
        (0..m).into_par_iter().with_min_len(256).map(f).collect()
    } else {
        (0..m).map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    fn graph(sentences: &[&str], weights: EdgeWeights) -> Graph {
        let matrix = TermMatrix::build(sentences, &Language::new("en"));
        Graph::build(&matrix, (0..sentences.len()).collect(), weights)
    }

    /// Dense PageRank over the explicit weights, for comparison.
    fn dense_pagerank(g: &Graph, teleport: &[f64], damping: f64) -> Vec<f64> {
        let m = g.len();
        let w: Vec<Vec<f64>> = (0..m)
            .map(|a| (0..m).map(|b| g.weight(a, b)).collect())
            .collect();
        let mut r = teleport.to_vec();
        for _ in 0..500 {
            let mut next = vec![0.0; m];
            let mut dangling = 0.0;
            for a in 0..m {
                let deg: f64 = w[a].iter().sum();
                if deg <= 1e-12 {
                    dangling += r[a];
                    continue;
                }
                for b in 0..m {
                    next[b] += damping * r[a] * w[a][b] / deg;
                }
            }
            for b in 0..m {
                next[b] += (1.0 - damping + damping * dangling) * teleport[b];
            }
            let s: f64 = next.iter().sum();
            r = next.into_iter().map(|x| x / s).collect();
        }
        r
    }

    const TEXT: [&str; 5] = [
        "The harbour cranes lifted containers all night.",
        "Containers from the harbour went by rail to the capital.",
        "Rail workers unloaded the containers in the capital.",
        "A gull watched.",
        "The capital welcomed the harbour trade and the rail link.",
    ];

    #[test]
    fn factorised_pagerank_matches_dense_pagerank() {
        for weights in [
            EdgeWeights::Overlap,
            EdgeWeights::Bm25 { k1: 1.2, b: 0.75 },
            EdgeWeights::Cosine,
        ] {
            let g = graph(&TEXT, weights);
            let teleport = vec![0.2; 5];
            let fast = g.pagerank(&teleport, 0.85);
            let slow = dense_pagerank(&g, &teleport, 0.85);
            for (a, b) in fast.iter().zip(&slow) {
                assert!((a - b).abs() < 1e-5, "{fast:?} vs {slow:?}");
            }
        }
    }

    #[test]
    fn isolated_sentence_ranks_lowest() {
        let g = graph(&TEXT, EdgeWeights::Overlap);
        let r = g.pagerank(&[0.2; 5], 0.85);
        let lowest = (0..5).min_by(|&a, &b| r[a].total_cmp(&r[b])).unwrap();
        assert_eq!(lowest, 3);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn overlap_is_symmetric_and_bm25_is_not_required_to_be() {
        let g = graph(&TEXT, EdgeWeights::Overlap);
        assert_eq!(g.weight(0, 1), g.weight(1, 0));
        assert!(g.weight(0, 1) > 0.0);
        assert_eq!(g.weight(0, 3), 0.0);
    }

    #[test]
    fn cosine_is_the_cosine_of_term_counts() {
        let text = ["Rail and rail and harbour.", "Harbour rail.", "A gull."];
        let g = graph(&text, EdgeWeights::Cosine);
        // "rail" twice and "harbour" once against each once: 3 / (√5 · √2)
        let expected = 3.0 / (5.0f64.sqrt() * 2.0f64.sqrt());
        assert!(
            (g.weight(0, 1) - expected).abs() < 1e-12,
            "{}",
            g.weight(0, 1)
        );
        assert_eq!(g.weight(0, 1), g.weight(1, 0));
        assert_eq!(g.weight(0, 2), 0.0);
    }

    #[test]
    fn parallel_and_sequential_ranking_agree() {
        let sentences: Vec<String> = (0..PARALLEL_NODES + 10)
            .map(|i| format!("Word{} word{} shared term{}.", i % 97, i % 13, i % 7))
            .collect();
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let g = graph(&refs, EdgeWeights::Overlap);
        let m = g.len();
        let teleport = vec![1.0 / m as f64; m];
        let parallel = g.pagerank_on(&teleport, 0.85, true);
        let sequential = g.pagerank_on(&teleport, 0.85, false);
        for (a, b) in parallel.iter().zip(&sequential) {
            assert!((a - b).abs() < 1e-9);
        }
        assert!((parallel.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
