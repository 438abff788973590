//! HTML and Markdown documents as a skeleton plus runs of text with inline
//! codes, each with its byte span in the original: segments for
//! translators with the markup kept safe, a byte-exact merge back, and the
//! plain text for summaries.
//!
//! A [`Doc`] is read by a span-reporting reader (pulldown-cmark's offset
//! iterator for Markdown, html5gum's spans for HTML). Everything outside
//! its [`Run`]s is skeleton, copied as it is; inside a run, markup is an
//! inline code ([`Part::Code`]) and text is [`Part::Text`], with character
//! references and escapes decoded. [`Segmented`] cuts runs into sentences
//! and hands them to `excerpt_tm`'s writers; [`merge`] puts a translation
//! back.
//!
//! ```
//! use excerpt_doc::{merge, Doc, Format, Segmented};
//! use excerpt_tm::{read, write, SegmentOptions, TargetMode, WriteOptions};
//!
//! let md = "# Setup\n\nRun `make` first. Then *read* the [guide](g.md).\n";
//! let opts = SegmentOptions::new("en").input(Some("markdown"));
//! let doc = Doc::parse(md, Format::Markdown);
//! let seg = Segmented::new(&doc, &opts);
//! let w = WriteOptions::new("setup.md").target("de", TargetMode::Source);
//! let xliff = write(&seg.document(opts.clone()), excerpt_tm::Format::Xliff(Default::default()), &w).unwrap();
//! assert!(!xliff.contains("`make`</source>"));
//!
//! // An identity translation rebuilds the original byte for byte.
//! let back = merge(md, Format::Markdown, &read(&xliff).unwrap(), &opts).unwrap();
//! assert_eq!(back.text, md);
//! ```

mod html;
mod markdown;
mod merge;
mod model;
mod segments;

pub use merge::{MergeError, merge};
pub use model::{Doc, Format, Part, Role, Run, RunKind};
pub use segments::Segmented;
