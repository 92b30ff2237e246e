"""Operations on positions: create, move, abolish, convert (penyetaraan), reporting line."""

from __future__ import annotations

from dataclasses import dataclass

from penata.core.i18n import gettext_noop
from penata.core.i18n import translate as _
from penata.core.i18n import translate_plural as ngettext
from penata.core.reference import (
    JF_JENJANG,
    KIND_ESELON,
    MANAGERIAL_KINDS,
    PENYETARAAN_JENJANG,
    POSITION_KINDS,
)
from penata.restructure.graph.errors import ErrorCode, OperationError
from penata.restructure.graph.model import (
    ROLES,
    GraphEditor,
    NodeId,
    OrgGraph,
    PositionNode,
    replace,
)
from penata.restructure.graph.operations.base import (
    GraphView,
    Operation,
    check_new_id,
    clash_error,
    error,
    fold_position,
    next_manager_up,
    quote_position,
    quote_unit,
    repoint_subordinates,
    title_conflicts,
    would_cycle,
)

# Penyetaraan (PermenPAN-RB 17/2021, DOMAIN §2.4) [P]: the team role an ex-official may get.
PENYETARAAN_ROLE = {"administrator": "koordinator", "pengawas": "subkoordinator"}
# The functional post most penyetaraan lands on; the analyst may name another.
PENYETARAAN_DEFAULT_JF = "Analis Kebijakan"


def _missing_position(
    view: GraphView, position_id: NodeId | None, field: str
) -> list[OperationError]:
    if position_id is None or position_id not in view.positions:
        return [
            error(
                ErrorCode.POSITION_MISSING,
                _("Jabatan %(position)s tidak ada dalam struktur.", position=position_id),
                field,
            )
        ]
    return []


def _title_taken(view: GraphView, unit_id: NodeId, title: str, except_id: NodeId | None) -> bool:
    wanted = title.strip().casefold()
    return any(
        view.positions[p].title.casefold() == wanted and p != except_id
        for p in view.unit_positions(unit_id)
    )


def _reports_to_errors(
    view: GraphView, position_id: NodeId | None, reports_to: NodeId | None
) -> list[OperationError]:
    if reports_to is None:
        return []
    if reports_to not in view.positions:
        return [
            error(
                ErrorCode.POSITION_REPORTS_TO_MISSING,
                _("Jabatan atasan %(position)s tidak ada dalam struktur.", position=reports_to),
                "reports_to",
            )
        ]
    if position_id is not None and reports_to == position_id:
        return [
            error(
                ErrorCode.POSITION_REPORTS_TO_SELF,
                _(
                    "Jabatan %(position)s tidak dapat menjadi atasan dirinya sendiri.",
                    position=quote_position(view, position_id),
                ),
                "reports_to",
            )
        ]
    if position_id is not None and would_cycle(view, position_id, reports_to):
        return [
            error(
                ErrorCode.POSITION_REPORTING_CYCLE,
                _(
                    "%(superior)s adalah bawahan (langsung atau tidak langsung) dari "
                    "%(position)s; garis pelaporan akan berputar.",
                    superior=quote_position(view, reports_to),
                    position=quote_position(view, position_id),
                ),
                "reports_to",
            )
        ]
    return []


def default_superior(view: GraphView, unit_id: NodeId, is_unit_head: bool) -> NodeId | None:
    """Who a post reports to when the analyst does not say: its unit's head, or for a head
    the head of the parent unit."""
    if not is_unit_head:
        head = view.head_of(unit_id)
        if head is not None:
            return head.id
    parent = view.units[unit_id].parent
    while parent is not None and parent in view.units:
        head = view.head_of(parent)
        if head is not None:
            return head.id
        parent = view.units[parent].parent
    return None


@dataclass(frozen=True)
class CreatePosition(Operation):
    kind = "position.create"
    label = gettext_noop("Bentuk jabatan baru")

    new_id: NodeId
    unit: NodeId
    title: str
    position_kind: str
    jenjang: str = ""
    kelas: int | None = None
    eselon: str = ""
    reports_to: NodeId | None = None
    is_unit_head: bool = False
    role: str = ""

    def created_ids(self) -> tuple[NodeId, ...]:
        return (self.new_id,)

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = check_new_id(graph, self.new_id, graph.positions, "position")
        if self.unit is None or self.unit not in graph.units:
            message = _("Unit %(unit)s tidak ada dalam struktur.", unit=self.unit)
            errors.append(error(ErrorCode.UNIT_MISSING, message, "unit"))
            return errors
        title = self.title.strip()
        if not title:
            errors.append(
                error(ErrorCode.POSITION_TITLE_BLANK, _("Nama jabatan wajib diisi."), "title")
            )
        elif _title_taken(graph, self.unit, title, None):
            errors.append(
                error(
                    ErrorCode.POSITION_TITLE_TAKEN,
                    _(
                        "Unit %(unit)s sudah memiliki jabatan “%(title)s”.",
                        unit=quote_unit(graph, self.unit),
                        title=title,
                    ),
                    "title",
                )
            )
        errors += _attribute_errors(self.position_kind, self.jenjang, self.kelas, self.eselon)
        if self.role and (self.role not in ROLES or self.position_kind != "fungsional"):
            errors.append(
                error(
                    ErrorCode.POSITION_ROLE_INVALID,
                    _("Peran Koordinator/Subkoordinator hanya untuk jabatan fungsional."),
                    "role",
                )
            )
        if self.is_unit_head:
            if self.position_kind not in MANAGERIAL_KINDS:
                errors.append(
                    error(
                        ErrorCode.POSITION_HEAD_NOT_MANAGERIAL,
                        _(
                            "Kepala unit harus jabatan manajerial (JPT, administrator atau "
                            "pengawas)."
                        ),
                        "is_unit_head",
                    )
                )
            head = graph.head_of(self.unit)
            if head is not None:
                errors.append(
                    error(
                        ErrorCode.POSITION_HEAD_TAKEN,
                        _(
                            "Unit %(unit)s sudah dipimpin oleh “%(head)s”.",
                            unit=quote_unit(graph, self.unit),
                            head=head.title,
                        ),
                        "is_unit_head",
                    )
                )
        errors += _reports_to_errors(graph, None, self.reports_to)
        return errors

    def edit(self, editor: GraphEditor) -> None:
        superior = self.reports_to
        if superior is None:
            superior = default_superior(editor, self.unit, self.is_unit_head)
        editor.put_position(
            PositionNode(
                id=self.new_id,
                unit=self.unit,
                title=self.title.strip(),
                kind=self.position_kind,
                jenjang=self.jenjang,
                kelas=self.kelas,
                eselon=self.eselon,
                reports_to=superior,
                is_unit_head=self.is_unit_head,
                role=self.role,
                sort_order=10_000,
            )
        )

    def describe(self, graph: OrgGraph) -> str:
        kind = POSITION_KINDS.get(self.position_kind, self.position_kind)
        if self.jenjang:
            kind += f" {JF_JENJANG.get(self.jenjang, self.jenjang)}"
        values = {"title": self.title.strip(), "kind": kind, "unit": quote_unit(graph, self.unit)}
        if self.is_unit_head:
            return _("Bentuk jabatan “%(title)s” (%(kind)s, kepala unit) di %(unit)s.", **values)
        return _("Bentuk jabatan “%(title)s” (%(kind)s) di %(unit)s.", **values)


def _attribute_errors(
    kind: str, jenjang: str, kelas: int | None, eselon: str
) -> list[OperationError]:
    errors: list[OperationError] = []
    if kind not in POSITION_KINDS:
        errors.append(
            error(
                ErrorCode.POSITION_KIND_UNKNOWN,
                _("Jenis jabatan %(kind)s tidak dikenal.", kind=repr(kind)),
                "position_kind",
            )
        )
        return errors
    if kind == "fungsional" and jenjang not in JF_JENJANG:
        errors.append(
            error(
                ErrorCode.POSITION_JENJANG_INVALID,
                _("Jabatan fungsional wajib memiliki jenjang (mis. Ahli Muda, Terampil)."),
                "jenjang",
            )
        )
    elif kind != "fungsional" and jenjang:
        errors.append(
            error(
                ErrorCode.POSITION_JENJANG_INVALID,
                _("Jenjang hanya diisi untuk jabatan fungsional."),
                "jenjang",
            )
        )
    if kelas is not None and not 1 <= kelas <= 17:
        errors.append(
            error(ErrorCode.POSITION_KELAS_RANGE, _("Kelas jabatan harus 1 sampai 17."), "kelas")
        )
    if eselon and eselon not in KIND_ESELON.get(kind, ()):
        allowed = ", ".join(KIND_ESELON.get(kind, ())) or _("tidak ada")
        errors.append(
            error(
                ErrorCode.POSITION_ESELON_INVALID,
                _(
                    "Eselon %(eselon)s tidak sesuai dengan jenis jabatan %(kind)s (eselon yang "
                    "setara: %(allowed)s).",
                    eselon=eselon,
                    kind=POSITION_KINDS[kind],
                    allowed=allowed,
                ),
                "eselon",
            )
        )
    return errors


@dataclass(frozen=True)
class MovePosition(Operation):
    """Move a post (with its holders and duties) to another unit.

    Without `reports_to` it reports to the target unit's head. A same-titled compatible post
    in the target absorbs it (one peta-jabatan row per title per unit).
    """

    kind = "position.move"
    label = gettext_noop("Pindahkan jabatan")

    position: NodeId
    unit: NodeId
    reports_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_position(graph, self.position, "position")
        if self.unit is None or self.unit not in graph.units:
            message = _("Unit %(unit)s tidak ada dalam struktur.", unit=self.unit)
            errors.append(error(ErrorCode.UNIT_MISSING, message, "unit"))
        if errors:
            return errors
        node = graph.positions[self.position]
        if node.is_unit_head:
            return [
                error(
                    ErrorCode.POSITION_IS_UNIT_HEAD,
                    _(
                        "%(position)s memimpin unitnya; pindahkan atau gabungkan unitnya, bukan "
                        "jabatannya saja.",
                        position=quote_position(graph, self.position),
                    ),
                    "position",
                )
            ]
        if node.unit == self.unit:
            return [
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "%(position)s sudah berada di unit itu.",
                        position=quote_position(graph, self.position),
                    ),
                    "unit",
                )
            ]
        _folds, clashes = title_conflicts(graph, [self.position], self.unit)
        if clashes:
            errors.append(clash_error(graph, clashes, self.unit))
        errors += _reports_to_errors(graph, self.position, self.reports_to)
        return errors

    def edit(self, editor: GraphEditor) -> None:
        folds, _clashes = title_conflicts(editor, [self.position], self.unit)
        if self.position in folds:
            fold_position(editor, self.position, folds[self.position])
            return
        superior = self.reports_to
        if superior is None:
            superior = default_superior(editor, self.unit, False)
        node = editor.positions[self.position]
        editor.put_position(replace(node, unit=self.unit, reports_to=superior))

    def describe(self, graph: OrgGraph) -> str:
        node = graph.positions.get(self.position)
        source = quote_unit(graph, node.unit) if node else "?"
        title = f"“{node.title}”" if node else f"#{self.position}"
        return _(
            "Pindahkan jabatan %(title)s dari %(source)s ke %(target)s.",
            title=title,
            source=source,
            target=quote_unit(graph, self.unit),
        )


@dataclass(frozen=True)
class AbolishPosition(Operation):
    """Abolish a post. Its subordinates report to its own superior; Plt/Plh end.

    Refused while it has definitive holders unless `incumbents_to` names their new post.
    Its duties go to `duties_to`, or disappear with it.
    """

    kind = "position.abolish"
    label = gettext_noop("Hapus jabatan")

    position: NodeId
    incumbents_to: NodeId | None = None
    duties_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_position(graph, self.position, "position")
        if errors:
            return errors
        node = graph.positions[self.position]
        if node.incumbents and self.incumbents_to is None:
            errors.append(
                error(
                    ErrorCode.POSITION_HAS_INCUMBENTS,
                    ngettext(
                        "%(position)s masih dijabat oleh %(count)s pegawai. Tentukan jabatan "
                        "tujuan mereka sebelum jabatan ini dihapus.",
                        "%(position)s masih dijabat oleh %(count)s pegawai. Tentukan jabatan "
                        "tujuan mereka sebelum jabatan ini dihapus.",
                        len(node.incumbents),
                        position=quote_position(graph, self.position),
                        count=len(node.incumbents),
                    ),
                    "incumbents_to",
                    incumbents=len(node.incumbents),
                )
            )
        for field, target in (("incumbents_to", self.incumbents_to), ("duties_to", self.duties_to)):
            if target is None:
                continue
            if target not in graph.positions:
                errors.append(
                    error(
                        ErrorCode.POSITION_TARGET_MISSING,
                        _("Jabatan tujuan %(position)s tidak ada dalam struktur.", position=target),
                        field,
                    )
                )
            elif target == self.position:
                errors.append(
                    error(
                        ErrorCode.POSITION_TARGET_SELF,
                        _("Jabatan tujuan tidak boleh jabatan yang dihapus."),
                        field,
                    )
                )
        receiver = graph.positions.get(self.incumbents_to) if self.incumbents_to else None
        if (
            receiver is not None
            and self.incumbents_to != self.position
            and receiver.is_managerial
            and len(set(receiver.incumbents) | set(node.incumbents)) > 1
        ):
            errors.append(
                error(
                    ErrorCode.POSITION_TARGET_SINGLE_HOLDER,
                    _(
                        "%(position)s adalah jabatan manajerial yang hanya dapat dijabat satu "
                        "orang.",
                        position=quote_position(graph, self.incumbents_to),
                    ),
                    "incumbents_to",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        node = editor.positions[self.position]
        repoint_subordinates(editor, self.position, node.reports_to)
        if self.incumbents_to is not None and node.incumbents:
            target = editor.positions[self.incumbents_to]
            editor.put_position(
                replace(
                    target, incumbents=tuple(dict.fromkeys((*target.incumbents, *node.incumbents)))
                )
            )
        for duty_id in editor.position_duties(self.position):
            if self.duties_to is not None:
                editor.put_duty(replace(editor.duties[duty_id], position=self.duties_to))
            else:
                editor.remove_duty(duty_id)
        editor.remove_position(self.position)

    def describe(self, graph: OrgGraph) -> str:
        values = {
            "position": quote_position(graph, self.position),
            "incumbents_to": quote_position(graph, self.incumbents_to),
            "duties_to": quote_position(graph, self.duties_to),
        }
        if self.incumbents_to is not None and self.duties_to is not None:
            return _(
                "Hapus jabatan %(position)s; pemangkunya pindah ke %(incumbents_to)s; uraian "
                "tugasnya pindah ke %(duties_to)s.",
                **values,
            )
        if self.incumbents_to is not None:
            return _(
                "Hapus jabatan %(position)s; pemangkunya pindah ke %(incumbents_to)s.", **values
            )
        if self.duties_to is not None:
            return _(
                "Hapus jabatan %(position)s; uraian tugasnya pindah ke %(duties_to)s.", **values
            )
        return _("Hapus jabatan %(position)s.", **values)


@dataclass(frozen=True)
class ConvertPosition(Operation):
    """Penyetaraan jabatan (PermenPAN-RB 17/2021, DOMAIN §2.4): an administrator post becomes
    JF Ahli Madya, a pengawas post JF Ahli Muda.

    The post stops being managerial (and stops heading its unit), keeps its holders, is
    flagged `is_penyetaraan` with its former kind and eselon, and gets the Koordinator
    (ex-administrator) or Subkoordinator (ex-pengawas) role unless `role` says otherwise
    ("" = no role). It and its former subordinates report to the next managerial post up.
    """

    kind = "position.convert"
    label = gettext_noop("Setarakan jabatan (penyetaraan)")

    position: NodeId
    title: str = ""
    role: str = "auto"
    kelas: int | None = None

    def new_title(self, node: PositionNode) -> str:
        if self.title.strip():
            return self.title.strip()
        jenjang = PENYETARAAN_JENJANG.get(node.kind, "")
        return f"{PENYETARAAN_DEFAULT_JF} {JF_JENJANG.get(jenjang, '')}".strip()

    def new_role(self, node: PositionNode) -> str:
        return PENYETARAAN_ROLE.get(node.kind, "") if self.role == "auto" else self.role

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_position(graph, self.position, "position")
        if errors:
            return errors
        node = graph.positions[self.position]
        if node.kind not in PENYETARAAN_ROLE:
            return [
                error(
                    ErrorCode.POSITION_NOT_CONVERTIBLE,
                    _(
                        "%(position)s adalah jabatan %(kind)s; penyetaraan hanya untuk jabatan "
                        "administrator dan pengawas.",
                        position=quote_position(graph, self.position),
                        kind=POSITION_KINDS.get(node.kind, node.kind),
                    ),
                    "position",
                )
            ]
        if self.role not in {"auto", "", *ROLES}:
            errors.append(
                error(
                    ErrorCode.POSITION_ROLE_INVALID,
                    _(
                        "Peran %(role)s tidak dikenal (Koordinator atau Subkoordinator).",
                        role=repr(self.role),
                    ),
                    "role",
                )
            )
        title = self.new_title(node)
        if _title_taken(graph, node.unit, title, self.position):
            errors.append(
                error(
                    ErrorCode.POSITION_TITLE_TAKEN,
                    _(
                        "Unit %(unit)s sudah memiliki jabatan “%(title)s”; beri nama lain untuk "
                        "jabatan hasil penyetaraan.",
                        unit=quote_unit(graph, node.unit),
                        title=title,
                    ),
                    "title",
                )
            )
        if self.kelas is not None and not 1 <= self.kelas <= 17:
            message = _("Kelas jabatan harus 1 sampai 17.")
            errors.append(error(ErrorCode.POSITION_KELAS_RANGE, message, "kelas"))
        return errors

    def edit(self, editor: GraphEditor) -> None:
        node = editor.positions[self.position]
        superior = next_manager_up(editor, self.position)
        repoint_subordinates(editor, self.position, superior)
        node = editor.positions[self.position]
        editor.put_position(
            replace(
                node,
                title=self.new_title(node),
                kind="fungsional",
                jenjang=PENYETARAAN_JENJANG[node.kind],
                kelas=self.kelas if self.kelas is not None else node.kelas,
                eselon="",
                reports_to=superior,
                is_unit_head=False,
                role=self.new_role(node),
                is_penyetaraan=True,
                former_kind=node.kind,
                former_eselon=node.eselon,
            )
        )

    def describe(self, graph: OrgGraph) -> str:
        node = graph.positions.get(self.position)
        if node is None:
            return _(
                "Setarakan jabatan #%(position)s menjadi jabatan fungsional.",
                position=self.position,
            )
        role = ROLES.get(self.new_role(node), "")
        values = {
            "position": quote_position(graph, self.position),
            "kind": POSITION_KINDS.get(node.kind, node.kind),
            "title": self.new_title(node),
            "jenjang": JF_JENJANG.get(PENYETARAAN_JENJANG.get(node.kind, ""), ""),
            "role": role,
        }
        if role:
            return _(
                "Setarakan %(position)s (%(kind)s) menjadi jabatan fungsional “%(title)s” "
                "(%(jenjang)s) dengan peran %(role)s.",
                **values,
            )
        return _(
            "Setarakan %(position)s (%(kind)s) menjadi jabatan fungsional “%(title)s” "
            "(%(jenjang)s).",
            **values,
        )


@dataclass(frozen=True)
class ChangeReportingLine(Operation):
    kind = "position.reporting_line"
    label = gettext_noop("Ubah atasan langsung")

    position: NodeId
    reports_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_position(graph, self.position, "position")
        if errors:
            return errors
        errors = _reports_to_errors(graph, self.position, self.reports_to)
        if not errors and graph.positions[self.position].reports_to == self.reports_to:
            errors.append(
                error(
                    ErrorCode.OPERATION_NOOP,
                    _(
                        "%(position)s sudah melapor ke atasan itu.",
                        position=quote_position(graph, self.position),
                    ),
                    "reports_to",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        editor.put_position(replace(editor.positions[self.position], reports_to=self.reports_to))

    def describe(self, graph: OrgGraph) -> str:
        superior = (
            quote_position(graph, self.reports_to)
            if self.reports_to is not None
            else _("(tidak ada)")
        )
        return _(
            "Ubah atasan langsung %(position)s menjadi %(superior)s.",
            position=quote_position(graph, self.position),
            superior=superior,
        )
