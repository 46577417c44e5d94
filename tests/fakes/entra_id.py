"""A fake Entra ID (Microsoft's login service) on 127.0.0.1, over TLS as MSAL insists: the tenant's OpenID
metadata and the client-credentials token endpoint, nothing else.

    entra = FakeEntraID(secret="s3cret")             # a certificate is made at once; nothing listens yet
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", entra.ca_file)  # MSAL (requests) trusts it
    tokens = AppTokens(APP_ID, "s3cret", TENANT, login_url=entra.url)  # refused: nobody is listening
    entra.start()                                    # now it answers, on that same port

Every request is recorded (`requests`). A token is issued only to the client id and secret it was given."""

from __future__ import annotations

import datetime as dt
import ipaddress
import itertools
import socket
import ssl
import tempfile
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.fakes.loopback import Loopback, send_json


class FakeEntraID:
    def __init__(self, *, client_id: str, secret: str) -> None:
        self.client_id = client_id
        self.secret = secret
        with socket.socket() as s:  # a port of its own, closed until start()
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, form)
        self._tokens = itertools.count(1)
        self._dir = tempfile.TemporaryDirectory(prefix="fake-entra-")
        self.ca_file, self._key_file = _self_signed(Path(self._dir.name))
        self._server: Loopback | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> FakeEntraID:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.ca_file, self._key_file)
        self._server = Loopback(self._handle, "fake-entra-id", port=self.port, tls=context)
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        self._dir.cleanup()

    def _handle(self, req: BaseHTTPRequestHandler, method: str) -> None:
        length = int(req.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(req.rfile.read(length).decode())) if length else {}
        path = req.path.split("?", 1)[0]
        self.requests.append((method, path, form))
        tenant = path.strip("/").split("/", 1)[0]
        if method == "GET" and path.endswith("/v2.0/.well-known/openid-configuration"):
            base = f"{self.url}/{tenant}"
            return send_json(
                req,
                200,
                {
                    "issuer": f"{base}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                },
            )
        if method == "POST" and path.endswith("/oauth2/v2.0/token"):
            if form.get("client_id") != self.client_id or form.get("client_secret") != self.secret:
                return send_json(req, 401, {"error": "invalid_client", "error_description": "AADSTS7000215"})
            if form.get("grant_type") != "client_credentials":
                return send_json(req, 400, {"error": "unsupported_grant_type"})
            token = f"entra-token-{next(self._tokens)}"
            return send_json(req, 200, {"token_type": "Bearer", "expires_in": 3599, "access_token": token})
        return send_json(req, 404, {"error": "not_found"})


def _self_signed(folder: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 that is its own authority (what REQUESTS_CA_BUNDLE points at)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-entra-id")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_file), str(key_file)
