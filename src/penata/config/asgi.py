import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "penata.config.settings")
application = get_asgi_application()

from penata.core.gc_tuning import freeze_after_startup  # noqa: E402 - needs Django set up

freeze_after_startup()
