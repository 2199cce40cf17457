# subprocess.Popen: pipes, communicate with and without timeout, wait, poll,
# kill, terminate, returncode, pid, the context manager.
import subprocess, sys, os

py = sys.executable

p = subprocess.Popen([py, '-c', 'import sys; data = sys.stdin.read(); print(len(data)); sys.stderr.write("done\\n")'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(isinstance(p.pid, int), p.pid != os.getpid(), p.returncode)
out, err = p.communicate(b'x' * 100000)
print(out, err, p.returncode, p.poll(), p.wait())

p = subprocess.Popen([py, '-c', 'import time; time.sleep(10)'], stdout=subprocess.PIPE)
print(p.poll())
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.timeout)
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('wait TimeoutExpired', e.timeout)
p.kill()
out, err = p.communicate()
print(p.returncode, out, err)

p = subprocess.Popen([py, '-c', 'import time; time.sleep(10)'])
p.terminate()
print(p.wait())

p = subprocess.Popen([py, '-c', 'print("partial"); import sys; sys.stdout.flush(); import time; time.sleep(0.5); print("rest")'],
                     stdout=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired:
    print('first timeout')
out, _ = p.communicate()
print(repr(out), p.returncode)

with subprocess.Popen([py, '-c', 'print("ctx")'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode)

with subprocess.Popen([py, '-c', 'import sys; print(sys.stdin.read().strip())'],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write('through stdin\n')
    p.stdin.close()
    print(repr(p.stdout.read()))
print(p.returncode)

p = subprocess.Popen([py, '-c', 'import sys; sys.exit(7)'])
print(p.wait(), p.returncode, p.poll())
p = subprocess.Popen([py, '-c', 'print("x" * 200000)'], stdout=subprocess.PIPE)
out, err = p.communicate()
print(len(out), err, p.returncode)
procs = [subprocess.Popen([py, '-c', 'import sys; print(%d * 2)' % i], stdout=subprocess.PIPE) for i in range(4)]
print([p.communicate()[0].strip() for p in procs], [p.returncode for p in procs])
print(repr(subprocess.Popen([py, '-c', 'pass'], stdout=subprocess.DEVNULL).wait()))
