"""Starts a kernel that cannot outlive the program that started it.

    python3 kernel_guard.py OWNER_PID -- KERNEL ARGV...

Forks a watcher, then execs the kernel in this process (so the kernel keeps the pid and process group
that jupyter_client recorded for it). The watcher waits until either the owner (the runner or server
whose pid is OWNER_PID) or the kernel exits. If the owner goes first, even by SIGKILL, the watcher
sends SIGTERM to the kernel's process group and SIGKILL 5 s later. jupyter_client starts each kernel
in its own session, so the group holds the kernel and its children, nothing of the owner.

Why not prctl(PR_SET_PDEATHSIG) on the kernel: it fires when the *thread* that forked the kernel
exits, and jupyter_client may launch kernels from a short-lived event-loop thread; a pidfd on the
owner does not depend on which thread started us.
"""
import os
import select
import signal
import sys
import time

GRACE_SECONDS = 5.0


def process_fd(pid):
    """A pidfd for pid (readable once it exits), or None where pidfd_open is unavailable."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def wait_for_first_exit(owner, kernel):
    """Returns "owner" or "kernel", whichever exits first."""
    fds = {process_fd(owner): "owner", process_fd(kernel): "kernel"}
    if None not in fds and alive(owner):
        ready, _, _ = select.select(list(fds), [], [])
        return fds[ready[0]]
    while True:  # no pidfd (old kernel): poll
        if not alive(owner):
            return "owner"
        if os.getppid() != kernel:
            return "kernel"
        time.sleep(0.5)


def watch(owner, kernel):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts are sent to the whole group
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # so is jupyter_client's own SIGTERM
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):  # hold none of the kernel's pipes open
        os.dup2(devnull, fd)
    if wait_for_first_exit(owner, kernel) == "kernel":
        return
    group = os.getpgid(0)
    os.killpg(group, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and alive(kernel):
        time.sleep(0.1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.killpg(group, signal.SIGKILL)  # also ends this watcher


def main(argv):
    if len(argv) < 3 or argv[1] != "--" or not argv[0].isdigit():
        print("usage: kernel_guard.py OWNER_PID -- KERNEL ARGV...", file=sys.stderr)
        return 2
    owner, command = int(argv[0]), argv[2:]
    kernel = os.getpid()
    if os.fork() == 0:
        try:
            watch(owner, kernel)
        finally:
            os._exit(0)
    os.execvp(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
