# SPDX-License-Identifier: EUPL-1.2
"""Service rules as data: rule files (TOML) loaded into frozen objects that decide an advice.

``load`` reads and checks a file (``spec`` its schema, ``sense`` what a schema cannot say,
``build`` its dated versions), ``model`` decides (facts in three values, grounds, validity),
``cases`` runs the rule tests written as data beside the rules, ``lint`` finds what loads but
looks wrong, ``explain`` says a rule in plain sentences. Nothing is ever evaluated as code.
Uses only the contract's wire models and the problem codes; never the store, the desk, the
audit or the command line (which use it).
"""

from app.eligibility.embedded.rules.load import load_rule_file, load_rules
from app.eligibility.embedded.rules.model import Decision, Person, ServiceRules

__all__ = ["Decision", "Person", "ServiceRules", "load_rule_file", "load_rules"]
