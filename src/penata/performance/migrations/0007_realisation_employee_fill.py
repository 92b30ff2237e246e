"""Fill `Realisation.employee` from the evaluation of each realisation written before 0006."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Realisation = apps.get_model("performance", "Realisation")
    Evaluation = apps.get_model("performance", "Evaluation")
    Realisation.objects.filter(employee__isnull=True).update(
        employee=Subquery(
            Evaluation.objects.filter(pk=OuterRef("evaluation_id")).values("employee_id")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("performance", "0006_realisation_employee")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
