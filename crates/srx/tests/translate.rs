//! The Java → fancy-regex translation, one test per construct. Expected
//! results are java.util.regex's on JDK 17 (checked with the reference
//! driver's `find` mode).

use excerpt_srx::translate_java_regex;

/// The first match of Java pattern `java` in `text`, in characters.
fn find(java: &str, text: &str) -> Option<(usize, usize)> {
    let rust = translate_java_regex(java).unwrap_or_else(|e| panic!("{java}: {e}"));
    let re = fancy_regex::Regex::new(&rust).unwrap_or_else(|e| panic!("{java} -> {rust}: {e}"));
    let m = re.find(text).unwrap()?;
    let chars = |b: usize| text[..b].chars().count();
    Some((chars(m.start()), chars(m.end())))
}

#[test]
fn lookbehind_fixed_and_variable_length() {
    assert_eq!(find(r"(?<=Dr)\.", "Mr. Dr."), Some((6, 7)));
    assert_eq!(find(r"(?<=\s[a-z]{1,5})\.", "A bc. D"), Some((4, 5)));
    assert_eq!(find(r"(?<!etc)\.", "etc. no."), Some((7, 8)));
}

#[test]
fn lookahead() {
    assert_eq!(find(r"\.(?=\s\p{Lu})", "a. b. C"), Some((4, 5)));
    assert_eq!(find(r"\.(?!\s)", "a. b.c"), Some((4, 5)));
}

#[test]
fn unicode_categories_and_java_names() {
    assert_eq!(find(r"\p{Lu}\p{Ll}", "éÉa"), Some((1, 3)));
    assert_eq!(find(r"\p{IsLu}", "aÖ"), Some((1, 2)));
    assert_eq!(find(r"\p{javaLowerCase}", "AÉß"), Some((2, 3)));
    assert_eq!(find(r"\p{javaUpperCase}", "aÉ"), Some((1, 2)));
    assert_eq!(find(r"\p{IsAlphabetic}", "1 ж"), Some((2, 3)));
    assert_eq!(find(r"\p{IsLatin}", "жa"), Some((1, 2)));
    assert_eq!(find(r"\p{InGreek}", "aλ"), Some((1, 2)));
    assert_eq!(find(r"\pL", "1x"), Some((1, 2)));
    assert_eq!(find(r"\P{L}", "x1"), Some((1, 2)));
}

#[test]
fn posix_classes_are_ascii() {
    assert_eq!(find(r"\p{Alpha}", "é e"), Some((2, 3)));
    assert_eq!(find(r"\p{Punct}", "«!"), Some((1, 2)));
    assert_eq!(find(r"(?U)\p{Alpha}", "é e"), Some((0, 1)));
}

#[test]
fn case_insensitive_is_ascii_unless_u() {
    assert_eq!(find(r"(?i)abc", "xABC"), Some((1, 4)));
    assert_eq!(find(r"(?i)é", "É"), None);
    assert_eq!(find(r"(?iu)é", "É"), Some((0, 1)));
    assert_eq!(find(r"(?i)[a-c]", "xB"), Some((1, 2)));
    assert_eq!(find(r"a(?i:b)c", "aBc aBC"), Some((0, 3)));
}

#[test]
fn unicode_character_class_flag() {
    // Java's (?U) is UNICODE_CHARACTER_CLASS, not swap-greed.
    assert_eq!(find(r"(?U)\w+", "ça va"), Some((0, 2)));
    assert_eq!(find(r"(?U)\s", "a\u{a0}b"), Some((1, 2)));
    assert_eq!(find(r"(?U)a{2,}", "aaaa"), Some((0, 4)));
}

#[test]
fn h_and_v_are_horizontal_and_vertical_space() {
    // fancy-regex alone reads \h as a hex digit.
    assert_eq!(find(r"\h", "a\u{a0}b"), Some((1, 2)));
    assert_eq!(find(r"\h", "abc"), None);
    assert_eq!(find(r"\v", "a\u{2028}"), Some((1, 2)));
    assert_eq!(find(r"[\h\v]+", "x \n\u{2029}y"), Some((1, 4)));
    assert_eq!(find(r"\H", " x"), Some((1, 2)));
    assert_eq!(find(r"\R", "a\r\nb"), Some((1, 3)));
}

#[test]
fn s_d_w_are_ascii_without_u() {
    assert_eq!(find(r"\s", "a\u{a0}\u{202f} "), Some((3, 4)));
    assert_eq!(find(r"\d", "٣3"), Some((1, 2)));
    assert_eq!(find(r"\w", "é_"), Some((1, 2)));
    assert_eq!(find(r"\S", " é"), Some((1, 2)));
}

#[test]
fn word_boundary_is_jdk17() {
    // letters and digits of any script are word characters
    assert_eq!(find(r"\bn\.", "acción."), None);
    assert_eq!(find(r"\bтыс\.", "5 тыс. руб"), Some((2, 6)));
    // a spacing mark (Mc) is not, a non-spacing mark after a letter is
    assert_eq!(find(r"\b", "\u{0bbe}"), None);
    assert_eq!(find(r"a\b", "a\u{0301}"), None);
    assert_eq!(find(r"\Bx", "ax"), Some((1, 2)));
}

#[test]
fn class_syntax() {
    // '-' after a class escape is a literal
    assert_eq!(find(r"[\d-–]", "x–"), Some((1, 2)));
    assert_eq!(find(r"[\p{Lu}-–]", "x-"), Some((1, 2)));
    // intersection and nesting
    assert_eq!(find(r"[a-z&&[^aeiou]]", "aeb"), Some((2, 3)));
    assert_eq!(find(r"[a[0-9]]", "-5"), Some((1, 2)));
    // POSIX bracket syntax is literal characters in Java
    assert_eq!(find(r"[[:alpha:]]", "b:"), Some((1, 2)));
    assert_eq!(find(r"[^\s\p{L}]", "a 1"), Some((2, 3)));
}

#[test]
fn dot_dollar_and_anchors() {
    assert_eq!(find(r"a.", "a\u{2028}a\rab"), Some((4, 6)));
    assert_eq!(find(r"x$", "x\n"), Some((0, 1)));
    assert_eq!(find(r"x\z", "x\n"), None);
    assert_eq!(find(r"^a", "ba"), None);
}

#[test]
fn quoting_escapes_and_quantifiers() {
    assert_eq!(find(r"\Qa.b\E", "axb a.b"), Some((4, 7)));
    assert_eq!(find(r"\u00A0", "a\u{a0}"), Some((1, 2)));
    assert_eq!(find(r"\x41\0101", "AA"), Some((0, 2)));
    assert_eq!(find(r"\uD835\uDC00", "x𝐀"), Some((1, 2)));
    assert_eq!(find(r"a*+a", "aaa"), None);
    assert_eq!(find(r"a{2,}?", "aaa"), Some((0, 2)));
    assert_eq!(find(r"(a)\1", "xaa"), Some((1, 3)));
}

#[test]
fn errors_name_the_position() {
    let err = translate_java_regex(r"ab\y").unwrap_err();
    assert_eq!(err.position, 3);
    assert!(translate_java_regex("a{,3}").is_err());
    assert!(translate_java_regex("(a").is_err());
}

#[test]
fn case_properties_under_i() {
    assert_eq!(find(r"(?i)\p{Lu}", "ab"), Some((0, 1)));
    assert_eq!(find(r"(?i)\p{Lower}", "AB"), Some((0, 1)));
    assert_eq!(find(r"\p{Lu}", "aB"), Some((1, 2)));
}
