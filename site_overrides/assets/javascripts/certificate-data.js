/* What the certificate helper does with an admin's input, without touching the page.
 *
 * TC.certData.readBytes(bytes, name) / readText(text, name)
 *   -> {kind: "der"|"pem"|"base64"|"metadata", certificates: [Uint8Array], metadata}
 *   throws TC.certData.InputError (.refused is true for private keys and .pfx bundles)
 * TC.certData.describe(der, now) -> Promise of the fields `python -m generator cert --format json`
 *   prints (same names), with sha1/sha256 null when Web Crypto is unavailable.
 *
 * These are the rules of generator/cert/inputs.py and format.py; tests check both agree.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var MAX_BYTES = 5 * 1024 * 1024;
  var KEY_FILE = /\.(pfx|p12|key|ppk)$/i;
  var KEY_TEXT = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File-/;
  var BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
  var END = /^-----END ([A-Z0-9 ]+)-----$/;
  var BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
  var CERT_LABELS = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];
  var MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  var DS = "http://www.w3.org/2000/09/xmldsig#";
  var REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
  var TENANT = /^https:\/\/sts\.windows\.net\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
  var DAY = 86400000;
  var EXPIRY_WARNING_DAYS = 30;
  var REFUSAL = "This is {what}. The helper refuses it and shows none of it, and it has been cleared. " +
    "Never paste or upload a private key anywhere: the tutorial only needs the certificate " +
    "(Azure's \"Certificate (Base64)\" or \"Certificate (Raw)\" download).";

  function InputError(message, line, refused) {
    this.name = "InputError";
    this.message = message;
    this.line = line || 1;
    this.refused = !!refused;
  }
  InputError.prototype = Object.create(Error.prototype);

  function refuse(what, line) {
    return new InputError(REFUSAL.replace("{what}", what), line, true);
  }

  function megabytes(size) {
    return (size / 1048576).toFixed(1) + " MB";
  }

  /* Reject by name or size before reading a byte: a 50 MB file never reaches memory. */
  function checkFile(name, size) {
    if (KEY_FILE.test(name || "")) throw refuse("a private key file (" + name.split(".").pop() + ")");
    if (size > MAX_BYTES) {
      throw new InputError("The input is " + megabytes(size) + "; a certificate or metadata file is a few KB " +
        "(the helper reads at most " + MAX_BYTES / 1048576 + " MB).");
    }
  }

  function decodeText(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch (e) {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  }

  function readBytes(bytes, name) {
    checkFile(name, bytes.length);
    if (bytes.length > 1 && bytes[0] === 0x30 && bytes[1] >= 0x80) {
      return { kind: "der", certificates: [certificateDer(bytes, "This binary (DER) data")], metadata: null };
    }
    return readText(decodeText(bytes), name);
  }

  function readText(text, name) {
    checkFile(name, text.length);
    if (!text.trim()) throw new InputError("The input is empty.");
    var key = KEY_TEXT.exec(text);
    if (key) throw refuse("a private key block", text.slice(0, key.index).split("\n").length);
    if (text.indexOf("-----BEGIN") >= 0) return { kind: "pem", certificates: pemCertificates(text), metadata: null };
    if (/^\s*</.test(text)) return metadata(text);
    return { kind: "base64", certificates: base64Certificates(text), metadata: null };
  }

  /* `der` when it is one X.509 certificate; a private key is refused, anything else explained. */
  function certificateDer(der, what, line) {
    try {
      TC.der.certificate(der);
      return der;
    } catch (e) {
      if (!(e instanceof TC.der.DerError)) throw e;
      var kind = TC.der.privateKeyKind(der);
      if (kind) throw refuse(kind, line);
      throw new InputError(what + " is not an X.509 certificate: it " + e.message + ".", line);
    }
  }

  function fromBase64(body, what, line) {
    if (!BASE64.test(body)) {
      throw new InputError(what + " is neither a certificate file (DER or PEM), base64 text nor metadata XML.", line);
    }
    if (body.length % 4) throw new InputError(what + " is not valid base64 (its length is wrong).", line);
    var binary = atob(body);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function toBase64(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function pemCertificates(text) {
    var certificates = [];
    var label = null;
    var start = 0;
    var body = [];
    text.split(/\r\n|\r|\n/).forEach(function (raw, index) {
      var line = raw.trim();
      var begin = BEGIN.exec(line);
      var end = END.exec(line);
      if (begin && label === null) {
        label = begin[1];
        start = index + 1;
        body = [];
      } else if (end && label !== null) {
        if (end[1] !== label) {
          throw new InputError("'-----BEGIN " + label + "-----' is closed by '" + line + "'.", index + 1);
        }
        if (CERT_LABELS.indexOf(label) < 0) throw new InputError("This is a " + label + ", not a certificate.", start);
        var what = "The " + label + " block";
        certificates.push(certificateDer(fromBase64(body.join("").replace(/\s+/g, ""), what, start), what, start));
        label = null;
      } else if (label !== null) {
        body.push(line);
      }
    });
    if (label !== null) throw new InputError("'-----BEGIN " + label + "-----' has no END line (truncated?).", start);
    if (!certificates.length) throw new InputError("No complete '-----BEGIN CERTIFICATE-----' block found.");
    return certificates;
  }

  /* One certificate, or several separated by blank lines (bodies pasted back to back). */
  function base64Certificates(text) {
    try {
      /* Two padded bodies run together are not base64: the paragraphs are tried then too. */
      return [certificateDer(fromBase64(text.replace(/\s+/g, ""), "The input", 1), "The base64 text")];
    } catch (error) {
      var paragraphs = [];
      var current = [];
      (text + "\n").split(/\r\n|\r|\n/).forEach(function (raw, index) {
        if (raw.trim()) {
          current.push(raw.trim());
        } else if (current.length) {
          paragraphs.push({ line: index + 1 - current.length, body: current.join("").replace(/\s+/g, "") });
          current = [];
        }
      });
      if (paragraphs.length < 2) throw error;
      return paragraphs.map(function (p) {
        return certificateDer(fromBase64(p.body, "A base64 paragraph", p.line), "A base64 paragraph", p.line);
      });
    }
  }

  function location(entity, service) {
    var idp = null;
    for (var child = entity.firstElementChild; child; child = child.nextElementSibling) {
      if (child.namespaceURI === MD && child.localName === "IDPSSODescriptor") { idp = child; break; }
    }
    var endpoints = Array.prototype.slice.call((idp || entity).getElementsByTagNameNS(MD, service));
    var preferred = endpoints.filter(function (e) { return e.getAttribute("Binding") === REDIRECT; }).concat(endpoints);
    for (var i = 0; i < preferred.length; i++) {
      if (preferred[i].getAttribute("Location")) return preferred[i].getAttribute("Location");
    }
    return null;
  }

  function metadata(text) {
    if (/<!ENTITY/i.test(text)) throw new InputError("XML refused for safety (it declares entities).");
    var doc = new DOMParser().parseFromString(text, "application/xml");
    var failure = doc.getElementsByTagName("parsererror")[0];
    if (failure) {
      var at = /line (\d+)/.exec(failure.textContent || "");
      throw new InputError("This looks like XML but cannot be read.", at ? Number(at[1]) : 1);
    }
    var root = doc.documentElement;
    var entity = root.namespaceURI === MD && root.localName === "EntityDescriptor" ? root
      : doc.getElementsByTagNameNS(MD, "EntityDescriptor")[0];
    if (!entity) throw new InputError("This is XML but not SAML federation metadata (no EntityDescriptor).");
    var entityId = entity.getAttribute("entityID") || "";
    var tenant = TENANT.exec(entityId.trim());
    var seen = {};
    var certificates = [];
    Array.prototype.forEach.call(entity.getElementsByTagNameNS(MD, "KeyDescriptor"), function (descriptor) {
      if ((descriptor.getAttribute("use") || "signing") !== "signing") return;
      Array.prototype.forEach.call(descriptor.getElementsByTagNameNS(DS, "X509Certificate"), function (node) {
        var body = (node.textContent || "").replace(/\s+/g, "");
        var what = "A signing certificate in the metadata";
        var der = fromBase64(body, what, 1);
        if (seen[body]) return;
        seen[body] = true;
        certificates.push(certificateDer(der, what));
      });
    });
    if (!certificates.length) {
      throw new InputError("The metadata has no signing certificate (KeyDescriptor use=\"signing\").");
    }
    return {
      kind: "metadata",
      certificates: certificates,
      metadata: {
        entity_id: entityId,
        login_url: location(entity, "SingleSignOnService"),
        logout_url: location(entity, "SingleLogoutService"),
        tenant_id: tenant ? tenant[1].toLowerCase() : null
      }
    };
  }

  function status(notBefore, notAfter, now) {
    if (now < notBefore) return "not-yet-valid";
    if (now > notAfter) return "expired";
    if (notAfter - now <= EXPIRY_WARNING_DAYS * DAY) return "expiring";
    return "valid";
  }

  function hexOf(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("").toUpperCase();
  }

  function digests(der) {
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle) return Promise.resolve([null, null]);
    return Promise.all([subtle.digest("SHA-1", der), subtle.digest("SHA-256", der)])
      .then(function (d) { return [hexOf(d[0]), hexOf(d[1])]; }, function () { return [null, null]; });
  }

  function describe(der, now) {
    var fields = TC.der.certificate(der);
    var bodyLine = toBase64(der);
    var body = bodyLine.match(/.{1,64}/g).join("\n");
    var notBefore = Date.parse(fields.notBefore);
    var notAfter = Date.parse(fields.notAfter);
    now = now || Date.now();
    return digests(der).then(function (hashes) {
      return {
        subject: fields.subject,
        issuer: fields.issuer,
        common_name: fields.commonName,
        serial: fields.serial,
        not_before: fields.notBefore,
        not_after: fields.notAfter,
        status: status(notBefore, notAfter, now),
        days_left: Math.floor((notAfter - now) / DAY),
        key: fields.key,
        sha1: hashes[0],
        sha256: hashes[1],
        sha256_colon: hashes[1] && hashes[1].match(/../g).join(":"),
        body: body,
        body_line: bodyLine,
        pem: "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n"
      };
    });
  }

  TC.certData = {
    MAX_BYTES: MAX_BYTES,
    InputError: InputError,
    checkFile: checkFile,
    readBytes: readBytes,
    readText: readText,
    describe: describe,
    hasDigests: function () { return !!(window.crypto && window.crypto.subtle); }
  };
})();
