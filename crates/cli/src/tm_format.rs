//! `excerpt segment --format tmx|xliff|po|tsv`: files for CAT tools.

use std::io::Write;

use anyhow::{Result, bail};
use excerpt_tm::{Document, Format, Protect, TargetMode, WriteOptions, XliffVersion, XmlInvalid};

use crate::input::Source;
use crate::lang::LangChoice;
use crate::output::Output;
use crate::segment::{SegmentArgs, SegmentFormat};

/// Options of the translation formats.
#[derive(clap::Args, Debug, Default)]
pub struct TmArgs {
    /// Target language (BCP 47, e.g. `de` or `pt-BR`) for tmx/xliff/po.
    #[arg(long, value_name = "TAG")]
    pub target_lang: Option<String>,

    /// What targets hold: none, empty, or a copy of the source (an identity
    /// translation). Default: empty with --target-lang, none without.
    #[arg(long, value_name = "WHAT", value_parser = ["none", "empty", "source"])]
    pub target: Option<String>,

    /// XLIFF version for --format xliff.
    #[arg(long, value_name = "V", default_value = "2.1", value_parser = ["1.2", "2.0", "2.1"])]
    pub xliff_version: String,

    /// Characters XML 1.0 forbids: `code` writes each as an inline code
    /// that merge turns back into the character; `error` refuses.
    #[arg(long, value_name = "WHAT", default_value = "code", value_parser = ["code", "error"])]
    pub xml_invalid: String,

    /// Turn these spans into inline codes: urls,emails,numbers,tags.
    #[arg(long, value_name = "KINDS", default_value = "")]
    pub protect: String,
}

/// The translation format asked for, if any; checks the options that only
/// make sense with one.
pub fn tm_format(format: SegmentFormat, args: &TmArgs) -> Result<Option<Format>> {
    let format = match format {
        SegmentFormat::Tmx => Format::Tmx,
        SegmentFormat::Xliff => Format::Xliff(
            args.xliff_version
                .parse::<XliffVersion>()
                .map_err(anyhow::Error::msg)?,
        ),
        SegmentFormat::Po => Format::Po,
        SegmentFormat::Tsv => Format::Tsv,
        SegmentFormat::Lines | SegmentFormat::Jsonl => {
            if args.target_lang.is_some() || args.target.is_some() || !args.protect.is_empty() {
                bail!("--target-lang, --target and --protect need --format tmx, xliff, po or tsv");
            }
            return Ok(None);
        }
    };
    Ok(Some(format))
}

/// A BCP 47 tag as written: `pt_BR` becomes `pt-BR`. Subtags are 1 to 8
/// letters or digits; the first is a language (2 to 8 letters) or the
/// private-use `x` (`x-test`).
fn bcp47(tag: &str) -> Result<String> {
    let tag = tag.replace('_', "-");
    let subtags_ok = tag
        .split('-')
        .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    let first = tag.split('-').next().unwrap_or("");
    let first_ok = first.chars().all(|c| c.is_ascii_alphabetic())
        && (first.len() >= 2 || first.eq_ignore_ascii_case("x") && tag.len() > 2);
    if !(subtags_ok && first_ok) {
        bail!("--target-lang {tag:?} is not a BCP 47 language tag (e.g. de, pt-BR)");
    }
    Ok(tag)
}

/// A translation format with its options, checked once and used for every
/// input.
pub struct TmWriter {
    format: Format,
    protect: Protect,
    mode: TargetMode,
    xml_invalid: XmlInvalid,
    target_lang: Option<String>,
}

impl TmWriter {
    /// Checks the translation-format options of `args`.
    pub fn new(args: &SegmentArgs, format: Format) -> Result<TmWriter> {
        let protect: Protect = args
            .tm
            .protect
            .parse()
            .map_err(|e: String| anyhow::anyhow!("--protect: {e}"))?;
        let mode = match args.tm.target.as_deref() {
            Some(m) => m.parse::<TargetMode>().map_err(anyhow::Error::msg)?,
            None if args.tm.target_lang.is_some() => TargetMode::Empty,
            None => TargetMode::None,
        };
        let xml_invalid: XmlInvalid = args.tm.xml_invalid.parse().map_err(anyhow::Error::msg)?;
        let target_lang = match &args.tm.target_lang {
            Some(tag) => Some(bcp47(tag)?),
            None if mode != TargetMode::None && format.is_xml() => {
                bail!(
                    "--target {} in {format} needs --target-lang",
                    args.tm.target.as_deref().unwrap_or("")
                );
            }
            None => None,
        };
        Ok(TmWriter {
            format,
            protect,
            mode,
            xml_invalid,
            target_lang,
        })
    }

    /// The translation file for `text`, read from the file called `name` in
    /// the encoding given with it (recorded in the file's options).
    pub fn render(
        &self,
        args: &SegmentArgs,
        lang: &LangChoice,
        (text, enc): (&str, crate::encoding::FileEncoding),
        name: &str,
    ) -> Result<String> {
        // HTML and Markdown (by --input, the extension or the content) are
        // segmented without their markup, which becomes inline codes.
        let parsed = args
            .input
            .resolve(name, text)
            .map(|format| (format, excerpt_doc::Doc::parse(text, format)));
        let lang = match &parsed {
            Some((_, parsed)) => lang.resolve(&parsed.plain_text()),
            None => lang.resolve(text),
        };
        let options = args
            .segmenter
            .options(&lang)?
            .protect(self.protect)
            .encoding(enc.record().as_deref());
        let segmented;
        let doc = match &parsed {
            Some((format, parsed)) => {
                let options = options.input(Some(format.name()));
                segmented = excerpt_doc::Segmented::with_splitter(parsed, &options.splitter()?);
                segmented.document(options)
            }
            None => {
                let splitter = options.splitter()?;
                Document::with_splitter(text, options, &splitter)
            }
        };
        let original = std::path::Path::new(name)
            .file_name()
            .map_or(name.to_string(), |n| n.to_string_lossy().into_owned());
        let mut opts = WriteOptions::new(&original).xml_invalid(self.xml_invalid);
        opts.target = self.mode;
        opts.target_lang = self.target_lang.clone();
        excerpt_tm::write(&doc, self.format, &opts).map_err(|e| anyhow::anyhow!("{name}: {e}"))
    }
}

/// Writes one input in a translation format.
pub fn run(
    args: &SegmentArgs,
    format: Format,
    lang: &LangChoice,
    sources: &[Source],
) -> Result<()> {
    let [source] = sources else {
        bail!(
            "--format {} writes one document: give one input file, or --out-dir for many",
            args.format_name()
        );
    };
    let writer = TmWriter::new(args, format)?;
    let (text, enc) = source.read_text(args.encoding.encoding)?;
    let written = writer.render(args, lang, (&text, enc), &source.name())?;
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(written.as_bytes())?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(bcp47("pt_BR").unwrap(), "pt-BR");
        assert_eq!(bcp47("zh-Hant-TW").unwrap(), "zh-Hant-TW");
        assert!(bcp47("german language").is_err());
        assert!(bcp47("").is_err());
        assert!(bcp47("1x").is_err());
        assert_eq!(bcp47("x-test").unwrap(), "x-test");
        assert!(bcp47("x").is_err());
    }
}
