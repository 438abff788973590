//! Splitting a sentence that is longer than a limit at its best clause
//! boundary, for translation tools with segment length limits.

/// Conjunctions before which a clause may start, in several languages.
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "while", "because", "although", "which", "und", "aber", "oder", "weil",
    "et", "mais", "ou", "car", "y", "pero", "porque", "e", "ma", "perché", "mas", "en", "maar",
    "omdat", "i", "ale", "a", "и", "но", "а", "och", "men", "og",
];

/// Splits `s` (trimmed, longer than `max` characters) into byte ranges of
/// at most `max` characters where possible, cutting after `;` `:` a dash or
/// `,`, or before a conjunction, or at a space, in that order of
/// preference; a piece with no space at all is cut at `max` characters.
/// Every range starts and ends with non-whitespace.
pub(crate) fn split(s: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < s.len() {
        let rest = &s[start..];
        let Some((limit, _)) = rest.char_indices().nth(max) else {
            out.push((start, s.len()));
            break;
        };
        let cut = best_cut(rest, limit).unwrap_or(limit);
        let piece = rest[..cut].trim_end();
        let piece = if piece.is_empty() {
            &rest[..limit]
        } else {
            piece
        };
        out.push((start, start + piece.len()));
        let after = &s[start + piece.len()..];
        start = s.len() - after.trim_start().len();
    }
    out
}

/// The best place to cut `rest` before byte `limit`: the end of the piece.
fn best_cut(rest: &str, limit: usize) -> Option<usize> {
    let window = &rest[..limit];
    let mut best: Option<(u8, usize)> = None;
    let mut consider = |rank: u8, at: usize| {
        // a clause boundary in the first quarter would leave a scrap
        let rank = if at * 4 < limit { 0 } else { rank };
        if at > 0 && best.is_none_or(|(r, a)| rank > r || (rank == r && at > a)) {
            best = Some((rank, at));
        }
    };
    for (o, c) in window.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let before = window[..o].chars().next_back();
        match before {
            Some(';') => consider(5, o),
            Some(':') | Some('—') | Some('–') => consider(4, o),
            Some(',') => consider(3, o),
            _ => {}
        }
        if matches!(before, Some('-')) && window[..o].ends_with(" -") {
            consider(4, o);
        }
        let word_end = window[o + c.len_utf8()..]
            .find(char::is_whitespace)
            .map_or(window.len(), |e| o + c.len_utf8() + e);
        let word = &window[o + c.len_utf8()..word_end];
        if CONJUNCTIONS.contains(&word.to_lowercase().as_str()) {
            consider(2, o);
        }
        consider(1, o);
    }
    best.map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str, max: usize) -> Vec<&str> {
        split(s, max).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn prefers_semicolon_over_comma() {
        assert_eq!(
            pieces("We came, we saw; we left early.", 20),
            ["We came, we saw;", "we left early."]
        );
    }

    #[test]
    fn falls_back_to_a_conjunction_then_a_space() {
        assert_eq!(
            pieces("cats sleep and dogs bark loudly", 18),
            ["cats sleep", "and dogs bark", "loudly"]
        );
    }

    #[test]
    fn does_not_leave_a_scrap_before_an_early_comma() {
        assert_eq!(
            pieces("Yes, the committee approved the new budget for schools", 40),
            ["Yes, the committee approved the new", "budget for schools"]
        );
    }

    #[test]
    fn a_long_word_is_cut_at_the_limit() {
        assert_eq!(pieces("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
