"""Participation data: service catalog, complaints, SKM responses, forums and settings."""

from penata.participation.models.catalog import ServiceStandard
from penata.participation.models.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    RoutingRule,
)
from penata.participation.models.config import ParticipationSettings
from penata.participation.models.forums import (
    Citizen,
    CommentReport,
    CommentSupport,
    Consultation,
    ForumComment,
)
from penata.participation.models.skm import SkmPopulation, SkmResponse

__all__ = [
    "Citizen",
    "CommentReport",
    "CommentSupport",
    "Complaint",
    "ComplaintCategory",
    "ComplaintEvent",
    "Consultation",
    "ForumComment",
    "ParticipationSettings",
    "RoutingRule",
    "ServiceStandard",
    "SkmPopulation",
    "SkmResponse",
]
