//! `complex.__format__` (CPython's `format_complex_internal`): each part is
//! rendered as a float without padding, the imaginary one with a sign, then
//! `(re+imj)` is padded as a whole.
//!
//! An omitted type is like `repr` (parentheses unless the real part is +0.0;
//! with a precision, like `g`); no `.0` is ever added. A `0` fill, `=`
//! alignment and `%` are rejected.

use super::{
    push_fill, reserve, unknown_code, FloatDigits, FormatError, Mode, Number, Result, Spec,
};

/// Format `complex(re, im)` by `spec`.
pub(super) fn format_complex(re: f64, im: f64, spec: &str) -> Result<String> {
    if spec.is_empty() {
        let mut out = String::new();
        gilt_parser::repr::complex_repr(re, im, &mut out);
        return Ok(out);
    }
    let spec = Spec::parse(spec, "complex", None, '>')?;
    if !matches!(
        spec.ty,
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    ) {
        return Err(unknown_code(spec.ty, "complex"));
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if spec.fill == '0' {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut mode, default_precision) = match spec.ty {
        None => (Mode::Repr, 0),
        Some('e' | 'E') => (Mode::Exponent, 6),
        Some('f' | 'F') => (Mode::Fixed, 6),
        _ => (Mode::General, 6),
    };
    if mode == Mode::Repr && spec.precision.is_some() {
        mode = Mode::General;
    }
    let skip_re = spec.ty.is_none() && re == 0.0 && re.is_sign_positive();
    let parens = spec.ty.is_none() && !skip_re;
    let digits = FloatDigits {
        mode,
        precision: spec.precision.map_or(default_precision, |p| p as i64),
        add_dot_0: false,
        alternate: spec.alternate,
        upper: matches!(spec.ty, Some('E' | 'F' | 'G')),
    };
    let part = |x: f64, sign: Option<char>| -> Result<String> {
        let (negative, text) = digits.render(x, spec.no_neg_0);
        let int_len = text.bytes().take_while(u8::is_ascii_digit).count();
        let decimal = text[int_len..].starts_with('.');
        let number = Number {
            negative,
            prefix: "",
            digits: &text[..int_len],
            decimal,
            remainder: &text[int_len + usize::from(decimal)..],
        };
        number.render(&Spec {
            fill: ' ',
            align: '<',
            sign,
            no_neg_0: spec.no_neg_0,
            alternate: spec.alternate,
            width: None,
            grouping: spec.grouping,
            precision: spec.precision,
            ty: spec.ty,
        })
    };
    let real = if skip_re {
        String::new()
    } else {
        part(re, spec.sign)?
    };
    // The imaginary part always shows its sign after a real part.
    let imag = part(im, if skip_re { spec.sign } else { Some('+') })?;
    let len = real.chars().count() + imag.chars().count() + 1 + 2 * usize::from(parens);
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let (left, right) = match spec.align {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = reserve(real.len() + imag.len() + 3 + padding * spec.fill.len_utf8())?;
    push_fill(&mut out, spec.fill, left);
    if parens {
        out.push('(');
    }
    out.push_str(&real);
    out.push_str(&imag);
    out.push('j');
    if parens {
        out.push(')');
    }
    push_fill(&mut out, spec.fill, right);
    Ok(out)
}
