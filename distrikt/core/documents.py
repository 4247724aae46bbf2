"""Documents uploaded to a page that has never been published stay private until it is.

Wagtail serves every document at /documents/<id>/<filename> to anyone. An editor who
uploads an embargoed report to a draft page must not publish it by doing so. Wagtail's
reference index knows which objects use a document; a document whose only uses are pages
that are not live and have never been published is withheld (404) from everyone but
editors. A document used by any live page, by anything that is not a page, or by nothing
is served as before.

The reference index holds a page's stored fields: for a page that was never published
that is its draft, which is what matters here.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType

from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def is_withheld(document: AbstractDocument) -> bool:
    """True when every use of the document is on a page that has never been published."""
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    if not references.exists() or references.exclude(base_content_type=page_type).exists():
        return False
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    pages = Page.objects.filter(pk__in=page_ids)
    return (
        not pages.filter(live=True).exists() and not pages.filter(first_published_at__isnull=False).exists()
    )


def may_see_withheld_documents(user: User | AnonymousUser) -> bool:
    """Editors who may work with documents see them before the page is published."""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, ["add", "change", "choose"])
