"""`vllm bench serve` without installing vLLM: runs the unmodified client code extracted from the
vLLM wheel (vllm/benchmarks/ and vllm/utils/argparse_utils.py, see setup-clients.sh).

The full wheel pulls CUDA torch; the serving benchmark itself only needs aiohttp, numpy,
transformers and a handful of other `vllm.*` names (logger, tokenizer loader, gc/network helpers,
LoRA/multimodal types that the random dataset never uses). This file provides those names as
small stand-in modules, points the `vllm` package's `__path__` at the extracted folder so every
real module is imported from there, and builds the `vllm bench serve` argument parser exactly as
`vllm/entrypoints/cli/benchmark/main.py` does (subcommand `bench`, then `serve`, with the client's
own `add_cli_args`), then calls the client's own `main(args)`.

Usage:  VLLM_EXTRACTED=/tmp/vllm-client/wheel python vllm_cli_standin.py bench serve [options]
(setup-clients.sh installs a `vllm` wrapper that does this.)
"""
import gc
import logging
import os
import sys
import types

EXTRACTED = os.environ.get("VLLM_EXTRACTED", "/tmp/vllm-client/wheel")


def module(name, **attrs):
    """Registers a stand-in module `name` (and its parents) in sys.modules."""
    mod = sys.modules.get(name) or types.ModuleType(name)
    mod.__dict__.update(attrs)
    sys.modules[name] = mod
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(module(parent), child, mod)
    return mod


def package(name):
    """A stand-in package whose __path__ also points at the extracted wheel folder."""
    path = os.path.join(EXTRACTED, *name.split("."))
    return module(name, __path__=[path] if os.path.isdir(path) else [])


# --- vllm and the subpackages the client imports from -------------------------------------
vllm = package("vllm")
from vllm._version import __version__  # noqa: E402  (the real version file from the wheel)
vllm.__version__ = __version__
for name in ("vllm.utils", "vllm.lora", "vllm.multimodal", "vllm.transformers_utils", "vllm.inputs"):
    package(name)


def init_logger(name):
    return logging.getLogger(name)


logging.basicConfig(format="%(levelname)s %(asctime)s [%(filename)s:%(lineno)d] %(message)s",
                    datefmt="%m-%d %H:%M:%S", level=logging.INFO)
module("vllm.logger", init_logger=init_logger)


def get_tokenizer(tokenizer_name, *args, tokenizer_mode="auto", trust_remote_code=False, **kwargs):
    from transformers import AutoTokenizer
    return AutoTokenizer.from_pretrained(tokenizer_name, trust_remote_code=trust_remote_code)


module("vllm.tokenizers", TokenizerLike=object, get_tokenizer=get_tokenizer)


def freeze_gc_heap():  # same as vllm/utils/gc_utils.py
    gc.collect(0)
    gc.collect(1)
    gc.collect(2)
    gc.freeze()


def join_host_port(host, port):  # same as vllm/utils/network_utils.py
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class PlaceholderModule:
    """Like vllm/utils/import_utils.py: raises the ImportError only when used."""

    def __init__(self, name):
        self._name = name

    def placeholder_attr(self, attr_path):
        return self

    def __getattr__(self, key):
        import importlib
        importlib.import_module(self._name)


def unavailable(what):
    def fail(*args, **kwargs):
        raise NotImplementedError(f"{what} is not available in the stand-in vllm package")
    return fail


class LoRARequest:
    def __init__(self, *args, **kwargs):
        unavailable("LoRA")()


module("vllm.utils.gc_utils", freeze_gc_heap=freeze_gc_heap)
module("vllm.utils.network_utils", join_host_port=join_host_port)
module("vllm.utils.import_utils", PlaceholderModule=PlaceholderModule)
module("vllm.utils.mistral", is_mistral_tokenizer=lambda tokenizer: False)
module("vllm.inputs", MultiModalDataDict=dict)
module("vllm.lora.request", LoRARequest=LoRARequest)
module("vllm.lora.utils", get_adapter_absolute_path=unavailable("LoRA"))
module("vllm.multimodal.audio", get_audio_duration=unavailable("audio"))
module("vllm.multimodal.image", convert_image_mode=unavailable("images"))
module("vllm.multimodal.utils", encode_image_url=unavailable("images"), fetch_image=unavailable("images"))
module("vllm.transformers_utils.repo_utils", hf_api=unavailable("the Hugging Face hub"))

# --- the CLI: `vllm bench serve` as in vllm/entrypoints/cli/{main,benchmark/main}.py ----------
from vllm.benchmarks.serve import add_cli_args, main  # noqa: E402  (real client code)
from vllm.utils.argparse_utils import FlexibleArgumentParser  # noqa: E402  (real)

if __name__ == "__main__":
    parser = FlexibleArgumentParser(description="vLLM CLI", prog="vllm")
    subparsers = parser.add_subparsers(required=True, dest="subparser")
    bench = subparsers.add_parser("bench", usage="vllm bench <bench_type> [options]")
    bench_types = bench.add_subparsers(required=True, dest="bench_type")
    serve = bench_types.add_parser("serve", help="Benchmark the online serving throughput.",
                                   description="Benchmark the online serving throughput.",
                                   usage="vllm bench serve [options]")
    add_cli_args(serve)
    args = parser.parse_args()
    main(args)
