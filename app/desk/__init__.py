# SPDX-License-Identifier: EUPL-1.2
"""The desk room: the counter's flow without widgets.

The workflow (state machine), its immutable state snapshots, the card thread, the
headless flow behind ``baliecheck check``, the training cards, DeskApp, which runs
them on their threads for the window in ui/, and the desk's start before Qt loads.
May use eligibility, audit, settings and eid; never the command line or serve. No Qt.
"""
