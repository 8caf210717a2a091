#!/usr/bin/env bash
# Prepares the benchmark clients used by the run-*.sh scripts in this folder (run once).
#   /tmp/llmb                 a venv with aiohttp (the stub server), Locust and the vLLM client's deps
#   /tmp/tok                  a local tokenizer (no model hub here): ../../../shared/tools/make_tokenizer.py
#   /tmp/vllm-client/wheel    vllm/benchmarks/ (+ argparse_utils, _version) extracted from the vLLM wheel
#   /tmp/vllm-client/bin/vllm `vllm bench serve` through vllm_cli_standin.py (no torch, no CUDA)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
VLLM_VERSION=${VLLM_VERSION:-0.34.0}
python3 -m venv /tmp/llmb
/tmp/llmb/bin/pip install -q aiohttp==3.14.5 locust==2.47.0 numpy tqdm tokenizers transformers \
  pybase64 pillow regex pyyaml
[ -d /tmp/tok ] || HF_HUB_OFFLINE=1 /tmp/llmb/bin/python "$HERE/../../../shared/tools/make_tokenizer.py" /tmp/tok
mkdir -p /tmp/vllm-client/dl /tmp/vllm-client/wheel /tmp/vllm-client/bin
[ -n "$(ls /tmp/vllm-client/dl/vllm-"$VLLM_VERSION"-*.whl 2>/dev/null)" ] || /tmp/llmb/bin/pip download "vllm==$VLLM_VERSION" --no-deps --only-binary :all: -d /tmp/vllm-client/dl
WHEEL=$(ls /tmp/vllm-client/dl/vllm-"$VLLM_VERSION"-*.whl)
sha256sum "$WHEEL"
unzip -q -o "$WHEEL" 'vllm/benchmarks/*' vllm/utils/argparse_utils.py vllm/_version.py \
  "vllm-$VLLM_VERSION.dist-info/METADATA" -d /tmp/vllm-client/wheel
cat > /tmp/vllm-client/bin/vllm <<WRAP
#!/usr/bin/env bash
export VLLM_EXTRACTED=/tmp/vllm-client/wheel HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec /tmp/llmb/bin/python "$HERE/vllm_cli_standin.py" "\$@"
WRAP
chmod +x /tmp/vllm-client/bin/vllm
/tmp/vllm-client/bin/vllm bench serve --help | head -3
