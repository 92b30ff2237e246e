from __future__ import annotations

from penata.accounts.models import User
from penata.change.models import Announcement, Pulse, Question, Recipient
from penata.change.readiness import readiness_report
from penata.org.demo.load import demo_load


def test_demo_loads_an_announcement_with_a_hotspot(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo_load(seed=7, employees=400)
    announcement = Announcement.objects.get()
    assert announcement.is_published()
    recipients = Recipient.objects.filter(announcement=announcement)
    acked = recipients.filter(acknowledged_at__isnull=False).count()
    assert 0 < acked < recipients.count()
    assert Question.objects.filter(answered_at__isnull=False).count() == 2
    assert Question.objects.filter(is_anonymous=True).count() == 2
    assert Pulse.objects.count() == 2
    report = readiness_report(User.objects.get(username="admin"), announcement)
    spots = [u for u in report.hotspots if u.hotspot.weakest]
    assert spots and spots[0].hotspot.weakest in {"knowledge", "ability"}
    assert "low_readiness" in spots[0].hotspot.reasons
