//! What the rules need to know about a language.

use crate::abbrev::{self, WordLists};

/// Languages that write ordinal numbers with a period (`am 3. Oktober`,
/// `10. pokus`), so a number's period before a month name or a lower-case
/// word is not a sentence end, and a Roman numeral's period is an ordinal.
const ORDINAL_DOT: &[&str] = &[
    "de", "da", "nb", "nn", "no", "fi", "et", "cs", "sk", "pl", "hu", "hr", "sl", "sr", "bs", "lv",
    "is", "tr", "fo", "lb", "gsw", "eu",
];

/// The language-specific part of the rules.
#[derive(Clone, Debug)]
pub(crate) struct Profile {
    /// Abbreviations, months and sentence starters (built-in plus user).
    pub lists: WordLists,
    /// `;` is a question mark (Greek).
    pub greek: bool,
    /// `:` is a full stop (Armenian), and `.` is not one.
    pub armenian: bool,
    /// Ordinals are written with a period.
    pub ordinal_dot: bool,
    /// Nouns are capitalised (German), so a capital after an ordinal's
    /// period says little: "im 6. Stock"; nor does one after a colon,
    /// where a whole clause starts with a capital.
    pub noun_capitals: bool,
    /// A colon before a space ends a heading or a source label that opens
    /// a paragraph (Arabic news, where such a label has no other
    /// punctuation); inside running text it does not end a sentence.
    pub colon_ends: bool,
    /// A colon closes a news dateline of a place and an agency ("Tehran -
    /// IRNA:"), which is a segment of its own (Persian, Arabic and Urdu
    /// press).
    pub dateline_colon: bool,
    /// A quotation that a colon introduces and that opens with a capital
    /// is a sentence of its own (Portuguese and Italian news write a
    /// quoted statement after "disse:" / "ha detto:" as its own sentence).
    pub colon_quote_ends: bool,
    /// `?` and `!` are set after a space (French typography), so such a
    /// mark after a period belongs to the same sentence.
    pub spaced_marks: bool,
    /// Reported speech comes before the verb that reports it, often with
    /// no quotation marks (Turkish "Geliyor musun? diye sordu."), so a
    /// lower-case word after a question mark goes on with the sentence.
    pub speech_before_verb: bool,
    /// Letters of a caseless script that are words of their own and may
    /// end a sentence: Pashto و, the past of "to be" ("هلته و." "he was
    /// there."), where a lone letter with a period is otherwise an initial.
    pub letter_words: &'static [char],
}

impl Profile {
    /// The profile of `lang` (lower-case ISO 639-1 code); unknown codes get
    /// generic rules and the English sentence starters.
    pub(crate) fn new(lang: &str) -> Profile {
        let base = lang.split(['-', '_']).next().unwrap_or("");
        let mut lists = match abbrev::builtin(base) {
            Some(lists) => lists.clone(),
            None => {
                // Generic rules: no abbreviations beyond the near-universal
                // Latin ones, which every language data file repeats too.
                WordLists::parse(GENERIC)
            }
        };
        // Number signs written with a period in every language.
        for sign in ["n°", "nº", "№"] {
            lists.number.insert(sign.to_string());
        }
        Profile {
            lists,
            greek: base == "el",
            armenian: base == "hy",
            ordinal_dot: ORDINAL_DOT.contains(&base),
            colon_ends: base == "ar",
            dateline_colon: matches!(base, "ar" | "fa" | "ur"),
            colon_quote_ends: matches!(base, "pt" | "it" | "gl"),
            spaced_marks: matches!(base, "fr" | "br" | "oc"),
            speech_before_verb: matches!(base, "tr" | "az"),
            noun_capitals: matches!(base, "de" | "lb" | "gsw"),
            letter_words: if base == "ps" { &['و'] } else { &[] },
        }
    }
}

/// Word lists for languages without their own data file.
const GENERIC: &str = "[inner]\ne.g\ni.e\ncf\nvs\nviz\nca\ndr\nprof\n[number]\nno\nnr\np\npp\nvol\nfig\nart\n[general]\netc\nal\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_gets_generic_rules() {
        let p = Profile::new("xx");
        assert!(!p.greek && !p.armenian && !p.ordinal_dot);
        assert!(p.lists.general.contains("etc"));
    }

    #[test]
    fn region_subtags_are_ignored() {
        assert!(Profile::new("de-AT").ordinal_dot);
        assert!(Profile::new("el").greek);
        assert!(Profile::new("hy").armenian);
    }
}
