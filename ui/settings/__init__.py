# SPDX-License-Identifier: EUPL-1.2
"""The desk's settings dialog (Beheer → Instellingen…): the dialog and its parts (backend,
desk, connection test row, problems label). Widgets only: the form, its checks and the file
are app.settings'; ui.desk_session opens it. Nothing outside ui/ imports it."""
