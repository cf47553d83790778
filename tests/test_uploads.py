"""What editors may upload: the stories' audio and video and their captions, office files;
nothing executable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model


@pytest.mark.parametrize("name", ["story.mp4", "story.webm", "story.m4a", "story.vtt"])
def test_story_media_can_be_uploaded_as_documents(admin_client, name):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, b"\x00\x00\x00\x18ftypmp42")},
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


def test_an_executable_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "setup", "file": SimpleUploadedFile("setup.exe", b"MZ")},
    )
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="setup").exists()
    assert "“exe” dosya uzantısına izin verilmiyor" in response.content.decode()
