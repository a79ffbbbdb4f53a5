"""The foundation: settings, health check, migrations, lint, docker-compose."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.db import DatabaseError

from tests.commands import PRODUCTION_ENV, manage

ROOT = Path(__file__).resolve().parent.parent


def test_healthz_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_does_not(client, db, monkeypatch):
    class DownConnection:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("articles.health.connection", DownConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_home_page_answers(client, db):
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_no_missing_migrations():
    """Models and migrations agree: `makemigrations --check` finds nothing."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_vietnamese_locale_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True


def _manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_extra)
    return manage(*args, env=env)


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def _env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def test_check_deploy_is_clean_with_env_example_values():
    """`.env.example` as a deployment copies it, with the one value it says to replace."""
    values = _env_example()
    assert values["DJANGO_SECRET_KEY"].startswith("change-me")
    values["DJANGO_SECRET_KEY"] = "k" + secrets.token_urlsafe(50)
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra=values)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_refuses_the_public_secret_keys():
    """The laptop default and `.env.example`'s placeholder are public: deploy check fails."""
    for secret in [None, _env_example()["DJANGO_SECRET_KEY"] + "-" + "x" * 50]:
        env = {**PRODUCTION_ENV}
        if secret is None:
            del env["DJANGO_SECRET_KEY"]
        else:
            env["DJANGO_SECRET_KEY"] = secret
        result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra=env)
        assert result.returncode != 0
        assert "newsroom.E001" in result.stdout + result.stderr


def test_check_deploy_warns_with_laptop_defaults():
    """The deploy check is not silenced wholesale: laptop defaults still fail it."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra={})
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def _settings_variables():
    source = (ROOT / "newsroom" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z0-9_]+)"', source))


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_services_and_volumes():
    compose = _compose()
    assert {"db", "redis", "web"} <= set(compose["services"])
    assert compose["services"]["db"]["image"].startswith("postgres:17")
    assert "healthcheck" in compose["services"]["db"]
    assert "healthcheck" in compose["services"]["web"]
    assert "/healthz" in json.dumps(compose["services"]["web"]["healthcheck"])
    assert compose["services"]["web"]["build"]
    assert {"pgdata", "media", "static"} <= set(compose["volumes"])


def test_compose_puts_nginx_in_front_with_the_tested_configuration():
    """Only nginx publishes a port; it runs deploy/nginx/'s template, as tests/test_front.py
    does, and reads the static and media volumes without writing them."""
    services = _compose()["services"]
    assert "ports" not in services["web"]
    assert services["web"]["environment"]["NEWSROOM_SERVE_MEDIA"] == "0"
    assert services["web"]["environment"]["DJANGO_BEHIND_PROXY"] == "1"
    nginx = services["nginx"]
    assert nginx["image"].startswith("nginx:")
    assert nginx["ports"]
    assert nginx["depends_on"]["web"]
    volumes = nginx["volumes"]
    template = "./deploy/nginx/newsroom.conf.template:/etc/nginx/templates/default.conf.template"
    assert f"{template}:ro" in volumes
    assert (ROOT / "deploy" / "nginx" / "newsroom.conf.template").exists()
    assert "static:/srv/newsroom/static:ro" in volumes
    assert "media:/srv/newsroom/media:ro" in volumes
    assert "static:/app/staticfiles" in services["web"]["volumes"]
    placeholders = set(
        re.findall(
            r"\$\{(NEWSROOM_\w+)\}", (ROOT / "deploy/nginx/newsroom.conf.template").read_text()
        )
    )
    assert placeholders == {name for name in nginx["environment"] if name.startswith("NEWSROOM_")}


def test_compose_gives_web_only_variables_the_settings_read():
    compose = _compose()
    web_env = compose["services"]["web"]["environment"]
    names = set(web_env) if isinstance(web_env, dict) else {e.split("=")[0] for e in web_env}
    unknown = names - _settings_variables()
    assert not unknown, f"docker-compose.yml sets variables settings.py never reads: {unknown}"
    assert {"DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY"} <= names


def test_env_example_lists_exactly_the_settings_variables():
    lines = (ROOT / ".env.example").read_text().splitlines()
    names = {line.split("=")[0].lstrip("# ") for line in lines if "=" in line}
    assert names == _settings_variables()


def test_compose_is_valid_against_the_compose_specification():
    import jsonschema

    schema = json.loads((ROOT / "tests" / "schemas" / "compose-spec.json").read_text())
    jsonschema.Draft7Validator(schema).validate(_compose())


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    check = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


def test_uploaded_photos_are_served(client, db):
    from tests.factories import PhotoFactory

    photo = PhotoFactory()
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert "max-age=2592000" in response["Cache-Control"]
    assert client.get(photo.src).status_code == 200
