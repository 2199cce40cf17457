//! Character tests: the categories behind `\d \s \w` (Unicode rules as
//! `str.isdecimal/isspace/isalnum` judge, or ASCII ones), case folding for
//! IGNORECASE, and compiled character classes with a bitmap for the first
//! 256 code points.

use super::node::{Category, Fold, SetItem};
use gilt_vm::object::str::props;

/// `\w`: alphanumeric or underscore.
#[inline]
pub fn is_word(c: u32, unicode: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    unicode && char::from_u32(c).is_some_and(props::is_alnum)
}

fn is_digit(c: u32, unicode: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    unicode && char::from_u32(c).is_some_and(props::is_decimal)
}

fn is_space(c: u32, unicode: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 32) || (unicode && (0x1c..=0x1f).contains(&c));
    }
    unicode && char::from_u32(c).is_some_and(props::is_space)
}

/// Whether `c` is in category `cat`.
pub fn in_category(cat: Category, c: u32, unicode: bool) -> bool {
    match cat {
        Category::Digit => is_digit(c, unicode),
        Category::NotDigit => !is_digit(c, unicode),
        Category::Space => is_space(c, unicode),
        Category::NotSpace => !is_space(c, unicode),
        Category::Word => is_word(c, unicode),
        Category::NotWord => !is_word(c, unicode),
    }
}

fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// The simple lowercase of `c` (itself when there is none or it is not one
/// character; U+0130 lowers to 'i' as Unicode's simple mapping says).
pub fn lower(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if c == 0x130 {
        return 'i' as u32;
    }
    match char::from_u32(c) {
        Some(ch) => single(ch.to_lowercase()).map_or(c, |l| l as u32),
        None => c,
    }
}

/// The simple uppercase of `c`.
pub fn upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    match char::from_u32(c) {
        Some(ch) => single(ch.to_uppercase()).map_or(c, |u| u as u32),
        None => c,
    }
}

/// The representative of `c`'s case class: two characters match under
/// IGNORECASE when their folds are equal. Lowering the uppercase joins the
/// letters with several lowercase forms ('ſ' and 's', 'ς' and 'σ', Kelvin
/// sign and 'k'), as CPython's case-fix table does.
#[inline]
pub fn fold(c: u32, mode: Fold) -> u32 {
    match mode {
        Fold::Exact => c,
        Fold::Ascii => {
            if c < 128 {
                (c as u8).to_ascii_lowercase() as u32
            } else {
                c
            }
        }
        Fold::Unicode => {
            if c < 128 {
                (c as u8).to_ascii_lowercase() as u32
            } else {
                lower(upper(c))
            }
        }
    }
}

/// A compiled character class.
#[derive(Clone, Debug)]
pub struct CharSet {
    negate: bool,
    items: Vec<SetItem>,
    fold: Fold,
    /// Membership of code points 0..256, negation and folding included.
    low: [u64; 4],
}

impl CharSet {
    /// Compile `items`.
    pub fn new(negate: bool, items: Vec<SetItem>, fold: Fold) -> CharSet {
        let mut set = CharSet {
            negate,
            items,
            fold,
            low: [0; 4],
        };
        for c in 0..256u32 {
            if set.slow(c) {
                set.low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        set
    }

    /// Whether `c` is in the class.
    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.slow(c)
    }

    /// Whether code points from 256 up can be members at all.
    pub fn high_possible(&self) -> bool {
        self.negate
            || self.fold == Fold::Unicode
            || self.items.iter().any(|i| match i {
                SetItem::Char(c) => *c >= 256,
                SetItem::Range(_, hi) => *hi >= 256,
                SetItem::Class(..) => true,
            })
    }

    /// The membership bitmap of 0..256.
    pub fn low_bits(&self) -> [u64; 4] {
        self.low
    }

    fn raw(&self, c: u32) -> bool {
        self.items.iter().any(|item| match *item {
            SetItem::Char(x) => x == c,
            SetItem::Range(lo, hi) => lo <= c && c <= hi,
            SetItem::Class(cat, unicode) => in_category(cat, c, unicode),
        })
    }

    fn slow(&self, c: u32) -> bool {
        let found = match self.fold {
            Fold::Exact => self.raw(c),
            Fold::Ascii => {
                self.raw(c)
                    || (c < 128
                        && (self.raw(fold(c, Fold::Ascii))
                            || self.raw((c as u8).to_ascii_uppercase() as u32)))
            }
            Fold::Unicode => {
                self.raw(c) || {
                    let (l, u) = (lower(c), upper(c));
                    self.raw(l) || self.raw(u) || self.raw(lower(u)) || self.raw(upper(l))
                }
            }
        };
        found != self.negate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_joins_case_variants() {
        let f = |c: char| fold(c as u32, Fold::Unicode);
        assert_eq!(f('A'), f('a'));
        assert_eq!(f('ſ'), f('s'));
        assert_eq!(f('\u{212a}'), f('k'));
        assert_eq!(f('ς'), f('Σ'));
        assert_ne!(f('a'), f('b'));
        assert_eq!(fold('É' as u32, Fold::Ascii), 'É' as u32);
    }

    #[test]
    fn class_with_folding() {
        let set = CharSet::new(
            false,
            vec![SetItem::Range('a' as u32, 'z' as u32)],
            Fold::Unicode,
        );
        assert!(set.contains('Q' as u32));
        assert!(set.contains(0x212a));
        assert!(!set.contains('1' as u32));
        let neg = CharSet::new(
            true,
            vec![SetItem::Class(Category::Digit, true)],
            Fold::Exact,
        );
        assert!(neg.contains('x' as u32));
        assert!(!neg.contains('٣' as u32));
    }
}
