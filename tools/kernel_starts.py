"""Measures how reliably and how fast the course kernel starts, and how fast Kernel > Interrupt stops a cell.

Starts: N kernel starts (default 100) through jupyter_client, each waiting for the kernel_info_reply
("ready") and then running ``1 + 1`` ("first result", which must be ``2``). A start fails when either
does not come within --timeout seconds. Optional --load K runs K busy-looping processes meanwhile
(niced like this script, so other users of the machine keep their share).

Interrupts (--interrupts): in one kernel, for each kind of long cell (a sleep loop, a tight loop, a
loop inside JDK code, a samlab training loop) it starts the cell, waits until the cell has printed
that it is running, sends interrupt_request (the kernelspec's interrupt_mode is "message"), and
measures the time to the cell's execute_reply; the reply must be an error saying the cell was
interrupted, and a following ``1 + 1`` must answer ``2``.

Run: ./course kernel-starts [-n 100] [--load 2] [--interrupts] (uses build/jupyter's kernelspec).
Exit 1 if any start or interrupt failed.
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

TRAINING = """import samlab.experiments.*;
import samlab.train.*;
ImageDataset train = SyntheticImages.create(200, 10, 1, 28, 28, 0.5, 1);
ImageDataset test = SyntheticImages.create(100, 10, 1, 28, 28, 0.5, 2);
"""
CASES = {
    "sleep loop": 'System.out.println("running"); while (true) { Thread.sleep(50); }',
    "tight loop": 'System.out.println("running"); long s = 0; for (long i = 0; ; i++) { s += i ^ (s >>> 3); }',
    "training loop": 'System.out.println("running"); RunSpec.fullBatch("sam", 0.05, 1_000_000, 0.5).train(train, test)',
    "loop in JDK code": 'System.out.println("running"); java.math.BigInteger.valueOf(3).pow(400_000_000).bitLength()',
}


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def start(kernel, timeout):
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    devnull = open(os.devnull, "w")
    km.start_kernel(stdout=devnull, stderr=devnull)
    kc = km.client()
    kc.start_channels()
    return km, kc, t0


def stop(km, kc):
    try:
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)


def execute(kc, code, timeout, on_running=None):
    """Runs code; returns (reply content, outputs). Calls on_running() when the cell prints 'running'."""
    msg_id = kc.execute(code)
    outputs = []
    deadline = time.monotonic() + timeout
    reply = None
    idle = False
    while reply is None or not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no reply within {timeout} s")
        try:
            m = kc.get_iopub_msg(timeout=min(left, 0.05))
            if m["parent_header"].get("msg_id") == msg_id:
                outputs.append(m)
                idle = idle or (m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")
                if on_running and m["msg_type"] == "stream" and "running" in m["content"]["text"]:
                    on_running()
                    on_running = None
        except queue.Empty:
            pass
        if reply is not None:
            continue
        try:
            r = kc.get_shell_msg(timeout=0)
            if r["parent_header"].get("msg_id") == msg_id:
                reply = r["content"]
        except queue.Empty:
            pass
    return reply, outputs


def result_text(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def measure_starts(args):
    ready, first, failures = [], [], []
    for i in range(args.n):
        km = kc = None
        try:
            km, kc, t0 = start(args.kernel, args.timeout)
            kc.wait_for_ready(timeout=args.timeout)
            t_ready = time.monotonic() - t0
            reply, outputs = execute(kc, "1 + 1", args.timeout)
            t_first = time.monotonic() - t0
            if reply["status"] != "ok" or result_text(outputs) != "2":
                raise RuntimeError(f"1 + 1 gave {reply['status']} {result_text(outputs)!r}")
            ready.append(t_ready)
            first.append(t_first)
        except Exception as e:  # any failure of this start is the measurement
            failures.append(f"start {i + 1}: {type(e).__name__}: {e}")
            print(f"  start {i + 1} FAILED: {e}", file=sys.stderr)
        finally:
            if km is not None:
                stop(km, kc)
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{args.n} starts, {len(failures)} failed", file=sys.stderr)
    return {"starts": args.n, "failed": len(failures), "failures": failures,
            "ready_median_s": statistics.median(ready) if ready else None,
            "ready_p95_s": percentile(ready, 95),
            "first_result_median_s": statistics.median(first) if first else None,
            "first_result_p95_s": percentile(first, 95)}


def measure_interrupts(args):
    out = {}
    km, kc, _ = start(args.kernel, args.timeout)
    try:
        kc.wait_for_ready(timeout=args.timeout)
        reply, outputs = execute(kc, TRAINING, 120)
        if reply["status"] != "ok":
            raise RuntimeError(f"training set-up failed: {reply}")
        for name, code in CASES.items():
            if args.cases and name not in args.cases:
                continue
            times, problems = [], []
            for trial in range(args.trials):
                sent = {}

                def interrupt():
                    time.sleep(args.run_for)
                    sent["t"] = time.monotonic()
                    km.interrupt_kernel()

                try:
                    reply, outputs = execute(kc, code, args.run_for + 30, on_running=interrupt)
                    took = time.monotonic() - sent["t"] if "t" in sent else float("nan")
                    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
                    said = any("interrupted" in (e["evalue"] + " ".join(e["traceback"])) for e in errors)
                    if reply["status"] != "error" or not said:
                        problems.append(f"trial {trial + 1}: reply {reply['status']}, errors {errors}")
                    after, after_out = execute(kc, "1 + 1", 30)
                    if after["status"] != "ok" or result_text(after_out) != "2":
                        problems.append(f"trial {trial + 1}: the next cell gave {after['status']}")
                    times.append(took)
                except Exception as e:
                    problems.append(f"trial {trial + 1}: {type(e).__name__}: {e}")
                    break  # a kernel that did not stop may still be busy
            out[name] = {"seconds": [round(t, 3) for t in times], "max_s": max(times) if times else None,
                         "problems": problems}
            print(f"  {name}: {out[name]}", file=sys.stderr)
    finally:
        stop(km, kc)
    return out


JEMALLOC = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
JEMALLOC_CONF = "retain:true,dirty_decay_ms:-1,muzzy_decay_ms:-1"
TRAIN_CELL = 'RunSpec.fullBatch("sam", 0.05, {epochs}, 0.5).train(SyntheticImages.create(1000, 10, 1, 28, 28, 0.5, 1), test).toTable().rowCount()'


def kernel_memory_kib(km):
    """(VmRSS, VmHWM) of the kernel process in KiB, from /proc."""
    pid = km.provisioner.process.pid
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def measure_jemalloc(args):
    """Alternating kernels without and with jemalloc preloaded: training-cell time and kernel memory."""
    runs = {"plain": [], "jemalloc": []}
    for r in range(args.jemalloc_rounds):
        for variant in ("plain", "jemalloc"):
            env = dict(os.environ)
            if variant == "jemalloc":
                env.update(LD_PRELOAD=JEMALLOC, MALLOC_CONF=JEMALLOC_CONF)
            km = KernelManager(kernel_name=args.kernel)
            km.start_kernel(env=env, stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=args.timeout)
                reply, _ = execute(kc, TRAINING, 120)
                assert reply["status"] == "ok", reply
                execute(kc, TRAIN_CELL.format(epochs=2), 300)  # warm-up: ND4J's start, JIT
                t = time.monotonic()
                reply, out = execute(kc, TRAIN_CELL.format(epochs=args.epochs), 600)
                took = time.monotonic() - t
                assert reply["status"] == "ok", reply
                rss, hwm = kernel_memory_kib(km)
                runs[variant].append({"cell_s": round(took, 2), "rss_mib": rss // 1024, "peak_mib": hwm // 1024})
                print(f"  round {r + 1} {variant}: {runs[variant][-1]}", file=sys.stderr)
            finally:
                stop(km, kc)
    med = {v: {k: statistics.median(x[k] for x in runs[v]) for k in ("cell_s", "rss_mib", "peak_mib")}
           for v in runs}
    return {"epochs": args.epochs, "runs": runs, "median": med,
            "time_ratio_jemalloc_over_plain": med["jemalloc"]["cell_s"] / med["plain"]["cell_s"],
            "peak_ratio_jemalloc_over_plain": med["jemalloc"]["peak_mib"] / med["plain"]["peak_mib"]}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("-n", type=int, default=100, help="kernel starts (default 100; 0 for none)")
    p.add_argument("--load", type=int, default=0, help="busy-looping processes to run meanwhile (default 0)")
    p.add_argument("--interrupts", action="store_true", help="also measure Kernel > Interrupt")
    p.add_argument("--trials", type=int, default=3, help="interrupts per kind of cell (default 3)")
    p.add_argument("--run-for", type=float, default=1.5, help="seconds a cell runs before the interrupt")
    p.add_argument("--timeout", type=float, default=30, help="seconds a start may take (default 30)")
    p.add_argument("--kernel", default="samlab-java")
    p.add_argument("--cases", nargs="*", choices=list(CASES), help="interrupt only these kinds of cell")
    p.add_argument("--jemalloc-rounds", type=int, default=0,
                   help="rounds of a training cell in kernels without and with jemalloc preloaded (default 0)")
    p.add_argument("--epochs", type=int, default=30, help="full-batch epochs of that training cell")
    p.add_argument("--json", help="also write the results to this file")
    args = p.parse_args()
    if args.n < 0 or args.load < 0 or args.trials < 1 or args.timeout <= 0:
        print(f"kernel_starts: -n {args.n}, --load {args.load} must be >= 0, --trials {args.trials} >= 1, "
              f"--timeout {args.timeout} > 0", file=sys.stderr)
        return 2
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.load)]
    try:
        result = {"kernel": args.kernel, "load_processes": args.load, "loadavg_before": os.getloadavg()}
        if args.n:
            result["starts"] = measure_starts(args)
        if args.interrupts:
            result["interrupts"] = measure_interrupts(args)
        if args.jemalloc_rounds:
            result["jemalloc"] = measure_jemalloc(args)
        result["loadavg_after"] = os.getloadavg()
    finally:
        for b in busy:
            b.kill()
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    failed = result.get("starts", {}).get("failed", 0)
    failed += sum(1 for r in result.get("interrupts", {}).values() if r["problems"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
