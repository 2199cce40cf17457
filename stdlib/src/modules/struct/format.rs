//! Struct format strings: the byte order prefix, then items of an optional
//! repeat count and a format character. Parsing gives each item's offset,
//! so packing and unpacking walk a flat list.

use super::struct_error;
use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;

/// How multi-byte items are laid out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Order {
    /// `@`: native sizes, native alignment, native byte order.
    Native,
    /// `=` or `<`: standard sizes, little-endian.
    Little,
    /// `>` or `!`: standard sizes, big-endian.
    Big,
}

/// One format character with its repeat count, at `offset` in the packed data.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub code: u8,
    pub count: usize,
    pub offset: usize,
    /// Bytes of one element (`s` and `p`: 1).
    pub size: usize,
}

impl Item {
    /// How many values this item packs or unpacks.
    pub fn values(&self) -> usize {
        match self.code {
            b's' | b'p' => 1,
            b'x' => 0,
            _ => self.count,
        }
    }
}

/// A parsed format.
#[derive(Debug)]
pub struct Layout {
    pub order: Order,
    pub items: Vec<Item>,
    /// Total packed size.
    pub size: usize,
    /// Number of values packed.
    pub len: usize,
}

/// The size of one element of `code` under `order`; None for a bad char.
fn item_size(order: Order, code: u8) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'l' | b'L' => match order {
            Order::Native => 8,
            _ => 4,
        },
        b'n' | b'N' | b'P' if order == Order::Native => 8,
        _ => return None,
    })
}

/// Parse `fmt` (the text of a str or bytes format).
pub fn parse(vm: &mut Vm, fmt: &[u8]) -> PyResult<Layout> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let mut items = Vec::new();
    let (mut size, mut len) = (0usize, 0usize);
    let mut i = 0;
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(struct_error(
                        vm,
                        "repeat count given without format specifier",
                    ));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                count = match count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|&n| n <= isize::MAX as usize)
                {
                    Some(n) => n,
                    None => return Err(too_long(vm)),
                };
            }
        }
        let Some(item_size) = item_size(order, c) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if order == Order::Native {
            // Native alignment: an item starts at a multiple of its size.
            size = match size.checked_next_multiple_of(item_size) {
                Some(s) => s,
                None => return Err(too_long(vm)),
            };
        }
        let item = Item {
            code: c,
            count,
            offset: size,
            size: item_size,
        };
        len += item.values();
        size = match count
            .checked_mul(item_size)
            .and_then(|n| n.checked_add(size))
            .filter(|&n| n <= isize::MAX as usize)
        {
            Some(s) => s,
            None => return Err(too_long(vm)),
        };
        items.push(item);
    }
    Ok(Layout {
        order,
        items,
        size,
        len,
    })
}
