"""Tests of the headless runner (run_notebooks.py) and `./course execute` against the real 'samlab-java'
kernel and fake kernels (one that never answers, one that ignores SIGTERM). Run by `./course test`,
which builds the kernelspec and sets JUPYTER_PATH."""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import nbformat
from nbformat.sign import NotebookNotary
from nbformat.v4 import new_code_cell, new_notebook

RUNNER = Path(__file__).with_name("run_notebooks.py")
COURSE = Path(__file__).resolve().parent.parent / "course"
KERNELSPEC = {"name": "samlab-java", "display_name": "Java (samlab)", "language": "java"}


def notebook(folder: Path, name: str, *cells: str) -> Path:
    path = folder / name
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells], metadata={"kernelspec": KERNELSPEC}),
                   str(path))
    return path


def run(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, str(RUNNER), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300, cwd=cwd)


def start(*args, env=None):
    """The runner in the background (its output in the returned process's files)."""
    return subprocess.Popen([sys.executable, str(RUNNER), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def wait_for(condition, seconds=120.0):
    """Polls condition until it is true; False if it is not within `seconds` (a generous bound, not a timing)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def fake_kernel(folder: Path, name: str, script: str) -> dict:
    """A kernelspec under folder/kernels/name running `sh -c script`; returns the env that finds it."""
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": ["sh", "-c", script], "display_name": name, "language": "java"}))
    return {"JUPYTER_PATH": str(folder)}


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.out = self.dir / "out"

    def tearDown(self):
        self.tmp.cleanup()

    def test_passing_and_failing_notebooks_in_order_with_summary(self):
        good = notebook(self.dir, "01-good.ipynb",
                        'System.out.println(System.getenv("SAMLAB_MODE") + " " + Course.fast());',
                        'display(Table.create("t", IntColumn.create("k", 1, 2)));')
        bad = notebook(self.dir, "02-bad.ipynb", "int a = 1;", "int b = a / 0;", 'System.out.println("never");')
        text = self.dir / "notes.md"
        text.write_text("# not a notebook\n")
        (self.dir / "empty.ipynb").write_text("{}")
        data_dir = self.dir / "jupyter-data"  # the notary's signature database, away from the user's
        r = run("--mode", "fast", "--out", self.out, good, "notes.md", "no-such-folder/x.ipynb", bad,
                "empty.ipynb", "missing.ipynb", env={"JUPYTER_DATA_DIR": str(data_dir)}, cwd=self.dir)
        lines = r.stdout.splitlines()
        self.assertEqual(1, r.returncode, r.stdout + r.stderr)
        self.assertTrue(lines[0].startswith("PASS  01-good.ipynb"), lines)
        # Unrunnable paths: one line each naming the path as given, and the batch goes on.
        self.assertIn("      not a notebook (not JSON): notes.md", lines)
        self.assertIn("      no such folder: no-such-folder", lines)
        self.assertIn("      no such file: missing.ipynb", lines)
        self.assertTrue(any(l.startswith("      not a valid notebook: empty.ipynb (") for l in lines), lines)
        self.assertTrue(any(l.startswith("FAIL  02-bad.ipynb") for l in lines), lines)
        self.assertIn("cell 1: ", r.stdout)           # the failing cell's index (0-based)
        self.assertIn("/ by zero", r.stdout)
        self.assertIn("int b = a / 0;", r.stdout)     # the failing cell's source
        self.assertNotIn("Traceback", r.stdout + r.stderr)
        self.assertEqual("1 passed, 5 failed", lines[-1])
        # The mode reached the kernel; executed copies and HTML were written, the failed one up to its error.
        executed = nbformat.read(str(self.out / "01-good.ipynb"), as_version=4)
        self.assertEqual("fast true\n", executed.cells[0].outputs[0]["text"])
        self.assertTrue((self.out / "01-good.html").stat().st_size > 1000)
        failed = nbformat.read(str(self.out / "02-bad.ipynb"), as_version=4)
        self.assertEqual("error", failed.cells[1].outputs[0]["output_type"])
        self.assertEqual([], failed.cells[2].outputs)
        # Executed copies are signed (jupyter trust), so the table's HTML renders when opened.
        os.environ["JUPYTER_DATA_DIR"], saved = str(data_dir), os.environ.get("JUPYTER_DATA_DIR")
        try:
            notary = NotebookNotary()
            self.assertTrue(notary.check_signature(executed))
            self.assertTrue(notary.check_signature(failed))
            self.assertFalse(notary.check_signature(nbformat.read(str(good), as_version=4)))
        finally:
            os.environ.pop("JUPYTER_DATA_DIR") if saved is None else os.environ.update(JUPYTER_DATA_DIR=saved)

    def test_kernel_that_never_answers_is_retried_and_counted(self):
        spec = self.dir / "kernels" / "mute"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps(
            {"argv": ["sleep", "60"], "display_name": "mute", "language": "java"}))
        nb = notebook(self.dir, "03-mute.ipynb", "1")
        r = run("--kernel", "mute", "--startup-timeout", "2", "--retries", "2", "--out", self.out, nb,
                env={"JUPYTER_PATH": str(self.dir)})
        self.assertEqual(1, r.returncode, r.stdout + r.stderr)
        self.assertIn("(2 start-up retries)", r.stdout)
        self.assertIn("Kernel didn't respond in 2 seconds", r.stdout)
        self.assertEqual("0 passed, 1 failed", r.stdout.splitlines()[-1])

    def test_bad_arguments_are_one_line_and_exit_2(self):
        nb = notebook(self.dir, "01.ipynb", "1")
        for args, message in [
            (["--timeout", "0"], "course execute: argument --cell-timeout/--timeout: 0 must be at least 1"),
            (["--timeout", "soon"], "'soon' is not a whole number of seconds"),
            (["--kernel", "no-such-kernel"], "no Jupyter kernel named 'no-such-kernel'"),
            (["--mode", "quick"], "invalid choice: 'quick'"),
            (["--dir", self.dir / "empty"], "no notebooks found in"),
        ]:
            with self.subTest(args=args):
                r = run("--out", self.out, *args, *([] if "--dir" in args else [nb]))
                self.assertEqual(2, r.returncode, r.stdout + r.stderr)
                self.assertIn(message, r.stderr)
                self.assertEqual(1, len(r.stderr.strip().splitlines()), r.stderr)
                self.assertEqual("", r.stdout)

    def test_course_execute_refuses_both_mode_flags(self):
        # it used to accept both and let the last win; refused before any build or kernel start
        for flags in (["--fast", "--full"], ["--full", "--timeout", "5", "--fast"]):
            with self.subTest(flags=flags):
                r = subprocess.run([str(COURSE), "execute", *flags, "x.ipynb"], cwd=self.dir, capture_output=True,
                                   text=True, timeout=60)
                self.assertEqual(2, r.returncode, r.stdout + r.stderr)
                first, last = flags[0], flags[-1]
                self.assertEqual(f"course: execute got both {first} and {last}; give one mode: --fast or --full",
                                 r.stderr.strip())
                self.assertEqual("", r.stdout)

    def test_cell_timeout_is_settable_through_course_execute(self):
        nb = notebook(self.dir, "05-slow.ipynb", "int a = 1;", "Thread.sleep(120_000);", "int c = 3;")
        # Paths are taken relative to where ./course runs; a missing folder is named as given (it used to
        # stop ./course with a cd error naming the wrong path).
        r = subprocess.run([str(COURSE), "execute", "--fast", "--timeout", "3", "no-such-folder/x.ipynb", nb.name],
                           cwd=self.dir, capture_output=True, text=True, timeout=300)
        self.assertEqual(1, r.returncode, r.stdout + r.stderr)
        self.assertIn("      no such folder: no-such-folder", r.stdout.splitlines())
        self.assertIn("FAIL  05-slow.ipynb", r.stdout)
        self.assertIn("timed out after 3 s (set with ./course execute --timeout S)", r.stdout)
        self.assertEqual("0 passed, 2 failed", r.stdout.splitlines()[-1])
        r = subprocess.run([str(COURSE), "execute", "--timeout"], capture_output=True, text=True, timeout=300)
        self.assertEqual(2, r.returncode)
        self.assertIn("--timeout needs a number of seconds", r.stderr)

    def test_ctrl_c_prints_one_line_and_the_summary_and_ends_the_kernel(self):
        started = self.dir / "started"
        pid_file = self.dir / "kernel.pid"
        long = notebook(self.dir, "01-long.ipynb",
                        f'java.nio.file.Files.writeString(java.nio.file.Path.of("{pid_file}"), '
                        f'"" + ProcessHandle.current().pid());',
                        f'java.nio.file.Files.writeString(java.nio.file.Path.of("{started}"), "x");',
                        "Thread.sleep(300_000);")
        runner = start("--out", self.out, long, long, long)
        try:
            self.assertTrue(wait_for(started.exists), "the long cell never started")
            kernel = int(pid_file.read_text())
            runner.send_signal(signal.SIGINT)
            out, err = runner.communicate(timeout=60)
        finally:
            runner.kill()
        self.assertEqual(130, runner.returncode, out + err)
        self.assertNotIn("Traceback", out + err)
        self.assertEqual(["STOP  interrupted in 01-long.ipynb; 2 not run", "0 passed, 1 failed"],
                         out.splitlines()[-2:], out + err)
        self.assertTrue(wait_for(lambda: not alive(kernel), 30), "the kernel outlived the runner")
        # What ran before the interrupt is kept.
        kept = nbformat.read(str(self.out / "01-long.ipynb"), as_version=4)
        self.assertEqual(1, kept.cells[0].execution_count)

    def test_kernel_is_killed_when_the_runner_is_killed(self):
        # A kernel that never answers and ignores SIGTERM: the guard must fall back to SIGKILL.
        pid_file = self.dir / "kernel.pid"
        env = fake_kernel(self.dir, "stubborn",
                          f'trap "" TERM; echo $$ > {pid_file}; while :; do sleep 1; done')
        nb = notebook(self.dir, "01.ipynb", "1")
        runner = start("--kernel", "stubborn", "--startup-timeout", "600", "--out", self.out, nb, env=env)
        try:
            self.assertTrue(wait_for(lambda: pid_file.exists() and pid_file.read_text().strip()),
                            "the fake kernel never started")
            kernel = int(pid_file.read_text())
            self.assertTrue(alive(kernel))
            self.assertNotEqual(os.getpgid(runner.pid), os.getpgid(kernel))  # its own process group
            runner.kill()  # SIGKILL: no cleanup code of the runner runs
            runner.communicate(timeout=30)
            self.assertTrue(wait_for(lambda: not alive(kernel), 60), "the kernel outlived the killed runner")
        finally:
            runner.kill()

    def test_notebook_server_kernels_die_with_a_killed_server(self):
        # The browser test's server starts kernels through guarded_kernels.GuardedIOLoopKernelManager.
        import socket
        import urllib.request
        pid_file = self.dir / "kernel.pid"
        env = fake_kernel(self.dir, "stubborn",
                          f'trap "" TERM; echo $$ > {pid_file}; while :; do sleep 1; done')
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             "--port-retries=0", "--NotebookApp.token=t", f"--notebook-dir={self.dir}", "--allow-root",
             "--MappingKernelManager.kernel_manager_class=guarded_kernels.GuardedIOLoopKernelManager"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, **env, "JUPYTER_CONFIG_DIR": str(self.dir / "config"),
                 "JUPYTER_RUNTIME_DIR": str(self.dir / "runtime"), "PYTHONPATH": str(RUNNER.parent)})
        try:
            def post_kernel():
                try:
                    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/kernels", method="POST",
                                                     data=b'{"name": "stubborn"}', headers={"Authorization": "token t"})
                    return urllib.request.urlopen(request, timeout=30).status == 201
                except OSError:
                    return False
            self.assertTrue(wait_for(post_kernel), "the notebook server never started a kernel")
            self.assertTrue(wait_for(lambda: pid_file.exists() and pid_file.read_text().strip()))
            kernel = int(pid_file.read_text())
            server.kill()
            server.wait(timeout=30)
            self.assertTrue(wait_for(lambda: not alive(kernel), 60), "the kernel outlived the killed server")
        finally:
            server.kill()


if __name__ == "__main__":
    unittest.main(verbosity=2)
