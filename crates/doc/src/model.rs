//! The document model: the original text, and the runs of translatable text
//! in it; everything outside the runs is the skeleton.

use std::borrow::Cow;
use std::ops::Range;

/// The markup language of a document.
///
/// ```
/// use excerpt_doc::Format;
///
/// assert_eq!("markdown".parse::<Format>().unwrap(), Format::Markdown);
/// assert_eq!(Format::Html.name(), "html");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// HTML5 or XHTML.
    Html,
    /// CommonMark with GFM tables and strikethrough, and front matter.
    Markdown,
}

impl Format {
    /// The name used on the command line and in written files.
    ///
    /// ```
    /// assert_eq!(excerpt_doc::Format::Markdown.name(), "markdown");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }

    /// The format a file name's extension names: `.html`, `.htm`,
    /// `.xhtml` are HTML, `.md`, `.markdown` Markdown; `None` otherwise.
    /// A language or encoding suffix after the extension (`page.html.en`,
    /// `a.html.fr.utf8`) is looked through.
    ///
    /// ```
    /// use excerpt_doc::Format;
    ///
    /// assert_eq!(Format::from_name("docs/README.md"), Some(Format::Markdown));
    /// assert_eq!(Format::from_name("bind.html.fr.utf8"), Some(Format::Html));
    /// assert_eq!(Format::from_name("notes.txt"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let parts: Vec<String> = file
            .split('.')
            .skip(1)
            .map(str::to_ascii_lowercase)
            .collect();
        // The last extension that names a format wins over language suffixes.
        parts.iter().rev().find_map(|ext| match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            _ => None,
        })
    }

    /// The format a text looks like: HTML when it starts (after white space
    /// and a byte order mark) with a doctype, an XML declaration, a comment
    /// or an `<html>`, `<head>` or `<body>` tag; `None` otherwise (Markdown
    /// cannot be told from plain text by its look).
    ///
    /// ```
    /// use excerpt_doc::Format;
    ///
    /// assert_eq!(Format::sniff("<!DOCTYPE html><p>Hi</p>"), Some(Format::Html));
    /// assert_eq!(Format::sniff("  <html lang=en>"), Some(Format::Html));
    /// assert_eq!(Format::sniff("Plain words."), None);
    /// ```
    pub fn sniff(text: &str) -> Option<Format> {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(15)
            .collect::<String>()
            .to_ascii_lowercase();
        ["<!doctype html", "<?xml", "<!--", "<html", "<head", "<body"]
            .iter()
            .any(|p| lower.starts_with(p))
            .then_some(Format::Html)
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "html" | "xhtml" | "htm" => Ok(Format::Html),
            "markdown" | "md" => Ok(Format::Markdown),
            other => Err(format!(
                "unknown document format {other:?} (expected html or markdown)"
            )),
        }
    }
}

/// The role of an inline code.
///
/// ```
/// use excerpt_doc::Role;
///
/// assert_ne!(Role::Open, Role::Close);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Opens a pair (`<b>`, `**`, `[`).
    Open,
    /// Closes a pair (`</b>`, `**`, `](url)`).
    Close,
    /// Stands alone (`<br>`, a code span, an image without text).
    Standalone,
}

/// One piece of a run: text, or an inline code.
///
/// ```
/// use excerpt_doc::Part;
///
/// let p = Part::Text { span: 0..5, text: "&".into() };
/// assert_eq!(p.span(), 0..5);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text: `span` in the original, and the text it reads as. The two
    /// differ for a character reference or an escape (`&amp;` reads `&`,
    /// `\*` reads `*`), which is never cut.
    Text {
        /// Byte range in the original.
        span: Range<usize>,
        /// The text as a reader sees it.
        text: String,
    },
    /// Markup kept as it is: `span` in the original.
    Code {
        /// Byte range in the original.
        span: Range<usize>,
        /// Opening, closing or standalone.
        role: Role,
    },
}

impl Part {
    /// The part's byte range in the original.
    ///
    /// ```
    /// use excerpt_doc::{Part, Role};
    ///
    /// assert_eq!(Part::Code { span: 3..7, role: Role::Standalone }.span(), 3..7);
    /// ```
    pub fn span(&self) -> Range<usize> {
        match self {
            Part::Text { span, .. } | Part::Code { span, .. } => span.clone(),
        }
    }
}

/// What a run is: the text of a block (a paragraph, a heading, a cell), or
/// the value of a translatable attribute (`alt`, `title`, ...), which is
/// re-encoded for its quotes.
///
/// ```
/// use excerpt_doc::RunKind;
///
/// assert_ne!(RunKind::Block, RunKind::Attribute);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    /// Text of a block element.
    Block,
    /// A translatable attribute value (without its quotes).
    Attribute,
}

/// A run of translatable text: its parts tile `span` in order.
///
/// ```
/// use excerpt_doc::{Doc, Format};
///
/// let doc = Doc::parse("Some *words*.\n", Format::Markdown);
/// let run = &doc.runs()[0];
/// assert_eq!(run.span, 0..13);
/// assert_eq!(run.parts.len(), 5);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the original.
    pub span: Range<usize>,
    /// Block text or attribute value.
    pub kind: RunKind,
    /// Whether the run is a title: an HTML `<title>` or `<h1>`, a Markdown
    /// level-1 heading.
    pub title: bool,
    /// The markup language of the run: HTML for the HTML blocks of a
    /// Markdown document.
    pub markup: Format,
    /// Text and codes, tiling `span`.
    pub parts: Vec<Part>,
}

/// A document: the original text and its runs of translatable text, in
/// order of their start. Block runs never overlap one another; an attribute
/// run lies inside a tag, which is skeleton or a code of a block run.
///
/// ```
/// use excerpt_doc::{Doc, Format};
///
/// let html = "<p>Hello <b>world</b>.</p>";
/// let doc = Doc::parse(html, Format::Html);
/// assert_eq!(doc.runs().len(), 1);
/// assert_eq!(doc.rebuild(|_, _| None), html);
/// ```
#[derive(Clone, Debug)]
pub struct Doc<'t> {
    source: &'t str,
    format: Format,
    runs: Vec<Run>,
}

impl<'t> Doc<'t> {
    /// Reads `source` as a document of `format`.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format};
    ///
    /// let doc = Doc::parse("# Title\n\nBody text.\n", Format::Markdown);
    /// let texts: Vec<String> = doc.runs().iter().map(|r| doc.run_text(r)).collect();
    /// assert_eq!(texts, ["Title", "Body text."]);
    /// ```
    pub fn parse(source: &'t str, format: Format) -> Doc<'t> {
        let mut runs = match format {
            Format::Html => crate::html::runs(source),
            Format::Markdown => crate::markdown::runs(source),
        };
        for run in &mut runs {
            pair_codes(run, source);
        }
        runs.retain(|r| {
            r.parts
                .iter()
                .any(|p| matches!(p, Part::Text { text, .. } if !text.trim().is_empty()))
        });
        runs.sort_by_key(|r| r.span.start);
        Doc {
            source,
            format,
            runs,
        }
    }

    /// The original text.
    ///
    /// ```
    /// let doc = excerpt_doc::Doc::parse("x", excerpt_doc::Format::Markdown);
    /// assert_eq!(doc.source(), "x");
    /// ```
    pub fn source(&self) -> &'t str {
        self.source
    }

    /// The document's format.
    ///
    /// ```
    /// let doc = excerpt_doc::Doc::parse("x", excerpt_doc::Format::Html);
    /// assert_eq!(doc.format(), excerpt_doc::Format::Html);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The runs, in order of their start.
    ///
    /// ```
    /// let doc = excerpt_doc::Doc::parse("<p>A</p><p>B</p>", excerpt_doc::Format::Html);
    /// assert_eq!(doc.runs().len(), 2);
    /// ```
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The text of a run as a reader sees it, codes left out.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format};
    ///
    /// let doc = Doc::parse("<p>Fish &amp; <i>chips</i></p>", Format::Html);
    /// assert_eq!(doc.run_text(&doc.runs()[0]), "Fish & chips");
    /// ```
    pub fn run_text(&self, run: &Run) -> String {
        run.parts
            .iter()
            .filter_map(|p| match p {
                Part::Text { text, .. } => Some(text.as_str()),
                Part::Code { .. } => None,
            })
            .collect()
    }

    /// The document's title: the text of HTML's `<title>` (else its first
    /// `<h1>`), or of Markdown's first level-1 heading; white space runs
    /// are one space.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format};
    ///
    /// let doc = Doc::parse("<title>Rain &amp; sun</title><h1>Weather</h1>", Format::Html);
    /// assert_eq!(doc.title().unwrap(), "Rain & sun");
    /// let doc = Doc::parse("Intro.\n\n# The *real* title\n", Format::Markdown);
    /// assert_eq!(doc.title().unwrap(), "The real title");
    /// ```
    pub fn title(&self) -> Option<String> {
        let run = self.runs.iter().find(|r| r.title)?;
        Some(collapse(&self.run_text(run)))
    }

    /// The block runs' text, one paragraph each, separated by blank lines,
    /// white space runs inside a paragraph made one space: what a
    /// summariser reads (no markup, no code, no attribute values). An HTML
    /// `<title>` is left out: it is the title, not the text.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format};
    ///
    /// let doc = Doc::parse("<title>T</title><h1>News</h1><script>x()</script><p>It <b>rained</b>\n   all day.</p>", Format::Html);
    /// assert_eq!(doc.plain_text(), "News\n\nIt rained all day.\n");
    /// ```
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for run in self.runs.iter().filter(|r| r.kind == RunKind::Block) {
            let text = self.run_text(run);
            if self.format == Format::Html && after_title_tag(&self.source[..run.span.start]) {
                continue;
            }
            let text = collapse(&text);
            if text.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&text);
            out.push('\n');
        }
        out
    }

    /// Rebuilds the document: the skeleton as it is, and for each run
    /// `replace(index, run)`, or the run's original bytes when it returns
    /// `None`. Attribute runs inside a replaced block run are not visited.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format};
    ///
    /// let md = "Hi *you*.\n\nBye.\n";
    /// let doc = Doc::parse(md, Format::Markdown);
    /// assert_eq!(doc.rebuild(|_, _| None), md);
    /// assert_eq!(doc.rebuild(|i, _| (i == 1).then(|| "Ciao.".into())), "Hi *you*.\n\nCiao.\n");
    /// ```
    pub fn rebuild<'a, F>(&'a self, mut replace: F) -> String
    where
        F: FnMut(usize, &'a Run) -> Option<Cow<'a, str>>,
    {
        let mut out = String::with_capacity(self.source.len());
        let mut pos = 0;
        for (i, run) in self.runs.iter().enumerate() {
            if run.span.start < pos {
                continue;
            }
            out.push_str(&self.source[pos..run.span.start]);
            match replace(i, run) {
                Some(text) => out.push_str(&text),
                None => out.push_str(&self.source[run.span.clone()]),
            }
            pos = run.span.end;
        }
        out.push_str(&self.source[pos..]);
        out
    }
}

/// Whether `head` ends, but for white space, with a `<title>` tag in any
/// case: only its last bytes are looked at.
fn after_title_tag(head: &str) -> bool {
    const TAG: &[u8] = b"<title>";
    let head = head.trim_end().as_bytes();
    head.len() >= TAG.len() && head[head.len() - TAG.len()..].eq_ignore_ascii_case(TAG)
}

/// `text` trimmed, with each run of white space made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Makes the codes of a run well nested: an opening code is paired with the
/// next closing code at its depth; HTML tags pair only with their own name.
/// A code left without its partner becomes standalone.
fn pair_codes(run: &mut Run, source: &str) {
    let markup = run.markup;
    // HTML tags pair by name; Markdown's delimiters (named "") pair by
    // nesting, and so do the HTML tags inline in Markdown, by name.
    let name = |span: &Range<usize>| -> String {
        let text = &source[span.clone()];
        match markup {
            Format::Html => crate::html::tag_name(text),
            Format::Markdown if text.starts_with('<') => crate::html::tag_name(text),
            Format::Markdown => String::new(),
        }
    };
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut lone = Vec::new();
    for (i, part) in run.parts.iter().enumerate() {
        let Part::Code { span, role } = part else {
            continue;
        };
        match role {
            Role::Open => stack.push((i, name(span))),
            Role::Close => {
                let n = name(span);
                match stack.last() {
                    Some((_, top)) if *top == n => {
                        stack.pop();
                    }
                    _ => lone.push(i),
                }
            }
            Role::Standalone => {}
        }
    }
    lone.extend(stack.into_iter().map(|(i, _)| i));
    for i in lone {
        if let Part::Code { role, .. } = &mut run.parts[i] {
            *role = Role::Standalone;
        }
    }
}

/// Builds a run from the inline pieces a reader meets in order: text and
/// codes with their spans. Bytes between two pieces become text when they
/// are white space (a line break and an indent) and a standalone code
/// otherwise (a block quote's `>` on a continued line).
#[derive(Debug)]
pub(crate) struct RunBuilder {
    kind: RunKind,
    markup: Format,
    parts: Vec<Part>,
    /// Whether the run being built is a title.
    pub(crate) title: bool,
}

impl RunBuilder {
    pub(crate) fn new(kind: RunKind, markup: Format) -> RunBuilder {
        RunBuilder {
            kind,
            markup,
            parts: Vec::new(),
            title: false,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    pub(crate) fn end(&self) -> Option<usize> {
        self.parts.last().map(|p| p.span().end)
    }

    fn fill_gap(&mut self, source: &str, start: usize) {
        let Some(end) = self.end() else { return };
        if start <= end {
            return;
        }
        let gap = &source[end..start];
        if gap.chars().all(char::is_whitespace) {
            self.parts.push(Part::Text {
                span: end..start,
                text: gap.to_string(),
            });
        } else {
            self.parts.push(Part::Code {
                span: end..start,
                role: Role::Standalone,
            });
        }
    }

    /// Adds text read as `text` from `span`.
    pub(crate) fn text(&mut self, source: &str, span: Range<usize>, text: &str) {
        if span.is_empty() {
            return;
        }
        self.fill_gap(source, span.start);
        self.parts.push(Part::Text {
            span,
            text: text.to_string(),
        });
    }

    /// Adds a code.
    pub(crate) fn code(&mut self, source: &str, span: Range<usize>, role: Role) {
        if span.is_empty() {
            return;
        }
        self.fill_gap(source, span.start);
        self.parts.push(Part::Code { span, role });
    }

    /// The run, if anything was added.
    pub(crate) fn finish(self) -> Option<Run> {
        let start = self.parts.first()?.span().start;
        let end = self.parts.last()?.span().end;
        Some(Run {
            span: start..end,
            kind: self.kind,
            title: self.title,
            markup: self.markup,
            parts: self.parts,
        })
    }

    /// Moves the run out into `runs`, leaving an empty builder that is
    /// not a title.
    pub(crate) fn flush_into(&mut self, runs: &mut Vec<Run>) {
        let b = std::mem::replace(self, RunBuilder::new(self.kind, self.markup));
        runs.extend(b.finish());
    }
}

/// Every run of `source` read as `format`, as one string: text as it reads,
/// each code in brackets after its role (`+` opens, `-` closes, `=` stands
/// alone). For the readers' tests.
#[cfg(test)]
pub(crate) fn shown(source: &str, format: Format) -> Vec<String> {
    let doc = Doc::parse(source, format);
    doc.runs()
        .iter()
        .map(|r| {
            r.parts
                .iter()
                .map(|p| match p {
                    Part::Text { text, .. } => text.clone(),
                    Part::Code { span, role } => {
                        let mark = match role {
                            Role::Open => "+",
                            Role::Close => "-",
                            Role::Standalone => "=",
                        };
                        format!("[{mark}{}]", &source[span.clone()])
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(Format::from_name("a.HTM"), Some(Format::Html));
        assert_eq!(Format::from_name("x.markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_name("README"), None);
        assert_eq!(
            Format::sniff("\u{feff}<?xml version=\"1.0\"?>"),
            Some(Format::Html)
        );
        assert_eq!(Format::sniff("# Title"), None);
    }

    #[test]
    fn a_gap_with_markup_becomes_a_code() {
        let src = "a\n> b";
        let mut b = RunBuilder::new(RunKind::Block, Format::Markdown);
        b.text(src, 0..1, "a");
        b.text(src, 1..2, "\n");
        b.text(src, 4..5, "b");
        let run = b.finish().unwrap();
        assert_eq!(run.span, 0..5);
        assert_eq!(
            run.parts[2],
            Part::Code {
                span: 2..4,
                role: Role::Standalone
            }
        );
    }

    #[test]
    fn misnested_tags_become_standalone() {
        let src = "<p><b>x<i>y</b>z</i></p>";
        let doc = Doc::parse(src, Format::Html);
        let roles: Vec<Role> = doc.runs()[0]
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Code { role, .. } => Some(*role),
                Part::Text { .. } => None,
            })
            .collect();
        assert_eq!(
            roles,
            [Role::Standalone, Role::Open, Role::Standalone, Role::Close]
        );
    }
}
