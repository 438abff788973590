//! The segmentation flags that `segment`, `stats` and `merge` share.

use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::Result;
use excerpt_tm::SegmentOptions;

use crate::input::Source;

/// How sentences are cut.
#[derive(clap::Args, Debug, Default)]
pub struct SegmenterFlags {
    /// Every line break ends a segment (for one-segment-per-line input).
    #[arg(long)]
    pub newline_boundary: bool,

    /// A file of abbreviations (one a line, `#` comments) that extends the
    /// language's own list.
    #[arg(long, value_name = "FILE")]
    pub abbreviations: Option<PathBuf>,

    /// Split a sentence longer than N characters at its best clause boundary
    /// (semicolon, colon, dash, comma, conjunction).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_chars: Option<u64>,

    /// Learn abbreviations and sentence starters from each long text itself
    /// (in the manner of Punkt) before segmenting it.
    #[arg(long)]
    pub learn: bool,

    /// The abbreviation file's entries, read on first use and kept for every
    /// later input file.
    #[arg(skip)]
    abbreviation_list: OnceLock<Vec<String>>,
}

impl SegmenterFlags {
    /// The segmentation options for language `lang`; reads the abbreviation
    /// file, if any.
    pub fn options(&self, lang: &str) -> Result<SegmentOptions> {
        let mut options = SegmentOptions::new(lang)
            .newline_boundary(self.newline_boundary)
            .max_chars(self.max_chars.map(|n| n as usize))
            .learn(self.learn);
        if let Some(path) = &self.abbreviations {
            let list = match self.abbreviation_list.get() {
                Some(list) => list,
                None => {
                    let (text, _) = Source::File(path.clone()).read_text(None)?;
                    self.abbreviation_list
                        .get_or_init(|| excerpt_segment::parse_abbreviations(&text))
                }
            };
            options = options.abbreviations(list.iter().cloned());
        }
        Ok(options)
    }
}
