#!/usr/bin/env python3
"""Of all the samples in a perf recording (bench/profile.sh), the share that had a frame matching REGEX on the stack,
then the N functions most often found below it (inclusive shares of all samples).

  python3 bench/profile.py bench/out/profile.perf 'PaperCardHtml::WriteTo' 30
"""
import collections, re, subprocess, sys

data, focus, n = sys.argv[1], re.compile(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 30
script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], capture_output=True, text=True).stdout

def short(frame):
    frame = re.sub(r"\[(OptimizedTier1|Optimized|PreJIT|QuickJitted)\]", "", frame)
    frame = re.sub(r"^(instance |static )?(class |valuetype )?\S+ ", "", frame)  # the return type
    return re.sub(r"\(.*", "", frame).strip()[-110:]

total = under = 0
counts = collections.Counter()
for block in script.split("\n\n"):
    frames = [line.strip().split(" ", 1)[-1] for line in block.strip().splitlines()]  # the leaf first
    if not frames:
        continue
    total += 1
    top = next((i for i, frame in enumerate(frames) if focus.search(frame)), None)
    if top is None:
        continue
    under += 1
    counts.update(set(short(frame) for frame in frames[:top + 1]))
print(f"{100 * under / max(total, 1):.1f}% of {total} samples")
for frame, count in counts.most_common(n):
    print(f"{100 * count / total:6.2f}%  {frame}")
