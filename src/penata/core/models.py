"""Core models: the append-only audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One write (or one view of specific personal data). Rows are never updated or deleted."""

    instansi_id = models.BigIntegerField(_("instansi"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        # Audit rows are never touched again, not even when a user is deleted: the id and
        # `actor_label` stay as they were.
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("label pelaku"), max_length=150, blank=True)
    action = models.CharField(_("tindakan"), max_length=64, db_index=True)
    object_type = models.CharField(_("jenis objek"), max_length=64)
    object_id = models.CharField(_("id objek"), max_length=64, blank=True)
    object_repr = models.CharField(_("objek"), max_length=255, blank=True)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    request_id = models.CharField(_("id permintaan"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            # Breach look-ups: every access of one kind in a time window (3×24 h, UU PDP).
            models.Index(fields=["action", "created_at"], name="audit_action_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AuditImmutable("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditImmutable("Jejak audit tidak dapat dihapus.")


class AuditImmutable(Exception):
    """Raised on any attempt to change or delete an audit event through the ORM."""
