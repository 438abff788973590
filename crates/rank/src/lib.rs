//! Extractive summaries by graph ranking.
//!
//! Give the summariser a text's sentences (as string slices, in order) and a
//! budget; it returns the sentences that best cover the text, in document
//! order, with a score and a verdict for every sentence.
//!
//! How it works:
//! 1. Every sentence becomes a bag of terms: Unicode words, lower-cased, stop
//!    words dropped, Snowball stems (character pairs for Chinese and Japanese).
//! 2. Page furniture (headlines, bylines, menus, lists of other stories) is
//!    recognised by its shape and left out; repeated sentences count once.
//! 3. Sentences are ranked by weighted PageRank over their similarities,
//!    computed from an inverted index over terms, never as an n-by-n matrix.
//! 4. A position prior favours the opening when the text has a lead.
//! 5. The best sentences that fit the budget are chosen, skipping any that
//!    repeat a chosen one.
//!
//! ```
//! use excerpt_rank::{Budget, Summarizer};
//!
//! let sentences = [
//!     "The city opened its first night bus line on Friday.",
//!     "The night bus runs every twenty minutes from midnight.",
//!     "A night bus ticket costs the same as a day ticket.",
//!     "The weather was mild.",
//! ];
//! let summary = Summarizer::new("en").summarize(&sentences, Budget::Sentences(1));
//! assert_eq!(summary.picks.len(), 1);
//! assert_ne!(summary.picks[0].index, 3);
//! ```

mod budget;
mod content;
mod duplicates;
mod graph;
mod keywords;
mod language;
mod position;
mod run_on;
mod select;
mod summarizer;
mod summary;
mod terms;
mod text;
mod tuning;

pub use budget::{Budget, char_count, word_count};
pub use content::{NotContent, headline};
pub use keywords::Keyword;
pub use language::Language;
pub use summarizer::{Similarity, Summarizer};
pub use summary::{Pick, Summary, Verdict};
pub use text::{
    Chosen, TextSummarizer, TextSummary, display_prefix, list_marker_prefix, omission_prefix,
};
#[doc(hidden)]
pub use tuning::Tuning;
