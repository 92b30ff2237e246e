"""Numbers written the way the reader's language writes them: 1.234,5 and 84,5 in Bahasa
Indonesia, 1,234.5 and 84.5 in English.

`format_number` is the one place that turns a number into text for people (pages, messages,
PDF reports, text glued into translated sentences). It follows the active language through
Django's format modules (`django/conf/locale/<lang>/formats.py`) and groups thousands whether or
not `USE_THOUSAND_SEPARATOR` is set. Without a set-up Django (the pure rules modules called from
a plain script) it writes the Indonesian way, the default language of Penata; like
`penata.core.i18n`, the module imports nothing from Django until a number is written.

Spreadsheet cells, JSON and CLI output keep plain numbers; this is for text only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from penata.core.i18n import django_ready

Number = int | float | Decimal

# The Indonesian way (Django's `id` format module), for when Django is not set up.
_ID_DECIMAL_SEPARATOR = ","
_ID_THOUSAND_SEPARATOR = "."
_ID_GROUPING = 3


def format_number(value: Number, places: int | None = None, *, trim: bool = False) -> str:
    """Write `value` with the separators and grouping of the active language.

    `places`: digits after the decimal separator, rounded half up (away from zero), as the
    regulations round; None keeps the value's own digits (Decimal("12.50") → 12,50; 0.1 → 0,1;
    7 → 7). A float is taken as it prints (2.675 → 2,68 at two places).
    `trim`: drop trailing zeros of the fraction, and the separator when none is left
    (12.50 → 12,5; 3.0 → 3).
    A value that rounds to zero has no sign (−0.04 at one place → 0,0).
    """
    amount = _as_decimal(value)
    if places is not None and places < 0:
        raise ValueError(f"places must be 0 or more, not {places}")
    # Enough precision for every digit of the value: rounding must never lose whole digits.
    with localcontext() as context:
        context.prec = max(28, len(amount.as_tuple().digits) + (places or 0) + 2)
        if places is not None:
            amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if trim:
            amount = (
                amount.quantize(Decimal(1))
                if amount == amount.to_integral_value()
                else amount.normalize()
            )
    if amount.is_zero():
        amount = abs(amount)
    exponent = amount.as_tuple().exponent
    digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if django_ready():
        from django.utils.formats import number_format

        text = number_format(amount, digits, force_grouping=True)
    else:
        from django.utils import numberformat

        text = numberformat.format(
            amount,
            _ID_DECIMAL_SEPARATOR,
            digits,
            _ID_GROUPING,
            _ID_THOUSAND_SEPARATOR,
            force_grouping=True,
            use_l10n=False,
        )
    return f"{text}"  # plain str, not Django's SafeString


def _as_decimal(value: Number) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"not a number: {value!r}")
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not amount.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return amount
