//! A page's text as blocks: the runs of text between block-level tags, each
//! with the element it stands in and how much of it is link text.

use crate::tree::{Child, Tree, collapse};

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "#root",
    "html",
    "body",
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
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
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "title",
    "option",
];

/// A run of text between block-level tags.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The innermost block element the text stands in.
    pub node: usize,
    /// The text, white space collapsed.
    pub text: String,
    /// Characters of text (not counting spaces).
    pub chars: usize,
    /// Characters of it inside links.
    pub link_chars: usize,
}

impl Block {
    /// The share of the block's characters inside links.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Whether `tag` starts a block.
pub(crate) fn is_block(tag: &str) -> bool {
    BLOCK.contains(&tag)
}

/// The blocks under `root` in document order, leaving out the nodes that
/// `skip` marks.
pub(crate) fn blocks(tree: &Tree, root: usize, skip: &[bool]) -> Vec<Block> {
    let mut walk = Walk {
        tree,
        skip,
        out: Vec::new(),
        text: String::new(),
        chars: 0,
        link_chars: 0,
    };
    walk.node(root, root, false);
    walk.flush(root);
    walk.out
}

struct Walk<'a> {
    tree: &'a Tree,
    skip: &'a [bool],
    out: Vec<Block>,
    text: String,
    chars: usize,
    link_chars: usize,
}

impl Walk<'_> {
    fn node(&mut self, id: usize, block: usize, in_link: bool) {
        let node = &self.tree.nodes[id];
        let is_block = is_block(&node.tag);
        let block = if is_block {
            self.flush(block);
            id
        } else {
            block
        };
        let in_link = in_link || node.tag == "a";
        if node.tag == "br" || node.tag == "img" {
            self.text.push(' ');
        }
        for child in &node.children {
            match child {
                Child::Text(t) => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    self.chars += n;
                    if in_link {
                        self.link_chars += n;
                    }
                    self.text.push_str(t);
                }
                Child::Node(c) => {
                    if !self.skip[*c] {
                        self.node(*c, block, in_link);
                    }
                }
            }
        }
        if is_block {
            self.flush(id);
        } else if matches!(node.tag.as_str(), "td" | "th") {
            self.text.push(' ');
        }
    }

    fn flush(&mut self, node: usize) {
        if self.chars > 0 {
            self.out.push(Block {
                node,
                text: collapse(&self.text),
                chars: self.chars,
                link_chars: self.link_chars,
            });
        }
        self.text.clear();
        self.chars = 0;
        self.link_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_block_tags_and_count_links() {
        let tree = Tree::parse(
            "<div>Intro <b>bold</b><p>One <a href=x>link</a> here.</p>tail<ul><li><a>Home</a></ul></div>",
        );
        let skip = vec![false; tree.nodes.len()];
        let got: Vec<(String, &str, usize, usize)> = blocks(&tree, 0, &skip)
            .iter()
            .map(|b| {
                (
                    b.text.clone(),
                    tree.nodes[b.node].tag.as_str(),
                    b.chars,
                    b.link_chars,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Intro bold".to_string(), "div", 9, 0),
                ("One link here.".to_string(), "p", 12, 4),
                ("tail".to_string(), "div", 4, 0),
                ("Home".to_string(), "li", 4, 4),
            ]
        );
    }

    #[test]
    fn skipped_nodes_leave_no_text() {
        let tree = Tree::parse("<p>Keep <span class=x>drop</span> this.</p>");
        let mut skip = vec![false; tree.nodes.len()];
        skip[tree.first("span").unwrap()] = true;
        let b = blocks(&tree, 0, &skip);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text, "Keep this.");
        assert!(b[0].link_density() == 0.0);
    }
}
