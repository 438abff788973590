//! Translation of a Java (`java.util.regex`, JDK 17) pattern into the syntax
//! and semantics of `fancy-regex`.
//!
//! The output keeps Java's meaning, not its spelling: `\s`, `\d`, `\w` and the
//! POSIX classes are ASCII unless `(?U)` is on; `(?i)` folds ASCII only unless
//! `(?u)` or `(?U)` is on; `\b` is JDK 17's boundary between a letter or digit
//! and anything else; `.` excludes Java's line terminators; `$` also matches
//! before a final line terminator; `\h`, `\v`, `\R`, `\Q…\E`, octal escapes and
//! possessive quantifiers are rewritten; capturing groups become
//! non-capturing unless a backreference needs them.

mod escape;

use crate::java_class::{self, ClassSet};
use escape::boundary;
use std::fmt::Write;

/// Java's inline flags as they apply at one point of a pattern.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// `(?i)`: case-insensitive (ASCII only unless `unicode_case`).
    pub insensitive: bool,
    /// `(?m)`: `^` and `$` at line terminators.
    pub multiline: bool,
    /// `(?s)`: `.` also matches line terminators.
    pub dotall: bool,
    /// `(?u)`: case folding is Unicode-aware.
    pub unicode_case: bool,
    /// `(?x)`: whitespace and `#` comments are ignored.
    pub comments: bool,
    /// `(?d)`: only `\n` is a line terminator.
    pub unix_lines: bool,
    /// `(?U)`: Unicode character classes (implies `unicode_case`).
    pub unicode_classes: bool,
}

impl Flags {
    /// Whether case folding is Unicode-aware.
    pub fn unicode_fold(&self) -> bool {
        self.unicode_case || self.unicode_classes
    }
}

/// A Java pattern that cannot be translated, with the position (in
/// characters) where the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslateError {
    /// What is wrong.
    pub message: String,
    /// Character index in the Java pattern.
    pub position: usize,
}

impl std::fmt::Display for TranslateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at character {}", self.message, self.position)
    }
}

impl std::error::Error for TranslateError {}

/// Translates a Java regex into an equivalent `fancy-regex` pattern.
///
/// ```
/// let rust = excerpt_srx::translate_java_regex(r"\s\p{Lu}").unwrap();
/// let re = fancy_regex::Regex::new(&rust).unwrap();
/// assert!(re.is_match(" A").unwrap());
/// assert!(!re.is_match("\u{a0}A").unwrap()); // Java's \s is ASCII
/// ```
pub fn translate_java_regex(java: &str) -> Result<String, TranslateError> {
    translate_with(java, Flags::default())
}

/// Translates with initial flags (used for `--srx-flags`).
pub(crate) fn translate_with(java: &str, flags: Flags) -> Result<String, TranslateError> {
    translate_impl(java, flags, false)
}

/// Translates with `\b` and `\B` as fancy-regex's Unicode word boundary.
/// That equals JDK 17's boundary on any text without the characters
/// [`BOUNDARY_DIVERGENT`] finds, and is much faster.
pub(crate) fn translate_fast_boundary(java: &str) -> Result<String, TranslateError> {
    translate_impl(java, Flags::default(), true)
}

/// The characters on which JDK 17's `\b` and the Unicode `\b` disagree:
/// marks, connector punctuation other than `_`, joiners, and alphabetic
/// characters that are not letters.
pub(crate) const BOUNDARY_DIVERGENT: &str =
    r"[[\p{M}\p{Pc}\x{200C}\x{200D}]--_]|[\p{Alphabetic}--\p{L}]";

fn translate_impl(java: &str, flags: Flags, fast_boundary: bool) -> Result<String, TranslateError> {
    let chars: Vec<char> = java.chars().collect();
    let keep_captures = has_backreference(&chars);
    let mut t = Translator {
        s: chars,
        i: 0,
        out: String::with_capacity(java.len() * 2),
        keep_captures,
        fast_boundary,
    };
    t.alternation(flags)?;
    if t.i < t.s.len() {
        return Err(t.err("unmatched closing ')'"));
    }
    Ok(t.out)
}

fn has_backreference(s: &[char]) -> bool {
    let mut i = 0;
    while i + 1 < s.len() {
        if s[i] == '\\' {
            let n = s[i + 1];
            if n.is_ascii_digit() && n != '0' || n == 'k' {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

struct Translator {
    s: Vec<char>,
    i: usize,
    out: String,
    keep_captures: bool,
    fast_boundary: bool,
}

impl Translator {
    fn err(&self, message: &str) -> TranslateError {
        TranslateError {
            message: message.to_string(),
            position: self.i,
        }
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// alternation := sequence ('|' sequence)*, up to ')' or the end.
    fn alternation(&mut self, mut flags: Flags) -> Result<(), TranslateError> {
        loop {
            self.sequence(&mut flags)?;
            match self.peek() {
                Some('|') => {
                    self.i += 1;
                    self.out.push('|');
                }
                _ => return Ok(()),
            }
        }
    }

    fn skip_comments(&mut self, flags: &Flags) {
        if !flags.comments {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn sequence(&mut self, flags: &mut Flags) -> Result<(), TranslateError> {
        loop {
            self.skip_comments(flags);
            let Some(c) = self.peek() else { return Ok(()) };
            if c == '|' || c == ')' {
                return Ok(());
            }
            let mut atom = String::new();
            let quantifiable = self.atom(flags, &mut atom)?;
            if !quantifiable {
                self.out.push_str(&atom);
                continue;
            }
            self.skip_comments(flags);
            match self.quantifier()? {
                None => self.out.push_str(&atom),
                Some((q, mode)) => match mode {
                    Greed::Greedy => write!(self.out, "(?:{atom}){q}").unwrap(),
                    Greed::Lazy => write!(self.out, "(?:{atom}){q}?").unwrap(),
                    Greed::Possessive => write!(self.out, "(?>(?:{atom}){q})").unwrap(),
                },
            }
        }
    }

    /// Reads a quantifier if one follows.
    fn quantifier(&mut self) -> Result<Option<(String, Greed)>, TranslateError> {
        let q = match self.peek() {
            Some('?') => {
                self.i += 1;
                "?".to_string()
            }
            Some('*') => {
                self.i += 1;
                "*".to_string()
            }
            Some('+') => {
                self.i += 1;
                "+".to_string()
            }
            Some('{') => {
                let start = self.i;
                self.i += 1;
                let min = self.number();
                let Some(min) = min else {
                    self.i = start;
                    return Err(self.err("illegal repetition"));
                };
                let q = if self.eat(',') {
                    match self.number() {
                        Some(max) if max < min => {
                            return Err(self.err("illegal repetition range"));
                        }
                        Some(max) => format!("{{{min},{max}}}"),
                        None => format!("{{{min},}}"),
                    }
                } else {
                    format!("{{{min}}}")
                };
                if !self.eat('}') {
                    return Err(self.err("unclosed counted closure"));
                }
                q
            }
            _ => return Ok(None),
        };
        let mode = if self.eat('?') {
            Greed::Lazy
        } else if self.eat('+') {
            Greed::Possessive
        } else {
            Greed::Greedy
        };
        Ok(Some((q, mode)))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.i += 1;
        }
        if start == self.i {
            return None;
        }
        let s: String = self.s[start..self.i].iter().collect();
        s.parse().ok()
    }

    /// Translates one atom into `out`; returns whether a quantifier may follow.
    fn atom(&mut self, flags: &mut Flags, out: &mut String) -> Result<bool, TranslateError> {
        let c = self.peek().expect("atom at end");
        match c {
            '(' => self.group(flags, out),
            '[' => {
                let set = java_class::parse_class(self, flags)?;
                out.push_str(&set.emit(flags));
                Ok(true)
            }
            '.' => {
                self.i += 1;
                out.push_str(if flags.dotall {
                    r"(?s:.)"
                } else if flags.unix_lines {
                    r"[^\n]"
                } else {
                    r"[^\n\r\x{85}\x{2028}\x{2029}]"
                });
                Ok(true)
            }
            '^' => {
                self.i += 1;
                out.push_str(if flags.multiline {
                    r"(?:\A|(?<=\r\n|[\n\x{85}\x{2028}\x{2029}]|\r(?!\n))(?!\z))"
                } else {
                    r"\A"
                });
                Ok(true)
            }
            '$' => {
                self.i += 1;
                out.push_str(if flags.multiline {
                    r"(?=[\n\r\x{85}\x{2028}\x{2029}]|\z)(?<!\r(?=\n))"
                } else if flags.unix_lines {
                    r"(?=\n?\z)"
                } else {
                    r"(?=(?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z)"
                });
                Ok(true)
            }
            '\\' => self.escape(flags, out),
            '*' | '+' | '?' => Err(self.err("dangling meta character")),
            '{' => Err(self.err("illegal repetition")),
            _ => {
                self.i += 1;
                out.push_str(&literal(c, flags));
                Ok(true)
            }
        }
    }

    fn group(&mut self, flags: &mut Flags, out: &mut String) -> Result<bool, TranslateError> {
        self.i += 1; // '('
        let open: String;
        let mut inner = *flags;
        if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    open = "(?:".into();
                }
                Some('=') => {
                    self.i += 1;
                    open = "(?=".into();
                }
                Some('!') => {
                    self.i += 1;
                    open = "(?!".into();
                }
                Some('>') => {
                    self.i += 1;
                    open = "(?>".into();
                }
                Some('<') if matches!(self.peek_at(1), Some('=') | Some('!')) => {
                    let neg = self.peek_at(1) == Some('!');
                    self.i += 2;
                    open = if neg { "(?<!" } else { "(?<=" }.into();
                }
                Some('<') => {
                    self.i += 1;
                    let start = self.i;
                    while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric()) {
                        self.i += 1;
                    }
                    let name: String = self.s[start..self.i].iter().collect();
                    if name.is_empty() || !self.eat('>') {
                        return Err(self.err("bad named group"));
                    }
                    open = format!("(?P<{name}>");
                }
                _ => {
                    // inline flags: (?idmsuxU-idmsuxU) or (?flags:...)
                    let mut on = true;
                    let mut f = *flags;
                    loop {
                        let Some(c) = self.peek() else {
                            return Err(self.err("unclosed group"));
                        };
                        self.i += 1;
                        match c {
                            '-' => on = false,
                            'i' => f.insensitive = on,
                            'm' => f.multiline = on,
                            's' => f.dotall = on,
                            'u' => f.unicode_case = on,
                            'x' => f.comments = on,
                            'd' => f.unix_lines = on,
                            'U' => f.unicode_classes = on,
                            'c' => {}
                            ')' => {
                                *flags = f;
                                return Ok(false);
                            }
                            ':' => break,
                            _ => {
                                self.i -= 1;
                                return Err(self.err("unknown inline modifier"));
                            }
                        }
                    }
                    inner = f;
                    open = "(?:".into();
                }
            }
        } else {
            open = if self.keep_captures { "(" } else { "(?:" }.into();
        }
        let saved = std::mem::take(&mut self.out);
        self.alternation(inner)?;
        let body = std::mem::replace(&mut self.out, saved);
        if !self.eat(')') {
            return Err(self.err("unclosed group"));
        }
        write!(out, "{open}{body})").unwrap();
        Ok(true)
    }

    fn escape(&mut self, flags: &Flags, out: &mut String) -> Result<bool, TranslateError> {
        self.i += 1; // '\'
        let Some(c) = self.peek() else {
            return Err(self.err("unexpected end after '\\'"));
        };
        if let Some(set) = self.class_escape(flags)? {
            out.push_str(&set.emit(flags));
            return Ok(true);
        }
        self.i += 1;
        let text = match c {
            'b' | 'B' => {
                if self.peek() == Some('{') {
                    return Err(self.err(r"\b{g} is not supported"));
                }
                if self.fast_boundary || flags.unicode_classes {
                    // fancy-regex's \b is Java's under (?U): both use the Unicode \w.
                    out.push_str(if c == 'B' { r"\B" } else { r"\b" });
                    return Ok(true);
                }
                let word = if flags.unicode_classes {
                    java_class::WORD_U
                } else {
                    ""
                };
                boundary(c == 'B', word)
            }
            'A' => r"\A".into(),
            'z' => r"\z".into(),
            'Z' => {
                if flags.unix_lines {
                    r"(?=\n?\z)".into()
                } else {
                    r"(?=(?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z)".into()
                }
            }
            'G' => r"\G".into(),
            'R' => r"(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])".into(),
            'X' => r"(?:\r\n|\P{M}\p{M}*)".into(),
            'Q' => {
                let mut lit = String::new();
                loop {
                    match self.peek() {
                        None => break,
                        Some('\\') if self.peek_at(1) == Some('E') => {
                            self.i += 2;
                            break;
                        }
                        Some(ch) => {
                            self.i += 1;
                            lit.push_str(&literal(ch, flags));
                        }
                    }
                }
                format!("(?:{lit})")
            }
            'k' => {
                if !self.eat('<') {
                    return Err(self.err(r"\k is not followed by '<'"));
                }
                let start = self.i;
                while matches!(self.peek(), Some(ch) if ch != '>') {
                    self.i += 1;
                }
                let name: String = self.s[start..self.i].iter().collect();
                if !self.eat('>') {
                    return Err(self.err("unclosed group name"));
                }
                format!(r"\k<{name}>")
            }
            '1'..='9' => format!(r"\{c}"),
            _ => {
                self.i -= 1;
                let ch = self.escaped_char()?;
                literal(ch, flags)
            }
        };
        out.push_str(&text);
        Ok(true)
    }

    /// After a '\': a predefined class (`\d`, `\s`, `\p{..}`, ...) if one is
    /// here; leaves the position alone otherwise.
    pub(crate) fn class_escape(
        &mut self,
        flags: &Flags,
    ) -> Result<Option<ClassSet>, TranslateError> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let set = match c {
            'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'h' | 'H' | 'v' | 'V' => {
                java_class::predefined(c, flags)
            }
            'p' | 'P' => {
                self.i += 1;
                let name = if self.eat('{') {
                    let start = self.i;
                    while matches!(self.peek(), Some(ch) if ch != '}') {
                        self.i += 1;
                    }
                    let name: String = self.s[start..self.i].iter().collect();
                    if !self.eat('}') {
                        return Err(self.err("unclosed character family"));
                    }
                    name
                } else {
                    let Some(ch) = self.peek() else {
                        return Err(self.err("illegal character family"));
                    };
                    self.i += 1;
                    ch.to_string()
                };
                let mut set = java_class::property(&name, flags)
                    .ok_or_else(|| self.err(&format!("unknown character property {name}")))?;
                if c == 'P' {
                    set.negated = !set.negated;
                }
                return Ok(Some(set));
            }
            _ => return Ok(None),
        };
        self.i += 1;
        Ok(Some(set))
    }
}

// Parser access for the class module.
impl java_class::Source for Translator {
    fn peek(&self) -> Option<char> {
        Translator::peek(self)
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        Translator::peek_at(self, k)
    }
    fn bump(&mut self) {
        self.i += 1;
    }
    fn error(&self, message: &str) -> TranslateError {
        self.err(message)
    }
    fn class_escape(&mut self, flags: &Flags) -> Result<Option<ClassSet>, TranslateError> {
        Translator::class_escape(self, flags)
    }
    fn escaped_char(&mut self) -> Result<char, TranslateError> {
        Translator::escaped_char(self)
    }
}

#[derive(Clone, Copy)]
enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

/// One literal character, folded as Java's `(?i)` / `(?iu)` would.
fn literal(c: char, flags: &Flags) -> String {
    if flags.insensitive {
        let variants = java_class::case_variants(c, flags.unicode_fold());
        if variants.len() > 1 {
            let mut s = String::from("[");
            for v in variants {
                java_class::push_class_char(&mut s, v);
            }
            s.push(']');
            return s;
        }
    }
    let mut s = String::new();
    push_escaped(&mut s, c);
    s
}

/// Appends `c` so that fancy-regex reads it as that literal character.
pub(crate) fn push_escaped(s: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && !c.is_control() && c != '\u{85}')
    {
        s.push(c);
    } else if c.is_ascii_graphic() || c == ' ' {
        if r"\.+*?()|[]{}^$#&-~".contains(c) {
            s.push('\\');
        }
        s.push(c);
    } else {
        write!(s, "\\x{{{:X}}}", c as u32).unwrap();
    }
}
