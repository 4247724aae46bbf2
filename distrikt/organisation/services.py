"""Writes of the organisation app: messages from the contact form and their deletion."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from distrikt.core.models import SiteSettings
from distrikt.core.outbox import delete_messages_for, object_key, queue_mail

from .models import (
    CONTACT_MESSAGE_READER_GROUP_NAME,
    VIEW_CONTACT_MESSAGES_PERMISSION,
    ContactMessage,
    KnowledgeArea,
    Office,
)


def contact_recipient(office: Office | None, area: KnowledgeArea | None) -> str:
    """Where a message goes: the office's or area's own address, else the main address."""
    chosen = (office.email if office else "") or (area.contact_email if area else "")
    return chosen or SiteSettings.load().organisation_email or settings.DEFAULT_FROM_EMAIL


@transaction.atomic
def send_contact_message(
    *,
    name: str,
    email: str,
    phone: str,
    message: str,
    office: Office | None,
    knowledge_area: KnowledgeArea | None,
    language: str,
) -> ContactMessage:
    """Store a message from the contact form and queue it by e-mail to the right people."""
    contact = ContactMessage.objects.create(
        name=name,
        email=email,
        phone=phone,
        message=message,
        office=office,
        knowledge_area=knowledge_area,
        recipient=contact_recipient(office, knowledge_area),
        language=language,
    )
    # The staff read Nynorsk; the reader's language is named in the message.
    with override("nn"):
        subject = _("Kontaktskjema: %(topic)s") % {"topic": contact.topic}
        body = render_to_string("organisation/email/contact_message.txt", {"contact": contact})
    queue_mail(
        contact.recipient,
        subject,
        body,
        reply_to=[email],
        related=contact,
    )
    return contact


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)


def delete_expired_contact_messages(now: datetime.datetime | None = None) -> int:
    """Delete messages (and the e-mails that carried them) older than the retention period."""
    with transaction.atomic():
        expired = ContactMessage.objects.filter(created_at__lt=retention_cutoff(now))
        delete_messages_for(object_key(contact) for contact in expired.only("pk"))
        deleted, _per_model = expired.delete()
    return deleted


def ensure_contact_message_reader_group() -> Group:
    """The «Postmottak» group: admin access and the right to read contact messages (idempotent).

    Migration organisation 0003 creates it; the bundled-data loader calls this too, so a
    database that lost the group gets it back. Editors are not in it by default: the
    messages hold personal data.
    """
    group, _created = Group.objects.get_or_create(name=CONTACT_MESSAGE_READER_GROUP_NAME)
    app_label, codename = VIEW_CONTACT_MESSAGES_PERMISSION.split(".")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label=app_label, codename=codename)
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )
    return group
