package io.kafkanative.jmeter.core;

/**
 * How a key or value is encoded, and where its schema comes from; crosses into native code as
 * five texts (schema file, subject, version, message name, schema folders) and two numbers
 * (format, subject strategy), in the order of {@code jni/SettingsLayout.hpp}.
 */
public final class SchemaConfig {
  /** The encoding; the ordinal crosses into native code. */
  public enum Format {
    STRING,
    AVRO,
    PROTOBUF,
    JSON_SCHEMA
  }

  /** How the registry subject is named (Confluent's strategies); the ordinal crosses. */
  public enum SubjectStrategy {
    TOPIC_NAME,
    RECORD_NAME,
    TOPIC_RECORD_NAME
  }

  public Format format = Format.STRING;
  /** The .avsc, .proto or JSON Schema file; with a registry it is registered under the subject. */
  public String schemaFile = "";
  /** The subject; empty: named by {@link #strategy}. */
  public String subject = "";
  public SubjectStrategy strategy = SubjectStrategy.TOPIC_NAME;
  /** Without a schema file: the subject's version to use, "latest" or a number. */
  public String version = "latest";
  /** Protobuf: the record message's full name; empty: the file's first message. */
  public String messageName = "";
  /** Folders searched after the schema file's own for the files it depends on. */
  public java.util.List<String> schemaFolders = new java.util.ArrayList<String>();

  String[] texts() {
    StringBuilder folders = new StringBuilder();
    for (String folder : schemaFolders) {
      folders.append(folder).append('\n');
    }
    return new String[] {schemaFile, subject, version, messageName, folders.toString()};
  }

  long[] numbers() {
    return new long[] {format.ordinal(), strategy.ordinal()};
  }
}
