# SPDX-License-Identifier: EUPL-1.2
"""Eligibility advice: one interface (port), a remote and an embedded implementation."""
