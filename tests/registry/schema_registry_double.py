#!/usr/bin/python3
"""A TEST DOUBLE of Confluent's Schema Registry — not a registry.

No Schema Registry server is packaged for Debian, so the tests run against this: the subset of
the documented REST API (https://docs.confluent.io/platform/current/schema-registry/develop/api.html)
that producers, consumers and Confluent's own clients use:

  POST /subjects/{subject}/versions        register (same schema, same id; BACKWARD checks for Avro;
                                           its references kept and given back with it)
  GET  /subjects/{subject}/versions/{v}    v = latest or a number
  GET  /subjects/{subject}/versions        the subject's version numbers
  POST /subjects/{subject}                 look a schema up under a subject
  GET  /subjects                           the subjects
  GET  /schemas/ids/{id}                   a schema by id
  PUT  /config/{subject}                   {"compatibility": "NONE" | "BACKWARD"}

with the registry's error bodies ({"error_code": 40401, "message": ...}). Options: --user
USER:PASSWORD requires HTTP basic authentication; --delay SECONDS answers every request that
late (a registry that times out); --status CODE answers every request with that HTTP status
and an error body (e.g. 503, a registry whose backend is down); --tls CERTIFICATE KEY serves
https, and with --client-ca FILE asks every client for a certificate that FILE's CAs signed
(mutual TLS). The port it listens on is written to --port-file; with --count-file, the number of
requests it has had so far is written there after each one (how often a client asked).
"""
import argparse
import base64
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import avro.name
import avro.schema
from avro.compatibility import ReaderWriterCompatibilityChecker, SchemaCompatibilityType


class Registry:
    def __init__(self):
        self.lock = threading.Lock()
        self.schemas = []  # index + 1 = id: (schema text, schema type)
        self.subjects = {}  # subject -> [id, ...] (versions in order)
        self.compatibility = {}  # subject -> level
        self.references = {}  # id -> [{"name", "subject", "version"}, ...]

    def register(self, subject, text, schema_type, references=()):
        with self.lock:
            versions = self.subjects.setdefault(subject, [])
            canonical = canonical_text(text, schema_type)
            for schema_id in versions:
                if canonical_text(*self.schemas[schema_id - 1]) == canonical:
                    return 200, {"id": schema_id}
            if versions and schema_type == "AVRO" and not references and \
                    self.compatibility.get(subject, "BACKWARD") != "NONE":
                latest_text, latest_type = self.schemas[versions[-1] - 1]
                if latest_type == "AVRO" and not backward_compatible(text, latest_text):
                    return 409, {"error_code": 409, "message":
                                 f"Schema being registered is incompatible with an earlier schema for subject \"{subject}\""}
            for index, (known, known_type) in enumerate(self.schemas):
                if known_type == schema_type and canonical_text(known, known_type) == canonical:
                    versions.append(index + 1)
                    return 200, {"id": index + 1}
            self.schemas.append((text, schema_type))
            versions.append(len(self.schemas))
            if references:
                self.references[len(self.schemas)] = list(references)
            return 200, {"id": len(self.schemas)}


def parse_avro(registry, text, references, names=None):
    """An Avro schema with the named types its references define, as a registry resolves
    them: each referenced schema (its own references first) parsed into the same names."""
    names = names if names is not None else avro.name.Names()
    for reference in references:
        versions = registry.subjects.get(reference.get("subject"), [])
        version = reference.get("version", 0)
        if not 1 <= version <= len(versions):
            raise ValueError(f"reference {reference} names no registered version")
        schema_id = versions[version - 1]
        referenced_text, _ = registry.schemas[schema_id - 1]
        parse_avro(registry, referenced_text, registry.references.get(schema_id, []), names)
    return avro.schema.make_avsc_object(json.loads(text), names)


def canonical_text(text, schema_type):
    try:
        return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
    except ValueError:
        return text.strip()


def backward_compatible(new_text, old_text):
    reader, writer = avro.schema.parse(new_text), avro.schema.parse(old_text)
    result = ReaderWriterCompatibilityChecker().get_compatibility(reader, writer)
    return result.compatibility == SchemaCompatibilityType.compatible


def schema_body(registry, schema_id):
    text, schema_type = registry.schemas[schema_id - 1]
    body = {"schema": text}
    if schema_id in registry.references:
        body["references"] = registry.references[schema_id]
    if schema_type != "AVRO":
        body["schemaType"] = schema_type
    return body


class Requests:
    """How many requests came, written to a file a test reads."""

    def __init__(self, path):
        self.path, self.count, self.lock = path, 0, threading.Lock()

    def add(self):
        with self.lock:
            self.count += 1
            if self.path:
                with open(self.path + ".tmp", "w") as count_file:
                    count_file.write(str(self.count))
                os.replace(self.path + ".tmp", self.path)


def handler(registry, user, delay, status, requests):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status, body):
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/vnd.schemaregistry.v1+json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def allowed(self):
            requests.add()
            if delay:
                time.sleep(delay)
            if status:
                self.answer(status, {"error_code": status * 100 + 3, "message": "The double answers %d" % status})
                return False
            if not user:
                return True
            expected = "Basic " + base64.b64encode(user.encode()).decode()
            if self.headers.get("Authorization") == expected:
                return True
            self.answer(401, {"error_code": 401, "message": "Unauthorized"})
            return False

        def body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(length) or b"{}")

        def do_GET(self):
            if not self.allowed():
                return
            path = self.path.split("?")[0]
            with registry.lock:
                if path == "/subjects":
                    return self.answer(200, sorted(registry.subjects))
                match = re.fullmatch(r"/schemas/ids/(\d+)", path)
                if match:
                    schema_id = int(match.group(1))
                    if not 1 <= schema_id <= len(registry.schemas):
                        return self.answer(404, {"error_code": 40403, "message": "Schema not found"})
                    return self.answer(200, schema_body(registry, schema_id))
                match = re.fullmatch(r"/subjects/([^/]+)/versions(?:/([^/]+))?", path)
                if not match:
                    return self.answer(404, {"error_code": 404, "message": "HTTP 404 Not Found"})
                subject = unquote(match.group(1))
                versions = registry.subjects.get(subject)
                if not versions:
                    return self.answer(404, {"error_code": 40401, "message": f"Subject '{subject}' not found."})
                if match.group(2) is None:
                    return self.answer(200, list(range(1, len(versions) + 1)))
                version = match.group(2)
                number = len(versions) if version in ("latest", "-1") else int(version) if version.isdigit() else 0
                if not 1 <= number <= len(versions):
                    return self.answer(404, {"error_code": 40402, "message": f"Version {version} not found."})
                body = schema_body(registry, versions[number - 1])
                body.update({"subject": subject, "version": number, "id": versions[number - 1]})
                return self.answer(200, body)

        def do_POST(self):
            if not self.allowed():
                return
            path = self.path.split("?")[0]
            request = self.body()
            schema_type = request.get("schemaType", "AVRO")
            text = request.get("schema")
            if not isinstance(text, str):
                return self.answer(422, {"error_code": 42201, "message": "Empty schema"})
            if schema_type == "AVRO":
                try:
                    with registry.lock:
                        parse_avro(registry, text, request.get("references", ()))
                except Exception as error:  # the registry's answer to a schema it cannot parse
                    return self.answer(422, {"error_code": 42201, "message": f"Invalid schema: {error}"})
            match = re.fullmatch(r"/subjects/([^/]+)/versions", path)
            if match:
                return self.answer(*registry.register(unquote(match.group(1)), text, schema_type,
                                                      request.get("references", ())))
            match = re.fullmatch(r"/subjects/([^/]+)", path)
            if match:
                subject = unquote(match.group(1))
                with registry.lock:
                    for number, schema_id in enumerate(registry.subjects.get(subject, []), 1):
                        if canonical_text(*registry.schemas[schema_id - 1]) == canonical_text(text, schema_type):
                            body = {"subject": subject, "version": number, "id": schema_id, "schema": text}
                            return self.answer(200, body)
                return self.answer(404, {"error_code": 40403, "message": "Schema not found"})
            return self.answer(404, {"error_code": 404, "message": "HTTP 404 Not Found"})

        def do_PUT(self):
            if not self.allowed():
                return
            match = re.fullmatch(r"/config/([^/]+)", self.path)
            if not match:
                return self.answer(404, {"error_code": 404, "message": "HTTP 404 Not Found"})
            level = self.body().get("compatibility", "BACKWARD")
            with registry.lock:
                registry.compatibility[unquote(match.group(1))] = level
            return self.answer(200, {"compatibility": level})

    return Handler


def unquote(text):
    from urllib.parse import unquote as decode
    return decode(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--user", default="")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--status", type=int, default=0)
    parser.add_argument("--count-file", default="")
    parser.add_argument("--client-ca", help="with --tls: require client certificates signed by these CAs")
    parser.add_argument("--tls", nargs=2, metavar=("CERTIFICATE", "KEY"),
                        help="serve https with this PEM certificate and key")
    arguments = parser.parse_args()
    answers = handler(Registry(), arguments.user, arguments.delay, arguments.status, Requests(arguments.count_file))
    server = ThreadingHTTPServer(("127.0.0.1", 0), answers)
    if arguments.tls:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*arguments.tls)
        if arguments.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(arguments.client_ca)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(arguments.port_file + ".tmp", "w") as port_file:
        port_file.write(str(server.server_address[1]))
    os.replace(arguments.port_file + ".tmp", arguments.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
