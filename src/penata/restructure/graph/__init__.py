"""The pure restructuring engine (no Django): the organisation graph, its metrics,
scenario operations and comparisons. `penata.restructure.graph_loader` builds a graph from
the database."""

from penata.restructure.graph.compare import Comparison, compare
from penata.restructure.graph.errors import ErrorCode, OperationError, OperationRefused
from penata.restructure.graph.metrics import MetricsConfig, StructureMetrics, structure_metrics
from penata.restructure.graph.model import (
    DeferredDuties,
    DutyNode,
    NodeId,
    OrgGraph,
    PersonNode,
    PositionNode,
    UnitNode,
    parse_node_id,
)
from penata.restructure.graph.operations import OPERATIONS, Operation, operation_from
from penata.restructure.graph.scenario import Scenario

__all__ = [
    "OPERATIONS",
    "Comparison",
    "DeferredDuties",
    "DutyNode",
    "ErrorCode",
    "MetricsConfig",
    "NodeId",
    "Operation",
    "OperationError",
    "OperationRefused",
    "OrgGraph",
    "PersonNode",
    "PositionNode",
    "Scenario",
    "StructureMetrics",
    "UnitNode",
    "compare",
    "operation_from",
    "parse_node_id",
    "structure_metrics",
]
