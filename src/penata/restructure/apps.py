from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RestructureConfig(AppConfig):
    name = "penata.restructure"
    label = "restructure"
    verbose_name = _("Penataan struktur")
