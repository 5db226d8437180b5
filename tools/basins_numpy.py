#!/usr/bin/env python3
"""NumPy reference for `samlab bench basins`: the same computation, vectorised over all starts.

An n x n grid of starts over [-L, L]^2 on the ring f(x) = (|x|^2 - 1)^2; every start takes exactly
`iterations` normalised SAM steps x <- x - eta * grad f(x + rho * g/|g|) (perturbation 0 where g = 0,
as in samlab.landscape.SamMap), float64, no early exit. Prints SAM steps/s and the mean |x_end|
(a checksum to compare with the Java run).

Run with Debian's NumPy:  /usr/bin/python3 tools/basins_numpy.py --grid 1000 --iterations 1000
"""
import argparse
import time

import numpy as np


def sam_sweep(grid, iterations, rho, eta, extent):
    axis = np.linspace(-extent, extent, grid)
    x, y = np.meshgrid(axis, axis)  # x[iy, ix]
    x = x.copy()
    y = y.copy()
    # work arrays, reused in place so that the loop allocates nothing per step
    r2, c, n, s, px, py = (np.empty_like(x) for _ in range(6))
    for _ in range(iterations):
        np.multiply(x, x, out=r2)
        r2 += y * y
        np.subtract(r2, 1.0, out=c)
        c *= 4.0
        # g = c * (x, y); |g| = |c| * |x|
        np.sqrt(r2, out=n)
        n *= np.abs(c)
        np.divide(rho, n, out=s, where=n > 0)
        s[n == 0] = 0.0
        s *= c  # x+ = x + (rho / |g|) * c * x
        np.multiply(s, x, out=px)
        px += x
        np.multiply(s, y, out=py)
        py += y
        np.multiply(px, px, out=r2)
        r2 += py * py
        np.subtract(r2, 1.0, out=c)
        c *= 4.0 * eta
        x -= c * px
        y -= c * py
    return x, y


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--grid", type=int, default=1000)
    p.add_argument("--iterations", type=int, default=1000)
    p.add_argument("--rho", type=float, default=1.5)
    p.add_argument("--eta", type=float, default=0.01)
    p.add_argument("--extent", type=float, default=1.5)
    p.add_argument("--repeats", type=int, default=1)
    a = p.parse_args()
    sam_sweep(64, 10, a.rho, a.eta, a.extent)  # warm-up
    best = float("inf")
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        x, y = sam_sweep(a.grid, a.iterations, a.rho, a.eta, a.extent)
        best = min(best, time.perf_counter() - t0)
    steps = a.grid * a.grid * a.iterations
    print(f"numpy {np.__version__} fixed-iteration sweep: ring rho={a.rho} eta={a.eta} "
          f"grid {a.grid}x{a.grid} x {a.iterations} iterations")
    print(f"  best of {a.repeats}: {best:.3f} s, {steps / best:.4g} SAM steps/s "
          f"(mean |x_end| {np.hypot(x, y).mean():.6f})")


if __name__ == "__main__":
    main()
