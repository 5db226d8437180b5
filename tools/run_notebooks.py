"""Headless course runner: executes notebooks in order with Jupyter's nbclient, writes executed
copies and HTML, prints one line per notebook and a final "N passed, M failed" line.

Called by ``./course execute``; needs nbclient, nbformat and nbconvert (Debian: python3-nbclient,
jupyter-nbconvert). The kernelspec is found through JUPYTER_PATH, which ``./course`` sets.

The rapaio kernel sometimes hangs at start-up (a race in its channel threads, ~1 start in 10), so a
start that does not answer within --startup-timeout seconds is killed and retried, up to --retries
times; retries are counted in the notebook's line.
"""
import argparse
import atexit
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

START_FAILURES = ("didn't respond", "Kernel died before replying")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_error(nb):
    """(cell index, 'ename: evalue') of the first cell with an error output, or None."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return index, f"{out.get('ename', '')}: {out.get('evalue', '')}".strip()
    return None


def write_html(executed: Path, html: Path):
    try:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_filename(str(executed))
        html.write_text(body, encoding="utf-8")
        return None
    except Exception as e:  # HTML is a convenience; a missing template must not fail the run
        return f"no HTML ({type(e).__name__}: {e})"


def run_one(path: Path, out_dir: Path, args):
    """Executes one notebook; returns (ok, seconds, retries, detail)."""
    started = time.monotonic()
    retries = 0
    while True:
        nb = nbformat.read(str(path), as_version=4)
        client = NotebookClient(
            nb,
            kernel_name=args.kernel,
            timeout=args.cell_timeout,
            startup_timeout=args.startup_timeout,
            resources={"metadata": {"path": str(path.parent.resolve())}},
        )
        detail = None
        log = out_dir / (path.stem + ".kernel.log")
        try:
            # The kernel's own chatter, kept for diagnosis (a fresh log per run, all attempts in it).
            with open(log, "a" if retries else "w", encoding="utf-8") as kernel_output:
                client.execute(stdout=kernel_output, stderr=kernel_output)
            ok = True
        except (CellExecutionError, CellTimeoutError) as e:
            ok = False
            where = first_error(nb)
            head = f"cell {where[0]}: {where[1]}" if where else str(e).strip().splitlines()[-1]
            lines = ANSI.sub("", str(e)).strip().splitlines()[:40]
            detail = head + "\n" + "\n".join("    " + line for line in lines)
        except RuntimeError as e:
            atexit.unregister(client._cleanup_kernel)  # nbclient already killed the kernel that did not start
            if any(s in str(e) for s in START_FAILURES) and client.code_cells_executed == 0 \
                    and retries < args.retries:
                retries += 1
                print(f"  {path.name}: kernel did not start ({e}); retry {retries} of {args.retries}",
                      file=sys.stderr, flush=True)
                continue
            ok = False
            detail = f"kernel: {e}"
        break
    executed = out_dir / path.name
    nbformat.write(nb, str(executed))
    html_problem = write_html(executed, executed.with_suffix(".html"))
    if html_problem:
        print(f"  {path.name}: {html_problem}", file=sys.stderr)
    return ok, time.monotonic() - started, retries, detail


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb in order)")
    p.add_argument("--mode", choices=["fast", "full"], default="full")
    p.add_argument("--out", default="build/notebooks", help="folder for executed copies and HTML")
    p.add_argument("--kernel", default="samlab-java")
    p.add_argument("--startup-timeout", type=int, default=20,
                   help="seconds for the kernel to answer (it is ready in 2-7 s on a loaded 2-core VM)")
    p.add_argument("--retries", type=int, default=3, help="start-up retries per notebook")
    p.add_argument("--cell-timeout", type=int, default=1800, help="seconds per cell")
    args = p.parse_args(argv)

    paths = [Path(n) for n in args.notebooks] or sorted(Path("notebooks").glob("*.ipynb"))
    missing = [str(n) for n in paths if not n.is_file()]
    if missing:
        print("course execute: no such notebook: " + ", ".join(missing), file=sys.stderr)
        return 2
    if not paths:
        print("course execute: no notebooks found in notebooks/", file=sys.stderr)
        return 2
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["SAMLAB_MODE"] = args.mode  # inherited by the kernel; read by samlab.Course

    passed = failed = 0
    for path in paths:
        ok, seconds, retries, detail = run_one(path, out_dir, args)
        note = f"  ({retries} start-up {'retry' if retries == 1 else 'retries'})" if retries else ""
        print(f"{'PASS' if ok else 'FAIL'}  {path.name:<40} {seconds:7.1f} s{note}", flush=True)
        if detail:
            print("      " + detail.replace("\n", "\n      "), flush=True)
        passed += ok
        failed += not ok
    print(f"executed copies and HTML in {out_dir}/", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
