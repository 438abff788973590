//! `excerpt segment --format tmx|xliff|po|tsv`: files for CAT tools.

use std::io::Write;

use anyhow::{Result, bail};
use excerpt_tm::{Document, Format, TmSettings, XliffVersion};

use crate::input::Source;
use crate::output::Output;
use crate::segment::{SegmentArgs, SegmentFormat};
use excerpt_lang::LangChoice;

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

/// A translation format with its options, checked once and used for every
/// input.
pub struct TmWriter {
    settings: TmSettings,
}

impl TmWriter {
    /// Checks the translation-format options of `args`.
    pub fn new(args: &SegmentArgs, format: Format) -> Result<TmWriter> {
        let settings = TmSettings::new(
            format,
            args.tm.target_lang.as_deref(),
            args.tm.target.as_deref(),
            &args.tm.protect,
            &args.tm.xml_invalid,
        )?;
        Ok(TmWriter { settings })
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
        let options = self
            .settings
            .segment_options(args.segmenter.options(&lang)?)
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
        self.settings
            .write(&doc, name)
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))
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
