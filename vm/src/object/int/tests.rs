//! Tests of int arithmetic, comparison, hashing and conversions. Expected
//! values come from CPython 3.11 (`python3 -c 'print(repr(...))'`).

use super::*;
use crate::object::PyStr;

/// A value from its Python repr: `True`, a float, or a decimal int.
fn v(s: &str) -> Value {
    match s {
        "True" => Value::Bool(true),
        "False" => Value::Bool(false),
        _ if s.contains(['.', 'e', 'n']) => Value::Float(s.parse().unwrap()),
        _ => normalize(s.parse::<BigInt>().unwrap()),
    }
}

/// The Python repr of a result, `Kind: message` for an error, or `None`.
fn show(r: Option<PyResult<Value>>) -> String {
    match r {
        None => "None".into(),
        Some(Ok(Value::Float(f))) => float::repr(f),
        Some(Ok(Value::Obj(o))) => match o.get() {
            Object::BigInt(b) => {
                assert!(b.to_i64().is_none(), "{b} is not normalized");
                b.to_string()
            }
            _ => panic!("not a number"),
        },
        Some(Ok(v)) => repr(&v).unwrap().unwrap(),
        Some(Err(Raise::New(kind, msg))) => format!("{}: {msg}", kind.name()),
        Some(Err(Raise::Bare(kind))) => format!("{}: ", kind.name()),
        Some(Err(e)) => panic!("{e:?}"),
    }
}

fn op(s: &str) -> Operator {
    match s {
        "+" => Operator::Add,
        "-" => Operator::Sub,
        "*" => Operator::Mult,
        "/" => Operator::Div,
        "//" => Operator::FloorDiv,
        "%" => Operator::Mod,
        "**" => Operator::Pow,
        "<<" => Operator::LShift,
        ">>" => Operator::RShift,
        "&" => Operator::BitAnd,
        "|" => Operator::BitOr,
        "^" => Operator::BitXor,
        _ => Operator::MatMult,
    }
}

const MIN: &str = "-9223372036854775808";
const MAX: &str = "9223372036854775807";

fn check_binary(cases: &[(&str, &str, &str, &str)]) {
    for &(a, o, b, want) in cases {
        let got = show(binary_op(op(o), &v(a), &v(b)));
        assert_eq!(got, want, "{a} {o} {b}");
    }
}

#[test]
fn small_int_arithmetic_and_overflow() {
    check_binary(&[
        ("7", "+", "-2", "5"),
        (MAX, "+", "1", "9223372036854775808"),
        (MIN, "-", "1", "-9223372036854775809"),
        (MIN, "*", "-1", "9223372036854775808"),
        (MAX, "*", MAX, "85070591730234615847396907784232501249"),
        ("-7", "//", "2", "-4"),
        ("-7", "%", "2", "1"),
        ("7", "%", "-2", "-1"),
        ("7", "//", "-2", "-4"),
        (MIN, "//", "-1", "9223372036854775808"),
        (MIN, "%", "-1", "0"),
        (MIN, "//", "2", "-4611686018427387904"),
        ("-7", "/", "2", "-3.5"),
        ("0", "/", "-5", "-0.0"),
        ("9007199254740993", "/", "1", "9007199254740992.0"),
        (MAX, "/", "3", "3.0744573456182584e+18"),
        ("3", "**", "40", "12157665459056928801"),
        ("-3", "**", "41", "-36472996377170786403"),
        ("-2", "**", "63", MIN),
        ("2", "**", "-1", "0.5"),
        ("-7", "**", "-3", "-0.0029154518950437317"),
        ("0", "**", "0", "1"),
        ("1", "<<", "62", "4611686018427387904"),
        ("1", "<<", "63", "9223372036854775808"),
        ("-1", "<<", "63", MIN),
        ("3", "<<", "64", "55340232221128654848"),
        ("-5", ">>", "1", "-3"),
        ("-1", ">>", "100", "-1"),
        ("5", ">>", "64", "0"),
        ("-6", "&", "3", "2"),
        ("-6", "|", "3", "-5"),
        ("-6", "^", "3", "-7"),
        ("1", "@", "1", "None"),
    ]);
}

#[test]
fn fast_path_agrees_with_the_full_one() {
    let vals = [
        "0",
        "1",
        "-1",
        "7",
        "-7",
        "3",
        "63",
        "64",
        "-64",
        MIN,
        MAX,
        "9007199254740992",
        "-9007199254740993",
        "0.0",
        "-0.0",
        "2.5",
        "-0.5",
        "inf",
        "nan",
        "1e308",
        "True",
    ];
    let ops = [
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
    ];
    let mut handled = 0;
    for o in ops {
        for a in vals {
            for b in vals {
                if let Some(fast) = fast_binary_op(op(o), &v(a), &v(b)) {
                    handled += 1;
                    let full = show(binary_op(op(o), &v(a), &v(b)));
                    assert_eq!(show(Some(Ok(fast))), full, "{a} {o} {b}");
                }
            }
        }
    }
    assert!(handled > 1000, "{handled}");
}

#[test]
fn bools_act_as_ints() {
    check_binary(&[
        ("True", "+", "True", "2"),
        ("True", "/", "2", "0.5"),
        ("True", "<<", "70", "1180591620717411303424"),
        ("2", "**", "True", "2"),
        ("True", "&", "3", "1"),
        ("True", "^", "True", "False"),
        ("True", "|", "False", "True"),
        ("True", "&", "False", "False"),
        ("True", "+", "0.5", "1.5"),
    ]);
}

#[test]
fn big_int_arithmetic() {
    let big = "1267650600228229401496703205376"; // 2**100
    check_binary(&[
        ("9223372036854775808", "-", "1", MAX),
        ("-9223372036854775809", "+", "1", MIN),
        (big, "//", "-3", "-422550200076076467165567735126"),
        (big, "%", "-3", "-2"),
        ("-1267650600228229401496703205376", "%", "7", "5"),
        (big, "/", "3", "4.2255020007607644e+29"),
        (big, ">>", "3", "158456325028528675187087900672"),
        (
            "-1267650600228229401496703205377",
            ">>",
            "3",
            "-158456325028528675187087900673",
        ),
        ("-1267650600228229401496703205376", ">>", "200", "-1"),
        (big, "&", "-1", big),
        (
            "-1267650600228229401496703205376",
            "^",
            "7",
            "-1267650600228229401496703205369",
        ),
        (big, "**", "-1", "7.888609052210118e-31"),
        (big, "<<", "-1", "ValueError: negative shift count"),
        ("18446744073709551617", "/", "18446744073709551615", "1.0"),
        (
            "-1000000000000000000000000000000",
            "/",
            "7",
            "-1.4285714285714285e+29",
        ),
        (big, "*", "0.0", "0.0"),
        (
            "1",
            "<<",
            "1180591620717411303424",
            "OverflowError: too many digits in integer",
        ),
        ("0", "<<", "1180591620717411303424", "0"),
        ("5", ">>", "1180591620717411303424", "0"),
        ("-5", ">>", "1180591620717411303424", "-1"),
        ("-1", "**", "1180591620717411303425", "-1"),
    ]);
}

#[test]
fn results_too_large_to_build() {
    // 30 * (2**61 - 8) and 30 * (2**61 - 4): CPython's two errors meet there.
    let (mem, over) = ("69175290276410818320", "69175290276410818440");
    check_binary(&[
        ("1", "<<", "9223372036854775808", "MemoryError: "),
        ("1", "<<", mem, "MemoryError: "),
        ("1", "<<", over, "OverflowError: too many digits in integer"),
        ("2", "**", "1099511627776", "MemoryError: "),
        ("-2", "**", over, "MemoryError: "),
        ("1", "**", over, "1"),
        ("0", "**", over, "0"),
    ]);
}

#[test]
fn true_division_rounds_correctly() {
    let p1024 = BigInt::one() << 1024usize;
    let p1075 = BigInt::one() << 1075usize;
    let r = |a: &BigInt, b: &BigInt| ratio_to_f64(a, b);
    assert_eq!(
        r(&(&p1024 >> 1usize), &BigInt::from(1)),
        Some(8.98846567431158e307)
    );
    assert_eq!(r(&p1024, &BigInt::from(1)), None);
    assert_eq!(r(&BigInt::from(1), &p1075), Some(0.0));
    assert_eq!(r(&BigInt::from(3), &p1075), Some(1e-323));
    assert_eq!(r(&BigInt::from(1), &(&p1075 >> 1usize)), Some(5e-324));
    let a = BigInt::from(3).pow(300u32);
    let b = BigInt::from(7).pow(200u32);
    assert_eq!(r(&a, &b), Some(1.3084839895894647e-26));
    let (a, b) = (BigInt::from(10).pow(500u32), BigInt::from(10).pow(499u32));
    assert_eq!(r(&a, &b), Some(10.0));
    assert_eq!(r(&-&a, &(&b * &b)), Some(-0.0));
    check_binary(&[
        (
            &p1024.to_string(),
            "/",
            "1",
            "OverflowError: integer division result too large for a float",
        ),
        (
            &(&a / 3u32).to_string(),
            "/",
            "1",
            "OverflowError: integer division result too large for a float",
        ),
    ]);
}

#[test]
fn int_to_float_rounds_half_even() {
    let f = |s: &str| show(to_f64(&v(s)).map(|r| r.map(Value::Float)));
    assert_eq!(f("9007199254740993"), "9007199254740992.0");
    assert_eq!(f("9007199254740995"), "9007199254740996.0");
    assert_eq!(f("-9007199254740995"), "-9007199254740996.0");
    assert_eq!(f("36893488147419107329"), "3.689348814741911e+19"); // 2**65 + 2**12 + 1
    let max = (BigInt::one() << 1024usize) - (BigInt::one() << 970usize);
    assert_eq!(
        f(&max.to_string()),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(f(&(&max - 1u32).to_string()), "1.7976931348623157e+308");
    assert!(to_f64(&Value::None).is_none());
}

#[test]
fn zero_division_messages() {
    let z = "ZeroDivisionError: ";
    let cases = [
        ("1", "/", "0", "division by zero"),
        ("1", "//", "0", "integer division or modulo by zero"),
        ("1", "%", "0", "integer modulo by zero"),
        ("1", "/", "0.0", "float division by zero"),
        ("1", "//", "0.0", "float floor division by zero"),
        ("1", "%", "-0.0", "float modulo"),
        ("0", "**", "-1", "0.0 cannot be raised to a negative power"),
        (
            "1267650600228229401496703205376",
            "//",
            "0",
            "integer division or modulo by zero",
        ),
        (
            "1267650600228229401496703205376",
            "%",
            "0",
            "integer modulo by zero",
        ),
        (
            "1267650600228229401496703205376",
            "/",
            "0",
            "division by zero",
        ),
    ];
    for (a, o, b, msg) in cases {
        assert_eq!(
            show(binary_op(op(o), &v(a), &v(b))),
            format!("{z}{msg}"),
            "{a} {o} {b}"
        );
    }
    let d = |a: &str, b: &str| divmod(&v(a), &v(b)).unwrap().map(|_| ()).unwrap_err();
    assert!(matches!(d("1", "0"), Raise::New(_, m) if m == "integer division or modulo by zero"));
    assert!(matches!(d("1", "0.0"), Raise::New(_, m) if m == "float divmod()"));
}

#[test]
fn mixed_int_and_float() {
    let huge = BigInt::from(10).pow(400u32).to_string();
    check_binary(&[
        ("7", "//", "2.5", "2.0"),
        ("-7", "%", "2.5", "0.5"),
        ("1", "-", "1e16", "-1e+16"),
        ("9223372036854775808", "//", "2.0", "4.611686018427388e+18"),
        (
            "10",
            "**",
            "400.0",
            "OverflowError: (34, 'Numerical result out of range')",
        ),
        ("-8", "**", "0.5", "None"),
        ("1", "<<", "1.0", "None"),
        (
            &huge,
            "+",
            "1.0",
            "OverflowError: int too large to convert to float",
        ),
        (&huge, "&", "1.0", "None"),
        (
            &huge,
            "**",
            "-1",
            "OverflowError: int too large to convert to float",
        ),
        (
            "2.0",
            "**",
            &huge,
            "OverflowError: int too large to convert to float",
        ),
        (&huge, "**", "0", "1"),
    ]);
    assert!(binary_op(Operator::Add, &v("1"), &Value::None).is_none());
}

#[test]
fn unary_operators() {
    let u = |o: UnaryOp, s: &str| show(unary_op(o, &v(s)));
    assert_eq!(u(UnaryOp::USub, MIN), "9223372036854775808");
    assert_eq!(u(UnaryOp::USub, "9223372036854775808"), MIN);
    assert_eq!(u(UnaryOp::Invert, "5"), "-6");
    assert_eq!(u(UnaryOp::Invert, "True"), "-2");
    assert_eq!(u(UnaryOp::USub, "True"), "-1");
    assert_eq!(u(UnaryOp::UAdd, "True"), "1");
    assert_eq!(
        u(UnaryOp::Invert, "1267650600228229401496703205376"),
        "-1267650600228229401496703205377"
    );
    assert_eq!(u(UnaryOp::USub, "0.0"), "-0.0");
    assert_eq!(u(UnaryOp::Invert, "1.5"), "None");
    assert_eq!(u(UnaryOp::Not, "1"), "None");
}

#[test]
fn comparisons_are_exact() {
    let c = |a: &str, o: CmpOp, b: &str| compare(o, &v(a), &v(b)).unwrap();
    let p53 = "9007199254740992.0";
    assert!(!c("9007199254740993", CmpOp::Eq, p53));
    assert!(c("9007199254740993", CmpOp::Gt, p53));
    assert!(c("9007199254740993", CmpOp::Lt, "9007199254740994.0"));
    assert!(c("9223372036854775808", CmpOp::Eq, "9.223372036854776e+18"));
    assert!(c(MAX, CmpOp::Lt, "9.223372036854776e+18"));
    assert!(c(MIN, CmpOp::Eq, "-9.223372036854776e+18"));
    assert!(c(
        "18446744073709551615",
        CmpOp::Lt,
        "1.8446744073709552e+19"
    ));
    let huge = BigInt::from(10).pow(400u32).to_string();
    assert!(c(&huge, CmpOp::Lt, "inf") && c(&huge, CmpOp::Gt, "1e308"));
    assert!(!c(&huge, CmpOp::Gt, "nan") && c(&huge, CmpOp::NotEq, "nan"));
    assert!(c("-1", CmpOp::Lt, "-0.5") && c("0", CmpOp::Eq, "-0.0") && c("True", CmpOp::Eq, "1.0"));
    assert!(c("-7", CmpOp::Gt, "-7.5") && c("7", CmpOp::LtE, "7.5") && !c("7", CmpOp::GtE, "7.5"));
    assert!(c("9223372036854775808", CmpOp::Gt, MAX) && c(MIN, CmpOp::Gt, "-9223372036854775809"));
    assert!(compare(CmpOp::Is, &v("1"), &v("1")).is_none());
    assert!(compare(CmpOp::Eq, &v("1"), &Value::None).is_none());
}

#[test]
fn hashes_match_cpython() {
    let cases = [
        ("-1", -2),
        ("1", 1),
        ("True", 1),
        ("1.0", 1),
        ("2305843009213693951", 0),
        ("2305843009213693952", 1),
        ("-2305843009213693952", -2),
        ("2305843009213693950", 2305843009213693950),
        ("18446744073709551616", 8),
        ("-18446744073709551611", -3),
        (MAX, 3),
        (MIN, -4),
        ("1000000000000000000000000000000", 465258685558744706),
        ("-1267650600228229401496703205376", -549755813888),
        ("1.5", 1152921504606846977),
    ];
    for (s, h) in cases {
        assert_eq!(hash(&v(s)), Some(h), "hash({s})");
    }
    let googol = BigInt::from(10).pow(100u32);
    assert_eq!(hash(&normalize(googol.clone())), Some(910685213754167845));
    assert_eq!(hash(&normalize(-googol)), Some(-910685213754167845));
    assert_eq!(hash(&Value::None), None);
}

#[test]
fn divmod_pairs() {
    let d = |a: &str, b: &str| {
        let (q, r) = divmod(&v(a), &v(b)).unwrap().unwrap();
        format!("({}, {})", show(Some(Ok(q))), show(Some(Ok(r))))
    };
    assert_eq!(d("7", "-2"), "(-4, -1)");
    assert_eq!(d(MIN, "-1"), "(9223372036854775808, 0)");
    assert_eq!(d("-7.5", "2"), "(-4.0, 0.5)");
    assert_eq!(
        d("-1267650600228229401496703205376", "7"),
        "(-181092942889747057356671886483, 5)"
    );
    assert_eq!(d("3", "0.5"), "(6.0, 0.0)");
}

#[test]
fn three_argument_pow() {
    let p = |a: &str, b: &str, m: &str| show(Some(pow3(&v(a), &v(b), &v(m))));
    assert_eq!(p("2", "3", "-5"), "-2");
    assert_eq!(p("-2", "3", "5"), "2");
    assert_eq!(p("-2", "3", "-5"), "-3");
    assert_eq!(p("3", "-1", "7"), "5");
    assert_eq!(p("2", "-1", "-3"), "-1");
    assert_eq!(p("2", "-2", "7"), "2");
    assert_eq!(p("2", "-1", "1"), "0");
    assert_eq!(p("0", "0", "1"), "0");
    assert_eq!(p("2", "3", "True"), "0");
    assert_eq!(p("1267650600228229401496703205376", "-1", "7"), "4");
    assert_eq!(p(MAX, MAX, MIN), "-1");
    assert_eq!(
        p("2", "3", "0"),
        "ValueError: pow() 3rd argument cannot be 0"
    );
    assert_eq!(
        p("6", "-1", "9"),
        "ValueError: base is not invertible for the given modulus"
    );
    let s = PyStr::value("a");
    assert_eq!(
        show(Some(pow3(&s, &v("2"), &v("3")))),
        "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'"
    );
    assert_eq!(
        p("2.0", "3", "5"),
        "TypeError: pow() 3rd argument not allowed unless all arguments are integers"
    );
}

#[test]
fn round_ints_half_even() {
    let r = |s: &str, n: Option<i64>| show(Some(round_int(&v(s), n)));
    assert_eq!(r("12345", Some(-2)), "12300");
    assert_eq!(r("12350", Some(-2)), "12400");
    assert_eq!(r("12250", Some(-2)), "12200");
    assert_eq!(r("-12250", Some(-2)), "-12200");
    assert_eq!(r("-15", Some(-1)), "-20");
    assert_eq!(r("-25", Some(-1)), "-20");
    assert_eq!(r("5", Some(-1)), "0");
    assert_eq!(r("12345", Some(2)), "12345");
    assert_eq!(r("True", Some(0)), "1");
    assert_eq!(r(MAX, Some(-1)), "9223372036854775810");
    assert_eq!(r(MIN, Some(-1)), "-9223372036854775810");
    assert_eq!(r("6000000000000000000", Some(-19)), "10000000000000000000");
    assert_eq!(r(MAX, Some(-20)), "0");
    assert_eq!(r("1", Some(i64::MIN)), "0");
    let p = |k: u32| BigInt::from(10).pow(k);
    assert_eq!(
        r(&(p(99) * 15u32).to_string(), Some(-100)),
        (p(100) * 2u32).to_string()
    );
    assert_eq!(r(&(p(99) * 5u32).to_string(), Some(-100)), "0");
    assert_eq!(show(Some(round_int(&v("1.5"), None))), "2");
    assert_eq!(show(Some(round_int(&v("2.675"), Some(2)))), "2.67");
    assert_eq!(
        show(Some(round_int(&Value::None, None))),
        "TypeError: type NoneType doesn't define __round__ method"
    );
}

#[test]
fn parses_int_strings() {
    let p = |s: &str, base: u32| show(Some(from_str(s, base)));
    assert_eq!(p(" 0x1f ", 0), "31");
    assert_eq!(p("0x_10", 0), "16");
    assert_eq!(p("-0x10", 0), "-16");
    assert_eq!(p("0b1", 16), "177");
    assert_eq!(p("0_0", 0), "0");
    assert_eq!(p("1_000", 0), "1000");
    assert_eq!(p("Z", 36), "35");
    assert_eq!(p("\u{661}\u{662}", 10), "12");
    assert_eq!(p("\u{660}x1", 0), "1");
    assert_eq!(p("\u{a0}12\u{3000}", 10), "12");
    assert_eq!(p("9223372036854775808", 10), "9223372036854775808");
    assert_eq!(p(MIN, 10), MIN);
    let bad = |s: &str, base: u32| {
        format!("ValueError: invalid literal for int() with base {base}: '{s}'")
    };
    for (s, base) in [
        ("010", 0),
        ("0_1", 0),
        ("0x", 16),
        ("0b", 2),
        ("1__0", 10),
        ("_1", 10),
        ("1_", 10),
        ("0x__10", 0),
        ("+ 1", 10),
        ("", 0),
        ("0 0", 0),
    ] {
        assert_eq!(p(s, base), bad(s, base));
    }
    assert_eq!(
        p("12\x1c", 10),
        "ValueError: invalid literal for int() with base 10: '12\\x1c'"
    );
    assert_eq!(
        p("5", 1),
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    );
    let long = p(&"x".repeat(300), 10);
    assert_eq!(
        long.len(),
        "ValueError: invalid literal for int() with base 10: ".len() + 200
    );
    let limit = |n: usize| {
        format!("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit")
    };
    assert_eq!(p(&"0".repeat(4301), 10), limit(4301));
    assert_eq!(p(&format!("{}x", "1".repeat(5000)), 10), limit(5000));
    assert!(from_str(&"1".repeat(4300), 10).is_ok());
    assert!(from_str(&"1".repeat(5000), 16).is_ok());
}

#[test]
fn str_of_int_has_a_digit_limit() {
    let ok = normalize(BigInt::from(10).pow(4300u32) - 1u32);
    assert_eq!(repr(&ok).unwrap().unwrap().len(), 4300);
    for x in [
        BigInt::from(10).pow(4300u32),
        -BigInt::from(10).pow(4300u32),
        BigInt::one() << 100_000usize,
    ] {
        assert!(matches!(
            repr(&normalize(x)).unwrap(),
            Err(Raise::New(ExcKind::ValueError, m)) if m == "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ));
    }
    assert_eq!(repr(&Value::Bool(true)).unwrap().unwrap(), "True");
    assert!(repr(&Value::Float(1.0)).is_none());
}

#[test]
fn converts_floats_to_ints() {
    let f = |x: f64| show(Some(from_f64(x)));
    assert_eq!(f(-1.9), "-1");
    assert_eq!(f(-0.5), "0");
    assert_eq!(f(1e20), "100000000000000000000");
    assert_eq!(f(-9223372036854775808.0), MIN);
    assert_eq!(f(9223372036854775808.0), "9223372036854775808");
    assert!(f(1.7976931348623157e308).ends_with("368"));
    assert_eq!(
        f(f64::INFINITY),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        f(f64::NAN),
        "ValueError: cannot convert float NaN to integer"
    );
}

#[test]
fn truthiness_and_digits() {
    assert_eq!(truthy(&v("0")), Some(false));
    assert_eq!(truthy(&v("-0.0")), Some(false));
    assert_eq!(truthy(&v("9223372036854775808")), Some(true));
    assert_eq!(truthy(&Value::None), None);
    assert_eq!(decimal_value('7'), Some(7));
    assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
    assert_eq!(decimal_value('\u{663}'), Some(3));
    assert_eq!(decimal_value('a'), None);
    assert_eq!(decimal_value('\u{b2}'), None); // superscript two is not Nd
}
