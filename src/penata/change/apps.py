from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    name = "penata.change"
    label = "change"
    verbose_name = _("Pengelolaan perubahan")
