//! `excerpt segment --srx FILE`: segments cut by the rules of an SRX file,
//! as the reference engine cuts them, whitespace left where it leaves it.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::input::Source;
use crate::offsets::CharOffsets;
use crate::output::{Output, one_line};
use crate::segment::{SegmentArgs, SegmentFormat};
use excerpt_lang::LangChoice;

/// One segment in `--format jsonl` with `--srx`.
#[derive(Serialize)]
struct SrxRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    id: usize,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
    lang: &'a str,
    words: usize,
}

/// The SRX language code for a text: `--lang` as given, or the detected
/// ISO code when it is `auto`.
fn srx_code(args: &SegmentArgs, text: &str) -> Result<String> {
    if args.lang == "auto" {
        Ok(LangChoice::parse("auto")?.resolve(text))
    } else {
        Ok(args.lang.clone())
    }
}

/// Runs `excerpt segment --srx`.
pub fn run_segment(args: &SegmentArgs) -> Result<()> {
    if args.jsonl || args.out_dir.is_some() {
        anyhow::bail!("--srx is not supported with --jsonl or --out-dir yet");
    }
    if !matches!(args.format, SegmentFormat::Lines | SegmentFormat::Jsonl) {
        anyhow::bail!(
            "--srx is not supported with --format {} yet (lines and jsonl are)",
            args.format_name()
        );
    }
    let sources = Source::from_args(&args.files);
    let mut out = Output::open(args.output.as_deref())?;
    let show_file = sources.len() > 1;
    for source in &sources {
        let (text, encoding) = source.read_text(args.encoding.encoding)?;
        let name = source.name();
        if encoding != crate::encoding::FileEncoding::UTF8 && args.format == SegmentFormat::Jsonl {
            // Its offsets would count the decoded text, not the file's bytes.
            anyhow::bail!(
                "{name}: --srx --format jsonl reads UTF-8 files without a byte-order mark only, for now"
            );
        }
        let code = srx_code(args, &text)?;
        let seg = args
            .segmenter
            .srx_segmenter(&code)?
            .context("--srx missing")?;
        let file = show_file.then_some(name.as_str());
        write_segments(args.format, &seg, &text, &code, file, &mut out)?;
    }
    out.finish()
}

fn write_segments(
    format: SegmentFormat,
    seg: &excerpt_srx::Segmenter,
    text: &str,
    code: &str,
    file: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut chars = CharOffsets::new(text);
    for (i, range) in seg.segments(text).into_iter().enumerate() {
        let part = &text[range.clone()];
        if format == SegmentFormat::Lines {
            writeln!(out, "{}", one_line(part))?;
            continue;
        }
        let record = SrxRecord {
            file,
            id: i + 1,
            byte_start: range.start,
            byte_end: range.end,
            char_start: chars.at(range.start),
            char_end: chars.at(range.end),
            text: part,
            lang: code,
            words: excerpt_tm::word_count(part),
        };
        serde_json::to_writer(&mut *out, &record).context("cannot write JSON")?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
