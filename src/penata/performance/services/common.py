"""Helpers the performance services share: the acting employee, the pejabat penilai check,
and where a post sits in the tree."""

from __future__ import annotations

import datetime as dt
from typing import Any

from penata.accounts.scope import reach_of
from penata.org.models import Unit
from penata.org.selectors import unit_perangkat_daerah_map
from penata.people.models import Employee
from penata.performance.errors import PerformanceError, refused
from penata.performance.models import Skp
from penata.performance.selectors.evaluators import PejabatPenilai, evaluator_map


def acting_employee_id(actor: Any) -> int | None:
    return reach_of(actor).employee_id


def require_employee(actor: Any, code: PerformanceError, message: str) -> Employee:
    """The actor's own employee record, or a refusal with `code`."""
    employee_id = acting_employee_id(actor)
    employee = Employee.objects.filter(pk=employee_id).first() if employee_id else None
    if employee is None:
        raise refused(code, message)
    return employee


def perangkat_daerah_id(unit: Unit) -> int | None:
    """The Perangkat Daerah a unit belongs to (itself or its nearest such ancestor)."""
    found = unit_perangkat_daerah_map([unit]).get(unit.pk)
    return found.pk if found else None


def refresh_evaluator(skp: Skp, on: dt.date) -> PejabatPenilai | None:
    """Resolve the SKP's pejabat penilai again and keep it on the row (vacancies and acting
    appointments change during the year)."""
    resolved = evaluator_map(skp.instansi_id, [skp.employee_id], on).get(skp.employee_id)
    values = {
        "evaluator_id": resolved.employee_id if resolved else None,
        "evaluator_position_id": resolved.position_id if resolved else None,
        "evaluator_acting": resolved.acting if resolved else "",
        "evaluator_is_fallback": resolved.is_fallback if resolved else False,
    }
    if any(getattr(skp, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(skp, key, value)
        skp.save(update_fields=[*(k.removesuffix("_id") for k in values), "updated_at"])
    return resolved


def require_evaluator(
    actor: Any, skp: Skp, on: dt.date, *, code: PerformanceError, self_code: PerformanceError
) -> int:
    """Refuse unless the actor is the SKP's pejabat penilai now; return their employee id.

    Nobody evaluates themself (`self_code`), whatever their roles — superusers included.
    """
    me = acting_employee_id(actor)
    if me is not None and me == skp.employee_id:
        raise refused(self_code, "Anda tidak dapat menyetujui atau menilai SKP Anda sendiri.")
    resolved = refresh_evaluator(skp, on)
    if resolved is None:
        raise refused(
            PerformanceError.SKP_NO_EVALUATOR,
            "Pejabat penilai SKP ini tidak ditemukan pada garis pelaporan jabatan.",
        )
    if me is None or resolved.employee_id != me:
        raise refused(code, "Hanya pejabat penilai pegawai ini yang dapat melakukannya.")
    return me
