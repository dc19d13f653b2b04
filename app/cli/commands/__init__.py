# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` subcommands: each module registers its parser and a handler."""
