"""Seed the national holidays and cuti bersama of 2026.

Source: SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB Nomor 1497 Tahun 2025,
Nomor 2 Tahun 2025 and Nomor 5 Tahun 2025 (signed 19 September 2025): 17 libur nasional and
8 cuti bersama [P] — the SKB text itself was not retrieved; the dates are the ones published
identically by several outlets (Kemenko PMK announcement of 19 September 2025 as reported by
disdiksmg.semarangkota.go.id, mediaindonesia.com, tribunnews.com). Idul Fitri and Idul Adha
follow the sidang isbat of the Kementerian Agama, so they are marked as estimates; admin
pages let BKPSDM correct any date.
"""

import datetime as dt

from django.db import migrations

SOURCE = "SKB 3 Menteri No. 1497, 2 dan 5 Tahun 2025"

HOLIDAYS_2026 = [
    # (date, name, kind, is_estimate)
    ("2026-01-01", "Tahun Baru 2026 Masehi", "nasional", False),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", "nasional", False),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek", "cuti_bersama", False),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "nasional", False),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi", "cuti_bersama", False),
    ("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", "nasional", False),
    ("2026-03-20", "Cuti bersama Idul Fitri 1447 H", "cuti_bersama", True),
    ("2026-03-21", "Idul Fitri 1447 H (hari pertama)", "nasional", True),
    ("2026-03-22", "Idul Fitri 1447 H (hari kedua)", "nasional", True),
    ("2026-03-23", "Cuti bersama Idul Fitri 1447 H", "cuti_bersama", True),
    ("2026-03-24", "Cuti bersama Idul Fitri 1447 H", "cuti_bersama", True),
    ("2026-04-03", "Wafat Yesus Kristus (Wafat Isa Almasih)", "nasional", False),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", "nasional", False),
    ("2026-05-01", "Hari Buruh Internasional", "nasional", False),
    ("2026-05-14", "Kenaikan Yesus Kristus (Kenaikan Isa Almasih)", "nasional", False),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", "cuti_bersama", False),
    ("2026-05-27", "Idul Adha 1447 H", "nasional", True),
    ("2026-05-28", "Cuti bersama Idul Adha 1447 H", "cuti_bersama", True),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", "nasional", False),
    ("2026-06-01", "Hari Lahir Pancasila", "nasional", False),
    ("2026-06-16", "Tahun Baru Islam 1448 H (1 Muharam)", "nasional", True),
    ("2026-08-17", "Hari Proklamasi Kemerdekaan Republik Indonesia", "nasional", False),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", "nasional", True),
    ("2026-12-24", "Cuti bersama Hari Raya Natal", "cuti_bersama", False),
    ("2026-12-25", "Hari Raya Natal", "nasional", False),
]


def seed(apps, schema_editor):
    Holiday = apps.get_model("performance", "Holiday")
    for day, name, kind, is_estimate in HOLIDAYS_2026:
        Holiday.objects.update_or_create(
            instansi=None,
            date=dt.date.fromisoformat(day),
            defaults={"name": name, "kind": kind, "is_estimate": is_estimate, "source": SOURCE},
        )


def unseed(apps, schema_editor):
    Holiday = apps.get_model("performance", "Holiday")
    Holiday.objects.filter(
        instansi=None, date__in=[dt.date.fromisoformat(d) for d, *_ in HOLIDAYS_2026]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_skp_evaluation_activity")]

    operations = [migrations.RunPython(seed, unseed)]
