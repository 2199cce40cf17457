//! Watching the GIL at work: counters per thread (always on: they are
//! updated only when the lock changes hands, under the lock's own mutex) and,
//! when asked, a trace of every span a thread held the lock or waited for
//! it, with the reason it let go — written as Chrome trace-event JSON, which
//! Perfetto and chrome://tracing open.

use std::collections::HashMap;
use std::fmt::Write;
use std::time::Instant;

/// Why a thread let the GIL go.
pub type Reason = &'static str;

/// A thread's totals.
#[derive(Debug, Default, Clone, Copy)]
pub struct ThreadStats {
    /// Times it took the lock.
    pub acquisitions: u64,
    /// Times it handed the lock over because it had held it a switch
    /// interval while others waited (or a waiter asked).
    pub forced: u64,
    /// Nanoseconds spent holding the lock.
    pub held_ns: u64,
    /// Nanoseconds spent waiting for it.
    pub waited_ns: u64,
}

/// One span on a thread's lane.
struct Span {
    thread: i64,
    holding: bool,
    start: Instant,
    end: Instant,
    /// For a holding span, why it ended.
    reason: Reason,
}

/// The counters, the recording if one is running, and who holds the lock.
#[derive(Default)]
pub struct Watch {
    threads: HashMap<i64, ThreadStats>,
    /// Every change of hands between two threads.
    switches: u64,
    last_holder: Option<i64>,
    since: Option<Instant>,
    trace: Option<(Instant, Vec<Span>)>,
    /// Threads in the order they first took the lock (the trace's lanes).
    order: Vec<i64>,
}

/// This thread's ident (`threading.get_ident()`), computed once.
pub fn ident() -> i64 {
    thread_local! {
        static IDENT: i64 = crate::interp::thread_ident();
    }
    IDENT.with(|i| *i)
}

impl Watch {
    /// This thread took the lock at `now`, having waited since `asked` (if
    /// it had to wait).
    pub(super) fn taken(&mut self, asked: Option<Instant>, now: Instant) {
        let me = ident();
        if !self.threads.contains_key(&me) {
            self.order.push(me);
        }
        let stats = self.threads.entry(me).or_default();
        stats.acquisitions += 1;
        if let Some(asked) = asked {
            stats.waited_ns += now.duration_since(asked).as_nanos() as u64;
            if let Some((_, spans)) = &mut self.trace {
                spans.push(Span {
                    thread: me,
                    holding: false,
                    start: asked,
                    end: now,
                    reason: "",
                });
            }
        }
        if self.last_holder.is_some_and(|h| h != me) {
            self.switches += 1;
        }
        self.last_holder = Some(me);
        self.since = Some(now);
    }

    /// This thread lets the lock go for `reason`.
    pub(super) fn released(&mut self, reason: Reason) {
        let Some(since) = self.since.take() else {
            return;
        };
        let now = Instant::now();
        let me = ident();
        let stats = self.threads.entry(me).or_default();
        stats.held_ns += now.duration_since(since).as_nanos() as u64;
        if reason == INTERVAL {
            stats.forced += 1;
        }
        if let Some((_, spans)) = &mut self.trace {
            spans.push(Span {
                thread: me,
                holding: true,
                start: since,
                end: now,
                reason,
            });
        }
    }

    /// Times the lock went from one thread to another.
    pub fn switches(&self) -> u64 {
        self.switches
    }

    /// The totals of each thread that ever took the lock, in that order.
    pub fn threads(&self) -> Vec<(i64, ThreadStats)> {
        self.order.iter().map(|t| (*t, self.threads[t])).collect()
    }

    /// Start recording (again: an earlier recording is dropped).
    pub fn start_trace(&mut self) {
        let now = Instant::now();
        self.trace = Some((now, Vec::new()));
        // The holder's current span starts now, on the new clock.
        if self.since.is_some() {
            self.since = Some(now);
        }
    }

    /// Is a recording running?
    pub fn tracing(&self) -> bool {
        self.trace.is_some()
    }

    /// Stop recording: the trace as Chrome trace-event JSON, with `names`
    /// for the threads' lanes (by ident; others are "Thread N").
    pub fn take_trace(&mut self, names: &HashMap<i64, String>) -> Option<String> {
        let (origin, mut spans) = self.trace.take()?;
        // The span running now ends here.
        if let Some(since) = self.since {
            spans.push(Span {
                thread: ident(),
                holding: true,
                start: since.max(origin),
                end: Instant::now(),
                reason: "running",
            });
        }
        let lane = |t: i64| self.order.iter().position(|&o| o == t).unwrap_or(0) + 1;
        let micros = |at: Instant| at.saturating_duration_since(origin).as_nanos() as f64 / 1000.0;
        let mut out = String::from("{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n");
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !first {
                out.push_str(",\n");
            }
            first = false;
        };
        for &t in &self.order {
            sep(&mut out);
            let name = names
                .get(&t)
                .cloned()
                .unwrap_or_else(|| format!("Thread {}", lane(t)));
            let _ = write!(
                out,
                "{{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": 1, \"tid\": {}, \"args\": {{\"name\": {}, \"ident\": {}}}}}",
                lane(t),
                json_string(&name),
                t
            );
        }
        for s in &spans {
            sep(&mut out);
            let start = micros(s.start);
            let dur = (micros(s.end) - start).max(0.0);
            if s.holding {
                let _ = write!(
                    out,
                    "{{\"ph\": \"X\", \"name\": \"holds the GIL\", \"cat\": \"gil\", \"pid\": 1, \"tid\": {}, \"ts\": {start:.3}, \"dur\": {dur:.3}, \"args\": {{\"released\": {}}}}}",
                    lane(s.thread),
                    json_string(s.reason)
                );
            } else {
                let _ = write!(
                    out,
                    "{{\"ph\": \"X\", \"name\": \"waits for the GIL\", \"cat\": \"wait\", \"pid\": 1, \"tid\": {}, \"ts\": {start:.3}, \"dur\": {dur:.3}}}",
                    lane(s.thread)
                );
            }
        }
        out.push_str("\n]}\n");
        Some(out)
    }
}

/// The reason of a handover forced by the switch interval.
pub const INTERVAL: Reason = "interval";

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_traces_a_handover() {
        let mut w = Watch::default();
        w.start_trace();
        let t0 = Instant::now();
        w.taken(None, t0);
        w.released(INTERVAL);
        w.taken(Some(t0), Instant::now());
        w.released("time.sleep");
        let stats = w.threads();
        assert_eq!(stats.len(), 1);
        assert_eq!(stats[0].1.acquisitions, 2);
        assert_eq!(stats[0].1.forced, 1);
        let json = w.take_trace(&HashMap::new()).unwrap();
        assert!(json.contains("\"released\": \"interval\""));
        assert!(json.contains("\"released\": \"time.sleep\""));
        assert!(json.contains("waits for the GIL"));
        assert!(!w.tracing());
    }
}
