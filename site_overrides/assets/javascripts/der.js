/* A small, strict DER reader: just enough of X.509 to show an admin what certificate they hold.
 *
 * TC.der.read(bytes)        -> the outer node (throws TC.der.DerError on malformed input)
 * TC.der.certificate(bytes) -> {subject, issuer, commonName, serial, notBefore, notAfter, key}
 * TC.der.privateKeyKind(bytes) -> "PKCS#12 bundle", "private key", ... or null
 *
 * Field formats follow Python's `cryptography` (RFC 4514 names, uppercase even-length serial,
 * ISO 8601 UTC times) so the page and `python -m generator cert` show the same text.
 * Lengths are checked against the buffer before anything is read, and nesting is bounded,
 * so random or truncated bytes fail fast with a message instead of hanging the page.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var MAX_DEPTH = 40;
  var TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30, SET: 0x31 };
  var ATTRIBUTE_NAMES = {
    "2.5.4.3": "CN", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU",
    "2.5.4.6": "C", "2.5.4.9": "STREET", "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID"
  };
  var CURVES = { "1.2.840.10045.3.1.7": "P-256", "1.3.132.0.34": "P-384", "1.3.132.0.35": "P-521" };
  var PKCS7_DATA = "1.2.840.113549.1.7.1";
  var PKCS7_SIGNED = "1.2.840.113549.1.7.2";

  function DerError(message) {
    this.name = "DerError";
    this.message = message;
  }
  DerError.prototype = Object.create(Error.prototype);

  /* One TLV at `pos`: {tag, constructed, start, contentStart, end, children?}. */
  function node(bytes, pos, limit, depth) {
    if (depth > MAX_DEPTH) throw new DerError("nested too deeply");
    if (pos + 2 > limit) throw new DerError("data ends in the middle of an element");
    var tag = bytes[pos];
    if ((tag & 0x1f) === 0x1f) throw new DerError("uses a tag form certificates never use");
    var first = bytes[pos + 1];
    var length = first;
    var at = pos + 2;
    if (first === 0x80) throw new DerError("uses indefinite lengths (BER, not DER)");
    if (first > 0x80) {
      var count = first & 0x7f;
      if (count > 4 || at + count > limit) throw new DerError("has an impossible length");
      length = 0;
      for (var i = 0; i < count; i++) length = length * 256 + bytes[at + i];
      at += count;
    }
    if (at + length > limit) throw new DerError("is truncated (an element runs past the end)");
    var result = { tag: tag, constructed: (tag & 0x20) !== 0, start: pos, contentStart: at, end: at + length };
    if (result.constructed) {
      result.children = [];
      for (var p = at; p < result.end; p = result.children[result.children.length - 1].end) {
        result.children.push(node(bytes, p, result.end, depth + 1));
      }
    }
    return result;
  }

  function read(bytes) {
    if (!bytes || bytes.length < 2) throw new DerError("is too short to be DER");
    var outer = node(bytes, 0, bytes.length, 0);
    if (outer.end !== bytes.length) throw new DerError("has extra data after the end");
    return outer;
  }

  function content(bytes, n) {
    return bytes.subarray(n.contentStart, n.end);
  }

  function expect(n, tag, what) {
    if (!n || n.tag !== tag) throw new DerError("is not an X.509 certificate (" + what + " missing)");
    return n;
  }

  function oid(bytes, n) {
    var data = content(bytes, n);
    if (!data.length) throw new DerError("has an empty object identifier");
    var parts = [];
    var value = 0;
    for (var i = 0; i < data.length; i++) {
      value = value * 128 + (data[i] & 0x7f);
      if (!(data[i] & 0x80)) {
        if (!parts.length) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
        else parts.push(value);
        value = 0;
      }
    }
    return parts.join(".");
  }

  function hex(data) {
    var out = "";
    for (var i = 0; i < data.length; i++) out += (data[i] < 16 ? "0" : "") + data[i].toString(16);
    return out.toUpperCase();
  }

  /* Uppercase hex without the sign byte, even length: Python's serial_hex for positive serials. */
  function serial(bytes, n) {
    var data = content(bytes, n);
    var i = 0;
    while (i < data.length - 1 && data[i] === 0) i++;
    return hex(data.subarray(i));
  }

  function text(bytes, n) {
    var data = content(bytes, n);
    switch (n.tag) {
      case 0x0c: return new TextDecoder("utf-8").decode(data);
      case 0x1e: return new TextDecoder("utf-16be").decode(data);
      case 0x1c: {
        var out = "";
        for (var i = 0; i + 3 < data.length; i += 4) {
          out += String.fromCodePoint(((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0);
        }
        return out;
      }
      default: {
        var s = "";
        for (var j = 0; j < data.length; j++) s += String.fromCharCode(data[j]);
        return s;
      }
    }
  }

  /* RFC 4514 value escaping, exactly as cryptography's _escape_dn_value does it. */
  function escapeValue(value) {
    if (!value) return "";
    value = value.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\+/g, "\\+").replace(/,/g, "\\,")
      .replace(/;/g, "\\;").replace(/</g, "\\<").replace(/>/g, "\\>").replace(/\0/g, "\\00");
    if (value[0] === "#" || value[0] === " ") value = "\\" + value;
    if (value[value.length - 1] === " ") value = value.slice(0, -1) + "\\ ";
    return value;
  }

  /* {text: RFC 4514 string, commonName: first CN or ""} */
  function name(bytes, n) {
    expect(n, TAG.SEQUENCE, "name");
    var rdns = [];
    var commonName = "";
    n.children.forEach(function (set) {
      expect(set, TAG.SET, "name part");
      rdns.push(set.children.map(function (pair) {
        expect(pair, TAG.SEQUENCE, "name attribute");
        var type = oid(bytes, expect(pair.children[0], TAG.OID, "attribute type"));
        if (!pair.children[1]) throw new DerError("is not an X.509 certificate (attribute value missing)");
        var value = text(bytes, pair.children[1]);
        if (type === "2.5.4.3" && !commonName) commonName = value;
        return (ATTRIBUTE_NAMES[type] || type) + "=" + escapeValue(value);
      }).join("+"));
    });
    return { text: rdns.reverse().join(","), commonName: commonName };
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* UTCTime (YYMMDDHHMMSSZ, 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSSZ) -> ISO 8601 UTC. */
  function time(bytes, n) {
    var value = text(bytes, n);
    var match = n.tag === 0x17 ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(value)
      : n.tag === 0x18 ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(value) : null;
    if (!match) throw new DerError("has a validity date that cannot be read");
    var year = Number(match[1]);
    if (n.tag === 0x17) year += year < 50 ? 2000 : 1900;
    var iso = year + "-" + match[2] + "-" + match[3] + "T" + match[4] + ":" + match[5] + ":" + match[6] + "Z";
    if (isNaN(Date.parse(iso))) throw new DerError("has an impossible validity date");
    return iso;
  }

  function bitLength(data) {
    var i = 0;
    while (i < data.length - 1 && data[i] === 0) i++;
    var bits = (data.length - i - 1) * 8;
    for (var top = data[i]; top; top >>= 1) bits++;
    return bits;
  }

  /* "RSA 2048", "EC P-256", "Ed25519": the same wording as format.key_description. */
  function key(bytes, spki) {
    expect(spki, TAG.SEQUENCE, "public key");
    var algorithm = expect(spki.children[0], TAG.SEQUENCE, "key algorithm");
    var type = oid(bytes, expect(algorithm.children[0], TAG.OID, "key algorithm"));
    var params = algorithm.children[1];
    if (type === "1.2.840.113549.1.1.1") {
      // BIT STRING = unused-bits byte + RSAPublicKey SEQUENCE { modulus, exponent }
      var rsaKey = content(bytes, expect(spki.children[1], TAG.BIT_STRING, "public key bits")).subarray(1);
      var modulus = expect((read(rsaKey).children || [])[0], TAG.INTEGER, "RSA modulus");
      return "RSA " + bitLength(content(rsaKey, modulus));
    }
    if (type === "1.2.840.10045.2.1") {
      var curve = params && params.tag === TAG.OID ? oid(bytes, params) : "";
      return "EC " + (CURVES[curve] || curve);
    }
    if (type === "1.3.101.112") return "Ed25519";
    if (type === "1.3.101.113") return "Ed448";
    if (type === "1.2.840.10040.4.1" && params && params.children) {
      return "DSA " + bitLength(content(bytes, params.children[0]));
    }
    return "unknown";
  }

  function certificate(bytes) {
    var outer = read(bytes);
    expect(outer, TAG.SEQUENCE, "certificate");
    if (outer.children.length !== 3) throw new DerError("is not an X.509 certificate");
    var tbs = expect(outer.children[0], TAG.SEQUENCE, "certificate body");
    var fields = tbs.children.slice(tbs.children[0] && tbs.children[0].tag === 0xa0 ? 1 : 0);
    if (fields.length < 6) throw new DerError("is not an X.509 certificate (fields missing)");
    var validity = expect(fields[3], TAG.SEQUENCE, "validity");
    if (validity.children.length !== 2) throw new DerError("is not an X.509 certificate (validity)");
    var subject = name(bytes, fields[4]);
    return {
      serial: serial(bytes, expect(fields[0], TAG.INTEGER, "serial number")),
      issuer: name(bytes, fields[2]).text,
      notBefore: time(bytes, validity.children[0]),
      notAfter: time(bytes, validity.children[1]),
      subject: subject.text,
      commonName: subject.commonName,
      key: key(bytes, fields[5])
    };
  }

  function integerIs(bytes, n, value) {
    var data = n && n.tag === TAG.INTEGER ? content(bytes, n) : null;
    return !!data && data.length === 1 && data[0] === value;
  }

  /* Recognise a private key or a PKCS#12 bundle in binary form, so it can be refused unread. */
  function privateKeyKind(bytes) {
    var head = hex(bytes.subarray(0, 40));
    if (bytes[0] === 0x30 && hex(bytes.subarray(0, 8)).indexOf("020103") >= 0 &&
        head.indexOf("06092A864886F70D010701") >= 0) {
      return "a PKCS#12/.pfx bundle";
    }
    var outer;
    try {
      outer = read(bytes);
    } catch (e) {
      return null;
    }
    var kids = outer.children || [];
    if (outer.tag !== TAG.SEQUENCE || kids.length < 2) return null;
    if (integerIs(bytes, kids[0], 3) && kids[1].tag === TAG.SEQUENCE && kids[1].children[0] &&
        kids[1].children[0].tag === TAG.OID &&
        [PKCS7_DATA, PKCS7_SIGNED].indexOf(oid(bytes, kids[1].children[0])) >= 0) {
      return "a PKCS#12/.pfx bundle";
    }
    var allIntegers = kids.every(function (k) { return k.tag === TAG.INTEGER; });
    if ((integerIs(bytes, kids[0], 0) || integerIs(bytes, kids[0], 1)) && kids[1].tag === TAG.SEQUENCE &&
        kids[2] && kids[2].tag === TAG.OCTET_STRING) {
      return "a private key";  // PKCS#8 PrivateKeyInfo
    }
    if (kids[0].tag === TAG.SEQUENCE && kids[0].children[0] && kids[0].children[0].tag === TAG.OID &&
        kids[1].tag === TAG.OCTET_STRING && kids.length === 2) {
      return "an encrypted private key";  // PKCS#8 EncryptedPrivateKeyInfo
    }
    if (integerIs(bytes, kids[0], 0) && allIntegers && kids.length >= 6) return "a private key";  // RSA, DSA
    if (integerIs(bytes, kids[0], 1) && kids[1].tag === TAG.OCTET_STRING) return "a private key";  // SEC 1 EC
    return null;
  }

  TC.der = { read: read, certificate: certificate, privateKeyKind: privateKeyKind, DerError: DerError };
})();
