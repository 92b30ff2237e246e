"""Operations on positions: create, move, abolish, convert (penyetaraan), reporting line."""

from __future__ import annotations

from dataclasses import dataclass

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
                f"Jabatan {position_id} tidak ada dalam struktur.",
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
                f"Jabatan atasan {reports_to} tidak ada dalam struktur.",
                "reports_to",
            )
        ]
    if position_id is not None and reports_to == position_id:
        return [
            error(
                ErrorCode.POSITION_REPORTS_TO_SELF,
                f"Jabatan {quote_position(view, position_id)} tidak dapat menjadi atasan "
                "dirinya sendiri.",
                "reports_to",
            )
        ]
    if position_id is not None and would_cycle(view, position_id, reports_to):
        return [
            error(
                ErrorCode.POSITION_REPORTING_CYCLE,
                f"{quote_position(view, reports_to)} adalah bawahan (langsung atau tidak "
                f"langsung) dari {quote_position(view, position_id)}; garis pelaporan akan "
                "berputar.",
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
    label = "Bentuk jabatan baru"

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
            errors.append(
                error(ErrorCode.UNIT_MISSING, f"Unit {self.unit} tidak ada dalam struktur.", "unit")
            )
            return errors
        title = self.title.strip()
        if not title:
            errors.append(
                error(ErrorCode.POSITION_TITLE_BLANK, "Nama jabatan wajib diisi.", "title")
            )
        elif _title_taken(graph, self.unit, title, None):
            errors.append(
                error(
                    ErrorCode.POSITION_TITLE_TAKEN,
                    f"Unit {quote_unit(graph, self.unit)} sudah memiliki jabatan “{title}”.",
                    "title",
                )
            )
        errors += _attribute_errors(self.position_kind, self.jenjang, self.kelas, self.eselon)
        if self.role and (self.role not in ROLES or self.position_kind != "fungsional"):
            errors.append(
                error(
                    ErrorCode.POSITION_ROLE_INVALID,
                    "Peran Koordinator/Subkoordinator hanya untuk jabatan fungsional.",
                    "role",
                )
            )
        if self.is_unit_head:
            if self.position_kind not in MANAGERIAL_KINDS:
                errors.append(
                    error(
                        ErrorCode.POSITION_HEAD_NOT_MANAGERIAL,
                        "Kepala unit harus jabatan manajerial (JPT, administrator atau pengawas).",
                        "is_unit_head",
                    )
                )
            head = graph.head_of(self.unit)
            if head is not None:
                errors.append(
                    error(
                        ErrorCode.POSITION_HEAD_TAKEN,
                        f"Unit {quote_unit(graph, self.unit)} sudah dipimpin oleh “{head.title}”.",
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
        head = ", kepala unit" if self.is_unit_head else ""
        return (
            f"Bentuk jabatan “{self.title.strip()}” ({kind}{head}) di "
            f"{quote_unit(graph, self.unit)}."
        )


def _attribute_errors(
    kind: str, jenjang: str, kelas: int | None, eselon: str
) -> list[OperationError]:
    errors: list[OperationError] = []
    if kind not in POSITION_KINDS:
        errors.append(
            error(
                ErrorCode.POSITION_KIND_UNKNOWN,
                f"Jenis jabatan {kind!r} tidak dikenal.",
                "position_kind",
            )
        )
        return errors
    if kind == "fungsional" and jenjang not in JF_JENJANG:
        errors.append(
            error(
                ErrorCode.POSITION_JENJANG_INVALID,
                "Jabatan fungsional wajib memiliki jenjang (mis. Ahli Muda, Terampil).",
                "jenjang",
            )
        )
    elif kind != "fungsional" and jenjang:
        errors.append(
            error(
                ErrorCode.POSITION_JENJANG_INVALID,
                "Jenjang hanya diisi untuk jabatan fungsional.",
                "jenjang",
            )
        )
    if kelas is not None and not 1 <= kelas <= 17:
        errors.append(
            error(ErrorCode.POSITION_KELAS_RANGE, "Kelas jabatan harus 1 sampai 17.", "kelas")
        )
    if eselon and eselon not in KIND_ESELON.get(kind, ()):
        allowed = ", ".join(KIND_ESELON.get(kind, ())) or "tidak ada"
        errors.append(
            error(
                ErrorCode.POSITION_ESELON_INVALID,
                f"Eselon {eselon} tidak sesuai dengan jenis jabatan "
                f"{POSITION_KINDS[kind]} (eselon yang setara: {allowed}).",
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
    label = "Pindahkan jabatan"

    position: NodeId
    unit: NodeId
    reports_to: NodeId | None = None

    def validate(self, graph: OrgGraph) -> list[OperationError]:
        errors = _missing_position(graph, self.position, "position")
        if self.unit is None or self.unit not in graph.units:
            errors.append(
                error(ErrorCode.UNIT_MISSING, f"Unit {self.unit} tidak ada dalam struktur.", "unit")
            )
        if errors:
            return errors
        node = graph.positions[self.position]
        if node.is_unit_head:
            return [
                error(
                    ErrorCode.POSITION_IS_UNIT_HEAD,
                    f"{quote_position(graph, self.position)} memimpin unitnya; pindahkan "
                    "atau gabungkan unitnya, bukan jabatannya saja.",
                    "position",
                )
            ]
        if node.unit == self.unit:
            return [
                error(
                    ErrorCode.OPERATION_NOOP,
                    f"{quote_position(graph, self.position)} sudah berada di unit itu.",
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
        return f"Pindahkan jabatan {title} dari {source} ke {quote_unit(graph, self.unit)}."


@dataclass(frozen=True)
class AbolishPosition(Operation):
    """Abolish a post. Its subordinates report to its own superior; Plt/Plh end.

    Refused while it has definitive holders unless `incumbents_to` names their new post.
    Its duties go to `duties_to`, or disappear with it.
    """

    kind = "position.abolish"
    label = "Hapus jabatan"

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
                    f"{quote_position(graph, self.position)} masih dijabat oleh "
                    f"{len(node.incumbents)} pegawai. Tentukan jabatan tujuan mereka sebelum "
                    "jabatan ini dihapus.",
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
                        f"Jabatan tujuan {target} tidak ada dalam struktur.",
                        field,
                    )
                )
            elif target == self.position:
                errors.append(
                    error(
                        ErrorCode.POSITION_TARGET_SELF,
                        "Jabatan tujuan tidak boleh jabatan yang dihapus.",
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
                    f"{quote_position(graph, self.incumbents_to)} adalah jabatan manajerial "
                    "yang hanya dapat dijabat satu orang.",
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
        text = f"Hapus jabatan {quote_position(graph, self.position)}"
        if self.incumbents_to is not None:
            text += f"; pemangkunya pindah ke {quote_position(graph, self.incumbents_to)}"
        if self.duties_to is not None:
            text += f"; uraian tugasnya pindah ke {quote_position(graph, self.duties_to)}"
        return text + "."


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
    label = "Setarakan jabatan (penyetaraan)"

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
                    f"{quote_position(graph, self.position)} adalah jabatan "
                    f"{POSITION_KINDS.get(node.kind, node.kind)}; penyetaraan hanya untuk "
                    "jabatan administrator dan pengawas.",
                    "position",
                )
            ]
        if self.role not in {"auto", "", *ROLES}:
            errors.append(
                error(
                    ErrorCode.POSITION_ROLE_INVALID,
                    f"Peran {self.role!r} tidak dikenal (Koordinator atau Subkoordinator).",
                    "role",
                )
            )
        title = self.new_title(node)
        if _title_taken(graph, node.unit, title, self.position):
            errors.append(
                error(
                    ErrorCode.POSITION_TITLE_TAKEN,
                    f"Unit {quote_unit(graph, node.unit)} sudah memiliki jabatan “{title}”; "
                    "beri nama lain untuk jabatan hasil penyetaraan.",
                    "title",
                )
            )
        if self.kelas is not None and not 1 <= self.kelas <= 17:
            errors.append(
                error(ErrorCode.POSITION_KELAS_RANGE, "Kelas jabatan harus 1 sampai 17.", "kelas")
            )
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
            return f"Setarakan jabatan #{self.position} menjadi jabatan fungsional."
        jenjang = JF_JENJANG.get(PENYETARAAN_JENJANG.get(node.kind, ""), "")
        role = ROLES.get(self.new_role(node), "")
        text = (
            f"Setarakan {quote_position(graph, self.position)} "
            f"({POSITION_KINDS.get(node.kind, node.kind)}) menjadi jabatan fungsional "
            f"“{self.new_title(node)}” ({jenjang})"
        )
        return text + (f" dengan peran {role}." if role else ".")


@dataclass(frozen=True)
class ChangeReportingLine(Operation):
    kind = "position.reporting_line"
    label = "Ubah atasan langsung"

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
                    f"{quote_position(graph, self.position)} sudah melapor ke atasan itu.",
                    "reports_to",
                )
            )
        return errors

    def edit(self, editor: GraphEditor) -> None:
        editor.put_position(replace(editor.positions[self.position], reports_to=self.reports_to))

    def describe(self, graph: OrgGraph) -> str:
        superior = (
            quote_position(graph, self.reports_to) if self.reports_to is not None else "(tidak ada)"
        )
        return f"Ubah atasan langsung {quote_position(graph, self.position)} menjadi {superior}."
