"""Shapes of the participation API. Public shapes hold no personal data by construction: the
reporter's name and contact have no field in any public schema."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from penata.core.api_shapes import MAX_ID, NO_NUL

Text = str


class UnitRef(Schema):
    id: int
    name: str


class ServiceOut(Schema):
    id: int
    name: str
    unit: UnitRef
    description: str
    time: str = Field(description="Jangka waktu penyelesaian")
    cost: str = Field(description="Biaya/tarif")
    product: str = Field(description="Produk pelayanan")


class ServiceDetailOut(ServiceOut):
    requirements: str = Field(description="Persyaratan")
    procedure: str = Field(description="Sistem, mekanisme dan prosedur")
    complaint_channel: str = Field(description="Penanganan pengaduan, saran dan masukan")
    legal_basis: str


class StaffServiceOut(ServiceDetailOut):
    is_published: bool
    allows_repeat_survey: bool


class ServiceIn(Schema):
    unit: int = Field(ge=1, le=MAX_ID, description="ID unit penyelenggara")
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    requirements: str = Field(min_length=1, max_length=4000, pattern=NO_NUL)
    procedure: str = Field(min_length=1, max_length=4000, pattern=NO_NUL)
    time: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    cost: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    product: str = Field(min_length=1, max_length=300, pattern=NO_NUL)
    complaint_channel: str = Field(min_length=1, max_length=1000, pattern=NO_NUL)
    description: str = Field("", max_length=1000, pattern=NO_NUL)
    legal_basis: str = Field("", max_length=300, pattern=NO_NUL)
    is_published: bool = False
    allows_repeat_survey: bool = False


class CategoryOut(Schema):
    id: int
    code: str
    name: str


class KelurahanOut(Schema):
    id: int
    name: str
    region_code: str


class ComplaintIn(Schema):
    category: int = Field(
        ge=1, le=MAX_ID, description="ID kategori (GET /public/complaint-categories)"
    )
    kelurahan: int = Field(ge=1, le=MAX_ID, description="ID kelurahan (GET /public/kelurahan)")
    description: str = Field(min_length=20, max_length=3000, pattern=NO_NUL)
    location: str = Field("", max_length=200, pattern=NO_NUL)
    service: int | None = Field(
        None, ge=1, le=MAX_ID, description="ID layanan terkait (tidak wajib)"
    )
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="ID unit yang dituju (tidak wajib)")
    reporter_name: str = Field("", max_length=100, pattern=NO_NUL, description="Rahasia")
    reporter_contact: str = Field(
        "", max_length=150, pattern=NO_NUL, description="Nomor HP atau e-mail; rahasia"
    )
    website: str = Field("", max_length=200, description="Jangan diisi (honeypot)")


class ComplaintCreatedOut(Schema):
    tracking_code: str = Field(description="Kode pelacakan, satu-satunya kunci ke aduan ini")
    status: str
    status_label: str
    response_due_at: dt.datetime
    status_url: str


class EventOut(Schema):
    at: dt.datetime
    kind: str
    label: str
    official: str = Field(description="Jabatan pejabat (tanpa nama)")
    unit: str | None
    message: str


class SlaOut(Schema):
    response: Literal["met", "missed", "pending", "overdue", "none"]
    followup: Literal["met", "missed", "pending", "overdue", "none"]
    is_overdue: bool
    on_time: bool | None


class ComplaintStatusOut(Schema):
    tracking_code: str
    status: str
    status_label: str
    category: str
    kelurahan: str | None
    service: str | None
    unit: str | None
    received_at: dt.datetime
    response_due_at: dt.datetime
    followup_due_at: dt.datetime | None
    sla: SlaOut
    rating: int | None
    timeline: list[EventOut]


class RatingIn(Schema):
    rating: int = Field(ge=1, le=5)
    comment: str = Field("", max_length=1000, pattern=NO_NUL)
    website: str = Field("", max_length=200, description="Jangan diisi (honeypot)")


class StaffComplaintOut(Schema):
    id: int
    tracking_code: str
    status: str
    status_label: str
    category: str
    kelurahan: str | None
    service_id: int | None
    unit: UnitRef | None
    routing_reason: str
    description: str
    location: str
    has_photo: bool
    received_at: dt.datetime
    response_due_at: dt.datetime
    responded_at: dt.datetime | None
    assigned_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    followed_up_at: dt.datetime | None
    resolved_at: dt.datetime | None
    sla: SlaOut
    rating: int | None


class StaffComplaintDetailOut(StaffComplaintOut):
    timeline: list[EventOut]
    allowed_actions: list[str]


class ActionIn(Schema):
    action: Literal["verify", "assign", "start", "resolve", "reopen", "close", "reject", "respond"]
    message: str = Field("", max_length=3000, pattern=NO_NUL)
    unit: int | None = Field(
        None, ge=1, le=MAX_ID, description="Unit tujuan (assign; verify + teruskan)"
    )


class ContactOut(Schema):
    reporter_name: str
    reporter_contact: str


class TallyOut(Schema):
    total: int
    resolved: int
    in_process: int
    overdue: int
    rejected: int
    on_time: int
    on_time_known: int
    percent_resolved: float | None
    percent_in_process: float | None
    percent_overdue: float | None
    percent_on_time: float | None
    median_response_hours: float | None


class ReportRowOut(Schema):
    unit_id: int | None
    name: str
    tally: TallyOut


class NamedCount(Schema):
    name: str
    count: int


class WeeklyReportOut(Schema):
    week: str
    start: dt.date
    end: dt.date
    scope: str
    generated_at: dt.datetime
    tally: TallyOut
    by_status: dict[str, int]
    top_categories: list[NamedCount]
    rows: list[ReportRowOut]


class UnsurOut(Schema):
    code: str
    name: str
    nrr: float
    weight: float
    nrr_weighted: float


class SampleOut(Schema):
    population: int
    target: int
    achieved: int
    is_met: bool
    shortfall: int


class IkmOut(Schema):
    scope: str
    period: str
    period_label: str
    respondents: int
    ikm: float | None = Field(description="IKM konversi 25–100")
    ikm_unit: float | None = Field(description="IKM 1–4")
    mutu: str | None
    kinerja: str | None
    weighting: str
    unsur: list[UnsurOut]
    sample: SampleOut | None
    profile: dict[str, dict[str, int]]


class TrendOut(Schema):
    period: str
    label: str
    respondents: int
    ikm: float | None
    mutu: str


class SkmIn(Schema):
    u1: int = Field(ge=1, le=4)
    u2: int = Field(ge=1, le=4)
    u3: int = Field(ge=1, le=4)
    u4: int = Field(ge=1, le=4)
    u5: int = Field(ge=1, le=4)
    u6: int = Field(ge=1, le=4)
    u7: int = Field(ge=1, le=4)
    u8: int = Field(ge=1, le=4)
    u9: int = Field(ge=1, le=4)
    age_band: str = Field("", max_length=6)
    sex: str = Field("", max_length=1)
    education: str = Field("", max_length=4)
    occupation: str = Field("", max_length=14)
    suggestion: str = Field("", max_length=1000, pattern=NO_NUL)
    website: str = Field("", max_length=200, description="Jangan diisi (honeypot)")


class SkmCreatedOut(Schema):
    period: str
    period_label: str


class PopulationIn(Schema):
    period: str = Field(max_length=8, pattern=r"^\d{4}(-[ST][1-4])?$")
    population: int = Field(ge=0, le=10_000_000)


class MonthOut(Schema):
    month: str
    received: int
    resolved: int


class AccountabilityOut(Schema):
    unit: UnitRef | None
    since: dt.date
    complaints: int
    resolved: int
    overdue: int
    percent_resolved_on_time: float | None
    median_response_hours: float | None
    months: list[MonthOut]
    top_categories: list[NamedCount]
    ikm_trend: list[TrendOut]
    children: list[ReportRowOut] = Field(default_factory=list)


class CommentOut(Schema):
    id: int
    author: str = Field(description="Nama tampilan warga, 'Warga', atau jabatan pejabat")
    author_kind: str
    body_html: str
    created_at: dt.datetime
    is_answer: bool
    support_count: int
    replies: list[Any] = Field(default_factory=list)


class ConsultationOut(Schema):
    id: int
    title: str
    unit: UnitRef | None
    opens_at: dt.datetime
    closes_at: dt.datetime
    is_open: bool
    comment_count: int


class ConsultationDetailOut(ConsultationOut):
    body_html: str
    comments: list[CommentOut]


class CommentIn(Schema):
    body: str = Field(min_length=3, max_length=2000, pattern=NO_NUL)
    parent: int | None = Field(None, ge=1, le=MAX_ID)
    website: str = Field("", max_length=200, description="Jangan diisi (honeypot)")


class CommentCreatedOut(Schema):
    id: int
    status: str = Field(description="pending (menunggu moderasi) atau published")


class ModerationIn(Schema):
    action: Literal["approve", "hide", "restore"]
    reason: str = Field("", max_length=500, pattern=NO_NUL)


class StaffCommentOut(Schema):
    id: int
    consultation_id: int
    author: str
    author_kind: str
    body: str
    status: str
    report_count: int
    moderation_reason: str
    created_at: dt.datetime


class RoutingRuleOut(Schema):
    id: int
    category: CategoryOut | None
    service_id: int | None
    kelurahan: UnitRef | None
    unit: UnitRef
    priority: int
    is_active: bool
    note: str


class RoutingRuleIn(Schema):
    unit: int = Field(ge=1, le=MAX_ID)
    category: int | None = Field(None, ge=1, le=MAX_ID)
    service: int | None = Field(None, ge=1, le=MAX_ID)
    kelurahan: int | None = Field(None, ge=1, le=MAX_ID)
    priority: int = Field(100, ge=0, le=10_000)
    is_active: bool = True
    note: str = Field("", max_length=200, pattern=NO_NUL)
