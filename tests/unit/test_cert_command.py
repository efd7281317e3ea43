"""``python -m generator cert``: what a script or an admin in a terminal gets."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import hashes

from generator.cli import main
from tests import certfactory as cf
from tests.conftest import ROOT


@pytest.fixture
def cer(tmp_path):
    """Write ``data`` to a file and return its path as text."""

    def write(data: bytes, name: str = "sso.cer") -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write


def test_default_output_is_the_64_column_body(cer, capsys):
    cert = cf.certificate("rsa-valid")
    assert main(["cert", cer(cf.der(cert))]) == 0
    out, err = capsys.readouterr()
    assert out == cf.expected_body(cert) + "\n"
    assert cert.fingerprint(hashes.SHA1()).hex().upper() in err
    assert "Microsoft Azure Federated SSO Certificate" in err


def test_single_line_and_pem(cer, capsys):
    cert = cf.certificate("ec-valid")
    path = cer(cf.pem(cert, crlf=True), "sso.pem")
    assert main(["cert", path, "--single-line"]) == 0
    assert capsys.readouterr().out == cf.expected_body(cert).replace("\n", "") + "\n"
    assert main(["cert", path, "--pem"]) == 0
    assert capsys.readouterr().out == cf.pem(cert).decode()


def test_json_lists_every_certificate_and_the_metadata(cer, capsys):
    first, second = cf.certificate("rsa-valid"), cf.certificate("rsa-expiring")
    assert main(["cert", cer(cf.metadata_xml([first, second]), "meta.xml"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "metadata"
    assert report["metadata"] == {
        "entity_id": cf.ENTITY_ID,
        "login_url": cf.LOGIN_URL,
        "logout_url": cf.LOGOUT_URL,
        "tenant_id": cf.TENANT,
    }
    assert [c["sha1"] for c in report["certificates"]] == [
        c.fingerprint(hashes.SHA1()).hex().upper() for c in (first, second)
    ]
    assert [c["status"] for c in report["certificates"]] == ["valid", "expiring"]


def test_several_certificates_need_a_choice(cer, capsys):
    leaf, ca = cf.chain()
    path = cer(cf.pem(leaf) + cf.pem(ca), "chain.pem")
    assert main(["cert", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "2 certificates" in err
    assert "sso.contoso.com" in err
    assert "Contoso Issuing CA" in err
    assert main(["cert", path, "--index", "2"]) == 0
    assert capsys.readouterr().out == cf.expected_body(ca) + "\n"
    assert main(["cert", path, "--index", "3"]) == 1
    assert "holds 2 certificate(s)" in capsys.readouterr().err


@pytest.mark.parametrize("sample", ["rsa-expired", "ec-not-yet-valid", "rsa-expiring"])
def test_validity_warning_goes_to_stderr(cer, capsys, sample):
    assert main(["cert", cer(cf.der(cf.certificate(sample)))]) == 0
    out, err = capsys.readouterr()
    assert "WARNING" not in out
    assert {"rsa-expired": "EXPIRED", "ec-not-yet-valid": "NOT YET VALID", "rsa-expiring": "30 days"}[
        sample
    ] in err


@pytest.mark.parametrize("form", ["pkcs8-pem", "pfx", "cert-then-key-pem"])
def test_private_key_exits_3_and_echoes_nothing(cer, capsys, form):
    data = cf.private_keys()[form]
    assert main(["cert", cer(data, "upload.bin"), "--format", "json"]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert "refused" in err
    assert "private key" in err
    body_lines = [line for line in data.decode("latin-1").splitlines() if len(line) > 20]
    assert not any(line in err for line in body_lines)


def test_garbage_exits_1_with_file_and_line(cer, capsys):
    path = cer(b"-----BEGIN CERTIFICATE-----\nMIIB\n", "broken.pem")
    assert main(["cert", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{path}:1: error: ")


def test_missing_file(tmp_path, capsys):
    assert main(["cert", str(tmp_path / "nope.cer")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_stdin_through_the_real_entry_point():
    cert = cf.certificate("ec-valid")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "cert", "-", "--single-line"],
        input=cf.pem(cert, crlf=True),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == cf.expected_body(cert).replace("\n", "") + "\n"


def test_private_key_on_stdin_exits_3():
    done = subprocess.run(
        [sys.executable, "-m", "generator", "cert", "-"],
        input=cf.private_keys()["rsa-pem"],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 3
    assert done.stdout == b""
    assert b"<stdin>:1: refused: this is a private key" in done.stderr
