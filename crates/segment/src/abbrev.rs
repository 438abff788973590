//! Abbreviation data: the word lists that tell a period after an
//! abbreviation from a period that ends a sentence.
//!
//! Each language has one data file under `data/abbrev/`, compiled into the
//! library and parsed once. A file has sections:
//!
//! - `[inner]`: abbreviations that do not end a sentence before a word
//!   (titles such as `Dr.`, Latin forms such as `e.g.`);
//! - `[number]`: abbreviations that do not end a sentence before a number
//!   (`p. 5`, `No. 7`, units);
//! - `[general]`: abbreviations that end a sentence only before a
//!   capitalised word (`etc.`, `Ltd.`);
//! - `[month]`: month names, after which an ordinal number's period is not an
//!   end (`am 3. Oktober`);
//! - `[starter]`: words that often open a sentence; after initials and
//!   initialisms (`U.S.`) a boundary is made only before one of them;
//! - `[closing]`: closing formulas of letters and mails (`best regards`),
//!   which end a sentence at their comma when a capitalised name follows.

use std::collections::HashSet as StdHashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the word lists hold short keys, for which it is much faster
/// than the default hasher; the lists are built from our own data, so
/// hash flooding is not a concern.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of words with the FNV hasher.
pub(crate) type HashSet<T> = StdHashSet<T, BuildHasherDefault<Fnv>>;

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Never ends a sentence when a word follows.
    Inner,
    /// Does not end a sentence when a number follows.
    Number,
    /// Ends a sentence only before a capitalised word.
    General,
}

/// A language's built-in abbreviations by how they behave before the next
/// word, each list sorted, in lower case, without the final period
/// (internal periods stay: `e.g`). For tools that want the segmenter's
/// knowledge in another form, such as SRX rules for a CAT tool.
///
/// ```
/// let en = excerpt_segment::builtin_abbreviations("en").unwrap();
/// assert!(en.inner.iter().any(|a| a == "dr"));
/// assert!(en.general.iter().any(|a| a == "etc"));
/// assert!(excerpt_segment::builtin_abbreviations("xx").is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Abbreviations {
    /// Never end a sentence before a word (`Dr.`, `e.g.`).
    pub inner: Vec<String>,
    /// Do not end a sentence before a number (`p.`, `No.`).
    pub number: Vec<String>,
    /// End a sentence only before a capitalised word (`etc.`).
    pub general: Vec<String>,
}

/// The built-in abbreviations of language `lang` (ISO 639-1), or `None`
/// when the library has no data file for it.
pub fn builtin_abbreviations(lang: &str) -> Option<Abbreviations> {
    let lists = builtin(lang)?;
    let sorted = |set: &HashSet<String>| {
        let mut v: Vec<String> = set.iter().cloned().collect();
        v.sort();
        v
    };
    Some(Abbreviations {
        inner: sorted(&lists.inner),
        number: sorted(&lists.number),
        general: sorted(&lists.general),
    })
}

/// The word lists of one language (or of a user file).
#[derive(Clone, Debug, Default)]
pub(crate) struct WordLists {
    pub inner: HashSet<String>,
    pub number: HashSet<String>,
    pub general: HashSet<String>,
    pub months: HashSet<String>,
    pub starters: HashSet<String>,
    /// Closing formulas of letters ("kind regards"), lower case.
    pub closings: HashSet<String>,
    /// Words seen only capitalised, also inside sentences: names (learned
    /// from a text, never in data files).
    pub names: HashSet<String>,
}

impl WordLists {
    /// Parses a data file with sections (see the module documentation).
    /// Lines before any section header are `[general]` entries.
    pub(crate) fn parse(text: &str) -> WordLists {
        let mut lists = WordLists::default();
        let mut section = "general";
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "inner" => "inner",
                    "number" => "number",
                    "month" => "month",
                    "starter" => "starter",
                    "closing" => "closing",
                    _ => "general",
                };
                continue;
            }
            let entry = normalize_entry(line);
            if entry.is_empty() {
                continue;
            }
            let set = match section {
                "inner" => &mut lists.inner,
                "number" => &mut lists.number,
                "month" => &mut lists.months,
                "starter" => &mut lists.starters,
                "closing" => &mut lists.closings,
                _ => &mut lists.general,
            };
            set.insert(entry);
        }
        lists
    }

    /// The kind of the abbreviation `word` (lower case, no final period).
    pub(crate) fn kind(&self, word: &str) -> Option<Kind> {
        if self.inner.contains(word) {
            Some(Kind::Inner)
        } else if self.number.contains(word) {
            Some(Kind::Number)
        } else if self.general.contains(word) {
            Some(Kind::General)
        } else {
            None
        }
    }
}

/// Lower-cases an entry and removes its final period(s).
fn normalize_entry(line: &str) -> String {
    line.trim().trim_end_matches('.').trim().to_lowercase()
}

/// Parses a user abbreviation file: one abbreviation a line, with or without
/// its final period; `#` starts a comment line; blank lines are ignored.
/// Entries are lower-cased, since matching ignores case.
///
/// ```
/// let list = excerpt_segment::parse_abbreviations("# units\nkm.\nApprox\n\n");
/// assert_eq!(list, ["km", "approx"]);
/// ```
pub fn parse_abbreviations(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_entry)
        .filter(|e| !e.is_empty())
        .collect()
}

macro_rules! languages {
    ($($code:literal),* $(,)?) => {
        /// The ISO 639-1 codes that have their own abbreviation data.
        pub(crate) const LANGUAGES: &[&str] = &[$($code),*];

        fn data_file(lang: &str) -> Option<&'static str> {
            match lang {
                $($code => Some(include_str!(concat!("../data/abbrev/", $code, ".txt"))),)*
                _ => None,
            }
        }
    };
}

languages!(
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "ru", "uk", "da", "sv", "nb", "fi",
    "tr", "kk", "bg", "el", "hu", "ro", "hr", "sl", "et", "lv", "lt", "ca", "sr", "bs", "mk", "be",
    "is", "ga", "eu", "gl", "sq", "az", "uz", "id", "ms", "vi", "af", "sw", "mn", "hi", "mr",
);

/// The parsed word lists of `lang`, or `None` if it has no data file.
/// Every file is parsed at most once per process.
pub(crate) fn builtin(lang: &str) -> Option<&'static WordLists> {
    static CACHE: OnceLock<Vec<(&'static str, OnceLock<WordLists>)>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| LANGUAGES.iter().map(|&l| (l, OnceLock::new())).collect());
    let (code, cell) = cache.iter().find(|(code, _)| *code == lang)?;
    Some(cell.get_or_init(|| WordLists::parse(data_file(code).unwrap_or(""))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_parses_and_is_not_empty() {
        for lang in LANGUAGES {
            let lists = builtin(lang).unwrap();
            let total = lists.inner.len() + lists.number.len() + lists.general.len();
            assert!(total >= 10, "{lang} has only {total} abbreviations");
            assert!(!lists.months.is_empty(), "{lang} has no months");
        }
    }

    #[test]
    fn sections_sort_entries_by_kind() {
        let lists = WordLists::parse("[inner]\nDr.\n[number]\np\n[general]\netc.\n");
        assert_eq!(lists.kind("dr"), Some(Kind::Inner));
        assert_eq!(lists.kind("p"), Some(Kind::Number));
        assert_eq!(lists.kind("etc"), Some(Kind::General));
        assert_eq!(lists.kind("house"), None);
    }

    #[test]
    fn user_file_ignores_comments_and_blank_lines() {
        assert_eq!(parse_abbreviations("#x\n\n  Abt.  \n"), ["abt"]);
    }

    #[test]
    fn unknown_language_has_no_data() {
        assert!(builtin("xx").is_none());
    }
}
