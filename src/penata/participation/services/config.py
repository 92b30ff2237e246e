"""The instansi's participation settings (admin only)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Instansi
from penata.participation import access
from penata.participation.models import ParticipationSettings

FIELDS = (
    "response_hours",
    "followup_hours",
    "skm_weighting",
    "skm_period_kind",
    "forum_moderation",
)
MAX_HOURS = 24 * 60


@transaction.atomic
def settings_update(
    *,
    actor: Any,
    instansi: Instansi,
    response_hours: int,
    followup_hours: int,
    skm_weighting: str,
    skm_period_kind: str,
    forum_moderation: str,
) -> ParticipationSettings:
    """Change SLA targets (hours), IKM weighting, survey period and forum moderation.

    New targets apply to complaints received (response) or assigned (follow-up) from now on;
    earlier deadlines stay as they were promised.
    """
    if not access.is_admin(actor, instansi.pk):
        raise PermissionDenied("Hanya admin yang dapat mengubah pengaturan partisipasi.")
    for field, hours in (("response_hours", response_hours), ("followup_hours", followup_hours)):
        if not 1 <= hours <= MAX_HOURS:
            raise ValidationFailed(
                "settings.hours", f"Target harus 1–{MAX_HOURS} jam.", {"field": field}
            )
    if skm_weighting not in ("rounded", "exact"):
        raise ValidationFailed("settings.weighting", "Pembobotan tidak dikenal.")
    if skm_period_kind not in ("quarter", "semester", "year"):
        raise ValidationFailed("settings.period", "Periode survei tidak dikenal.")
    if forum_moderation not in ("pre", "post"):
        raise ValidationFailed("settings.moderation", "Cara moderasi tidak dikenal.")
    found, _ = ParticipationSettings.objects.select_for_update().get_or_create(instansi=instansi)
    before = audit.snapshot(found, FIELDS)
    found.response_hours = response_hours
    found.followup_hours = followup_hours
    found.skm_weighting = skm_weighting
    found.skm_period_kind = skm_period_kind
    found.forum_moderation = forum_moderation
    found.save()
    audit.record(
        actor=actor,
        action="participation.settings",
        obj=found,
        instansi_id=instansi.pk,
        before=before,
        after=audit.snapshot(found, FIELDS),
    )
    return found
