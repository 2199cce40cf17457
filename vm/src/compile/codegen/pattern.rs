//! The `match` statement (PEP 634), compiled as CPython 3.11 compiles it.
//!
//! Every pattern consumes the subject on top of the stack. A capture is not
//! stored when it is found: its value is rotated under the items still being
//! matched (`on_top`) and the captures before it, and the names are bound
//! only once the whole pattern has matched, so a failed case binds nothing.
//! A failed check jumps to `fail_pop[n]`, `n` being how many items sit above
//! the case's base at that point; those labels head a chain of POP_TOPs that
//! ends where the next case starts.
//!
//! The SyntaxErrors CPython raises here (unreachable patterns, names bound
//! twice or differently in alternatives, duplicate literal keys) are
//! check.rs's; this file assumes a checked pattern.

use super::{unsupported, Compiler, Label, Res, COMPARE_OPS};
use crate::bytecode::Op;
use crate::object::{Object, PyStr};
use crate::value::Value;
use gilt_parser::ast::*;

/// What one case's pattern has put on the stack so far.
struct PatternState<'a> {
    /// Names captured so far; the first one's value is nearest the top.
    stores: Vec<&'a str>,
    /// `fail_pop[n]`: where a failed check goes with `n` items to pop.
    fail_pop: Vec<Label>,
    /// Items above the captures that later checks still need.
    on_top: usize,
    /// The stack depth with everything popped (at `fail_pop[0]`).
    base: i32,
}

impl<'a> PatternState<'a> {
    fn new(base: i32) -> PatternState<'a> {
        PatternState {
            stores: Vec::new(),
            fail_pop: Vec::new(),
            on_top: 0,
            base,
        }
    }
}

/// `_`: matches anything and binds nothing.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn compare_arg(op: CmpOp) -> u32 {
    COMPARE_OPS.iter().position(|c| *c == op).unwrap_or(0) as u32
}

/// BINARY_OP's argument for `-`.
const SUBTRACT: u32 = 10;

impl<'t, 'a> Compiler<'t, 'a> {
    /// `match subject:` with its cases, tried in order.
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Res {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        // A final `case _:` needs no pattern code: whoever gets there matches.
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let tried = n - usize::from(has_default);
        for (i, case) in cases[..tried].iter().enumerate() {
            self.set_line(case.pattern.range.start);
            let last = i + 1 == tried;
            // Every case but the last one tried matches against a copy.
            if !last {
                self.emit(Op::Copy(1));
            }
            let mut state = PatternState::new(self.unit().depth - 1);
            self.pattern(&case.pattern, &mut state)?;
            for name in &state.stores {
                self.store_name(name);
            }
            if let Some(guard) = &case.guard {
                let fail = self.fail_pop(&mut state, 0);
                self.condition(guard, fail, false)?;
            }
            if !last {
                self.emit(Op::PopTop);
            }
            self.stmts(&case.body)?;
            self.emit_jump(Op::Jump(0), end);
            self.set_line(case.pattern.range.start);
            self.emit_fail_pops(&mut state);
        }
        if has_default {
            let case = &cases[n - 1];
            self.set_line(case.pattern.range.start);
            if let Some(guard) = &case.guard {
                self.condition(guard, end, false)?;
            }
            self.stmts(&case.body)?;
        }
        self.place(end);
        Ok(())
    }

    /// The label of `fail_pop[pops]`, made on first use.
    fn fail_pop(&mut self, state: &mut PatternState<'a>, pops: usize) -> Label {
        while state.fail_pop.len() <= pops {
            let label = self.new_label();
            state.fail_pop.push(label);
        }
        state.fail_pop[pops]
    }

    /// Emit `op` (a conditional jump that pops, or JUMP) to the fail label
    /// that pops what is on the stack now.
    fn jump_to_fail_pop(&mut self, state: &mut PatternState<'a>, op: Op) {
        let pops = state.on_top + state.stores.len();
        let label = self.fail_pop(state, pops);
        self.emit_jump(op, label);
        debug_assert_eq!(self.unit().depth, state.base + pops as i32);
    }

    /// Place the fail labels, each popping one item on its way to the next.
    fn emit_fail_pops(&mut self, state: &mut PatternState<'a>) {
        let labels = std::mem::take(&mut state.fail_pop);
        if let Some((first, rest)) = labels.split_first() {
            for (k, label) in rest.iter().enumerate().rev() {
                self.place(*label);
                self.unit().depth = state.base + k as i32 + 1;
                self.emit(Op::PopTop);
            }
            self.place(*first);
        }
        self.unit().depth = state.base;
    }

    /// Move the top item down to position `count` (1 is the top), keeping
    /// the order of the items it passes.
    fn rotate(&mut self, count: usize) {
        for k in (2..=count).rev() {
            self.emit(Op::Swap(k as u32));
        }
    }

    /// Capture the subject under `name` (pop it for `_` and `*_`).
    fn capture(&mut self, name: Option<&'a str>, state: &mut PatternState<'a>) {
        match name {
            None => self.emit(Op::PopTop),
            Some(name) => {
                self.rotate(state.on_top + state.stores.len() + 1);
                state.stores.push(name);
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern, state: &mut PatternState<'a>) -> Res {
        self.set_line(p.range.start);
        match &p.node {
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.emit(Op::CompareOp(compare_arg(CmpOp::Eq)));
                self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
            }
            PatternKind::MatchSingleton { value } => {
                let v = self.constant(value);
                self.load_const(v);
                self.emit(Op::IsOp(0));
                self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
            }
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(p, patterns, state)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), state)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, state)?,
            PatternKind::MatchStar { name } => self.capture(name.as_deref(), state),
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    // Keep a copy to capture once the inner pattern matched.
                    state.on_top += 1;
                    self.emit(Op::Copy(1));
                    self.pattern(inner, state)?;
                    state.on_top -= 1;
                }
                self.capture(name.as_deref(), state);
            }
            PatternKind::MatchOr { patterns } => self.or_pattern(patterns, state)?,
        }
        Ok(())
    }

    /// `[p, q, *rest, r]`: a sequence of the right length, then each item.
    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        state: &mut PatternState<'a>,
    ) -> Res {
        let size = patterns.len();
        let star = patterns
            .iter()
            .position(|q| matches!(q.node, PatternKind::MatchStar { .. }));
        let is_star_wildcard =
            |q: &Pattern| matches!(q.node, PatternKind::MatchStar { name: None });
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&patterns[i]));
        let only_wildcards = patterns
            .iter()
            .all(|q| is_wildcard(q) || is_star_wildcard(q));
        // The subject stays on top through the type and length checks.
        state.on_top += 1;
        self.emit(Op::MatchSequence);
        self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
        let length_check = match star {
            None => Some((size, CmpOp::Eq)),
            Some(_) if size > 1 => Some((size - 1, CmpOp::GtE)),
            Some(_) => None,
        };
        if let Some((len, op)) = length_check {
            self.emit(Op::GetLen);
            self.load_const(Value::Int(len as i64));
            self.emit(Op::CompareOp(compare_arg(op)));
            self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
        }
        state.on_top -= 1;
        if only_wildcards {
            self.emit(Op::PopTop);
        } else if let (Some(star), true) = (star, star_wildcard) {
            self.sequence_items_by_index(patterns, star, state)?;
        } else {
            match star {
                Some(before) => {
                    let after = size - before - 1;
                    if before > 0xFF || after > 0xFF_FFFF {
                        return Err(unsupported(
                            "a sequence pattern with that many items around '*'",
                            p.range.start,
                        ));
                    }
                    self.emit(Op::UnpackEx(before as u32 | (after as u32) << 8));
                }
                None => self.emit(Op::UnpackSequence(size as u32)),
            }
            // Each item is a subject for its sub-pattern; the later ones wait.
            state.on_top += size;
            for q in patterns {
                state.on_top -= 1;
                self.pattern(q, state)?;
            }
        }
        Ok(())
    }

    /// `[p, *_, q]`: pick the items by index (from the end after the star)
    /// instead of unpacking the whole sequence.
    fn sequence_items_by_index(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        state: &mut PatternState<'a>,
    ) -> Res {
        let size = patterns.len();
        state.on_top += 1;
        for (i, q) in patterns.iter().enumerate() {
            if i == star || is_wildcard(q) {
                continue;
            }
            self.emit(Op::Copy(1));
            if i < star {
                self.load_const(Value::Int(i as i64));
            } else {
                // A nonnegative index: the subject may not take negative ones.
                self.emit(Op::GetLen);
                self.load_const(Value::Int((size - i) as i64));
                self.emit(Op::BinaryOp(SUBTRACT));
            }
            self.emit(Op::BinarySubscr);
            self.pattern(q, state)?;
        }
        state.on_top -= 1;
        self.emit(Op::PopTop);
        Ok(())
    }

    /// `{k1: p1, k2: p2, **rest}`.
    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        state: &mut PatternState<'a>,
    ) -> Res {
        let size = keys.len();
        state.on_top += 1;
        self.emit(Op::MatchMapping);
        self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
        if size == 0 && rest.is_none() {
            state.on_top -= 1;
            self.emit(Op::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen);
            self.load_const(Value::Int(size as i64));
            self.emit(Op::CompareOp(compare_arg(CmpOp::GtE)));
            self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
        }
        for key in keys {
            self.expr(key)?;
        }
        self.emit(Op::BuildTuple(size as u32));
        self.emit(Op::MatchKeys);
        // [subject, keys, values or None]
        state.on_top += 2;
        self.none_check(state);
        self.emit(Op::UnpackSequence(size as u32));
        state.on_top += size;
        state.on_top -= 1;
        for q in patterns {
            state.on_top -= 1;
            self.pattern(q, state)?;
        }
        // What is left is the tuple of keys and the subject.
        state.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(Op::CopyDictWithoutKeys);
                self.capture(Some(name), state);
            }
            None => {
                self.emit(Op::PopTop);
                self.emit(Op::PopTop);
            }
        }
        Ok(())
    }

    /// Fail unless the top (kept) is not None.
    fn none_check(&mut self, state: &mut PatternState<'a>) {
        self.emit(Op::Copy(1));
        self.load_const(Value::None);
        self.emit(Op::IsOp(1));
        self.jump_to_fail_pop(state, Op::PopJumpIfFalse(0));
    }

    /// `Cls(p1, p2, attr=q)`.
    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Ident],
        kwd_patterns: &'a [Pattern],
        state: &mut PatternState<'a>,
    ) -> Res {
        self.expr(cls)?;
        let names: Vec<Value> = kwd_attrs.iter().map(|a| PyStr::value(&**a)).collect();
        self.load_const(Value::obj(Object::Tuple(names.into())));
        self.emit(Op::MatchClass(patterns.len() as u32));
        // [attributes or None]
        state.on_top += 1;
        self.none_check(state);
        let count = patterns.len() + kwd_patterns.len();
        self.emit(Op::UnpackSequence(count as u32));
        state.on_top += count;
        state.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            state.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Op::PopTop);
            } else {
                self.pattern(q, state)?;
            }
        }
        Ok(())
    }

    /// `p | q | r`: each alternative against a copy of the subject; the
    /// captures of a matching one are put in the first one's order, then
    /// joined to the captures before the or-pattern.
    fn or_pattern(&mut self, alternatives: &'a [Pattern], state: &mut PatternState<'a>) -> Res {
        let end = self.new_label();
        let depth = self.unit().depth;
        let outer = std::mem::replace(state, PatternState::new(depth));
        let mut control: Option<Vec<&'a str>> = None;
        for alt in alternatives {
            self.set_line(alt.range.start);
            *state = PatternState::new(depth);
            self.emit(Op::Copy(1));
            self.pattern(alt, state)?;
            match &control {
                None => control = Some(state.stores.clone()),
                Some(names) => self.reorder_captures(&mut state.stores, names, alt)?,
            }
            self.emit_jump(Op::Jump(0), end);
            self.emit_fail_pops(state);
        }
        *state = outer;
        // No alternative matched: drop the subject and fail.
        self.emit(Op::PopTop);
        self.jump_to_fail_pop(state, Op::Jump(0));
        self.place(end);
        let names = control.unwrap_or_default();
        self.unit().depth = depth + names.len() as i32;
        // Under the subject, anything on top and the earlier captures.
        let depth_below = names.len() + 1 + state.on_top + state.stores.len();
        for name in names {
            self.rotate(depth_below);
            state.stores.push(name);
        }
        self.emit(Op::PopTop);
        Ok(())
    }

    /// Permute the captures on top of the stack from the order of `current`
    /// to that of `wanted` (the same names), with SWAPs.
    fn reorder_captures(
        &mut self,
        current: &mut [&'a str],
        wanted: &[&'a str],
        alt: &Pattern,
    ) -> Res {
        let differ = || unsupported("alternative patterns bind different names", alt.range.start);
        if current.len() != wanted.len() {
            return Err(differ());
        }
        // Position `d` (1 is the top) must end up holding `wanted[d - 1]`;
        // fill the deepest first, so each SWAP only touches unfilled ones.
        for d in (2..=wanted.len()).rev() {
            let at = current
                .iter()
                .position(|n| *n == wanted[d - 1])
                .ok_or_else(differ)?
                + 1;
            if at == d {
                continue;
            }
            if at != 1 {
                self.emit(Op::Swap(at as u32));
                current.swap(0, at - 1);
            }
            self.emit(Op::Swap(d as u32));
            current.swap(0, d - 1);
        }
        Ok(())
    }
}
