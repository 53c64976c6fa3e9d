"""A real JupyterLab, on 127.0.0.1 with a token, driven by headless Chromium over its DevTools protocol.

:func:`lab` starts ``jupyter lab`` in a folder of its own (settings, data and runtime folders
inside it, so nothing of the user's is read or written), :func:`browser` starts the system's
Chromium with a fresh profile and a remote-debugging port on 127.0.0.1, and :class:`Page`
speaks the DevTools protocol to one of its tabs over a websocket. No network beyond
127.0.0.1 is used and no browser is downloaded.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import websocket

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - 127.0.0.1 only
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@contextlib.contextmanager
def lab(folder: Path, theme: str) -> Iterator[str]:
    """``jupyter lab`` serving *folder* in *theme* (``light`` or ``dark``); yields its base URL with the token."""
    token = secrets.token_hex(16)
    port = _free_port()
    home = folder / ".lab-home"
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "themes.jupyterlab-settings").write_text(json.dumps({"theme": THEMES[theme]}), encoding="utf-8")
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    notebook = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook.mkdir(parents=True, exist_ok=True)
    # Every cell in the page (JupyterLab 4 leaves cells out of view out of the page by default).
    (notebook / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",  # CI runs as root
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={folder}",
        "--LabApp.news_url=",
        "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log = (folder / f"lab-{theme}.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    try:
        _wait(f"http://127.0.0.1:{port}/api/status?token={token}", 90)
        yield f"http://127.0.0.1:{port}/lab?token={token}&reset"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def trust(notebook: Path, folder: Path) -> None:
    """Sign *notebook* with the lab's own (temporary) secret, so its HTML outputs are shown as written."""
    env = {**os.environ, "JUPYTER_DATA_DIR": str(folder / ".lab-home" / "data")}
    subprocess.run([sys.executable, "-m", "jupyter", "trust", str(notebook)], env=env, check=True, capture_output=True)


@contextlib.contextmanager
def browser(chromium: str, folder: Path, *, width: int, height: int) -> Iterator[Page]:
    """Headless Chromium at *width* x *height*, with a fresh profile in *folder*; yields its first tab."""
    profile = folder / "profile"
    command = [
        chromium,
        *FLAGS,
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not active.exists() or len(active.read_text(encoding="utf-8").split()) < 2:
            if time.monotonic() > deadline or process.poll() is not None:
                msg = f"chromium did not open its DevTools port (exit {process.poll()})"
                raise RuntimeError(msg)
            time.sleep(0.2)
        port = active.read_text(encoding="utf-8").split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            tabs = json.loads(answer.read())
        target = next(tab for tab in tabs if tab["type"] == "page")
        page = Page(target["webSocketDebuggerUrl"])
        try:
            page.call(
                "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False
            )
            yield page
        finally:
            page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Page:
    """One browser tab, spoken to over Chromium's DevTools protocol."""

    def __init__(self, url: str) -> None:
        """Connect to the tab's websocket *url*."""
        self._socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self._ids = itertools.count(1)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a DevTools *method*; its result (events on the way are skipped)."""
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    msg = f"{method}: {message['error']}"
                    raise RuntimeError(msg)
                result: dict[str, Any] = message["result"]
                return result

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript *expression* in the page (promises awaited)."""
        found = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in found:
            msg = f"the page raised: {found['exceptionDetails']}"
            raise RuntimeError(msg)
        return found["result"].get("value")

    def wait_for(self, expression: str, seconds: float = 90) -> Any:
        """Wait until *expression* is truthy in the page; its value."""
        deadline = time.monotonic() + seconds
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                msg = f"timed out after {seconds} s waiting for {expression!r}"
                raise TimeoutError(msg)
            time.sleep(0.5)

    def screenshot(self, path: Path) -> None:
        """A PNG of the viewport, written to *path*."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        """Close the connection."""
        self._socket.close()
