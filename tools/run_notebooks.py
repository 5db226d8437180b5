"""Headless course runner: executes notebooks in order with Jupyter's nbclient, writes executed
copies (signed as trusted, so their HTML outputs render) and HTML, prints one line per notebook and a
final "N passed, M failed" line.

Called by ``./course execute``; needs nbclient, nbformat and nbconvert (Debian: python3-nbclient,
jupyter-nbconvert). The kernelspec is found through JUPYTER_PATH, which ``./course`` sets.

Exit status: 0 all passed, 1 some notebook failed (a missing or unreadable notebook is a failure and
the batch goes on), 2 bad arguments, 130 interrupted (Ctrl-C; the summary is still printed).

Kernels run in their own process group under tools/kernel_guard.py, which kills them when this runner
exits, however it exits (also SIGKILL). A kernel start that does not answer within --startup-timeout
seconds is killed and retried, up to --retries times; retries are counted in the notebook's line.
"""
import argparse
import asyncio
import atexit
import json
import logging
import os
import re
import signal
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat.sign import NotebookNotary

from guarded_kernels import GuardedKernelManager

START_FAILURES = ("didn't respond", "Kernel died before replying")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Interrupted(Exception):
    """Ctrl-C (SIGINT) or SIGTERM while a notebook ran."""


class Client(NotebookClient):
    """nbclient's client, except that SIGINT/SIGTERM cancel the run (one clean exception, the kernel
    killed at once) instead of nbclient's handler, which shuts the kernel down under a running cell
    and surfaces as a chain of tracebacks."""

    interrupted = False

    async def async_start_new_kernel(self, **kwargs):
        # Called after nbclient installed its signal handlers; ours replace them for this run.
        task, loop = asyncio.current_task(), asyncio.get_running_loop()

        def on_signal():
            self.interrupted = True
            self.shutdown_kernel = "immediate"
            task.cancel()

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal)
        return await super().async_start_new_kernel(**kwargs)


def first_error(nb):
    """(cell index, 'ename: evalue') of the first cell with an error output, or None."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return index, f"{out.get('ename', '')}: {out.get('evalue', '')}".strip()
    return None


def read_notebook(path: Path):
    """The notebook, or raises ValueError with one line saying why it cannot be run."""
    if not path.exists():
        missing = next((p for p in [*reversed(path.parents), path] if not p.exists()), path)
        raise ValueError(f"no such {'file' if missing == path else 'folder'}: {missing}")
    if not path.is_file():
        raise ValueError(f"not a file: {path}")
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
        return nb
    except OSError as e:
        raise ValueError(f"cannot read {path}: {e.strerror or e}") from None
    except (nbformat.reader.NotJSONError, json.JSONDecodeError, UnicodeDecodeError):
        raise ValueError(f"not a notebook (not JSON): {path}") from None
    except Exception as e:  # nbformat's ValidationError and its conversion errors
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ValueError(f"not a valid notebook: {path} ({first})") from None


def write_html(executed: Path, html: Path):
    try:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_filename(str(executed))
        html.write_text(body, encoding="utf-8")
        return None
    except Exception as e:  # HTML is a convenience; a missing template must not fail the run
        return f"no HTML ({type(e).__name__}: {e})"


def execute_once(client, nb, log: Path, retries: int, args):
    """One attempt; returns (ok, detail, retry): retry when the kernel did not start and may be retried."""
    try:
        # The kernel's own chatter, kept for diagnosis (a fresh log per run, all attempts in it).
        with open(log, "a" if retries else "w", encoding="utf-8") as kernel_output:
            client.execute(stdout=kernel_output, stderr=kernel_output)
        return True, None, False
    except CellTimeoutError as e:
        where = first_error(nb)
        detail = (f"cell {where[0]}: " if where else "") + \
            f"timed out after {args.cell_timeout} s (set with ./course execute --timeout S)"
        return False, detail + "\n    " + ANSI.sub("", str(e)).strip().splitlines()[0], False
    except CellExecutionError as e:
        where = first_error(nb)
        head = f"cell {where[0]}: {where[1]}" if where else str(e).strip().splitlines()[-1]
        lines = ANSI.sub("", str(e)).strip().splitlines()[:40]
        return False, head + "\n" + "\n".join("    " + line for line in lines), False
    except DeadKernelError as e:
        return False, f"kernel died: {e}", False
    except RuntimeError as e:
        atexit.unregister(client._cleanup_kernel)  # nbclient already killed the kernel that did not start
        if any(s in str(e) for s in START_FAILURES) and client.code_cells_executed == 0 \
                and retries < args.retries:
            return False, str(e), True
        return False, f"kernel: {e}", False


def run_one(path: Path, out_dir: Path, args):
    """Executes one notebook; returns (ok, seconds, retries, detail). Raises Interrupted."""
    started = time.monotonic()
    retries = 0
    try:
        read_notebook(path)
    except ValueError as e:
        return False, time.monotonic() - started, 0, str(e)
    while True:
        nb = nbformat.read(str(path), as_version=4)
        client = Client(
            nb,
            kernel_name=args.kernel,
            kernel_manager_class=GuardedKernelManager,
            timeout=args.cell_timeout,
            startup_timeout=args.startup_timeout,
            resources={"metadata": {"path": str(path.parent.resolve())}},
        )
        log = out_dir / (path.stem + ".kernel.log")
        try:
            ok, detail, retry = execute_once(client, nb, log, retries, args)
        except (asyncio.CancelledError, KeyboardInterrupt):
            client.interrupted = True
        if client.interrupted:  # whatever nbclient made of the cancelled run
            logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # its half-finished poll tasks
            save(nb, path, out_dir)
            raise Interrupted()
        if retry:
            retries += 1
            print(f"  {path.name}: kernel did not start ({detail}); retry {retries} of {args.retries}",
                  file=sys.stderr, flush=True)
            continue
        break
    save(nb, path, out_dir)
    return ok, time.monotonic() - started, retries, detail


def merge_streams(nb):
    """Joins consecutive stdout (or stderr) outputs of a cell into one: the kernel sends a line at a
    time, and a notebook in git should hold one text block per stream, not one output per line."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                    and merged[-1].get("name") == out.get("name")):
                merged[-1]["text"] += out["text"]
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged
    return nb


def save(nb, path: Path, out_dir: Path):
    """Writes the executed copy (signed: its outputs are this run's own) and its HTML."""
    executed = out_dir / path.name
    merge_streams(nb)
    try:
        NotebookNotary().sign(nb)
    except Exception as e:  # an unwritable signature database must not lose the executed copy
        print(f"  {path.name}: not marked trusted ({type(e).__name__}: {e})", file=sys.stderr)
    nbformat.write(nb, str(executed))
    html_problem = write_html(executed, executed.with_suffix(".html"))
    if html_problem:
        print(f"  {path.name}: {html_problem}", file=sys.stderr)


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse would print the whole usage first)
        print(f"course execute: {message} (see --help)", file=sys.stderr)
        sys.exit(2)


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of seconds") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def main(argv=None):
    p = Parser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="*", help="notebooks to run (default: --dir's *.ipynb in order)")
    p.add_argument("--dir", default="notebooks", help="folder whose notebooks run when none are named")
    p.add_argument("--mode", choices=["fast", "full"], default="full")
    p.add_argument("--out", default="build/notebooks", help="folder for executed copies and HTML")
    p.add_argument("--kernel", default="samlab-java")
    p.add_argument("--startup-timeout", type=positive_int, default=20,
                   help="seconds for the kernel to answer (it is ready in 2-7 s on a loaded 2-core VM)")
    p.add_argument("--retries", type=int, choices=range(0, 11), default=3, metavar="0..10",
                   help="start-up retries per notebook")
    p.add_argument("--cell-timeout", "--timeout", type=positive_int, default=1800, help="seconds per cell")
    args = p.parse_args(argv)

    paths = [Path(n) for n in args.notebooks] or sorted(Path(args.dir).glob("*.ipynb"))
    if not paths:
        print(f"course execute: no notebooks found in {args.dir}/", file=sys.stderr)
        return 2
    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        print(f"course execute: no Jupyter kernel named '{args.kernel}' (JUPYTER_PATH="
              f"{os.environ.get('JUPYTER_PATH', '')}); ./course builds it", file=sys.stderr)
        return 2
    out_dir = Path(args.out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"course execute: cannot create --out {out_dir}: {e.strerror or e}", file=sys.stderr)
        return 2
    os.environ["SAMLAB_MODE"] = args.mode  # inherited by the kernel; read by samlab.course.Course

    passed = failed = 0
    current = None
    try:
        for current in paths:
            ok, seconds, retries, detail = run_one(current, out_dir, args)
            note = f"  ({retries} start-up {'retry' if retries == 1 else 'retries'})" if retries else ""
            print(f"{'PASS' if ok else 'FAIL'}  {current.name:<40} {seconds:7.1f} s{note}", flush=True)
            if detail:
                print("      " + detail.replace("\n", "\n      "), flush=True)
            passed += ok
            failed += not ok
            current = None
    except (Interrupted, KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the summary short
        failed += current is not None  # the notebook that was running
        not_run = len(paths) - passed - failed
        where = f" in {current.name}" if current is not None else ""
        print(f"STOP  interrupted{where}; {not_run} not run", flush=True)
        print(f"{passed} passed, {failed} failed")
        return 130
    print(f"executed copies and HTML in {out_dir}/", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
