//! The segmentation flags that `segment`, `stats` and `merge` share.

use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::{Context, Result};
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

    /// Cut with the rules of an SRX 2.0 file, exactly as LanguageTool's
    /// engine (loomchild) cuts with them; `--lang` is the code its language
    /// maps are matched against (e.g. `en_two` for LanguageTool's file).
    #[arg(long, value_name = "FILE")]
    pub srx: Option<PathBuf>,

    /// The regex flags the SRX rules are compiled with, as a CAT tool does:
    /// lt (none: LanguageTool), omegat or okapi.
    #[arg(long, value_name = "TOOL", default_value = "lt", requires = "srx")]
    pub srx_flags: excerpt_srx::Dialect,

    /// The SRX segmenters compiled so far, by language code.
    #[arg(skip)]
    srx_segmenters: std::sync::Mutex<Vec<(String, excerpt_srx::Segmenter)>>,

    /// The SRX file, read on first use.
    #[arg(skip)]
    srx_document: OnceLock<excerpt_srx::SrxDocument>,

    /// The abbreviation file's entries, read on first use and kept for every
    /// later input file.
    #[arg(skip)]
    abbreviation_list: OnceLock<Vec<String>>,
}

impl SegmenterFlags {
    /// The SRX segmenter for language code `code` when `--srx` is given; the
    /// file is read and each code's rules compiled once.
    pub fn srx_segmenter(&self, code: &str) -> Result<Option<excerpt_srx::Segmenter>> {
        let Some(path) = &self.srx else {
            return Ok(None);
        };
        let mut cache = self
            .srx_segmenters
            .lock()
            .map_err(|_| anyhow::anyhow!("SRX cache poisoned"))?;
        if let Some((_, seg)) = cache.iter().find(|(c, _)| c == code) {
            return Ok(Some(seg.clone()));
        }
        let doc = match self.srx_document.get() {
            Some(doc) => doc,
            None => {
                let doc = excerpt_srx::SrxDocument::load(path)
                    .with_context(|| format!("{}: cannot use as SRX", path.display()))?;
                self.srx_document.get_or_init(|| doc)
            }
        };
        let seg = doc
            .segmenter(code, self.srx_flags)
            .with_context(|| format!("{}: cannot use as SRX", path.display()))?;
        cache.push((code.to_string(), seg.clone()));
        Ok(Some(seg))
    }

    /// Fails when `--srx` is given to a command that cannot use it yet.
    pub fn reject_srx(&self, command: &str) -> Result<()> {
        if self.srx.is_some() {
            anyhow::bail!("--srx is not supported by `{command}` yet");
        }
        Ok(())
    }

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
