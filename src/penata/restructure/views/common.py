"""What the restructure pages share: the actor's abilities and a comparison's page context."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from penata.restructure import selectors
from penata.restructure.graph import Comparison
from penata.restructure.graph.compare import CHANGE_LABELS

ABK_ROWS = (
    ("workload_minutes", _("Beban kerja (menit/tahun)")),
    ("need", _("Kebutuhan pegawai (desimal)")),
    ("need_rounded", _("Kebutuhan pegawai (dibulatkan)")),
    ("existing", _("Pegawai yang ada (per jabatan)")),
    ("gap", _("Selisih kebutuhan − yang ada")),
)


def role_flags(user: Any, instansi_id: int) -> dict[str, bool]:
    return {
        "can_write": selectors.can_write(user, instansi_id),
        "can_approve": selectors.can_approve(user, instansi_id),
        "can_enact": selectors.can_enact(user, instansi_id),
    }


def comparison_context(comparison: Comparison) -> dict[str, Any]:
    base_abk, other_abk = comparison.base.abk.as_dict(), comparison.other.abk.as_dict()
    return {
        "comparison": comparison,
        "metric_rows": comparison.metrics,
        "abk_rows": [
            (str(label), base_abk[key], other_abk[key], round(other_abk[key] - base_abk[key], 4))
            for key, label in ABK_ROWS
        ],
        "change_counts": [
            (kind, gettext(CHANGE_LABELS[kind]), n) for kind, n in comparison.change_counts.items()
        ],
        "changes": comparison.changes,
        "affected": comparison.affected,
    }
