"""Debian's nginx running deploy/nginx/newsroom.conf.template for tests/test_front.py: the
template rendered as docker-compose.yml fills it in, a main configuration like the official
image's, every path nginx writes moved into the test's folder."""

import http.client
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "newsroom.conf.template"
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
MISSING = f"nginx not found at {NGINX}: apt-get install nginx-light"
STATIC_FILE = "front/front.0123456789ab.css"

# Test-only: what the official image's own nginx.conf gives the template (the http block,
# mime types), with every path nginx writes moved into the test's folder.
MAIN_CONF = """\
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log info;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {dir}/access.log;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    include {dir}/newsroom.conf;
}}
"""


def render(template: str, values: dict[str, str]) -> str:
    """The template with its ``${NAME}`` filled in, as envsubst would; nginx's own
    ``$variables`` are left alone."""
    rendered = re.sub(r"\$\{(NEWSROOM_\w+)\}", lambda m: values[m.group(1)], template)
    assert "${" not in rendered
    return rendered


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Front:
    """A running nginx; ``get()`` speaks plain HTTP to it, no redirect followed."""

    def __init__(self, folder: Path, upstream: str):
        self.folder, self.port = folder, free_port()
        values = {
            "NEWSROOM_UPSTREAM": upstream,
            "NEWSROOM_LISTEN": f"127.0.0.1:{self.port}",
            "NEWSROOM_STATIC_ROOT": str(folder / "static"),
            "NEWSROOM_MEDIA_ROOT": str(folder / "media"),
            "NEWSROOM_CACHE_DIR": str(folder / "cache"),
        }
        (folder / "newsroom.conf").write_text(render(TEMPLATE.read_text(), values))
        (folder / "tmp").mkdir()
        conf = folder / "nginx.conf"
        conf.write_text(MAIN_CONF.format(dir=folder, mime_types=MIME_TYPES))
        self.error_log = folder / "error.log"
        self.process = subprocess.Popen(
            [NGINX, "-p", folder, "-c", conf, "-e", self.error_log],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while not self._listening():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"nginx did not start:\n{self.log()}", pytrace=False)
            time.sleep(0.02)

    def _listening(self) -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def log(self) -> str:
        stderr = self.process.stderr.read().decode() if self.process.poll() is not None else ""
        logged = self.error_log.read_text() if self.error_log.exists() else ""
        return stderr + logged

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def get(self, path, *, method="GET", headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            response.text = response.body.decode(errors="replace")
            return response
        finally:
            connection.close()
