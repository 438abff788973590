//! SRX 2.0 rules written from a segmenter's knowledge of a language, for a
//! CAT tool that cannot run the segmenter itself.
//!
//! The rules approximate: abbreviations become exception rules by how they
//! behave before the next word, sentence terminators become break rules, and
//! a blank line always breaks. What the segmenter decides from the whole text
//! (initials before a sentence starter, a quotation that closes after an
//! abbreviation, learned names) has no place in SRX and is left out.

use quick_xml::escape::escape as xml_escape;

/// What to write for one language.
///
/// ```
/// let rules = excerpt_srx::ExportRules {
///     lang: "en",
///     inner: vec!["dr".into()],
///     number: vec!["no".into()],
///     general: vec!["etc".into()],
/// };
/// let xml = excerpt_srx::export_srx(&rules);
/// let doc = excerpt_srx::SrxDocument::parse(&xml).unwrap();
/// let seg = doc.segmenter("en", excerpt_srx::Dialect::LanguageTool).unwrap();
/// let text = "Dr. Kim came at no. 5 etc. and left. She was glad.";
/// let parts: Vec<&str> = seg.segments(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(parts, ["Dr. Kim came at no. 5 etc. and left.", " She was glad."]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExportRules<'a> {
    /// The language code the rules are mapped to (`en` also maps `en-GB`,
    /// `en_US`).
    pub lang: &'a str,
    /// Abbreviations that never end a sentence before a word, lower case,
    /// without the final period.
    pub inner: Vec<String>,
    /// Abbreviations that do not end a sentence before a number.
    pub number: Vec<String>,
    /// Abbreviations that end a sentence only before a capitalised word.
    pub general: Vec<String>,
}

/// Characters that end a sentence in the scripts the segmenter knows (Latin
/// and Cyrillic, Arabic, Devanagari, Armenian, Ethiopic, Myanmar, CJK), as a
/// Java character class body.
const TERMINATORS: &str = ".?!\u{2026}\u{203C}\u{2047}\u{2048}\u{2049}\u{061F}\u{06D4}\u{0964}\u{0965}\u{0589}\u{1362}\u{104B}";

/// Full-width terminators after which a sentence ends with no space.
const FULL_WIDTH: &str = "\u{3002}\u{FF01}\u{FF1F}\u{FF0E}";

/// What may close after a terminator: quotation marks and brackets.
const CLOSERS: &str = "\"'\u{2019}\u{201D}\u{00BB}\u{203A})\\]\u{300D}\u{300F}\u{FF09}";

/// Closing quotation marks that may follow a terminator after a space
/// (French `fin. »`); two apostrophes (`end. ''`) close too.
const SPACED_CLOSERS: &str = "\u{00BB}\u{203A}\u{201D}";

/// The spaces that may stand before a spaced closing quotation mark.
const SPACES: &str = " \u{00A0}\u{202F}";

/// Writes `rules` as an SRX 2.0 document: one language rule named
/// `excerpt-LANG`, mapped to `LANG` and its regional variants, with the
/// exceptions first and the break rules after them.
pub fn export_srx(rules: &ExportRules) -> String {
    let mut body = String::new();
    let mut rule = |brk: bool, comment: &str, before: &str, after: &str| {
        body.push_str(&format!(
            "      <!-- {comment} -->\n      <rule break=\"{}\">\n        <beforebreak>{}</beforebreak>\n        <afterbreak>{}</afterbreak>\n      </rule>\n",
            if brk { "yes" } else { "no" },
            xml_escape(before),
            xml_escape(after),
        ));
    };
    let word_start = "(?<![\\p{L}\\p{N}.])";
    if let Some(list) = alternation(&rules.inner) {
        rule(
            false,
            "abbreviations that never end a sentence before a word",
            &format!("(?iu){word_start}{list}\\."),
            "\\s+[\\p{L}\\p{N}]",
        );
    }
    if let Some(list) = alternation(&rules.number) {
        rule(
            false,
            "abbreviations that do not end a sentence before a number",
            &format!("(?iu){word_start}{list}\\."),
            "\\s+\\p{N}",
        );
    }
    if let Some(list) = alternation(&rules.general) {
        rule(
            false,
            "abbreviations that end a sentence only before a capital",
            &format!("(?iu){word_start}{list}\\."),
            "\\s+[^\\p{Lu}\\s]",
        );
    }
    rule(
        false,
        "an initial before a capitalised word (J. Smith)",
        &format!("{word_start}\\p{{Lu}}\\."),
        "\\s+\\p{Lu}",
    );
    rule(
        false,
        "a closing quotation mark set apart by a space belongs to the sentence it closes (fin. », end. '')",
        &format!("[{TERMINATORS}]+[{CLOSERS}]*"),
        &format!("[{SPACES}](?:[{SPACED_CLOSERS}]|'')(?:\\s|$)"),
    );
    rule(
        false,
        "no sentence starts in lower case",
        &format!("[{TERMINATORS}]+[{CLOSERS}]*"),
        "\\s+\\p{Ll}",
    );
    rule(
        true,
        "a terminator, then a closing quotation mark set apart by a space, then a space",
        &format!("[{TERMINATORS}]+[{CLOSERS}]*[{SPACES}](?:[{SPACED_CLOSERS}]|'')"),
        "\\s",
    );
    rule(
        true,
        "a terminator, closing quotes or brackets, then a space",
        &format!("[{TERMINATORS}]+[{CLOSERS}]*"),
        "\\s",
    );
    rule(
        true,
        "a full-width terminator, with or without a space",
        &format!("[{FULL_WIDTH}]+[{CLOSERS}]*"),
        "",
    );
    rule(true, "a blank line", "\\n", "[^\\S\\n]*\\n");
    let lang = rules.lang;
    let pattern = format!("(?i){}([-_].*)?", escape_java(lang));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- excerpt's segmentation rules for '{lang}', approximated as SRX 2.0 -->\n\
         <srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n\
         \x20 <header segmentsubflows=\"yes\" cascade=\"yes\">\n\
         \x20   <formathandle type=\"start\" include=\"no\"/>\n\
         \x20   <formathandle type=\"end\" include=\"yes\"/>\n\
         \x20   <formathandle type=\"isolated\" include=\"yes\"/>\n\
         \x20 </header>\n\
         \x20 <body>\n\
         \x20   <languagerules>\n\
         \x20   <languagerule languagerulename=\"excerpt-{name}\">\n\
         {body}\
         \x20   </languagerule>\n\
         \x20   </languagerules>\n\
         \x20   <maprules>\n\
         \x20     <languagemap languagepattern=\"{pattern}\" languagerulename=\"excerpt-{name}\"/>\n\
         \x20   </maprules>\n\
         \x20 </body>\n\
         </srx>\n",
        name = xml_escape(lang),
        pattern = xml_escape(&pattern),
    )
}

/// `(?:a|b|c)` of the escaped words, longest first so that no word stops
/// the match of a longer one; `None` when there are none.
fn alternation(words: &[String]) -> Option<String> {
    let mut words: Vec<&String> = words.iter().filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    let parts: Vec<String> = words.iter().map(|w| escape_java(w)).collect();
    Some(format!("(?:{})", parts.join("|")))
}

/// `text` as a Java regex that matches it literally: ASCII punctuation is
/// escaped with a backslash, every other character stands for itself.
fn escape_java(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dialect, SrxDocument};

    fn cut<'t>(rules: &ExportRules, code: &str, text: &'t str) -> Vec<&'t str> {
        let doc = SrxDocument::parse(&export_srx(rules)).unwrap();
        let seg = doc.segmenter(code, Dialect::LanguageTool).unwrap();
        seg.segments(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_keep_their_sentences_whole_by_kind() {
        let rules = ExportRules {
            lang: "de",
            inner: vec!["z.b".into(), "dr".into()],
            number: vec!["nr".into()],
            general: vec!["usw".into()],
        };
        let text = "Dr. Weber kam, z.B. mit Nr. 5 usw. und ging. Dann usw. Das war alles.";
        assert_eq!(
            cut(&rules, "de-AT", text),
            [
                "Dr. Weber kam, z.B. mit Nr. 5 usw. und ging.",
                " Dann usw.",
                " Das war alles."
            ]
        );
    }

    #[test]
    fn terminators_of_other_scripts_and_blank_lines_break() {
        let rules = ExportRules {
            lang: "hi",
            ..ExportRules::default()
        };
        let text = "यह पहला है। यह दूसरा है? 今日は晴れ。明日は雨\n\nA line";
        assert_eq!(
            cut(&rules, "hi", text),
            [
                "यह पहला है।",
                " यह दूसरा है?",
                " 今日は晴れ。",
                "明日は雨\n",
                "\nA line"
            ]
        );
    }

    #[test]
    fn a_closing_quotation_mark_set_apart_stays_with_its_sentence() {
        let rules = ExportRules {
            lang: "fr",
            ..ExportRules::default()
        };
        let text = "Il dit : « C'est fini. » Puis il part. « Non ! »";
        assert_eq!(
            cut(&rules, "fr", text),
            ["Il dit : « C'est fini. »", " Puis il part.", " « Non ! »"]
        );
        let rules = ExportRules {
            lang: "nl",
            ..ExportRules::default()
        };
        let text = "Het was goed. '' Daarna niet. '' Nee.";
        assert_eq!(
            cut(&rules, "nl", text),
            ["Het was goed. ''", " Daarna niet. ''", " Nee."]
        );
    }

    #[test]
    fn words_are_escaped_for_regex_and_xml() {
        assert_eq!(escape_java("e.g"), "e\\.g");
        assert_eq!(escape_java("ст"), "ст");
        assert_eq!(xml_escape("a<b&\"c\""), "a&lt;b&amp;&quot;c&quot;");
        let xml = export_srx(&ExportRules {
            lang: "en",
            inner: vec!["a&b".into()],
            ..ExportRules::default()
        });
        assert!(SrxDocument::parse(&xml).is_ok(), "{xml}");
    }
}
