"""What the performance API operations share: the error responses and the id parameters."""

from typing import Any

from ninja import Path, Query

from penata.core.api_shapes import MAX_ID, ErrorOut

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def id_path(description: str) -> Any:
    return Path(..., ge=1, le=MAX_ID, description=description)


# An optional year in the query string (bounded, so that a wild value is a 422).
YEAR = Query(None, ge=2000, le=2100, description="Tahun")
