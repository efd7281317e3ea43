"""The certificate helper's Python side: read what an admin downloaded, format what the tutorial asks.

``inputs`` decides what the bytes are (DER, PEM, bare base64, several certificates, SAML
metadata XML) and refuses private keys; ``format`` turns one DER certificate into the
bodies, thumbprints and validity the page shows; ``command`` is ``python -m generator cert``.
The browser page (site_overrides/assets/javascripts/certificate.js) mirrors these rules.
"""
