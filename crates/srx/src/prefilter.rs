//! Cheap tests that rule out an exception at a position before its regex
//! runs: the character its beforebreak must end with, and the ASCII space
//! its afterbreak must start with, when the Java pattern makes them certain.

/// A pre-test for one exception rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Filter {
    /// The character right before the position, if the beforebreak fixes it.
    pub last: Option<char>,
    /// The afterbreak starts with Java's ASCII `\s`.
    pub space_after: bool,
}

/// Whether the pattern has inline flags, a top-level `|`, or anything else
/// that makes the simple reading below unsafe.
fn plain(p: &[char]) -> bool {
    let (mut depth, mut class, mut i) = (0i32, 0i32, 0);
    while i < p.len() {
        match p[i] {
            '\\' => {
                if p.get(i + 1) == Some(&'Q') {
                    return false;
                }
                i += 1;
            }
            '[' => class += 1,
            ']' if class > 0 => class -= 1,
            '(' if class == 0 => {
                if p.get(i + 1) == Some(&'?')
                    && p.get(i + 2)
                        .is_some_and(|c| c.is_ascii_alphabetic() || *c == '-')
                {
                    return false;
                }
                depth += 1;
            }
            ')' if class == 0 => depth -= 1,
            '|' if class == 0 && depth == 0 => return false,
            _ => {}
        }
        i += 1;
    }
    true
}

/// The literal character every match of `p` ends with, if certain.
fn last_literal(p: &[char]) -> Option<char> {
    let n = p.len();
    if n == 0 || !plain(p) {
        return None;
    }
    let c = p[n - 1];
    let run = p[..n - 1].iter().rev().take_while(|&&x| x == '\\').count();
    if run % 2 == 1 {
        // an escaped character: only punctuation is a literal
        return (!c.is_ascii_alphanumeric()).then_some(c);
    }
    if c.is_ascii_alphanumeric() || !r"()[]{}*+?|.$^\".contains(c) && !c.is_whitespace() {
        return Some(c);
    }
    None
}

/// Whether every match of `p` starts with Java's ASCII `\s`.
fn starts_with_space(p: &[char]) -> bool {
    p.len() >= 2
        && p[0] == '\\'
        && p[1] == 's'
        && !matches!(p.get(2), Some('*') | Some('?') | Some('{'))
        && plain(p)
}

impl Filter {
    /// Builds the filter from the finitized Java beforebreak and the
    /// afterbreak (both as the reference compiles them).
    pub fn new(before: &str, after: &str) -> Self {
        let b: Vec<char> = before.chars().collect();
        let a: Vec<char> = after.chars().collect();
        Filter {
            last: last_literal(&b),
            space_after: starts_with_space(&a),
        }
    }

    /// False only when the exception cannot match at `pos`.
    #[inline]
    pub fn may_match(&self, text: &str, pos: usize) -> bool {
        if let Some(c) = self.last
            && !text[..pos].ends_with(c)
        {
            return false;
        }
        if self.space_after
            && !matches!(
                text.as_bytes().get(pos),
                Some(b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
            )
        {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_literal() {
        assert_eq!(Filter::new(r"\b(?:Dr|Mr)\.", "").last, Some('.'));
        assert_eq!(Filter::new(r"\bvs", "").last, Some('s'));
        assert_eq!(Filter::new(r"a|b\.", "").last, None);
        assert_eq!(Filter::new(r"(?i)ab\.", "").last, None);
        assert_eq!(Filter::new(r"ab\s", "").last, None);
        assert_eq!(Filter::new(r"ab\\", "").last, Some('\\'));
        assert_eq!(Filter::new(r"x[.]", "").last, None);
    }

    #[test]
    fn reads_a_leading_space() {
        assert!(Filter::new("", r"\s\p{Lu}").space_after);
        assert!(!Filter::new("", r"\s*x").space_after);
        assert!(!Filter::new("", r"\s|x").space_after);
    }

    #[test]
    fn rules_out_positions() {
        let f = Filter::new(r"\bDr\.", r"\s");
        assert!(f.may_match("Dr. X", 3));
        assert!(!f.may_match("Dr! X", 3));
        assert!(!f.may_match("Dr.X", 3));
    }
}
