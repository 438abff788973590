//! Writing XML with quick-xml, with the escaping translation files need.
//!
//! quick-xml escapes `<`, `>`, `&` and quotes; this module also writes a
//! carriage return as `&#13;` (a literal CR would be turned into a line feed
//! by every XML parser), and in attributes tab and line feed as `&#9;` and
//! `&#10;` (attribute values are otherwise normalised to spaces).

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use std::borrow::Cow;

/// Escapes element text. The text must not hold XML-invalid characters.
pub(crate) fn escape_text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escapes an attribute value. The value must not hold XML-invalid characters.
pub(crate) fn escape_attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, attr: bool) -> Cow<'_, str> {
    let needs = |c: char| match c {
        '<' | '>' | '&' | '\r' => true,
        '"' | '\t' | '\n' => attr,
        _ => false,
    };
    if !s.contains(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An XML document being written.
pub(crate) struct XmlOut {
    writer: Writer<Vec<u8>>,
}

impl XmlOut {
    /// A document that starts with the XML declaration (UTF-8).
    pub(crate) fn new() -> XmlOut {
        let mut writer = Writer::new(Vec::new());
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect("writing to memory");
        let mut out = XmlOut { writer };
        out.raw("\n");
        out
    }

    /// Writes a document type declaration, e.g. `tmx SYSTEM "tmx14.dtd"`.
    pub(crate) fn doctype(&mut self, content: &str) {
        self.event(Event::DocType(BytesText::from_escaped(content)));
        self.raw("\n");
    }

    fn element<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut e = BytesStart::new(name);
        for (key, value) in attrs {
            e.push_attribute(Attribute {
                key: QName(key.as_bytes()),
                value: Cow::Owned(escape_attr(value).into_owned().into_bytes()),
            });
        }
        e
    }

    /// Opens element `name` with attributes.
    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(XmlOut::element(name, attrs)));
    }

    /// Closes element `name`.
    pub(crate) fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// Writes an empty element.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(XmlOut::element(name, attrs)));
    }

    /// Writes an element that holds only `text`.
    pub(crate) fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.text(text);
        self.end(name);
    }

    /// Writes text, escaped.
    pub(crate) fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.event(Event::Text(BytesText::from_escaped(escape_text(text))));
        }
    }

    /// Writes markup-free layout text (indentation) as it is.
    pub(crate) fn raw(&mut self, layout: &str) {
        self.event(Event::Text(BytesText::from_escaped(layout)));
    }

    fn event(&mut self, event: Event<'_>) {
        self.writer.write_event(event).expect("writing to memory");
    }

    /// The finished document.
    pub(crate) fn finish(mut self) -> String {
        self.raw("\n");
        String::from_utf8(self.writer.into_inner()).expect("only UTF-8 was written")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_markup_and_cr() {
        assert_eq!(escape_text("a<b>&c\r\n\"'"), "a&lt;b&gt;&amp;c&#13;\n\"'");
        assert!(matches!(escape_text("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_escape_whitespace_and_quotes() {
        assert_eq!(escape_attr("x\"y\tz\n\r"), "x&quot;y&#9;z&#10;&#13;");
    }

    #[test]
    fn writer_escapes_attributes_once() {
        let mut out = XmlOut::new();
        out.text_element("a", &[("k", "1 & 2")], "<x>");
        let xml = out.finish();
        assert!(xml.contains(r#"<a k="1 &amp; 2">&lt;x&gt;</a>"#), "{xml}");
    }
}
