//! Java character classes: `[...]` with nested classes and `&&`
//! intersections, the predefined classes (`\d`, `\s`, `\w`, `\h`, `\v`) and
//! the `\p{...}` property names Java knows (categories, scripts, blocks,
//! binary properties, POSIX and `java*` names), emitted as `fancy-regex`
//! class syntax with Java's meaning.

use crate::java::{Flags, TranslateError};
use std::fmt::Write;

/// Java's Unicode word class (`\w` under `(?U)`), as a class.
pub(crate) const WORD_U: &str = r"[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D}]";

/// A character class: the union of `items`, intersected with every set in
/// `intersections`, negated if `negated`.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClassSet {
    pub negated: bool,
    pub items: Vec<Item>,
    pub intersections: Vec<ClassSet>,
}

/// One member of a class.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Char(char),
    Range(char, char),
    /// A class expression that is valid inside `[...]` (`\p{Lu}`, `[0-9]`).
    /// It is not case-folded.
    Raw(String),
    Set(ClassSet),
}

/// What the class parser needs from the pattern reader.
pub(crate) trait Source {
    fn peek(&self) -> Option<char>;
    fn peek_at(&self, k: usize) -> Option<char>;
    fn bump(&mut self);
    fn error(&self, message: &str) -> TranslateError;
    fn class_escape(&mut self, flags: &Flags) -> Result<Option<ClassSet>, TranslateError>;
    fn escaped_char(&mut self) -> Result<char, TranslateError>;
}

impl ClassSet {
    fn of(items: Vec<Item>) -> Self {
        ClassSet {
            negated: false,
            items,
            intersections: Vec::new(),
        }
    }

    fn raw(s: &str) -> Self {
        Self::of(vec![Item::Raw(s.to_string())])
    }

    /// The class as `fancy-regex` syntax, folded for `(?i)` as Java folds.
    pub fn emit(&self, flags: &Flags) -> String {
        let mut s = String::from("[");
        if self.negated {
            s.push('^');
        }
        if self.intersections.is_empty() {
            self.emit_items(&mut s, flags);
        } else {
            s.push('[');
            self.emit_items(&mut s, flags);
            s.push(']');
            for set in &self.intersections {
                s.push_str("&&");
                s.push_str(&set.emit(flags));
            }
        }
        s.push(']');
        s
    }

    fn emit_items(&self, s: &mut String, flags: &Flags) {
        if self.items.is_empty() {
            // An empty union matches nothing.
            s.push_str(r"[^\x{0}-\x{10FFFF}]");
        }
        // ':' never first: after `[` it would read as a POSIX class `[:name:]`.
        let (colons, rest): (Vec<&Item>, Vec<&Item>) = self
            .items
            .iter()
            .partition(|i| matches!(i, Item::Char(':')));
        for item in rest.into_iter().chain(colons) {
            match item {
                Item::Char(c) => {
                    if flags.insensitive {
                        for v in case_variants(*c, flags.unicode_fold()) {
                            push_class_char(s, v);
                        }
                    } else {
                        push_class_char(s, *c);
                    }
                }
                Item::Range(a, b) => {
                    push_range(s, *a, *b);
                    if flags.insensitive {
                        fold_range(s, *a, *b, flags.unicode_fold());
                    }
                }
                Item::Raw(r) => s.push_str(r),
                Item::Set(set) => s.push_str(&set.emit(flags)),
            }
        }
    }
}

/// Appends `c` escaped for use inside a class.
pub(crate) fn push_class_char(s: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_control() && c != '\u{85}') {
        s.push(c);
    } else {
        write!(s, "\\x{{{:X}}}", c as u32).unwrap();
    }
}

fn push_range(s: &mut String, a: char, b: char) {
    push_class_char(s, a);
    s.push('-');
    push_class_char(s, b);
}

fn fold_range(s: &mut String, a: char, b: char, unicode: bool) {
    let (lo, hi) = (a as u32, b as u32);
    for (from, to, delta) in [(0x61u32, 0x7Au32, -32i32), (0x41, 0x5A, 32)] {
        let (x, y) = (lo.max(from), hi.min(to));
        if x <= y {
            let fx = char::from_u32((x as i32 + delta) as u32).unwrap();
            let fy = char::from_u32((y as i32 + delta) as u32).unwrap();
            push_range(s, fx, fy);
        }
    }
    if unicode && hi >= 0x80 && hi - lo.max(0x80) < 4096 {
        for v in lo.max(0x80)..=hi {
            if let Some(c) = char::from_u32(v) {
                for f in case_variants(c, true).into_iter().skip(1) {
                    push_class_char(s, f);
                }
            }
        }
    }
}

/// `c` and the characters Java's case-insensitive matching equates with it
/// (ASCII letters only unless `unicode`). `c` comes first.
pub(crate) fn case_variants(c: char, unicode: bool) -> Vec<char> {
    let mut v = vec![c];
    if c.is_ascii() || !unicode {
        if c.is_ascii_alphabetic() {
            v.push(if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        }
        return v;
    }
    let mut add = |x: char| {
        if !v.contains(&x) {
            v.push(x);
        }
    };
    let mut up = c.to_uppercase();
    if let (Some(u), None) = (up.next(), up.next()) {
        add(u);
        let mut low = u.to_lowercase();
        if let (Some(l), None) = (low.next(), low.next()) {
            add(l);
        }
    }
    let mut low = c.to_lowercase();
    if let (Some(l), None) = (low.next(), low.next()) {
        add(l);
    }
    v
}

/// Parses a Java class starting at '['.
pub(crate) fn parse_class<S: Source>(
    src: &mut S,
    flags: &Flags,
) -> Result<ClassSet, TranslateError> {
    src.bump(); // '['
    let mut set = ClassSet::default();
    if src.peek() == Some('^') {
        src.bump();
        set.negated = true;
    }
    let mut operands: Vec<Vec<Item>> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut first = true;
    loop {
        let Some(c) = src.peek() else {
            return Err(src.error("unclosed character class"));
        };
        match c {
            ']' if !first || !items.is_empty() => {
                src.bump();
                break;
            }
            '[' => {
                let nested = parse_class(src, flags)?;
                items.push(Item::Set(nested));
            }
            '&' if src.peek_at(1) == Some('&') => {
                src.bump();
                src.bump();
                operands.push(std::mem::take(&mut items));
            }
            _ => {
                let start = if c == '\\' {
                    src.bump();
                    if let Some(pre) = src.class_escape(flags)? {
                        items.push(Item::Set(pre));
                        first = false;
                        continue;
                    }
                    if src.peek() == Some('Q') {
                        src.bump();
                        loop {
                            match src.peek() {
                                None => break,
                                Some('\\') if src.peek_at(1) == Some('E') => {
                                    src.bump();
                                    src.bump();
                                    break;
                                }
                                Some(ch) => {
                                    src.bump();
                                    items.push(Item::Char(ch));
                                }
                            }
                        }
                        first = false;
                        continue;
                    }
                    src.escaped_char()?
                } else {
                    src.bump();
                    c
                };
                if src.peek() == Some('-')
                    && !matches!(src.peek_at(1), Some(']') | Some('[') | None)
                {
                    src.bump();
                    let end = if src.peek() == Some('\\') {
                        src.bump();
                        src.escaped_char()?
                    } else {
                        let e = src.peek().unwrap();
                        src.bump();
                        e
                    };
                    if end < start {
                        return Err(src.error("illegal character range"));
                    }
                    items.push(Item::Range(start, end));
                } else {
                    items.push(Item::Char(start));
                }
            }
        }
        first = false;
    }
    if operands.is_empty() {
        set.items = items;
    } else {
        operands.push(items);
        let mut ops = operands.into_iter();
        set.items = ops.next().unwrap();
        set.intersections = ops.map(ClassSet::of).collect();
    }
    Ok(set)
}

/// `\d \D \s \S \w \W \h \H \v \V` as Java reads them under `flags`.
pub(crate) fn predefined(c: char, flags: &Flags) -> ClassSet {
    let u = flags.unicode_classes;
    let mut set = match c.to_ascii_lowercase() {
        'd' if u => ClassSet::raw(r"\p{Nd}"),
        'd' => ClassSet::of(vec![Item::Range('0', '9')]),
        's' if u => ClassSet::raw(r"\p{White_Space}"),
        's' => ClassSet::raw(r"\t\n\x0B\f\r "),
        'w' if u => ClassSet::raw(WORD_U),
        'w' => ClassSet::raw("a-zA-Z0-9_"),
        'h' => ClassSet::raw(r" \t\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}"),
        _ => ClassSet::raw(r"\n\x0B\f\r\x{85}\x{2028}\x{2029}"),
    };
    set.negated = c.is_ascii_uppercase();
    set
}

const POSIX_ASCII: &[(&str, &str)] = &[
    ("Lower", "a-z"),
    ("Upper", "A-Z"),
    ("ASCII", r"\x00-\x7F"),
    ("Alpha", "a-zA-Z"),
    ("Digit", "0-9"),
    ("Alnum", "a-zA-Z0-9"),
    ("Punct", r"\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E"),
    ("Graph", r"\x21-\x7E"),
    ("Print", r"\x20-\x7E"),
    ("Blank", r" \t"),
    ("Cntrl", r"\x00-\x1F\x7F"),
    ("XDigit", "0-9a-fA-F"),
    ("Space", r" \t\n\x0B\f\r"),
];

const POSIX_UNICODE: &[(&str, &str)] = &[
    ("Lower", r"\p{Lowercase}"),
    ("Upper", r"\p{Uppercase}"),
    ("ASCII", r"\x00-\x7F"),
    ("Alpha", r"\p{Alphabetic}"),
    ("Digit", r"\p{Nd}"),
    ("Alnum", r"\p{Alphabetic}\p{Nd}"),
    ("Punct", r"\p{P}"),
    ("Graph", r"[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]"),
    (
        "Print",
        r"[[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]\p{Zs}\t&&[^\p{Cc}]]",
    ),
    ("Blank", r"\p{Zs}\t"),
    ("Cntrl", r"\p{Cc}"),
    ("XDigit", r"\p{Nd}\p{Hex_Digit}"),
    ("Space", r"\p{White_Space}"),
];

const JAVA_NAMES: &[(&str, &str)] = &[
    ("javaLowerCase", r"\p{Lowercase}"),
    ("javaUpperCase", r"\p{Uppercase}"),
    ("javaTitleCase", r"\p{Lt}"),
    ("javaDigit", r"\p{Nd}"),
    ("javaDefined", r"\P{Cn}"),
    ("javaLetter", r"\p{L}"),
    ("javaLetterOrDigit", r"\p{L}\p{Nd}"),
    ("javaAlphabetic", r"\p{Alphabetic}"),
    ("javaIdeographic", r"\p{Ideographic}"),
    ("javaSpaceChar", r"\p{Z}"),
    (
        "javaWhitespace",
        r"[\t\n\x0B\f\r\x1C-\x1F\p{Zs}\p{Zl}\p{Zp}&&[^\x{A0}\x{2007}\x{202F}]]",
    ),
    ("javaISOControl", r"\x00-\x1F\x7F-\x{9F}"),
    ("javaMirrored", r"\p{Bidi_Mirrored}"),
];

const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "Z", "Zs",
    "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs", "Cn", "P", "Pd", "Ps", "Pe", "Pc", "Po", "Pi", "Pf",
    "S", "Sm", "Sc", "Sk", "So",
];

const BINARY: &[(&str, &str)] = &[
    ("ALPHABETIC", r"\p{Alphabetic}"),
    ("ASSIGNED", r"\P{Cn}"),
    ("CONTROL", r"\p{Cc}"),
    ("HEXDIGIT", r"\p{Nd}\p{Hex_Digit}"),
    ("HEX_DIGIT", r"\p{Nd}\p{Hex_Digit}"),
    ("IDEOGRAPHIC", r"\p{Ideographic}"),
    ("JOINCONTROL", r"\p{Join_Control}"),
    ("JOIN_CONTROL", r"\p{Join_Control}"),
    ("LETTER", r"\p{L}"),
    ("LOWERCASE", r"\p{Lowercase}"),
    ("UPPERCASE", r"\p{Uppercase}"),
    ("TITLECASE", r"\p{Lt}"),
    ("PUNCTUATION", r"\p{P}"),
    ("WHITESPACE", r"\p{White_Space}"),
    ("WHITE_SPACE", r"\p{White_Space}"),
    ("DIGIT", r"\p{Nd}"),
    ("WORD", WORD_U),
    ("NONCHARACTERCODEPOINT", r"\p{Noncharacter_Code_Point}"),
    ("NONCHARACTER_CODE_POINT", r"\p{Noncharacter_Code_Point}"),
    ("EMOJI", r"\p{Emoji}"),
];

const BLOCKS: &[(&str, &str)] = &[
    ("basiclatin", r"\x00-\x7F"),
    ("latin1supplement", r"\x{80}-\x{FF}"),
    ("latinextendeda", r"\x{100}-\x{17F}"),
    ("latinextendedb", r"\x{180}-\x{24F}"),
    ("ipaextensions", r"\x{250}-\x{2AF}"),
    ("combiningdiacriticalmarks", r"\x{300}-\x{36F}"),
    ("greek", r"\x{370}-\x{3FF}"),
    ("greekandcoptic", r"\x{370}-\x{3FF}"),
    ("cyrillic", r"\x{400}-\x{4FF}"),
    ("cyrillicsupplement", r"\x{500}-\x{52F}"),
    ("armenian", r"\x{530}-\x{58F}"),
    ("hebrew", r"\x{590}-\x{5FF}"),
    ("arabic", r"\x{600}-\x{6FF}"),
    ("devanagari", r"\x{900}-\x{97F}"),
    ("bengali", r"\x{980}-\x{9FF}"),
    ("tamil", r"\x{B80}-\x{BFF}"),
    ("thai", r"\x{E00}-\x{E7F}"),
    ("georgian", r"\x{10A0}-\x{10FF}"),
    ("hanguljamo", r"\x{1100}-\x{11FF}"),
    ("latinextendedadditional", r"\x{1E00}-\x{1EFF}"),
    ("greekextended", r"\x{1F00}-\x{1FFF}"),
    ("generalpunctuation", r"\x{2000}-\x{206F}"),
    ("cjksymbolsandpunctuation", r"\x{3000}-\x{303F}"),
    ("hiragana", r"\x{3040}-\x{309F}"),
    ("katakana", r"\x{30A0}-\x{30FF}"),
    ("cjkunifiedideographs", r"\x{4E00}-\x{9FFF}"),
    ("hangulsyllables", r"\x{AC00}-\x{D7AF}"),
    ("halfwidthandfullwidthforms", r"\x{FF00}-\x{FFEF}"),
];

fn block(name: &str) -> Option<ClassSet> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .collect::<String>()
        .to_lowercase();
    BLOCKS
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, r)| ClassSet::raw(r))
}

fn category(name: &str) -> Option<ClassSet> {
    match name {
        "LC" => Some(ClassSet::raw(r"\p{Lu}\p{Ll}\p{Lt}")),
        "LD" => Some(ClassSet::raw(r"\p{L}\p{Nd}")),
        "L1" => Some(ClassSet::raw(r"\x00-\x{FF}")),
        "all" => Some(ClassSet::raw(r"\x00-\x{10FFFF}")),
        n if CATEGORIES.contains(&n) => Some(ClassSet::raw(&format!(r"\p{{{n}}}"))),
        _ => None,
    }
}

fn script(name: &str) -> Option<ClassSet> {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !name.is_empty() {
        let set = ClassSet::raw(&format!(r"\p{{Script={name}}}"));
        // Let fancy-regex decide whether the script exists.
        fancy_regex::Regex::new(&format!(r"[\p{{Script={name}}}]"))
            .ok()
            .map(|_| set)
    } else {
        None
    }
}

/// The class Java's `\p{name}` denotes under `flags`. Under `(?i)`, JDK 17
/// lets the case properties match letters of any case.
pub(crate) fn property(name: &str, flags: &Flags) -> Option<ClassSet> {
    if flags.insensitive {
        let any_case = r"\p{Lu}\p{Ll}\p{Lt}";
        let cased = r"\p{Lowercase}\p{Uppercase}\p{Lt}";
        let folded = match name {
            "Lu" | "Ll" | "Lt" | "IsLu" | "IsLl" | "IsLt" | "gc=Lu" | "gc=Ll" | "gc=Lt" => {
                Some(any_case)
            }
            "IsUppercase" | "IsLowercase" | "IsTitlecase" | "javaLowerCase" | "javaUpperCase"
            | "javaTitleCase" => Some(cased),
            "Lower" | "Upper" if flags.unicode_classes => Some(cased),
            "Lower" | "Upper" => Some("a-zA-Z"),
            _ => None,
        };
        if let Some(r) = folded {
            return Some(ClassSet::raw(r));
        }
    }
    if let Some((key, value)) = name.split_once('=') {
        return match key {
            "sc" | "script" => script(value),
            "blk" | "block" => block(value),
            "gc" | "general_category" => category(value),
            _ => None,
        };
    }
    if let Some(b) = name.strip_prefix("In") {
        return block(b);
    }
    if let Some(rest) = name.strip_prefix("Is") {
        let upper = rest.to_uppercase();
        if let Some((_, r)) = BINARY.iter().find(|(n, _)| *n == upper) {
            return Some(ClassSet::raw(r));
        }
        return category(rest).or_else(|| script(rest));
    }
    let posix = if flags.unicode_classes {
        POSIX_UNICODE
    } else {
        POSIX_ASCII
    };
    if let Some((_, r)) = posix.iter().find(|(n, _)| *n == name) {
        return Some(ClassSet::raw(r));
    }
    if let Some((_, r)) = JAVA_NAMES.iter().find(|(n, _)| *n == name) {
        return Some(ClassSet::raw(r));
    }
    category(name)
}
