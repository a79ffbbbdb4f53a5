"""Shared by the read API's tests (tests/test_api*.py): every API answer they receive is
checked against the OpenAPI document the API serves.

``conforming`` records each JSON answer under ``/api/`` made through Django's test client
in a test and, when the test ends, validates it with jsonschema against the response schema
the document gives for its path, method and status. An answer whose status the document does
not list fails the test as surely as a wrong field; an address the document has no path for
must be the JSON 404 (``Error``).
"""

import json
import re
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.test import Client

API = "/api/v1"


def openapi_document() -> dict:
    from articles.api.site import api

    return json.loads(json.dumps(api.get_openapi_schema()))  # as served: status keys as text


def _operation(document: dict, method: str, path: str):
    for template, operations in document["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return operations.get(method.lower())
    return None


def check(document: dict, method: str, path: str, status: int, body) -> None:
    """Raise if ``body`` is not what the document promises for this answer."""
    operation = _operation(document, method, path)
    if operation is None:
        assert status == 404, f"{method} {path}: {status} from an address the API lacks"
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        responses = operation["responses"]
        assert str(status) in responses, f"{method} {path}: {status} is not documented"
        schema = responses[str(status)]["content"]["application/json"]["schema"]
    validator = jsonschema.Draft202012Validator(
        {**schema, "components": document["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(body)


def path_of(url: str) -> str:
    """An absolute ``next`` link as the test client asks for it."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture
def conforming(monkeypatch):
    answers = []
    request = Client.request

    def recording(self, **kwargs):
        response = request(self, **kwargs)
        path = kwargs.get("PATH_INFO", "")
        json_answer = response.get("Content-Type", "").startswith("application/json")
        has_body = kwargs["REQUEST_METHOD"] != "HEAD" and response.status_code != 304
        if path.startswith("/api/") and json_answer and has_body and "openapi" not in path:
            answers.append((kwargs["REQUEST_METHOD"], path, response.status_code, response.json()))
        return response

    monkeypatch.setattr(Client, "request", recording)
    yield answers
    document = openapi_document()
    for method, path, status, body in answers:
        check(document, method, path, status, body)
