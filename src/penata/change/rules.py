"""Pure rules of change management: acknowledgement timing, reminders, question ageing,
ADKAR readiness and hotspots. No Django import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Below this many answers a group's pulse results are not shown (DESIGN §7: groups < 5).
MIN_GROUP = 5


def ack_due_at(published_at: dt.datetime, due_days: int) -> dt.datetime:
    """When an acknowledgement of an announcement published at `published_at` is due."""
    return published_at + dt.timedelta(days=due_days)


def is_overdue(
    published_at: dt.datetime,
    due_days: int,
    acknowledged_at: dt.datetime | None,
    now: dt.datetime,
) -> bool:
    """Not acknowledged and past the due date."""
    return acknowledged_at is None and now > ack_due_at(published_at, due_days)


def reminder_due(
    notified_at: dt.datetime,
    last_reminded_at: dt.datetime | None,
    acknowledged_at: dt.datetime | None,
    delay_days: int,
    now: dt.datetime,
) -> bool:
    """A reminder goes `delay_days` after the notice, then again every `delay_days`
    after the previous reminder, until the recipient acknowledges."""
    if acknowledged_at is not None or delay_days <= 0:
        return False
    since = last_reminded_at or notified_at
    return now - since >= dt.timedelta(days=delay_days)


def question_age_days(asked_at: dt.datetime, now: dt.datetime) -> int:
    return max(0, (now - asked_at).days)


def question_age_level(days: int) -> str:
    """How visibly an unanswered question ages: fresh (<3 days), waiting (<7), late."""
    if days < 3:
        return "fresh"
    if days < 7:
        return "waiting"
    return "late"


ADKAR = ("awareness", "desire", "knowledge", "ability", "reinforcement")
ADKAR_LABELS = {
    "awareness": "Kesadaran (Awareness)",
    "desire": "Keinginan (Desire)",
    "knowledge": "Pengetahuan (Knowledge)",
    "ability": "Kemampuan (Ability)",
    "reinforcement": "Penguatan (Reinforcement)",
}
DEFAULT_QUESTIONS = (
    ("awareness", "Saya memahami mengapa perubahan ini dilakukan."),
    ("desire", "Saya mendukung dan ingin ikut menjalankan perubahan ini."),
    ("knowledge", "Saya tahu apa yang harus saya lakukan secara berbeda setelah perubahan."),
    ("ability", "Saya mampu menjalankan tugas dengan cara kerja yang baru."),
    ("reinforcement", "Pimpinan dan sistem mendukung agar perubahan ini bertahan."),
)
# What to do about the weakest dimension of a hotspot.
ACTIONS = {
    "awareness": "Adakan sosialisasi ulang: jelaskan alasan perubahan dan dampaknya langsung.",
    "desire": "Pesan pimpinan dan sesi tanya jawab terbuka; libatkan tokoh kunci di unit.",
    "knowledge": "Pelatihan atau briefing teknis dari modul pengembangan kompetensi.",
    "ability": "Pendampingan di tempat kerja, coaching atasan, dan waktu transisi.",
    "reinforcement": "Pengakuan atas keberhasilan awal; pantau dan tindak lanjuti hambatan.",
}
LOW_READINESS = 60.0  # index 0–100 below which readiness counts as low
LOW_ACK_RATE = 70.0  # % acknowledged after the due date
QUESTION_PILE = 3  # unanswered questions from one unit


def likert_index(mean: float) -> float:
    """A Likert 1–5 mean as an index 0–100."""
    return round((mean - 1) / 4 * 100, 1)


def response_scores(
    questions: Sequence[Mapping[str, str]], answers: Sequence[int]
) -> dict[str, float]:
    """Mean answer per ADKAR dimension of one respondent; answers must be 1–5."""
    if len(answers) != len(questions) or any(a not in (1, 2, 3, 4, 5) for a in answers):
        raise ValueError("answers")
    sums: dict[str, list[int]] = {}
    for question, answer in zip(questions, answers, strict=True):
        sums.setdefault(question["dimension"], []).append(answer)
    return {d: sum(v) / len(v) for d, v in sums.items()}


@dataclass(frozen=True)
class Readiness:
    """Readiness of a group: None everywhere when the group is too small to show."""

    respondents: int
    dimensions: dict[str, float | None]
    index: float | None

    @property
    def suppressed(self) -> bool:
        return self.index is None

    @property
    def weakest(self) -> str | None:
        shown = {d: v for d, v in self.dimensions.items() if v is not None}
        return min(shown, key=lambda d: (shown[d], ADKAR.index(d))) if shown else None


def readiness(responses: Sequence[Mapping[str, float]], min_group: int = MIN_GROUP) -> Readiness:
    """Readiness index (0–100) per dimension and overall for a group of responses;
    suppressed below `min_group` respondents."""
    n = len(responses)
    if n < min_group:
        return Readiness(n, dict.fromkeys(ADKAR), None)
    dims: dict[str, float | None] = {}
    for d in ADKAR:
        values = [r[d] for r in responses if d in r]
        dims[d] = likert_index(sum(values) / len(values)) if values else None
    shown = [v for v in dims.values() if v is not None]
    return Readiness(n, dims, round(sum(shown) / len(shown), 1) if shown else None)


@dataclass(frozen=True)
class Hotspot:
    unit_id: int
    reasons: tuple[str, ...]
    weakest: str | None
    actions: tuple[str, ...]


def hotspot(
    unit_id: int,
    ready: Readiness,
    *,
    ack_rate: float | None,
    past_due: bool,
    open_questions: int,
) -> Hotspot | None:
    """A unit is a hotspot when readiness is low, acknowledgements are late (rate below
    LOW_ACK_RATE after the due date) or unanswered questions pile up."""
    reasons = []
    if ready.index is not None and ready.index < LOW_READINESS:
        reasons.append("low_readiness")
    if past_due and ack_rate is not None and ack_rate < LOW_ACK_RATE:
        reasons.append("late_ack")
    if open_questions >= QUESTION_PILE:
        reasons.append("questions")
    if not reasons:
        return None
    weakest = ready.weakest if ready.index is not None else None
    actions = []
    if weakest:
        actions.append(ACTIONS[weakest])
    if "late_ack" in reasons:
        actions.append("Minta kepala unit mengingatkan langsung pegawai yang belum konfirmasi.")
    if "questions" in reasons:
        actions.append("Jawab pertanyaan yang menumpuk dan tambahkan ke FAQ.")
    return Hotspot(unit_id, tuple(reasons), weakest, tuple(actions))
