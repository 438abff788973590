//! `--input`: which documents are read as HTML or Markdown.

use clap::ValueEnum;
use excerpt_doc::Format;

/// The input format of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// From the file's extension (.html, .htm, .xhtml, .md, .markdown), else
    /// HTML when the text starts like an HTML page, else plain text.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// HTML or XHTML: block elements are paragraphs, tags are inline codes.
    Html,
    /// Markdown (CommonMark, GFM tables and strikethrough, front matter).
    Markdown,
}

impl InputArg {
    /// The document format of the input named `name` with text `text`;
    /// `None` for plain text.
    pub fn resolve(self, name: &str, text: &str) -> Option<Format> {
        match self {
            InputArg::Auto => Format::from_name(name).or_else(|| Format::sniff(text)),
            InputArg::Text => None,
            InputArg::Html => Some(Format::Html),
            InputArg::Markdown => Some(Format::Markdown),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_uses_the_name_then_the_content() {
        assert_eq!(InputArg::Auto.resolve("a.md", "x"), Some(Format::Markdown));
        assert_eq!(
            InputArg::Auto.resolve("<stdin>", "<!doctype html>"),
            Some(Format::Html)
        );
        assert_eq!(InputArg::Auto.resolve("a.txt", "Hello."), None);
        assert_eq!(InputArg::Text.resolve("a.html", "<p>"), None);
        assert_eq!(
            InputArg::Markdown.resolve("a.txt", ""),
            Some(Format::Markdown)
        );
    }
}
