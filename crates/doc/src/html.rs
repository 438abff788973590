//! The HTML reader: html5gum's tokens with their byte spans.
//!
//! Block elements (`p`, `h1`, `li`, `td`, `div`, `title`, ...) end a run;
//! inline elements (`a`, `b`, `em`, `span`, `label`, ...) are paired codes
//! inside it, and `br`, `img`, `input`, comments are standalone codes.
//! `code`, `kbd`, `samp`, `var` and `tt` are one standalone code each, with
//! their content: code is not prose. `script`, `style`, `pre`, `textarea`,
//! `template`, `svg` and `math` stay in the skeleton (or are one code inside
//! a paragraph). Character references are decoded in the text and each is
//! a part of its own, so that it is never cut and comes back as it was.
//! Translatable attributes (`alt`, `title`, `placeholder`, `aria-label`,
//! `label`, `summary`, a button's `value`, a description `meta`'s
//! `content`) are runs of their own.

use crate::model::{Format, Role, Run, RunBuilder, RunKind};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::ops::Range;

/// A token with its span.
#[derive(Debug)]
enum Tok {
    Start {
        name: String,
        span: Range<usize>,
        /// Attribute name, the offset where the name ends, decoded value.
        attrs: Vec<(String, usize, String)>,
        self_closing: bool,
    },
    End {
        name: String,
        span: Range<usize>,
    },
    Text(Range<usize>),
    Other(Range<usize>),
}

/// The tokens of `source[range]`, with spans in `source`.
fn tokens(source: &str, range: Range<usize>) -> Vec<Tok> {
    let base = range.start;
    let mut toks = tokens_of(&source[range]);
    let shift = |r: &mut Range<usize>| *r = r.start + base..r.end + base;
    for t in &mut toks {
        match t {
            Tok::Start { span, attrs, .. } => {
                shift(span);
                for a in attrs.iter_mut() {
                    a.1 += base;
                }
            }
            Tok::End { span, .. } => shift(span),
            Tok::Text(span) | Tok::Other(span) => shift(span),
        }
    }
    toks
}

fn tokens_of(source: &str) -> Vec<Tok> {
    let mut name = String::new();
    let mut start = 0;
    let mut attrs: Vec<(String, usize, String)> = Vec::new();
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, span: Span<usize>| -> Option<Tok> {
            match event {
                CallbackEvent::OpenStartTag { name: n } => {
                    name = String::from_utf8_lossy(n).into_owned();
                    start = span.start;
                    attrs.clear();
                    None
                }
                CallbackEvent::AttributeName { name: n } => {
                    attrs.push((
                        String::from_utf8_lossy(n).into_owned(),
                        span.end,
                        String::new(),
                    ));
                    None
                }
                CallbackEvent::AttributeValue { value } => {
                    if let Some(last) = attrs.last_mut() {
                        last.2.push_str(&String::from_utf8_lossy(value));
                    }
                    None
                }
                CallbackEvent::CloseStartTag { self_closing } => Some(Tok::Start {
                    name: std::mem::take(&mut name),
                    span: start..span.end,
                    attrs: std::mem::take(&mut attrs),
                    self_closing,
                }),
                CallbackEvent::EndTag { name: n } => Some(Tok::End {
                    name: String::from_utf8_lossy(n).into_owned(),
                    span: span.start..span.end,
                }),
                CallbackEvent::String { .. } => Some(Tok::Text(span.start..span.end)),
                CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } => {
                    Some(Tok::Other(span.start..span.end))
                }
                CallbackEvent::Error(_) => None,
            }
        },
    );
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(source, emitter)
        .filter_map(Result::ok)
        .collect()
}

/// Elements inside a paragraph whose tags are codes around text.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "button", "cite", "data", "del", "dfn", "em",
    "font", "i", "ins", "label", "mark", "nobr", "q", "s", "small", "span", "strike", "strong",
    "sub", "sup", "time", "u", "output", "meter", "progress", "ruby", "rb", "rt", "rp",
];
/// Elements that stand alone inside a paragraph.
const VOID_INLINE: &[&str] = &["br", "img", "input", "wbr", "embed", "area"];
/// Elements that are one code with their content inside a paragraph.
const CODE_LIKE: &[&str] = &["code", "kbd", "samp", "var", "tt"];
/// Elements whose content is skeleton (or, inside a paragraph, one code).
const RAW: &[&str] = &[
    "script",
    "style",
    "pre",
    "textarea",
    "template",
    "svg",
    "math",
    "noscript",
    "object",
    "iframe",
    "select",
    "xmp",
    "listing",
    "plaintext",
];

/// The lower-case name of the tag that starts `tag` (`<b class=x>`,
/// `</B>`).
pub(crate) fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .flat_map(char::to_lowercase)
        .collect()
}

/// An element whose content is taken whole: its name, nesting depth, start.
struct Whole {
    name: String,
    depth: usize,
    start: usize,
    /// Whether it becomes a code of the current run (else skeleton).
    code: bool,
}

/// Reads the runs of an HTML document.
pub(crate) fn runs(source: &str) -> Vec<Run> {
    runs_in(source, 0..source.len())
}

/// Reads the runs of the HTML in `source[range]` (an HTML block of a
/// Markdown document), with spans in `source`.
pub(crate) fn runs_in(source: &str, range: Range<usize>) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = RunBuilder::new(RunKind::Block, Format::Html);
    let mut whole: Option<Whole> = None;
    for tok in tokens(source, range) {
        if let Some(w) = &mut whole {
            match &tok {
                Tok::Start {
                    name, self_closing, ..
                } if *name == w.name && !self_closing => w.depth += 1,
                Tok::End { name, span } if *name == w.name => {
                    w.depth -= 1;
                    if w.depth == 0 {
                        if w.code {
                            run.code(source, w.start..span.end, Role::Standalone);
                        }
                        whole = None;
                    }
                }
                _ => {}
            }
            if let Tok::Start { span, attrs, .. } = &tok {
                attribute_runs(source, span, attrs, &tok, &mut runs);
            }
            continue;
        }
        match &tok {
            Tok::Start {
                name,
                span,
                attrs,
                self_closing,
            } => {
                attribute_runs(source, span, attrs, &tok, &mut runs);
                let n = name.as_str();
                if VOID_INLINE.contains(&n) {
                    run.code(source, span.clone(), Role::Standalone);
                } else if CODE_LIKE.contains(&n) || (RAW.contains(&n) && !run.is_empty()) {
                    if *self_closing {
                        run.code(source, span.clone(), Role::Standalone);
                    } else {
                        whole = Some(Whole {
                            name: name.clone(),
                            depth: 1,
                            start: span.start,
                            code: true,
                        });
                    }
                } else if RAW.contains(&n) {
                    run.flush_into(&mut runs);
                    if !self_closing {
                        whole = Some(Whole {
                            name: name.clone(),
                            depth: 1,
                            start: span.start,
                            code: false,
                        });
                    }
                } else if INLINE.contains(&n) {
                    let role = if *self_closing {
                        Role::Standalone
                    } else {
                        Role::Open
                    };
                    run.code(source, span.clone(), role);
                } else {
                    run.flush_into(&mut runs);
                    run.title = n == "title" || n == "h1";
                }
            }
            Tok::End { name, span } => {
                let n = name.as_str();
                if INLINE.contains(&n) {
                    run.code(source, span.clone(), Role::Close);
                } else if VOID_INLINE.contains(&n) || CODE_LIKE.contains(&n) {
                    run.code(source, span.clone(), Role::Standalone);
                } else {
                    run.flush_into(&mut runs);
                }
            }
            Tok::Text(span) => {
                // White space alone does not start a paragraph.
                if !run.is_empty() || !source[span.clone()].trim().is_empty() {
                    decoded_text(source, span.clone(), &mut run);
                }
            }
            Tok::Other(span) => {
                if !run.is_empty() {
                    run.code(source, span.clone(), Role::Standalone);
                }
            }
        }
    }
    run.flush_into(&mut runs);
    runs
}

/// Whether attribute `name` of `tok` is text for translators.
fn translatable(tok: &Tok, name: &str) -> bool {
    let Tok::Start {
        name: element,
        attrs,
        ..
    } = tok
    else {
        return false;
    };
    let value_of = |key: &str| {
        attrs
            .iter()
            .find(|a| a.0 == key)
            .map(|a| a.2.to_ascii_lowercase())
    };
    match name {
        "alt" | "title" | "placeholder" | "aria-label" | "aria-description" | "summary" => true,
        "label" => matches!(
            element.as_str(),
            "option" | "optgroup" | "track" | "menuitem"
        ),
        "value" => {
            element == "input"
                && value_of("type")
                    .is_some_and(|t| matches!(t.as_str(), "submit" | "button" | "reset"))
        }
        "content" => {
            element == "meta"
                && value_of("name")
                    .or_else(|| value_of("property"))
                    .is_some_and(|n| {
                        matches!(
                            n.as_str(),
                            "description"
                                | "og:title"
                                | "og:description"
                                | "twitter:title"
                                | "twitter:description"
                        )
                    })
        }
        _ => false,
    }
}

/// Adds a run for each translatable attribute value of a start tag.
fn attribute_runs(
    source: &str,
    tag: &Range<usize>,
    attrs: &[(String, usize, String)],
    tok: &Tok,
    runs: &mut Vec<Run>,
) {
    for (name, name_end, _) in attrs {
        if !translatable(tok, name) {
            continue;
        }
        let Some(value) = value_span(source, *name_end, tag.end) else {
            continue;
        };
        let mut run = RunBuilder::new(RunKind::Attribute, Format::Html);
        decoded_text(source, value, &mut run);
        run.flush_into(runs);
    }
}

/// The span of an attribute's value, quotes left out, from the end of its
/// name; `None` for an attribute without a value.
fn value_span(source: &str, name_end: usize, tag_end: usize) -> Option<Range<usize>> {
    let bytes = source.as_bytes();
    let mut i = name_end;
    while i < tag_end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < tag_end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    match bytes.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let start = i + 1;
            let len = source[start..tag_end].find(q as char)?;
            Some(start..start + len)
        }
        Some(_) => {
            let start = i;
            let len = source[start..tag_end]
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(tag_end - start);
            Some(start..start + len)
        }
        None => None,
    }
}

/// Adds the text of `span` to `run`: plain stretches as they are, each
/// character reference as a part of its own that reads as its character.
/// A reference whose character would read as markup next to what follows
/// (`&lt;` before a letter, `&amp;` before `name;`) stays a code.
fn decoded_text(source: &str, span: Range<usize>, run: &mut RunBuilder) {
    let text = &source[span.clone()];
    let mut plain = 0;
    let mut i = 0;
    while let Some(off) = text[i..].find('&') {
        let at = i + off;
        let Some(len) = reference_len(&text[at..]) else {
            i = at + 1;
            continue;
        };
        let reference = &text[at..at + len];
        let Some(decoded) = decode_reference(reference) else {
            i = at + 1;
            continue;
        };
        let base = span.start;
        run.text(source, base + plain..base + at, &text[plain..at]);
        let after = &text[at + len..];
        if looks_like_markup(&decoded, after) {
            run.code(source, base + at..base + at + len, Role::Standalone);
        } else {
            run.text(source, base + at..base + at + len, &decoded);
        }
        i = at + len;
        plain = i;
    }
    run.text(source, span.start + plain..span.end, &text[plain..]);
}

/// The length of the character reference at the start of `s` (`&amp;`,
/// `&#233;`, `&#xE9;`), ending with `;`.
fn reference_len(s: &str) -> Option<usize> {
    let body = &s[1..];
    let end = body.find(';')?;
    let name = &body[..end];
    let ok = if let Some(num) = name.strip_prefix('#') {
        if let Some(hex) = num.strip_prefix(['x', 'X']) {
            !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit())
        } else {
            !num.is_empty() && num.chars().all(|c| c.is_ascii_digit())
        }
    } else {
        name.len() <= 32
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric())
    };
    ok.then_some(end + 2)
}

/// What a character reference reads as, by the tokenizer's own table;
/// `None` when it is not one.
fn decode_reference(reference: &str) -> Option<String> {
    let mut out = String::new();
    for token in Tokenizer::new(reference).flatten() {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    (out != reference && !out.is_empty()).then_some(out)
}

fn looks_like_markup(decoded: &str, after: &str) -> bool {
    match decoded {
        "<" => after.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')),
        "&" => reference_len(&format!(
            "&{}",
            after.split(char::is_whitespace).next().unwrap_or("")
        ))
        .is_some(),
        _ => false,
    }
}

/// Writes translated text for HTML: `&`, `<` and `>` as references, and
/// in an attribute value the quotes too.
pub(crate) fn encode(text: &str, kind: RunKind) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if kind == RunKind::Attribute => out.push_str("&quot;"),
            '\'' if kind == RunKind::Attribute => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Doc;

    fn shown(html: &str) -> Vec<String> {
        crate::model::shown(html, Format::Html)
    }

    #[test]
    fn blocks_are_runs_and_inline_tags_codes() {
        assert_eq!(
            shown("<h1>Title</h1>\n<p>A <a href=\"/x\">link</a> and<br>more.</p>"),
            ["Title", "A [+<a href=\"/x\">]link[-</a>] and[=<br>]more."]
        );
    }

    #[test]
    fn script_style_pre_and_comments_stay_outside() {
        let html = "<head><style>p{color:red}</style><script>var a = '<p>x</p>';</script></head>\n<!-- note -->\n<pre>keep   this</pre><p>Text <!-- aside --> here.</p>";
        assert_eq!(shown(html), ["Text [=<!-- aside -->] here."]);
    }

    #[test]
    fn code_elements_are_one_code_with_their_content() {
        assert_eq!(
            shown("<p>Use <code>&lt;Directory&gt;</code> or <kbd><b>F1</b></kbd>.</p>"),
            ["Use [=<code>&lt;Directory&gt;</code>] or [=<kbd><b>F1</b></kbd>]."]
        );
    }

    #[test]
    fn character_references_are_decoded_parts() {
        let html = "<p>Fish &amp; chips&nbsp;&#233;t&#xE9; &unknown; a &lt;b&gt; tag</p>";
        let doc = Doc::parse(html, Format::Html);
        assert_eq!(
            doc.run_text(&doc.runs()[0]),
            "Fish & chips\u{a0}été &unknown; a b> tag"
        );
        // `&lt;` before a letter would read as a tag: it stays a code.
        assert!(
            shown(html)[0].ends_with(" a [=&lt;]b> tag"),
            "{:?}",
            shown(html)
        );
    }

    #[test]
    fn translatable_attributes_are_runs() {
        let html = "<meta name=\"description\" content=\"A page &amp; more\"><meta name=\"viewport\" content=\"width=device-width\">\
                    <p><img src=\"a.png\" alt='A cat' title=Cats> <input type=submit value=\"Send it\"> <input type=text value=\"keep\"></p>";
        let doc = Doc::parse(html, Format::Html);
        let attrs: Vec<String> = doc
            .runs()
            .iter()
            .filter(|r| r.kind == RunKind::Attribute)
            .map(|r| doc.run_text(r))
            .collect();
        assert_eq!(attrs, ["A page & more", "A cat", "Cats", "Send it"]);
    }

    #[test]
    fn attribute_values_without_quotes_or_values() {
        let s = "<input disabled title = x>";
        assert_eq!(value_span(s, 6, s.len()), None);
        let at = s.find("title").unwrap() + 5;
        assert_eq!(&s[value_span(s, at, s.len()).unwrap()], "x");
    }

    #[test]
    fn encoding_escapes_markup_characters() {
        assert_eq!(
            encode("a < b & \"c\"", RunKind::Block),
            "a &lt; b &amp; \"c\""
        );
        assert_eq!(
            encode("it's \"x\"", RunKind::Attribute),
            "it&#39;s &quot;x&quot;"
        );
    }
}
