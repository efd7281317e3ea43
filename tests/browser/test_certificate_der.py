"""The page's DER reader against cryptography on damaged certificates: it never fails with
anything but a plain message, and whatever cryptography accepts the page formats the same."""

from __future__ import annotations

import base64
import random

import pytest
from playwright.sync_api import Page

from generator.cert.errors import CertInputError
from generator.cert.format import describe
from generator.cert.inputs import read_input
from tests import certfactory as cf
from tests.browser.conftest import BuiltSite

pytestmark = pytest.mark.browser

READ_ALL = """async (inputs) => {
    const results = [];
    for (const b64 of inputs) {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        try {
            const parsed = TC.certData.readBytes(bytes, "fuzz.cer");
            const views = await Promise.all(parsed.certificates.map(d => TC.certData.describe(d)));
            results.push({ok: views.map(v => [v.body, v.sha1])});
        } catch (error) {
            results.push(error instanceof TC.certData.InputError ? {error: error.message}
                                                                  : {crash: String(error && error.stack)});
        }
    }
    return results;
}"""


def damaged(seed: int) -> list[bytes]:
    """Truncations, flipped bytes and shuffled lengths of real certificates (DER and PEM)."""
    rng = random.Random(seed)
    samples = [cf.der(cf.certificate(name)) for name in ("rsa-valid", "ec-valid", "rsa-2060")]
    cases: list[bytes] = []
    for der in samples:
        cases += [der[:n] for n in rng.sample(range(len(der)), 40)]
        for _ in range(120):
            i = rng.randrange(len(der))
            cases.append(der[:i] + bytes([rng.randrange(256)]) + der[i + 1 :])
    pem = cf.pem(cf.certificate("ec-valid"))
    for _ in range(60):
        i = rng.randrange(len(pem))
        cases.append(pem[:i] + bytes([rng.randrange(256)]) + pem[i + 1 :])
    return cases + [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600))) for _ in range(60)]


def test_damaged_certificates_never_crash_and_agree_with_cryptography(page: Page, built_site: BuiltSite):
    page.goto(built_site.url("certificate-helper/"))
    cases = damaged(seed=5)
    results = page.evaluate(READ_ALL, [base64.b64encode(case).decode() for case in cases])
    assert [r for r in results if "crash" in r] == []
    disagreements = []
    for case, result in zip(cases, results, strict=True):
        try:
            views = [describe(der) for der in read_input(case, "fuzz.cer").certificates]
            expected = [[view.body, view.sha1] for view in views]
        except CertInputError:
            continue
        if result.get("ok") != expected:
            disagreements.append((case.hex()[:80], result))
    assert disagreements == []
