//! What the summariser knows about a language: its Snowball stemmer, its stop
//! words and whether its words are written without spaces.

use crate::terms::WordHasher;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// How the words of a language are turned into terms.
///
/// Built from an ISO 639-1 code. Every code is accepted: a language without a
/// Snowball stemmer or a stop-word list is read as plain lower-cased words, and
/// Chinese and Japanese (`zh`, `ja`) are read as character bigrams.
///
/// ```
/// use excerpt_rank::Language;
///
/// let en = Language::new("en");
/// assert!(en.has_stemmer());
/// assert!(en.is_stop_word("the"));
/// assert!(!en.is_stop_word("harbour"));
///
/// let unknown = Language::new("xx");
/// assert!(!unknown.has_stemmer());
/// assert!(!unknown.is_stop_word("the"));
///
/// assert!(Language::new("ja").uses_character_bigrams());
/// ```
pub struct Language {
    code: String,
    stemmer: Option<Stemmer>,
    stop_words: HashSet<&'static str, BuildHasherDefault<WordHasher>>,
    character_bigrams: bool,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language")
            .field("code", &self.code)
            .field("stemmer", &self.stemmer.is_some())
            .field("stop_words", &self.stop_words.len())
            .field("character_bigrams", &self.character_bigrams)
            .finish()
    }
}

impl Clone for Language {
    fn clone(&self) -> Self {
        Language::new(&self.code)
    }
}

/// The Snowball algorithm for an ISO 639-1 code, if rust-stemmers has one.
fn algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// The stop-word list shipped for an ISO 639-1 code (one word a line).
fn stop_word_list(code: &str) -> &'static str {
    match code {
        "ar" => include_str!("../data/stopwords/ar.txt"),
        "da" => include_str!("../data/stopwords/da.txt"),
        "nl" => include_str!("../data/stopwords/nl.txt"),
        "en" => include_str!("../data/stopwords/en.txt"),
        "fi" => include_str!("../data/stopwords/fi.txt"),
        "fr" => include_str!("../data/stopwords/fr.txt"),
        "de" => include_str!("../data/stopwords/de.txt"),
        "el" => include_str!("../data/stopwords/el.txt"),
        "hu" => include_str!("../data/stopwords/hu.txt"),
        "it" => include_str!("../data/stopwords/it.txt"),
        "no" | "nb" | "nn" => include_str!("../data/stopwords/no.txt"),
        "pt" => include_str!("../data/stopwords/pt.txt"),
        "ro" => include_str!("../data/stopwords/ro.txt"),
        "ru" => include_str!("../data/stopwords/ru.txt"),
        "es" => include_str!("../data/stopwords/es.txt"),
        "sv" => include_str!("../data/stopwords/sv.txt"),
        "ta" => include_str!("../data/stopwords/ta.txt"),
        "tr" => include_str!("../data/stopwords/tr.txt"),
        _ => "",
    }
}

impl Language {
    /// The language with ISO 639-1 code `code` (case-insensitive; a region
    /// suffix such as `en-GB` or `pt_BR` is ignored).
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert_eq!(Language::new("pt-BR").code(), "pt");
    /// ```
    pub fn new(code: &str) -> Language {
        let code = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let stemmer = algorithm(&code).map(Stemmer::create);
        let stop_words = stop_word_list(&code)
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        let character_bigrams = matches!(code.as_str(), "zh" | "ja");
        Language {
            code,
            stemmer,
            stop_words,
            character_bigrams,
        }
    }

    /// The normalised ISO 639-1 code.
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert_eq!(Language::new("FR").code(), "fr");
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Whether words are reduced to their Snowball stem.
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert!(Language::new("tr").has_stemmer());
    /// assert!(!Language::new("pl").has_stemmer());
    /// ```
    pub fn has_stemmer(&self) -> bool {
        self.stemmer.is_some()
    }

    /// Whether text is read as overlapping pairs of characters (Chinese, Japanese).
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert!(Language::new("zh").uses_character_bigrams());
    /// assert!(!Language::new("en").uses_character_bigrams());
    /// ```
    pub fn uses_character_bigrams(&self) -> bool {
        self.character_bigrams
    }

    /// Whether the lower-cased `word` is a stop word of this language.
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert!(Language::new("de").is_stop_word("und"));
    /// ```
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Whether a stop-word list is shipped for this language.
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert!(Language::new("de").has_stop_words());
    /// assert!(!Language::new("pl").has_stop_words());
    /// ```
    pub fn has_stop_words(&self) -> bool {
        !self.stop_words.is_empty()
    }

    /// The stem of the lower-cased `word` (the word itself without a stemmer).
    ///
    /// ```
    /// use excerpt_rank::Language;
    /// assert_eq!(Language::new("en").stem("harbours"), "harbour");
    /// assert_eq!(Language::new("xx").stem("harbours"), "harbours");
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word),
            None => std::borrow::Cow::Borrowed(word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNOWBALL: [&str; 18] = [
        "ar", "da", "nl", "en", "fi", "fr", "de", "el", "hu", "it", "no", "pt", "ro", "ru", "es",
        "sv", "ta", "tr",
    ];

    #[test]
    fn every_snowball_language_has_stemmer_and_stop_words() {
        for code in SNOWBALL {
            let lang = Language::new(code);
            assert!(lang.has_stemmer(), "{code}");
            assert!(
                lang.stop_words.len() >= 15,
                "{code}: {}",
                lang.stop_words.len()
            );
        }
    }

    #[test]
    fn stop_word_files_are_lower_case_and_single_words() {
        for code in SNOWBALL {
            for word in stop_word_list(code).lines() {
                assert_eq!(word, word.to_lowercase(), "{code}: {word}");
                assert!(!word.contains(' '), "{code}: {word}");
            }
        }
    }

    #[test]
    fn bokmal_shares_norwegian() {
        assert!(Language::new("nb").is_stop_word("og"));
        assert!(Language::new("no").is_stop_word("og"));
    }
}
