"""The shared token: refused without it (401) or with a wrong one (403); a link sets it as a
cookie for the page; every answer carries the security headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from formkit.web.app import Settings, create_app

from .conftest import BAD_CREDIT_CODE, upload

TOKEN = "s3cret-Token_42"


@pytest.fixture(scope="module")
def guarded() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(workers=1, token=TOKEN))) as client:
        yield client


def files() -> list[tuple[str, tuple[str, bytes]]]:
    return upload((BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))


def test_without_a_token_the_api_and_the_page_answer_401(guarded: TestClient) -> None:
    api = guarded.post("/api/check", files=files())
    assert api.status_code == 401
    assert api.json()["error"] == "token-missing"
    page = guarded.get("/")
    assert page.status_code == 401 and "访问口令" in page.text


def test_a_wrong_token_is_403_wherever_it_is_carried(guarded: TestClient) -> None:
    wrong = [
        {"authorization": "Bearer nope"},
        {"x-formkit-token": "nope"},
        {"cookie": "formkit_token=nope"},
    ]
    for headers in wrong:
        answer = guarded.post("/api/check", files=files(), headers=headers)
        assert (answer.status_code, answer.json()["error"]) == (403, "token-wrong")
    assert guarded.get("/?token=nope").status_code == 403


def test_the_right_token_opens_the_api(guarded: TestClient) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    answer = guarded.post("/api/check", files=files(), headers=headers)
    assert answer.status_code == 200 and answer.json()[0]["form"] == "application"


def test_a_link_with_the_token_sets_a_strict_cookie_and_drops_it_from_the_address() -> None:
    with TestClient(create_app(Settings(workers=1, token="abc"))) as client:
        first = client.get("/?token=abc", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        cookie = first.headers["set-cookie"]
        assert "formkit_token=abc" in cookie and "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert client.get("/").status_code == 200  # the cookie now travels with the page
        assert client.post("/", files=files()).status_code == 200


def test_health_answers_without_a_token_and_every_answer_is_hardened(
    guarded: TestClient,
) -> None:
    answer = guarded.get("/healthz")
    assert answer.text == "ok"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert guarded.get("/").headers["x-frame-options"] == "DENY"
