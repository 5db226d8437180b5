#!/usr/bin/env bash
# The study's sweeps (issue 9): a queue of `samlab sweep` invocations, one per (experiment, arm, seed),
# worked off by WORKERS parallel single-threaded JVMs in priority order (E0, E2, E1). Every invocation is
# resumable (`samlab sweep` skips finished runs and resumes from checkpoints), so re-running this script
# after an interruption continues where it stopped. Log: sweeps.log (one line per start/end, with the load).
#   usage: SAMLAB_DATA=/work/shared/data CP=<samlab jar + lib/*> [STUDY_QUEUE=mnist|e3] data/results/study/sweeps.sh [WORKERS]
# STUDY_QUEUE=mnist (default): E0 (the confound), E2 (mechanism), E1 (practical regime), E4 (appended), queue.txt;
# STUDY_QUEUE=e3: E3 (CIFAR-10, small BatchNorm CNN), queue-e3.txt. The two queues ran in different sessions
# with different builds (see README.md), so each is planned and worked off on its own.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
workers="${1:-2}"
: "${CP:?set CP to the samlab jar and its lib/* (a copy, so that rebuilding the checkout does not change running sweeps)}"
export OMP_NUM_THREADS=1   # one thread per JVM: two threads per JVM on a loaded 2-core machine ran ~15x slower
run() { java --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" samlab.cli.Main sweep "$@"; }

# E0/E2: the committed full-batch setting (1,000 MNIST images, MLP 784-256-10, plain GD steps).
FB="--dataset mnist --train-per-class 100 --test-per-class 100 --model mlp --momentum 0 --weight-decay 0 --eval-samples 0 --batch 0 --checkpoint-every 50 --hessian-iterations 20"
# E1: the practical regime (4,000 images, all 2,000 test images, batch 128, lr 0.1 cosine to 0).
MB="--dataset mnist --train-per-class 400 --test-per-class 0 --model mlp --momentum 0 --weight-decay 0 --eval-samples 500 --batch 128 --lr 0.1 --lr-schedule cosine --checkpoint-every 2 --diagnostics-every 2"

study_queue="${STUDY_QUEUE:-mnist}"
case "$study_queue" in
  mnist) qfile=queue.txt; next=.next ;;
  e3) qfile=queue-e3.txt; next=.next-e3 ;;
  *) echo "sweeps.sh: STUDY_QUEUE must be mnist or e3, not '$study_queue'" >&2; exit 2 ;;
esac
queue=()
if [ "$study_queue" = mnist ]; then
# E0 at eta = 0.5 (the committed setting, 200 steps): per-step diagnostics to see the first SAM steps.
for s in 1 2 3; do
  queue+=("e0-confound/eta0.5/sam|$FB --lr 0.5 --epochs 200 --diagnostics-every 1 --hessian-every 100 --optimizers sam --rhos 2,5,10 --seeds $s")
  queue+=("e0-confound/eta0.5/warm0.1|$FB --lr 0.5 --epochs 200 --diagnostics-every 1 --hessian-every 100 --optimizers sam --rhos 2,5,10 --warm-start 0.1 --seeds $s")
done
queue+=("e0-confound/eta0.5/gd|$FB --lr 0.5 --epochs 400 --diagnostics-every 5 --hessian-every 100 --optimizers sgd --seeds 1,2,3")
# E0 at eta = 0.05 and E2: SAM runs 600 steps (E0 reads them at step 400: full batch and constant lr make
# the first 400 steps identical to a 400-step run); warm start 10% of 400 steps; GD 1,200 steps (read at 400,
# 600, 800 and 1,200 for equal steps and equal gradient evaluations).
for s in 1 2 3; do
  queue+=("e2-mechanism/sam|$FB --lr 0.05 --epochs 600 --diagnostics-every 5 --hessian-every 200 --optimizers sam --rhos 2,5,10 --seeds $s")
  queue+=("e0-confound/eta0.05/warm0.1|$FB --lr 0.05 --epochs 400 --diagnostics-every 5 --hessian-every 200 --optimizers sam --rhos 2,5,10 --warm-start 0.1 --seeds $s")
done
queue+=("e2-mechanism/gd|$FB --lr 0.05 --epochs 1200 --diagnostics-every 10 --hessian-every 400 --optimizers sgd --seeds 1,2,3")
# E1: mini-batch, shrunk to fit the CPU budget: 10 epochs (not ~30), rho in {0.1, 0.5, 2, 5} (not 1),
# diagnostics every 2 epochs on 500 probe images, no Hessian estimates.
for s in 1 2 3; do
  queue+=("e1-practical/sam|$MB --epochs 10 --optimizers sam --rhos 0.1,0.5,2,5 --seeds $s")
  queue+=("e1-practical/warm0.1|$MB --epochs 10 --optimizers sam --rhos 0.1,0.5,2,5 --warm-start 0.1 --seeds $s")
  queue+=("e1-practical/decay|$MB --epochs 10 --optimizers sam --rhos 0.1,0.5,2,5 --rho-final 0 --seeds $s")
done
queue+=("e1-practical/sgd|$MB --epochs 10 --optimizers sgd --seeds 1,2,3")
queue+=("e1-practical/sgd-2x|$MB --epochs 20 --optimizers sgd --seeds 1,2,3")
queue+=("e1-practical/grow-to-2|$MB --epochs 10 --optimizers sam --rhos 0 --rho-final 2 --seeds 1,2,3")
# E4 (appended at 17:25 UTC when E1 ran faster than planned): at rho = 2, a warm start by fraction (10%) vs a
# fixed number of plain epochs, at two run lengths; len10-fraction0.1 is E1's warm0.1 arm at rho = 2.
queue+=("e4-fraction/len10-epochs2|$MB --epochs 10 --optimizers sam --rhos 2 --warm-start-epochs 2 --seeds 1,2,3")
queue+=("e4-fraction/len20-fraction0.1|$MB --epochs 20 --optimizers sam --rhos 2 --warm-start 0.1 --seeds 1,2,3")
queue+=("e4-fraction/len20-epochs1|$MB --epochs 20 --optimizers sam --rhos 2 --warm-start-epochs 1 --seeds 1,2,3")
queue+=("e4-fraction/len20-sam|$MB --epochs 20 --optimizers sam --rhos 2 --seeds 1,2,3")
fi
# E3: CIFAR-10 (JPEG copy), 5,000 training images (500/class) with crop+flip, 2,000 test images (200/class),
# the small BatchNorm CNN (--model smallcnn), SGD momentum 0.9, lr 0.1 cosine, weight decay 5e-4, batch 128,
# 20 epochs; evaluation and diagnostics every 2 epochs on 2,000 training probe images; no Hessian estimates
# (one estimate at w and w+ costs ~16 SAM epochs here). rho in {0.05, 0.2, 0.5, 1} for every arm first, then
# rho = 2 (the large-rho end, last so that it is the part cut if the budget runs out).
CF="--dataset cifar10 --train-per-class 500 --test-per-class 200 --model smallcnn --augment cifar --momentum 0.9 --weight-decay 5e-4 --lr 0.1 --lr-schedule cosine --batch 128 --eval-every 2 --diagnostics-every 2 --checkpoint-every 5"
if [ "$study_queue" = e3 ]; then
  queue+=("e3-cifar/sgd|$CF --epochs 20 --optimizers sgd --seeds 1,2,3")
  for s in 1 2 3; do
    queue+=("e3-cifar/sam|$CF --epochs 20 --optimizers sam --rhos 0.05,0.2,0.5,1 --seeds $s")
    queue+=("e3-cifar/warm0.1|$CF --epochs 20 --optimizers sam --rhos 0.05,0.2,0.5,1 --warm-start 0.1 --seeds $s")
    queue+=("e3-cifar/decay|$CF --epochs 20 --optimizers sam --rhos 0.05,0.2,0.5,1 --rho-final 0 --seeds $s")
  done
  queue+=("e3-cifar/sgd-2x|$CF --epochs 40 --optimizers sgd --seeds 1,2,3")
  for s in 1 2 3; do
    queue+=("e3-cifar/sam|$CF --epochs 20 --optimizers sam --rhos 2 --seeds $s")
    queue+=("e3-cifar/warm0.1|$CF --epochs 20 --optimizers sam --rhos 2 --warm-start 0.1 --seeds $s")
    queue+=("e3-cifar/decay|$CF --epochs 20 --optimizers sam --rhos 2 --rho-final 0 --seeds $s")
  done
fi

if [ "$workers" = queue ]; then printf '%s\n' "${queue[@]}"; exit 0; fi
if [ "$workers" != worker ]; then
  printf '%s\n' "${queue[@]}" > "$qfile"
  : > "$next"
fi
log() { echo "$(date -u +%FT%TZ) worker $1 $2 (load $(cut -d' ' -f1-3 /proc/loadavg))" >> sweeps.log; }
worker() {
  local id=$1 i line dir args t0
  while true; do
    i=$(flock "$next" sh -c 'n=$(wc -l < "$1"); echo x >> "$1"; echo $n' sh "$next")
    line=$(sed -n "$((i + 1))p" "$qfile")
    [ -z "$line" ] && break
    dir="${line%%|*}"; args="${line#*|}"
    mkdir -p "$dir"; t0=$(date +%s)
    log "$id" "start $dir :: $args"
    # shellcheck disable=SC2086
    if run $args --dir "$dir" > "$dir/.sweep-$id-$i.out" 2>&1; then
      log "$id" "done  $dir :: $args :: $(( $(date +%s) - t0 )) s"
    else
      log "$id" "FAILED $dir :: $args :: see $dir/.sweep-$id-$i.out"
    fi
  done
}
if [ "$workers" = worker ]; then worker "$2"; exit 0; fi
# Each worker in its own session: with the kernel's autogroup scheduling (on here), CPU is shared between
# sessions first, so workers in one session would share one session's share.
for w in $(seq 1 "$workers"); do setsid "$0" worker "$w" & done
wait
log 0 "all done"
