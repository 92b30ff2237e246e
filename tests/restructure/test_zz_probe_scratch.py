import pytest

from penata.org.models import Duty
from tests.restructure.test_views_restructure import analyst, city, scenario  # noqa


@pytest.mark.parametrize(
    "kind,params",
    [
        ("unit.rename", {"unit": "U", "name": "Bidang\x00Z"}),
        ("duty.change", {"duty": "D", "volume": "NaN"}),
        ("duty.change", {"duty": "D", "volume": "Infinity"}),
        ("duty.change", {"duty": "D", "volume": "1e100000"}),
        ("duty.change", {"duty": "D", "time_norm": "1e-100000"}),
        ("duty.change", {"duty": "D", "volume": "-0"}),
        ("unit.rename", {"unit": 2**70, "name": "x"}),
        ("unit.rename", {"unit": "U", "name": ["a"]}),
        ("unit.rename\x00", {}),
        ("unit.rename", {"unit": "U", "name": "ok", "extra\x00": "a\x00"}),
        ("duty.change", {"duty": "D", "volume": "12.5"}),
        ("duty.change", {"duty": "D", "volume": "12.555"}),
        ("duty.change", {"duty": "D", "volume": "sNaN"}),
    ],
)
def test_probe(client, city, analyst, scenario, kind, params):
    client.force_login(analyst)
    duty = Duty.objects.filter(position__unit__instansi=city.instansi).first()
    params = {
        k: (city.units["bidang_x"].pk if v == "U" else duty.pk if v == "D" else v)
        for k, v in params.items()
    }
    r = client.post(
        f"/api/v1/scenarios/{scenario.pk}/operations",
        {"kind": kind, "params": params},
        content_type="application/json",
    )
    print(kind, params, r.status_code, r.content[:300])
    assert r.status_code < 500
    d = client.get(f"/api/v1/scenarios/{scenario.pk}")
    assert d.status_code == 200, d.content[:500]
