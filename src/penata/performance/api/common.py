"""What the performance API operations share: the error responses and the id parameters."""

from typing import Any

from ninja import Path, Query

from penata.core.api_shapes import ERRORS as COMMON_ERRORS
from penata.core.api_shapes import MAX_ID, ErrorOut

# The API's common errors, and 400 for a request that does not fit the object's state (or a
# body that is not JSON).
ERRORS: dict[int, Any] = {**COMMON_ERRORS, 400: ErrorOut}


def id_path(description: str) -> Any:
    return Path(..., ge=1, le=MAX_ID, description=description)


# An optional year in the query string (bounded, so that a wild value is a 422).
YEAR = Query(None, ge=2000, le=2100, description="Tahun")
