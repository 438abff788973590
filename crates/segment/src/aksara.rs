//! Initials in the Dravidian scripts (Tamil, Telugu, Kannada, Malayalam)
//! and in Devanagari.
//!
//! These scripts have no letter case, and they end sentences with a
//! period, which they also put after initials and abbreviations: a name is
//! written with the first syllable of the father's or the village's name
//! (`கே. பாலன்`, `ఎన్. టి. రామారావు`), a party or a firm with the first
//! syllable of each word (`தி.மு.க.`). Words of these languages are long
//! (they are agglutinative, and a sentence ends with an inflected verb), so
//! a period after a single written syllable marks an initial. A syllable
//! (aksara) is a letter with the vowel signs and modifiers that follow it;
//! a consonant with a virama (a dead consonant) joins the next consonant in
//! a conjunct, or closes the syllable before it (`ஆர்` "R", `எஸ்` "S").

/// Devanagari writes initials and initialisms with the names of the Latin
/// letters (`एस.बी.आई.`, `आई. के. गुजराल`), each with a period, while
/// a Hindi or Marathi sentence ends with a danda or, in some texts, a
/// period after an ordinary word. These are the names of the 26 letters
/// as Hindi and Marathi spell them (with the common variants).
const DEVANAGARI_LETTER_NAMES: &[&str] = &[
    "ए",
    "बी",
    "सी",
    "डी",
    "ई",
    "एफ",
    "जी",
    "एच",
    "आई",
    "जे",
    "के",
    "एल",
    "एम",
    "एन",
    "ओ",
    "पी",
    "क्यू",
    "आर",
    "एस",
    "टी",
    "यू",
    "वी",
    "डब्ल्यू",
    "डबल्यू",
    "एक्स",
    "वाई",
    "ज़ेड",
    "जेड",
];

/// Whether `c` is in the Devanagari block.
#[inline]
fn devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097f}').contains(&c)
}

/// Initials written with Latin letter names in Devanagari: dotted ones
/// (`एस.बी.आई`) are sure; a single name is an initial next to another.
fn devanagari_initial(word: &str) -> Option<Initial> {
    let name = |p: &str| DEVANAGARI_LETTER_NAMES.contains(&p);
    if word.contains('.') {
        return word.split('.').all(name).then_some(Initial::Sure);
    }
    name(word).then_some(Initial::Closed)
}

/// How sure a token is to be an initial.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Initial {
    /// One open syllable (`கே`), or dotted initials (`தி.மு.க`): an
    /// initial wherever it stands.
    Sure,
    /// A syllable closed by a dead consonant (`ஆர்`, `எம்`): also the shape
    /// of some short words, so an initial only next to another initial.
    Closed,
}

/// Whether `c` is in one of the Dravidian script blocks.
#[inline]
fn dravidian(c: char) -> bool {
    ('\u{0b80}'..='\u{0d7f}').contains(&c)
}

/// The position of `c` inside its 128-character block (the four blocks
/// share the layout of ISCII).
#[inline]
fn offset(c: char) -> u32 {
    u32::from(c) & 0x7f
}

/// A vowel sign, virama, nukta or other mark that belongs to the letter
/// before it.
#[inline]
fn is_mark(c: char) -> bool {
    let o = offset(c);
    o <= 0x03 || (0x3a..=0x57).contains(&o) || (0x62..=0x63).contains(&o)
}

/// The virama, which kills a consonant's inherent vowel.
#[inline]
fn is_virama(c: char) -> bool {
    offset(c) == 0x4d
}

/// The syllables of `part` (letters of one Dravidian script only): their
/// number, and whether the last ends in a virama. `None` when `part` has
/// anything else.
fn syllables(part: &str) -> Option<(usize, bool)> {
    let mut count = 0;
    let mut after_virama = false;
    for c in part.chars() {
        if !dravidian(c) {
            return None;
        }
        if is_mark(c) {
            if count == 0 {
                return None;
            }
            after_virama = is_virama(c);
            continue;
        }
        if !c.is_alphabetic() {
            return None;
        }
        // a consonant after a virama may be the second half of a conjunct
        // (`ஸ்ரீ`), but a syllable closed by a dead consonant counts apart
        if !after_virama || count == 0 {
            count += 1;
        }
        after_virama = false;
    }
    (count > 0).then_some((count, after_virama))
}

/// Whether the token `word` (without its final period) is an initial in a
/// Dravidian script or in Devanagari, and how sure.
pub(crate) fn initial(word: &str) -> Option<Initial> {
    let first = word.chars().next()?;
    if devanagari(first) {
        return devanagari_initial(word);
    }
    if !dravidian(first) {
        return None;
    }
    if word.contains('.') {
        // dotted initials: every part one syllable
        let all = word
            .split('.')
            .all(|p| matches!(syllables(p), Some((1, _)) | Some((2, true))));
        return all.then_some(Initial::Sure);
    }
    match syllables(word)? {
        (1, false) => Some(Initial::Sure),
        (1, true) | (2, true) => Some(Initial::Closed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tamil_initials() {
        assert_eq!(initial("கே"), Some(Initial::Sure));
        assert_eq!(initial("ப"), Some(Initial::Sure));
        assert_eq!(initial("தி.மு.க"), Some(Initial::Sure));
        assert_eq!(initial("ஏ.எம்"), Some(Initial::Sure));
        assert_eq!(initial("ஆர்"), Some(Initial::Closed));
        assert_eq!(initial("எஸ்"), Some(Initial::Closed));
        // words of two or more open syllables are not initials
        assert_eq!(initial("காந்தி"), None);
        assert_eq!(initial("வந்தார்"), None);
    }

    #[test]
    fn devanagari_letter_names() {
        assert_eq!(initial("एस.बी.आई"), Some(Initial::Sure));
        assert_eq!(initial("के"), Some(Initial::Closed));
        assert_eq!(initial("है"), None);
        assert_eq!(initial("भारत.आज"), None);
    }

    #[test]
    fn other_scripts_are_not_concerned() {
        assert_eq!(initial("J"), None);
        assert_eq!(initial("डॉ"), None);
        assert_eq!(initial(""), None);
    }

    #[test]
    fn telugu_and_malayalam_initials() {
        assert_eq!(initial("ఎన్"), Some(Initial::Closed));
        assert_eq!(initial("టి"), Some(Initial::Sure));
        assert_eq!(initial("എം.ടി"), Some(Initial::Sure));
        assert_eq!(initial("ആണ്"), Some(Initial::Closed));
    }
}
