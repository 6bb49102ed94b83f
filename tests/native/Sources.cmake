# The native suite's sources, for this machine's build (tests/native) and the Windows build
# that Wine runs (tests/wine). The POSIX-only ones: the embedded cluster's TCP_NODELAY on its
# listeners (Linux's /proc; on Windows the mock keeps its own behaviour), the start/stop cycles'
# threads, descriptors and memory (read from Linux's /proc), and the Schema Registry tests,
# whose registry double is a Python server the test starts with posix_spawn (a Windows
# program under Wine cannot start this machine's Python).
set(KNS_NATIVE_TEST_SOURCES
  AvroTemplateTest.cpp
  ByteWriterTest.cpp
  ClientDefaultsTest.cpp
  ClusterHealthTest.cpp
  ConnectionConfigTest.cpp
  ConsumerSessionTest.cpp
  EmbeddedProduceTest.cpp
  FaultScheduleTest.cpp
  InterruptTest.cpp
  JsonTemplateTest.cpp
  LatencyHistogramTest.cpp
  LiveSecondsTest.cpp
  MessageTemplateTest.cpp
  MurmurAndRandomTest.cpp
  PayloadFileTest.cpp
  ProtoTemplateTest.cpp
  RateLimiterTest.cpp
  RunTimelineTest.cpp
  SequenceVerifierTest.cpp
  TextStampTest.cpp
  TestTopics.cpp
  TopicReader.cpp
  WireFormatTest.cpp
)
set(KNS_NATIVE_POSIX_TEST_SOURCES
  LifecycleTest.cpp
  EmbeddedClusterTest.cpp
  RegistryDouble.cpp
  SchemaRegistryTest.cpp
)
