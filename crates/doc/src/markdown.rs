//! The Markdown reader: pulldown-cmark's events with their byte ranges.
//!
//! Block structure (headings' `#`, list markers, quotes' `>`, table pipes,
//! link definitions, front matter, fenced and indented code, HTML blocks)
//! is skeleton. Inside a block, emphasis, strong and strikethrough
//! delimiters, link and image brackets with their destinations are paired
//! codes around their text; code spans, autolinks, inline HTML and hard
//! breaks are standalone codes. Nothing is re-wrapped: line breaks inside
//! a paragraph stay where they are.

use crate::model::{Format, Part, Role, Run, RunBuilder, RunKind};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The parser options: CommonMark with GFM tables and strikethrough, and
/// YAML (`---`) or TOML (`+++`) front matter.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// An inline element whose opening code is not known yet: it ends where
/// its first content starts.
struct Open {
    range: Range<usize>,
    pending: bool,
}

/// Reads the runs of a Markdown document.
pub(crate) fn runs(source: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = RunBuilder::new(RunKind::Block, Format::Markdown);
    let mut opens: Vec<Open> = Vec::new();
    // Depth inside an element whose content is skeleton (code blocks, HTML
    // blocks, front matter) or one code (autolinks).
    let mut skip = 0usize;
    let mut skip_code: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            if skip == 0 {
                if let Some(span) = skip_code.take() {
                    resolve(&mut opens, &mut run, source, span.start);
                    run.code(source, span, Role::Standalone);
                }
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Link { link_type, .. } | Tag::Image { link_type, .. }
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) =>
                {
                    skip = 1;
                    skip_code = Some(range);
                }
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. } => {
                    resolve(&mut opens, &mut run, source, range.start);
                    opens.push(Open {
                        range,
                        pending: true,
                    });
                }
                Tag::HtmlBlock => {
                    // An HTML block is read as HTML: its text is offered,
                    // its tags are skeleton or codes.
                    run.flush_into(&mut runs);
                    opens.clear();
                    let html = crate::html::runs_in(source, range);
                    runs.extend(html.into_iter().map(code_spans_as_codes));
                    skip = 1;
                }
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    run.flush_into(&mut runs);
                    opens.clear();
                    skip = 1;
                }
                other => {
                    run.flush_into(&mut runs);
                    opens.clear();
                    run.title = matches!(
                        other,
                        Tag::Heading {
                            level: pulldown_cmark::HeadingLevel::H1,
                            ..
                        }
                    );
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image => {
                    let Some(open) = opens.pop() else { continue };
                    if open.pending {
                        // No content: the whole element is one code.
                        run.code(source, open.range, Role::Standalone);
                    } else {
                        let from = run.end().unwrap_or(open.range.start);
                        run.code(source, from..open.range.end.max(from), Role::Close);
                    }
                }
                _ => {
                    run.flush_into(&mut runs);
                    opens.clear();
                }
            },
            Event::Text(text) => {
                // A backslash escape comes as its character at the start of
                // a text: the backslash before it belongs to it.
                let escaped = range.start > 0
                    && source.as_bytes()[range.start - 1] == b'\\'
                    && run.end().is_none_or(|e| e < range.start)
                    && text
                        .as_bytes()
                        .first()
                        .is_some_and(u8::is_ascii_punctuation)
                    && source[range.clone()] == *text;
                // An escape is a code: its character would read as markup
                // once the backslash is gone (`\*`, `\#`, `1\.`). So is a
                // reference that stands for such a character (`&#42;`).
                if escaped {
                    let at = range.start;
                    resolve(&mut opens, &mut run, source, at - 1);
                    run.code(source, at - 1..at + 1, Role::Standalone);
                    run.text(source, at + 1..range.end, &text[1..]);
                } else if source[range.clone()] != *text && reads_as_markup(&text) {
                    resolve(&mut opens, &mut run, source, range.start);
                    run.code(source, range, Role::Standalone);
                } else {
                    resolve(&mut opens, &mut run, source, range.start);
                    run.text(source, range, &text);
                }
            }
            Event::SoftBreak => {
                resolve(&mut opens, &mut run, source, range.start);
                run.text(source, range.clone(), &source[range]);
            }
            Event::InlineHtml(_) => {
                // A tag that opens or closes an element pairs with its
                // partner in the paragraph; a void tag or a comment stands
                // alone.
                resolve(&mut opens, &mut run, source, range.start);
                let role = inline_html_role(&source[range.clone()]);
                run.code(source, range, role);
            }
            Event::Code(_)
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::TaskListMarker(_) => {
                resolve(&mut opens, &mut run, source, range.start);
                run.code(source, range, Role::Standalone);
            }
            Event::Html(_) | Event::DisplayMath(_) | Event::Rule => {
                run.flush_into(&mut runs);
                opens.clear();
            }
        }
    }
    run.flush_into(&mut runs);
    runs
}

/// Makes the backtick spans in the text of an HTML block's run codes: a
/// Markdown author writes code that way even where Markdown does not
/// apply, and it is not prose.
fn code_spans_as_codes(mut run: Run) -> Run {
    let mut parts = Vec::with_capacity(run.parts.len());
    for part in run.parts {
        match part {
            Part::Text { span, text }
                if text.len() == span.len() && text.matches('`').count() >= 2 =>
            {
                let mut pos = 0;
                while let Some(open) = text[pos..].find('`').map(|o| pos + o) {
                    let Some(close) = text[open + 1..].find('`').map(|c| open + 1 + c) else {
                        break;
                    };
                    if open > pos {
                        parts.push(Part::Text {
                            span: span.start + pos..span.start + open,
                            text: text[pos..open].to_string(),
                        });
                    }
                    parts.push(Part::Code {
                        span: span.start + open..span.start + close + 1,
                        role: Role::Standalone,
                    });
                    pos = close + 1;
                }
                if pos < text.len() {
                    parts.push(Part::Text {
                        span: span.start + pos..span.end,
                        text: text[pos..].to_string(),
                    });
                }
            }
            other => parts.push(other),
        }
    }
    run.parts = parts;
    run
}

/// The role of an inline HTML tag: `<b>` opens, `</b>` closes; void
/// elements, self-closing tags, comments and anything else stand alone.
fn inline_html_role(tag: &str) -> Role {
    const VOID: &[&str] = &[
        "br", "img", "input", "wbr", "hr", "area", "embed", "source", "track", "col", "meta",
        "link", "base", "param",
    ];
    let name = crate::html::tag_name(tag);
    if name.is_empty() || !tag.starts_with('<') || tag.starts_with("<!") || tag.starts_with("<?") {
        Role::Standalone
    } else if tag.starts_with("</") {
        Role::Close
    } else if tag.ends_with("/>") || VOID.contains(&name.as_str()) {
        Role::Standalone
    } else {
        Role::Open
    }
}

/// True for text that, written as it reads, could start Markdown markup
/// (`&lt;`, `&#42;`, `&#35;`); `&amp;` or `&copy;` cannot.
fn reads_as_markup(text: &str) -> bool {
    text.bytes().any(|b| b"\\`*_{}[]<>#+-.!|~".contains(&b))
}

/// Gives each pending opening code its span, now that the next piece
/// starts at `at`: a pending element's code runs to the start of the next
/// pending one, the last to `at`.
fn resolve(opens: &mut [Open], run: &mut RunBuilder, source: &str, at: usize) {
    let first = opens.iter().position(|o| o.pending);
    let Some(first) = first else { return };
    for i in first..opens.len() {
        let end = opens.get(i + 1).map_or(at, |next| next.range.start);
        let start = opens[i].range.start;
        run.code(source, start..end.max(start), Role::Open);
        opens[i].pending = false;
    }
}

/// Writes translated text for Markdown: characters that would start
/// inline markup get a backslash (`*`, `_`, `` ` ``, `[`, `]`, `~`, `|`,
/// `\\`), and `<` or `&` where they would start a tag or a reference.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '*' | '_' | '`' | '[' | ']' | '~' | '|' | '\\' => true,
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => {
                let rest: String = chars[i + 1..].iter().take(34).collect();
                let name = rest.split(';').next().unwrap_or("");
                rest.contains(';')
                    && !name.is_empty()
                    && name
                        .trim_start_matches('#')
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric())
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::{Doc, Format};

    fn shown(md: &str) -> Vec<String> {
        crate::model::shown(md, Format::Markdown)
    }

    #[test]
    fn emphasis_strong_and_strike_are_paired() {
        assert_eq!(
            shown("A *soft* and **loud** and ~~old~~ word.\n"),
            ["A [+*]soft[-*] and [+**]loud[-**] and [+~~]old[-~~] word."]
        );
        assert_eq!(shown("***both***\n"), ["[+*][+**]both[-**][-*]"]);
    }

    #[test]
    fn links_and_images_keep_their_targets_in_codes() {
        assert_eq!(
            shown("See [the guide](https://example.org/g \"T\") or ![a cat](cat.png).\n"),
            ["See [+[]the guide[-](https://example.org/g \"T\")] or [+![]a cat[-](cat.png)]."]
        );
        assert_eq!(
            shown("Read [the notes][n].\n\n[n]: https://example.org/n\n"),
            ["Read [+[]the notes[-][n]]."]
        );
    }

    #[test]
    fn code_spans_autolinks_and_inline_html_are_standalone() {
        assert_eq!(
            shown("Run `make all` at <https://example.org> or <kbd>F5</kbd>.\n"),
            ["Run [=`make all`] at [=<https://example.org>] or [+<kbd>]F5[-</kbd>]."]
        );
    }

    #[test]
    fn block_markers_fenced_code_and_front_matter_stay_outside() {
        let md = "---\ntitle: Notes\n---\n\n# Heading one\n\n- item *a*\n- item b\n\n> quoted\n> text\n\n```sh\necho hi\n```\n\n    indented code\n";
        assert_eq!(
            shown(md),
            [
                "Heading one",
                "item [+*]a[-*]",
                "item b",
                "quoted\n[=> ]text"
            ]
        );
    }

    #[test]
    fn entities_read_as_their_characters() {
        let doc = Doc::parse("Caf&eacute; &copy; 2026 &mdash; ok.\n", Format::Markdown);
        assert_eq!(doc.run_text(&doc.runs()[0]), "Café © 2026 — ok.");
    }

    #[test]
    fn backslash_escapes_are_codes() {
        assert_eq!(
            shown("A \\*star\\* and a \\\\ and &lt;b&gt; &amp; &eacute;.\n"),
            ["A [=\\*]star[=\\*] and a [=\\\\] and [=&lt;]b[=&gt;] & é."]
        );
    }

    #[test]
    fn html_blocks_are_read_as_html() {
        let md = "<h3 name=\"faq\">\nWhy `this`?\n</h3>\n\nText.\n\n<details>\n<summary>More &amp; <b>less</b></summary>\n\nBody.\n\n</details>\n";
        assert_eq!(
            shown(md),
            [
                "\nWhy [=`this`]?\n",
                "Text.",
                "More & [+<b>]less[-</b>]",
                "Body."
            ]
        );
        let doc = Doc::parse(md, Format::Markdown);
        let markups: Vec<Format> = doc.runs().iter().map(|r| r.markup).collect();
        assert_eq!(
            markups,
            [
                Format::Html,
                Format::Markdown,
                Format::Html,
                Format::Markdown
            ]
        );
    }

    #[test]
    fn table_cells_are_runs_of_their_own() {
        let md = "| Name | Use |\n|---|---|\n| `ls` | lists *files* |\n";
        assert_eq!(shown(md), ["Name", "Use", "lists [+*]files[-*]"]);
    }

    #[test]
    fn encoding_escapes_what_would_become_markup() {
        assert_eq!(
            super::encode("2 * 3 = [six] <b> & &amp; a_b"),
            "2 \\* 3 = \\[six\\] \\<b> & \\&amp; a\\_b"
        );
    }

    #[test]
    fn hard_breaks_are_codes_and_soft_breaks_text() {
        assert_eq!(shown("one  \ntwo\nthree\n"), ["one[=  \n]two\nthree"]);
    }
}
