# SPDX-License-Identifier: EUPL-1.2
"""The source lists on SQLite: reading a list file (``files``), a person's rows on the lists
(``rows``), the pseudonymised store (``store``) and its SQLite file (``database``), which the
engine's SQLite ledger shares. May use the shared small modules and app.tables; never the
remote client, the desk, the audit or the command line. PostgreSQL's store is ``pg_store``."""
