//! `excerpt merge`: the translated document from the original and a
//! translated TMX, XLIFF, PO or TSV file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use excerpt_tm::Protect;

use crate::doc_input::InputArg;
use crate::input::Source;
use crate::lang::LangChoice;
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

    /// Progress bar on standard error, as for `segment --out-dir`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = crate::progress::ProgressMode::Auto)]
    pub progress: crate::progress::ProgressMode,
}

/// The extensions of the translation files `merge` reads.
const TRANSLATED_EXTENSIONS: [&str; 5] = ["xlf", "xliff", "tmx", "po", "tsv"];

/// Runs `excerpt merge`.
pub fn run(args: &MergeArgs) -> Result<()> {
    args.segmenter.reject_srx("merge")?;
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
    let merged = merge_one(args, &args.original, &args.translated)?;
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(merged.as_bytes())?;
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
            Ok(out.write_all(merged.as_bytes())?)
        },
    )
}

/// The translated text of `original` from the translation file `translated`;
/// warnings go to standard error.
fn merge_one(args: &MergeArgs, original_path: &Path, translated_path: &Path) -> Result<String> {
    let original = Source::File(original_path.to_path_buf()).read_text()?;
    let translated_name = translated_path.display().to_string();
    let translated = Source::File(translated_path.to_path_buf()).read_text()?;
    let translation = excerpt_tm::read(&translated).with_context(|| translated_name.clone())?;
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
        Some(format) => LangChoice::parse(&args.lang)?
            .resolve(&excerpt_doc::Doc::parse(&original, format).plain_text()),
        None => LangChoice::parse(&args.lang)?.resolve(&original),
    };
    let fallback = args.segmenter.options(&lang)?.protect(protect);
    let merged = match input {
        Some(format) => excerpt_doc::merge(&original, format, &translation, &fallback)
            .map_err(|e| anyhow::anyhow!("{translated_name}: {e}"))?,
        None => excerpt_tm::merge(&original, &translation, &fallback),
    };
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
    Ok(merged.text)
}
