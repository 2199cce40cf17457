//! The local time zone, read as the C library reads it: `TZ` names a zone file
//! under /usr/share/zoneinfo, a file path or a POSIX rule (`CET-1CEST,M3.5.0,
//! M10.5.0/3`); without `TZ`, /etc/localtime. Zone files are TZif (RFC 8536):
//! transitions for the past, and a POSIX rule for times after the last one.
//! Anything unreadable is UTC. Read once per process, as `time.tzset` has not
//! been called.

use super::calendar::days_from_civil;
use std::sync::OnceLock;

/// One kind of local time: its offset east of UTC, whether it is summer
/// time, and its abbreviation.
#[derive(Debug, Clone, PartialEq)]
pub struct Kind {
    pub offset: i64,
    pub dst: bool,
    pub abbr: String,
}

/// A time zone: kinds of local time and when each starts.
#[derive(Debug, Clone)]
pub struct Zone {
    /// UTC seconds where a new kind starts, ascending, with its index in `kinds`.
    transitions: Vec<(i64, usize)>,
    kinds: Vec<Kind>,
    /// For times after the last transition (or all times, without a file).
    rule: Option<Rule>,
}

/// A POSIX TZ rule: standard time, and summer time between two dates.
#[derive(Debug, Clone)]
struct Rule {
    std: Kind,
    dst: Option<(Kind, When, When)>,
}

/// A day of the year and a local time of day when summer time starts or ends.
#[derive(Debug, Clone, Copy)]
enum Day {
    /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (5: the last) of month `m`.
    Month(i64, i64, i64),
    /// `Jn`: day `n` of 1..=365, February 29 never counted.
    Julian1(i64),
    /// `n`: day `n` of 0..=365, February 29 counted.
    Julian0(i64),
}

#[derive(Debug, Clone, Copy)]
struct When {
    day: Day,
    secs: i64,
}

fn utc_kind() -> Kind {
    Kind {
        offset: 0,
        dst: false,
        abbr: "UTC".into(),
    }
}

/// The process's local zone.
pub fn local() -> &'static Zone {
    static ZONE: OnceLock<Zone> = OnceLock::new();
    ZONE.get_or_init(load)
}

fn load() -> Zone {
    let utc = Zone {
        transitions: Vec::new(),
        kinds: vec![utc_kind()],
        rule: None,
    };
    let tz = match std::env::var("TZ") {
        Err(_) => return read_file("/etc/localtime").unwrap_or(utc),
        Ok(tz) => tz,
    };
    let tz = tz.strip_prefix(':').unwrap_or(&tz);
    if tz.is_empty() {
        return utc;
    }
    let path = if tz.starts_with('/') {
        tz.to_string()
    } else {
        format!("/usr/share/zoneinfo/{tz}")
    };
    if !tz.contains("..") {
        if let Some(zone) = read_file(&path) {
            return zone;
        }
    }
    match parse_rule(tz) {
        Some(rule) => Zone {
            transitions: Vec::new(),
            kinds: vec![rule.std.clone()],
            rule: Some(rule),
        },
        None => utc,
    }
}

fn read_file(path: &str) -> Option<Zone> {
    parse_tzif(&std::fs::read(path).ok()?)
}

/// Parse a TZif file, preferring its 64-bit data (version 2 and later).
fn parse_tzif(data: &[u8]) -> Option<Zone> {
    let header = |at: usize| -> Option<[usize; 6]> {
        if data.get(at..at + 4)? != b"TZif" {
            return None;
        }
        let mut counts = [0usize; 6];
        for (i, c) in counts.iter_mut().enumerate() {
            let o = at + 20 + 4 * i;
            *c = u32::from_be_bytes(data.get(o..o + 4)?.try_into().ok()?) as usize;
        }
        Some(counts)
    };
    let first = header(0)?;
    let version = *data.get(4)?;
    let block_len = |c: [usize; 6], time_size: usize| {
        let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = c;
        timecnt * time_size
            + timecnt
            + typecnt * 6
            + charcnt
            + leapcnt * (time_size + 4)
            + isstdcnt
            + isutcnt
    };
    let (counts, start, time_size) = if version >= b'2' {
        let second_at = 44 + block_len(first, 4);
        (header(second_at)?, second_at + 44, 8)
    } else {
        (first, 44, 4)
    };
    let [_, _, _, timecnt, typecnt, charcnt] = counts;
    let mut at = start;
    let mut times = Vec::with_capacity(timecnt);
    for _ in 0..timecnt {
        let bytes = data.get(at..at + time_size)?;
        times.push(if time_size == 8 {
            i64::from_be_bytes(bytes.try_into().ok()?)
        } else {
            i32::from_be_bytes(bytes.try_into().ok()?) as i64
        });
        at += time_size;
    }
    let indices = data.get(at..at + timecnt)?.to_vec();
    at += timecnt;
    let mut raw_kinds = Vec::with_capacity(typecnt);
    for _ in 0..typecnt {
        let b = data.get(at..at + 6)?;
        let offset = i32::from_be_bytes(b[..4].try_into().ok()?) as i64;
        raw_kinds.push((offset, b[4] != 0, b[5] as usize));
        at += 6;
    }
    let chars = data.get(at..at + charcnt)?;
    let kinds = raw_kinds
        .into_iter()
        .map(|(offset, dst, abbr_at)| {
            let rest = chars.get(abbr_at..).unwrap_or_default();
            let end = rest.iter().position(|&c| c == 0).unwrap_or(rest.len());
            Kind {
                offset,
                dst,
                abbr: String::from_utf8_lossy(&rest[..end]).into_owned(),
            }
        })
        .collect::<Vec<_>>();
    if kinds.is_empty() {
        return None;
    }
    let transitions = times
        .into_iter()
        .zip(indices)
        .filter(|(_, i)| (*i as usize) < kinds.len())
        .map(|(t, i)| (t, i as usize))
        .collect();
    // The footer: a POSIX rule between newlines, after the 64-bit data.
    let rule = if time_size == 8 {
        let after = start + block_len(counts, 8);
        data.get(after..)
            .and_then(|rest| {
                let text = std::str::from_utf8(rest).ok()?;
                let text = text.strip_prefix('\n')?;
                Some(text.split('\n').next()?.to_string())
            })
            .and_then(|t| parse_rule(&t))
    } else {
        None
    };
    Some(Zone {
        transitions,
        kinds,
        rule,
    })
}

impl Zone {
    /// The kind of local time in force at UTC second `t`.
    pub fn at(&self, t: i64) -> Kind {
        let after_last = self.transitions.last().is_none_or(|&(last, _)| t >= last);
        if after_last {
            if let Some(rule) = &self.rule {
                return rule.at(t);
            }
        }
        match self.transitions.partition_point(|&(start, _)| start <= t) {
            // Before the first transition: the first standard kind.
            0 => self
                .kinds
                .iter()
                .find(|k| !k.dst)
                .unwrap_or(&self.kinds[0])
                .clone(),
            n => self.kinds[self.transitions[n - 1].1].clone(),
        }
    }

    /// The UTC second of local time `local` (seconds since the epoch as if
    /// local time were UTC); `dst` is the caller's guess (-1: unknown), used
    /// when the local time happens twice or never.
    pub fn to_utc(&self, local: i64, dst: i64) -> i64 {
        // Each offset in force near that time is a candidate reading; a
        // reading is valid when the zone has that offset at its UTC second.
        let mut valid: Vec<(i64, bool)> = Vec::new();
        for probe in [local - 86400, local, local + 86400] {
            let offset = self.at(probe).offset;
            let kind = self.at(local - offset);
            if kind.offset == offset && !valid.iter().any(|&(o, _)| o == offset) {
                valid.push((offset, kind.dst));
            }
        }
        if let Some(&(offset, _)) = valid
            .iter()
            .find(|&&(_, is_dst)| dst >= 0 && is_dst == (dst > 0))
        {
            return local - offset;
        }
        // As glibc: a time said to be (or not be) summer time when it is not
        // is read with the offset of that kind of time in force nearby.
        if dst >= 0 {
            for months in 1..=7 {
                for t in [local - months * 30 * 86400, local + months * 30 * 86400] {
                    let kind = self.at(t);
                    if kind.dst == (dst > 0) {
                        return local - kind.offset;
                    }
                }
            }
        }
        match valid.first() {
            Some(&(offset, _)) => local - offset,
            // A time skipped by a change: read it with the offset before it.
            None => local - self.at(local - 86400).offset,
        }
    }
}

impl Rule {
    fn at(&self, t: i64) -> Kind {
        let Some((dst, start, end)) = &self.dst else {
            return self.std.clone();
        };
        let year = super::calendar::civil_from_days((t + self.std.offset).div_euclid(86400)).0;
        // Start is given in standard local time, end in summer local time.
        let starts = start.utc(year, self.std.offset);
        let ends = end.utc(year, dst.offset);
        let summer = if starts < ends {
            t >= starts && t < ends
        } else {
            t >= starts || t < ends
        };
        if summer {
            dst.clone()
        } else {
            self.std.clone()
        }
    }
}

impl When {
    fn utc(&self, year: i64, offset: i64) -> i64 {
        let leap = super::calendar::is_leap(year);
        let day = match self.day {
            Day::Julian1(n) => {
                let n = if leap && n >= 60 { n } else { n - 1 };
                days_from_civil(year, 1, 1) + n
            }
            Day::Julian0(n) => days_from_civil(year, 1, 1) + n,
            Day::Month(m, w, d) => {
                let first = days_from_civil(year, m, 1);
                let first_wday = (first + 4).rem_euclid(7);
                let mut day = first + (d - first_wday).rem_euclid(7) + (w - 1) * 7;
                let days_in_month = super::calendar::days_in_month(year, m);
                while day >= first + days_in_month {
                    day -= 7;
                }
                day
            }
        };
        day * 86400 + self.secs - offset
    }
}

/// Parse a POSIX TZ rule such as `EST5EDT,M3.2.0,M11.1.0` or `<+03>-3`.
fn parse_rule(text: &str) -> Option<Rule> {
    let mut p = RuleText { s: text.as_bytes() };
    let std_abbr = p.abbr()?;
    let std_offset = -p.offset()?;
    let std = Kind {
        offset: std_offset,
        dst: false,
        abbr: std_abbr,
    };
    if p.s.is_empty() {
        return Some(Rule { std, dst: None });
    }
    let dst_abbr = p.abbr()?;
    let dst_offset = if p.s.first().is_some_and(|c| *c != b',') {
        -p.offset()?
    } else {
        std_offset + 3600
    };
    let dst = Kind {
        offset: dst_offset,
        dst: true,
        abbr: dst_abbr,
    };
    // Without dates, POSIX leaves them to the implementation; glibc uses
    // the US rules.
    let (start, end) = if p.s.is_empty() {
        (
            When {
                day: Day::Month(3, 2, 0),
                secs: 7200,
            },
            When {
                day: Day::Month(11, 1, 0),
                secs: 7200,
            },
        )
    } else {
        p.eat(b',')?;
        let start = p.when()?;
        p.eat(b',')?;
        let end = p.when()?;
        (start, end)
    };
    p.s.is_empty().then_some(Rule {
        std,
        dst: Some((dst, start, end)),
    })
}

struct RuleText<'a> {
    s: &'a [u8],
}

impl RuleText<'_> {
    fn eat(&mut self, c: u8) -> Option<()> {
        (self.s.first() == Some(&c)).then(|| self.s = &self.s[1..])
    }

    fn abbr(&mut self) -> Option<String> {
        let (abbr, rest) = if self.s.first() == Some(&b'<') {
            let end = self.s.iter().position(|&c| c == b'>')?;
            (&self.s[1..end], &self.s[end + 1..])
        } else {
            let end = self
                .s
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .unwrap_or(self.s.len());
            (&self.s[..end], &self.s[end..])
        };
        if abbr.len() < 3 {
            return None;
        }
        self.s = rest;
        Some(String::from_utf8_lossy(abbr).into_owned())
    }

    fn number(&mut self) -> Option<i64> {
        let end = self
            .s
            .iter()
            .position(|c| !c.is_ascii_digit())
            .unwrap_or(self.s.len());
        if end == 0 {
            return None;
        }
        let n = std::str::from_utf8(&self.s[..end]).ok()?.parse().ok()?;
        self.s = &self.s[end..];
        Some(n)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.s.first() {
            Some(b'-') => {
                self.s = &self.s[1..];
                -1
            }
            Some(b'+') => {
                self.s = &self.s[1..];
                1
            }
            _ => 1,
        };
        let mut secs = self.number()? * 3600;
        if self.eat(b':').is_some() {
            secs += self.number()? * 60;
            if self.eat(b':').is_some() {
                secs += self.number()?;
            }
        }
        Some(sign * secs)
    }

    fn when(&mut self) -> Option<When> {
        let day = match self.s.first()? {
            b'M' => {
                self.s = &self.s[1..];
                let m = self.number()?;
                self.eat(b'.')?;
                let w = self.number()?;
                self.eat(b'.')?;
                let d = self.number()?;
                if !(1..=12).contains(&m) || !(1..=5).contains(&w) || d > 6 {
                    return None;
                }
                Day::Month(m, w, d)
            }
            b'J' => {
                self.s = &self.s[1..];
                Day::Julian1(self.number()?)
            }
            _ => Day::Julian0(self.number()?),
        };
        let secs = if self.eat(b'/').is_some() {
            self.offset()?
        } else {
            7200
        };
        Some(When { day, secs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_rules_switch_on_their_dates() {
        let rule = parse_rule("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2024-01-15 and 2024-07-15, noon UTC.
        assert_eq!(rule.at(1_705_320_000).abbr, "CET");
        assert_eq!(rule.at(1_721_044_800).abbr, "CEST");
        assert_eq!(rule.at(1_721_044_800).offset, 7200);
        // Summer time starts 2024-03-31 01:00 UTC.
        assert!(!rule.at(1_711_846_799).dst);
        assert!(rule.at(1_711_846_800).dst);
        assert_eq!(parse_rule("<+03>-3").unwrap().std.offset, 10800);
        assert!(parse_rule("X").is_none());
    }

    #[test]
    fn local_times_convert_back() {
        let zone = Zone {
            transitions: Vec::new(),
            kinds: Vec::new(),
            rule: parse_rule("EST5EDT,M3.2.0,M11.1.0"),
        };
        for t in [0, 1_705_320_000, 1_721_044_800] {
            let local = t + zone.at(t).offset;
            assert_eq!(zone.to_utc(local, -1), t);
        }
    }
}
