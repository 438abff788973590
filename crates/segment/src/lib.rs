//! Sentence segmentation that never loses a byte.
//!
//! A [`Segmenter`] is built once for a language and then used on many texts.
//! [`Segmenter::segment`] returns a lazy iterator of [`Sentence`]s: byte
//! spans into the input. The spans, together with the whitespace between
//! them, rebuild the input exactly.
//!
//! ```
//! use excerpt_segment::Segmenter;
//!
//! let seg = Segmenter::new("en");
//! let text = "Dr. Watson arrived at 3 p.m. on Friday. He was late.";
//! let sentences: Vec<&str> = seg.segment(text).map(|s| s.as_str()).collect();
//! assert_eq!(sentences, ["Dr. Watson arrived at 3 p.m. on Friday.", "He was late."]);
//! ```
//!
//! # How it decides
//!
//! The text is cut into paragraphs at blank lines. Each paragraph is scanned
//! once for candidate terminators; the rules run only there:
//!
//! - script full stops (`。` `।` `።` `။` `។` `۔` `։` ...) always end a
//!   sentence, unless inside brackets or a quotation that goes on;
//! - `?` and `!` end one unless a comma, a dash-led attribution or (for `!`
//!   and quoted questions) a lower-case word follows;
//! - a period is weighed against the word before it (abbreviations of the
//!   language, initials, initialisms, numbers and ordinals, list markers)
//!   and the word after it (lower case, a number, a month, a sentence
//!   starter); in scripts without capitals the shape of the word decides
//!   (a single syllable in Tamil or Telugu, a Latin letter's name in
//!   Devanagari is an initial);
//! - single line breaks end a sentence where the paragraph's lines do not
//!   look hard-wrapped, and before list items.
//!
//! Thai and Lao mark sentence ends with a space, which they also use between
//! phrases; the segmenter does not split at spaces, so in those scripts it
//! ends sentences only at explicit punctuation, line breaks and blank lines.

mod abbrev;
mod aksara;
mod chars;
mod learn;
mod lines;
mod offsets;
mod paragraphs;
mod profile;
mod rules;
mod segmenter;
mod sentence;
mod split_long;

pub use abbrev::{Abbreviations, builtin_abbreviations, parse_abbreviations};
pub use offsets::CharOffsets;
pub use segmenter::{Segmenter, SegmenterBuilder, Sentences};
pub use sentence::Sentence;

/// Texts shorter than this many bytes are not learned from (see
/// [`SegmenterBuilder::learn`]): too few examples to count.
///
/// ```
/// assert!(excerpt_segment::LEARN_MIN_BYTES >= 1000);
/// ```
pub const LEARN_MIN_BYTES: usize = 20_000;
