//! The main container: text density and link density of the blocks, given
//! to the elements above them (a Readability-style score), the best element
//! and the siblings that score like it.

use crate::blocks::Block;
use crate::boilerplate::{is_article, words, words_say_boilerplate, words_say_content};
use crate::tree::Tree;

/// Blocks shorter than this (characters) do not score.
const MIN_CHARS: usize = 25;
/// How many levels above a block its score reaches.
const LEVELS: usize = 5;

/// A sibling of the best element with this many characters outside links
/// is part of the content (a CMS that puts each section in its own box)...
const SIBLING_PROSE: usize = 100;
/// ... when at most this share of its text is links.
const SIBLING_LINKS: f64 = 0.33;

/// Per-node totals of the blocks beneath it.
pub(crate) struct Scores {
    /// Readability-style content score (before link density).
    pub score: Vec<f64>,
    /// Characters of text beneath the node.
    pub chars: Vec<usize>,
    /// Characters of link text beneath the node.
    pub link_chars: Vec<usize>,
}

impl Scores {
    /// Scores the elements above `blocks`.
    pub fn new(tree: &Tree, blocks: &[Block]) -> Scores {
        let n = tree.nodes.len();
        let mut s = Scores {
            score: vec![0.0; n],
            chars: vec![0; n],
            link_chars: vec![0; n],
        };
        let mut scored = vec![false; n];
        for block in blocks {
            for id in std::iter::once(block.node).chain(tree.ancestors(block.node)) {
                s.chars[id] += block.chars;
                s.link_chars[id] += block.link_chars;
            }
            if block.chars < MIN_CHARS || is_heading(&tree.nodes[block.node].tag) {
                continue;
            }
            let commas = block
                .text
                .chars()
                .filter(|c| matches!(c, ',' | '，' | '、' | '،' | '。' | '；'))
                .count();
            let points = 1.0 + commas as f64 + (block.chars as f64 / 100.0).min(3.0);
            for (level, id) in tree.ancestors(block.node).take(LEVELS).enumerate() {
                if !scored[id] {
                    scored[id] = true;
                    s.score[id] += initial(tree, id);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                s.score[id] += points / divider;
            }
        }
        s
    }

    /// The share of node `id`'s text inside links.
    pub fn link_density(&self, id: usize) -> f64 {
        if self.chars[id] == 0 {
            0.0
        } else {
            self.link_chars[id] as f64 / self.chars[id] as f64
        }
    }

    /// The score of node `id` weighed by how little of it is links.
    pub fn final_score(&self, id: usize) -> f64 {
        self.score[id] * (1.0 - self.link_density(id))
    }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The score an element starts with: its tag and its class/id words.
fn initial(tree: &Tree, id: usize) -> f64 {
    let tag = match tree.nodes[id].tag.as_str() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let w = words(tree, id);
    let mut class = 0.0;
    if words_say_content(&w) || is_article(tree, id) {
        class += 25.0;
    }
    if words_say_boilerplate(&w) {
        class -= 25.0;
    }
    tag + class
}

/// The elements whose blocks make the main content, in document order: the
/// best-scoring element (moved up to a common ancestor when several strong
/// candidates share one), and those of its siblings that score nearly as
/// well or hold prose. `None` when nothing scores.
pub(crate) fn main_nodes(tree: &Tree, scores: &Scores) -> Option<Vec<usize>> {
    let mut ranked: Vec<usize> = (0..tree.nodes.len())
        .filter(|&id| {
            scores.score[id] > 0.0 && !matches!(tree.nodes[id].tag.as_str(), "#root" | "html")
        })
        .collect();
    ranked.sort_by(|&a, &b| scores.final_score(b).total_cmp(&scores.final_score(a)));
    let mut top = *ranked.first()?;
    let best = scores.final_score(top);
    // Several strong candidates under one ancestor: that ancestor.
    let strong: Vec<usize> = ranked[1..ranked.len().min(6)]
        .iter()
        .copied()
        .filter(|&id| scores.final_score(id) >= 0.75 * best)
        .collect();
    if strong.len() >= 3 {
        let mut ancestor = tree.nodes[top].parent;
        while let Some(a) = ancestor {
            if tree.nodes[a].tag == "body" || a == 0 {
                break;
            }
            let under = strong
                .iter()
                .filter(|&&s| tree.ancestors(s).any(|x| x == a))
                .count();
            if under >= 3 {
                top = a;
                break;
            }
            ancestor = tree.nodes[a].parent;
        }
    }
    // A parent that scores higher than what it was reached from takes over.
    let threshold = scores.final_score(top) / 3.0;
    let mut last = scores.final_score(top);
    let mut parent = tree.nodes[top].parent;
    while let Some(p) = parent {
        if matches!(tree.nodes[p].tag.as_str(), "body" | "html" | "#root") {
            break;
        }
        let ps = scores.final_score(p);
        if ps > 0.0 {
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                break;
            }
            last = ps;
        }
        parent = tree.nodes[p].parent;
    }
    // An only child is as good as its parent.
    while let Some(p) = tree.nodes[top].parent {
        if matches!(tree.nodes[p].tag.as_str(), "body" | "html" | "#root")
            || scores.chars[p] != scores.chars[top]
        {
            break;
        }
        top = p;
    }
    let Some(parent) = tree.nodes[top].parent else {
        return Some(vec![top]);
    };
    let top_score = scores.final_score(top);
    let bar = (top_score * 0.2).max(10.0);
    let top_words = words(tree, top);
    let mut keep = Vec::new();
    for child in &tree.nodes[parent].children {
        let crate::tree::Child::Node(sib) = *child else {
            continue;
        };
        if sib == top {
            keep.push(sib);
            continue;
        }
        if scores.chars[sib] == 0 {
            continue;
        }
        let mut bonus = 0.0;
        if !top_words.is_empty() && words(tree, sib) == top_words {
            bonus = top_score * 0.2;
        }
        let ld = scores.link_density(sib);
        let prose = (tree.nodes[sib].tag == "p" && ld == 0.0)
            || (scores.chars[sib] - scores.link_chars[sib] >= SIBLING_PROSE && ld < SIBLING_LINKS);
        if scores.final_score(sib) + bonus >= bar || prose {
            keep.push(sib);
        }
    }
    Some(keep)
}

/// First halves and second halves of `class`/`id` word pairs that name an
/// article's body (`article-body`, `entry-content`, `post_text`,
/// `storyBody`).
const MARK_FIRST: &[&str] = &[
    "article", "entry", "post", "story", "news", "blog", "artikel",
];
const MARK_SECOND: &[&str] = &["body", "content", "text", "inhalt"];

/// Whether node `id` is marked up as an article's body: `itemprop` says
/// so, or its `class`/`id` pair an article word with a body word.
fn is_marked_body(tree: &Tree, id: usize) -> bool {
    if tree
        .attr(id, "itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    let w = words(tree, id);
    MARK_FIRST
        .iter()
        .any(|a| MARK_SECOND.iter().any(|b| w.contains(&format!("{a}{b}"))))
}

/// The element marked up as the article's body that holds the most text
/// outside links, if it holds at least `min` characters of it.
pub(crate) fn marked_body(
    tree: &Tree,
    scores: &Scores,
    removed: &[bool],
    min: usize,
) -> Option<usize> {
    (1..tree.nodes.len())
        .filter(|&id| !removed[id] && is_marked_body(tree, id))
        .map(|id| (id, scores.chars[id] - scores.link_chars[id]))
        .filter(|&(_, own)| own >= min)
        .max_by_key(|&(_, own)| own)
        .map(|(id, _)| id)
}
