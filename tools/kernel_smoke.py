"""Kernel protocol smoke test for the 'samlab-java' kernel with Debian's jupyter_kernel_test.

Prints one line per protocol check. Known gaps of the rapaio kernel 3.0.1 (an execute_result carries
only text/html, a kernel_info_reply that fails the v5 schema, no completions) are reported but do
not fail the run; any other failing check does (exit 1). Called by ``./course smoke``.
"""
import os
import sys
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

KNOWN_GAPS = {"test_execute_result", "test_kernel_info", "test_completion", "test_history"}
START_ATTEMPTS = 4  # the kernel's start-up race hangs about 1 start in 10


class SamlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "samlab-java"
    language_name = "java"
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    complete_code_samples = ["int x = 1;", "System.out.println(1);"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {"]
    code_execute_result = [{"code": "6 * 7", "result": "42"}]
    completion_samples = [{"text": "Samlab.vers", "matches": {"version()"}}]
    code_display_data = [
        {"code": 'display(Table.create("t", IntColumn.create("k", 1, 2)));', "mime": "text/html"},
        {"code": 'XYChart c = new XYChartBuilder().title("smoke").build();\n'
                 'c.addSeries("s", new double[] {0, 1}, new double[] {0, 1});\n'
                 'display(c);', "mime": "image/png"},
        {"code": 'try (Progress p = ProgressSink.current().start("smoke", 2)) { p.advance(2); }',
         "mime": "text/html"},
    ]

    @classmethod
    def setUpClass(cls):
        last = None
        for attempt in range(START_ATTEMPTS):
            try:
                devnull = open(os.devnull, "w")
                cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=20,
                                                  stdout=devnull, stderr=devnull)
                if attempt:
                    print(f"kernel started after {attempt} start-up retries", file=sys.stderr)
                return
            except RuntimeError as e:
                last = e
        raise last


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
    gating_failures = 0
    for name in names:
        if name in skipped:
            status = "skip"
        elif name in failed:
            status = "FAIL (known gap)" if name in KNOWN_GAPS else "FAIL"
            gating_failures += name not in KNOWN_GAPS
        else:
            status = "pass"
        print(f"  {name:<26} {status}")
        if name in failed and name not in KNOWN_GAPS:
            print("      " + failed[name].strip().splitlines()[-1])
    passed = len(names) - len(failed) - len(skipped)
    # Worded unlike a test runner's closing line: only the notebook runner's summary should read as one.
    print(f"kernel smoke (informational): {passed} pass; {len(failed)} fail, of which "
          f"{len([n for n in failed if n in KNOWN_GAPS])} known kernel gaps; {len(skipped)} skip")
    return 1 if gating_failures else 0


if __name__ == "__main__":
    sys.exit(main())
