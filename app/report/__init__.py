# SPDX-License-Identifier: EUPL-1.2
"""The report room: the take-up picture for a city, from the audit store's records.

Counts per service and week or month (checks, the share with a right, overrides by reason,
manual decisions, checks without an advice by problem, desks, batch runs), small cells
suppressed, as CSV, a self-contained HTML page, or a PNG. Reads the audit store; never the
desk, serve or the command line. Charts need matplotlib (the optional extra ``report``).
"""
