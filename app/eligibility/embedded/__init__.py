# SPDX-License-Identifier: EUPL-1.2
"""The embedded engine: rules as data over imported source lists, in-process.

The engine, the rules (``rules/``: rule files, their tests, checks and sentences), the source
store (pseudonymised lists and their columns in SQLite; ``source_rows`` the values it answers
with), reading list files, and the training store of sample citizens. May use the port and wire
models beside it; never the remote client, the desk, audit or the command line.
"""
