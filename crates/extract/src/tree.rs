//! A DOM-ish element tree built from html5gum's tokens, with the implied
//! end tags that matter for reading (`p`, `li`, `td`, `tr`, `dt`, `dd`,
//! `option`) and void elements; comments and doctypes are dropped.

use html5gum::Tokenizer;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};

/// One element: its name, attributes, parent and children.
#[derive(Debug)]
pub(crate) struct Node {
    pub tag: String,
    pub attrs: Vec<(String, String)>,
    pub parent: Option<usize>,
    pub children: Vec<Child>,
}

/// A child of an element: another element or a piece of text (character
/// references decoded).
#[derive(Debug)]
pub(crate) enum Child {
    Node(usize),
    Text(String),
}

/// The elements of a page; node 0 is the document itself (tag `#root`).
#[derive(Debug)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Start tags that close an open `p` (HTML's "close a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements that stay in an open `head` (any other start tag ends it).
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script", "style",
    "template", "title",
];

/// Elements that bound the search for an element to close.
const SCOPE: &[&str] = &["table", "td", "th", "html", "body", "#root", "template"];

#[derive(Debug)]
enum Tok {
    Start(String, Vec<(String, String)>, bool),
    End(String),
    Text(String),
}

fn tokens(html: &str) -> Vec<Tok> {
    let mut name = String::new();
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, _span: html5gum::Span<()>| -> Option<Tok> {
            match event {
                CallbackEvent::OpenStartTag { name: n } => {
                    name = String::from_utf8_lossy(n).to_ascii_lowercase();
                    attrs.clear();
                    None
                }
                CallbackEvent::AttributeName { name: n } => {
                    attrs.push((
                        String::from_utf8_lossy(n).to_ascii_lowercase(),
                        String::new(),
                    ));
                    None
                }
                CallbackEvent::AttributeValue { value } => {
                    if let Some(last) = attrs.last_mut() {
                        last.1.push_str(&String::from_utf8_lossy(value));
                    }
                    None
                }
                CallbackEvent::CloseStartTag { self_closing } => Some(Tok::Start(
                    std::mem::take(&mut name),
                    std::mem::take(&mut attrs),
                    self_closing,
                )),
                CallbackEvent::EndTag { name: n } => {
                    Some(Tok::End(String::from_utf8_lossy(n).to_ascii_lowercase()))
                }
                CallbackEvent::String { value } => {
                    Some(Tok::Text(String::from_utf8_lossy(value).into_owned()))
                }
                _ => None,
            }
        },
    );
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter)
        .filter_map(Result::ok)
        .collect()
}

impl Tree {
    /// Builds the tree of `html`.
    pub fn parse(html: &str) -> Tree {
        let mut tree = Tree {
            nodes: vec![Node {
                tag: "#root".into(),
                attrs: Vec::new(),
                parent: None,
                children: Vec::new(),
            }],
        };
        let mut stack: Vec<usize> = vec![0];
        for tok in tokens(html) {
            match tok {
                Tok::Text(text) => {
                    let top = *stack.last().expect("root stays");
                    match tree.nodes[top].children.last_mut() {
                        Some(Child::Text(prev)) => prev.push_str(&text),
                        _ => tree.nodes[top].children.push(Child::Text(text)),
                    }
                }
                Tok::Start(tag, attrs, self_closing) => {
                    tree.implied_ends(&mut stack, &tag);
                    let parent = *stack.last().expect("root stays");
                    let id = tree.nodes.len();
                    let void = VOID.contains(&tag.as_str()) || self_closing;
                    tree.nodes.push(Node {
                        tag,
                        attrs,
                        parent: Some(parent),
                        children: Vec::new(),
                    });
                    tree.nodes[parent].children.push(Child::Node(id));
                    if !void {
                        stack.push(id);
                    }
                }
                Tok::End(tag) => {
                    if let Some(at) = tree.open(&stack, &tag, tag == "p" || tag == "li") {
                        stack.truncate(at);
                    }
                }
            }
        }
        tree
    }

    /// Closes what a start tag `tag` implicitly closes.
    fn implied_ends(&self, stack: &mut Vec<usize>, tag: &str) {
        let close = |stack: &mut Vec<usize>, name: &str, bounds: &[&str]| {
            for at in (1..stack.len()).rev() {
                let open = self.nodes[stack[at]].tag.as_str();
                if open == name {
                    stack.truncate(at);
                    return;
                }
                if bounds.contains(&open) || SCOPE.contains(&open) {
                    return;
                }
            }
        };
        // A page that never closes its head: the first element that
        // belongs in the body ends it.
        if stack.len() > 1
            && self.nodes[stack[stack.len() - 1]].tag == "head"
            && !HEAD_CONTENT.contains(&tag)
        {
            stack.pop();
        }
        if CLOSES_P.contains(&tag) {
            close(stack, "p", &["button"]);
        }
        match tag {
            "li" => close(stack, "li", &["ul", "ol", "menu"]),
            "dt" | "dd" => {
                close(stack, "dt", &["dl"]);
                close(stack, "dd", &["dl"]);
            }
            "tr" => {
                close(stack, "td", &["tr"]);
                close(stack, "th", &["tr"]);
                close(stack, "tr", &["tbody", "thead", "tfoot"]);
            }
            "td" | "th" => {
                close(stack, "td", &["tr"]);
                close(stack, "th", &["tr"]);
            }
            "option" => close(stack, "option", &["select"]),
            _ => {}
        }
    }

    /// The stack index of the open element `tag`, if one is open within
    /// scope (`bounded`: not past a list or a table cell).
    fn open(&self, stack: &[usize], tag: &str, bounded: bool) -> Option<usize> {
        for at in (1..stack.len()).rev() {
            let open = self.nodes[stack[at]].tag.as_str();
            if open == tag {
                return Some(at);
            }
            if bounded && (SCOPE.contains(&open) || ["ul", "ol", "button"].contains(&open)) {
                return None;
            }
        }
        None
    }

    /// The value of attribute `name` of node `id`.
    pub fn attr(&self, id: usize, name: &str) -> Option<&str> {
        self.nodes[id]
            .attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first node with tag `tag`, in document order.
    pub fn first(&self, tag: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.tag == tag)
    }

    /// The ancestors of `id`, nearest first (not `id` itself).
    pub fn ancestors(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[id].parent, |&p| self.nodes[p].parent)
    }

    /// The text of node `id` and its descendants, whitespace collapsed.
    pub fn text(&self, id: usize) -> String {
        let mut out = String::new();
        self.push_text(id, &mut out);
        collapse(&out)
    }

    fn push_text(&self, id: usize, out: &mut String) {
        for child in &self.nodes[id].children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::Node(c) => {
                    out.push(' ');
                    self.push_text(*c, out);
                    out.push(' ');
                }
            }
        }
    }
}

/// `text` with runs of white space made one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(tree: &Tree, id: usize) -> String {
        let node = &tree.nodes[id];
        let inner: Vec<String> = node
            .children
            .iter()
            .map(|c| match c {
                Child::Node(c) => shape(tree, *c),
                Child::Text(t) => t.trim().to_string(),
            })
            .filter(|s| !s.is_empty())
            .collect();
        format!("{}({})", node.tag, inner.join(","))
    }

    #[test]
    fn implied_ends_close_paragraphs_items_and_cells() {
        let tree = Tree::parse("<p>one<p>two<div>three</div><ul><li>a<li>b</ul>");
        assert_eq!(
            shape(&tree, 0),
            "#root(p(one),p(two),div(three),ul(li(a),li(b)))"
        );
        let tree = Tree::parse("<table><tr><td>a<td>b<tr><td>c</table>");
        assert_eq!(shape(&tree, 0), "#root(table(tr(td(a),td(b)),tr(td(c))))");
    }

    #[test]
    fn voids_stray_ends_scripts_and_references() {
        let tree = Tree::parse(
            "<div>a<br>b<img src=x></span>c &amp; d<script>if (a<b) x()</script></div>",
        );
        assert_eq!(
            shape(&tree, 0),
            "#root(div(a,br(),b,img(),c & d,script(if (a<b) x())))"
        );
        let div = tree.first("div").unwrap();
        assert_eq!(tree.text(div), "a b c & d if (a<b) x()");
    }

    #[test]
    fn attributes_are_lower_case_names_with_values() {
        let tree = Tree::parse("<DIV Class='Main  x' ID=y>t</DIV>");
        let div = tree.first("div").unwrap();
        assert_eq!(tree.attr(div, "class"), Some("Main  x"));
        assert_eq!(tree.attr(div, "id"), Some("y"));
        assert_eq!(tree.ancestors(div).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn a_head_never_closed_ends_at_the_first_body_element() {
        let tree = Tree::parse(
            "<html><head><title>T</title><meta charset=utf-8><script>x()</script>\
             <noscript><img src=x></noscript><div class=page><p>Story</p></div>",
        );
        let head = tree.first("head").unwrap();
        let div = tree.first("div").unwrap();
        assert!(!tree.ancestors(div).any(|a| a == head));
        assert!(
            tree.ancestors(tree.first("title").unwrap())
                .any(|a| a == head)
        );
        assert!(
            tree.ancestors(tree.first("script").unwrap())
                .any(|a| a == head)
        );
    }
}
