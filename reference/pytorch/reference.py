#!/usr/bin/python3
"""PyTorch reference of convergence4j's TestNetwork experiments (seminar 5, parts 2-4).

The same network, heads, data, hyper-parameters and per-epoch metrics as the Java code, so the two
implementations can be compared number for number and timed side by side:

  TestNetwork: Conv2d(1->2, 3x3, pad 1) -> MaxPool 2 -> ReLU -> Conv2d(2->4, 3x3, pad 1) -> MaxPool 2
               -> ReLU -> flatten (4*7*7 = 196, channel-major) -> head -> LogSoftmax, NLLLoss
  heads (196 -> 128 -> 128 -> 10):
    baseline     Linear-ReLU x2 -> Linear
    dropout      Linear -> Dropout(0.3) -> ReLU x2 -> Linear
    dropconnect  DropConnect(p=0.8) -> ReLU x2 -> DropConnect(p=0.8)   (all three layers, as the task asks)
    batchnorm    Linear -> BatchNorm1d -> ReLU x2 -> Linear
    layernorm    Linear -> LayerNorm (per example, eps 1e-5) -> ReLU x2 -> Linear
    rmsnorm      Linear -> RMSNorm (g*x/sqrt(mean(x^2)+1e-8)) -> ReLU x2 -> Linear   (beyond the seminar)

Initialization as the Java code: conv and linear weights PyTorch's default U(-1/sqrt(fanIn), 1/sqrt(fanIn)),
their biases 0; DropConnect weights and biases both U(-1/sqrt(nIn), 1/sqrt(nIn)); norm gains 1, shifts 0.
Training as the seminar's train_utils.train: Adam(lr 1e-3), batch 128, training set reshuffled every epoch;
per epoch the mean over batches of batch loss and batch accuracy (train: training mode, before each update;
test: evaluation mode, after the epoch).

Modes:
  reference.py --variant baseline --epochs 20 --seed 1          train, print per-epoch metrics
  reference.py --variant baseline --bench 100                   time training steps, print one JSON line
  reference.py --logits DIR                                     log-probabilities for weights exported by Java

Runs with Debian's python3-torch: use /usr/bin/python3 (see README.md beside this file).
"""

import argparse
import gzip
import json
import math
import os
import struct
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.1307, 0.3081
SIDE, FEATURES, HIDDEN, CLASSES = 28, 4 * 7 * 7, 128, 10
BATCH = 128
LEARNING_RATE = 1e-3
DROPCONNECT_P = 0.8  # keep probability
DROPOUT = 0.3  # drop probability
LAYERNORM_EPS = 1e-5  # as org.convergence4j.layers.LayerNormalization.EPSILON
RMSNORM_EPS = 1e-8  # as org.convergence4j.layers.RMSNorm.EPSILON


# ---------------------------------------------------------------------------------------------- data

def data_dir(option):
    """--data-dir, else $CONVERGENCE4J_DATA, else $XDG_CACHE_HOME or ~/.cache, /convergence4j/mnist (as the Java code)."""
    if option:
        return Path(option)
    if os.environ.get("CONVERGENCE4J_DATA", "").strip():
        return Path(os.environ["CONVERGENCE4J_DATA"])
    cache = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "convergence4j" / "mnist"


def read_idx(directory, name, magic):
    """The payload of IDX file `name` (plain or .gz) in `directory`, after checking its magic number."""
    path = directory / name
    if not path.exists() and (directory / (name + ".gz")).exists():
        path = directory / (name + ".gz")
    if not path.exists():
        sys.exit(f"error: {path} is missing; provision MNIST first (run any Java section, see the project README)")
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    found, = struct.unpack(">i", raw[:4])
    if found != magic:
        sys.exit(f"error: {path} has magic number {found}, expected {magic}")
    dims = struct.unpack(">" + "i" * (magic & 0xff), raw[4:4 + 4 * (magic & 0xff)])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def load_split(directory, prefix):
    """Images normalized as (pixel/255 - 0.1307)/0.3081 (computed in double, stored float32 as in Java), labels."""
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte", 0x803)
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte", 0x801)
    # A 256-entry table: each pixel value normalized once, in double, without a float64 copy of the images.
    table = ((np.arange(256, dtype=np.float64) / 255.0 - MEAN) / STD).astype(np.float32)
    x = table[images.reshape(len(images), SIDE * SIDE)]
    return torch.from_numpy(x), torch.from_numpy(labels.astype(np.int64))


# -------------------------------------------------------------------------------------------- layers

class DropConnect(nn.Module):
    """y = x (W*M)^T + b, M ~ Bernoulli(p) per weight, drawn afresh every training forward pass and shared by
    the batch; bias unmasked. Inference uses the expectation p*W. p is the keep probability."""

    def __init__(self, n_in, n_out, p=DROPCONNECT_P):
        super().__init__()
        self.p = p
        bound = 1 / math.sqrt(n_in)
        self.weight = nn.Parameter(torch.empty(n_out, n_in).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(n_out).uniform_(-bound, bound))

    def forward(self, x):
        if self.training:
            weight = self.weight * torch.bernoulli(torch.full_like(self.weight, self.p))
        else:
            weight = self.weight * self.p
        return F.linear(x, weight, self.bias)


class RMSNorm(nn.Module):
    """y = g * x / sqrt(mean(x^2) + eps) per example (Zhang & Sennrich 2019), g initialized to 1."""

    def __init__(self, n, eps=RMSNORM_EPS):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(n))

    def forward(self, x):
        return self.weight * x / torch.sqrt(x.pow(2).mean(dim=1, keepdim=True) + self.eps)


def linear(n_in, n_out):
    """nn.Linear with PyTorch's default weight init and a zero bias (as the Java TestNetwork)."""
    layer = nn.Linear(n_in, n_out)
    nn.init.zeros_(layer.bias)
    return layer


def head(variant):
    sizes = [FEATURES, HIDDEN, HIDDEN]
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        if variant == "baseline":
            layers += [linear(n_in, n_out), nn.ReLU()]
        elif variant == "dropout":
            layers += [linear(n_in, n_out), nn.Dropout(DROPOUT), nn.ReLU()]
        elif variant == "dropconnect":
            layers += [DropConnect(n_in, n_out), nn.ReLU()]
        elif variant == "batchnorm":
            layers += [linear(n_in, n_out), nn.BatchNorm1d(n_out), nn.ReLU()]
        elif variant == "layernorm":
            layers += [linear(n_in, n_out), nn.LayerNorm(n_out, eps=LAYERNORM_EPS), nn.ReLU()]
        elif variant == "rmsnorm":
            layers += [linear(n_in, n_out), RMSNorm(n_out), nn.ReLU()]
        else:
            raise ValueError(f"unknown variant {variant!r}; known: {', '.join(VARIANTS)}")
    layers.append(DropConnect(HIDDEN, CLASSES) if variant == "dropconnect" else linear(HIDDEN, CLASSES))
    return nn.Sequential(*layers)


VARIANTS = ["baseline", "dropout", "dropconnect", "batchnorm", "layernorm", "rmsnorm"]


class TestNetwork(nn.Module):
    """The seminar's order: convolution -> max-pool -> ReLU (Java fuses the ReLU before pooling: same function)."""

    def __init__(self, variant):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3, padding=1)
        self.conv2 = nn.Conv2d(2, 4, 3, padding=1)
        nn.init.zeros_(self.conv1.bias)
        nn.init.zeros_(self.conv2.bias)
        self.head = head(variant)

    def forward(self, x):
        x = x.view(-1, 1, SIDE, SIDE)
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        return F.log_softmax(self.head(torch.flatten(x, 1)), dim=1)


# ------------------------------------------------------------------------------------------ training

def train_batch(net, optimizer, x, y):
    """One Adam step; returns the batch loss and accuracy of the training-mode forward pass (tensors)."""
    optimizer.zero_grad()
    log_probs = net(x)
    loss = F.nll_loss(log_probs, y)
    loss.backward()
    optimizer.step()
    return loss.detach(), (log_probs.argmax(1) == y).float().mean()


def evaluate(net, x, y):
    """Evaluation-mode mean over batches of batch loss and batch accuracy."""
    net.eval()
    losses, accuracies = [], []
    with torch.no_grad():
        for start in range(0, len(x), BATCH):
            log_probs = net(x[start:start + BATCH])
            target = y[start:start + BATCH]
            losses.append(F.nll_loss(log_probs, target).item())
            accuracies.append((log_probs.argmax(1) == target).float().mean().item())
    return sum(losses) / len(losses), sum(accuracies) / len(accuracies)


def train_epoch(net, optimizer, x, y, order):
    """Training-mode mean over batches (in `order`) of batch loss and batch accuracy, one Adam step per batch."""
    net.train()
    losses, accuracies = [], []
    for start in range(0, len(order), BATCH):
        rows = order[start:start + BATCH]
        loss, accuracy = train_batch(net, optimizer, x[rows], y[rows])
        losses.append(loss.item())
        accuracies.append(accuracy.item())
    return sum(losses) / len(losses), sum(accuracies) / len(accuracies)


def build(variant, seed):
    torch.manual_seed(seed)
    net = TestNetwork(variant)
    return net, torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)


def run(args):
    train_x, train_y = load_split(data_dir(args.data_dir), "train")
    test_x, test_y = load_split(data_dir(args.data_dir), "t10k")
    variants = VARIANTS if args.variant == "all" else [args.variant]
    print("variant,epoch,train_loss,test_loss,train_accuracy,test_accuracy,seconds", flush=True)
    for variant in variants:
        net, optimizer = build(variant, args.seed)
        shuffle = torch.Generator().manual_seed(args.seed)
        for epoch in range(1, args.epochs + 1):
            start = time.perf_counter()
            train_loss, train_accuracy = train_epoch(net, optimizer, train_x, train_y,
                                                     torch.randperm(len(train_x), generator=shuffle))
            test_loss, test_accuracy = evaluate(net, test_x, test_y)
            print(f"{variant},{epoch},{train_loss:.6f},{test_loss:.6f},{train_accuracy:.6f},{test_accuracy:.6f},"
                  f"{time.perf_counter() - start:.2f}", flush=True)


# ----------------------------------------------------------------------------------------- benchmark

def peak_rss_mb():
    """VmHWM of this process (peak resident set), in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def loaded_blas():
    """Paths of the BLAS/LAPACK libraries mapped into this process (which libblas.so.3 the alternatives chose)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line}
    return sorted(os.path.realpath(p) for p in paths if "blas" in os.path.basename(p) or "lapack" in os.path.basename(p))


def bench(args):
    """Times `--bench N` training steps after `--warmup` untimed ones, on batches cut in file order from the start
    of the training set (the Java benchmark cuts the same ones), then one evaluation pass over the test set (79
    batches). Steps run through train_epoch, the loop of a real run. The estimate of an epoch is 469 steps plus
    that evaluation."""
    train_x, train_y = load_split(data_dir(args.data_dir), "train")
    test_x, test_y = load_split(data_dir(args.data_dir), "t10k")
    batches_per_epoch = math.ceil(len(train_x) / BATCH)
    if args.warmup + args.bench > batches_per_epoch:
        sys.exit(f"error: --warmup {args.warmup} + --bench {args.bench} exceeds the {batches_per_epoch} batches of one "
                 f"epoch; use fewer steps")
    net, optimizer = build(args.variant, args.seed)
    warmup = torch.arange(args.warmup * BATCH)
    timed = torch.arange(args.warmup * BATCH, (args.warmup + args.bench) * BATCH)
    if args.warmup:
        train_epoch(net, optimizer, train_x, train_y, warmup)
        evaluate(net, test_x[:BATCH], test_y[:BATCH])
    start, start_cpu = time.perf_counter(), time.process_time()
    train_epoch(net, optimizer, train_x, train_y, timed)
    step_seconds = (time.perf_counter() - start) / args.bench
    cpu_step_seconds = (time.process_time() - start_cpu) / args.bench
    start, start_cpu = time.perf_counter(), time.process_time()
    evaluate(net, test_x, test_y)
    eval_seconds = time.perf_counter() - start
    cpu_eval_seconds = time.process_time() - start_cpu
    print(json.dumps({
        "framework": "pytorch",
        "variant": args.variant,
        "warmup": args.warmup,
        "steps": args.bench,
        "step_seconds": step_seconds,
        "steps_per_second": 1 / step_seconds,
        "eval_seconds": eval_seconds,
        "epoch_seconds": batches_per_epoch * step_seconds + eval_seconds,
        "cpu_step_seconds": cpu_step_seconds,
        "cpu_eval_seconds": cpu_eval_seconds,
        "peak_rss_mb": peak_rss_mb(),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "mkldnn": torch.backends.mkldnn.is_available(),
        "blas": loaded_blas(),
        "env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
    }), flush=True)


# ----------------------------------------------------------------------------------- agreement check

def logits(directory):
    """Loads the parameters and input batch exported by the Java side into `directory` and writes the
    evaluation-mode log-probabilities to `directory`/log_probs.f32 (little-endian float32, [batch, 10]).

    manifest.json: {"variant": name, "input": {"file", "shape"}, "parameters": [{"name", "file", "shape"}, ...]};
    the parameters come in the order of this network's state_dict (buffers included, num_batches_tracked
    excluded), already in PyTorch's layout ([out, in] for linear weights)."""
    manifest = json.loads((directory / "manifest.json").read_text())
    net = TestNetwork(manifest["variant"].lower())
    state = {k: v for k, v in net.state_dict().items() if not k.endswith("num_batches_tracked")}
    exported = manifest["parameters"]
    if len(exported) != len(state):
        sys.exit(f"error: {directory}/manifest.json lists {len(exported)} parameters, the {manifest['variant']} network "
                 f"has {len(state)}: {list(state)}")
    loaded = {}
    for (key, tensor), entry in zip(state.items(), exported):
        values = np.fromfile(directory / entry["file"], dtype="<f4").reshape(entry["shape"])
        if tuple(values.shape) != tuple(tensor.shape):
            sys.exit(f"error: parameter {entry['name']} has shape {list(values.shape)} but {key} needs "
                     f"{list(tensor.shape)}")
        loaded[key] = torch.from_numpy(values.copy())
    net.load_state_dict(loaded, strict=False)
    net.eval()
    x = torch.from_numpy(np.fromfile(directory / manifest["input"]["file"], dtype="<f4")
                         .reshape(manifest["input"]["shape"]).copy())
    with torch.no_grad():
        out = net(x)
    out.numpy().astype("<f4").tofile(directory / "log_probs.f32")
    print(json.dumps({"log_probs": str(directory / "log_probs.f32"), "shape": list(out.shape)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", default="baseline", choices=VARIANTS + ["all"], help="head to train (default baseline)")
    parser.add_argument("--epochs", type=int, default=20, help="training epochs (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of initialization, shuffling and masks (default 1)")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads (default 1)")
    parser.add_argument("--data-dir", help="MNIST IDX files (default $CONVERGENCE4J_DATA or ~/.cache/convergence4j/mnist)")
    parser.add_argument("--bench", type=int, metavar="N", help="time N training steps on fixed batches; print JSON")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps before --bench (default 20)")
    parser.add_argument("--logits", type=Path, metavar="DIR", help="log-probabilities for weights exported by Java")
    args = parser.parse_args()
    if args.threads < 1 or args.epochs < 0 or (args.bench is not None and args.bench < 1) or args.warmup < 0:
        parser.error("--threads and --bench must be >= 1, --epochs and --warmup >= 0")
    torch.set_num_threads(args.threads)
    if args.logits:
        logits(args.logits)
    elif args.bench:
        if args.variant == "all":
            parser.error("--bench times one variant; name it with --variant")
        bench(args)
    else:
        run(args)


if __name__ == "__main__":
    main()
