"""Running child processes: `run`, `Popen`, `check_output`, `check_call`,
`call`, with their pipes, timeouts and errors. The native `_subprocess`
module starts the children and waits for them with the GIL released."""

import os
import sys
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call",
           "check_output", "run", "CalledProcessError", "TimeoutExpired",
           "SubprocessError", "CompletedProcess", "getoutput",
           "getstatusoutput", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# How `_subprocess.spawn` is told what to do with each stream.
_INHERIT, _PIPE, _DEVNULL, _STDOUT = 0, 1, 2, 3

_SIGNAL_NAMES = {
    1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP',
    6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1',
    11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM',
    15: 'SIGTERM', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP',
}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """A process run by check_call, check_output or run(check=True)
    returned a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            signum = -self.returncode
            name = _SIGNAL_NAMES.get(signum)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, signum)
            return "Command '%s' died with <Signals.%s: %d>." % (
                self.cmd, name, signum)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """The timeout passed before the child process ended."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What `run` returns: the args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def _mode(value, name):
    if value is None:
        return _INHERIT
    if value == PIPE:
        return _PIPE
    if value == DEVNULL:
        return _DEVNULL
    if value == STDOUT and name == 'stderr':
        return _STDOUT
    raise ValueError("%s: only PIPE, DEVNULL, STDOUT or None are supported"
                     % name)


class _Stream:
    """A pipe end of a Popen as a file: read() drains the child's output,
    write() feeds its input (sent on close)."""

    def __init__(self, popen, which):
        self._popen = popen
        self._which = which
        self._pending = []
        self.closed = False

    def read(self, size=-1):
        out, err = self._popen._drain()
        data = out if self._which == 'stdout' else err
        return self._popen._translate(data)

    def readlines(self):
        return self.read().splitlines(True)

    def __iter__(self):
        return iter(self.readlines())

    def write(self, data):
        self._pending.append(data)
        return len(data)

    def flush(self):
        pass

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self._which == 'stdin':
            data = self._popen._encode(
                ''.join(self._pending) if self._popen.text_mode
                else b''.join(self._pending))
            self._pending = []
            _subprocess.close_stdin(self._popen.pid, data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Popen:
    """A child process: `Popen(args, stdin=None, stdout=None, stderr=None,
    shell=False, cwd=None, env=None, text=False, ...)`."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None,
                 stdout=None, stderr=None, preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if isinstance(args, (str, bytes)):
            argv = [args]
        else:
            argv = list(args)
        argv = [os.fspath(a) if not isinstance(a, (str, bytes)) else a
                for a in argv]
        if shell:
            command = argv[0] if isinstance(args, (str, bytes)) else \
                list2cmdline(argv)
            argv = ['/bin/sh', '-c'] + ([command] if isinstance(args, (str, bytes))
                                         else argv)
            if executable is None:
                executable = '/bin/sh'
        if cwd is not None:
            cwd = os.fspath(cwd)
        self._out = None
        self._err = None
        self._done_reading = False
        self.pid = _subprocess.spawn(argv, executable, cwd,
                                     dict(env) if env is not None else None,
                                     _mode(stdin, 'stdin'),
                                     _mode(stdout, 'stdout'),
                                     _mode(stderr, 'stderr'))
        self.stdin = _Stream(self, 'stdin') if stdin == PIPE else None
        self.stdout = _Stream(self, 'stdout') if stdout == PIPE else None
        self.stderr = _Stream(self, 'stderr') if stderr == PIPE else None

    def __repr__(self):
        return "<Popen: returncode: {} args: {!r}>".format(self.returncode,
                                                          self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdin is not None:
            self.stdin.close()
        if self.returncode is None:
            self.wait()

    def _encode(self, data):
        if data is None:
            return None
        if isinstance(data, str):
            return data.encode(self.encoding or 'utf-8', self.errors or 'strict')
        return bytes(data)

    def _translate(self, data):
        if data is None or not self.text_mode:
            return data
        text = data.decode(self.encoding or 'utf-8', self.errors or 'strict')
        return text.replace('\r\n', '\n').replace('\r', '\n')

    def _drain(self, input=None, timeout=None):
        """All of the child's output (bytes), once its pipes close."""
        if not self._done_reading:
            out, err, timed_out = _subprocess.communicate(
                self.pid, self._encode(input), timeout)
            if timed_out:
                raise TimeoutExpired(self.args, timeout)
            self._out, self._err = out, err
            self._done_reading = True
        return self._out, self._err

    def communicate(self, input=None, timeout=None):
        """Send `input`, read stdout and stderr to their end, wait for the
        child; `(stdout, stderr)`."""
        if self.stdin is not None and input is None:
            input = b'' if not self.text_mode else ''
        if self.stdin is not None:
            self.stdin.closed = True
        if input and self.stdin is None:
            raise ValueError("Input given but stdin is not a PIPE")
        out, err = self._drain(input, timeout)
        if timeout is not None:
            self.wait(timeout)
        else:
            self.wait()
        return self._translate(out), self._translate(err)

    def poll(self):
        if self.returncode is None:
            self.returncode = _subprocess.poll(self.pid)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            code = _subprocess.wait(self.pid, timeout)
            if code is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = code
        return self.returncode

    def send_signal(self, sig):
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Run a command and wait for it; a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command; its return code."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; CalledProcessError when it fails."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command; its output, or CalledProcessError when it fails."""
    if 'stdout' in kwargs:
        raise ValueError('stdout argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        kwargs['input'] = '' if kwargs.get('text') or kwargs.get(
            'universal_newlines') or kwargs.get('encoding') else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def getstatusoutput(cmd):
    """`(exitcode, output)` of a shell command, without the last newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd):
    """The output of a shell command, without the last newline."""
    return getstatusoutput(cmd)[1]


def list2cmdline(seq):
    """A command line for `seq`, quoted as the MS C runtime reads it."""
    result = []
    for arg in map(os.fsdecode if hasattr(os, 'fsdecode') else str, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)
