//! A small element tree read with quick-xml, for the XML readers.
//!
//! The tree does not copy the document's strings: it keeps 8 bytes per
//! element or text, a byte offset into the parsed text and a link. Names,
//! attributes and text are read from the text when asked for. The whole
//! document is checked while the tree is built, so reading them later
//! cannot fail. A file of millions of `<x/>` (4 bytes each) takes about
//! twice its size for the tree.

use quick_xml::Reader;
use quick_xml::escape::EscapeError;
use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// One element or text of a [`Tree`], in document order.
///
/// `at` is the byte offset of an element's `<`, of a CDATA section's `<`,
/// or of the first byte of text (never `<`). `link` is, for an element, the
/// index of the first slot after its subtree; for text, the length of the
/// raw text; for CDATA, the length of its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    at: u32,
    link: u32,
}

// The tree's memory is 8 bytes per element or text (issue 14).
const _: () = assert!(std::mem::size_of::<Slot>() == 8);

/// What a slot holds, told by the document at the slot's offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Element,
    Text,
    CData,
}

/// Slots in chunks of a fixed size, so that adding one never copies the
/// others (a growing `Vec` holds the old and the new copy at once).
#[derive(Debug, Default)]
struct Slots {
    chunks: Vec<Vec<Slot>>,
    len: u32,
}

const CHUNK: usize = 1 << 16;

impl Slots {
    fn push(&mut self, slot: Slot) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(slot),
            _ => {
                // The first chunk grows as needed, so a small document
                // takes little; the next ones are allocated whole.
                let size = if self.chunks.is_empty() { 0 } else { CHUNK };
                let mut chunk = Vec::with_capacity(size);
                chunk.push(slot);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    fn get(&self, i: u32) -> Slot {
        let i = i as usize;
        self.chunks[i / CHUNK][i % CHUNK]
    }

    fn set_link(&mut self, i: u32, link: u32) {
        let i = i as usize;
        self.chunks[i / CHUNK][i % CHUNK].link = link;
    }
}

const CDATA_OPEN: &str = "<![CDATA[";

/// A parsed document: its text and the slots of its elements and texts.
#[derive(Debug)]
pub(crate) struct Tree<'a> {
    src: &'a str,
    slots: Slots,
    root: u32,
}

impl<'a> Tree<'a> {
    /// The root element.
    pub(crate) fn root(&self) -> Element<'_> {
        Element {
            tree: self,
            index: self.root,
        }
    }

    fn kind(&self, slot: Slot) -> Kind {
        let bytes = self.src.as_bytes();
        let at = slot.at as usize;
        match bytes.get(at) {
            Some(b'<') if bytes.get(at + 1) == Some(&b'!') => Kind::CData,
            Some(b'<') => Kind::Element,
            _ => Kind::Text,
        }
    }

    /// The text of a text or CDATA slot, as the XML parser delivers it.
    fn text(&self, slot: Slot) -> Cow<'a, str> {
        let at = slot.at as usize;
        let len = slot.link as usize;
        match self.kind(slot) {
            Kind::Text => {
                let raw = &self.src[at..at + len];
                // `parse` resolved it once, so it cannot fail here.
                decode(raw).unwrap_or(Cow::Borrowed(raw))
            }
            Kind::CData => {
                let start = at + CDATA_OPEN.len();
                normalize_line_ends(&self.src[start..start + len])
            }
            Kind::Element => Cow::Borrowed(""),
        }
    }
}

/// A child of an element: an element or text.
pub(crate) enum Node<'t> {
    Element(Element<'t>),
    Text(Cow<'t, str>),
}

/// An element of a [`Tree`].
#[derive(Clone, Copy)]
pub(crate) struct Element<'t> {
    tree: &'t Tree<'t>,
    index: u32,
}

impl<'t> Element<'t> {
    fn at(&self) -> usize {
        self.tree.slots.get(self.index).at as usize
    }

    /// The element's local name (without a namespace prefix).
    pub(crate) fn name(&self) -> &'t str {
        local_name(self.tree.src, self.at())
    }

    /// The start tag, parsed again.
    fn start_tag(&self) -> Option<BytesStart<'t>> {
        let src = self.tree.src;
        match Reader::from_str(&src[self.at()..]).read_event() {
            Ok(Event::Start(s) | Event::Empty(s)) => Some(s),
            _ => None,
        }
    }

    /// The value of attribute `name` (a qualified name such as `xml:lang`),
    /// references resolved.
    pub(crate) fn attr(&self, name: &str) -> Option<Cow<'t, str>> {
        if tag_name(self.tree.src, self.at()).1 {
            return None;
        }
        let start = self.start_tag()?;
        let from = self.at() + 1;
        let content = self.tree.src.get(from..from + start.len())?;
        for a in Attributes::new(content, start.name().as_ref().len()) {
            let a = a.ok()?;
            if a.key.as_ref() != name.as_bytes() {
                continue;
            }
            // `parse` resolved every value once, so this cannot fail.
            return match a.value {
                Cow::Borrowed(raw) => decode(std::str::from_utf8(raw).ok()?).ok(),
                Cow::Owned(raw) => {
                    let raw = String::from_utf8(raw).ok()?;
                    Some(Cow::Owned(decode(&raw).ok()?.into_owned()))
                }
            };
        }
        None
    }

    /// The slots of the children, with their kind.
    fn child_slots(&self) -> impl Iterator<Item = (u32, Slot, Kind)> + use<'t> {
        let tree = self.tree;
        let end = tree.slots.get(self.index).link;
        let mut i = self.index + 1;
        std::iter::from_fn(move || {
            if i >= end {
                return None;
            }
            let (index, slot) = (i, tree.slots.get(i));
            let kind = tree.kind(slot);
            // Past the child's subtree.
            i = match kind {
                Kind::Element => slot.link,
                Kind::Text | Kind::CData => i + 1,
            };
            Some((index, slot, kind))
        })
    }

    /// The children: elements and text, in document order.
    pub(crate) fn children(&self) -> impl Iterator<Item = Node<'t>> + use<'t> {
        let tree = self.tree;
        self.child_slots()
            .map(move |(index, slot, kind)| match kind {
                Kind::Element => Node::Element(Element { tree, index }),
                Kind::Text | Kind::CData => Node::Text(tree.text(slot)),
            })
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = Element<'t>> + use<'t> {
        let tree = self.tree;
        self.child_slots()
            .filter(|&(_, _, kind)| kind == Kind::Element)
            .map(move |(index, _, _)| Element { tree, index })
    }

    /// The child elements named `name`.
    pub(crate) fn children_named<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = Element<'t>> + use<'t, 'n> {
        self.elements().filter(move |e| e.name() == name)
    }

    /// The first child element named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<Element<'t>> {
        self.children_named(name).next()
    }

    /// Every descendant element named `name`, in document order.
    pub(crate) fn descendants(&self, name: &str, out: &mut Vec<Element<'t>>) {
        let tree = self.tree;
        let end = tree.slots.get(self.index).link;
        for index in self.index + 1..end {
            let e = Element { tree, index };
            if tree.kind(tree.slots.get(index)) == Kind::Element && e.name() == name {
                out.push(e);
            }
        }
    }

    /// All text inside the element.
    pub(crate) fn text(&self) -> String {
        let tree = self.tree;
        let end = tree.slots.get(self.index).link;
        let mut out = String::new();
        for index in self.index + 1..end {
            let slot = tree.slots.get(index);
            if tree.kind(slot) != Kind::Element {
                out.push_str(&tree.text(slot));
            }
        }
        out
    }
}

/// The qualified name of the element whose `<` is at byte `at`, the tag's
/// first word as quick-xml reads it, and whether the tag ends right after
/// it (`<x>`, `<x/>`: no attributes).
fn tag_name(src: &str, at: usize) -> (&str, bool) {
    let from = at + 1;
    let rest = src.as_bytes().get(from..).unwrap_or_default();
    let stop = rest
        .iter()
        .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'"' | b'\''));
    let (len, ends) = match stop {
        // `<x/>`: the slash closes the element.
        Some(p) if rest[p] == b'>' => (rest[..p].strip_suffix(b"/").map_or(p, <[u8]>::len), true),
        Some(p) if rest[p] != b'"' && rest[p] != b'\'' => (p, false),
        // A quote before the name ends (`<a"b>c" ...>`): the tag's end is
        // found only by parsing it.
        _ => match Reader::from_str(&src[at..]).read_event() {
            Ok(Event::Start(s) | Event::Empty(s)) => (s.name().as_ref().len(), false),
            _ => (0, false),
        },
    };
    (src.get(from..from + len).unwrap_or_default(), ends)
}

/// The local name of the element whose `<` is at byte `at` (its name
/// without a prefix).
fn local_name(src: &str, at: usize) -> &str {
    let name = tag_name(src, at).0;
    name.split_once(':').map_or(name, |(_, local)| local)
}

/// Line ends as an XML parser delivers them: CR LF and lone CR become LF.
/// A carriage return written as `&#13;` is not touched, since this runs
/// before character references are resolved.
fn normalize_line_ends(raw: &str) -> Cow<'_, str> {
    if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        raw.into()
    }
}

/// Raw text or an attribute value as an XML parser delivers it: line ends
/// normalised, then references resolved.
fn decode(raw: &str) -> Result<Cow<'_, str>, EscapeError> {
    match normalize_line_ends(raw) {
        Cow::Borrowed(raw) => quick_xml::escape::unescape(raw),
        Cow::Owned(text) => Ok(Cow::Owned(quick_xml::escape::unescape(&text)?.into_owned())),
    }
}

/// Checks a start tag's attributes: well formed, unique, references known.
fn check_attributes(start: &BytesStart<'_>) -> Result<(), String> {
    for a in start.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let raw = std::str::from_utf8(&a.value).map_err(|e| e.to_string())?;
        decode(raw).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// How deep elements may nest. Translation files nest a few levels (inline
/// codes inside segments inside units); a limit keeps the readers, which
/// walk the tree recursively, from exhausting the stack.
const MAX_DEPTH: usize = 1000;

/// Parses `xml` and returns its tree. Only the five predefined entities and
/// character references are resolved: a DOCTYPE's entities, internal or
/// external, are never expanded (a reference to one is an error), so an
/// expansion bomb or an external file cannot get in. Offsets are 32-bit: a
/// document over 4 GiB is an error.
pub(crate) fn parse(xml: &str) -> Result<Tree<'_>, String> {
    if u32::try_from(xml.len()).is_err() {
        return Err(format!(
            "{} bytes: an XML file over 4 GiB is not read",
            xml.len()
        ));
    }
    let mut reader = Reader::from_str(xml);
    let mut slots = Slots::default();
    // The slots of the elements open at this point.
    let mut open: Vec<u32> = Vec::new();
    let mut root = None;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {at}: {e}"))?;
        // Below the length checked above.
        let at = at as u32;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(_) if open.len() >= MAX_DEPTH => {
                return Err(format!(
                    "at byte {at}: elements nested more than {MAX_DEPTH} deep"
                ));
            }
            Event::Start(s) | Event::Empty(s) => {
                check_attributes(&s)?;
                debug_assert_eq!(
                    local_name(xml, at as usize).as_bytes(),
                    s.local_name().into_inner()
                );
                if open.is_empty() {
                    root = root.or(Some(slots.len));
                }
                // An empty element's subtree ends right after it; a start
                // tag's link is set at its end tag.
                let link = if empty {
                    slots.len + 1
                } else {
                    open.push(slots.len);
                    0
                };
                slots.push(Slot { at, link });
            }
            Event::End(_) => {
                let start = open.pop().ok_or("unbalanced end tag")?;
                slots.set_link(start, slots.len);
            }
            Event::Text(t) => {
                let raw = std::str::from_utf8(t.as_ref()).map_err(|e| e.to_string())?;
                decode(raw).map_err(|e| format!("at byte {at}: {e}"))?;
                debug_assert_eq!(xml.get(at as usize..at as usize + raw.len()), Some(raw));
                if !raw.is_empty() && !open.is_empty() {
                    let link = raw.len() as u32;
                    slots.push(Slot { at, link });
                }
            }
            Event::CData(c) => {
                let raw = std::str::from_utf8(c.as_ref()).map_err(|e| e.to_string())?;
                let from = at as usize + CDATA_OPEN.len();
                debug_assert_eq!(xml.get(from..from + raw.len()), Some(raw));
                if !raw.is_empty() && !open.is_empty() {
                    let link = raw.len() as u32;
                    slots.push(Slot { at, link });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err("unclosed element at end of file".into());
    }
    let root = root.ok_or("no root element")?;
    Ok(Tree {
        src: xml,
        slots,
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_line_ends_are_resolved_like_xml() {
        let tree =
            parse("<a x=\"1&#10;2\">l1\r\nl2&#13;&#10;&amp;<b/>t<![CDATA[<c>]]></a>").unwrap();
        let root = tree.root();
        assert_eq!(root.attr("x").as_deref(), Some("1\n2"));
        assert_eq!(root.text(), "l1\nl2\r\n&t<c>");
        assert_eq!(root.elements().count(), 1);
    }

    #[test]
    fn names_and_attributes_are_read_again_from_the_text() {
        let xml = "<r><p:x/><y a=\"1\" b='&lt;'>t</y><z\r\n c=\">\"/><q\"n>\" k=\"v\"/></r>";
        let tree = parse(xml).unwrap();
        let children: Vec<Element<'_>> = tree.root().elements().collect();
        let names: Vec<&str> = children.iter().map(|e| e.name()).collect();
        assert_eq!(names, ["x", "y", "z", "q\"n>\""]);
        assert_eq!(children[0].attr("a"), None);
        assert_eq!(children[1].attr("a").as_deref(), Some("1"));
        assert_eq!(children[1].attr("b").as_deref(), Some("<"));
        assert_eq!(children[2].attr("c").as_deref(), Some(">"));
        assert_eq!(children[3].attr("k").as_deref(), Some("v"));
        assert_eq!(tree.root().text(), "t");
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
