# SPDX-License-Identifier: EUPL-1.2
"""The serve room: the contract's HTTP API (Starlette) over any EligibilityPort.

api (routes), problems (problem documents), bodies (strict parsing), limits (size, type,
time), throttle (failed sign-ins), connections (uvicorn protocol: head deadline, connection
cap), tls, server (the uvicorn configuration), access_log and metrics (observability).

May use eligibility; never the desk, the settings form or the command line.
"""
