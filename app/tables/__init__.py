# SPDX-License-Identifier: EUPL-1.2
"""Tables people make in spreadsheets: opening the CSV files Excel writes, whatever its locale.

A room of its own because two others read such files: the embedded engine's source lists
(``sources import``) and population runs (``batch``). Uses the standard library only; it
imports no other room, so either can use it without pulling in the other.
"""
