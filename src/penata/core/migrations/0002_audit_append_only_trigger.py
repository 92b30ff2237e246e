"""On PostgreSQL, refuse UPDATE and DELETE of audit rows at the database level.

The application never updates or deletes audit events; the trigger makes that hold for any
other client of the database too. TRUNCATE stays possible for the table owner (test
databases are emptied that way); production should connect as a role that does not own the
tables. SQLite (the embedded demo database) relies on the model guard only.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION penata_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION penata_audit_append_only();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;
DROP FUNCTION IF EXISTS penata_audit_append_only();
"""
def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
