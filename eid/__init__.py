# SPDX-License-Identifier: EUPL-1.2
"""Smart-card layer: PC/SC and simulated readers, the BELPIC applet, TLV and the national number."""
