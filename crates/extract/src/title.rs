//! The page's title: its main heading when the page's own titles agree
//! with it, else `og:title`, else `<title>` without the site's name.

use crate::tree::Tree;

/// The title of the page in `tree`; `removed` marks boilerplate nodes,
/// whose headings do not count.
pub(crate) fn title(tree: &Tree, removed: &[bool]) -> Option<String> {
    let titles = PageTitles::of(tree);
    if let Some(h1) = titles.headline(tree, removed) {
        return Some(tree.text(h1));
    }
    let PageTitles { meta, head } = titles;
    meta.or_else(|| head.map(|t| without_site_name(&t)))
}

/// The page's first `h1` outside boilerplate, when `og:title` or `<title>`
/// agree with it (or the page has neither).
pub(crate) fn headline(tree: &Tree, removed: &[bool]) -> Option<usize> {
    PageTitles::of(tree).headline(tree, removed)
}

/// What the page says its title is, besides its headings.
struct PageTitles {
    /// `og:title` or `twitter:title`.
    meta: Option<String>,
    /// `<title>`, when not empty.
    head: Option<String>,
}

impl PageTitles {
    fn of(tree: &Tree) -> PageTitles {
        PageTitles {
            meta: meta_title(tree),
            head: tree
                .first("title")
                .map(|id| tree.text(id))
                .filter(|t| !t.is_empty()),
        }
    }

    /// See [`headline`].
    fn headline(&self, tree: &Tree, removed: &[bool]) -> Option<usize> {
        let h1 = (0..tree.nodes.len())
            .filter(|&id| tree.nodes[id].tag == "h1" && !removed[id])
            .find(|&id| !tree.text(id).is_empty())?;
        let key = crate::fold::key(&tree.text(h1));
        let agrees = |t: &Option<String>| {
            t.as_ref()
                .is_some_and(|t| crate::fold::key(t).contains(&key))
        };
        let (meta, head) = (&self.meta, &self.head);
        (!key.is_empty() && (agrees(meta) || agrees(head) || (meta.is_none() && head.is_none())))
            .then_some(h1)
    }
}

/// The `content` of `<meta property="og:title">` (or `name="twitter:title"`).
fn meta_title(tree: &Tree) -> Option<String> {
    (0..tree.nodes.len())
        .filter(|&id| tree.nodes[id].tag == "meta")
        .find(|&id| {
            let name = tree
                .attr(id, "property")
                .or_else(|| tree.attr(id, "name"))
                .unwrap_or("");
            name.eq_ignore_ascii_case("og:title") || name.eq_ignore_ascii_case("twitter:title")
        })
        .and_then(|id| tree.attr(id, "content"))
        .map(crate::tree::collapse)
        .filter(|t| !t.is_empty())
}

/// The longest part of a `<title>` cut at ` | `, ` - `, ` – `, ` — ` or
/// ` :: ` (the rest is usually the site's name).
fn without_site_name(title: &str) -> String {
    let mut parts = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(html: &str) -> Option<String> {
        let tree = Tree::parse(html);
        let removed = crate::boilerplate::removed(&tree);
        title(&tree, &removed)
    }

    #[test]
    fn the_heading_when_the_titles_agree() {
        assert_eq!(
            of("<title>Dam breaks | Daily Post</title><h1>Dam breaks</h1>").as_deref(),
            Some("Dam breaks")
        );
        assert_eq!(
            of("<h1>Only a heading</h1>").as_deref(),
            Some("Only a heading")
        );
    }

    #[test]
    fn else_og_title_else_the_title_without_the_site() {
        assert_eq!(
            of(
                "<meta property='og:title' content='Dam breaks'><title>x</title><h1>Daily Post</h1>"
            )
            .as_deref(),
            Some("Dam breaks")
        );
        assert_eq!(
            of("<title>Daily Post - Dam breaks at dawn</title><nav><h1>Dam</h1></nav>").as_deref(),
            Some("Dam breaks at dawn")
        );
        assert_eq!(of("<p>No title</p>"), None);
    }
}
