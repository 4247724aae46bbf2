"""Factories for the organisation's registers."""

import factory
from factory.django import DjangoModelFactory

from .models import KnowledgeArea, Office, Person, TargetGroup


class KnowledgeAreaFactory(DjangoModelFactory):
    class Meta:
        model = KnowledgeArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kunnskapsområde {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Målgruppe {n}")
    slug = factory.Sequence(lambda n: f"malgruppe-{n}")


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kontor {n}")
    slug = factory.Sequence(lambda n: f"kontor-{n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Testperson Nummer{n}")
    slug = factory.Sequence(lambda n: f"testperson-{n}")
    job_title = "Rådgivar"
    email = factory.LazyAttribute(lambda person: f"{person.slug}@example.org")
    office = factory.SubFactory(OfficeFactory)
