# Float math: a small gravitational simulation of a handful of bodies,
# positions and velocities kept in plain lists of floats.

G = 0.01
DT = 0.001


def make_bodies(n):
    bodies = []
    seed = 12345
    for k in range(n):
        vals = []
        for _ in range(7):
            seed = (seed * 1103515245 + 12345) % 2147483648
            vals.append(seed / 2147483648.0)
        # x, y, z, vx, vy, vz, mass
        bodies.append([vals[0] * 10 - 5, vals[1] * 10 - 5, vals[2] * 10 - 5,
                       vals[3] - 0.5, vals[4] - 0.5, vals[5] - 0.5, vals[6] + 0.5])
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            dz = b[2] - c[2]
            e -= G * b[6] * c[6] / (dx * dx + dy * dy + dz * dz + 0.01) ** 0.5
    return e


def advance(bodies, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b = bodies[i]
            bx = b[0]
            by = b[1]
            bz = b[2]
            bm = b[6]
            for j in range(i + 1, n):
                c = bodies[j]
                dx = bx - c[0]
                dy = by - c[1]
                dz = bz - c[2]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = DT * G / (d2 * d2 ** 0.5)
                cm = c[6] * mag
                b[3] -= dx * cm
                b[4] -= dy * cm
                b[5] -= dz * cm
                bmm = bm * mag
                c[3] += dx * bmm
                c[4] += dy * bmm
                c[5] += dz * bmm
        for b in bodies:
            b[0] += DT * b[3]
            b[1] += DT * b[4]
            b[2] += DT * b[5]


bodies = make_bodies(8)
e0 = energy(bodies)
advance(bodies, 26000)
e1 = energy(bodies)
print("nbody", f"{e0:.9f}", f"{e1:.9f}", round(bodies[0][0], 6))
