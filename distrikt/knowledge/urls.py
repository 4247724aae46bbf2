"""URLs of this app, included under the language prefix before Wagtail's catch-all."""

urlpatterns: list = []
