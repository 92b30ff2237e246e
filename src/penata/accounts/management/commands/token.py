"""`penata token create|revoke|list`: API tokens from the server's command line.

`create` prints the secret once on standard output (alone on its line, so a script can
capture it) and everything else on standard error.
"""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from penata.accounts import selectors, services
from penata.accounts.models import API_TOKEN_DEFAULT_DAYS
from penata.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Kelola token API: buat (token ditampilkan sekali), cabut, atau tampilkan daftarnya."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="{create,revoke,list}"
        )
        create = actions.add_parser("create", help="Buat token untuk pengguna USERNAME.")
        create.add_argument("username", help="Nama pengguna pemilik token")
        create.add_argument("--name", required=True, help="Untuk apa token dipakai")
        create.add_argument(
            "--days",
            type=int,
            default=API_TOKEN_DEFAULT_DAYS,
            help=f"Masa berlaku dalam hari (bawaan {API_TOKEN_DEFAULT_DAYS})",
        )
        revoke = actions.add_parser("revoke", help="Cabut token berdasarkan awalannya.")
        revoke.add_argument("prefix", help="8 karakter pertama token (lihat `penata token list`)")
        actions.add_parser("list", help="Tampilkan semua token (tanpa rahasianya).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "create":
                self._create(options)
            elif options["action"] == "revoke":
                self._revoke(options["prefix"])
            else:
                self._list()
        except ApplicationError as error:
            raise CommandError(f"{error.message} [{error.code}]", returncode=1) from error

    def _create(self, options: dict[str, Any]) -> None:
        user = selectors.user_by_username(options["username"])
        if options["days"] < 1:
            raise CommandError("--days harus paling sedikit 1.", returncode=1)
        expires_at = timezone.now() + dt.timedelta(days=options["days"])
        token, secret = services.api_token_create(
            actor=None, user=user, name=options["name"], expires_at=expires_at
        )
        self.stderr.write(
            f"Token '{token.name}' untuk {user.username} dibuat (awalan {token.prefix}, berlaku "
            f"sampai {timezone.localtime(token.expires_at):%d-%m-%Y %H:%M}). Simpan sekarang; "
            "token tidak akan ditampilkan lagi:"
        )
        self.stdout.write(secret)

    def _revoke(self, prefix: str) -> None:
        token = services.api_token_revoke(actor=None, token=selectors.api_token_by_prefix(prefix))
        self.stdout.write(
            f"Token {token.prefix}… ({token.name}) milik {token.user.username} dicabut."
        )

    def _list(self) -> None:
        now = timezone.now()
        for token in selectors.api_token_list_all():
            if token.revoked_at:
                state = "dicabut"
            elif token.expires_at <= now:
                state = "kedaluwarsa"
            else:
                state = "aktif"
            self.stdout.write(
                f"{token.prefix}  {state:<11}  {token.user.username:<20}  "
                f"{timezone.localtime(token.expires_at):%Y-%m-%d}  {token.name}"
            )
