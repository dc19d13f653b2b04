# SPDX-License-Identifier: EUPL-1.2
"""The application core: configuration, eligibility, the desk workflow, audit. No Qt."""
