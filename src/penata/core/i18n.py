"""Translation for code that also runs without Django settings (the pure engines).

`penata.restructure.graph`, `penata.core.reference` and other plain-Python modules are used
by benchmarks and scripts that never configure Django, where Django's `gettext` (and even its
`gettext_noop`) fail. They mark texts kept at module level with this module's `gettext_noop`
and translate every text where it is used:

    from penata.core.i18n import gettext_noop, translate
    from penata.core.i18n import translate as _

    LABELS = {"units": gettext_noop("Jumlah unit")}
    translate(LABELS["units"])
    _("Hapus unit %(unit)s.", unit=name)  # `_` and `gettext_noop` are names makemessages finds

`translate` returns the text in the active language with its named placeholders filled in (a
translation may reorder them); without a set-up Django it keeps the source text, Bahasa
Indonesia. `translate_plural`, imported as `ngettext`, does the same for counted texts. The
module imports nothing from Django until a text is translated.
"""

from __future__ import annotations

__all__ = ["django_ready", "gettext_noop", "translate", "translate_plural"]


def gettext_noop(message: str) -> str:
    """Mark `message` for `makemessages` (which finds this name) without translating it here.

    Django's own `gettext_noop` reads the settings, so it fails where they are not set up."""
    return message


def django_ready() -> bool:
    """True when Django's settings are configured and its apps loaded (translations work)."""
    from django.apps import apps
    from django.conf import settings

    return bool(settings.configured and apps.ready)


def translate(message: str, /, **params: object) -> str:
    """`message` in the active language, its `%(name)s` placeholders filled from `params`."""
    if django_ready():
        from django.utils.translation import gettext

        message = gettext(message)
    return message % params if params else str(message)


def translate_plural(singular: str, plural: str, number: int, /, **params: object) -> str:
    """The form of `singular`/`plural` for `number` in the active language, filled in."""
    if django_ready():
        from django.utils.translation import ngettext

        message = ngettext(singular, plural, number)
    else:
        message = singular if number == 1 else plural
    return message % params if params else str(message)
