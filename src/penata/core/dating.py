"""Effective dating shared by units and positions: rows valid on a date."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def today() -> dt.date:
    return timezone.localdate()


def valid_on(day: dt.date | None = None, prefix: str = "") -> Q:
    """Rows in force on `day`: valid_from <= day < valid_to (open-ended when valid_to is null)."""
    day = day or today()
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


class EffectiveDated(models.Model):
    """valid_from inclusive, valid_to exclusive (null = still in force); legal basis cited."""

    valid_from = models.DateField(_("berlaku sejak"), db_index=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True, db_index=True)
    legal_basis = models.CharField(
        _("dasar hukum"),
        max_length=200,
        blank=True,
        help_text=_("Mis. Perda Kota Surakarta 8/2023 atau Perwali 43/2023."),
    )

    class Meta:
        abstract = True

    def is_current(self, day: dt.date | None = None) -> bool:
        day = day or today()
        return self.valid_from <= day and (self.valid_to is None or self.valid_to > day)
