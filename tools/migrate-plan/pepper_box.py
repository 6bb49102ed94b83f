"""Pepper-Box (GSLab): the PepperBoxKafkaSampler Java Request and its message config elements.

Its sampler ends at send() and never sees a delivery: it becomes fire-and-track, which still
counts every acknowledgement and failure.
"""

from templates import translate
import samplers

SAMPLER = "com.gslab.pepper.sampler.PepperBoxKafkaSampler"
PLAIN_TEXT = "com.gslab.pepper.config.plaintext.PlainTextConfigElement"
SERIALIZED = "com.gslab.pepper.config.serialized.SerializedConfigElement"

# Sampler arguments that are not client properties.
_OWN = {"kafka.topic.name", "zookeeper.servers", "keyed.message", "message.placeholder.key",
        "message.value.placeholder", "message.key.placeholder", "kerberos.auth.enabled",
        "ssl.enabled", "java.security.auth.login.config", "java.security.krb5.conf"}


def migrate(migration):
    schemas = {}
    for element in migration.elements(PLAIN_TEXT):
        properties = element.properties()
        schemas[properties.get("placeHolder", "")] = properties.get("jsonSchema", "")
        migration.remove(element)
        migration.report.convert("'%s' (Pepper-Box plaintext config)" % element.name,
                                 "the producer's templates, rendered natively")
    for element in migration.elements(SERIALIZED):
        migration.remove(element)
        migration.report.note("'%s' (Pepper-Box serialized config)" % element.name,
                              "removed: Java-class messages have no equivalent; its samplers send the variable's text")
    for element in migration.java_requests(SAMPLER):
        _sampler(migration, element, schemas)


def _sampler(migration, element, schemas):
    where = "'%s' (Pepper-Box sampler)" % element.name
    arguments = element.arguments()
    connection = migration.new_connection("", where)
    connection.take_arguments(arguments, _OWN)
    if arguments.get("kerberos.auth.enabled") == "YES":
        migration.report.unmapped(where, "kerberos.auth.enabled", "YES",
                                  "set sasl.kerberos.keytab and sasl.kerberos.principal instead of JAAS/krb5 files")
    zookeeper = arguments.get("zookeeper.servers", "")
    if zookeeper and not zookeeper.startswith("<"):
        migration.report.unmapped(where, "zookeeper.servers", zookeeper, "brokers come from bootstrap.servers")
    value_holder = arguments.get("message.value.placeholder", arguments.get("message.placeholder.key", "MESSAGE"))
    value = _template(migration, where, schemas, value_holder)
    key = ""
    if arguments.get("keyed.message", "NO") == "YES":
        key = _template(migration, where, schemas, arguments.get("message.key.placeholder", "KEY"))
    name = migration.shared_connection(connection)
    sampler = samplers.producer(element.name, element.enabled, name, arguments.get("kafka.topic.name", ""),
                                value, key=key, mode="track", messages=migration.messages_per_sample)
    migration.replace(element, sampler)
    migration.report.convert(where, "Kafka Producer (track mode, connection '%s')" % name)


def _template(migration, where, schemas, holder):
    if holder in schemas:
        return translate(schemas[holder], migration.report, where)
    migration.report.note(where, "no Pepper-Box config element fills '%s': the message is ${%s}" % (holder, holder))
    return "${%s}" % holder
