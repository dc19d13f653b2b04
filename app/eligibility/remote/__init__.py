# SPDX-License-Identifier: EUPL-1.2
"""The remote backend: the contract spoken over HTTP(S) with httpx, with its sign-in
(bearer or OAuth2) and its deadline-bound transport.

May use the port, the wire models and the problem types beside it; the embedded engine
never imports this room.
"""
