//! `excerpt extract` and `excerpt summarize` of web pages, from the command
//! line: the article is kept; navigation, cookie banners, comments, related
//! links, sidebars and footers are not.

use predicates::prelude::*;

mod common;
use common::{excerpt, root, stdout_of};

const FERRY: &str = "corpus/en/ferry-page.html";
const FORUM: &str = "tests/data/extract/forum-thread.html";
const LATIN1: &str = "tests/data/extract/latin1-recipe.html";

#[test]
fn a_news_page_gives_its_title_then_the_article() {
    let out = stdout_of(excerpt().args(["extract", FERRY]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("Night ferry returns to Saltmere after two winters")
    );
    assert_eq!(lines.next(), Some(""));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("The night ferry between Saltmere and the island of Brennock")
    );
    for kept in [
        "A rebuilt boat, the Grey Heron, passed its sea trials",
        "Fares stay at day rates",
        "£4.50 for adults",
        "“People on Brennock have been cut off every evening for two years,”",
        "would be shared with the county council for the first three years.",
    ] {
        assert!(out.contains(kept), "{kept:?} missing from\n{out}");
    }
    for dropped in [
        "We use cookies",       // cookie banner
        "Sport",                // navigation
        "Share on Facebook",    // share bar
        "Related stories",      // related links
        "Harbour board names",  // related links
        "About time too",       // comments
        "Who is paying",        // comments
        "Most read",            // sidebar
        "morning briefing",     // newsletter box
        "All rights reserved",  // footer
        "Photo: Courier",       // caption
        "The Saltmere Courier", // the site's name in <title>
    ] {
        assert!(!out.contains(dropped), "{dropped:?} in\n{out}");
    }
}

#[test]
fn a_post_is_kept_without_its_comment_thread_and_navigation() {
    let out = stdout_of(excerpt().args(["extract", FORUM]));
    assert!(out.starts_with("Repairing a cracked kiln shelf\n\nMy cordierite shelf cracked"));
    assert!(out.contains("use it only for bisque loads?"));
    for dropped in [
        "Cut it down",
        "Forum home",
        "Kilns and firing",
        "Kiln wash",
        "Forum rules",
    ] {
        assert!(!out.contains(dropped), "{dropped:?} in\n{out}");
    }
}

#[test]
fn a_legacy_encoding_is_found_from_the_page() {
    let out = stdout_of(excerpt().args(["extract", LATIN1]));
    assert!(out.starts_with(
        "Apfelkuchen vom Blech\n\nFür ein Blech braucht man zwei Kilo säuerliche Äpfel"
    ));
    assert!(out.contains("Bei 180 °C etwa 40 Minuten backen"));
    assert!(
        !out.contains("Cookies") && !out.contains("Startseite"),
        "{out}"
    );
    // --encoding overrides what the page says.
    let forced = stdout_of(excerpt().args(["extract", "--encoding", "iso-8859-7", LATIN1]));
    assert!(!forced.contains("Äpfel"), "{forced}");
}

#[test]
fn standard_input_is_sniffed_or_read_as_html() {
    let page = std::fs::read(root().join(FERRY)).unwrap();
    let from_file = stdout_of(excerpt().args(["extract", FERRY]));
    let sniffed = stdout_of(excerpt().arg("extract").write_stdin(page.clone()));
    assert_eq!(sniffed, from_file);
    let mut fragment = b"<p>".to_vec();
    fragment.extend_from_slice(b"A fragment without a doctype, long enough to be read as prose.");
    excerpt()
        .arg("extract")
        .write_stdin(fragment.clone())
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "<stdin>: does not look like a web page",
        ));
    let forced = stdout_of(
        excerpt()
            .args(["extract", "--input", "html"])
            .write_stdin(fragment),
    );
    assert_eq!(
        forced,
        "A fragment without a doctype, long enough to be read as prose.\n"
    );
}

#[test]
fn json_gives_file_title_and_paragraphs() {
    let out = stdout_of(excerpt().args(["extract", "--format", "json", FORUM, LATIN1]));
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["file"], FORUM);
    assert_eq!(records[0]["title"], "Repairing a cracked kiln shelf");
    assert_eq!(records[0]["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(records[1]["title"], "Apfelkuchen vom Blech");
}

#[test]
fn bad_input_is_an_error_naming_the_file() {
    excerpt()
        .args(["extract", "no/such/page.html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/page.html: no such file"));
    excerpt()
        .args(["extract", "corpus/de/stadtrat-radwege.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "corpus/de/stadtrat-radwege.txt: does not look like a web page",
        ));
}

#[test]
fn summarize_of_a_page_summarises_the_article_under_its_title() {
    let out = stdout_of(excerpt().args(["summarize", "--lang", "en", "--sentences", "2", FERRY]));
    let article = stdout_of(excerpt().args(["extract", FERRY]));
    assert_eq!(out.lines().count(), 2, "{out}");
    for line in out.lines() {
        assert!(article.contains(line), "{line:?} is not from the article");
    }
    // The page's title is the title: the same as giving it with --title to
    // the extracted text.
    let body: String = article.split_once("\n\n").unwrap().1.to_string();
    let titled = stdout_of(
        excerpt()
            .args([
                "summarize",
                "--lang",
                "en",
                "--sentences",
                "2",
                "--input",
                "text",
            ])
            .args([
                "--title",
                "Night ferry returns to Saltmere after two winters",
            ])
            .write_stdin(body),
    );
    assert_eq!(out, titled);
    // From standard input, sniffed or with --input html.
    let page = std::fs::read(root().join(FERRY)).unwrap();
    let args = ["summarize", "--lang", "en", "--sentences", "2"];
    assert_eq!(
        stdout_of(excerpt().args(args).write_stdin(page.clone())),
        out
    );
    assert_eq!(
        stdout_of(
            excerpt()
                .args(args)
                .args(["--input", "html"])
                .write_stdin(page)
        ),
        out
    );
}
