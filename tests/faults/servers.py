"""Servers the fault drills start, stop and restart themselves: never the shared ones.

Ports come from issue 15's range (9500-9599) on the loopback interface; each server keeps its
data in its own temporary directory.
"""

import contextlib
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

PORTS = range(9540, 9600)


def free_port(ports=PORTS):
    """A port of the range that nothing listens on (pytest-xdist runs tests side by side)."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in the drill's range")


class RedisServer:
    """A redis-server of our own that keeps its data across restarts, as production's does."""

    def __init__(self, data_dir, port=None):
        self.binary = shutil.which("redis-server")
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=10):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.data_dir),
                "--save",
                "3600 1",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return self
            except redis.exceptions.RedisError:
                time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        """Shut down saving the data, so that a restart brings the old keys back."""
        if self.process is None:
            return
        with contextlib.suppress(redis.exceptions.RedisError):
            redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1).shutdown(
                save=True, now=True
            )
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self):
        self.stop()
        return self.start()
