"""The 9-box configuration per period: the rule naming bad fields, the audited service that
re-places the period, and the form on the 9-box page."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.learning import rules, services
from penata.learning.models import TalentPlacement, TalentSetting
from penata.learning.ninebox import talent_config_for
from tests.learning.test_talent import YEAR, assess, skp

SOUND = {
    "kinerja_middle": D(60),
    "kinerja_high": D(80),
    "potensial_middle": D(60),
    "potensial_high": D(80),
    "kinerja_weight": D(50),
    "potensial_weight": D(50),
}


def test_setting_errors_name_the_field():
    assert rules.talent_setting_errors("default", SOUND) == []
    assert rules.talent_setting_errors("bkn_2025", {**SOUND, "potensial_high": D(60)}) == []
    assert rules.talent_setting_errors("lama", SOUND) == [
        ("preset", "Acuan bobot komponen tidak dikenal: 'lama'.")
    ]
    assert rules.talent_setting_errors("default", {**SOUND, "potensial_high": D(101)}) == [
        ("potensial_high", "Batas potensial tinggi harus antara 0 dan 100, bukan 101.")
    ]
    assert rules.talent_setting_errors(
        "default", {**SOUND, "potensial_middle": D(85), "kinerja_weight": D(60)}
    ) == [
        (
            "potensial_high",
            "Batas potensial tinggi (80) tidak boleh lebih rendah dari batas potensial "
            "menengah (85).",
        ),
        ("potensial_weight", "Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang 110%."),
    ]  # fmt: skip


def test_preset_config_keeps_its_component_weights():
    config = rules.talent_config_from(
        "bkn_2025",
        kinerja_cutoffs=rules.Cutoffs(D(55), D(75)),
        potensial_cutoffs=rules.Cutoffs(D(65), D(90)),
        talent_weights=(D("0.6"), D("0.4")),
    )
    assert config.kinerja_weights == rules.BKN_2025_TALENT_CONFIG.kinerja_weights
    assert config.potensial_weights["competency"] == D("0.40")
    assert rules.nine_box(D(76), D(89), config) == 7  # di atas × menengah


@pytest.fixture
def placed(city):
    """Pegawai: Baik with potential 85 → box 8 under the default cut-offs."""
    services.standard_set(actor=city.admin, position=city.staff_position, levels={"integritas": 3})
    skp(city.pegawai.employee, city.staff_position, "baik")
    assess(city, city.pegawai, {"integritas": 3}, potential=D(85))
    services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR)
    assert TalentPlacement.objects.get().box == 8
    return city


def test_choosing_a_setting_replaces_the_period_and_is_audited(placed):
    city = placed
    setting, summary = services.talent_setting_set(
        actor=city.admin,
        instansi=city.instansi,
        year=YEAR,
        preset="bkn_2025",
        **{**SOUND, "potensial_high": D(90), "kinerja_weight": D(40), "potensial_weight": D(60)},
    )
    assert summary == {"placed": 1, "no_predikat": 4, "no_potential": 0}
    assert TalentPlacement.objects.get().box == 5  # 85 is now menengah: sesuai × menengah
    config = talent_config_for(city.instansi, YEAR)
    assert config.potensial_cutoffs == rules.Cutoffs(D(60), D(90))
    assert config.talent_weights == (D("0.4"), D("0.6"))
    assert config.potensial_weights == rules.BKN_2025_TALENT_CONFIG.potensial_weights
    event = AuditEvent.objects.filter(action="learning.talent_setting_set").get()
    assert event.actor_id == city.admin.pk
    # Re-placing later keeps the chosen configuration.
    services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR)
    assert TalentPlacement.objects.get().box == 5
    # Another period still uses the default.
    assert talent_config_for(city.instansi, YEAR + 1) == rules.DEFAULT_TALENT_CONFIG
    assert setting.updated_by == city.admin


def test_refused_setting_changes_nothing(placed):
    city = placed
    with pytest.raises(ValidationFailed) as raised:
        services.talent_setting_set(
            actor=city.admin,
            instansi=city.instansi,
            year=YEAR,
            preset="default",
            **{**SOUND, "kinerja_weight": D(70)},
        )
    assert raised.value.code == "learning.talent_setting"
    assert raised.value.extra["errors"] == [
        {
            "field": "potensial_weight",
            "message": "Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang 120%.",
        }
    ]
    with pytest.raises(PermissionDenied):
        services.talent_setting_set(
            actor=city.kadis, instansi=city.instansi, year=YEAR, preset="default", **SOUND
        )
    assert not TalentSetting.objects.exists()
    assert TalentPlacement.objects.get().box == 8
    assert not AuditEvent.objects.filter(action="learning.talent_setting_set").exists()


def _post(client, user, **values):
    client.force_login(user)
    data = {"year": YEAR, "action": "setting", "preset": "default", **SOUND, **values}
    return client.post(f"{reverse('learning:talent')}?tahun={YEAR}", data)


def test_admin_chooses_the_setting_on_the_nine_box_page(client, placed):
    city = placed
    client.force_login(city.admin)
    page = client.get(f"{reverse('learning:talent')}?tahun={YEAR}").content.decode()
    assert 'name="action" value="setting"' in page and "BKN 2025" in page
    response = _post(client, city.admin, preset="bkn_2025", potensial_high="90")
    assert response.status_code == 302
    assert TalentPlacement.objects.get().box == 5
    page = client.get(response.url).content.decode()
    assert "potensial menengah ≥ 60, tinggi ≥ 90" in page
    assert 'value="90.00"' in page or 'value="90"' in page


def test_form_errors_name_the_field_and_save_nothing(client, placed):
    city = placed
    response = _post(client, city.admin, potensial_middle="85", kinerja_weight="40")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Batas potensial tinggi (80) tidak boleh lebih rendah dari batas potensial" in body
    assert "harus berjumlah 100%, sekarang 90%" in body
    assert '<details class="card mb-3" id="konfigurasi" open>' in body
    too_high = _post(client, city.admin, potensial_high="120")
    assert too_high.status_code == 400
    assert not TalentSetting.objects.exists()
    assert TalentPlacement.objects.get().box == 8


def test_unit_head_sees_the_setting_but_cannot_change_it(client, placed):
    city = placed
    client.force_login(city.kadis)
    page = client.get(f"{reverse('learning:talent')}?tahun={YEAR}").content.decode()
    assert "Konfigurasi periode ini:" in page and 'value="setting"' not in page
    assert _post(client, city.kadis).status_code == 403
    assert not TalentSetting.objects.exists()


def test_the_list_behind_a_box_is_paged_and_the_pool_summarised(client, city):
    from tests.factories import AssignmentFactory, EmployeeFactory

    for n in range(55):
        employee = EmployeeFactory(instansi=city.instansi, name=f"Pegawai Kotak {n:02d}")
        AssignmentFactory(employee=employee, position=city.staff_position)
        TalentPlacement.objects.create(
            instansi=city.instansi, employee=employee, year=YEAR, predikat="baik",
            kinerja_level="sesuai", potensial_score=D(85), potensial_level="tinggi", box=8,
        )  # fmt: skip
    client.force_login(city.admin)
    url = f"{reverse('learning:talent')}?tahun={YEAR}&kotak=8"
    first = client.get(url).content.decode()
    assert first.count("Pegawai Kotak") == 50 + 15  # a page of the box, and the pool's first
    assert "Menampilkan 1–50 dari 55" in first
    assert "15 dari 55 ditampilkan" in first
    second = client.get(url + "&halaman=2").content.decode()
    assert "Menampilkan 51–55 dari 55" in second


API = "/api/v1/pengembangan/talenta/pengaturan"


def _put(client, user, **values):
    client.force_login(user)
    body = {"year": YEAR, "preset": "default", **{k: str(v) for k, v in SOUND.items()}, **values}
    return client.put(API, body, content_type="application/json")


def test_api_reads_the_default_then_the_chosen_setting(client, placed):
    city = placed
    client.force_login(city.kadis)
    body = client.get(API, {"year": YEAR}).json()
    assert (body["stored"], body["preset"], body["updated_by"]) == (False, "default", None)
    assert D(body["kinerja_weight"]) == D(50) and D(body["potensial_high"]) == D(80)
    assert [p["code"] for p in body["presets"]] == ["default", "bkn_2025"]

    saved = _put(client, city.admin, preset="bkn_2025", potensial_high="90")
    assert saved.status_code == 200, saved.content
    assert (saved.json()["placed"], saved.json()["stored"]) == (1, True)
    assert TalentPlacement.objects.get().box == 5
    client.force_login(city.kadis)
    body = client.get(API, {"year": YEAR}).json()
    assert (body["preset"], D(body["potensial_high"]), body["stored"]) == ("bkn_2025", D(90), True)
    assert body["updated_by"]


def test_api_refuses_bad_values_and_non_admins_and_changes_nothing(client, placed):
    city = placed
    refused = _put(client, city.admin, kinerja_weight="70")
    assert refused.status_code == 422
    assert refused.json()["code"] == "learning.talent_setting"
    assert refused.json()["extra"]["errors"] == [
        {
            "field": "potensial_weight",
            "message": "Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang 120%.",
        }
    ]
    assert _put(client, city.admin, year=1999).status_code == 422
    assert _put(client, city.kadis).status_code == 403
    client.force_login(city.pegawai)
    assert client.get(API).status_code == 403
    assert not TalentSetting.objects.exists()
    assert TalentPlacement.objects.get().box == 8
