"""Every model of ours says what a change to it makes stale in the page cache.

A model that declares nothing purges every page on every save (safe, but it throws the
whole cache away on, say, each e-mail the outbox sends), so a new model must decide.
"""

from django.apps import apps

from wagtail.models import Page


def test_every_model_of_ours_declares_the_datasets_a_change_makes_stale():
    undeclared = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("distrikt.")
        and not issubclass(model, Page)
        and not hasattr(model, "changes_datasets")
        and not getattr(model, "changes_every_page", False)
    ]
    assert undeclared == []
