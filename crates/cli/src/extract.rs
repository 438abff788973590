//! `excerpt extract`: the main content of web pages, as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::ValueEnum;

use crate::doc_input::InputArg;
use crate::input::Source;
use crate::output::Output;
use crate::web_page::{is_web_page, read_page};

/// Print the main content of web pages: the title, then the paragraphs.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  excerpt extract page.html
  curl -s https://example.com/story | excerpt extract --input html
  excerpt extract --format json page.html")]
pub struct ExtractArgs {
    /// Web pages to read; standard input when none is given or for `-`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// How to read the input: `auto` takes a file named .html/.htm/.xhtml,
    /// or input that starts like an HTML page; `html` takes any input as a
    /// web page.
    #[arg(long, value_enum, default_value_t = PageInput::Auto)]
    pub input: PageInput,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,

    /// Read pages in this encoding (a WHATWG label) instead of the one
    /// found from a byte-order mark, valid UTF-8 or the page's
    /// `<meta charset>`.
    #[arg(long, value_name = "LABEL", value_parser = crate::encoding::label)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--input` values of `excerpt extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageInput {
    /// A web page by its name or its first bytes.
    Auto,
    /// Always a web page.
    Html,
}

/// The formats `excerpt extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// The title, then the paragraphs, separated by blank lines.
    Text,
    /// One JSON object per page: {"file", "title", "paragraphs"}.
    Json,
}

/// Runs `excerpt extract`.
pub fn run(args: &ExtractArgs) -> Result<()> {
    crate::output::check_not_input(
        args.output.as_deref(),
        args.files.iter().map(|f| f.as_path()),
    )?;
    let mut out = Output::open(args.output.as_deref())?;
    let sources = Source::from_args(&args.files);
    let many = sources.len() > 1;
    for (n, source) in sources.iter().enumerate() {
        let bytes = source.read_bytes()?;
        let input = match args.input {
            PageInput::Auto => InputArg::Auto,
            PageInput::Html => InputArg::Html,
        };
        if !is_web_page(input, &source.name(), &bytes) {
            bail!(
                "{}: does not look like a web page (no .html name, no <html> or doctype at the start); use --input html to read it as one",
                source.name()
            );
        }
        let page = read_page(&bytes, args.encoding);
        if page.title.is_none() && page.paragraphs.is_empty() {
            eprintln!("excerpt: {}: no text found", source.name());
        }
        match args.format {
            ExtractFormat::Text => {
                if many {
                    if n > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {} <==", source.name())?;
                }
                if page.title.is_some() || !page.paragraphs.is_empty() {
                    write!(out, "{}", page.text())?;
                }
            }
            ExtractFormat::Json => {
                let record = serde_json::json!({
                    "file": source.name(),
                    "title": page.title,
                    "paragraphs": page.paragraphs,
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
    }
    out.finish()
}
