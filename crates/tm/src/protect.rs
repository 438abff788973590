//! Placeholders: spans (URLs, e-mail addresses, numbers, markup tags) that
//! translators must not break, found in a segment's text.

use regex::Regex;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::OnceLock;

/// Which kinds of span become inline codes (`--protect urls,emails,numbers,tags`).
///
/// ```
/// use excerpt_tm::Protect;
///
/// let p: Protect = "urls,tags".parse().unwrap();
/// assert!(p.urls && p.tags && !p.numbers);
/// assert_eq!(p.to_string(), "urls,tags");
/// assert!("colours".parse::<Protect>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Protect {
    /// `http://`, `https://`, `ftp://` and `www.` addresses.
    pub urls: bool,
    /// E-mail addresses.
    pub emails: bool,
    /// Numbers, with their decimal and thousands separators.
    pub numbers: bool,
    /// Markup tags such as `<b>`, `</a>` or `<br/>`.
    pub tags: bool,
}

/// The kind of a protected span.
///
/// ```
/// use excerpt_tm::SpanKind;
///
/// assert_eq!(SpanKind::Url.name(), "url");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A number.
    Number,
    /// A markup tag.
    Tag,
}

impl SpanKind {
    /// A short lowercase name, used in the written files (`x-url`, ...).
    ///
    /// ```
    /// assert_eq!(excerpt_tm::SpanKind::Tag.name(), "tag");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            SpanKind::Url => "url",
            SpanKind::Email => "email",
            SpanKind::Number => "number",
            SpanKind::Tag => "tag",
        }
    }
}

impl Protect {
    /// Nothing is protected.
    ///
    /// ```
    /// assert!(excerpt_tm::Protect::none().is_empty());
    /// ```
    pub fn none() -> Protect {
        Protect::default()
    }

    /// True when no kind is protected.
    ///
    /// ```
    /// assert!(!"numbers".parse::<excerpt_tm::Protect>().unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        !(self.urls || self.emails || self.numbers || self.tags)
    }

    /// The protected spans of `text`, in order and without overlaps. When
    /// two spans overlap, the one that starts first wins, and at the same
    /// start the longer one.
    ///
    /// ```
    /// use excerpt_tm::{Protect, SpanKind};
    ///
    /// let p: Protect = "urls,numbers".parse().unwrap();
    /// let text = "See https://example.org/v2 for 3 tips.";
    /// let spans = p.find(text);
    /// assert_eq!(spans.len(), 2);
    /// assert_eq!((spans[0].0, &text[spans[0].1.clone()]), (SpanKind::Url, "https://example.org/v2"));
    /// assert_eq!(&text[spans[1].1.clone()], "3");
    /// ```
    pub fn find(&self, text: &str) -> Vec<(SpanKind, Range<usize>)> {
        let mut all = Vec::new();
        let kinds = [
            (self.tags, SpanKind::Tag),
            (self.urls, SpanKind::Url),
            (self.emails, SpanKind::Email),
            (self.numbers, SpanKind::Number),
        ];
        for (on, kind) in kinds {
            if on {
                all.extend(pattern(kind).find_iter(text).map(|m| (kind, m.range())));
            }
        }
        all.sort_by(|a, b| a.1.start.cmp(&b.1.start).then(b.1.end.cmp(&a.1.end)));
        let mut out: Vec<(SpanKind, Range<usize>)> = Vec::new();
        for (kind, range) in all {
            if out.last().is_none_or(|last| last.1.end <= range.start) {
                out.push((kind, range));
            }
        }
        out
    }
}

fn pattern(kind: SpanKind) -> &'static Regex {
    static URL: OnceLock<Regex> = OnceLock::new();
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    static TAG: OnceLock<Regex> = OnceLock::new();
    let (cell, source) = match kind {
        // An address ends before trailing sentence punctuation.
        SpanKind::Url => (
            &URL,
            r#"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"\x00-\x1f]*[^\s<>"\x00-\x1f.,;:!?)\]'’”]"#,
        ),
        SpanKind::Email => (
            &EMAIL,
            r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b",
        ),
        SpanKind::Number => (&NUMBER, r"\b\d+(?:[.,:]\d+)*\b"),
        SpanKind::Tag => (
            &TAG,
            r#"</?[A-Za-z][A-Za-z0-9:._-]*(?:\s+[^<>\x00-\x1f]*?)?/?>"#,
        ),
    };
    cell.get_or_init(|| Regex::new(source).expect("protect patterns are valid"))
}

impl FromStr for Protect {
    type Err = String;

    fn from_str(s: &str) -> Result<Protect, String> {
        let mut p = Protect::default();
        for word in s.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match word {
                "urls" | "url" => p.urls = true,
                "emails" | "email" => p.emails = true,
                "numbers" | "number" => p.numbers = true,
                "tags" | "tag" => p.tags = true,
                "none" => {}
                other => {
                    return Err(format!(
                        "unknown kind {other:?} (expected urls, emails, numbers, tags)"
                    ));
                }
            }
        }
        Ok(p)
    }
}

impl fmt::Display for Protect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (self.urls, "urls"),
            (self.emails, "emails"),
            (self.numbers, "numbers"),
            (self.tags, "tags"),
        ];
        let on: Vec<&str> = names.iter().filter(|n| n.0).map(|n| n.1).collect();
        f.write_str(&on.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(p: &str, text: &str) -> Vec<String> {
        let p: Protect = p.parse().unwrap();
        p.find(text)
            .into_iter()
            .map(|(_, r)| text[r].to_string())
            .collect()
    }

    #[test]
    fn url_stops_before_sentence_punctuation() {
        assert_eq!(
            found("urls", "Read www.example.com/a?b=1. Then go."),
            ["www.example.com/a?b=1"]
        );
    }

    #[test]
    fn email_wins_over_the_number_inside_it() {
        assert_eq!(
            found(
                "emails,numbers",
                "Mail desk42@news.example.net or call 555."
            ),
            ["desk42@news.example.net", "555"]
        );
    }

    #[test]
    fn tags_with_attributes_and_self_closing() {
        assert_eq!(
            found("tags", r#"A <a href="x">link</a> and a<br/>break."#),
            [r#"<a href="x">"#, "</a>", "<br/>"]
        );
    }

    #[test]
    fn comparison_is_not_a_tag() {
        assert!(found("tags", "If a < b and c > d then stop.").is_empty());
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            found("numbers", "It cost 1,250.75 euros at 10:30."),
            ["1,250.75", "10:30"]
        );
    }

    #[test]
    fn nothing_protected_finds_nothing() {
        assert!(Protect::none().find("http://a.example 12").is_empty());
    }
}
