# SPDX-License-Identifier: EUPL-1.2
"""The application core, no Qt, in rooms by capability: desk, audit, settings, eligibility
(remote and embedded), serve, batch, report, tables, cli and problem_texts, plus the
composition root (``services``) and small shared modules. ui/ presents it; it uses eid/; the
rules between the rooms are import-linter contracts in pyproject.toml."""
