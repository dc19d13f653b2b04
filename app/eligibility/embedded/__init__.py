# SPDX-License-Identifier: EUPL-1.2
"""The embedded engine: rules as data over imported source lists, in-process.

The engine, the rule files' loader, the source store (pseudonymised lists in SQLite),
reading list files, and the training store of sample citizens. May use the port and wire
models beside it; never the remote client, the desk, audit or the command line.
"""
