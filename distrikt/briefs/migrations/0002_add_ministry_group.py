from django.db import migrations

MINISTRY_GROUP = "Departementet"


def create_ministry_group(apps, schema_editor):
    """The ministry users' group: admin access and the right to order briefs.

    Permissions are normally made after all migrations; make the one the group needs here.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    brief_type, _created = ContentType.objects.get_or_create(app_label="briefs", model="brief")
    request_brief, _created = Permission.objects.get_or_create(
        content_type=brief_type,
        codename="request_brief",
        defaults={"name": "Kan bestille kunnskapsgrunnlag"},
    )
    group, _created = Group.objects.get_or_create(name=MINISTRY_GROUP)
    group.permissions.add(request_brief)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin is not None:
        group.permissions.add(access_admin)


def remove_ministry_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MINISTRY_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0001_add_briefs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_ministry_group, remove_ministry_group)]
