//! Dates in the proleptic Gregorian calendar, broken-down times (C's
//! `struct tm`) and `strftime`, as glibc formats in the C locale.

/// Days since 1970-01-01 of a date (month 1..=12; days may run over).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Count years from March, so the leap day ends a year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = (month + 9) % 12;
    let doy = (153 * m + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1..=12, day) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + (month <= 2) as i64;
    (year, month, day)
}

/// Is `year` a leap year?
pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1..=12) of `year`.
pub fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A broken-down time with Python's conventions: month 1..=12, weekday 0 is
/// Monday, day of the year 1..=366.
#[derive(Debug, Clone, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    /// The zone's abbreviation and offset east of UTC, when known.
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}

impl Tm {
    /// The broken-down time of `secs` seconds after the epoch, in a zone
    /// `offset` seconds east of UTC.
    pub fn from_seconds(secs: i64, offset: i64, isdst: bool, zone: &str) -> Tm {
        let local = secs + offset;
        let days = local.div_euclid(86400);
        let rem = local.rem_euclid(86400);
        let (year, mon, mday) = civil_from_days(days);
        Tm {
            year,
            mon,
            mday,
            hour: rem / 3600,
            min: rem % 3600 / 60,
            sec: rem % 60,
            // 1970-01-01 was a Thursday (3 counting from Monday).
            wday: (days + 3).rem_euclid(7),
            yday: days - days_from_civil(year, 1, 1) + 1,
            isdst: isdst as i64,
            zone: Some(zone.to_string()),
            gmtoff: Some(offset),
        }
    }

    /// Seconds since the epoch of this time read as UTC, month and day
    /// overflow carried as `mktime` carries them.
    pub fn as_utc_seconds(&self) -> i64 {
        let months = self.year * 12 + (self.mon - 1);
        let (year, mon) = (months.div_euclid(12), months.rem_euclid(12) + 1);
        let days = days_from_civil(year, mon, 1) + self.mday - 1;
        days * 86400 + self.hour * 3600 + self.min * 60 + self.sec
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[(tm.mon - 1).clamp(0, 11) as usize]
}

/// `asctime`: `Sun Jun 20 23:21:05 1993`.
pub fn asctime(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &day_name(tm)[..3],
        &month_name(tm)[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// `strftime(format, tm)` in the C locale; `zone` names the zone for `%Z`.
/// An unknown directive is copied as it is, as glibc does.
pub fn strftime(format: &str, tm: &Tm, zone: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    // Sunday-based weekday (0..=6) and 0-based day of the year, as C has them.
    let sunday_wday = (tm.wday + 1).rem_euclid(7);
    let yday0 = tm.yday - 1;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'a' => day_name(tm)[..3].to_string(),
            'A' => day_name(tm).to_string(),
            'b' | 'h' => month_name(tm)[..3].to_string(),
            'B' => month_name(tm).to_string(),
            'c' => strftime("%a %b %e %H:%M:%S %Y", tm, zone),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' | 'x' => strftime("%m/%d/%y", tm, zone),
            'e' => format!("{:2}", tm.mday),
            'F' => strftime("%Y-%m-%d", tm, zone),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{:02}", twelve_hour(tm.hour)),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{:2}", twelve_hour(tm.hour)),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".into(),
            'p' => if tm.hour < 12 { "AM" } else { "PM" }.into(),
            'P' => if tm.hour < 12 { "am" } else { "pm" }.into(),
            'r' => strftime("%I:%M:%S %p", tm, zone),
            'R' => strftime("%H:%M", tm, zone),
            's' => (tm.as_utc_seconds() - tm.gmtoff.unwrap_or(0)).to_string(),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".into(),
            'T' | 'X' => strftime("%H:%M:%S", tm, zone),
            'u' => (tm.wday.rem_euclid(7) + 1).to_string(),
            'U' => format!("{:02}", (yday0 + 7 - sunday_wday) / 7),
            'w' => sunday_wday.to_string(),
            'W' => format!("{:02}", (yday0 + 7 - tm.wday.rem_euclid(7)) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'V' => format!("{:02}", iso_week(tm).1),
            'z' => {
                let off = tm.gmtoff.unwrap_or(0);
                let sign = if off < 0 { '-' } else { '+' };
                let off = off.abs();
                format!("{sign}{:02}{:02}", off / 3600, off % 3600 / 60)
            }
            'Z' => zone.to_string(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn twelve_hour(hour: i64) -> i64 {
    match hour % 12 {
        0 => 12,
        h => h,
    }
}

/// The ISO 8601 year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday.rem_euclid(7); // Monday 0
    let yday0 = tm.yday - 1;
    // The Thursday of this week decides the year.
    let thursday = yday0 - wday + 3;
    if thursday < 0 {
        let prev = tm.year - 1;
        let len = if is_leap(prev) { 366 } else { 365 };
        return (prev, (thursday + len) / 7 + 1);
    }
    let len = if is_leap(tm.year) { 366 } else { 365 };
    if thursday >= len {
        return (tm.year + 1, 1);
    }
    (tm.year, thursday / 7 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 59, 365, 11_016, 19_723, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn formats_as_glibc() {
        let tm = Tm::from_seconds(1_000_000_000, 0, false, "UTC");
        assert_eq!(asctime(&tm), "Sun Sep  9 01:46:40 2001");
        assert_eq!(
            strftime("%Y-%m-%d %H:%M:%S %j %a %U %W %V %G %q", &tm, "UTC"),
            "2001-09-09 01:46:40 252 Sun 36 36 36 2001 %q"
        );
    }
}
