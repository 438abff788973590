//! Escaped characters (`\\n`, `\\x41`, `\\u00e9`, octal, control) and
//! JDK 17's word boundary spelled out as lookarounds.

use super::{TranslateError, Translator};

impl Translator {
    /// After a '\': one escaped character (`\n`, `\x41`, `\u00e9`, `\.`).
    pub(crate) fn escaped_char(&mut self) -> Result<char, TranslateError> {
        let Some(c) = self.peek() else {
            return Err(self.err("unexpected end after '\\'"));
        };
        self.i += 1;
        let ch = match c {
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\x0C',
            'a' => '\x07',
            'e' => '\x1B',
            'c' => {
                let Some(x) = self.peek() else {
                    return Err(self.err("illegal control escape"));
                };
                self.i += 1;
                char::from_u32(x as u32 ^ 64).unwrap_or(x)
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 3 {
                    match self.peek() {
                        Some(d @ '0'..='7') if n < 2 || v <= 0o37 => {
                            v = v * 8 + d.to_digit(8).unwrap();
                            self.i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                if n == 0 {
                    return Err(self.err("illegal octal escape"));
                }
                char::from_u32(v).unwrap()
            }
            'x' => {
                let v = if self.eat('{') {
                    let v = self.hex(8)?;
                    if !self.eat('}') {
                        return Err(self.err("unclosed hexadecimal escape"));
                    }
                    v
                } else {
                    self.hex_exact(2)?
                };
                char::from_u32(v).ok_or_else(|| self.err("hexadecimal escape out of range"))?
            }
            'u' => {
                let hi = self.hex_exact(4)?;
                if (0xD800..0xDC00).contains(&hi)
                    && self.peek() == Some('\\')
                    && self.peek_at(1) == Some('u')
                {
                    let save = self.i;
                    self.i += 2;
                    let lo = self.hex_exact(4)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let v = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        return Ok(char::from_u32(v).unwrap());
                    }
                    self.i = save;
                }
                char::from_u32(hi).ok_or_else(|| self.err("lone surrogate escape"))?
            }
            c if c.is_ascii_alphanumeric() => {
                self.i -= 1;
                return Err(self.err(&format!("illegal escape sequence \\{c}")));
            }
            c => c,
        };
        Ok(ch)
    }

    fn hex_exact(&mut self, n: usize) -> Result<u32, TranslateError> {
        let mut v = 0;
        for _ in 0..n {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| self.err("illegal hexadecimal escape"))?;
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    fn hex(&mut self, max: usize) -> Result<u32, TranslateError> {
        let mut v = 0u32;
        let mut n = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
            if n == max {
                return Err(self.err("hexadecimal escape too long"));
            }
            v = v * 16 + d;
            self.i += 1;
            n += 1;
        }
        if n == 0 {
            return Err(self.err("illegal hexadecimal escape"));
        }
        Ok(v)
    }
}

/// JDK 17's `\b` (`\B` when `negated`): a letter or digit (or `_`, or a
/// non-spacing mark after one) on exactly one side. With `(?U)`, `word` is
/// the Unicode word class instead.
pub(super) fn boundary(negated: bool, word: &str) -> String {
    let (left, right) = if word.is_empty() {
        (
            r"(?:(?<=[\p{L}\p{Nd}_])|(?<=[\p{L}\p{Nd}]\p{Mn}+))",
            r"(?:(?=[\p{L}\p{Nd}_])|(?=\p{Mn})(?<=[\p{L}\p{Nd}]\p{Mn}*))",
        )
    } else {
        (word, word)
    };
    let (l, r) = if word.is_empty() {
        (left.to_string(), right.to_string())
    } else {
        (format!("(?<={left})"), format!("(?={right})"))
    };
    if negated {
        format!("(?:{l}{r}|(?!{l})(?!{r}))")
    } else {
        format!("(?:{l}(?!{r})|(?!{l}){r})")
    }
}
