"""Announcement attachments: download (recipients and those who follow up), add to and
remove from a draft (its author, or admin/org_analyst)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from penata.change import access, selectors, selectors_attachments
from penata.change.services import attachments as services
from penata.core.downloads import file_response
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.web import staff_view

# The name of the file input on the compose page and the detail page.
FIELD = "attachments"


@staff_view
@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors_attachments.attachment_get_for(request.user, pk)
    response = file_response(
        attachment.file, download_name=attachment.original_name, what="lampiran"
    )
    return cast(HttpResponse, response)


@staff_view
@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    if not access.can_compose(request.user):
        raise PermissionDenied(_("Hanya penyusun pengumuman yang dapat mengubah lampirannya."))
    announcement = selectors.announcement_follow_get(request.user, pk)
    files = request.FILES.getlist(FIELD)
    if not files:
        messages.error(request, _("Pilih berkas yang akan dilampirkan."))
    else:
        try:
            added = services.attachments_add(
                actor=request.user, announcement=announcement, files=files
            )
        except ValidationFailed as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(n)d lampiran ditambahkan.") % {"n": len(added)})
    return redirect("change:detail", pk=announcement.pk)


@staff_view
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors_attachments.attachment_get_for(request.user, pk)
    services.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("Lampiran %(name)s dihapus.") % {"name": attachment.original_name})
    return redirect("change:detail", pk=attachment.announcement_id)
