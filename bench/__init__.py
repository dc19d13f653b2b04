# SPDX-License-Identifier: EUPL-1.2
"""Benchmarks that print their figures; run them with ``python -m bench.<name>``."""
