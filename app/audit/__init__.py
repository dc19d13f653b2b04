# SPDX-License-Identifier: EUPL-1.2
"""The audit room: what happened at the desk, kept tamper-evident and delivered exactly once.

Records and their hash chain (anchored in the keyring), the SQLite store, retention, export, the
sealed numbers of decisions without advice, the decision recorder and the outbox that
delivers overrides to the backend. May use eligibility's port and wire models (to deliver),
settings and the shared small modules; never the desk, serve or the command line.
"""
