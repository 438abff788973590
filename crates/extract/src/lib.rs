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
//! with the siblings that score like it, is the main content; the story
//! under the page's headline joins it when the scores chose another one
//! (a page that scrolls on into the next story), and so does the prose
//! between the headline and the content (a lead set apart from the
//! article's body). Link lists inside it are dropped, and so are headings
//! of empty sections, labels at its edges (bylines, dates, "Related:"),
//! datelines before the body, captions and picture credits, calls to
//! action at its end ("Follow us on ...", a subscription pitch, a
//! copyright line), short notes after the element that holds the
//! article's paragraphs, and repeated paragraphs (a teaser that repeats
//! the lead, the headline again).
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
    let mut main = score::main_nodes(&tree, &scores);
    if let Some(marked) = score::marked_body(&tree, &scores, &removed, MIN_CONTENT_CHARS) {
        let overlaps = main.as_ref().is_some_and(|m| {
            m.iter().any(|&n| {
                n == marked
                    || tree.ancestors(n).any(|a| a == marked)
                    || tree.ancestors(marked).any(|a| a == n)
            })
        });
        if !overlaps {
            main.get_or_insert_with(Vec::new).push(marked);
        }
    }
    let headline = title::headline(&tree, &removed);
    if let (Some(m), Some(h1)) = (&main, headline) {
        if let Some(own) = headline_article(&tree, &scores, m, h1) {
            main.get_or_insert_with(Vec::new).push(own);
        }
    }
    let in_main: Vec<&Block> = match main {
        Some(main) => {
            let is_in = |b: &Block| {
                main.iter()
                    .any(|&m| b.node == m || tree.ancestors(b.node).any(|a| a == m))
            };
            let lead = headline.map_or(Vec::new(), |h1| lead_between(&tree, &all, h1, &is_in));
            lead.into_iter()
                .chain(all.iter().filter(|b| is_in(b)))
                .collect()
        }
        None => Vec::new(),
    };
    let mut chosen = without_links(&tree, &in_main);
    if chosen.iter().map(|b| b.chars).sum::<usize>() < MIN_CONTENT_CHARS {
        chosen = without_links(&tree, &all.iter().collect::<Vec<_>>());
    }
    let chosen = without_stray_tail(&tree, chosen);
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

/// The article around the page's headline `h1` when the main elements
/// `main` lie outside it: the lowest element above the headline with
/// [`MIN_CONTENT_CHARS`] of text outside links, if it holds none of
/// `main` (a page that scrolls on into the next story, which scores
/// higher).
fn headline_article(
    tree: &Tree,
    scores: &score::Scores,
    main: &[usize],
    h1: usize,
) -> Option<usize> {
    let inside = |n: usize, a: usize| n == a || tree.ancestors(n).any(|x| x == a);
    if main.iter().any(|&m| inside(h1, m)) {
        return None;
    }
    let own = std::iter::once(h1)
        .chain(tree.ancestors(h1))
        .find(|&a| scores.chars[a] - scores.link_chars[a] >= MIN_CONTENT_CHARS)?;
    if matches!(tree.nodes[own].tag.as_str(), "body" | "html" | "#root")
        || main.iter().any(|&m| inside(m, own))
    {
        return None;
    }
    Some(own)
}

/// Lead paragraphs at least this long (characters) join the content.
const LEAD_CHARS: usize = 80;

/// The prose between the headline `h1` and the first block of the main
/// content (`is_in`): a lead or standfirst that the page sets apart from
/// the article's body.
fn lead_between<'b>(
    tree: &Tree,
    all: &'b [Block],
    h1: usize,
    is_in: &dyn Fn(&Block) -> bool,
) -> Vec<&'b Block> {
    let Some(start) = all
        .iter()
        .position(|b| b.node == h1 || tree.ancestors(b.node).any(|a| a == h1))
    else {
        return Vec::new();
    };
    let Some(end) = all.iter().position(is_in) else {
        return Vec::new();
    };
    if end <= start {
        return Vec::new();
    }
    all[start + 1..end]
        .iter()
        .filter(|b| {
            b.chars >= LEAD_CHARS && b.link_density() < MAX_LINK_DENSITY && shape::is_prose(&b.text)
        })
        .collect()
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Blocks shorter than this after the article's own element are notes
/// (a copyright line, "Follow us", a newsletter pitch).
const STRAY_CHARS: usize = 60;

/// `blocks` without the short ones after the last block of the element
/// that holds most of the text (the parent of the article's paragraphs).
fn without_stray_tail<'b>(tree: &Tree, blocks: Vec<&'b Block>) -> Vec<&'b Block> {
    let mut by_parent: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for b in &blocks {
        *by_parent
            .entry(tree.nodes[b.node].parent.unwrap_or(0))
            .or_default() += b.chars;
    }
    let Some((&home, _)) = by_parent.iter().max_by_key(|&(id, chars)| (*chars, *id)) else {
        return blocks;
    };
    let inside = |b: &Block| b.node == home || tree.ancestors(b.node).any(|a| a == home);
    let Some(last) = blocks.iter().rposition(|b| inside(b)) else {
        return blocks;
    };
    blocks
        .into_iter()
        .enumerate()
        .filter(|(i, b)| *i <= last || b.chars >= STRAY_CHARS)
        .map(|(_, b)| b)
        .collect()
}

/// `blocks` without link lists, and without the headings of sections that
/// hold nothing else: a heading followed by a link list, by a heading of
/// its level or above, or by nothing ("Related articles", "More on this").
fn without_links<'b>(tree: &Tree, blocks: &[&'b Block]) -> Vec<&'b Block> {
    let level = |b: &Block| {
        let tag = tree.nodes[b.node].tag.as_bytes();
        is_heading(&tree.nodes[b.node].tag).then(|| tag[1])
    };
    let links = |b: &Block| b.link_density() >= MAX_LINK_DENSITY;
    blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| {
            if links(b) {
                return false;
            }
            let Some(own) = level(b) else {
                return true;
            };
            blocks
                .get(i + 1)
                .is_none_or(|next| !links(next) && level(next).is_none_or(|l| l > own))
        })
        .map(|(_, b)| *b)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The council met on Monday evening, and after a long debate it agreed to keep the library open on Sundays through the winter.";
    const MORE: &str = "Volunteers will staff the reading room, the mayor said, so that the town does not need to hire anyone new before the spring.";

    fn page(around: &str) -> String {
        around
            .replace("{A}", &format!("<p>{PROSE}</p><p>{MORE}</p>"))
            .replace("{P}", PROSE)
    }

    #[test]
    fn an_article_between_navigation_and_footer() {
        let got = extract(&page(
            "<title>Library stays open | Town News</title>\
             <div id=top><ul><li><a href=/>Home</a><li><a href=/n>News</a><li><a href=/s>Sport</a></ul></div>\
             <div class=story><h1>Library stays open</h1>{A}</div>\
             <div id=bottom><a href=/imprint>Imprint</a> <a href=/privacy>Privacy</a></div>",
        ));
        assert_eq!(got.title.as_deref(), Some("Library stays open"));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
    }

    #[test]
    fn comments_are_dropped_even_when_longer_than_the_article() {
        let comment = format!("<li class=comment><p>{MORE} {MORE}</p></li>");
        let got = extract(&page(&format!(
            "<article>{{A}}</article><ol class=comment-list>{}</ol>",
            comment.repeat(6)
        )));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
    }

    #[test]
    fn cookie_banners_share_bars_and_related_links_are_dropped() {
        let got = extract(&page(
            "<div class=gdpr-overlay><p>We value your privacy and use cookies for analytics, ads and to remember your settings.</p></div>\
             <div class=main><div class=social-share><a>Facebook</a> <a>Email</a></div>{A}\
             <h3>Read next</h3><ul><li><a href=/1>Pool to close for repairs in March</a><li><a href=/2>New bus timetable from May</a></ul></div>",
        ));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
    }

    #[test]
    fn a_layout_wrapper_named_sidebar_keeps_the_article_it_holds() {
        let got = extract(&page(
            "<div class='container right-sidebar'><div class=entry>{A}</div>\
             <div class=sidebar><p>Our town's newsletter, every Friday, with all the week's news.</p></div></div>",
        ));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
    }

    #[test]
    fn sections_in_sibling_boxes_are_all_kept() {
        let got = extract(&page(
            "<div class=grid><section class=box><h2>Sundays</h2><p>{P}</p></section>\
             <section class=box><h2>Staff</h2><p>{P} Again.</p></section></div>",
        ));
        assert_eq!(got.paragraphs.len(), 4, "{:?}", got.paragraphs);
    }

    #[test]
    fn short_notes_after_the_article_s_own_element_are_dropped() {
        let note = "<p>Follow the Town News on Twitter and Facebook.</p>";
        let got = extract(&page(&format!(
            "<article><div class=text>{{A}}</div>{note}</article>"
        )));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
        // Inside the element that holds the paragraphs, a short one stays.
        let note = "<p>The reading room is on the first floor.</p>";
        let got = extract(&page(&format!(
            "<article><div class=text>{{A}}{note}</div></article>"
        )));
        assert_eq!(got.paragraphs.len(), 3);
    }

    #[test]
    fn calls_to_action_after_the_story_are_dropped() {
        let got = extract(&page(
            "<article>{A}<p><em>Follow the Town News on Facebook and Instagram, \
             or write to us at desk@town-news.example.</em></p>\
             <p>To read the full story, please subscribe to the Town News.</p></article>",
        ));
        assert_eq!(got.paragraphs, [PROSE, MORE]);
    }

    #[test]
    fn the_story_under_the_headline_is_kept_when_the_next_one_scores_higher() {
        let next = "<p>In the next town, the bridge, closed since May, will reopen on Friday, \
            the engineers said, after the repairs, which cost more than planned, were finished early.</p>\
            <p>Drivers, who had to take a detour of twenty kilometres, welcomed the news, though \
            some said, with a shrug, that they had heard it before.</p>\
            <p>The council, for its part, promised, once again, that the road would be \
            resurfaced in the spring, when the weather allows.</p>";
        let got = extract(&page(&format!(
            "<title>Library stays open | Town News</title><div class=scroll>\
             <article id=story-1><header><h1>Library stays open</h1></header>\
             <div class=text>{{A}}<p>The reading room on the first floor will also stay open.</p></div></article>\
             <article id=story-2><header><h2>Bridge reopens</h2></header><div class=text>{next}</div></article></div>"
        )));
        assert_eq!(got.title.as_deref(), Some("Library stays open"));
        assert_eq!(got.paragraphs[..2], [PROSE, MORE], "{:?}", got.paragraphs);
    }

    #[test]
    fn a_lead_between_the_headline_and_the_body_is_kept() {
        let lead = "The library will stay open on Sundays this winter, the council decided on Monday after a long debate.";
        let got = extract(&page(&format!(
            "<title>Library stays open | Town News</title><article><h1>Library stays open</h1>\
             <div class=content><div class=lead>{lead}</div>\
             <div class=text><div class=inner>{{A}}<p>{{P}} Again.</p><p>{{P}} And again.</p></div></div></div></article>"
        )));
        assert_eq!(
            got.paragraphs[..3],
            [lead, PROSE, MORE],
            "{:?}",
            got.paragraphs
        );
    }

    #[test]
    fn a_page_without_a_main_element_falls_back_to_its_prose() {
        let got = extract("<body><p>Short, but a sentence.</p><p><a href=/>Home</a></p></body>");
        assert_eq!(got.paragraphs, ["Short, but a sentence."]);
        assert_eq!(extract(""), Extracted::default());
    }
}
