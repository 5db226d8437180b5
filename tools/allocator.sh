# Sourced by ./samlab and ./course: the native allocator for ND4J. jemalloc, when installed, with its
# freed pages kept for reuse (no decay). Measured on ResNet-20 training steps (README, Benchmarks):
# peak RSS 1.05 GiB instead of 1.96-2.26 GiB with glibc malloc, at the same step time; with jemalloc's
# default decay, pages went back to the system and were faulted in again (1.45x slower steps).
# SAMLAB_MALLOC=system keeps the system allocator; SAMLAB_MALLOC=/path/libjemalloc.so.2 picks a file.
case "${SAMLAB_MALLOC:-}" in  # checked here, in the sourcing shell, so that a bad value stops it
  ""|system) ;;
  # a regular, readable shared library: ld.so would only warn (on every process) about a folder or a text file
  /*) { [ -f "$SAMLAB_MALLOC" ] && [ -r "$SAMLAB_MALLOC" ] && [ "$(head -c 4 "$SAMLAB_MALLOC" | tail -c 3)" = ELF ]; } \
        || { echo "samlab: SAMLAB_MALLOC=$SAMLAB_MALLOC is not a readable shared library; allowed: system or the path of libjemalloc.so.2" >&2; exit 2; } ;;
  *) echo "samlab: SAMLAB_MALLOC=$SAMLAB_MALLOC is not allowed; allowed: system or the path of libjemalloc.so.2" >&2; exit 2 ;;
esac
# Prints the library to preload, or fails when there is none (or SAMLAB_MALLOC=system).
samlab_jemalloc() {
  local lib
  case "${SAMLAB_MALLOC:-}" in
    system) return 1 ;;
    /*) echo "$SAMLAB_MALLOC"; return 0 ;;
  esac
  for lib in ${CONDA_PREFIX:+$CONDA_PREFIX/lib/libjemalloc.so.2} /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 \
             /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 /usr/lib64/libjemalloc.so.2 /usr/local/lib/libjemalloc.so.2; do
    [ -r "$lib" ] && { echo "$lib"; return 0; }
  done
  return 1
}
samlab_malloc_conf="${MALLOC_CONF:-dirty_decay_ms:-1,muzzy_decay_ms:-1}"
