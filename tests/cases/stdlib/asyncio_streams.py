# Streams: a loopback echo server with many clients on one thread, readline /
# read / readexactly / readuntil, drain, close; loop.sock_* and add_reader.
import asyncio
import socket


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for j in range(3):
        writer.write(f"client {i} line {j}\n".encode())
        await writer.drain()
        replies.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(server.is_serving(), len(server.sockets))
    results = await asyncio.gather(*(client(port, i) for i in range(20)))
    print(len(results), all(len(r) == 3 for r in results))
    print(results[0])
    print(results[19][2])

    # read / readexactly / readuntil / EOF
    async def sender(reader, writer):
        writer.write(b"header:1234;body-data-here")
        await writer.drain()
        writer.write_eof()
        await reader.read()
        writer.close()

    server2 = await asyncio.start_server(sender, "127.0.0.1", 0)
    port2 = server2.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port2)
    print(await reader.readuntil(b":"))
    print(await reader.readexactly(4))
    print(await reader.readuntil(b";"))
    print(await reader.read(4))
    print(await reader.read())
    print(reader.at_eof(), await reader.read(), await reader.readline())
    try:
        await reader.readexactly(3)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e, e.partial, e.expected)
    try:
        await reader.readuntil(b"")
    except ValueError as e:
        print("ValueError", e)
    writer.close()
    await writer.wait_closed()
    print(writer.is_closing())

    # a big write needs drain
    async def sink(reader, writer):
        total = 0
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            total += len(chunk)
        writer.write(str(total).encode())
        await writer.drain()
        writer.close()

    server3 = await asyncio.start_server(sink, "127.0.0.1", 0)
    port3 = server3.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port3)
    for _ in range(8):
        writer.write(b"x" * 100000)
        await writer.drain()
    writer.write_eof()
    print("sink got", await reader.read())
    writer.close()

    # async iteration over lines
    async def lines(reader, writer):
        writer.writelines([b"a\n", b"b\n", b"c"])
        await writer.drain()
        writer.close()

    server4 = await asyncio.start_server(lines, "127.0.0.1", 0)
    port4 = server4.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port4)
    print([line async for line in reader])
    writer.close()

    for s in (server, server2, server3, server4):
        s.close()
        await s.wait_closed()
    print(server.is_serving())

    # connection refused
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    free_port = probe.getsockname()[1]
    probe.close()
    try:
        await asyncio.open_connection("127.0.0.1", free_port)
    except ConnectionRefusedError:
        print("ConnectionRefusedError")

    # loop.sock_* over a socketpair, and add_reader
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"ping")
    print(await loop.sock_recv(b, 100))
    got = loop.create_future()

    def on_readable():
        loop.remove_reader(b.fileno())
        got.set_result(b.recv(100))

    loop.add_reader(b.fileno(), on_readable)
    loop.call_later(0.01, a.send, b"later")
    print(await got)
    recv_task = asyncio.create_task(loop.sock_recv(b, 100))
    await asyncio.sleep(0.005)
    print(recv_task.done())
    await loop.sock_sendall(a, b"x" * 10)
    print(await recv_task)
    print(loop.remove_reader(b.fileno()), loop.remove_writer(b.fileno()))
    a.close()
    b.close()

    # sock_accept / sock_connect
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(5)
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, addr = await accept
    print(addr[0], conn.getblocking())
    await loop.sock_sendall(conn, b"hello")
    print(await loop.sock_recv(csock, 10))
    for s in (lsock, csock, conn):
        s.close()


asyncio.run(main())
