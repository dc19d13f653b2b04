# SPDX-License-Identifier: EUPL-1.2
"""The command line: ``baliecheck`` with its subcommands, their context and words,
selftest and the admin's card diagnostics.

May use every other room; only the composition root's callers (ui/entry.py) import it.
"""
