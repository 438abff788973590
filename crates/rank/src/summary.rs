//! What a summary holds: the picks, and a verdict and a score for every
//! sentence.

use crate::content::NotContent;

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
    /// The text puts its gist first and the summary is short, so it is taken
    /// from the opening; this sentence comes after it.
    AfterLead,
    /// Scored lower than the chosen sentences.
    LowScore,
}

impl Verdict {
    /// A one-word label: `chosen`, `not-content`, `duplicate`, `redundant`,
    /// `over-budget`, `after-lead` or `low-score`.
    ///
    /// ```
    /// use excerpt_rank::Verdict;
    /// assert_eq!(Verdict::OverBudget.label(), "over-budget");
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Chosen => "chosen",
            Verdict::NotContent(_) => "not-content",
            Verdict::Duplicate { .. } => "duplicate",
            Verdict::Redundant { .. } => "redundant",
            Verdict::OverBudget => "over-budget",
            Verdict::AfterLead => "after-lead",
            Verdict::LowScore => "low-score",
        }
    }

    /// The index of the other sentence the verdict refers to, if any.
    ///
    /// ```
    /// use excerpt_rank::Verdict;
    /// assert_eq!(Verdict::Duplicate { of: 4 }.other(), Some(4));
    /// assert_eq!(Verdict::Chosen.other(), None);
    /// ```
    pub fn other(&self) -> Option<usize> {
        match *self {
            Verdict::Duplicate { of } => Some(of),
            Verdict::Redundant { with } => Some(with),
            _ => None,
        }
    }

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
            Verdict::AfterLead => "after the opening of a gist-first text",
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
