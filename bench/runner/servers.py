"""The processes ``bench/run`` starts (gunicorn, nginx) and stops again, whatever happens.

Each server runs in its own session, so a Ctrl-C in the terminal reaches this script only,
which stops them in order; on exit each one's process group (the master and its workers,
nothing else) is signalled by its id, then killed if it lingers.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 60) -> tuple[int, dict, bytes]:
    """One GET, no redirect followed: status, headers (lower-case names) and body."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.netloc, timeout=timeout)
    try:
        path = parts.path or "/"
        connection.request("GET", f"{path}?{parts.query}" if parts.query else path)
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


class Servers:
    """Started processes, stopped on ``close()`` (use as a context manager)."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.processes: list[tuple[str, subprocess.Popen, int, Path]] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _start(
        self, name: str, command: list, env: dict, stop_signal: int, cwd: Path = ROOT
    ) -> subprocess.Popen:
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append((name, process, stop_signal, log))
        return process

    def gunicorn(
        self,
        name: str,
        env: dict,
        workers: int,
        app: str = "newsroom.wsgi:application",
        python: Path | None = None,
        cwd: Path = ROOT,
    ) -> str:
        """gunicorn with ``workers`` sync workers on a free port; its base URL once healthy.

        ``python``: the interpreter of another virtualenv (Wagtail's), whose gunicorn serves
        ``app`` from ``cwd``."""
        port = free_port()
        command = [
            str(Path(python or sys.executable).parent / "gunicorn"),
            app,
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--error-logfile=-",  # no access log: a production box ships it elsewhere
            # gunicorn 27's control socket is one path in $HOME for every gunicorn started.
            "--no-control-socket",
        ]
        # gunicorn quits at once on SIGINT, and gracefully (waiting for requests) on SIGTERM.
        process = self._start(name, command, env, signal.SIGINT, cwd)
        base = f"http://127.0.0.1:{port}"
        self.wait(name, process, f"{base}/healthz")
        return base

    def nginx(self, html: bytes) -> tuple[str, str]:
        """nginx serving ``html`` as /article.html; its URL and its version."""
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            sys.exit("nginx không có: apt-get install -y nginx-light")
        directory = self.workdir / "nginx"
        (directory / "html").mkdir(parents=True)
        (directory / "html" / "article.html").write_bytes(html)
        # Run as root, nginx's workers are "nobody": they must be able to read the copy.
        for path in (self.workdir, directory, directory / "html"):
            path.chmod(0o755)
        (directory / "html" / "article.html").chmod(0o644)
        port = free_port()
        template = Template((HERE / "nginx.conf.template").read_text())
        conf = directory / "nginx.conf"
        conf.write_text(template.substitute(dir=directory, port=port))
        command = [binary, "-p", str(directory), "-e", str(directory / "error.log")]
        process = self._start(
            "nginx", [*command, "-c", str(conf)], dict(os.environ), signal.SIGTERM
        )
        url = f"http://127.0.0.1:{port}/article.html"
        self.wait("nginx", process, url)
        version = subprocess.run([binary, "-v"], capture_output=True, text=True).stderr
        return url, version.strip().rsplit("/", 1)[-1]

    def wait(self, name: str, process: subprocess.Popen, url: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.fail(name, f"đã dừng (mã {process.returncode})")
            try:
                status, _, body = get(url, timeout=5)
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return
            self.fail(name, f"{url} trả về {status}: {body[:300]!r}")
        self.fail(name, f"{url} không trả lời sau {timeout:.0f} s")

    def fail(self, name: str, message: str) -> None:
        log = self.workdir / f"{name}.log"
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        sys.exit(f"{name} {message}\n--- {log} ---\n{tail}")

    def show_logs(self, lines: int = 40) -> None:
        """The end of each server's log, on stderr."""
        for name, _, _, log in self.processes:
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"--- {name}: {log} ---", *tail, sep="\n", file=sys.stderr)

    def close(self) -> None:
        while self.processes:
            name, process, stop_signal, _ = self.processes.pop()
            try:
                # The group too when its leader is gone: a worker may outlive its master.
                os.killpg(process.pid, stop_signal)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
