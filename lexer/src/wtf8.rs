//! A string that may hold lone surrogates, as Python's `str` may (`'\ud800'`).
//!
//! Stored as WTF-8: UTF-8 where a surrogate code point is encoded in three bytes
//! as if it were a scalar value. Text without surrogates is plain UTF-8.

/// A growable WTF-8 string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Wtf8Buf {
    bytes: Vec<u8>,
    has_surrogates: bool,
}

impl Wtf8Buf {
    /// An empty string.
    pub fn new() -> Wtf8Buf {
        Wtf8Buf::default()
    }

    /// Append text.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Append another WTF-8 string.
    pub fn push_wtf8(&mut self, other: &Wtf8Buf) {
        self.bytes.extend_from_slice(&other.bytes);
        self.has_surrogates |= other.has_surrogates;
    }

    /// Append one code point, surrogates included. Values past U+10FFFF are
    /// the caller's error to prevent.
    pub fn push_code_point(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            let mut buf = [0u8; 4];
            self.bytes
                .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else {
            debug_assert!((0xD800..=0xDFFF).contains(&cp));
            self.has_surrogates = true;
            self.bytes.push(0xE0 | (cp >> 12) as u8);
            self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            self.bytes.push(0x80 | (cp & 0x3F) as u8);
        }
    }

    /// The text, if it holds no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        if self.has_surrogates {
            None
        } else {
            // SAFETY: without surrogates the bytes were only ever appended as
            // whole UTF-8 sequences from `&str` and `char`.
            Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) })
        }
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The code points in order, surrogates included.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }
}

impl From<&str> for Wtf8Buf {
    fn from(s: &str) -> Wtf8Buf {
        Wtf8Buf {
            bytes: s.as_bytes().to_vec(),
            has_surrogates: false,
        }
    }
}

/// Iterator over the code points of a [`Wtf8Buf`].
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let first = *b.get(i)? as u32;
        let (cp, len) = if first < 0x80 {
            (first, 1)
        } else if first < 0xE0 {
            (((first & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
        } else if first < 0xF0 {
            let cp =
                ((first & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            (cp, 3)
        } else {
            let cp = ((first & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F);
            (cp, 4)
        };
        self.pos += len;
        Some(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip() {
        let mut s = Wtf8Buf::new();
        s.push_str("a\u{e9}");
        s.push_code_point(0xD800);
        s.push_code_point(0x1F600);
        assert!(s.as_str().is_none());
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xE9, 0xD800, 0x1F600]
        );
    }
}
