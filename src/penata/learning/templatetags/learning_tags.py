from typing import Any

from django import template

from penata.learning.access import is_reader

register = template.Library()


@register.filter
def reads_learning(user: Any) -> bool:
    """Admin, unit heads and auditors see the unit and city pages."""
    return is_reader(user)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None
