# subprocess: run/check_output/check_call/call/Popen against the interpreter
# itself (sys.executable), pipes, input, text, cwd, env, errors, timeouts.
import subprocess, sys, os

py = sys.executable

r = subprocess.run([py, '-c', 'print("hello"); import sys; sys.stderr.write("err\\n")'],
                   capture_output=True)
print(type(r).__name__, r.returncode, r.stdout, r.stderr)
r = subprocess.run([py, '-c', 'import sys; sys.stdout.write(sys.stdin.read().upper())'],
                   input=b'abc\n', capture_output=True)
print(r.returncode, r.stdout)
r = subprocess.run([py, '-c', 'import sys; print(sys.stdin.read()[::-1])'],
                   input='xyz', capture_output=True, text=True)
print(repr(r.stdout), r.stderr == '')
r = subprocess.run([py, '-c', 'import sys; sys.exit(3)'])
print(r.returncode, r.stdout, r.stderr, r.args[1:])
try:
    subprocess.run([py, '-c', 'import sys; print("out"); sys.exit(4)'], check=True,
                   capture_output=True)
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, e.stdout, e.output, e.stderr)
    print(str(e).replace(py, 'PY'))
print(subprocess.check_output([py, '-c', 'print(6 * 7)']))
print(subprocess.check_output([py, '-c', 'print("a\\nb")'], text=True).splitlines())
try:
    subprocess.check_output([py, '-c', 'raise SystemExit(2)'])
except subprocess.CalledProcessError as e:
    print('check_output', e.returncode, e.output)
print(subprocess.check_call([py, '-c', 'pass']), subprocess.call([py, '-c', 'raise SystemExit(5)']))
try:
    subprocess.check_call([py, '-c', 'raise SystemExit(1)'])
except subprocess.CalledProcessError as e:
    print('check_call', e.returncode)
r = subprocess.run([py, '-c', 'import os; print(os.getcwd())'], cwd='/', capture_output=True, text=True)
print(r.stdout.strip())
env = {'GILT_TEST_VAR': 'value42', 'PATH': os.environ.get('PATH', '')}
r = subprocess.run([py, '-c', 'import os; print(os.environ.get("GILT_TEST_VAR"))'], env=env,
                   capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run([py, '-c', 'import sys; print("o"); sys.stderr.write("e\\n")'],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()), r.stderr)
r = subprocess.run([py, '-c', 'print("quiet")'], stdout=subprocess.DEVNULL)
print(r.returncode, r.stdout)
try:
    subprocess.run([py, '-c', 'import time; time.sleep(5)'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    # CPython reports the time that was left for the wait: not exact.
    print('TimeoutExpired', 0 < e.timeout <= 0.3, str(e).replace(py, 'PY').split(' timed out')[0])
try:
    subprocess.run(['/nonexistent/program-xyz'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
r = subprocess.run('echo shell $((1+2))', shell=True, capture_output=True, text=True)
print(repr(r.stdout))
print(subprocess.getoutput('echo hi; exit 3'), subprocess.getstatusoutput('echo x; exit 3'))
try:
    subprocess.run([py, '-c', 'pass'], input=b'x', stdin=subprocess.PIPE)
except ValueError as e:
    print('ValueError', e)
try:
    subprocess.run([py, '-c', 'pass'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print('ValueError', e)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, Exception))
print(str(subprocess.CalledProcessError(-9, 'cmd')), str(subprocess.CalledProcessError(1, ['a', 'b'])))
print(repr(subprocess.CompletedProcess(['x'], 0, b'o', None)))
