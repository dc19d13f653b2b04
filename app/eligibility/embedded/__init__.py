# SPDX-License-Identifier: EUPL-1.2
"""The embedded engine: rules as data over imported source lists, in-process.

The engine, the rules (``rules/``: rule files, their tests, checks and sentences), the source
lists on SQLite (``lists/``: list files, a person's rows, the pseudonymised store and its
database), the store protocol with the SQLite ledger and the PostgreSQL store (``pg_*`` and
``migrations/``, for several serve instances), and the training store of sample citizens.
May use the port and wire models beside it; never the remote client, the desk, audit or the
command line.
"""
