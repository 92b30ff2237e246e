"""Operations on duties (uraian tugas): move to another post, change volume or time norm,
remove."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from penata.core.i18n import gettext_noop
from penata.core.i18n import translate as _
from penata.restructure.graph.errors import ErrorCode, OperationError
from penata.restructure.graph.model import GraphEditor, NodeId, OrgGraph, decimal_text, replace
from penata.restructure.graph.operations.base import Operation, error, quote_duty, quote_position


def _missing_duty(graph: OrgGraph, duty_id: NodeId | None) -> list[OperationError]:
    if duty_id is None or duty_id not in graph.duties:
        message = _("Uraian tugas %(duty)s tidak ada.", duty=duty_id)
        return [error(ErrorCode.DUTY_MISSING, message, "duty")]
    return []


@dataclass(frozen=True)
class MoveDuty(Operation):
    kind = "duty.move"
    label = gettext_noop("Pindahkan uraian tugas")

    duty: NodeId
    position: NodeId

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_duty(graph, self.duty)
        if self.position is None or self.position not in graph.positions:
            errors.append(
                error(
                    ErrorCode.POSITION_MISSING,
                    _("Jabatan %(position)s tidak ada dalam struktur.", position=self.position),
                    "position",
                )
            )
        if errors:
            return errors
        if graph.duties[self.duty].position == self.position:
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "Uraian tugas %(duty)s sudah milik %(position)s.",
                        duty=quote_duty(graph, self.duty),
                        position=quote_position(graph, self.position),
                    ),
                    "position",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        editor.put_duty(replace(editor.duties[self.duty], position=self.position))

    def describe(self, graph: OrgGraph) -> str:
        duty = graph.duties.get(self.duty)
        source = quote_position(graph, duty.position) if duty else "?"
        return _(
            "Pindahkan uraian tugas %(duty)s dari %(source)s ke %(target)s.",
            duty=quote_duty(graph, self.duty),
            source=source,
            target=quote_position(graph, self.position),
        )


@dataclass(frozen=True)
class ChangeDuty(Operation):
    """Change the volume (per the duty's own period) and/or the time norm of a duty."""

    kind = "duty.change"
    label = gettext_noop("Ubah volume / norma waktu")

    duty: NodeId
    volume: Decimal | None = None
    time_norm: Decimal | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_duty(graph, self.duty)
        if errors:
            return errors
        if self.volume is not None and self.volume < 0:
            errors.append(
                error(ErrorCode.DUTY_VOLUME_NEGATIVE, _("Volume tidak boleh negatif."), "volume")
            )
        if self.time_norm is not None and self.time_norm <= 0:
            errors.append(
                error(
                    ErrorCode.DUTY_NORM_NOT_POSITIVE,
                    _("Norma waktu harus lebih dari 0 menit."),
                    "time_norm",
                )
            )
        duty = graph.duties[self.duty]
        unchanged_volume = self.volume is None or self.volume == duty.volume
        unchanged_norm = self.time_norm is None or self.time_norm == duty.time_norm
        if not errors and unchanged_volume and unchanged_norm:
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "Volume dan norma waktu uraian tugas %(duty)s tidak berubah.",
                        duty=quote_duty(graph, self.duty),
                    ),
                    "volume",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        duty = editor.duties[self.duty]
        editor.put_duty(
            replace(
                duty,
                volume=self.volume if self.volume is not None else duty.volume,
                time_norm=self.time_norm if self.time_norm is not None else duty.time_norm,
            )
        )

    def describe(self, graph: OrgGraph) -> str:
        duty = graph.duties.get(self.duty)
        parts = []
        if self.volume is not None:
            after = decimal_text(self.volume)
            parts.append(
                _("volume %(before)s → %(after)s", before=decimal_text(duty.volume), after=after)
                if duty
                else _("volume %(after)s", after=after)
            )
        if self.time_norm is not None:
            after = decimal_text(self.time_norm)
            parts.append(
                _(
                    "norma waktu %(before)s → %(after)s menit",
                    before=decimal_text(duty.time_norm),
                    after=after,
                )
                if duty
                else _("norma waktu %(after)s menit", after=after)
            )
        return _(
            "Ubah uraian tugas %(duty)s: %(changes)s.",
            duty=quote_duty(graph, self.duty),
            changes=", ".join(parts),
        )


@dataclass(frozen=True)
class RemoveDuty(Operation):
    """Remove a duty from its post, e.g. the copy of an overlapping duty in another unit.

    The post keeps its other duties; at enactment a post whose duties change is closed and
    reopened, so the removed statement stays on the old, closed row for the record."""

    kind = "duty.remove"
    label = gettext_noop("Hapus uraian tugas")

    duty: NodeId

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        return _missing_duty(graph, self.duty)

    def edit(self, editor: GraphEditor) -> None:
        editor.remove_duty(self.duty)

    def describe(self, graph: OrgGraph) -> str:
        duty = graph.duties.get(self.duty)
        source = quote_position(graph, duty.position) if duty else "?"
        return _(
            "Hapus uraian tugas %(duty)s dari %(source)s.",
            duty=quote_duty(graph, self.duty),
            source=source,
        )
