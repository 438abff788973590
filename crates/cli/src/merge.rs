//! `excerpt merge`: the translated document from the original and a
//! translated TMX, XLIFF, PO or TSV file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use excerpt_tm::Protect;

use crate::doc_input::InputArg;
use crate::encoding::{Fallback, FileEncoding};
use crate::input::Source;
use crate::output::Output;
use crate::project::ProjectFile;

/// Rebuild a translated document: the original's skeleton (whitespace,
/// paragraphs, line endings) with each segment replaced by its target.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Segmentation options are read from the translated file (TMX, XLIFF and PO record
them); --lang, --protect and the segmentation flags are used only for TSV, which
cannot.
A segment without a target keeps its source text and is counted in a warning.

Examples:
  excerpt merge article.txt article.de.xlf -o article.de.txt
  excerpt merge --lang en notes.txt notes.tsv -o notes.fr.txt
  excerpt merge docs/ xliff/ --out-dir docs.de/")]
pub struct MergeArgs {
    /// The original text the translation file was made from.
    #[arg(value_name = "ORIGINAL")]
    pub original: PathBuf,

    /// The translated file: TMX, XLIFF 1.2/2.x, PO or TSV.
    #[arg(value_name = "TRANSLATED")]
    pub translated: PathBuf,

    /// Write the translated document to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Source language, when the translated file does not record it.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,

    /// Segmentation used, when the file does not record it (TSV).
    #[command(flatten)]
    pub segmenter: crate::segmenter_flags::SegmenterFlags,

    /// Input format of the original, when the translated file does not
    /// record it (TSV): auto (from the extension or the content), text,
    /// html or markdown; give the value `segment` was given.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,

    /// Protected spans, when the file does not record them.
    #[arg(long, value_name = "KINDS", default_value = "")]
    pub protect: String,

    /// Merge a whole project: ORIGINAL and TRANSLATED are directories, and
    /// each translated file (`a/b.txt.xlf`) is merged with the original of
    /// the same path less its extension (`a/b.txt`) into DIR (`DIR/a/b.txt`).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub out_dir: Option<PathBuf>,

    #[command(flatten)]
    pub walk: crate::project::WalkArgs,

    /// The original's encoding when it has no byte-order mark (a WHATWG
    /// label); by default the one the translated file records, else UTF-8.
    /// The translated document is written in the original's encoding, with
    /// its byte-order mark.
    #[command(flatten)]
    pub encoding: crate::input::EncodingArg,

    /// Merge even when ORIGINAL is not the text the translated file was
    /// made from (its size or checksum differs): segments are then matched
    /// by id only.
    #[arg(long)]
    pub force: bool,

    /// A translated character that the original's encoding cannot hold: an
    /// error naming the segment (no output is written), or a numeric
    /// character reference (`&#8364;`, for HTML and XML).
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = Fallback::Error)]
    pub encoding_fallback: Fallback,

    /// Progress bar on standard error, as for `segment --out-dir`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = crate::progress::ProgressMode::Auto)]
    pub progress: crate::progress::ProgressMode,
}

/// The extensions of the translation files `merge` reads.
const TRANSLATED_EXTENSIONS: [&str; 5] = ["xlf", "xliff", "tmx", "po", "tsv"];

/// Runs `excerpt merge`.
pub fn run(args: &MergeArgs) -> Result<()> {
    if let Some(out_dir) = &args.out_dir {
        return run_project(args, out_dir);
    }
    if args.original.is_dir() && args.translated.is_dir() {
        bail!(
            "{} and {} are directories: give --out-dir DIR to merge every file in them",
            args.original.display(),
            args.translated.display()
        );
    }
    crate::output::check_not_input(
        args.output.as_deref(),
        [args.original.as_path(), args.translated.as_path()],
    )?;
    let merged = merge_one(args, &args.original, &args.translated)?;
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(&merged)?;
    out.finish()
}

/// `merge ORIGINAL_DIR TRANSLATED_DIR --out-dir OUT`.
fn run_project(args: &MergeArgs, out_dir: &Path) -> Result<()> {
    for dir in [&args.original, &args.translated] {
        if !dir.is_dir() {
            bail!("{}: with --out-dir, give two directories", dir.display());
        }
    }
    let files = crate::project::walk(
        std::slice::from_ref(&args.translated),
        &args.walk,
        Some(out_dir),
    )?;
    // the original's relative path: the translated one's less its extension
    let original_rel = |file: &ProjectFile| -> Option<PathBuf> {
        let ext = file.rel.extension()?.to_str()?.to_ascii_lowercase();
        TRANSLATED_EXTENSIONS
            .contains(&ext.as_str())
            .then(|| file.rel.with_extension(""))
    };
    crate::project::run_files(
        &files,
        out_dir,
        args.progress,
        |file| match original_rel(file) {
            Some(rel) => out_dir.join(rel),
            None => file.output_in(out_dir, ""),
        },
        |file, out| {
            let Some(rel) = original_rel(file) else {
                bail!(
                    "{}: not a translation file (.xlf, .xliff, .tmx, .po or .tsv)",
                    file.name()
                );
            };
            let merged = merge_one(args, &args.original.join(rel), &file.path)?;
            Ok(out.write_all(&merged)?)
        },
    )
}

/// The translated document of `original` from the translation file
/// `translated`, encoded as the original is; warnings go to standard error.
fn merge_one(args: &MergeArgs, original_path: &Path, translated_path: &Path) -> Result<Vec<u8>> {
    let translated_name = translated_path.display().to_string();
    let (translated, _) = Source::File(translated_path.to_path_buf()).read_text(None)?;
    let mut translation = excerpt_tm::read(&translated).with_context(|| translated_name.clone())?;
    // SRX rules recorded with the options: the same file must be given or
    // found, unchanged.
    if let Some(options) = &mut translation.options {
        if let Some(recorded) = &options.srx {
            options.srx = Some(args.segmenter.load_recorded(recorded, translated_path)?);
        }
    }
    // --encoding, else the encoding the file records; a byte-order mark in
    // the original decides in any case
    let recorded = translation
        .options
        .as_ref()
        .and_then(|o| o.encoding.as_deref())
        .and_then(FileEncoding::parse);
    let forced = args.encoding.encoding.or(recorded.map(|e| e.encoding));
    let (original, encoding) = Source::File(original_path.to_path_buf()).read_text(forced)?;
    let protect: Protect = args
        .protect
        .parse()
        .map_err(|e: String| anyhow::anyhow!("--protect: {e}"))?;
    // The file records the input format with the options; TSV records
    // neither: then --input says, or the original's extension or content.
    let input = match &translation.options {
        Some(options) => match options.input.as_deref() {
            Some(name) => Some(
                name.parse::<excerpt_doc::Format>()
                    .map_err(|e| anyhow::anyhow!("{translated_name}: {e}"))?,
            ),
            None => None,
        },
        None => args
            .input
            .resolve(&original_path.display().to_string(), &original),
    };
    // The language, when the file does not record it, is detected as
    // `segment` detects it: on the text, without the markup.
    let lang = match input {
        Some(format) => args
            .segmenter
            .lang_choice(&args.lang)?
            .resolve(&excerpt_doc::Doc::parse(&original, format).plain_text()),
        None => args.segmenter.lang_choice(&args.lang)?.resolve(&original),
    };
    let fallback = args.segmenter.options(&lang)?.protect(protect);
    let merged = match input {
        Some(format) => excerpt_doc::merge(&original, format, &translation, &fallback)
            .map_err(|e| anyhow::anyhow!("{translated_name}: {e}"))?,
        None => excerpt_tm::merge(&original, &translation, &fallback)
            .map_err(|e| anyhow::anyhow!("{translated_name}: {e}"))?,
    };
    if merged.original_differs && !args.force {
        bail!(
            "{} is not the text {translated_name} was made from (its size or checksum differs); give --force to match segments by id anyway",
            original_path.display()
        );
    }
    if merged.original_differs {
        eprintln!(
            "excerpt: warning: {} is not the text {translated_name} was made from (its size or checksum differs); segments were matched by id only",
            original_path.display()
        );
    }
    if !merged.untranslated.is_empty() {
        eprintln!(
            "excerpt: warning: {translated_name}: {} of {} segments have no target and keep their source text (first: {})",
            merged.untranslated.len(),
            merged.segments,
            merged.untranslated[0]
        );
    }
    if !merged.unknown.is_empty() {
        eprintln!(
            "excerpt: warning: {translated_name}: {} ids are not segments of {} (first: {}); was it made from another text or with other options?",
            merged.unknown.len(),
            original_path.display(),
            merged.unknown[0]
        );
    }
    encode(&merged.text, encoding, args.encoding_fallback, &translation)
        .with_context(|| translated_name.clone())
}

/// The merged text in the original's encoding; a character the encoding
/// cannot hold is an error naming it and the segment whose target has it.
fn encode(
    text: &str,
    encoding: FileEncoding,
    fallback: Fallback,
    translation: &excerpt_tm::Translation,
) -> Result<Vec<u8>> {
    crate::encoding::encode(text, encoding, fallback).map_err(|bad| {
        let has_it = |unit: &&excerpt_tm::Unit| {
            unit.target.as_ref().is_some_and(|pieces| {
                pieces.iter().any(|p| match p {
                    excerpt_tm::TargetPiece::Text(t) => t.contains(bad.ch),
                    excerpt_tm::TargetPiece::Code { .. } => false,
                })
            })
        };
        let segment = translation
            .units
            .iter()
            .find(has_it)
            .map_or_else(|| "?".to_string(), |u| u.id.clone());
        anyhow::anyhow!(
            "segment {segment}: {:?} (U+{:04X}) cannot be written in {}, the original's encoding; \
             nothing was written (--encoding-fallback ncr writes it as &#{};)",
            bad.ch,
            u32::from(bad.ch),
            encoding.encoding.name(),
            u32::from(bad.ch)
        )
    })
}
