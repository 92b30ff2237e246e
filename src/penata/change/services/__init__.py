"""Writes of the change app (one function per use case)."""

from penata.change.services.announcements import (
    announcement_acknowledge,
    announcement_audience,
    announcement_create,
    announcement_publish,
    reminders_send,
)
from penata.change.services.pulses import pulse_answer, pulse_close, pulse_open
from penata.change.services.questions import question_answer, question_ask, question_merge

__all__ = [
    "announcement_acknowledge",
    "announcement_audience",
    "announcement_create",
    "announcement_publish",
    "pulse_answer",
    "pulse_close",
    "pulse_open",
    "question_answer",
    "question_ask",
    "question_merge",
    "reminders_send",
]
