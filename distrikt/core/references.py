"""Wagtail's reference index ("usage") for objects created in bulk.

Wagtail records an object's outbound references after each save, one task and several
queries per object. A bulk import saves inside `disable_reference_index_auto_update()` and
then calls `index_new_objects()` once, which writes the same rows in one bulk insert.
"""

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from wagtail.models import ReferenceIndex


def index_new_objects(objects: Sequence[Model], *, batch_size: int = 1000) -> int:
    """Record the references of objects just created (they have no index rows yet), as
    `ReferenceIndex.create_or_update_for_object` would; returns the number of rows written.

    Call it inside the transaction that created the objects; objects of a model Wagtail does
    not index are left alone.
    """
    rows = []
    for obj in objects:
        model = type(obj)
        if not ReferenceIndex.is_indexed(model):
            continue
        content_types = [
            ContentType.objects.get_for_model(each, for_concrete_model=False)
            for each in [model, *model._meta.get_parent_list()]
        ]
        # The same reference can be found twice (a set, as Wagtail's own method uses).
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_types[0],
                    base_content_type=content_types[-1],
                    object_id=obj.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, batch_size=batch_size)
    return len(rows)
