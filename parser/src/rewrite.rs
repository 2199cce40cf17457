//! Token rewrites that give the LR(1) grammar the lookahead CPython's PEG parser
//! has: the soft keywords `match` and `case`, and the `(` of parenthesised
//! with-items.
//!
//! - A logical line that starts with the name `match`, has something after it,
//!   and ends with `:` is a match statement: no other simple statement can end
//!   with a colon outside brackets.
//! - Inside a match block, a line at the block's own level starting with the name
//!   `case` is a case clause (a match block holds nothing else).
//! - `with (` ... `):` where the parenthesis closes right before the colon is a
//!   list of with-items, unless the parentheses hold something only an
//!   expression can (a starred item, a walrus, a comprehension, yield), in which
//!   case CPython reads one parenthesised expression; both readings agree on
//!   every other input.

use gilt_lexer::{Tok, Token};

pub fn rewrite(tokens: &mut [Token]) {
    let mut depth: u32 = 0; // indentation depth
    let mut match_blocks: Vec<u32> = Vec::new(); // depths of open match bodies
    let mut pending_match = false;
    let mut line_start = true;
    for i in 0..tokens.len() {
        match tokens[i].tok {
            Tok::Indent => {
                depth += 1;
                if pending_match {
                    match_blocks.push(depth);
                    pending_match = false;
                }
                line_start = true;
                continue;
            }
            Tok::Dedent => {
                depth = depth.saturating_sub(1);
                while match_blocks.last().is_some_and(|&d| d > depth) {
                    match_blocks.pop();
                }
                line_start = true;
                continue;
            }
            Tok::Newline => {
                line_start = true;
                continue;
            }
            _ => {}
        }
        if line_start {
            if let Tok::Name(name) = &tokens[i].tok {
                if &**name == "match" && is_match_header(tokens, i) {
                    tokens[i].tok = Tok::Match;
                    pending_match = true;
                } else if &**name == "case" && match_blocks.last() == Some(&depth) {
                    tokens[i].tok = Tok::Case;
                }
            }
        }
        line_start = false;
        let with_paren =
            tokens[i].tok == Tok::With && tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Lpar);
        if with_paren && opens_with_items(tokens, i + 1) {
            tokens[i + 1].tok = Tok::WithLpar;
        }
    }
}

/// `match` at `i` begins a line; is the line a match statement header?
fn is_match_header(tokens: &[Token], i: usize) -> bool {
    let mut j = i + 1;
    let mut last = None;
    let mut brackets = 0i32;
    while let Some(t) = tokens.get(j) {
        match t.tok {
            Tok::Newline | Tok::EndOfFile => break,
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => brackets += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => brackets -= 1,
            _ => {}
        }
        last = Some((j, &t.tok, brackets));
        j += 1;
    }
    matches!(last, Some((j, Tok::Colon, 0)) if j > i + 1)
}

/// Does the `(` at `open` start parenthesised with-items?
fn opens_with_items(tokens: &[Token], open: usize) -> bool {
    let mut depth = 0i32;
    let mut item_start = true;
    for (j, t) in tokens.iter().enumerate().skip(open) {
        match t.tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                depth -= 1;
                if depth == 0 {
                    let next = tokens.get(j + 1).map(|t| &t.tok);
                    return next == Some(&Tok::Colon) && j > open + 1;
                }
            }
            Tok::Newline | Tok::EndOfFile => return false,
            _ if depth != 1 => {}
            Tok::Star | Tok::Yield if item_start => return false,
            Tok::ColonEqual | Tok::For => return false,
            _ => {}
        }
        item_start = depth == 1 && t.tok == Tok::Comma || j == open;
    }
    false
}
