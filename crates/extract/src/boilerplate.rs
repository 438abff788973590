//! The content filter: which elements are boilerplate by their tag, their
//! ARIA role, being hidden, or what their `class` and `id` say.

use crate::tree::Tree;

/// Elements that never hold article prose.
const TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "map",
    "video",
    "audio",
    "picture",
    "figcaption",
    "rt",
    "rp",
];

/// Elements of page furniture, unless they hold the article (a page that
/// never closes its `<header>`, a CMS that puts the story in an `<aside>`).
const FURNITURE: &[&str] = &["nav", "aside", "footer", "menu", "dialog"];

/// ARIA roles of page furniture.
const ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "tooltip",
];

/// `class`/`id` words that mark boilerplate wherever they stand.
const STRONG: &[&str] = &[
    "nav",
    "navbar",
    "navi",
    "navigation",
    "menu",
    "menus",
    "submenu",
    "footer",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "related",
    "recommended",
    "recommendations",
    "sidebar",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "anzeige",
    "werbung",
    "outbrain",
    "taboola",
    "plista",
    "newsletter",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "popup",
    "modal",
    "masthead",
    "skiplink",
    "sronly",
    "visuallyhidden",
    "screenreadertext",
    "caption",
    "captions",
    "credit",
    "credits",
    "copyright",
    "bildunterschrift",
    "bildnachweis",
    "byline",
    "paywall",
    "readmore",
    "morestories",
];

/// `class`/`id` words that mark boilerplate unless the element's words also
/// name content (`widget` is boilerplate, `widget main-content` is not).
const WEAK: &[&str] = &[
    "banner",
    "widget",
    "widgets",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "aside",
    "toolbar",
    "tags",
    "tagcloud",
    "login",
    "signup",
    "subscribe",
    "subscription",
    "author",
    "bio",
    "cta",
    "rss",
    "teaser",
    "teasers",
];

/// `class`/`id` words of the article itself.
const CONTENT: &[&str] = &[
    "article", "content", "main", "body", "story", "post", "entry", "text", "artikel", "inhalt",
    "beitrag", "page",
];

/// What an element's `class` and `id` words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Words {
    /// Nothing about boilerplate.
    Neutral,
    /// Comments or replies: never the article, however long.
    Comments,
    /// Page furniture (navigation, sharing, related links, ...).
    Strong,
    /// Probably furniture (a widget, a banner, tags, ...).
    Weak,
}

/// Words of comment sections.
const COMMENTS: &[&str] = &["comment", "comments", "kommentare", "disqus", "replies"];

/// Blocks of at least this many characters count as prose.
const PROSE_CHARS: usize = 40;
/// An element with at least this share of the page's prose is not removed
/// for its `class` or `id` (a `right-sidebar` layout wrapper around the
/// article), unless they say comments.
const MOST_PROSE: f64 = 0.5;
/// An element with this many characters of prose is not removed for a
/// weak word (an `elementor-widget` holding the article's text).
const WEAK_KEEPS: usize = 400;

/// For each node, whether it is boilerplate (itself or by an ancestor).
///
/// Tags, roles and hidden elements always are; class and id words count
/// unless the element holds an article container (an `article`, `main`,
/// `itemprop=articleBody`) or most of the page's prose, or, for weak
/// words, a content word or a good deal of prose.
pub(crate) fn removed(tree: &Tree) -> Vec<bool> {
    let n = tree.nodes.len();
    let mut hard = vec![false; n];
    // Parents come before their children in the arena.
    for id in 1..n {
        let parent = tree.nodes[id].parent.unwrap_or(0);
        hard[id] = hard[parent] || is_furniture(tree, id);
    }
    let mut prose = vec![0usize; n];
    for block in crate::blocks::blocks(tree, 0, &hard) {
        if block.chars >= PROSE_CHARS {
            let own = block.chars - block.link_chars;
            for id in std::iter::once(block.node).chain(tree.ancestors(block.node)) {
                prose[id] += own;
            }
        }
    }
    let mut holds_article = vec![false; n];
    for id in (1..n).rev() {
        if let Some(parent) = tree.nodes[id].parent {
            if holds_article[id]
                || (is_article(tree, id) && !words_say_boilerplate(&words(tree, id)))
            {
                holds_article[parent] = true;
            }
        }
    }
    // The elements above the page's headline: the article, whatever its
    // class says (an article marked `paywall-active` whose text is shown).
    let mut holds_headline = vec![false; n];
    if let Some(h1) = crate::title::headline(tree, &hard) {
        for a in tree.ancestors(h1) {
            holds_headline[a] = prose[a] > 0;
        }
    }
    let total = prose[0].max(1) as f64;
    let mut out = hard;
    for id in 1..n {
        if out[id] {
            continue;
        }
        let parent = tree.nodes[id].parent.unwrap_or(0);
        if out[parent] {
            out[id] = true;
            continue;
        }
        if matches!(
            tree.nodes[id].tag.as_str(),
            "html" | "body" | "main" | "article"
        ) {
            continue;
        }
        let w = words(tree, id);
        let share = prose[id] as f64 / total;
        let tag = tree.nodes[id].tag.as_str();
        let furniture = FURNITURE.contains(&tag)
            || (tag == "header" && !tree.ancestors(id).any(|a| is_article(tree, a)));
        let verdict = if furniture && verdict(&w) != Words::Comments {
            Words::Strong
        } else {
            verdict(&w)
        };
        out[id] = match verdict {
            Words::Neutral => false,
            Words::Comments => true,
            Words::Strong => !holds_article[id] && !holds_headline[id] && share < MOST_PROSE,
            Words::Weak => {
                !holds_article[id]
                    && !holds_headline[id]
                    && share < MOST_PROSE
                    && prose[id] < WEAK_KEEPS
                    && !words_say_content(&w)
            }
        };
    }
    out
}

/// Whether node `id` is never content: by its tag (scripts, controls,
/// media), its role or being hidden.
pub(crate) fn is_furniture(tree: &Tree, id: usize) -> bool {
    let tag = tree.nodes[id].tag.as_str();
    if TAGS.contains(&tag) {
        return true;
    }
    if tree.attr(id, "hidden").is_some()
        || tree.attr(id, "aria-hidden") == Some("true")
        || tree.attr(id, "aria-modal") == Some("true")
    {
        return true;
    }
    if let Some(style) = tree.attr(id, "style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    tree.attr(id, "role")
        .is_some_and(|r| ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
}

/// What a list of `class`/`id` words says.
pub(crate) fn verdict(words: &[String]) -> Words {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(COMMENTS) {
        Words::Comments
    } else if has(STRONG) {
        Words::Strong
    } else if has(WEAK) {
        Words::Weak
    } else {
        Words::Neutral
    }
}

/// Whether a list of `class`/`id` words marks boilerplate (strong words,
/// comments, or weak words without a content word).
pub(crate) fn words_say_boilerplate(words: &[String]) -> bool {
    match verdict(words) {
        Words::Neutral => false,
        Words::Weak => !words_say_content(words),
        Words::Comments | Words::Strong => true,
    }
}

/// Whether `class`/`id` words name the article's own container.
pub(crate) fn words_say_content(words: &[String]) -> bool {
    words.iter().any(|w| CONTENT.contains(&w.as_str()))
}

/// Whether node `id` is an article container by its tag or markup.
pub(crate) fn is_article(tree: &Tree, id: usize) -> bool {
    matches!(tree.nodes[id].tag.as_str(), "article" | "main")
        || tree.attr(id, "role") == Some("main")
        || tree
            .attr(id, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
}

/// The words of node `id`'s `class` and `id`: split at anything not a
/// letter or digit and between a lower-case and an upper-case letter,
/// lower-cased; each pair of neighbouring words is also given joined
/// (`sr-only` gives `sr`, `only`, `sronly`).
pub(crate) fn words(tree: &Tree, id: usize) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        let Some(value) = tree.attr(id, attr) else {
            continue;
        };
        for name in value.split_whitespace() {
            let mut parts: Vec<String> = Vec::new();
            let mut current = String::new();
            let mut prev_lower = false;
            for c in name.chars() {
                if !c.is_alphanumeric() {
                    if !current.is_empty() {
                        parts.push(std::mem::take(&mut current));
                    }
                    prev_lower = false;
                    continue;
                }
                if c.is_uppercase() && prev_lower && !current.is_empty() {
                    parts.push(std::mem::take(&mut current));
                }
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
                current.extend(c.to_lowercase());
            }
            if !current.is_empty() {
                parts.push(current);
            }
            for pair in parts.windows(2) {
                out.push(format!("{}{}", pair[0], pair[1]));
            }
            out.extend(parts);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(html: &str) -> bool {
        let tree = Tree::parse(html);
        removed(&tree)[1]
    }

    #[test]
    fn words_split_at_punctuation_and_case() {
        let tree = Tree::parse("<div class='relatedArticles sr-only' id=main_col>");
        let w = words(&tree, 1);
        for expected in ["related", "articles", "sr", "only", "sronly", "main", "col"] {
            assert!(w.contains(&expected.to_string()), "{expected} in {w:?}");
        }
    }

    #[test]
    fn tags_roles_hidden_and_classes_mark_boilerplate() {
        assert!(flagged("<nav><a>Home</a></nav>"));
        assert!(flagged("<div role=navigation>x</div>"));
        assert!(flagged("<div style='display: none'>x</div>"));
        assert!(flagged("<div class='cookie-banner'>x</div>"));
        assert!(flagged("<section id=comments>x</section>"));
        assert!(flagged("<div class='article-comments'>x</div>"));
        assert!(flagged("<div class='tags'>x</div>"));
        assert!(!flagged("<div class='article-tags-free content'>x</div>"));
        assert!(!flagged("<div class='article-body'>x</div>"));
        assert!(!flagged("<body class='has-sidebar'>x</body>"));
        assert!(!flagged("<p>Navigation is hard.</p>"));
    }

    #[test]
    fn a_header_counts_only_outside_the_article() {
        let tree =
            Tree::parse("<header>Site</header><article><header><h1>T</h1></header></article>");
        let removed = removed(&tree);
        let headers: Vec<usize> = (0..tree.nodes.len())
            .filter(|&i| tree.nodes[i].tag == "header")
            .collect();
        assert!(removed[headers[0]]);
        assert!(!removed[headers[1]]);
    }

    #[test]
    fn the_element_holding_the_headline_is_kept_whatever_its_class() {
        let tree = Tree::parse(
            "<title>Dam breaks | Daily Post</title><div class='story paywall-active'>\
             <h1>Dam breaks</h1><p>The old dam above the town broke at dawn, after a week of rain.</p></div>\
             <div class=paywall><h2>Subscribe</h2><p>Read on with a subscription, from one euro a week.</p></div>\
             <div class=more><p>Yesterday: the council met on Monday and agreed to keep the library open on Sundays.</p></div>",
        );
        let removed = removed(&tree);
        let divs: Vec<usize> = (0..tree.nodes.len())
            .filter(|&i| tree.nodes[i].tag == "div")
            .collect();
        assert!(!removed[divs[0]]);
        assert!(removed[divs[1]]);
    }
}
