#!/usr/bin/env bash
# Runs the Binder postBuild steps on this machine into a scratch Jupyter data folder (nothing is
# installed for the user), then executes the welcome notebook with the kernel postBuild registered.
# Run by `./course check-postbuild` and `./course test`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export JUPYTER_DATA_DIR="$scratch/jupyter-data"
unset JUPYTER_PATH
started=$(date +%s)

"$here/postBuild" >"$scratch/postBuild.log" 2>&1 || { cat "$scratch/postBuild.log" >&2; echo "postBuild check: postBuild failed" >&2; exit 1; }

python="$(for py in ${SAMLAB_PYTHON:-} python3 /usr/bin/python3; do
  command -v "$py" >/dev/null && "$py" -c 'import nbclient, jupyter_client' 2>/dev/null && { echo "$py"; break; }; done)"
[ -n "$python" ] || { echo "postBuild check: no Python with nbclient" >&2; exit 1; }

# The kernel must now come from the scratch data folder, and every path it names must exist.
"$python" - "$scratch" <<'PY'
import json, os, sys, glob
from jupyter_client.kernelspec import KernelSpecManager
scratch = sys.argv[1]
spec = KernelSpecManager().get_kernel_spec("samlab-java")
assert spec.resource_dir.startswith(scratch), f"kernel found in {spec.resource_dir}, not in the scratch folder"
argv = spec.argv
paths = [argv[0]] + argv[argv.index("-cp") + 1].split(":")
paths += [a.split("=", 1)[1] for a in argv if a.startswith("-Dsamlab.kernel.init=")]
assert len(paths) >= 4, f"kernel.json names no class path or init script: {argv}"
missing = [p for p in paths if not glob.glob(p)]
assert not missing, f"kernel.json names missing files: {missing}"
PY

cd "$here"
"$python" "$here/tools/run_notebooks.py" --mode fast --out "$scratch/notebooks" notebooks/00-welcome.ipynb \
  >"$scratch/run.log" 2>&1 || { cat "$scratch/run.log" >&2; echo "postBuild check: the registered kernel failed" >&2; exit 1; }
echo "postBuild check: passed ($(( $(date +%s) - started )) s): kernel registered and ran 00-welcome"
