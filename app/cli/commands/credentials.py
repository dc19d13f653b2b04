# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck credentials set|export|import``: secrets into the OS keyring, and the key's backup.

Secrets and passphrases are read from the terminal (hidden) or stdin, never from the command
line (which the shell history and the process list keep). ``export FILE`` writes the
installation key sealed under a passphrase (app.settings.key_backup, owner-only file);
``import FILE`` puts it back after a keyring reset, and refuses to replace another key unless
``--replace`` is given.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_, translations
from app.private_files import write_private
from app.settings.credentials import KeyringCredentials, SecretName
from app.settings.key_backup import (
    MIN_PASSPHRASE,
    BackupFault,
    KeyBackupError,
    open_key,
    seal_key,
)

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

SETTABLE = (
    SecretName.BEARER_TOKEN,
    SecretName.OAUTH_CLIENT_SECRET,
    SecretName.SERVE_TOKENS,
    SecretName.DATABASE_PASSWORD,
)


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "credentials",
        help=N_("geheimen van de adviesdienst in de sleutelopslag van het systeem bewaren"),
    )
    actions = parser.add_subparsers(dest="action", required=True)
    set_parser = actions.add_parser(
        "set",
        help=N_(
            "een geheim bewaren; het wordt gelezen van de terminal (verborgen) of van stdin, "
            "nooit van de opdrachtregel"
        ),
    )
    set_parser.add_argument("name", choices=[name.value for name in SETTABLE])
    set_parser.set_defaults(handler=run_set)
    export = actions.add_parser(
        "export", help=N_("de installatiesleutel bewaren in BESTAND, verzegeld met een wachtzin")
    )
    export.add_argument("file", type=Path, metavar="FILE")
    export.set_defaults(handler=run_export)
    restore = actions.add_parser(
        "import", help=N_("de installatiesleutel terugzetten uit een reservekopie van 'export'")
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--replace",
        action="store_true",
        help=N_("een andere sleutel in de sleutelopslag vervangen"),
    )
    restore.set_defaults(handler=run_import)


def run_set(args: argparse.Namespace, ctx: CommandContext) -> int:
    name = SecretName(args.name)
    prompt = f"{name.value}: "
    value = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    value = value.strip()
    if not value:
        write_lines(ctx.err, label("secret_empty", ctx.language, name=name.value))
        return EXIT_USAGE
    KeyringCredentials().set(name, value)
    write_lines(ctx.out, label("secret_stored", ctx.language, name=name.value))
    return EXIT_OK


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    _ = translations(ctx.language).gettext
    target: Path = args.file
    key = KeyringCredentials().get(SecretName.PSEUDONYM_KEY)
    if not key:
        write_lines(ctx.err, _("Er staat geen installatiesleutel in de sleutelopslag."))
        return EXIT_FAILED
    if target.exists():
        write_lines(ctx.err, _("{file} bestaat al; kies een nieuw bestand.").format(file=target))
        return EXIT_USAGE
    passphrase = _ask_passphrase(_("Wachtzin: "), confirm=_("Wachtzin nog eens: "))
    if passphrase is None:
        write_lines(ctx.err, _("De twee wachtzinnen verschillen; er werd niets bewaard."))
        return EXIT_USAGE
    if len(passphrase) < MIN_PASSPHRASE:
        words = _("De wachtzin is te kort (minstens {count} tekens); er werd niets bewaard.")
        write_lines(ctx.err, words.format(count=MIN_PASSPHRASE))
        return EXIT_USAGE
    try:
        write_private(target, seal_key(key, passphrase))
    except OSError as exc:
        words = _("{file} kan niet geschreven worden: {reason}")
        write_lines(ctx.err, words.format(file=target, reason=exc.strerror or exc))
        return EXIT_FAILED
    words = _(
        "Installatiesleutel bewaard in {file}. Bewaar het bestand en de wachtzin apart, "
        "buiten deze computer: wie beide heeft, kan de pseudoniemen herleiden."
    )
    write_lines(ctx.out, words.format(file=target))
    return EXIT_OK


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    _ = translations(ctx.language).gettext
    source: Path = args.file
    try:
        data = source.read_bytes()
    except OSError as exc:
        words = _("{file} kan niet gelezen worden: {reason}")
        write_lines(ctx.err, words.format(file=source, reason=exc.strerror or exc))
        return EXIT_USAGE
    passphrase = _ask_passphrase(_("Wachtzin: ")) or ""
    try:
        key = open_key(data, passphrase)
    except KeyBackupError as exc:
        write_lines(ctx.err, _backup_fault(exc.fault, source, ctx))
        return EXIT_FAILED
    credentials = KeyringCredentials()
    present = credentials.get(SecretName.PSEUDONYM_KEY)
    if present == key:
        write_lines(ctx.out, _("Deze installatiesleutel staat al in de sleutelopslag."))
        return EXIT_OK
    if present and not args.replace:
        words = _(
            "Er staat al een andere installatiesleutel in de sleutelopslag; er werd niets "
            "vervangen. Wat onder die sleutel geschreven werd, is niet meer leesbaar als u "
            "hem vervangt: doe dat alleen met --replace, na een reservekopie ervan."
        )
        write_lines(ctx.err, words)
        return EXIT_USAGE
    credentials.set(SecretName.PSEUDONYM_KEY, key)
    words = _("Installatiesleutel teruggezet uit {file}. Controleer met 'baliecheck selftest'.")
    write_lines(ctx.out, words.format(file=source))
    return EXIT_OK


def _backup_fault(fault: BackupFault, source: Path, ctx: CommandContext) -> str:
    _ = translations(ctx.language).gettext
    if fault is BackupFault.WRONG_PASSPHRASE:
        words = _("De wachtzin past niet bij {file} (of het bestand werd gewijzigd).")
    else:
        words = _("{file} is geen reservekopie van een installatiesleutel, of ze is beschadigd.")
    return words.format(file=source)


def _ask_passphrase(prompt: str, *, confirm: str | None = None) -> str | None:
    """From the terminal (hidden; twice with ``confirm``) or one line of stdin; None: differ."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm is not None and getpass.getpass(confirm) != first:
        return None
    return first
