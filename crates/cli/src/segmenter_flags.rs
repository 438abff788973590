//! The segmentation flags that `segment`, `stats` and `merge` share.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};
use excerpt_tm::{SegmentOptions, SrxRules};

use crate::input::Source;
use excerpt_lang::LangChoice;

/// An SRX file's content.
fn read_srx(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the SRX file", path.display()))
}

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
    /// The translation formats record the file (as given) and a fingerprint
    /// of it, and `merge` refuses other rules.
    #[arg(long, value_name = "FILE",
          conflicts_with_all = ["newline_boundary", "abbreviations", "max_chars", "learn"])]
    pub srx: Option<PathBuf>,

    /// The regex flags the SRX rules are compiled with, as a CAT tool does:
    /// lt (none: LanguageTool), omegat or okapi.
    #[arg(long, value_name = "TOOL", default_value = "lt", requires = "srx")]
    pub srx_flags: excerpt_srx::Dialect,

    /// The SRX rules compiled so far, by language code.
    #[arg(skip)]
    srx_rules: std::sync::Mutex<Vec<SrxRules>>,

    /// The SRX file's content, read on first use.
    #[arg(skip)]
    srx_content: OnceLock<String>,

    /// The abbreviation file's entries, read on first use and kept for every
    /// later input file.
    #[arg(skip)]
    abbreviation_list: OnceLock<Vec<String>>,
}

impl SegmenterFlags {
    /// The SRX segmenter for language code `code` when `--srx` is given; the
    /// file is read and each code's rules compiled once.
    pub fn srx_segmenter(&self, code: &str) -> Result<Option<excerpt_srx::Segmenter>> {
        Ok(self
            .srx_rules(code)?
            .and_then(|rules| rules.segmenter().cloned()))
    }

    /// The SRX rules for language code `code` when `--srx` is given.
    fn srx_rules(&self, code: &str) -> Result<Option<SrxRules>> {
        let Some(path) = &self.srx else {
            return Ok(None);
        };
        let mut cache = self
            .srx_rules
            .lock()
            .map_err(|_| anyhow::anyhow!("SRX cache poisoned"))?;
        if let Some(rules) = cache.iter().find(|r| r.code == code) {
            return Ok(Some(rules.clone()));
        }
        let content = match self.srx_content.get() {
            Some(content) => content,
            None => {
                let content = read_srx(path)?;
                self.srx_content.get_or_init(|| content)
            }
        };
        let file = path.display().to_string();
        let rules = SrxRules::compile(&file, content, code, self.srx_flags)
            .with_context(|| format!("{file}: cannot use as SRX"))?;
        cache.push(rules.clone());
        Ok(Some(rules))
    }

    /// How `--lang` reads: with `--srx`, `auto` or the code the SRX file's
    /// maps are matched against, as it is; else a language code.
    pub fn lang_choice(&self, value: &str) -> Result<LangChoice> {
        if self.srx.is_none() || value.eq_ignore_ascii_case("auto") {
            return Ok(LangChoice::parse(value)?);
        }
        if value.is_empty() {
            anyhow::bail!("--lang: give the language code the SRX file's maps are matched against");
        }
        Ok(LangChoice::Code(value.to_string()))
    }

    /// The SRX rules `recorded` in a translated file, loaded: from the file
    /// `--srx` names, else from the recorded path (as it is, then beside
    /// the translated file `beside`). A missing file, or one whose content
    /// is not the recorded one, is an error.
    pub fn load_recorded(&self, recorded: &SrxRules, beside: &Path) -> Result<SrxRules> {
        let what = format!(
            "{} was segmented with the SRX rules of {} ({})",
            beside.display(),
            recorded.file,
            recorded.fingerprint
        );
        let path = match &self.srx {
            Some(path) => path.clone(),
            None => {
                let as_recorded = PathBuf::from(&recorded.file);
                let dir = beside.parent().unwrap_or(Path::new(""));
                let candidates = [
                    as_recorded.clone(),
                    dir.join(&as_recorded),
                    dir.join(as_recorded.file_name().unwrap_or_default()),
                ];
                match candidates.into_iter().find(|p| p.is_file()) {
                    Some(found) => found,
                    None => anyhow::bail!(
                        "{what}, which is not found (as recorded or beside it): give --srx FILE"
                    ),
                }
            }
        };
        let content = read_srx(&path)?;
        recorded.load(&content).map_err(|e| match e {
            excerpt_tm::Error::SrxChanged { found, .. } => anyhow::anyhow!(
                "{what}; {} is not that file (its content differs: {found}); give the SRX file the translation was made with",
                path.display()
            ),
            e => anyhow::anyhow!("{}: {e}", path.display()),
        })
    }

    /// The segmentation options for language `lang`; reads the abbreviation
    /// file, if any. With `--srx`, `lang` is the code the SRX file's maps
    /// are matched against, and the options' language the ISO 639-1 code it
    /// starts with (`und` when it names none).
    pub fn options(&self, lang: &str) -> Result<SegmentOptions> {
        if let Some(rules) = self.srx_rules(lang)? {
            let tag = excerpt_lang::normalize(lang).unwrap_or(excerpt_lang::UNDETERMINED);
            return Ok(SegmentOptions::new(tag).srx(Some(rules)));
        }
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
