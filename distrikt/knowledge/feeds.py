"""RSS 2.0 and Atom 1.0 feeds of the knowledge bank, all of it or one theme."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import NewsPage
from .services import latest_entries


def feed_response(request: HttpRequest, page, area, kind: str) -> HttpResponse:
    """Render the newest entries (of one knowledge area, or all) as a feed."""
    feed_class = Atom1Feed if kind == "atom" else Rss201rev2Feed
    title = (
        _("Distriktssenteret: %(area)s") % {"area": area.localized_name}
        if area
        else _("Distriktssenteret: kunnskapsbanken")
    )
    feed = feed_class(
        title=title,
        link=request.build_absolute_uri(page.url),
        description=_("Nytt innhald i kunnskapsbanken til Distriktssenteret."),
        language=page.language,
        feed_url=request.build_absolute_uri(),
    )
    for entry in latest_entries(area=area):
        published = timezone.make_aware(datetime.datetime.combine(entry.date, datetime.time(8, 0)))
        feed.add_item(
            title=entry.title,
            link=request.build_absolute_uri(entry.url),
            description=entry.summary,
            unique_id=request.build_absolute_uri(entry.url),
            unique_id_is_permalink=True,
            pubdate=published,
            updateddate=published,
            categories=[entry.get_content_type_display()],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response


def news_feed_response(request: HttpRequest, page) -> HttpResponse:
    """RSS 2.0 of the newest news items under the news list page."""
    feed = Rss201rev2Feed(
        title=_("Distriktssenteret: nyheiter"),
        link=request.build_absolute_uri(page.url),
        description=_("Nyheiter frå Distriktssenteret."),
        language=page.language,
        feed_url=request.build_absolute_uri(),
    )
    news = NewsPage.objects.published().child_of(page).newest_first().prefetch_related("knowledge_areas")
    for item in news[:50]:
        published = timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))
        url = request.build_absolute_uri(item.url)
        feed.add_item(
            title=item.title,
            link=url,
            description=item.lead,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=published,
            updateddate=item.last_published_at or published,
            categories=[area.localized_name for area in item.knowledge_areas.all()],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
