from django.db import migrations

READER_GROUP = "Postmottak"


def create_reader_group(apps, schema_editor):
    """The group that reads contact messages in the admin: admin access and "view" only.

    Permissions are normally made after all migrations; make the one the group needs here.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    message_type, _created = ContentType.objects.get_or_create(app_label="organisation", model="contactmessage")
    view_messages, _created = Permission.objects.get_or_create(
        content_type=message_type,
        codename="view_contactmessage",
        defaults={"name": "Can view melding frå kontaktskjemaet"},
    )
    group, _created = Group.objects.get_or_create(name=READER_GROUP)
    group.permissions.add(view_messages)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin is not None:
        group.permissions.add(access_admin)


def remove_reader_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=READER_GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("organisation", "0002_contact_page_messages_and_area_email"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_reader_group, remove_reader_group),
    ]
