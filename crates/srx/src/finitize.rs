//! The textual rewrite loomchild applies to the beforebreak of an exception
//! rule before it puts it in a lookbehind: `\Q…\E` is spelled out
//! character by character, then every unescaped `*`, `+` and `{n,}` is
//! capped at a length (100 by default). It works on the pattern's text, so
//! it also rewrites those characters inside `[...]`, as the reference does.

/// The cap loomchild puts on unbounded quantifiers in exception rules.
pub const DEFAULT_CAP: usize = 100;

/// Rewrites `pattern` as loomchild's finitize does.
///
/// ```
/// assert_eq!(excerpt_srx::finitize(r"\s+\w*", 100), r"\s{1,100}\w{0,100}");
/// assert_eq!(excerpt_srx::finitize(r"a{2,}\*", 9), r"a{2,9}\*");
/// ```
pub fn finitize(pattern: &str, cap: usize) -> String {
    let unquoted: Vec<char> = remove_block_quotes(pattern).chars().collect();
    let star = replace(
        &unquoted,
        |s, i| s[i] == '*' && unescaped(s, i),
        |_| (1, format!("{{0,{cap}}}")),
    );
    let plus = replace(
        &star,
        |s, i| s[i] == '+' && unescaped(s, i) && !after_quantifier(s, i),
        |_| (1, format!("{{1,{cap}}}")),
    );
    let range = replace(
        &plus,
        |s, i| s[i] == '{' && unescaped(s, i),
        |rest| {
            open_range(rest).map_or((0, String::new()), |(len, n)| {
                (len, format!("{{{n},{cap}}}"))
            })
        },
    );
    range.into_iter().collect()
}

/// `\Qab\E` → `\a\b`, character by character, as loomchild does.
fn remove_block_quotes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut quote = false;
    let mut prev = '\0';
    for c in pattern.chars() {
        if quote {
            if prev == '\\' && c == 'E' {
                quote = false;
                out.pop();
                out.pop();
            } else {
                out.push('\\');
                out.push(c);
            }
        } else if prev == '\\' && c == 'Q' {
            quote = true;
            out.pop();
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Preceded by an even number (at most 200) of backslashes.
fn unescaped(s: &[char], i: usize) -> bool {
    let run = s[..i].iter().rev().take_while(|&&c| c == '\\').count();
    run % 2 == 0 && run <= 200
}

/// `+` right after `?`, `*`, `+` or a short `{n}` / `{n,m}` is a possessive
/// marker, not a quantifier.
fn after_quantifier(s: &[char], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if matches!(s[i - 1], '?' | '*' | '+') {
        return true;
    }
    // \{[0-9],?[0-9]?\}?\} ending at i
    let d = |k: usize| s.get(k).is_some_and(|c| c.is_ascii_digit());
    (3..=6).any(|len| {
        if len > i {
            return false;
        }
        let t = &s[i - len..i];
        if t[0] != '{' || !d(i - len + 1) || t[len - 1] != '}' {
            return false;
        }
        // the middle after the digit: ,? [0-9]? }?
        let mid = &t[2..len - 1];
        let mut k = 0;
        if mid.get(k) == Some(&',') {
            k += 1;
        }
        if mid.get(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        if mid.get(k) == Some(&'}') {
            k += 1;
        }
        k == mid.len()
    })
}

/// `{ n , }` (with optional spaces) at the start of `rest`: its length and n.
fn open_range(rest: &[char]) -> Option<(usize, String)> {
    let mut k = 1;
    let ws = |k: &mut usize| {
        while rest.get(*k).is_some_and(|c| is_java_space(*c)) {
            *k += 1;
        }
    };
    ws(&mut k);
    let start = k;
    while rest.get(k).is_some_and(|c| c.is_ascii_digit()) {
        k += 1;
    }
    if k == start {
        return None;
    }
    let n: String = rest[start..k].iter().collect();
    ws(&mut k);
    if rest.get(k) != Some(&',') {
        return None;
    }
    k += 1;
    ws(&mut k);
    if rest.get(k) != Some(&'}') {
        return None;
    }
    Some((k + 1, n))
}

fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// Replaces, left to right without overlap, each match found in the
/// original text: `at` says where one may start, `with` gives its length
/// and replacement (length 0: no match here).
fn replace(
    s: &[char],
    at: impl Fn(&[char], usize) -> bool,
    with: impl Fn(&[char]) -> (usize, String),
) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < s.len() {
        if at(s, i) {
            let (len, rep) = with(&s[i..]);
            if len > 0 {
                out.extend(rep.chars());
                i += len;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_star_plus_and_open_ranges() {
        assert_eq!(finitize(r"a*b+c{3,}", 100), "a{0,100}b{1,100}c{3,100}");
        assert_eq!(finitize(r"c{ 3 , }", 5), "c{3,5}");
    }

    #[test]
    fn leaves_escaped_and_possessive_alone() {
        assert_eq!(finitize(r"\*\+\\*", 7), r"\*\+\\{0,7}");
        assert_eq!(finitize(r"a?+", 7), r"a?+");
        assert_eq!(finitize(r"a++", 7), r"a{1,7}+");
        assert_eq!(finitize(r"a{2}+", 7), r"a{2}+");
    }

    #[test]
    fn rewrites_inside_classes_too() {
        assert_eq!(finitize(r"[*+]", 9), r"[{0,9}+]");
        assert_eq!(finitize(r"[*+]", 100), r"[{0,100}{1,100}]");
    }

    #[test]
    fn spells_out_block_quotes() {
        assert_eq!(finitize(r"\Qe.g\E x", 9), r"\e\.\g x");
    }
}
