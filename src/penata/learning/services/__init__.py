"""Writes of the learning module, one function per use case (see the submodules)."""

from penata.learning.services.competency import (
    assessment_record,
    competency_create,
    dictionary_seed,
    standard_copy,
    standard_import,
    standard_set,
)
from penata.learning.services.talent import talent_place, talent_setting_set
from penata.learning.services.training import (
    enrolment_bulk,
    enrolment_cancel,
    enrolment_complete,
    enrolment_decide,
    enrolment_request,
    jp_evidence_decide,
    jp_evidence_submit,
    programme_create,
    session_create,
)

__all__ = [
    "assessment_record",
    "competency_create",
    "dictionary_seed",
    "enrolment_bulk",
    "enrolment_cancel",
    "enrolment_complete",
    "enrolment_decide",
    "enrolment_request",
    "jp_evidence_decide",
    "jp_evidence_submit",
    "programme_create",
    "session_create",
    "standard_copy",
    "standard_import",
    "standard_set",
    "talent_place",
    "talent_setting_set",
]
