"""Org chart data for an ECharts tree series, with a comparison's changes highlighted.

Units are the tree; posts appear as leaves only where they changed (so a city of 600 units
stays readable). Added nodes are green, removed red, moved/converted/renamed amber. Where a
unit has changed branches, its unchanged sub-units (more than `keep_unchanged` of them) are
folded into one grey "+N unit tanpa perubahan" node; unchanged branches start collapsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from penata.core.i18n import translate as _
from penata.core.i18n import translate_plural as ngettext
from penata.restructure.graph.model import NodeId, OrgGraph

ADDED = "#198754"
REMOVED = "#dc3545"
CHANGED = "#e0a100"
PLAIN = "#0b4f6c"
POST = "#6c757d"
FOLDED = "#adb5bd"

Side = Literal["base", "other"]


def _colour(verb: str | None, side: Side) -> str | None:
    if verb is None:
        return None
    if verb == "added":
        return ADDED if side == "other" else None
    if verb == "removed":
        return REMOVED if side == "base" else None
    return CHANGED


def org_chart(
    graph: OrgGraph,
    changed: Mapping[str, Mapping[NodeId, str]],
    side: Side,
    *,
    title: str = "",
    keep_unchanged: int = 3,
) -> dict[str, Any]:
    """The tree (one root) for `graph`; `changed` is `Comparison.changed_ids()`."""
    unit_changes = changed.get("unit", {})
    post_changes = changed.get("position", {})
    counts = {"added": 0, "removed": 0, "changed": 0}

    def tally(colour: str) -> None:
        counts["added" if colour == ADDED else "removed" if colour == REMOVED else "changed"] += 1

    def post_leaf(pid: NodeId) -> dict[str, Any] | None:
        colour = _colour(post_changes.get(pid), side)
        if colour is None:
            return None
        node = graph.positions[pid]
        tally(colour)
        return {
            "name": node.title,
            "value": len(node.incumbents),
            "kind": "position",
            "change": post_changes.get(pid),
            "symbol": "rect",
            "symbolSize": 9,
            "itemStyle": {"color": colour, "borderColor": colour},
            "label": {"color": colour, "fontWeight": "bold"},
        }

    def build(uid: NodeId, depth: int) -> tuple[dict[str, Any], bool]:
        unit = graph.units[uid]
        children: list[dict[str, Any]] = []
        has_change = False
        built = [build(child, depth + 1) for child in graph.sorted_units(graph.children(uid))]
        unchanged = [sub for sub, sub_changed in built if not sub_changed]
        if any(sub_changed for _sub, sub_changed in built) and len(unchanged) > keep_unchanged:
            children.extend(sub for sub, sub_changed in built if sub_changed)
            children.append(
                {
                    "name": ngettext(
                        "+%(count)s unit tanpa perubahan",
                        "+%(count)s unit tanpa perubahan",
                        len(unchanged),
                        count=len(unchanged),
                    ),
                    "value": sum(sub["value"] for sub in unchanged),
                    "kind": "folded",
                    "symbol": "emptyCircle",
                    "itemStyle": {"color": FOLDED, "borderColor": FOLDED},
                    "label": {"color": FOLDED, "fontStyle": "italic"},
                }
            )
            has_change = True
        else:
            children.extend(sub for sub, _sub_changed in built)
            has_change = any(sub_changed for _sub, sub_changed in built)
        for pid in graph.sorted_positions(graph.unit_positions(uid)):
            leaf = post_leaf(pid)
            if leaf is not None:
                children.append(leaf)
                has_change = True
        colour = _colour(unit_changes.get(uid), side)
        if colour is not None:
            counts[
                "added" if colour == ADDED else "removed" if colour == REMOVED else "changed"
            ] += 1
        head = graph.head_of(uid)
        people = sum(len(graph.positions[p].incumbents) for p in graph.unit_positions(uid))
        node: dict[str, Any] = {
            "name": unit.name,
            "value": people,
            "kind": "unit",
            "head": head.title if head else "",
            "change": unit_changes.get(uid),
            "children": children,
            "collapsed": depth >= 1 and not has_change and colour is None,
            "itemStyle": {"color": colour or PLAIN, "borderColor": colour or PLAIN},
        }
        if colour is not None:
            node["label"] = {"color": colour, "fontWeight": "bold"}
        return node, has_change or colour is not None

    roots = graph.roots()
    if len(roots) == 1:
        tree = build(roots[0], 0)[0]
    else:
        built = [build(r, 1) for r in roots]
        tree = {
            "name": title or _("Struktur"),
            "value": 0,
            "kind": "root",
            "children": [b[0] for b in built],
            "collapsed": False,
            "itemStyle": {"color": PLAIN, "borderColor": PLAIN},
        }
    return {"tree": tree, "counts": counts}
