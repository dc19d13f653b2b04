# SPDX-License-Identifier: EUPL-1.2
"""The serve room: the contract's HTTP API (Starlette) over any EligibilityPort.

May use eligibility; never the desk, the settings form or the command line.
"""
