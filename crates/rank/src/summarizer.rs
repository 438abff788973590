//! The summariser: content filter, duplicate folding, graph ranking with a
//! position prior, and selection under a budget.

use crate::budget::{Budget, Meter};
use crate::content::{self, NotContent, Shape};
use crate::duplicates;
use crate::graph::{EdgeWeights, Graph};
use crate::language::Language;
use crate::position;
use crate::terms::{TermMatrix, is_cjk};

/// The similarity between two sentences that weighs the graph's edges.
///
/// ```
/// use excerpt_rank::{Similarity, Summarizer};
/// let s = Summarizer::new("en").with_similarity(Similarity::Bm25);
/// assert_eq!(s.similarity(), Similarity::Bm25);
/// assert_eq!(Similarity::default(), Similarity::Overlap);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Similarity {
    /// TextRank's word overlap: shared terms over the lengths' logarithms.
    #[default]
    Overlap,
    /// Okapi BM25 of one sentence as a query against the other (Barrios et al. 2016).
    Bm25,
}

/// A chosen sentence.
///
/// ```
/// use excerpt_rank::Pick;
/// let p = Pick { index: 2, score: 0.5 };
/// assert_eq!(p.index, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pick {
    /// Index of the sentence in the input slice.
    pub index: usize,
    /// Its score.
    pub score: f64,
}

/// Why a sentence was or was not chosen.
///
/// ```
/// use excerpt_rank::{Budget, Summarizer, Verdict};
///
/// let text = ["Rain fell on the valley all day.", "Rain fell on the valley all day.", "Rivers rose."];
/// let summary = Summarizer::new("en").summarize(&text, Budget::Sentences(1));
/// assert_eq!(summary.verdicts[0], Verdict::Chosen);
/// assert_eq!(summary.verdicts[1], Verdict::Duplicate { of: 0 });
/// assert_eq!(summary.verdicts[1].reason(), "repeats an earlier sentence");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// In the summary.
    Chosen,
    /// Not article text (heading, byline, navigation, outside the body).
    NotContent(NotContent),
    /// Identical or near-identical to the earlier sentence `of`.
    Duplicate {
        /// Index of the sentence it repeats.
        of: usize,
    },
    /// Says again much of what the chosen sentence `with` says.
    Redundant {
        /// Index of the chosen sentence it overlaps.
        with: usize,
    },
    /// Scored high enough but did not fit in what was left of the budget.
    OverBudget,
    /// Scored lower than the chosen sentences.
    LowScore,
}

impl Verdict {
    /// A short explanation for people.
    ///
    /// ```
    /// use excerpt_rank::Verdict;
    /// assert_eq!(Verdict::LowScore.reason(), "lower score than the chosen sentences");
    /// ```
    pub fn reason(&self) -> &'static str {
        match self {
            Verdict::Chosen => "chosen",
            Verdict::NotContent(why) => why.reason(),
            Verdict::Duplicate { .. } => "repeats an earlier sentence",
            Verdict::Redundant { .. } => "overlaps a chosen sentence",
            Verdict::OverBudget => "does not fit in the remaining budget",
            Verdict::LowScore => "lower score than the chosen sentences",
        }
    }
}

/// The result of [`Summarizer::summarize`].
///
/// ```
/// use excerpt_rank::{Budget, Summarizer};
/// let s = Summarizer::new("en").summarize(&[], Budget::Sentences(3));
/// assert!(s.picks.is_empty() && s.scores.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// One score per input sentence (0 for sentences that are not article text).
    pub scores: Vec<f64>,
    /// The chosen sentences, in document order.
    pub picks: Vec<Pick>,
    /// One verdict per input sentence.
    pub verdicts: Vec<Verdict>,
    /// How strongly the text puts its gist first, from 0 (not at all) to 1
    /// (a news lead); it sets the weight of the position prior.
    pub lead_strength: f64,
}

/// Knobs of the ranking, for experiments; the defaults are what the
/// summariser uses.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// PageRank damping.
    pub damping: f64,
    /// Score factor for questions (addressed to the reader, rarely the gist).
    pub question_penalty: f64,
    /// Graph mode: exponent of the length normalisation.
    pub graph_length_exponent: f64,
    /// Graph mode: cosine above which a sentence repeats a chosen one.
    pub graph_redundancy: f64,
    /// Lead mode: exponent of the length normalisation.
    pub lead_length_exponent: f64,
    /// Lead mode: cosine above which a sentence repeats a chosen one.
    pub lead_redundancy: f64,
    /// Lead mode: the opening window holds the budget plus this many sentences.
    pub lead_extra: f64,
    /// Opening centrality (1 = average) at which a text counts as gist-first.
    pub lead_opening: f64,
    /// Budget fraction of the text up to which a summary counts as short.
    pub lead_fraction: f64,
    /// BM25 `k1`.
    pub bm25_k1: f64,
    /// BM25 `b`.
    pub bm25_b: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            damping: 0.85,
            question_penalty: 0.5,
            graph_length_exponent: 0.15,
            graph_redundancy: 0.9,
            lead_length_exponent: 0.3,
            lead_redundancy: 0.4,
            lead_extra: 2.0,
            lead_opening: 0.3,
            lead_fraction: 0.3,
            bm25_k1: 1.2,
            bm25_b: 0.75,
        }
    }
}

/// Summarises a list of sentences.
///
/// ```
/// use excerpt_rank::{Budget, Summarizer};
///
/// let sentences = [
///     "The village library reopened on Saturday after a year of repairs.",
///     "Volunteers painted the reading room and fixed the roof.",
///     "The library now opens on Sundays too.",
///     "A bakery across the street sold out of bread.",
/// ];
/// let summary = Summarizer::new("en").summarize(&sentences, Budget::Sentences(2));
/// assert_eq!(summary.picks.len(), 2);
/// assert!(summary.picks[0].index < summary.picks[1].index); // document order
/// assert!(summary.picks.iter().any(|p| p.index == 0));
/// ```
#[derive(Clone, Debug)]
pub struct Summarizer {
    lang: Language,
    similarity: Similarity,
    tuning: Tuning,
}

impl Summarizer {
    /// A summariser for the language with ISO 639-1 code `lang`. Any code is
    /// accepted; an unknown one means no stemming and no stop words.
    ///
    /// ```
    /// assert_eq!(excerpt_rank::Summarizer::new("fr").lang(), "fr");
    /// ```
    pub fn new(lang: &str) -> Summarizer {
        Summarizer {
            lang: Language::new(lang),
            similarity: Similarity::Overlap,
            tuning: Tuning::default(),
        }
    }

    /// Sets the similarity measure.
    ///
    /// ```
    /// use excerpt_rank::{Similarity, Summarizer};
    /// let s = Summarizer::new("en").with_similarity(Similarity::Bm25);
    /// assert_eq!(s.similarity(), Similarity::Bm25);
    /// ```
    pub fn with_similarity(mut self, similarity: Similarity) -> Summarizer {
        self.similarity = similarity;
        self
    }

    #[doc(hidden)]
    pub fn with_tuning(mut self, tuning: Tuning) -> Summarizer {
        self.tuning = tuning;
        self
    }

    /// The language code.
    ///
    /// ```
    /// assert_eq!(excerpt_rank::Summarizer::new("de").lang(), "de");
    /// ```
    pub fn lang(&self) -> &str {
        self.lang.code()
    }

    /// The similarity measure.
    ///
    /// ```
    /// use excerpt_rank::{Similarity, Summarizer};
    /// assert_eq!(Summarizer::new("en").similarity(), Similarity::Overlap);
    /// ```
    pub fn similarity(&self) -> Similarity {
        self.similarity
    }

    /// The language.
    ///
    /// ```
    /// assert!(excerpt_rank::Summarizer::new("en").language().has_stemmer());
    /// ```
    pub fn language(&self) -> &Language {
        &self.lang
    }

    /// Scores `sentences` and picks the best under `budget`, in document order.
    ///
    /// See [`Summarizer`] for an example.
    pub fn summarize(&self, sentences: &[&str], budget: Budget) -> Summary {
        let n = sentences.len();
        if n == 0 {
            return Summary::default();
        }
        let t = &self.tuning;
        let bigrams = self.lang.uses_character_bigrams();
        let cjk: Vec<bool> = sentences
            .iter()
            .map(|s| bigrams || s.chars().any(is_cjk))
            .collect();
        let not_content = content::classify(sentences, &cjk);
        let matrix = TermMatrix::build(sentences, &self.lang);

        let mut content: Vec<usize> = (0..n).filter(|&i| not_content[i].is_none()).collect();
        if content.is_empty() {
            content = (0..n)
                .filter(|&i| !sentences[i].trim().is_empty())
                .collect();
        }
        let repeats = duplicates::find(sentences, &matrix, &content);
        let nodes: Vec<usize> = content
            .iter()
            .copied()
            .filter(|&i| repeats[i].is_none())
            .collect();

        let weights = match self.similarity {
            Similarity::Overlap => EdgeWeights::Overlap,
            Similarity::Bm25 => EdgeWeights::Bm25 {
                k1: t.bm25_k1,
                b: t.bm25_b,
            },
        };
        let graph = Graph::build(&matrix, nodes, weights);
        let m = graph.len();
        let uniform = vec![1.0 / m.max(1) as f64; m];
        let centrality = graph.pagerank(&uniform, t.damping);

        // Mode: a short summary of a gist-first text comes from its opening.
        let mean_len = graph
            .nodes
            .iter()
            .map(|&i| matrix.lengths[i] as f64)
            .sum::<f64>()
            / m.max(1) as f64;
        let wanted = position::wanted_sentences(budget, sentences, &graph.nodes);
        let lead_strength = position::lead_strength(&centrality, wanted, t);
        let lead = lead_strength >= 0.5;
        let (length_exponent, redundancy) = if lead {
            (t.lead_length_exponent, t.lead_redundancy)
        } else {
            (t.graph_length_exponent, t.graph_redundancy)
        };
        let window = if lead {
            (wanted + t.lead_extra).ceil() as usize
        } else {
            m
        };

        let mut scores = vec![0.0; n];
        for (k, &i) in graph.nodes.iter().enumerate() {
            let c = centrality[k] * m as f64;
            let rel_len = (matrix.lengths[i] as f64 / mean_len.max(1.0)).max(0.1);
            let mut s = c / rel_len.powf(length_exponent);
            if Shape::of(sentences[i]).question {
                s *= t.question_penalty;
            }
            if k >= window {
                // Outside the opening of a gist-first text: ranked after it.
                s *= 1e-3;
            }
            scores[i] = s;
        }
        for i in 0..n {
            if let Some(j) = repeats[i] {
                scores[i] = scores[j];
            }
        }

        let verdicts = self.select(
            sentences,
            &matrix,
            &graph,
            &scores,
            &not_content,
            &repeats,
            budget,
            redundancy,
        );
        let picks = (0..n)
            .filter(|&i| verdicts[i] == Verdict::Chosen)
            .map(|index| Pick {
                index,
                score: scores[index],
            })
            .collect();
        Summary {
            scores,
            picks,
            verdicts,
            lead_strength,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn select(
        &self,
        sentences: &[&str],
        matrix: &TermMatrix,
        graph: &Graph,
        scores: &[f64],
        not_content: &[Option<NotContent>],
        repeats: &[Option<usize>],
        budget: Budget,
        redundancy: f64,
    ) -> Vec<Verdict> {
        let n = sentences.len();
        let mut verdicts: Vec<Verdict> = (0..n)
            .map(|i| match (not_content[i], repeats[i]) {
                (_, Some(of)) => Verdict::Duplicate { of },
                (Some(why), None) if !graph.nodes.contains(&i) => Verdict::NotContent(why),
                _ => Verdict::LowScore,
            })
            .collect();
        let mut order: Vec<usize> = graph.nodes.clone();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut meter = Meter::new(budget, graph.len());
        let mut chosen: Vec<usize> = Vec::new();
        for i in order {
            if meter.is_full() {
                break;
            }
            if let Some(&with) = chosen
                .iter()
                .find(|&&j| cosine(&matrix.rows[i], &matrix.rows[j]) > redundancy)
            {
                verdicts[i] = Verdict::Redundant { with };
                continue;
            }
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
