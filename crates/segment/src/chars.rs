//! Character classes used by the rules: terminators, closers, openers,
//! bullets and letter case.

/// What a sentence terminator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Term {
    /// `.` `．` or an ellipsis: often not an end (abbreviations, numbers).
    Period,
    /// `?` and its relatives (`؟`, Greek `;`, `⁇`): an end unless a comma
    /// or a dash-led continuation follows.
    Question,
    /// `!` `‼` `‽`: an end unless a lower-case word or a comma follows.
    Exclamation,
    /// A full stop of a script that has no other use for it (`。` `।` `።`
    /// `။` `។` `۔` `։` ...): always an end, glued or not.
    Full,
}

/// Classifies `c` as a terminator. `greek` makes `;` a question mark and
/// `armenian` makes `:` a full stop.
#[inline]
pub(crate) fn terminator(c: char, greek: bool, armenian: bool) -> Option<Term> {
    Some(match c {
        '.' | '．' | '…' => Term::Period,
        '?' | '⁇' | '؟' | '\u{37e}' => Term::Question,
        ';' if greek => Term::Question,
        ':' if armenian => Term::Full,
        '!' | '‼' | '‽' | '⁈' | '⁉' => Term::Exclamation,
        '。' | '｡' | '！' | '？' | '।' | '॥' | '።' | '፧' | '፨' | '။' | '។' | '៕' | '۔' | '։'
        | '༎' | '꓿' | '᙮' | '᠃' | '᠉' | '߹' | '܁' | '܂' | '෴' | '꛳' | '꛷' | '𑁇' | '𑁈' => {
            Term::Full
        }
        _ => return None,
    })
}

/// Brackets that always close something.
#[inline]
pub(crate) fn is_bracket_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '】'
            | '〗'
            | '〙'
            | '〛'
            | '｣'
    )
}

/// Opening brackets (for the nesting depth and for the next word).
#[inline]
pub(crate) fn is_bracket_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '（'
            | '［'
            | '｛'
            | '〔'
            | '【'
            | '〖'
            | '〘'
            | '〚'
            | '｢'
    )
}

/// Quotation marks: each can open or close depending on the language and
/// position, so the rules look at what follows them.
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '＂'
            | '＇'
            | '〝'
            | '〞'
            | '〟'
    )
}

/// Characters that may stand before the first letter of a sentence.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    is_bracket_opener(c) || is_quote(c) || matches!(c, '¿' | '¡' | '*' | '_')
}

/// List bullets.
#[inline]
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '✗'
            | '◆'
            | '◇'
            | '※'
    )
}

/// Dashes that introduce speech attribution or a continuation.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒')
}

/// Invisible format characters that the rules look through (bidi marks,
/// zero-width joiners, soft hyphen).
#[inline]
pub(crate) fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{2800}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// A lower-case letter of a script that has case. Georgian Mkhedruli is
/// written without capitals, so it counts as caseless.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    c.is_lowercase()
        && !('\u{10d0}'..='\u{10ff}').contains(&c)
        && !('\u{1c80}'..='\u{1cbf}').contains(&c)
}

/// An upper-case or title-case letter.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase()
        || (c.is_alphabetic() && !c.is_lowercase() && c.to_lowercase().next() != Some(c))
}

/// Letters of scripts written without spaces between sentences (Chinese,
/// Japanese), where a full stop needs no space after it.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9f}' | '\u{20000}'..='\u{2fa1f}')
}

/// Letters of scripts whose sentences end with a full stop of their own
/// and never with a period or an ellipsis (Khmer `។`, Burmese `။`).
#[inline]
pub(crate) fn has_own_full_stop(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17ff}' | '\u{1000}'..='\u{109f}')
}

/// A letter of the Hebrew or the Arabic script (Arabic, Persian, Urdu,
/// Pashto).
#[inline]
pub(crate) fn is_semitic(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
        && c.is_alphabetic()
}

/// A consonant or an independent vowel of Khmer or Burmese (not a vowel
/// sign or another mark that belongs to the letter before it).
#[inline]
pub(crate) fn is_base_letter(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17b3}' | '\u{1000}'..='\u{102a}')
}

/// Pictographic emoji and the marks that join or modify them.
#[inline]
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}'
        | '\u{fe0f}' | '\u{200d}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}' | '\u{2300}'..='\u{23ff}')
}

/// Roman numerals (as used for ordinals: `XII.`).
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 7
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_full_stops_are_full_terminators() {
        for c in ['。', '।', '॥', '።', '፧', '။', '។', '៕', '۔', '։'] {
            assert_eq!(terminator(c, false, false), Some(Term::Full), "{c}");
        }
    }

    #[test]
    fn greek_semicolon_is_a_question_mark_only_in_greek() {
        assert_eq!(terminator(';', true, false), Some(Term::Question));
        assert_eq!(terminator(';', false, false), None);
    }

    #[test]
    fn armenian_colon_is_a_full_stop_only_in_armenian() {
        assert_eq!(terminator(':', false, true), Some(Term::Full));
        assert_eq!(terminator(':', false, false), None);
    }

    #[test]
    fn georgian_is_caseless() {
        assert!(!is_lower('ა'));
        assert!(!is_upper('ა'));
        assert!(is_lower('é'));
        assert!(is_upper('Ж'));
    }

    #[test]
    fn roman_numerals() {
        assert!(is_roman("XII"));
        assert!(!is_roman("XIIa"));
        assert!(!is_roman(""));
    }

    #[test]
    fn inverted_exclamation_is_not_a_terminator() {
        assert_eq!(terminator('¡', false, false), None);
    }
}
