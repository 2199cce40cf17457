"""Draw a GIL trace (written by `gilt -X gil-trace=FILE`) as an SVG timeline:
one lane per thread, a bar where it held the GIL (coloured by why it let
go), a thin bar where it waited for it. Run as `gilt --gil-trace TRACE --svg
OUT`; it also prints each thread's totals."""

import json
import sys

USAGE = "usage: gilt --gil-trace TRACE [--svg OUT]"

WIDTH = 1200
LEFT = 160
LANE = 34
TOP = 40

# Why a thread let go -> colour of its bar.
COLOURS = {
    "interval": "#d9822b",
    "yield": "#f2b134",
    "time.sleep(0)": "#f2b134",
    "exit": "#7a7a7a",
    "running": "#4c9f70",
}
BLOCKING = "#3b7dd8"
WAITING = "#c23b3b"


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    names = {}
    spans = []
    for e in data.get("traceEvents", []):
        if e.get("ph") == "M" and e.get("name") == "thread_name":
            names[e["tid"]] = e["args"]["name"]
        elif e.get("ph") == "X":
            spans.append(e)
    return names, spans


def totals(names, spans):
    lanes = sorted(set(names) | {s["tid"] for s in spans})
    rows = []
    for tid in lanes:
        held = sum(s["dur"] for s in spans if s["tid"] == tid and s["cat"] == "gil")
        waited = sum(s["dur"] for s in spans if s["tid"] == tid and s["cat"] == "wait")
        why = {}
        for s in spans:
            if s["tid"] == tid and s["cat"] == "gil":
                reason = s.get("args", {}).get("released", "")
                why[reason] = why.get(reason, 0) + 1
        rows.append((tid, names.get(tid, "Thread %d" % tid), held, waited, why))
    return rows


def colour(reason):
    return COLOURS.get(reason, BLOCKING)


def escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def svg(names, spans):
    rows = totals(names, spans)
    lane_of = {tid: i for i, (tid, *_rest) in enumerate(rows)}
    end = max((s["ts"] + s["dur"] for s in spans), default=1.0) or 1.0
    scale = (WIDTH - LEFT - 20) / end
    height = TOP + LANE * len(rows) + 60
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (WIDTH, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14">GIL timeline: %.3f ms, '
           '%d threads</text>' % (end / 1000, len(rows))]
    for tid, name, held, waited, _why in rows:
        y = TOP + LANE * lane_of[tid]
        out.append('<text x="10" y="%d">%s</text>' % (y + 20, escape(name)))
        out.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#ddd"/>'
                   % (LEFT, WIDTH - 20, y + LANE - 2, y + LANE - 2))
    for s in spans:
        y = TOP + LANE * lane_of[s["tid"]]
        x = LEFT + s["ts"] * scale
        w = max(s["dur"] * scale, 0.5)
        if s["cat"] == "gil":
            reason = s.get("args", {}).get("released", "")
            out.append('<rect x="%.2f" y="%d" width="%.2f" height="18" fill="%s">'
                       '<title>held %.3f ms, let go: %s</title></rect>'
                       % (x, y + 6, w, colour(reason), s["dur"] / 1000, escape(reason)))
        else:
            out.append('<rect x="%.2f" y="%d" width="%.2f" height="4" fill="%s">'
                       '<title>waited %.3f ms</title></rect>'
                       % (x, y + 26, w, WAITING, s["dur"] / 1000))
    ticks = 10
    axis = TOP + LANE * len(rows) + 10
    for i in range(ticks + 1):
        x = LEFT + (WIDTH - LEFT - 20) * i / ticks
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%.1f ms</text>'
                   % (x, axis + 14, end * i / ticks / 1000))
    legend = [("held, let go at a switch interval", COLOURS["interval"]),
              ("held, let go for a blocking call", BLOCKING),
              ("held, yielded", COLOURS["yield"]),
              ("waiting for the GIL", WAITING)]
    x = LEFT
    for text, fill in legend:
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                   % (x, axis + 26, fill))
        out.append('<text x="%d" y="%d">%s</text>' % (x + 16, axis + 37, escape(text)))
        x += 16 + 7 * len(text) + 20
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    out = None
    if "--svg" in args:
        i = args.index("--svg")
        if i + 1 >= len(args):
            print(USAGE, file=sys.stderr)
            raise SystemExit(2)
        out = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(USAGE, file=sys.stderr)
        raise SystemExit(2)
    try:
        names, spans = load(args[0])
    except OSError as e:
        print("gilt --gil-trace: can't read %s: %s" % (args[0], e.strerror), file=sys.stderr)
        raise SystemExit(1)
    except (ValueError, KeyError, TypeError) as e:
        print("gilt --gil-trace: %s is not a GIL trace (%s)" % (args[0], e), file=sys.stderr)
        raise SystemExit(1)
    for tid, name, held, waited, why in totals(names, spans):
        reasons = ", ".join("%s %d" % kv for kv in sorted(why.items()))
        print("%-20s held %9.3f ms  waited %9.3f ms  let go: %s"
              % (name, held / 1000, waited / 1000, reasons))
    if out is not None:
        with open(out, "w", encoding="utf-8") as f:
            f.write(svg(names, spans))
        print("wrote", out)
