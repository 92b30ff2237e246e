"""The daily activity log: recording, corrections, bulk approval by the pejabat penilai,
and reminders for empty working days (frozen clock, national and local holidays)."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from penata.core.errors import ApplicationError, ValidationFailed
from penata.core.models import AuditEvent
from penata.performance.errors import Refused
from penata.performance.models import Activity, ActivityReminder, Holiday, PerformanceSettings, Rhk
from penata.performance.selectors.activity import empty_working_days, open_reminders, review_queue
from penata.performance.services.activity import (
    ActivityInput,
    activity_delete,
    activity_log,
    activity_review,
    activity_update,
)
from penata.performance.services.reminders import activity_remind, reminder_dismiss

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 17)  # the frozen clock (conftest)


def log(city, who, day=TODAY, minutes=60, text="Memverifikasi berkas klaim", **kw):
    return activity_log(actor=city.users[who], data=ActivityInput(day, text, minutes, **kw))


# --- recording --------------------------------------------------------------------------------


def test_an_entry_keeps_the_unit_and_perangkat_daerah_of_the_post(city, plan):
    rhk = Rhk.objects.get(skp=plan.skp("agus"))
    entry = log(
        city,
        "agus",
        minutes=90,
        rhk_id=rhk.pk,
        output_count=12,
        text="  Memverifikasi   12 berkas  ",
    )
    assert (entry.instansi_id, entry.employee_id, entry.unit_id, entry.perangkat_daerah_id) == (
        city.inst.pk,
        city.people["agus"].pk,
        city.seksi.pk,
        city.dinas.pk,
    )
    assert (entry.description, entry.minutes, entry.rhk_id, entry.output_count, entry.status) == (
        "Memverifikasi 12 berkas",
        90,
        rhk.pk,
        12,
        "pending",
    )
    assert AuditEvent.objects.filter(action="activity.log", object_id=str(entry.pk)).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"day": TODAY + dt.timedelta(days=1)}, "activity.date"),
        ({"day": TODAY - dt.timedelta(days=32)}, "activity.date"),
        ({"text": "ab"}, "activity.description"),
        ({"text": "x" * 501}, "activity.description"),
        ({"minutes": 0}, "activity.minutes"),
        ({"minutes": 1441}, "activity.minutes"),
        ({"output_count": -1}, "activity.output"),
    ],
)
def test_bad_entries_are_refused(city, kwargs, code):
    with pytest.raises(ValidationFailed) as error:
        log(city, "agus", **kwargs)
    assert error.value.code == code
    assert not Activity.objects.exists()


def test_a_day_holds_at_most_24_hours(city):
    log(city, "agus", minutes=1000)
    with pytest.raises(ValidationFailed) as error:
        log(city, "agus", minutes=441)
    assert error.value.code == "activity.day_full"
    log(city, "agus", minutes=440)
    assert Activity.objects.count() == 2


def test_rhk_must_be_of_ones_own_plan_of_that_year(city, plan):
    other = Rhk.objects.get(skp=plan.skp("dewi"))
    with pytest.raises(ValidationFailed) as error:
        log(city, "agus", rhk_id=other.pk)
    assert error.value.code == "activity.rhk"
    assert not Activity.objects.exists()


def test_accounts_without_employee_record_cannot_log(city):
    with pytest.raises(Refused) as error:
        log(city, "admin")
    assert error.value.code == "activity.no_employee"


def test_backdating_window_follows_the_settings(city):
    PerformanceSettings.objects.create(instansi=city.inst, backdate_days=3)
    with pytest.raises(ValidationFailed):
        log(city, "agus", day=TODAY - dt.timedelta(days=4))
    assert log(city, "agus", day=TODAY - dt.timedelta(days=3)).date == dt.date(2026, 6, 14)


def test_own_pending_or_returned_entries_may_be_corrected_or_removed(city):
    entry = log(city, "agus")
    with pytest.raises(Refused) as error:
        activity_update(
            actor=city.users["dewi"],
            activity=entry,
            data=ActivityInput(TODAY, "Bukan milik saya", 30),
        )
    assert error.value.code == "activity.not_owner"
    activity_review(
        actor=city.users["kasi"], activity_ids=[entry.pk], approve=False, note="Lengkapi keluaran"
    )
    entry.refresh_from_db()
    assert (entry.status, entry.review_note) == ("returned", "Lengkapi keluaran")
    activity_update(
        actor=city.users["agus"],
        activity=entry,
        data=ActivityInput(TODAY, "Memverifikasi 12 berkas klaim", 75, None, 12),
    )
    entry.refresh_from_db()
    assert (entry.status, entry.minutes, entry.output_count) == ("pending", 75, 12)
    activity_review(actor=city.users["kasi"], activity_ids=[entry.pk], approve=True)
    with pytest.raises(ApplicationError) as error:
        activity_delete(actor=city.users["agus"], activity=entry)
    assert error.value.code == "activity.not_pending"
    other = log(city, "agus", text="Rapat koordinasi")
    activity_delete(actor=city.users["agus"], activity=other)
    assert list(Activity.objects.values_list("pk", flat=True)) == [entry.pk]


# --- bulk approval ----------------------------------------------------------------------------


def test_the_pejabat_penilai_approves_many_at_once(city):
    entries = [log(city, who, text=f"Kegiatan {who}") for who in ("agus", "dewi", "nina", "agus")]
    queue = review_queue(city.users["kasi"])
    assert sorted(a.pk for a in queue) == sorted(e.pk for e in entries)
    count = activity_review(
        actor=city.users["kasi"], activity_ids=[e.pk for e in entries], approve=True
    )
    assert count == 4
    assert set(Activity.objects.values_list("status", "reviewed_by_id")) == {
        ("approved", city.users["kasi"].pk)
    }
    assert review_queue(city.users["kasi"]) == []
    event = AuditEvent.objects.get(action="activity.approve")
    assert sorted(event.changes["_"]["activities"]) == sorted(e.pk for e in entries)


def test_bulk_approval_is_all_or_nothing(city):
    mine = log(city, "agus")
    foreign = log(city, "budi")  # evaluated by the kabid, not by the kasi
    with pytest.raises(Refused) as error:
        activity_review(actor=city.users["kasi"], activity_ids=[mine.pk, foreign.pk], approve=True)
    assert error.value.code == "activity.not_reviewer"
    assert set(Activity.objects.values_list("status", flat=True)) == {"pending"}
    own = log(city, "kasi")
    with pytest.raises(Refused):
        activity_review(actor=city.users["kasi"], activity_ids=[own.pk], approve=True)
    activity_review(actor=city.users["kasi"], activity_ids=[mine.pk], approve=True)
    with pytest.raises(ApplicationError) as error:
        activity_review(actor=city.users["kasi"], activity_ids=[mine.pk], approve=True)
    assert error.value.code == "activity.not_pending"


def test_unit_heads_and_admins_do_not_approve_entries_of_others(city):
    entry = log(city, "agus")
    for who in ("kadis", "kabid", "admin"):
        with pytest.raises(Refused):
            activity_review(actor=city.users[who], activity_ids=[entry.pk], approve=True)
    assert Activity.objects.get().status == "pending"


def test_plt_and_next_manager_up_approve(city):
    fajar, budi = log(city, "fajar"), log(city, "budi")
    assert activity_review(actor=city.users["rina"], activity_ids=[fajar.pk], approve=True) == 1
    assert activity_review(actor=city.users["kabid"], activity_ids=[budi.pk], approve=True) == 1


def test_returning_needs_a_note_and_an_empty_choice_is_refused(city):
    entry = log(city, "agus")
    with pytest.raises(ValidationFailed) as error:
        activity_review(actor=city.users["kasi"], activity_ids=[entry.pk], approve=False, note=" ")
    assert error.value.code == "activity.note_required"
    with pytest.raises(ValidationFailed) as error:
        activity_review(actor=city.users["kasi"], activity_ids=[], approve=True)
    assert error.value.code == "activity.nothing_chosen"
    assert Activity.objects.get().status == "pending"


# --- empty days and reminders -----------------------------------------------------------------


def test_empty_working_days_skip_weekends_and_holidays(city):
    log(city, "agus", day=dt.date(2026, 6, 10))
    days = empty_working_days(city.people["agus"], dt.date(2026, 6, 1), dt.date(2026, 6, 17))
    # 1 June Pancasila and 16 June Tahun Baru Islam are national holidays (SKB 3 Menteri).
    assert days == [
        dt.date(2026, 6, 2),
        dt.date(2026, 6, 3),
        dt.date(2026, 6, 4),
        dt.date(2026, 6, 5),
        dt.date(2026, 6, 8),
        dt.date(2026, 6, 9),
        dt.date(2026, 6, 11),
        dt.date(2026, 6, 12),
        dt.date(2026, 6, 15),
        dt.date(2026, 6, 17),
    ]


def _reminded(day):
    return sorted(
        ActivityReminder.objects.filter(date=day).values_list("employee__name", flat=True)
    )


def test_reminders_for_an_empty_working_day(city, clock):
    clock.set(dt.date(2026, 6, 15), 16, 30)
    log(city, "agus", day=dt.date(2026, 6, 15))
    city.people["eko"].status = "pensiun"
    city.people["eko"].save()
    runs = activity_remind(day=dt.date(2026, 6, 15), site_url="https://penata.surakarta.go.id/")
    assert [r.as_dict() for r in runs] == [
        {"instansi": "3372", "day": "2026-06-15", "working_day": True, "enabled": True,
         "empty": 9, "created": 9, "emailed": 2}
    ]  # fmt: skip
    assert "Agus Prasetyo" not in _reminded(dt.date(2026, 6, 15))
    assert "Eko Saputra" not in _reminded(dt.date(2026, 6, 15))
    assert sorted(m.to[0] for m in mail.outbox) == ["hadi@example.go.id", "nina@example.go.id"]
    message = mail.outbox[0]
    assert message.subject == "Pengingat: log harian 15-06-2026 belum diisi"
    assert "Senin, 15 Juni 2026" in message.body
    assert "https://penata.surakarta.go.id/kinerja/log/" in message.body
    assert set(
        ActivityReminder.objects.filter(emailed_at__isnull=False).values_list(
            "employee__email", flat=True
        )
    ) == {"hadi@example.go.id", "nina@example.go.id"}
    again = activity_remind(day=dt.date(2026, 6, 15))
    assert (again[0].created, again[0].emailed, len(mail.outbox)) == (0, 0, 2)


def test_no_reminders_on_national_holidays_and_weekends(city):
    for day in (dt.date(2026, 6, 16), dt.date(2026, 6, 13)):
        run = activity_remind(day=day)[0]
        assert (run.working_day, run.created) == (False, 0)
    assert not ActivityReminder.objects.exists() and mail.outbox == []


def test_a_local_working_day_overrides_a_national_holiday(city):
    Holiday.objects.create(
        instansi=city.inst,
        date=dt.date(2026, 6, 16),
        name="Hari kerja pengganti",
        kind="hari_kerja",
    )
    assert activity_remind(day=dt.date(2026, 6, 16))[0].created == 11


def test_a_local_holiday_and_disabled_reminders_send_nothing(city):
    Holiday.objects.create(
        instansi=city.inst, date=dt.date(2026, 6, 15), name="Hari Jadi Kota", kind="daerah"
    )
    assert activity_remind(day=dt.date(2026, 6, 15))[0].working_day is False
    PerformanceSettings.objects.create(instansi=city.inst, reminders_enabled=False)
    run = activity_remind(day=dt.date(2026, 6, 17))[0]
    assert (run.enabled, run.created) == (False, 0)


def test_dry_run_counts_without_writing(city):
    run = activity_remind(day=dt.date(2026, 6, 17), dry_run=True)[0]
    assert (run.empty, run.created, run.emailed) == (11, 0, 0)
    assert not ActivityReminder.objects.exists() and mail.outbox == []


def test_in_app_reminders_close_when_the_day_is_filled_or_dismissed(city):
    activity_remind(day=dt.date(2026, 6, 12))
    activity_remind(day=dt.date(2026, 6, 15))
    agus = city.people["agus"]
    assert [r.date for r in open_reminders(agus)] == [dt.date(2026, 6, 15), dt.date(2026, 6, 12)]
    log(city, "agus", day=dt.date(2026, 6, 12))
    assert [r.date for r in open_reminders(agus)] == [dt.date(2026, 6, 15)]
    reminder = open_reminders(agus)[0]
    with pytest.raises(Refused):
        reminder_dismiss(actor=city.users["dewi"], reminder=reminder)
    reminder_dismiss(actor=city.users["agus"], reminder=reminder)
    assert open_reminders(agus) == []


def test_the_command_reports_json_and_text(city):
    out = StringIO()
    call_command("activity", "remind", "--date", "2026-06-15", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["dry_run"], data["runs"][0]["created"]) == (False, 11)
    out = StringIO()
    call_command("activity", "remind", "--date", "2026-06-16", stdout=out)
    assert out.getvalue().strip() == "3372 2026-06-16: bukan hari kerja, tidak ada pengingat."
    out = StringIO()
    call_command("activity", "remind", "--date", "2026-06-17", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "3372 2026-06-17: 11 pegawai belum mengisi (uji coba)."


def test_the_command_defaults_to_today_and_refuses_bad_dates(city):
    out = StringIO()
    call_command("activity", "remind", stdout=out)
    assert out.getvalue().startswith("3372 2026-06-17: 11 pengingat dibuat, 3 surel terkirim.")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("activity", "remind", "--date", "17-06-2026")


def test_the_task_runs_the_same_reminders(city, settings):
    from penata.performance.tasks import activity_remind as task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = task.enqueue("2026-06-15")
    assert result.return_value[0]["created"] == 11
