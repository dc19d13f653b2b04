# SPDX-License-Identifier: EUPL-1.2
"""PySide6 views: they present app/ state and forward what staff do."""
