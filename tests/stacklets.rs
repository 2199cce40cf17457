//! Where Gilt's greenlets differ from CPython's on purpose: a stack can only
//! be set aside whole, so a switch that would leave frames waiting inside a
//! native call that must finish first is refused with RuntimeError (CPython's
//! greenlet copies the C stack instead). These runs check that the refusal is
//! a clear Python error, never a hang or a wrong answer, and that what is
//! allowed still works.

use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

/// Run `code` with `gilt -c`; its stdout and whether it exited 0.
fn run(code: &str) -> (String, bool) {
    let out = Command::new(GILT)
        .args(["-c", code])
        .output()
        .expect("gilt starts");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

#[test]
fn greenlets_started_inside_a_sort_key_run_there() {
    // A greenlet started inside sorted()'s key runs in that nested loop and
    // gives its result back to the key's greenlet there.
    let (out, ok) = run(concat!(
        "from greenlet import greenlet, getcurrent\n",
        "def key(v):\n",
        "    return greenlet(lambda: -v * 10).switch()\n",
        "def work():\n",
        "    return sorted([1, 2, 3], key=key)\n",
        "print(greenlet(work).switch())\n",
    ));
    assert!(ok);
    assert_eq!(out, "[3, 2, 1]\n");
}

#[test]
fn switching_to_main_from_a_sort_key_is_refused() {
    // Main's frames sit below sorted(), which must return first.
    let (out, ok) = run(concat!(
        "from greenlet import greenlet, getcurrent\n",
        "main = getcurrent()\n",
        "def key(v):\n",
        "    main.switch(v)\n",
        "def work():\n",
        "    try:\n",
        "        sorted([1, 2], key=key)\n",
        "    except RuntimeError as e:\n",
        "        return str(e).split(' (')[0]\n",
        "print(greenlet(work).switch())\n",
    ));
    assert!(ok);
    assert_eq!(
        out,
        "cannot switch greenlets from code that native code called\n"
    );
}

#[test]
fn resuming_main_below_a_waiting_native_call_is_refused() {
    // `g` waits inside sorted()'s key; a second greenlet started from there
    // may not resume main, whose frames sit below that native call.
    let (out, ok) = run(concat!(
        "from greenlet import greenlet, getcurrent\n",
        "main = getcurrent()\n",
        "def to_main():\n",
        "    try:\n",
        "        main.switch('reached main')\n",
        "    except RuntimeError as e:\n",
        "        return 'refused: ' + str(e).split(' (')[0]\n",
        "def key(v):\n",
        "    return greenlet(to_main, parent=getcurrent()).switch()\n",
        "def work():\n",
        "    return sorted([1], key=key)\n",
        "print(greenlet(work).switch())\n",
    ));
    assert!(ok);
    assert_eq!(
        out, "[1]\n",
        "the key got the refusal as its value and sorted() finished"
    );
}

#[test]
fn a_native_caller_of_transfer_gets_an_error() {
    let (out, ok) = run(concat!(
        "import _greenlet\n",
        "from greenlet import greenlet, getcurrent\n",
        "g = greenlet(lambda: 1)\n",
        "g.switch\n",
        "target = _greenlet.new((lambda: None), ())\n",
        "try:\n",
        "    list(map(_greenlet.transfer, [target], [None]))\n",
        "except RuntimeError as e:\n",
        "    print('RuntimeError', str(e).startswith('cannot switch greenlets'))\n",
    ));
    assert!(ok);
    assert_eq!(out, "RuntimeError True\n");
}
