"""Kernel protocol smoke test for the 'samlab-java' kernel with Debian's jupyter_kernel_test.

Prints one line per protocol check; any failing check fails the run (exit 1). Every check the
kernel supports is exercised: kernel_info, execute_result, stdout, stderr, error, is_complete,
completion, inspect and display_data (an HTML table, a PNG chart at its own size, a progress bar).
History is not kept by the kernel, so that check is skipped. Called by ``./course smoke``.
"""
import os
import sys
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel


class SamlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "samlab-java"
    language_name = "java"
    file_extension = ".jshell"
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    complete_code_samples = ["int x = 1;", "System.out.println(1);", "1 + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "double[] d = {1,"]
    code_execute_result = [{"code": "6 * 7", "result": "42"},
                           {"code": "new int[] {1, 2, 3}", "result": "int[3] { 1, 2, 3 }"}]
    completion_samples = [{"text": "Samlab.vers", "matches": {"version()"}}]
    code_inspect_sample = "Math.max"
    code_display_data = [
        {"code": 'display(Table.create("t", IntColumn.create("k", 1, 2)));', "mime": "text/html"},
        {"code": 'XYChart c = new XYChartBuilder().width(300).height(200).title("smoke").build();\n'
                 'c.addSeries("s", new double[] {0, 1}, new double[] {0, 1});\n'
                 'display(c);', "mime": "image/png"},
        {"code": 'try (Progress p = Course.progress().start("smoke", 2)) { p.advance(2); }',
         "mime": "text/html"},
    ]

    @classmethod
    def setUpClass(cls):
        devnull = open(os.devnull, "w")
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=60,
                                          stdout=devnull, stderr=devnull)


def test_name(test):
    """'test_display_data' for a test or one of its sub-tests (whose ids carry the code sample)."""
    return getattr(test, "test_case", test).id().split(".")[-1]


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(SamlabKernelTests)
    names = [t.id().split(".")[-1] for t in suite]  # the suite forgets its tests as they run
    result = unittest.TestResult()
    suite.run(result)
    failed = {}
    for t, text in result.failures + result.errors:
        failed.setdefault(test_name(t), text)  # the first failing sub-test of each check
    skipped = {test_name(t) for t, _ in result.skipped}
    for name, text in failed.items():
        if not name.startswith("test_"):  # setUpClass failure: the kernel never started
            print("kernel smoke: the kernel did not start:\n" + text, file=sys.stderr)
            return 1
    for name in names:
        status = "skip" if name in skipped else "FAIL" if name in failed else "pass"
        print(f"  {name:<26} {status}")
        if name in failed:
            print("      " + failed[name].strip().splitlines()[-1])
    passed = len(names) - len(failed) - len(skipped)
    # Worded unlike a test runner's closing line: only the notebook runner's summary should read as one.
    print(f"kernel smoke: {passed} checks pass, {len(failed)} fail, {len(skipped)} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
