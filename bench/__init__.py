"""The benchmark: `make bench` (`python -m bench`). See README "Benchmark"."""
