"""Refresh the planner's statistics of the activity log after its day index changed.

SQLite keeps the statistics of an index by name: after 0004 re-created `activity_day_idx` with
more columns, the old numbers made the planner scan the whole table for a day's entries.
ANALYZE is cheap next to that and harmless on PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("performance", "0004_activity_day_index_covers_city")]

    operations = [
        migrations.RunSQL("ANALYZE performance_activity", reverse_sql=migrations.RunSQL.noop),
    ]
