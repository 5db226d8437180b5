"""Tests of the headless runner (run_notebooks.py) against the real 'samlab-java' kernel and a fake
kernel that never answers. Run by `./course test`, which builds the kernelspec and sets JUPYTER_PATH."""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

RUNNER = Path(__file__).with_name("run_notebooks.py")
KERNELSPEC = {"name": "samlab-java", "display_name": "Java (samlab)", "language": "java"}


def notebook(folder: Path, name: str, *cells: str) -> Path:
    path = folder / name
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells], metadata={"kernelspec": KERNELSPEC}),
                   str(path))
    return path


def run(*args, env=None):
    return subprocess.run([sys.executable, str(RUNNER), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.out = self.dir / "out"

    def tearDown(self):
        self.tmp.cleanup()

    def test_passing_and_failing_notebooks_in_order_with_summary(self):
        good = notebook(self.dir, "01-good.ipynb",
                        'System.out.println(System.getenv("SAMLAB_MODE") + " " + Course.fast());')
        bad = notebook(self.dir, "02-bad.ipynb", "int a = 1;", "int b = a / 0;", 'System.out.println("never");')
        r = run("--mode", "fast", "--out", self.out, good, bad)
        lines = r.stdout.splitlines()
        self.assertEqual(1, r.returncode, r.stdout + r.stderr)
        self.assertTrue(lines[0].startswith("PASS  01-good.ipynb"), lines)
        self.assertTrue(any(l.startswith("FAIL  02-bad.ipynb") for l in lines), lines)
        self.assertIn("cell 1: ", r.stdout)           # the failing cell's index (0-based)
        self.assertIn("/ by zero", r.stdout)
        self.assertIn("int b = a / 0;", r.stdout)     # the failing cell's source
        self.assertEqual("1 passed, 1 failed", lines[-1])
        # The mode reached the kernel; executed copies and HTML were written, the failed one up to its error.
        executed = nbformat.read(str(self.out / "01-good.ipynb"), as_version=4)
        self.assertEqual("fast true\n", executed.cells[0].outputs[0]["text"])
        self.assertTrue((self.out / "01-good.html").stat().st_size > 1000)
        failed = nbformat.read(str(self.out / "02-bad.ipynb"), as_version=4)
        self.assertEqual("error", failed.cells[1].outputs[0]["output_type"])
        self.assertEqual([], failed.cells[2].outputs)

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

    def test_missing_notebook_is_a_usage_error(self):
        r = run("--out", self.out, self.dir / "nope.ipynb")
        self.assertEqual(2, r.returncode)
        self.assertIn("nope.ipynb", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
