"""Shape of the real corpus, measured once, so the synthetic corpus looks like it.

Derived from ``../shared/corpus`` (60 legacy + 20 modern real Azure tutorials)
by ``python -m benchmarks.synth.calibrate ../shared/corpus``: file sizes in bytes per dialect
(minimum, the nine deciles, maximum) and, read through ``generator.pipeline.load``, the mean
per tutorial of top-level steps, sub-steps, images and callouts. The benchmark never reads
the real corpus; rerun the calibration and paste its output here if the corpus changes.
"""

from __future__ import annotations

# Share of legacy tutorials in the real corpus (60 of 80).
LEGACY_SHARE = 0.75

# Bytes per file: min, deciles 10..90, max.
SIZE_QUANTILES = {
    "legacy": (1383, 5367, 6546, 7265, 7784, 8206, 8536, 8823, 9743, 11181, 13609),
    "modern": (3429, 3992, 5447, 7048, 7794, 9932, 11225, 12108, 12635, 14738, 17029),
}

# Means per tutorial (legacy, modern): top-level steps, sub-steps, images, callouts.
MEAN_STEPS = {"legacy": 18.6, "modern": 21.1}
MEAN_SUBSTEPS = {"legacy": 6.5, "modern": 4.8}
MEAN_IMAGES = {"legacy": 15.8, "modern": 13.3}
MEAN_CALLOUTS = {"legacy": 1.8, "modern": 2.5}
