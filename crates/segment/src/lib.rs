//! Sentence segmentation that never loses a byte.
//!
//! A [`Segmenter`] is built once for a language and then used on many texts.
//! [`Segmenter::segment`] returns an iterator of [`Sentence`]s: byte spans into
//! the input. The spans, together with the whitespace between them, rebuild the
//! input exactly.
//!
//! ```
//! use excerpt_segment::Segmenter;
//!
//! let seg = Segmenter::new("en");
//! let text = "Dr. Watson arrived at 3 p.m. on Friday. He was late.";
//! let sentences: Vec<&str> = seg.segment(text).map(|s| s.as_str()).collect();
//! assert_eq!(sentences, ["Dr. Watson arrived at 3 p.m. on Friday.", "He was late."]);
//! ```

mod segmenter;
mod sentence;

pub use segmenter::{Segmenter, SegmenterBuilder, Sentences};
pub use sentence::Sentence;
