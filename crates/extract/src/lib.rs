//! Main-content extraction from web pages: the article's title and
//! paragraphs, without navigation, comments, cookie banners, share bars or
//! related links.
//!
//! The page is read into a DOM-ish tree from html5gum's tokens; the content
//! filter drops elements that are page furniture by tag (`nav`, `footer`,
//! `aside`, `form` controls, scripts), ARIA role, being hidden, or by what
//! their `class` and `id` say (`cookie-banner`, `comments`,
//! `related-articles`, ...). The text left is cut into blocks; each block
//! scores for its length and commas and gives its score to the elements
//! above it, weighed by how much of them is link text; the best element,
//! with the siblings that score like it, is the main content. Link lists
//! inside it are dropped, and repeated paragraphs (a teaser that repeats
//! the lead, the headline again) are shown once.
//!
//! ```
//! let page = r#"<html><head><title>Dam breaks | Daily Post</title></head><body>
//! <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><h1>Dam breaks</h1>
//! <p>The old dam above the town broke at dawn, after a week of rain, and
//! the water reached the market square by noon.</p>
//! <p>Nobody was hurt, the mayor said, because the valley had been cleared
//! on Tuesday, when the first cracks were seen.</p></article>
//! <div class="cookie-banner">We use cookies. <button>OK</button></div>
//! </body></html>"#;
//! let page = excerpt_extract::extract(page);
//! assert_eq!(page.title.as_deref(), Some("Dam breaks"));
//! assert_eq!(page.paragraphs.len(), 2);
//! assert!(!page.text().contains("cookies"));
//! ```

mod blocks;
mod boilerplate;
mod decode;
mod fold;
mod score;
mod shape;
mod title;
mod tree;

pub use decode::decode;

use blocks::{Block, blocks};
use serde::Serialize;
use tree::Tree;

/// The main content of a web page.
///
/// ```
/// let page = excerpt_extract::Extracted {
///     title: Some("Dam breaks".into()),
///     paragraphs: vec!["Water reached the town.".into()],
/// };
/// assert_eq!(page.text(), "Dam breaks\n\nWater reached the town.\n");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// The page's title (its main heading, `og:title` or `<title>`).
    pub title: Option<String>,
    /// The paragraphs of the main content, in page order.
    pub paragraphs: Vec<String>,
}

impl Extracted {
    /// The title and the paragraphs, each followed by a blank line (the
    /// last by a line break only).
    ///
    /// ```
    /// let page = excerpt_extract::extract("<p>Just one paragraph here, and that is all.</p>");
    /// assert_eq!(page.text(), "Just one paragraph here, and that is all.\n");
    /// ```
    pub fn text(&self) -> String {
        self.title
            .iter()
            .chain(&self.paragraphs)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n\n")
            + "\n"
    }

    /// The paragraphs without the title, separated by blank lines.
    ///
    /// ```
    /// let page = excerpt_extract::Extracted {
    ///     title: Some("T".into()),
    ///     paragraphs: vec!["One.".into(), "Two.".into()],
    /// };
    /// assert_eq!(page.body(), "One.\n\nTwo.");
    /// ```
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Blocks with at least this share of link text are navigation.
const MAX_LINK_DENSITY: f64 = 0.5;
/// Below this many characters of content, the main container is not
/// trusted and every prose block of the page is taken instead.
const MIN_CONTENT_CHARS: usize = 250;

/// Extracts the main content of the web page `html`.
///
/// ```
/// let page = excerpt_extract::extract(
///     "<title>Notes</title><ul class=menu><li><a href=/>Home</a></ul>\
///      <p>First, a paragraph long enough to be prose, with a comma.</p>",
/// );
/// assert_eq!(page.title.as_deref(), Some("Notes"));
/// assert_eq!(page.paragraphs, ["First, a paragraph long enough to be prose, with a comma."]);
/// ```
pub fn extract(html: &str) -> Extracted {
    let tree = Tree::parse(html);
    let removed = boilerplate::removed(&tree);
    let all = blocks(&tree, 0, &removed);
    let scores = score::Scores::new(&tree, &all);
    let chosen: Vec<&Block> = match score::main_nodes(&tree, &scores) {
        Some(main) => all
            .iter()
            .filter(|b| {
                main.iter()
                    .any(|&m| b.node == m || tree.ancestors(b.node).any(|a| a == m))
            })
            .filter(|b| b.link_density() < MAX_LINK_DENSITY)
            .collect(),
        None => Vec::new(),
    };
    let chosen = if chosen.iter().map(|b| b.chars).sum::<usize>() < MIN_CONTENT_CHARS {
        all.iter()
            .filter(|b| b.link_density() < MAX_LINK_DENSITY)
            .collect()
    } else {
        chosen
    };
    let title = title::title(&tree, &removed);
    let shapes: Vec<(&str, bool)> = chosen
        .iter()
        .map(|b| (b.text.as_str(), is_heading(&tree.nodes[b.node].tag)))
        .collect();
    let keep = shape::keep(&shapes);
    let paragraphs: Vec<String> = chosen
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(b, _)| b.text.clone())
        .collect();
    let paragraphs = fold::fold(title.as_deref(), paragraphs);
    Extracted { title, paragraphs }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Extracts the main content of a web page given as bytes in any encoding
/// (see [`decode`]).
///
/// ```
/// let page = excerpt_extract::extract_bytes(b"<meta charset=latin1><title>Caf\xe9</title>");
/// assert_eq!(page.title.as_deref(), Some("Café"));
/// ```
pub fn extract_bytes(bytes: &[u8]) -> Extracted {
    extract(&decode(bytes).0)
}
