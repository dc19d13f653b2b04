# SPDX-License-Identifier: EUPL-1.2
"""The settings room: the configuration file, secrets in the keyring, and the settings
form, file and checks behind the desk's settings dialog.

May use eid (to list readers) and eligibility (to test a connection); never the desk,
audit, serve or the command line.
"""
