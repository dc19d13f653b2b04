# SPDX-License-Identifier: EUPL-1.2
"""The batch room: one service asked for a whole population, from a CSV file to a CSV file.

Reading the input (``ref`` and ``insz``), deciding every row through any EligibilityPort
(embedded or remote, a bounded window of rows in flight), the output written beside its final
place and renamed at the end, the changes since a previous run, and the run's one audit record.
May use eligibility's port and wire models, the audit records, tables and the shared small
modules; never the desk, serve, Qt or the command line (which drives it).
"""
