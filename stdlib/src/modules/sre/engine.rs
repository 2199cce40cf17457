//! The backtracking matcher: a loop over a compiled [`Program`] with an
//! explicit stack of choice points and undo records, so no input, however
//! long, grows the Rust stack.
//!
//! Invariant: every change to a capture slot or a repeat counter pushes an
//! undo record, so popping the stack back to a choice point restores the
//! state as it was when that choice was made. Atomic groups and lookarounds
//! push a barrier; leaving one successfully drops the choice points above it
//! but keeps the undo records.

use super::chars::{fold, is_word, CharSet};
use super::node::{At, Fold, Greed};

/// An unbounded repeat count; also an unset capture slot.
pub const INF: usize = usize::MAX;
const NONE: usize = usize::MAX;

/// A single-character test.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// This code point exactly.
    Lit(u32),
    /// A code point whose fold is this.
    Fold(u32, Fold),
    /// Anything but a newline.
    Any,
    /// Anything.
    AnyAll,
    /// A member of `Program::sets[n]`.
    Set(u32),
}

/// One instruction.
#[derive(Clone, Copy, Debug)]
pub enum Inst {
    /// Match one character.
    One(Item),
    /// Match `item` `min..=max` times; a greedy one followed by the literal
    /// `next_lit` only stops where that literal follows.
    Star {
        item: Item,
        min: usize,
        max: usize,
        greed: Greed,
        next_lit: Option<u32>,
    },
    /// A zero-width test.
    At(At),
    /// Record the position in a capture slot (odd slots close a group).
    Save(u32),
    /// Continue at the first target; on failure, at the second.
    Split(usize, usize),
    Jmp(usize),
    /// Reset repeat counter `r` on entering a repeat.
    RepInit(u32),
    /// Decide whether to run a repeat's body (at the next instruction, a
    /// `RepTake`) again or leave at `exit`.
    RepLoop {
        r: u32,
        min: usize,
        max: usize,
        greedy: bool,
        exit: usize,
    },
    /// Count one more iteration of repeat `r`.
    RepTake(u32),
    AtomicStart,
    AtomicEnd,
    /// Enter a lookaround (`behind`: its width); `after` follows its `LookEnd`.
    LookStart {
        behind: Option<usize>,
        negate: bool,
        after: usize,
    },
    LookEnd,
    /// Match what group `n` matched.
    Backref(u32, Fold),
    /// Continue if group `group` matched, else go to `no`.
    Cond {
        group: u32,
        no: usize,
    },
    /// Success.
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<CharSet>,
    /// Capturing groups, not counting group 0.
    pub groups: usize,
    pub repeats: u32,
    /// Literal characters every match starts with.
    pub prefix: Vec<u32>,
    /// Which characters can start a match (0..256 as bits, and whether any
    /// from 256 up can), when a match cannot be empty.
    pub first: Option<([u64; 4], bool)>,
    /// A match can only start where `\A` holds.
    pub anchored: bool,
}

/// Text to match: bytes (a bytes object, or an ASCII str) or code points.
pub trait Input {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
}

impl Input for [u8] {
    #[inline]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Input for [char] {
    #[inline]
    fn len(&self) -> usize {
        <[char]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

/// How a match must sit in the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Start at `pos` (`match`).
    Start,
    /// Start at `pos` and end at `endpos` (`fullmatch`).
    Full,
    /// Start anywhere from `pos` (`search`).
    Search,
}

#[derive(Clone, Copy)]
enum Frame {
    /// A choice point: resume at `pc` with `pos`.
    Alt { pc: usize, pos: usize },
    /// Undo a capture slot change (and the last closed group).
    Slot { slot: u32, old: usize, last: usize },
    /// Undo a repeat counter change.
    Counter { r: u32, count: usize, last: usize },
    /// A greedy single-character repeat at `pos` that can give back down to `lo`.
    Greedy {
        pc: usize,
        lo: usize,
        pos: usize,
        lit: Option<u32>,
    },
    /// A lazy single-character repeat (instruction `pc`) at `pos` that can
    /// take more up to `limit`.
    Lazy { pc: usize, pos: usize, limit: usize },
    /// The start of an atomic group.
    Atomic,
    /// The start of a lookaround entered at `pos`.
    Look {
        pos: usize,
        negate: bool,
        after: usize,
    },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(self, Frame::Slot { .. } | Frame::Counter { .. })
    }
}

/// The result of a match: capture slots (2 per group, group 0 first; unset
/// is `usize::MAX`) and the last group closed (0 for none).
#[derive(Clone, Debug)]
pub struct Captures {
    pub slots: Vec<usize>,
    pub lastindex: usize,
}

impl Captures {
    /// Group `g`'s span, if it matched.
    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
        (s != NONE && e != NONE).then_some((s, e))
    }
}

/// Scratch space for matching, reused across the matches of one call.
pub struct Matcher {
    stack: Vec<Frame>,
    slots: Vec<usize>,
    counters: Vec<(usize, usize)>,
    lastindex: usize,
    /// A match may not end here (set when it would be empty at the start of
    /// a search that must advance).
    pub no_empty_at: usize,
}

#[inline]
fn item_matches(prog: &Program, item: Item, c: u32) -> bool {
    match item {
        Item::Lit(x) => c == x,
        Item::Fold(x, f) => fold(c, f) == x,
        Item::Any => c != '\n' as u32,
        Item::AnyAll => true,
        Item::Set(n) => prog.sets[n as usize].contains(c),
    }
}

fn at_holds<I: Input + ?Sized>(at: At, text: &I, pos: usize, end: usize) -> bool {
    let word_before = |u| pos > 0 && is_word(text.at(pos - 1), u);
    let word_after = |u| pos < end && is_word(text.at(pos), u);
    match at {
        At::Start => pos == 0,
        At::LineStart => pos == 0 || text.at(pos - 1) == '\n' as u32,
        At::End => pos == end || (pos + 1 == end && text.at(pos) == '\n' as u32),
        At::LineEnd => pos == end || text.at(pos) == '\n' as u32,
        At::EndString => pos == end,
        // sre: neither holds in an empty text.
        At::Boundary(u) => end > 0 && word_before(u) != word_after(u),
        At::NotBoundary(u) => end > 0 && word_before(u) == word_after(u),
    }
}

impl Matcher {
    /// Scratch space for `prog`.
    pub fn new(prog: &Program) -> Matcher {
        Matcher {
            stack: Vec::new(),
            slots: vec![NONE; 2 * (prog.groups + 1)],
            counters: vec![(0, NONE); prog.repeats as usize],
            lastindex: 0,
            no_empty_at: NONE,
        }
    }

    /// Find a match in `text[..end]` starting at `pos` (or later, for a
    /// search); `text` before `pos` is still seen by lookbehinds and `\b`.
    pub fn find<I: Input + ?Sized>(
        &mut self,
        prog: &Program,
        text: &I,
        pos: usize,
        end: usize,
        anchor: Anchor,
    ) -> Option<Captures> {
        let end = end.min(text.len());
        if pos > end {
            return None;
        }
        if anchor != Anchor::Search {
            return self.attempt(prog, text, pos, end, anchor == Anchor::Full);
        }
        let mut start = pos;
        loop {
            if let Some(&c0) = prog.prefix.first() {
                start = (start..end).find(|&i| text.at(i) == c0)?;
            } else if let Some((low, high)) = &prog.first {
                let can_start = |c: u32| {
                    if c < 256 {
                        low[(c >> 6) as usize] & (1 << (c & 63)) != 0
                    } else {
                        *high
                    }
                };
                start = (start..end).find(|&i| can_start(text.at(i)))?;
            }
            if let Some(caps) = self.attempt(prog, text, start, end, false) {
                return Some(caps);
            }
            if prog.anchored || start >= end {
                return None;
            }
            start += 1;
        }
    }

    fn attempt<I: Input + ?Sized>(
        &mut self,
        prog: &Program,
        text: &I,
        start: usize,
        end: usize,
        full: bool,
    ) -> Option<Captures> {
        self.stack.clear();
        self.slots.fill(NONE);
        self.lastindex = 0;
        let stop = self.run(prog, text, start, end, full)?;
        self.slots[0] = start;
        self.slots[1] = stop;
        Some(Captures {
            slots: self.slots.clone(),
            lastindex: self.lastindex,
        })
    }

    fn set_slot(&mut self, slot: u32, pos: usize) {
        let s = slot as usize;
        self.stack.push(Frame::Slot {
            slot,
            old: self.slots[s],
            last: self.lastindex,
        });
        self.slots[s] = pos;
        if s & 1 == 1 {
            self.lastindex = s / 2;
        }
    }

    fn set_counter(&mut self, r: u32, value: (usize, usize)) {
        let (count, last) = self.counters[r as usize];
        self.stack.push(Frame::Counter { r, count, last });
        self.counters[r as usize] = value;
    }

    /// Leave the innermost atomic group or lookaround: drop the choice
    /// points above its barrier, keep the undo records; the barrier.
    fn cut(&mut self) -> Frame {
        let i = self
            .stack
            .iter()
            .rposition(|f| matches!(f, Frame::Atomic | Frame::Look { .. }))
            .expect("a barrier below the end of its group");
        let barrier = self.stack[i];
        let mut w = i;
        for r in i + 1..self.stack.len() {
            if self.stack[r].is_undo() {
                self.stack[w] = self.stack[r];
                w += 1;
            }
        }
        self.stack.truncate(w);
        barrier
    }

    /// Undo down to and including the innermost barrier.
    fn unwind_barrier(&mut self) {
        while let Some(f) = self.stack.pop() {
            match f {
                Frame::Slot { slot, old, last } => {
                    self.slots[slot as usize] = old;
                    self.lastindex = last;
                }
                Frame::Counter { r, count, last } => self.counters[r as usize] = (count, last),
                Frame::Atomic | Frame::Look { .. } => return,
                _ => {}
            }
        }
    }

    /// Pop to the next choice point: where to resume, or None when there is
    /// none left.
    fn backtrack<I: Input + ?Sized>(
        &mut self,
        prog: &Program,
        text: &I,
        end: usize,
    ) -> Option<(usize, usize)> {
        while let Some(f) = self.stack.pop() {
            match f {
                Frame::Alt { pc, pos } => return Some((pc, pos)),
                Frame::Slot { slot, old, last } => {
                    self.slots[slot as usize] = old;
                    self.lastindex = last;
                }
                Frame::Counter { r, count, last } => self.counters[r as usize] = (count, last),
                Frame::Greedy { pc, lo, pos, lit } => {
                    let mut q = pos;
                    loop {
                        if q == lo {
                            break;
                        }
                        q -= 1;
                        let ok = match lit {
                            Some(c) => q < end && text.at(q) == c,
                            None => true,
                        };
                        if ok {
                            if q > lo {
                                self.stack.push(Frame::Greedy {
                                    pc,
                                    lo,
                                    pos: q,
                                    lit,
                                });
                            }
                            return Some((pc, q));
                        }
                    }
                }
                Frame::Lazy { pc, pos, limit } => {
                    let Inst::Star { item, .. } = prog.insts[pc] else {
                        unreachable!("a lazy frame belongs to a star")
                    };
                    if pos < limit && item_matches(prog, item, text.at(pos)) {
                        if pos + 1 < limit {
                            self.stack.push(Frame::Lazy {
                                pc,
                                pos: pos + 1,
                                limit,
                            });
                        }
                        return Some((pc + 1, pos + 1));
                    }
                }
                Frame::Atomic => {}
                Frame::Look {
                    pos,
                    negate: true,
                    after,
                } => return Some((after, pos)),
                Frame::Look { .. } => {}
            }
        }
        None
    }

    /// Run from `start`; the end of the match.
    fn run<I: Input + ?Sized>(
        &mut self,
        prog: &Program,
        text: &I,
        start: usize,
        end: usize,
        full: bool,
    ) -> Option<usize> {
        let insts = &prog.insts;
        let mut pc = 0;
        let mut pos = start;
        loop {
            let ok = match insts[pc] {
                Inst::One(item) => {
                    if pos < end && item_matches(prog, item, text.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Star {
                    item,
                    min,
                    max,
                    greed,
                    next_lit,
                } => match self.star(prog, text, pc, pos, end, (item, min, max, greed, next_lit)) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::At(at) => {
                    pc += 1;
                    at_holds(at, text, pos, end)
                }
                Inst::Save(slot) => {
                    self.set_slot(slot, pos);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Alt { pc: b, pos });
                    pc = a;
                    true
                }
                Inst::Jmp(to) => {
                    pc = to;
                    true
                }
                Inst::RepInit(r) => {
                    self.set_counter(r, (0, NONE));
                    pc += 1;
                    true
                }
                Inst::RepLoop {
                    r,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (count, last) = self.counters[r as usize];
                    if count < min {
                        pc += 1;
                    } else if count >= max || last == pos {
                        pc = exit;
                    } else if greedy {
                        self.stack.push(Frame::Alt { pc: exit, pos });
                        pc += 1;
                    } else {
                        self.stack.push(Frame::Alt { pc: pc + 1, pos });
                        pc = exit;
                    }
                    true
                }
                Inst::RepTake(r) => {
                    let count = self.counters[r as usize].0;
                    self.set_counter(r, (count + 1, pos));
                    pc += 1;
                    true
                }
                Inst::AtomicStart => {
                    self.stack.push(Frame::Atomic);
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    self.cut();
                    pc += 1;
                    true
                }
                Inst::LookStart {
                    behind,
                    negate,
                    after,
                } => {
                    let body = match behind {
                        None => Some(pos),
                        Some(w) => pos.checked_sub(w),
                    };
                    match body {
                        Some(p) => {
                            self.stack.push(Frame::Look { pos, negate, after });
                            pos = p;
                            pc += 1;
                            true
                        }
                        None if negate => {
                            pc = after;
                            true
                        }
                        None => false,
                    }
                }
                Inst::LookEnd => {
                    let top = self
                        .stack
                        .iter()
                        .rev()
                        .find(|f| matches!(f, Frame::Atomic | Frame::Look { .. }))
                        .copied();
                    match top {
                        Some(Frame::Look { negate: true, .. }) => {
                            self.unwind_barrier();
                            false
                        }
                        _ => {
                            if let Frame::Look { pos: saved, .. } = self.cut() {
                                pos = saved;
                            }
                            pc += 1;
                            true
                        }
                    }
                }
                Inst::Backref(g, f) => match self.backref(text, g as usize, f, pos, end) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Cond { group, no } => {
                    let g = group as usize;
                    let set = 2 * g + 1 < self.slots.len()
                        && self.slots[2 * g] != NONE
                        && self.slots[2 * g + 1] != NONE;
                    pc = if set { pc + 1 } else { no };
                    true
                }
                Inst::Match => {
                    if (!full || pos == end) && !(pos == start && start == self.no_empty_at) {
                        return Some(pos);
                    }
                    false
                }
            };
            if !ok {
                let (p, q) = self.backtrack(prog, text, end)?;
                pc = p;
                pos = q;
            }
        }
    }

    /// Run a single-character repeat at `pos`; where it leaves off.
    fn star<I: Input + ?Sized>(
        &mut self,
        prog: &Program,
        text: &I,
        pc: usize,
        pos: usize,
        end: usize,
        (item, min, max, greed, next_lit): (Item, usize, usize, Greed, Option<u32>),
    ) -> Option<usize> {
        let limit = if max == INF {
            end
        } else {
            end.min(pos.saturating_add(max))
        };
        if greed == Greed::Lazy {
            let lo = pos.checked_add(min)?;
            if lo > limit {
                return None;
            }
            if !(pos..lo).all(|i| item_matches(prog, item, text.at(i))) {
                return None;
            }
            if lo < limit {
                self.stack.push(Frame::Lazy { pc, pos: lo, limit });
            }
            return Some(lo);
        }
        let mut p = pos;
        while p < limit && item_matches(prog, item, text.at(p)) {
            p += 1;
        }
        if p - pos < min {
            return None;
        }
        if greed == Greed::Possessive {
            return Some(p);
        }
        let lo = pos + min;
        let q = match next_lit {
            Some(c) => (lo..=p).rev().find(|&q| q < end && text.at(q) == c)?,
            None => p,
        };
        if q > lo {
            self.stack.push(Frame::Greedy {
                pc: pc + 1,
                lo,
                pos: q,
                lit: next_lit,
            });
        }
        Some(q)
    }

    fn backref<I: Input + ?Sized>(
        &self,
        text: &I,
        g: usize,
        f: Fold,
        pos: usize,
        end: usize,
    ) -> Option<usize> {
        let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if s == NONE || e == NONE || e < s {
            return None;
        }
        let len = e - s;
        if pos + len > end {
            return None;
        }
        let same = (0..len).all(|i| fold(text.at(s + i), f) == fold(text.at(pos + i), f));
        same.then_some(pos + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pattern: &str, text: &str, anchor: Anchor) -> Option<(usize, usize)> {
        let chars: Vec<char> = pattern.chars().collect();
        let parsed = super::super::parse::parse(&chars, true, 0).expect("parses");
        let prog = super::super::compile::compile(&parsed.node, parsed.groups, &parsed.widths)
            .expect("compiles");
        let mut m = Matcher::new(&prog);
        m.find(&prog, text.as_bytes(), 0, text.len(), anchor)
            .and_then(|c| c.span(0))
    }

    #[test]
    fn searches_and_backtracks() {
        assert_eq!(find("a+b", "xaab", Anchor::Search), Some((1, 4)));
        assert_eq!(find("(a|ab)(c|bcd)", "abcd", Anchor::Start), Some((0, 4)));
        assert_eq!(find("a|ab", "ab", Anchor::Full), Some((0, 2)));
        assert_eq!(find("(?>a+)a", "aaa", Anchor::Search), None);
        assert_eq!(find(r"(\w+) \1", "ab cd cd", Anchor::Search), Some((3, 8)));
        assert_eq!(find("(?<=a)b", "ab", Anchor::Search), Some((1, 2)));
    }

    #[test]
    fn long_input_uses_no_rust_stack() {
        let text = "ab".repeat(300_000);
        assert_eq!(
            find("(?:a|b)*$", &text, Anchor::Start),
            Some((0, text.len()))
        );
        assert_eq!(find("(a|b)*c", &text, Anchor::Start), None);
    }
}
