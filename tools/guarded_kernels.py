"""Kernel managers whose kernels die with their owner: they start the kernel under kernel_guard.py.

``GuardedKernelManager`` is for nbclient (tools/run_notebooks.py); ``GuardedIOLoopKernelManager`` is
for the classic Notebook server (``--MappingKernelManager.kernel_manager_class=guarded_kernels.
GuardedIOLoopKernelManager`` with tools/ on PYTHONPATH; the browser test does this).
"""
import os
import sys
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_client.ioloop import IOLoopKernelManager

GUARD = Path(__file__).with_name("kernel_guard.py")


def guarded(command):
    """The kernel command run under the guard, owned by this process."""
    return [sys.executable, str(GUARD), str(os.getpid()), "--"] + list(command)


class GuardedKernelManager(AsyncKernelManager):
    def format_kernel_cmd(self, extra_arguments=None):
        return guarded(super().format_kernel_cmd(extra_arguments))


class GuardedIOLoopKernelManager(IOLoopKernelManager):
    def format_kernel_cmd(self, extra_arguments=None):
        return guarded(super().format_kernel_cmd(extra_arguments))
