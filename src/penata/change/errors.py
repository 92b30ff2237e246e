"""Stable error codes of the change app."""

from __future__ import annotations

from enum import StrEnum


class ChangeError(StrEnum):
    NO_AUDIENCE = "change.no_audience"
    EMPTY_AUDIENCE = "change.empty_audience"
    TARGET_OUT_OF_SCOPE = "change.target_out_of_scope"
    ALREADY_PUBLISHED = "change.already_published"
    NOT_RECIPIENT = "change.not_recipient"
    INVALID = "change.invalid"
    ALREADY_ANSWERED = "change.already_answered"
    MERGE_INVALID = "change.merge_invalid"
    ATTACHMENT_TYPE = "change.attachment_type"
    ATTACHMENT_TOO_LARGE = "change.attachment_too_large"
    ATTACHMENT_LIMIT = "change.attachment_limit"
    ATTACHMENT_LOCKED = "change.attachment_locked"
