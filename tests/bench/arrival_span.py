"""Reads a consumer's output, one line per message, and prints "MESSAGES SECONDS": the count and
the time from the first line's arrival to the last's. That is the consumer's active span,
measured as the Kafka Consumer sampler measures its own (group join and exit excluded)."""
import sys
import time

count = 0
first = last = 0.0
for _ in sys.stdin.buffer:
    last = time.monotonic()
    if count == 0:
        first = last
    count += 1
print(count, f"{last - first:.6f}")
