//! A small element tree read with quick-xml, for the XML readers.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// A node: an element or text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

/// An element with its local name, attributes (by qualified name) and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    /// The value of attribute `name` (a qualified name such as `xml:lang`).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements named `name`.
    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first child element named `name`.
    pub(crate) fn child<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
        self.children_named(name).next()
    }

    /// Every descendant element named `name`, in document order.
    pub(crate) fn descendants<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.descendants(name, out);
        }
    }

    /// All text inside the element.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// Line ends as an XML parser delivers them: CR LF and lone CR become LF.
/// A carriage return written as `&#13;` is not touched, since this runs
/// before character references are resolved.
fn normalize_line_ends(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        raw.into()
    }
}

fn element(start: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let raw = std::str::from_utf8(&a.value).map_err(|e| e.to_string())?;
        let value = quick_xml::escape::unescape(&normalize_line_ends(raw))
            .map_err(|e| e.to_string())?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// How deep elements may nest. Translation files nest a few levels (inline
/// codes inside segments inside units); a limit keeps the tree, which is
/// walked and dropped recursively, from exhausting the stack.
const MAX_DEPTH: usize = 1000;

/// Parses `xml` and returns its root element. Only the five predefined
/// entities and character references are resolved: a DOCTYPE's entities,
/// internal or external, are never expanded (a reference to one is an
/// error), so an expansion bomb or an external file cannot get in.
pub(crate) fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {at}: {e}"))?;
        match event {
            Event::Start(_) if stack.len() > MAX_DEPTH => {
                return Err(format!(
                    "at byte {at}: elements nested more than {MAX_DEPTH} deep"
                ));
            }
            Event::Start(s) => stack.push(element(&s)?),
            Event::Empty(s) => {
                let e = element(&s)?;
                push(&mut stack, Node::Element(e));
            }
            Event::End(_) => {
                let done = stack.pop().ok_or("unbalanced end tag")?;
                if stack.is_empty() {
                    return Err("unbalanced end tag".into());
                }
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => {
                let raw = std::str::from_utf8(t.as_ref()).map_err(|e| e.to_string())?;
                let text = quick_xml::escape::unescape(&normalize_line_ends(raw))
                    .map_err(|e| format!("at byte {at}: {e}"))?
                    .into_owned();
                push(&mut stack, Node::Text(text));
            }
            Event::CData(c) => {
                let raw = std::str::from_utf8(c.as_ref()).map_err(|e| e.to_string())?;
                push(
                    &mut stack,
                    Node::Text(normalize_line_ends(raw).into_owned()),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err("unclosed element at end of file".into());
    }
    let top = stack.pop().unwrap_or_default();
    top.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| "no root element".into())
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(parent) = stack.last_mut() {
        if let (Node::Text(t), Some(Node::Text(prev))) = (&node, parent.children.last_mut()) {
            prev.push_str(t);
            return;
        }
        parent.children.push(node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_line_ends_are_resolved_like_xml() {
        let root =
            parse("<a x=\"1&#10;2\">l1\r\nl2&#13;&#10;&amp;<b/>t<![CDATA[<c>]]></a>").unwrap();
        assert_eq!(root.attr("x"), Some("1\n2"));
        assert_eq!(root.text(), "l1\nl2\r\n&t<c>");
        assert_eq!(root.elements().count(), 1);
    }

    #[test]
    fn deep_nesting_and_entities_are_errors() {
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert!(parse(&deep).unwrap_err().contains("nested more than"));
        let bomb =
            "<!DOCTYPE a [<!ENTITY x \"xxxxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]><a>&y;</a>";
        assert!(parse(bomb).is_err());
        let external = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
        assert!(parse(external).is_err());
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("no xml").is_err());
    }
}
