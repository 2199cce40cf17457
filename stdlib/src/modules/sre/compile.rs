//! Turning a parsed pattern into a [`Program`] for the matcher: one
//! instruction per step, with single-character repeats as one instruction,
//! plus what lets a search skip ahead (a literal prefix, the set of possible
//! first characters, anchoring at the start).

use super::chars::{fold, CharSet};
use super::engine::{Inst, Item, Program, INF};
use super::node::{At, Fold, Greed, Node};
use super::parse::Error;

/// Compile `node`, whose groups number `groups` and have widths `widths`.
pub fn compile(
    node: &Node,
    groups: usize,
    widths: &[Option<(u64, u64)>],
) -> Result<Program, Error> {
    let mut c = Compiler {
        insts: Vec::new(),
        sets: Vec::new(),
        repeats: 0,
        widths,
    };
    c.emit(node)?;
    c.insts.push(Inst::Match);
    link_star_literals(&mut c.insts);
    let start = c
        .insts
        .iter()
        .position(|i| !matches!(i, Inst::Save(_)))
        .unwrap_or(0);
    let prefix: Vec<u32> = c.insts[start..]
        .iter()
        .map_while(|i| match i {
            Inst::One(Item::Lit(ch)) => Some(*ch),
            _ => None,
        })
        .collect();
    let anchored = matches!(c.insts[start], Inst::At(At::Start));
    let first = match first_chars(node) {
        Some(f) if !f.nullable => Some((f.low, f.high)),
        _ => None,
    };
    Ok(Program {
        insts: c.insts,
        sets: c.sets,
        groups,
        repeats: c.repeats,
        prefix,
        first,
        anchored,
    })
}

struct Compiler<'a> {
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
    repeats: u32,
    widths: &'a [Option<(u64, u64)>],
}

fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(INF)
}

impl Compiler<'_> {
    /// The single-character test `node` is, if it is one.
    fn item(&mut self, node: &Node) -> Option<Item> {
        Some(match node {
            Node::Char(c, f) => literal(*c, *f),
            Node::Any(false) => Item::Any,
            Node::Any(true) => Item::AnyAll,
            Node::Set {
                negate,
                items,
                fold,
            } => {
                self.sets.push(CharSet::new(*negate, items.clone(), *fold));
                Item::Set(self.sets.len() as u32 - 1)
            }
            _ => return None,
        })
    }

    fn emit(&mut self, node: &Node) -> Result<(), Error> {
        if let Some(item) = self.item(node) {
            self.insts.push(Inst::One(item));
            return Ok(());
        }
        match node {
            Node::Cat(items) => {
                for n in items {
                    self.emit(n)?;
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, b) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.insts.len();
                        self.insts.push(Inst::Split(split + 1, 0));
                        self.emit(b)?;
                        jumps.push(self.insts.len());
                        self.insts.push(Inst::Jmp(0));
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit(b)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Group(Some(g), inner) => {
                self.insts.push(Inst::Save(2 * *g as u32));
                self.emit(inner)?;
                self.insts.push(Inst::Save(2 * *g as u32 + 1));
            }
            Node::Group(None, inner) => self.emit(inner)?,
            Node::Repeat {
                min,
                max,
                greed,
                node,
            } => self.emit_repeat(count(*min), max.map_or(INF, count), *greed, node)?,
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let behind = if *behind {
                    let (lo, hi) = node.width(self.widths);
                    if lo != hi {
                        return Err(Error::Re {
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                        });
                    }
                    Some(count(lo))
                } else {
                    None
                };
                let start = self.insts.len();
                self.insts.push(Inst::Match);
                self.emit(node)?;
                self.insts.push(Inst::LookEnd);
                self.insts[start] = Inst::LookStart {
                    behind,
                    negate: *negate,
                    after: self.insts.len(),
                };
            }
            Node::Atomic(inner) => {
                self.insts.push(Inst::AtomicStart);
                self.emit(inner)?;
                self.insts.push(Inst::AtomicEnd);
            }
            Node::Backref(g, f) => self.insts.push(Inst::Backref(*g as u32, *f)),
            Node::Cond { group, yes, no } => {
                let at = self.insts.len();
                self.insts.push(Inst::Match);
                self.emit(yes)?;
                let jump = self.insts.len();
                self.insts.push(Inst::Jmp(0));
                self.insts[at] = Inst::Cond {
                    group: *group as u32,
                    no: self.insts.len(),
                };
                self.emit(no)?;
                self.insts[jump] = Inst::Jmp(self.insts.len());
            }
            Node::At(a) => self.insts.push(Inst::At(*a)),
            Node::Char(..) | Node::Any(_) | Node::Set { .. } => unreachable!("items"),
        }
        Ok(())
    }

    fn emit_repeat(
        &mut self,
        min: usize,
        max: usize,
        greed: Greed,
        node: &Node,
    ) -> Result<(), Error> {
        if let Some(item) = self.item(node) {
            self.insts.push(Inst::Star {
                item,
                min,
                max,
                greed,
                next_lit: None,
            });
            return Ok(());
        }
        if max == 0 {
            return Ok(());
        }
        if greed == Greed::Possessive {
            self.insts.push(Inst::AtomicStart);
            self.emit_repeat(min, max, Greed::Greedy, node)?;
            self.insts.push(Inst::AtomicEnd);
            return Ok(());
        }
        let greedy = greed == Greed::Greedy;
        if min == 0 && max == 1 {
            // `x?` needs no counter.
            let split = self.insts.len();
            self.insts.push(Inst::Split(0, 0));
            self.emit(node)?;
            let end = self.insts.len();
            self.insts[split] = if greedy {
                Inst::Split(split + 1, end)
            } else {
                Inst::Split(end, split + 1)
            };
            return Ok(());
        }
        let r = self.repeats;
        self.repeats += 1;
        self.insts.push(Inst::RepInit(r));
        let at = self.insts.len();
        self.insts.push(Inst::Match);
        self.insts.push(Inst::RepTake(r));
        self.emit(node)?;
        self.insts.push(Inst::Jmp(at));
        self.insts[at] = Inst::RepLoop {
            r,
            min,
            max,
            greedy,
            exit: self.insts.len(),
        };
        Ok(())
    }
}

/// The item testing for literal `c` under `f`.
fn literal(c: u32, f: Fold) -> Item {
    let folded = fold(c, f);
    let cased = match f {
        Fold::Exact => false,
        Fold::Ascii => c < 128 && (c as u8).is_ascii_alphabetic(),
        Fold::Unicode => folded != c || super::chars::upper(c) != c || super::chars::lower(c) != c,
    };
    if cased {
        Item::Fold(folded, f)
    } else {
        Item::Lit(c)
    }
}

/// Let a greedy single-character repeat followed by a literal give back
/// characters only where that literal could match.
fn link_star_literals(insts: &mut [Inst]) {
    for pc in 0..insts.len() {
        if let Inst::Star {
            greed: Greed::Greedy,
            ..
        } = insts[pc]
        {
            let next = insts[pc + 1..].iter().find(|i| !matches!(i, Inst::Save(_)));
            let lit = match next {
                Some(Inst::One(Item::Lit(c))) => Some(*c),
                _ => None,
            };
            if let Inst::Star { next_lit, .. } = &mut insts[pc] {
                *next_lit = lit;
            }
        }
    }
}

/// The characters a match can start with, and whether it can be empty.
struct First {
    low: [u64; 4],
    /// Code points from 256 up may start a match.
    high: bool,
    nullable: bool,
}

/// What `node` can start with; None when anything may.
fn first_chars(node: &Node) -> Option<First> {
    let mut low = [0u64; 4];
    let mut set = |c: u32| low[(c >> 6) as usize] |= 1 << (c & 63);
    Some(match node {
        Node::Char(c, f) => {
            let target = fold(*c, *f);
            for b in 0..256 {
                if fold(b, *f) == target {
                    set(b);
                }
            }
            First {
                low,
                high: *c >= 256 || *f == Fold::Unicode,
                nullable: false,
            }
        }
        Node::Set {
            negate,
            items,
            fold,
        } => {
            let cs = CharSet::new(*negate, items.clone(), *fold);
            First {
                low: cs.low_bits(),
                high: cs.high_possible(),
                nullable: false,
            }
        }
        Node::Any(_) | Node::Backref(..) | Node::Cond { .. } => return None,
        Node::Look { .. } | Node::At(_) => First {
            low,
            high: false,
            nullable: true,
        },
        Node::Group(_, n) | Node::Atomic(n) => first_chars(n)?,
        Node::Repeat { min, node, .. } => {
            let mut f = first_chars(node)?;
            if *min == 0 {
                f.nullable = true;
            }
            f
        }
        Node::Cat(items) => {
            let mut acc = First {
                low,
                high: false,
                nullable: true,
            };
            for n in items {
                let f = first_chars(n)?;
                union(&mut acc, &f);
                if !f.nullable {
                    acc.nullable = false;
                    break;
                }
            }
            acc
        }
        Node::Alt(branches) => {
            let mut acc = First {
                low,
                high: false,
                nullable: false,
            };
            for n in branches {
                let f = first_chars(n)?;
                union(&mut acc, &f);
                acc.nullable |= f.nullable;
            }
            acc
        }
    })
}

fn union(acc: &mut First, f: &First) {
    for (a, b) in acc.low.iter_mut().zip(f.low) {
        *a |= b;
    }
    acc.high |= f.high;
}
