"""Uploaded documents and images live in S3-compatible object storage when a bucket is named.

The storage settings come from base.py read with the AWS_* variables set, against a local S3
server (moto; CI starts one, see the `s3_endpoint` fixture).
"""

import io
import json
import runpy
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import boto3
import pytest
from PIL import Image as PillowImage

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "settings" / "base.py"
KEYS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_S3_REGION_NAME": "eu-north-1",
}


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, settings):
    """A fresh bucket, and the default storage configured from the environment as base.py reads it."""
    name = f"distrikt-test-{uuid.uuid4().hex[:12]}"
    for variable, value in {
        **KEYS,
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
    }.items():
        monkeypatch.setenv(variable, value)
    configured = runpy.run_path(str(BASE_SETTINGS))
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=KEYS["AWS_S3_REGION_NAME"],
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": KEYS["AWS_S3_REGION_NAME"]}
    )
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_images_policy(name)))
    settings.STORAGES = {**settings.STORAGES, "default": configured["STORAGES"]["default"]}
    yield client, name
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)


def public_images_policy(bucket_name: str) -> dict:
    """The bucket policy docs/deploy.md recommends: images are public, documents are not."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket_name}/original_images/*",
                    f"arn:aws:s3:::{bucket_name}/images/*",
                ],
            }
        ],
    }


def png_bytes(width: int = 120, height: int = 90) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (0, 91, 127)).save(buffer, format="PNG")
    return buffer.getvalue()


def read_object(client, bucket_name: str, key: str) -> bytes:
    return client.get_object(Bucket=bucket_name, Key=key)["Body"].read()


def test_the_bucket_variables_switch_the_default_storage_to_s3(bucket, s3_endpoint):
    from django.core.files.storage import default_storage

    _client, name = bucket
    assert default_storage.__class__.__name__ == "S3Storage"
    assert default_storage.bucket_name == name
    assert default_storage.endpoint_url == s3_endpoint
    assert default_storage.file_overwrite is False


def test_without_a_bucket_media_stay_on_the_local_disk(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    configured = runpy.run_path(str(BASE_SETTINGS))
    assert configured["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_document_uploaded_in_wagtail_lands_in_the_bucket_and_is_served_back(bucket, editor_client):
    client, name = bucket
    content = "Rapport om nærbutikkar\n".encode() * 50
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile("rapport.txt", content, content_type="text/plain"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Rapport")

    assert read_object(client, name, document.file.name) == content
    served = Client().get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == content


def test_a_document_in_a_private_collection_is_served_only_after_the_privacy_check(bucket, editor_client):
    client, name = bucket
    private = Collection.get_first_root_node().add_child(name="Interne dokument")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Internt notat",
        collection=private,
        file=SimpleUploadedFile("notat.txt", b"berre for tilsette"),
    )
    assert read_object(client, name, document.file.name) == b"berre for tilsette"
    # The bucket itself never hands the document to an anonymous reader.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(document.file.url, timeout=10)  # noqa: S310  (local test server)
    assert refused.value.code == 403

    anonymous = Client().get(document.url)
    assert anonymous.status_code == 302
    assert name not in anonymous["Location"]  # not sent to the bucket, but to the login
    allowed = editor_client.get(document.url)
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content) == b"berre for tilsette"


def test_an_image_uploaded_in_wagtail_and_its_rendition_land_in_the_bucket(bucket, editor_client):
    client, name = bucket
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Butikk i Lofoten",
            "file": SimpleUploadedFile("butikk.png", png_bytes(), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Butikk i Lofoten")
    assert (image.width, image.height) == (120, 90)
    assert read_object(client, name, image.file.name) == png_bytes()

    rendition = image.get_rendition("fill-60x40")
    stored = PillowImage.open(io.BytesIO(read_object(client, name, rendition.file.name)))
    assert stored.size == (60, 40)
    # The rendition's public URL points at the bucket and answers with the image.
    assert name in rendition.url
    with urllib.request.urlopen(rendition.url, timeout=10) as fetched:  # noqa: S310  (local test server)
        assert PillowImage.open(io.BytesIO(fetched.read())).size == (60, 40)


def test_readiness_asks_the_bucket(bucket, client, settings):
    assert client.get("/readyz").json()["checks"]["storage"] == "ok"
    gone = {**settings.STORAGES["default"]}
    gone["OPTIONS"] = {**gone["OPTIONS"], "bucket_name": "distrikt-no-such-bucket"}
    settings.STORAGES = {**settings.STORAGES, "default": gone}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "ClientError"
