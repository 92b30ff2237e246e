"""Shapes every /api/v1 operation shares: the page envelope and the error body."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_PAGE = 1_000_000
# Ids are 64-bit (BigAutoField): a larger number must be a 422, not a database error.
MAX_ID = 2**63 - 1
# Free text that reaches a query: PostgreSQL refuses NUL characters in strings.
NO_NUL = r"^[^\x00]*$"
SEARCH_MAX_LENGTH = 200


class ErrorOut(Schema):
    code: str = Field(
        description="Kode galat yang stabil, mis. `not_found`, `nip.birth_date`, `token.expired`"
    )
    message: str = Field(description="Pesan untuk manusia (bahasa Indonesia)")
    extra: dict[str, Any] = Field(description="Rincian tambahan, mis. daftar kesalahan masukan")


# Responses an authenticated operation may give besides its 200: 403 when a session of a
# privileged role has not passed two-factor sign-in (penata.accounts.security); 404 also for
# an id in a filter that names nothing the caller may see.
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
PUBLIC_ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}


def id_field(description: str) -> Any:
    """An optional id in a filter schema."""
    return Field(None, ge=1, le=MAX_ID, description=description)


def search_field(description: str) -> Any:
    """Optional free text in a filter schema."""
    return Field(None, max_length=SEARCH_MAX_LENGTH, pattern=NO_NUL, description=description)


class Pages(PageNumberPagination):
    """`?page=N&page_size=M` (bawaan 50, paling banyak 500); the body says the total `count`."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Nomor halaman, mulai dari 1")
        page_size: int = Field(
            PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Jumlah data per halaman (bawaan {PAGE_SIZE}, paling banyak "
            f"{MAX_PAGE_SIZE})",
        )

    class Output(Schema):
        items: list[Any] = Field(description="Data pada halaman ini")
        count: int = Field(description="Jumlah seluruh data yang cocok dengan filter")
        page: int = Field(description="Nomor halaman ini")
        page_size: int = Field(description="Jumlah data per halaman")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(
        self,
        queryset: QuerySet[Any],
        pagination: Any,
        request: HttpRequest,
        **params: Any,
    ) -> Any:
        size = pagination.page_size
        offset = (pagination.page - 1) * size
        return {
            "items": queryset[offset : offset + size],
            "count": self._items_count(queryset),
            "page": pagination.page,
            "page_size": size,
        }
