"""URLs of this app: none of its own; its pages and feeds are Wagtail routes under /kunnskap/."""

app_name = "knowledge"

urlpatterns: list = []
